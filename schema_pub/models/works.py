"""Creative works: the article, its page and site, its quotations and sources."""

from __future__ import annotations

from datetime import timezone
from typing import Literal

from pydantic import Field, model_validator

from schema_pub.models.base import Node, Ref
from schema_pub.models.media import ImageObject
from schema_pub.models.things import NewsMediaOrganization, Organization, Person
from schema_pub.models.types import (
    DateOrDateTime,
    HttpUrl,
    LanguageTag,
    NonNegativeInt,
    Text,
    parse_datetime,
)

Agent = Person | Organization | NewsMediaOrganization | Ref
Publisher = Organization | NewsMediaOrganization | Ref


class CreativeWork(Node):
    """A cited source, or the report a quotation is attributed to."""

    type: Literal["CreativeWork"] = Field(default="CreativeWork", alias="@type")
    headline: Text | None = None
    name: Text | None = None
    url: HttpUrl | None = None
    publisher: Publisher | None = None
    author: Agent | list[Agent] | None = None
    date_published: DateOrDateTime | None = None

    @model_validator(mode="after")
    def _titled_or_published(self) -> CreativeWork:
        if (
            self.headline is None
            and self.name is None
            and self.publisher is None
            and self.url is None
        ):
            raise ValueError("a cited work needs a headline, a name, a url or a publisher")
        return self


class WebSite(Node):
    type: Literal["WebSite"] = Field(default="WebSite", alias="@type")
    url: HttpUrl
    name: Text
    publisher: Publisher | None = None
    in_language: LanguageTag | None = None


class WebPage(Node):
    type: Literal["WebPage"] = Field(default="WebPage", alias="@type")
    url: HttpUrl
    name: Text | None = None
    is_part_of: WebSite | Ref | None = None
    in_language: LanguageTag | None = None
    primary_image_of_page: ImageObject | Ref | None = None
    date_published: DateOrDateTime | None = None
    date_modified: DateOrDateTime | None = None


class Quotation(Node):
    """A quotation: who said it, and the report it is attributed to."""

    type: Literal["Quotation"] = Field(default="Quotation", alias="@type")
    text: Text
    spoken_by_character: Agent
    is_based_on: CreativeWork | Ref | HttpUrl | None = None
    is_part_of: Ref | None = None
    in_language: LanguageTag | None = None


def _moment(value: str) -> tuple[str, float]:
    """Comparable form of a Date or DateTime: a date alone counts as its start, in UTC."""
    if "T" not in value:
        return (value, 0.0)
    moment = parse_datetime(value)
    return (moment.astimezone(timezone.utc).date().isoformat(), moment.timestamp())


class _ArticleFields(Node):
    headline: Text
    alternative_headline: Text | None = None
    description: Text | None = None
    article_body: Text | None = None
    article_section: Text | None = None
    keywords: list[Text] | None = None
    in_language: LanguageTag | None = None
    # schema.org allows a Date here; the source format asks editors for a date-time
    date_published: DateOrDateTime | None = None
    date_modified: DateOrDateTime | None = None
    author: Agent | list[Agent] | None = None
    publisher: Publisher | None = None
    image: ImageObject | Ref | list[ImageObject | Ref] | None = None
    about: list[Person | Organization | NewsMediaOrganization | Ref] | None = None
    mentions: list[Person | Organization | NewsMediaOrganization | Ref] | None = None
    citation: list[CreativeWork | Ref] | None = None
    has_part: list[Quotation | Ref] | None = None
    main_entity_of_page: WebPage | Ref | None = None
    is_accessible_for_free: bool | None = None
    word_count: NonNegativeInt | None = None
    url: HttpUrl | None = None

    @model_validator(mode="after")
    def _dates_in_order(self) -> _ArticleFields:
        if (
            self.date_published
            and self.date_modified
            and _moment(self.date_modified) < _moment(self.date_published)
        ):
            raise ValueError("dateModified is earlier than datePublished")
        return self


class Article(_ArticleFields):
    type: Literal["Article"] = Field(default="Article", alias="@type")


class NewsArticle(_ArticleFields):
    type: Literal["NewsArticle"] = Field(default="NewsArticle", alias="@type")
    dateline: Text | None = None
