"""Page layer: structured data describes what the page shows."""

from __future__ import annotations

import json
from typing import Any

import pytest

from schema_pub.validate import validate_data

ARTICLE: dict[str, Any] = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "Mistrial declared",
    "author": {"@type": "Person", "name": "Jane Roe"},
    "hasPart": {
        "@type": "Quotation",
        "text": "We are ready to go forward",
        "spokenByCharacter": {"@type": "Person", "name": "Alvin Bragg"},
    },
}


def page(body: str, data: dict[str, Any] = ARTICLE) -> bytes:
    block = json.dumps(data)
    return (
        f'<!doctype html><html><head><script type="application/ld+json">{block}</script>'
        f"</head><body>{body}</body></html>"
    ).encode()


def codes(raw: bytes) -> set[str]:
    return {f.code for f in validate_data(raw, file="page.html") if f.code.startswith("SP6")}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "<h1>Mistrial Declared</h1><p>By Jane Roe</p><p>“We are ready to go forward,” he said.</p>",
            set(),
        ),
        ("<h1>Other words</h1><p>By Jane Roe</p><p>We are ready to go forward.</p>", {"SP601"}),
        ("<h1>Mistrial declared</h1><p>We are ready to go forward.</p>", {"SP602"}),
        ("<h1>Mistrial declared</h1><p>By Jane Roe</p>", {"SP603"}),
        (
            "<h1>Mistrial declared</h1><p>By Jane\n   Roe</p><q>We are ready   to go forward</q>",
            set(),
        ),
        # text inside a script or style is not visible
        (
            "<p>Page</p><script>'Mistrial declared Jane Roe We are ready to go forward'</script>",
            {"SP601", "SP602", "SP603"},
        ),
        (
            "<style>/* Mistrial declared */</style><p>Jane Roe: We are ready to go forward</p>",
            {"SP601"},
        ),
    ],
)
def test_visibility(body: str, expected: set[str]) -> None:
    assert codes(page(body)) == expected


def test_fragment_without_body_text_is_not_judged() -> None:
    """head.html holds only head markup: nothing is visible, nothing is reported."""
    assert codes(page("")) == set()


def test_jsonld_files_are_not_judged() -> None:
    assert codes(json.dumps(ARTICLE).encode()) == set()
