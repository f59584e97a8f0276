"""The build validates the document it wrote in memory: the same errors as its text.

``validate_output(text, file, document=...)`` hands the parsed document to the
validator (skipping the reading of the text); for documents that are plain JSON
the error messages must be exactly those of validating the text, and the
validator must leave the document as it was (the feeds are written from it).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from schema_pub.graph.serialize import dumps, plain_json
from schema_pub.publish.build import build_article
from schema_pub.publish.site import validate_output
from schema_pub.publish.synthetic import variant_site

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "content" / "weinstein-mistrial.md"
SITE = ROOT / "content" / "site.yaml"
HOSTILE = "</script><!-- \u2028 & \"' \\ \t"


def _article_node(document: dict[str, Any]) -> dict[str, Any]:
    node: dict[str, Any] = next(
        n for n in document["@graph"] if n["@type"] in ("NewsArticle", "Article")
    )
    return node


def _drop_headline(document: dict[str, Any]) -> None:
    del _article_node(document)["headline"]


def _unknown_property(document: dict[str, Any]) -> None:
    _article_node(document)["dateModifed"] = "2025-06-13T09:00:00-04:00"


def _bad_type(document: dict[str, Any]) -> None:
    _article_node(document)["@type"] = "NewsArticel"


def _dangling(document: dict[str, Any]) -> None:
    _article_node(document)["author"] = [{"@id": "https://news.example.com/#/person/nobody"}]


def _text_for_entity(document: dict[str, Any]) -> None:
    _article_node(document)["publisher"] = "Example News"


def _bad_date(document: dict[str, Any]) -> None:
    _article_node(document)["datePublished"] = "13 June 2025"


def _no_change(document: dict[str, Any]) -> None:
    pass


MUTATIONS: list[Callable[[dict[str, Any]], None]] = [
    _no_change,
    _drop_headline,
    _unknown_property,
    _bad_type,
    _dangling,
    _text_for_entity,
    _bad_date,
]
VARIANTS: list[dict[str, Any] | None] = [
    None,
    {"headline": "H " + HOSTILE, "description": "D " + HOSTILE, "keywords": [HOSTILE]},
    {"image": None, "authors": None, "description": None},
]


@pytest.mark.parametrize("variant", range(len(VARIANTS)))
@pytest.mark.parametrize("mutate", MUTATIONS, ids=[m.__name__ for m in MUTATIONS])
def test_parsed_document_gives_the_errors_of_its_text(
    tmp_path: Path, variant: int, mutate: Callable[[dict[str, Any]], None]
) -> None:
    path = variant_site(tmp_path, model=SEED, site_file=SITE, changes=VARIANTS[variant])
    document = copy.deepcopy(build_article(path).document)
    mutate(document)
    assert plain_json(document)
    text = dumps(document).encode("utf-8")
    before = copy.deepcopy(document)
    from_text = validate_output(text, "a/article.jsonld")
    from_document = validate_output(text, "a/article.jsonld", document=document)
    assert from_document == from_text
    assert document == before
    if mutate is _no_change:
        assert from_text == []


def test_published_articles_are_plain_json() -> None:
    article = build_article(SEED)
    assert article.plain_json and article.float_free


def _nested(depth: int) -> Any:
    value: Any = "leaf"
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize(
    ("value", "plain"),
    [
        ({"a": ["b", 1, True, None, {"c": -(2**53) + 1}]}, True),
        ({"a": 2**53}, False),
        ({"a": 1.5}, False),
        ({"a": (1, 2)}, False),
        ({1: "a"}, False),
        (_nested(40), False),
        (_nested(5), True),
    ],
)
def test_plain_json(value: Any, plain: bool) -> None:
    assert plain_json(value) is plain
