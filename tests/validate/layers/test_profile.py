"""The profile layer: conformance to the published JSON Schema (opt-in)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from schema_pub.validate.document import Document
from schema_pub.validate.layers import profile
from schema_pub.validate.layers.profile import check_against, is_date_time, is_uri

ROOT = Path(__file__).resolve().parents[3]

SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "urn:x-test:article",
    "type": "object",
    "required": ["@context", "@type"],
    "properties": {
        "@type": {"const": "NewsArticle"},
        "datePublished": {"type": "string", "format": "date-time"},
        "url": {"type": "string", "format": "uri"},
        "author": {"type": "array", "items": {"$ref": "#/$defs/person"}},
    },
    "$defs": {"person": {"type": "object", "required": ["name"]}},
}

GOOD = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "datePublished": "2024-06-12T09:30:00+02:00",
    "url": "https://news.example/a",
    "author": [{"name": "Ana"}],
}


@pytest.mark.parametrize(
    ("change", "paths"),
    [
        ({}, []),
        ({"@context": None}, [()]),
        ({"@type": "BlogPosting"}, [("@type",)]),
        ({"datePublished": "12 June 2024"}, [("datePublished",)]),
        ({"datePublished": "2024-06-12T09:30:00"}, [("datePublished",)]),
        ({"url": "not a uri"}, [("url",)]),
        ({"author": [{"name": "Ana"}, {"url": "x"}]}, [("author", 1)]),
        ({"url": "a b", "datePublished": "x"}, [("datePublished",), ("url",)]),
    ],
)
def test_mismatches_are_found_with_paths(
    change: dict[str, Any], paths: list[tuple[Any, ...]]
) -> None:
    data = {k: v for k, v in {**GOOD, **change}.items() if v is not None}
    findings = list(check_against(SCHEMA, data))
    assert [f.path for f in findings] == paths
    assert all(f.code == "SP501" for f in findings)


def test_validator_is_built_once() -> None:
    list(check_against(SCHEMA, GOOD))
    first = profile._VALIDATORS[id(SCHEMA)][1]
    list(check_against(SCHEMA, {}))
    assert profile._VALIDATORS[id(SCHEMA)][1] is first


def test_schema_from_the_document_options() -> None:
    doc = Document({"@type": "BlogPosting"}, options={"profile_schema": SCHEMA})
    assert [f.path for f in profile.check(doc)] == [(), ("@type",)]


def test_remote_refs_are_not_fetched() -> None:
    schema = {"$ref": "https://example.com/remote.schema.json"}
    with pytest.raises(Exception) as caught:
        list(check_against(schema, {}))
    assert "socket" not in type(caught.value).__name__.lower()


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("2024-06-12T09:30:00Z", True),
        ("2024-06-12T09:30:00.5+02:00", True),
        ("2024-06-12t09:30:00z", True),
        ("2024-06-12T09:30:00", False),
        ("2024-06-12", False),
        ("2024-02-30T09:30:00Z", False),
        ("2024-06-12T25:00:00Z", False),
        (42, True),
    ],
)
def test_date_time_format(value: object, ok: bool) -> None:
    assert is_date_time(value) is ok


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("https://news.example/a", True),
        ("urn:isbn:0451450523", True),
        ("mailto:desk@news.example", True),
        ("/relative", False),
        ("no scheme here", False),
        ("https://news.example/a b", False),
    ],
)
def test_uri_format(value: object, ok: bool) -> None:
    assert is_uri(value) is ok


def test_published_output_conforms_to_the_contract() -> None:
    schema = profile.load_schema()
    if schema is None:
        pytest.skip("schema_pub.contract.graph_schema() is not available")
    published = sorted((ROOT / "output").rglob("article.jsonld"))
    if not published:
        pytest.skip("no published .jsonld under output/")
    for path in published:
        findings = list(profile.check(Document(orjson.loads(path.read_bytes()))))
        assert findings == [], (path, findings[:3])
