"""Pydantic models of the schema.org entities schema_pub publishes."""

from __future__ import annotations

from schema_pub.models.base import Node, Ref, SchemaModel
from schema_pub.models.media import ImageObject
from schema_pub.models.things import NewsMediaOrganization, Organization, Person
from schema_pub.models.works import (
    Article,
    CreativeWork,
    NewsArticle,
    Quotation,
    WebPage,
    WebSite,
)

ImageObject.model_rebuild()
Person.model_rebuild()
Organization.model_rebuild()
NewsMediaOrganization.model_rebuild()

NODE_TYPES: tuple[type[Node], ...] = (
    NewsArticle,
    Article,
    WebPage,
    WebSite,
    Person,
    Organization,
    NewsMediaOrganization,
    ImageObject,
    Quotation,
    CreativeWork,
)

__all__ = [
    "NODE_TYPES",
    "Article",
    "CreativeWork",
    "ImageObject",
    "NewsArticle",
    "NewsMediaOrganization",
    "Node",
    "Organization",
    "Person",
    "Quotation",
    "Ref",
    "SchemaModel",
    "WebPage",
    "WebSite",
]
