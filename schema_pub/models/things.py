"""People and organizations."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from schema_pub.models.base import Node, Ref
from schema_pub.models.media import ImageObject
from schema_pub.models.types import HttpUrl, Text


class _OrganizationFields(Node):
    name: Text
    url: HttpUrl | None = None
    logo: ImageObject | Ref | None = None
    same_as: list[HttpUrl] | None = None
    description: Text | None = None


class Organization(_OrganizationFields):
    type: Literal["Organization"] = Field(default="Organization", alias="@type")


class NewsMediaOrganization(_OrganizationFields):
    type: Literal["NewsMediaOrganization"] = Field(default="NewsMediaOrganization", alias="@type")


AnyOrganization = Organization | NewsMediaOrganization


class Person(Node):
    """A person. A speaker may be unnamed and only described ("the jury foreperson")."""

    type: Literal["Person"] = Field(default="Person", alias="@type")
    name: Text | None = None
    description: Text | None = None
    url: HttpUrl | None = None
    same_as: list[HttpUrl] | None = None
    job_title: Text | None = None
    affiliation: Organization | NewsMediaOrganization | Ref | None = None

    @model_validator(mode="after")
    def _named_or_described(self) -> Person:
        if self.name is None and self.description is None:
            raise ValueError("a person needs a name or, when unnamed, a description")
        return self
