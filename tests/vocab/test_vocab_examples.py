"""Every JSON-LD example of schema.org 30.0 expands the same under our context as under
the official context file.

The official side runs pyld directly with a test loader that serves
``schemaorgcontext.jsonld`` under a private URL (pyld caches static contexts by URL, so
the two sides must not share one); our side goes through ``schema_pub.jsonld``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pyld import jsonld as pyld_jsonld

from schema_pub import jsonld
from tests.vocab.schemaorg_examples import JsonExample, json_examples

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO / ".." / "shared"
RELEASE_DIR = SHARED / "schemaorg" / "30.0"
EXAMPLES_FILE = RELEASE_DIR / "examples.txt"
OFFICIAL_FILE = RELEASE_DIR / "schemaorgcontext.jsonld"
OFFICIAL_URL = "urn:x-test:official-schemaorg-context"

# Examples that cannot be compared, with the reason.
SKIPPED = {
    "eg-0176": "its JSON section says 'No JSON-LD example available' (not JSON)",
}

_available = EXAMPLES_FILE.is_file() and OFFICIAL_FILE.is_file()
EXAMPLES: list[JsonExample] = json_examples(EXAMPLES_FILE) if _available else []

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(
        not _available,
        reason=f"schema.org examples or context not available under {RELEASE_DIR} "
        "(../shared absent)",
    ),
]


def _official_loader(url: str, options: Any = None) -> dict[str, Any]:
    if url != OFFICIAL_URL:
        raise AssertionError(f"the official side tried to load {url}")
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": json.loads(OFFICIAL_FILE.read_text(encoding="utf-8")),
        "tag": "static",
    }


def _to_official(node: Any) -> Any:
    if isinstance(node, list):
        return [_to_official(v) for v in node]
    if isinstance(node, dict):
        return {k: (_swap(v) if k == "@context" else _to_official(v)) for k, v in node.items()}
    return node


def _swap(context: Any) -> Any:
    if isinstance(context, str):
        return OFFICIAL_URL if jsonld.is_schema_context_url(context) else context
    if isinstance(context, list):
        return [_swap(c) for c in context]
    return context


def test_examples_were_found() -> None:
    assert len(EXAMPLES) >= 200
    assert len({e.example_id for e in EXAMPLES}) == len(EXAMPLES)
    assert set(SKIPPED) <= {e.example_id for e in EXAMPLES}


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.example_id for e in EXAMPLES])
def test_example_expands_like_official(example: JsonExample) -> None:
    if example.example_id in SKIPPED:
        pytest.skip(SKIPPED[example.example_id])
    doc = json.loads(example.text)
    expected = pyld_jsonld.expand(_to_official(doc), {"documentLoader": _official_loader})
    got = jsonld.expand(doc)
    assert json.dumps(got, sort_keys=True) == json.dumps(expected, sort_keys=True)
    assert got, "an example that expands to nothing compares nothing"


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.example_id for e in EXAMPLES])
def test_example_has_no_dropped_property(example: JsonExample) -> None:
    """schema.org's own examples use only schema.org terms: the check that expands
    without @vocab must not report any of them."""
    if example.example_id in SKIPPED:
        pytest.skip(SKIPPED[example.example_id])
    assert jsonld.dropped_properties(json.loads(example.text)) == []
