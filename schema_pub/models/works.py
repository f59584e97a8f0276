"""Creative works: the article, its page and site, its quotations and sources."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from schema_pub.models.base import Node, Ref
from schema_pub.models.media import ImageObject
from schema_pub.models.things import NewsMediaOrganization, Organization, Person
from schema_pub.models.types import (
    DateOrDateTime,
    DateTime,
    HttpUrl,
    LanguageTag,
    NonNegativeInt,
    Text,
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


class _ArticleFields(Node):
    headline: Text
    alternative_headline: Text | None = None
    description: Text | None = None
    article_body: Text | None = None
    article_section: Text | None = None
    keywords: list[Text] | None = None
    in_language: LanguageTag | None = None
    date_published: DateTime | None = None
    date_modified: DateTime | None = None
    dateline: Text | None = None
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
        from datetime import datetime

        if self.date_published and self.date_modified:
            published = datetime.fromisoformat(self.date_published.replace("Z", "+00:00"))
            modified = datetime.fromisoformat(self.date_modified.replace("Z", "+00:00"))
            if modified < published:
                raise ValueError("dateModified is earlier than datePublished")
        return self


class Article(_ArticleFields):
    type: Literal["Article"] = Field(default="Article", alias="@type")


class NewsArticle(_ArticleFields):
    type: Literal["NewsArticle"] = Field(default="NewsArticle", alias="@type")
