"""The JSON Schemas that describe what schema_pub reads and emits.

They are generated from the models at run time (the installed package needs
no schema files); ``schemas/`` at the top of the repository is an exported
copy, kept in sync by ``schema-pub schemas check``. Checking a document
against them is done with python-jsonschema (imported here only), with our
own ``date-time``, ``date`` and ``uri`` format checks and a ``referencing``
registry that never reaches the network or the file system.
"""

from __future__ import annotations

import importlib
import json
import re
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from pydantic.json_schema import (
    GenerateJsonSchema,
    JsonSchemaMode,
    JsonSchemaValue,
    models_json_schema,
)
from pydantic_core import core_schema

from schema_pub.models import NODE_TYPES
from schema_pub.models.types import check_http_url, parse_datetime

if TYPE_CHECKING:
    from jsonschema.protocols import Validator

DRAFT = "https://json-schema.org/draft/2020-12/schema"
ID_BASE = "urn:schema-pub:schema:"


class EmittedJsonSchema(GenerateJsonSchema):
    """The schema of what schema_pub writes: no nulls (unset values are left out),
    ``@type`` always present, no defaults."""

    def nullable_schema(self, schema: core_schema.NullableSchema) -> JsonSchemaValue:
        return self.generate_inner(schema["schema"])

    def default_schema(self, schema: core_schema.WithDefaultSchema) -> JsonSchemaValue:
        return self.generate_inner(schema["schema"])

    def model_schema(self, schema: core_schema.ModelSchema) -> JsonSchemaValue:
        value = super().model_schema(schema)
        props = value.get("properties", {})
        if "@type" in props:
            required = value.setdefault("required", [])
            if "@type" not in required:
                required.insert(0, "@type")
        return value


def _clean(value: Any) -> Any:
    """Drop pydantic's generated ``title`` of each property (noise for readers)."""
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if key == "properties" and isinstance(item, dict):
                out[key] = {
                    name: _clean({k: v for k, v in prop.items() if k != "title"})
                    for name, prop in item.items()
                }
            else:
                out[key] = _clean(item)
        return out
    if isinstance(value, list):
        return [_clean(item) for item in value]
    return value


def _clean_dict(value: dict[str, Any]) -> dict[str, Any]:
    cleaned: dict[str, Any] = _clean(value)
    return cleaned


def _document(name: str, title: str, body: dict[str, Any]) -> dict[str, Any]:
    return {"$schema": DRAFT, "$id": f"{ID_BASE}{name}", "title": title, **body}


def graph_schema() -> dict[str, Any]:
    """The published JSON-LD document: ``@context`` and an ``@graph`` of nodes."""
    pairs: list[tuple[Any, JsonSchemaMode]] = [(model, "validation") for model in NODE_TYPES]
    refs, defs = models_json_schema(
        pairs, by_alias=True, ref_template="#/$defs/{model}", schema_generator=EmittedJsonSchema
    )
    node_refs = [refs[(model, "validation")] for model in NODE_TYPES]
    body = {
        "description": "A JSON-LD document published by schema_pub: every entity one node of @graph, linked by @id.",
        "type": "object",
        "additionalProperties": False,
        "required": ["@context", "@graph"],
        "properties": {
            "@context": {"const": "https://schema.org"},
            "@graph": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "required": ["@type", "@id"],
                    "properties": {"@type": {"enum": [model.__name__ for model in NODE_TYPES]}},
                    "allOf": [
                        {
                            "if": {"properties": {"@type": {"const": model.__name__}}},
                            "then": ref,
                        }
                        for model, ref in zip(NODE_TYPES, node_refs, strict=False)
                    ],
                },
            },
        },
        "$defs": defs["$defs"],
    }
    return _clean_dict(_document("graph.schema.json", "schema_pub JSON-LD graph", body))


def node_schema(name: str) -> dict[str, Any]:
    """One node type alone, e.g. ``NewsArticle``."""
    model = next(m for m in NODE_TYPES if m.__name__ == name)
    schema = model.model_json_schema(by_alias=True, schema_generator=EmittedJsonSchema)
    return _clean_dict(_document(f"nodes/{name}.schema.json", name, schema))


def source_schema() -> dict[str, Any]:
    from schema_pub.publish.source import ArticleSource

    schema = ArticleSource.model_json_schema()
    return _clean_dict(_document("article-source.schema.json", "schema_pub article source", schema))


def site_schema() -> dict[str, Any]:
    from schema_pub.publish.source import SiteSource

    schema = SiteSource.model_json_schema()
    return _clean_dict(_document("site.schema.json", "schema_pub site configuration", schema))


@cache
def all_schemas() -> dict[str, dict[str, Any]]:
    """Every exported schema by its path under ``schemas/`` (built once per process;
    callers must not change what it returns)."""
    out: dict[str, dict[str, Any]] = {
        "graph.schema.json": graph_schema(),
        "article-source.schema.json": source_schema(),
        "site.schema.json": site_schema(),
    }
    for model in NODE_TYPES:
        out[f"nodes/{model.__name__}.schema.json"] = node_schema(model.__name__)
    try:
        report = importlib.import_module("schema_pub.report.json")
    except ImportError:
        pass
    else:
        if hasattr(report, "report_schema"):
            out["report.schema.json"] = report.report_schema()
    return out


def schema_text(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


# --- checking -----------------------------------------------------------------

_DATETIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$"
)
_DATETIME_NO_SECONDS = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})$")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def is_datetime(value: object) -> bool:
    """RFC 3339 date-time with a timezone (ISO 8601 without seconds accepted too)."""
    if not isinstance(value, str):
        return True
    if not (_DATETIME.match(value) or _DATETIME_NO_SECONDS.match(value)):
        return False
    try:
        parse_datetime(value)
    except ValueError:
        return False
    return True


def is_date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not re.match(r"^\d{4}-\d{2}-\d{2}$", value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def is_uri(value: object) -> bool:
    """An absolute URI (RFC 3986); http(s) URLs get the same check as the models."""
    if not isinstance(value, str):
        return True
    if not _SCHEME.match(value):
        return False
    if value.lower().startswith(("http:", "https:")):
        try:
            check_http_url(value)
        except ValueError:
            return False
        return True
    if any(c.isspace() or c in '<>"{}|\\^`' or ord(c) < 0x20 for c in value):
        return False
    try:
        urlsplit(value).port  # noqa: B018 - raises on a bad port
    except ValueError:
        return False
    return True


def format_checker() -> Any:
    from jsonschema import FormatChecker

    checker = FormatChecker(formats=())
    checker.checks("date-time")(is_datetime)
    checker.checks("date")(is_date)
    checker.checks("uri")(is_uri)
    return checker


@cache
def registry() -> Any:
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    def refuse(uri: str) -> Any:
        from referencing.exceptions import NoSuchResource

        raise NoSuchResource(ref=uri)  # type: ignore[call-arg]

    resources = [
        (schema["$id"], Resource.from_contents(schema, default_specification=DRAFT202012))
        for schema in all_schemas().values()
    ]
    return Registry(retrieve=refuse).with_resources(resources)  # type: ignore[call-arg]


@cache
def validator(name: str = "graph.schema.json") -> Validator:
    """A reusable Draft 2020-12 validator for one exported schema, format checks on."""
    from jsonschema import Draft202012Validator

    schema = all_schemas()[name]
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, registry=registry(), format_checker=format_checker())


def errors(document: Any, name: str = "graph.schema.json") -> list[str]:
    """Messages of every way ``document`` breaks the named schema, with JSON paths."""
    from jsonschema.exceptions import best_match

    out = []
    for error in sorted(
        validator(name).iter_errors(document), key=lambda e: list(map(str, e.absolute_path))
    ):
        while error.context:
            error = best_match(error.context)
        message = error.message if len(error.message) <= 200 else error.message[:197] + "..."
        out.append(f"{error.json_path}: {message}")
    return out
