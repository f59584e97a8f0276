"""The profile layer (opt-in): the document against schema_pub's published JSON Schemas.

The schema comes from ``schema_pub.contract.graph_schema()``; while that module does
not exist the layer reports nothing. jsonschema is imported only when the layer runs
(it costs a few hundred milliseconds), the validator is built once per schema and
reused, ``$ref``s resolve only inside a local ``referencing`` registry (never over
the network), and ``date-time`` and ``uri`` formats are checked by our own functions
(jsonschema's own checks pass anything unless heavy optional packages are present).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache
from typing import Any

from schema_pub.validate.document import Document
from schema_pub.validate.findings import Finding, JsonPath, Rule, Severity

__all__ = [
    "PROFILE_MISMATCH",
    "RULES",
    "check",
    "check_against",
    "is_date_time",
    "is_uri",
    "load_schema",
]

LAYER = "profile"

PROFILE_MISMATCH = Rule(
    "SP501",
    "profile-mismatch",
    Severity.ERROR,
    "The document does not conform to the JSON Schema schema_pub publishes for "
    "its output (schemas/).",
    LAYER,
)

RULES: tuple[Rule, ...] = (PROFILE_MISMATCH,)

_DATE_TIME_RE = re.compile(
    r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})\Z"
)
_URI_RE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s]*\Z")


def is_date_time(value: object) -> bool:
    """RFC 3339 date-time (what JSON Schema's ``date-time`` format means)."""
    if not isinstance(value, str):
        return True  # formats only constrain strings
    if _DATE_TIME_RE.match(value) is None:
        return False
    from schema_pub.models.types import parse_datetime  # only a --profile run gets here

    try:
        parse_datetime(value.replace(" ", "T").replace("t", "T"))
    except ValueError:
        return False
    return True


def is_uri(value: object) -> bool:
    """An absolute URI: a scheme, a colon, and no whitespace."""
    if not isinstance(value, str):
        return True
    return _URI_RE.match(value) is not None


@lru_cache(maxsize=1)
def load_schema() -> Mapping[str, Any] | None:
    """``schema_pub.contract.graph_schema()`` (built once), or None while it does not exist."""
    try:
        contract = importlib.import_module("schema_pub.contract")
    except ImportError:
        return None
    provider = getattr(contract, "graph_schema", None)
    if not callable(provider):
        return None
    schema = provider()
    return schema if isinstance(schema, Mapping) else None


_VALIDATORS: dict[int, tuple[Mapping[str, Any], Any]] = {}


def _validator(schema: Mapping[str, Any]) -> Any:
    """One validator per schema object, built on first use and kept."""
    cached = _VALIDATORS.get(id(schema))
    if cached is not None and cached[0] is schema:
        return cached[1]
    import jsonschema
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    resource = Resource.from_contents(dict(schema), default_specification=DRAFT202012)
    registry: Registry[Any] = Registry().with_resource(
        str(schema.get("$id", "urn:x-schema-pub:profile")), resource
    )
    for name, sub in dict(schema.get("$defs", {})).items():
        if isinstance(sub, Mapping) and isinstance(sub.get("$id"), str):
            registry = registry.with_resource(
                sub["$id"], Resource.from_contents(dict(sub), default_specification=DRAFT202012)
            )
        del name
    checker = jsonschema.FormatChecker(formats=())
    checks: dict[str, Callable[[object], bool]] = {"date-time": is_date_time, "uri": is_uri}
    for fmt, func in checks.items():
        checker.checks(fmt)(func)
    cls = jsonschema.validators.validator_for(dict(schema), default=jsonschema.Draft202012Validator)
    validator = cls(dict(schema), registry=registry, format_checker=checker)
    _VALIDATORS[id(schema)] = (schema, validator)
    return validator


def check_against(schema: Mapping[str, Any], data: Any) -> Iterator[Finding]:
    """Findings for every way ``data`` breaks ``schema`` (sorted by path, then message)."""
    validator = _validator(schema)
    errors = sorted(
        validator.iter_errors(data),
        key=lambda e: ([str(p) for p in e.absolute_path], e.message),
    )
    for error in errors:
        path: JsonPath = tuple(p for p in error.absolute_path if isinstance(p, (str, int)))
        keyword = str(error.validator)
        yield PROFILE_MISMATCH(
            f"{error.message} (schema keyword {keyword!r})",
            path=path,
            schema_path="/".join(str(p) for p in error.absolute_schema_path),
        )


def check(doc: Document) -> Iterator[Finding]:
    """Validate ``doc.data`` against the published graph schema, when there is one."""
    if doc.data is None:
        return
    schema = doc.options.get("profile_schema")
    if not isinstance(schema, Mapping):
        schema = load_schema()
    if schema is None:
        return
    yield from check_against(schema, doc.data)
