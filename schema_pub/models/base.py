"""Configuration shared by the schema.org models."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel

from schema_pub.models.types import HttpUrl


class SchemaModel(BaseModel):
    """Base of every schema.org model: strict, camelCase on the wire."""

    model_config = ConfigDict(
        extra="forbid",
        allow_inf_nan=False,
        alias_generator=to_camel,
        populate_by_name=True,
        serialize_by_alias=True,
        validate_by_name=True,
        validate_by_alias=True,
        frozen=True,
    )

    def to_jsonld(self) -> dict[str, object]:
        """This node as JSON-LD: camelCase keys, unset values left out."""
        return self.model_dump(mode="json", by_alias=True, exclude_none=True)


class Ref(SchemaModel):
    """A reference to a node of the same graph: ``{"@id": "..."}``."""

    model_config = ConfigDict(title="Ref")

    id: HttpUrl = Field(alias="@id")


class Node(SchemaModel):
    """A schema.org entity that may carry an ``@id``."""

    id: HttpUrl | None = Field(default=None, alias="@id")
