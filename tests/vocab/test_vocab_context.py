"""Our schema.org context, built from the index, against the official one of 30.0."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from schema_pub.vocab import load
from schema_pub.vocab.context import schema_context, term_definition

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO / ".." / "shared"
OFFICIAL_FILE = SHARED / "schemaorg" / "30.0" / "schemaorgcontext.jsonld"

# Terms of the official context file that are not in the current release file (the
# context is generated from a wider set, including retired terms). With @vocab they
# expand to the same IRIs anyway; only the two typed ones differ in coercion.
OFFICIAL_ONLY = {
    "DeliveryTimeSettings": {"@id": "schema:DeliveryTimeSettings"},
    "ProductReturnEnumeration": {"@id": "schema:ProductReturnEnumeration"},
    "ProductReturnFiniteReturnWindow": {"@id": "schema:ProductReturnFiniteReturnWindow"},
    "ProductReturnNotPermitted": {"@id": "schema:ProductReturnNotPermitted"},
    "ProductReturnPolicy": {"@id": "schema:ProductReturnPolicy"},
    "ProductReturnUnlimitedWindow": {"@id": "schema:ProductReturnUnlimitedWindow"},
    "ProductReturnUnspecified": {"@id": "schema:ProductReturnUnspecified"},
    "StupidType": {"@id": "schema:StupidType"},
    "hasProductReturnPolicy": {"@id": "schema:hasProductReturnPolicy"},
    "productReturnDays": {"@id": "schema:productReturnDays"},
    "productReturnLink": {"@id": "schema:productReturnLink", "@type": "@id"},
    "shippingLabel": {"@id": "schema:shippingLabel"},
    "shippingSettingsLink": {"@id": "schema:shippingSettingsLink", "@type": "@id"},
    "stupidProperty": {"@id": "schema:stupidProperty"},
    "transitTimeLabel": {"@id": "schema:transitTimeLabel"},
    "variablesMeasured": {"@id": "schema:variablesMeasured"},
}

needs_official = pytest.mark.skipif(
    not OFFICIAL_FILE.is_file(),
    reason=f"official schema.org context not available at {OFFICIAL_FILE} (../shared absent)",
)


@pytest.fixture(scope="module")
def official() -> dict[str, Any]:
    body: dict[str, Any] = json.loads(OFFICIAL_FILE.read_text(encoding="utf-8"))["@context"]
    return body


@pytest.fixture(scope="module")
def ours() -> dict[str, Any]:
    body: dict[str, Any] = schema_context()["@context"]
    return body


@needs_official
@pytest.mark.shared
def test_every_official_term_matches(official: dict[str, Any], ours: dict[str, Any]) -> None:
    mismatched = {
        key: (value, ours.get(key))
        for key, value in official.items()
        if key not in OFFICIAL_ONLY and ours.get(key) != value
    }
    assert mismatched == {}


@needs_official
@pytest.mark.shared
def test_no_term_of_ours_is_missing_from_official(
    official: dict[str, Any], ours: dict[str, Any]
) -> None:
    assert sorted(set(ours) - set(official)) == []
    assert {k: official[k] for k in set(official) - set(ours)} == OFFICIAL_ONLY


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("@vocab", "http://schema.org/"),
        ("schema", "http://schema.org/"),
        ("id", "@id"),
        ("type", "@type"),
        ("HTML", {"@id": "rdf:HTML"}),
        ("xml", "http://www.w3.org/XML/1998/namespace"),
        ("NewsArticle", {"@id": "schema:NewsArticle"}),
        ("headline", {"@id": "schema:headline"}),
        ("Monday", {"@id": "schema:Monday"}),
        # URL in range, Text not: IRIs
        ("url", {"@id": "schema:url", "@type": "@id"}),
        ("image", {"@id": "schema:image", "@type": "@id"}),
        ("sameAs", {"@id": "schema:sameAs", "@type": "@id"}),
        ("mainEntityOfPage", {"@id": "schema:mainEntityOfPage", "@type": "@id"}),
        # URL and Text in range: left as given
        ("identifier", {"@id": "schema:identifier"}),
        ("keywords", {"@id": "schema:keywords"}),
        # Date in range, Text not: typed Date
        ("datePublished", {"@id": "schema:datePublished", "@type": "Date"}),
        ("birthDate", {"@id": "schema:birthDate", "@type": "Date"}),
        ("uploadDate", {"@id": "schema:uploadDate", "@type": "Date"}),
        ("dateCreated", {"@id": "schema:dateCreated", "@type": "Date"}),
        # Date and Text in range: left as given
        ("applicationDeadline", {"@id": "schema:applicationDeadline"}),
        # DateTime and Time without Date: no coercion
        ("startTime", {"@id": "schema:startTime"}),
    ],
)
def test_context_entries(ours: dict[str, Any], key: str, expected: Any) -> None:
    assert ours[key] == expected


def test_without_vocab_only_drops_vocab(ours: dict[str, Any]) -> None:
    bare = schema_context(with_vocab=False)["@context"]
    assert "@vocab" not in bare
    assert {k: v for k, v in ours.items() if k != "@vocab"} == bare


def test_context_is_a_fresh_copy_each_time() -> None:
    first = schema_context()
    first["@context"]["headline"]["@type"] = "@id"
    first["@context"]["new"] = "x"
    again = schema_context()["@context"]
    assert again["headline"] == {"@id": "schema:headline"}
    assert "new" not in again


def test_context_is_deterministic() -> None:
    assert json.dumps(schema_context()) == json.dumps(schema_context())


@pytest.mark.parametrize("name", ["Text", "URL", "NewsArticle", "Monday"])
def test_non_properties_are_never_coerced(name: str) -> None:
    assert term_definition(load(), name) == {"@id": "schema:" + name}
