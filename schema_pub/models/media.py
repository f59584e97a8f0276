"""Images and their licence metadata."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field, model_validator

from schema_pub.models.base import Node, Ref
from schema_pub.models.types import HttpUrl, PositiveInt, Text

if TYPE_CHECKING:
    from schema_pub.models.things import NewsMediaOrganization, Organization, Person


class ImageObject(Node):
    """A photo with the licence metadata Google reads (creator, license, credit)."""

    type: Literal["ImageObject"] = Field(default="ImageObject", alias="@type")
    content_url: HttpUrl | None = None
    url: HttpUrl | None = None
    caption: Text | None = None
    width: PositiveInt | None = None
    height: PositiveInt | None = None
    encoding_format: Text | None = None
    creator: Person | Organization | NewsMediaOrganization | Ref | None = None
    license: HttpUrl | None = None
    acquire_license_page: HttpUrl | None = None
    credit_text: Text | None = None
    copyright_notice: Text | None = None

    @model_validator(mode="after")
    def _has_location(self) -> ImageObject:
        if self.content_url is None and self.url is None:
            raise ValueError("an image needs a url or a contentUrl")
        return self
