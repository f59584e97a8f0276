"""The article source format that editors write by hand.

An article is a YAML file, or a Markdown file whose YAML header holds the
metadata and whose body is the article text. People, organizations and cited
works are declared once under a key and referred to by that key. Site-wide
facts live in one site configuration file (``site.yaml``).

Keys here are snake_case, as editors write them; the models of
``schema_pub.models`` carry schema.org's camelCase names.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from schema_pub.models.types import (
    DateOrDateTime,
    DateTime,
    HttpUrl,
    LanguageTag,
    PositiveInt,
    Text,
    parse_datetime,
)

Key = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$")]
"""A key naming a person, organization or cited work: lower case, digits, ``-`` and ``_``."""

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def _no_query_or_fragment(value: str) -> str:
    if "#" in value or "?" in value:
        raise ValueError(
            "this URL is a base for other URLs: it may not have a query or a #fragment"
        )
    return value


def _one_or_many(value: object) -> object:
    return [value] if isinstance(value, dict) else value


# in the JSON Schema too, a key that is not a valid key is an error
_KEYS_ONLY: dict[str, Any] = {"additionalProperties": False}

BaseUrl = Annotated[HttpUrl, AfterValidator(_no_query_or_fragment)]


class SourceModel(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, frozen=True)


class PersonSource(SourceModel):
    """A person. Give a name, or for an unnamed speaker only a description."""

    name: Text | None = None
    description: Text | None = None
    job_title: Text | None = None
    affiliation: Key | None = Field(default=None, description="key of an organization")
    url: HttpUrl | None = None
    same_as: list[HttpUrl] | None = None

    @model_validator(mode="after")
    def _named_or_described(self) -> PersonSource:
        if self.name is None and self.description is None:
            raise ValueError("a person needs a name or, when unnamed, a description")
        return self


class LogoSource(SourceModel):
    url: HttpUrl
    width: PositiveInt | None = None
    height: PositiveInt | None = None


class OrganizationSource(SourceModel):
    name: Text
    type: Literal["Organization", "NewsMediaOrganization"] = "Organization"
    url: HttpUrl | None = None
    logo: LogoSource | None = None
    same_as: list[HttpUrl] | None = None
    description: Text | None = None


class ImageSource(SourceModel):
    """A photo and its licence metadata."""

    url: HttpUrl
    content_url: HttpUrl | None = Field(default=None, description="defaults to url")
    caption: Text | None = None
    width: PositiveInt | None = None
    height: PositiveInt | None = None
    encoding_format: Text | None = None
    creator: Key | None = Field(default=None, description="key of a person or organization")
    license: Text | None = Field(
        default=None, description='licence short name or deed URL, e.g. "CC BY-SA 3.0"'
    )
    acquire_license_page: HttpUrl | None = None
    credit: Text | None = Field(default=None, description="credit text shown with the photo")
    copyright_notice: Text | None = None


class QuotationSource(SourceModel):
    text: Text
    speaker: Key = Field(description="key of a person or organization")
    source: Key | None = Field(
        default=None,
        description="key of the organization whose report it is attributed to, or of a citation",
    )


class CitationSource(SourceModel):
    key: Key | None = None
    headline: Text | None = None
    name: Text | None = None
    publisher: Key | None = None
    url: HttpUrl | None = None
    date_published: DateOrDateTime | None = None


class ArticleSource(SourceModel):
    """One article. Everything but ``headline`` is optional."""

    type: Literal["NewsArticle", "Article"] = "NewsArticle"
    slug: Annotated[str, StringConstraints(pattern=_SLUG.pattern)] | None = Field(
        default=None, description="URL path segment; defaults to the file name"
    )
    url: BaseUrl | None = Field(
        default=None, description="canonical URL; defaults to site url + slug"
    )
    headline: Text
    alternative_headline: Text | None = None
    description: Text | None = None
    section: Text | None = None
    keywords: list[Text] | None = None
    language: LanguageTag | None = None
    date_published: DateTime | None = None
    date_modified: DateTime | None = None
    dateline: Text | None = None
    authors: list[Key] | None = None
    publisher: Key | None = None
    image: (
        Annotated[
            list[ImageSource],
            BeforeValidator(_one_or_many, json_schema_input_type=ImageSource | list[ImageSource]),
        ]
        | None
    ) = Field(default=None, description="one photo, or a list of them (the first is the main one)")
    about: list[Key] | None = None
    mentions: list[Key] | None = None
    people: dict[Key, PersonSource] = Field(default_factory=dict, json_schema_extra=_KEYS_ONLY)
    organizations: dict[Key, OrganizationSource] = Field(
        default_factory=dict, json_schema_extra=_KEYS_ONLY
    )
    quotations: list[QuotationSource] = Field(default_factory=list)
    citations: list[CitationSource] = Field(default_factory=list)
    is_accessible_for_free: bool = True
    body: Text | None = Field(
        default=None, description="article text (Markdown files use their body)"
    )

    @model_validator(mode="after")
    def _dateline_on_news(self) -> ArticleSource:
        if self.dateline is not None and self.type != "NewsArticle":
            raise ValueError("dateline is a property of NewsArticle only: set type: NewsArticle")
        if (
            self.date_published is not None
            and self.date_modified is not None
            and parse_datetime(self.date_modified) < parse_datetime(self.date_published)
        ):
            raise ValueError("date_modified is earlier than date_published")
        return self


class SiteSource(SourceModel):
    """Site-wide facts, in ``site.yaml`` beside the articles."""

    name: Text
    url: BaseUrl
    language: LanguageTag = "en"
    publisher: Key = Field(description="key of the organization that publishes the site")
    organizations: dict[Key, OrganizationSource] = Field(
        default_factory=dict, json_schema_extra=_KEYS_ONLY
    )
    people: dict[Key, PersonSource] = Field(default_factory=dict, json_schema_extra=_KEYS_ONLY)
    date_published: DateTime | None = Field(
        default=None, description="used when an article gives none (a placeholder)"
    )
    placeholders: list[Text] = Field(
        default_factory=list, description="facts above that are placeholders, not real"
    )
    page_template: Text | None = Field(
        default=None,
        description="Jinja2 template for article pages, a path relative to site.yaml "
        "(default: the built-in article.html)",
    )

    @model_validator(mode="after")
    def _publisher_declared(self) -> SiteSource:
        if self.publisher not in self.organizations:
            known = ", ".join(sorted(self.organizations)) or "none"
            raise ValueError(
                f'publisher "{self.publisher}" is not one of the organizations (declared: {known})'
            )
        clash = sorted(set(self.people) & set(self.organizations))
        if clash:
            raise ValueError(
                f"keys declared both as people and as organizations: {', '.join(clash)}"
            )
        return self
