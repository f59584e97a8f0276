"""The direct N-Quads writer gives pyld's canonical text, byte for byte.

Every case is differential: the same document goes through the direct writer
(:mod:`schema_pub.graph.nquads`) and through pyld's ``normalize`` (URDNA2015) behind
:func:`schema_pub.jsonld.to_nquads`. Documents the writer supports must take the
direct path (``direct_nquads`` is not None); the others must fall back to pyld.
"""

from __future__ import annotations

import copy
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schema_pub import jsonld
from schema_pub.graph.nquads import direct_nquads, to_nquads
from schema_pub.publish.build import build_article
from tests.conftest import CONTENT, OUTPUT
from tests.publish.test_properties import articles

SEED = OUTPUT / "weinstein-mistrial" / "article.jsonld"
CTX = "https://schema.org"
ID = "https://news.example.com/a/#article"


def seed() -> dict[str, Any]:
    if not SEED.is_file():
        pytest.skip(f"{SEED} is absent: run `schema-pub build content -o output` first")
    document: dict[str, Any] = json.loads(SEED.read_text(encoding="utf-8"))
    return document


def assert_direct_equals_pyld(document: Any) -> str:
    expected = jsonld.to_nquads(document)
    direct = direct_nquads(document)
    assert direct is not None, "the writer fell back to pyld on a document it should handle"
    assert direct == expected
    assert to_nquads(document) == expected
    return direct


def test_seed_article_matches_pyld() -> None:
    text = assert_direct_equals_pyld(seed())
    assert "_:" not in text
    assert text.count("\n") > 100


def test_every_published_article_matches_pyld() -> None:
    published = sorted(OUTPUT.glob("*/article.jsonld"))
    if not published:
        pytest.skip(f"no article.jsonld under {OUTPUT}")
    for path in published:
        assert_direct_equals_pyld(json.loads(path.read_text(encoding="utf-8")))


HOSTILE = [
    'a "quoted" word',
    "back\\slash and \\n not a newline",
    "line\nbreak",
    "carriage\rreturn and\r\nCRLF",
    "tab\there",
    "\x00\x01\x07\x08\x0b\x0c\x1b\x1f\x7f",
    "\u0085\u00a0\u2028\u2029\ufeff",
    "non-ASCII: é ß 東京 — “curly” 🙂",
    "</script><!--",
    '<http://evil.example/> <http://schema.org/name> "x" .',
    '" .\n<http://evil.example/> <http://schema.org/x> "',
    "_:b0",
    "^^<http://www.w3.org/2001/XMLSchema#integer>",
    "",
    " ",
    "\\",
    '"',
    '\\"',
    "@id",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_strings_in_the_seed(text: str) -> None:
    document = seed()
    article = document["@graph"][0]
    article["headline"] = text
    article["keywords"] = [text, text + "2"]
    article["dateModified"] = text  # a Date-typed term: typed literal, escaped likewise
    assert_direct_equals_pyld(document)


def doc(**node: Any) -> dict[str, Any]:
    return {"@context": CTX, "@graph": [{"@id": ID, **node}]}


SUPPORTED: list[tuple[str, Any]] = [
    ("empty graph", {"@context": CTX, "@graph": []}),
    ("node with only an id", doc()),
    ("single node without @graph", {"@context": CTX, "@id": ID, "@type": "Person", "name": "A"}),
    ("http context", {"@context": "http://schema.org/", "@id": ID, "name": "A"}),
    ("type list", doc(**{"@type": ["NewsArticle", "Article", "NewsArticle"]})),
    ("unknown type via @vocab", doc(**{"@type": "NotAType"})),
    ("unknown property via @vocab", doc(dateModifed="2024-01-01")),
    ("Date-typed term", doc(datePublished="2024-01-01T10:00:00Z")),
    ("url-typed term", doc(url="https://news.example.com/a/")),
    ("url-typed term list", doc(sameAs=["https://a.example/", "urn:isbn:123", "mailto:x@y"])),
    ("reference", doc(author={"@id": "https://news.example.com/#/person/x"})),
    ("reference list", doc(about=[{"@id": "https://a.example/1"}, {"@id": "https://a.example/2"}])),
    ("reference on a Date-typed term", doc(datePublished={"@id": "https://a.example/d"})),
    ("duplicate values", doc(keywords=["a", "a", "b"])),
    ("empty list", doc(keywords=[])),
    ("integers", doc(wordCount=0, width=[-5, 10**20])),
    ("booleans", doc(isAccessibleForFree=False, isFamilyFriendly=True)),
    ("bool and int on different properties", doc(wordCount=1, isAccessibleForFree=True)),
    ("integer string", doc(wordCount="12", name="1")),
    (
        "same node twice in the graph",
        {
            "@context": CTX,
            "@graph": [
                {"@id": ID, "@type": "Person", "name": "A"},
                {"@id": ID, "@type": "Thing", "name": ["A", "B"]},
            ],
        },
    ),
    ("IRI with dot segments, kept verbatim", doc(url="http://a.example/x/../y/./z")),
    ("IRI with non-ASCII", doc(url="https://a.example/é?q=ü#f")),
    ("uppercase scheme", {"@context": CTX, "@id": "HTTPS://A.example/", "name": "n"}),
    ("class name used as a key", doc(Person="x")),
]


@pytest.mark.parametrize(("case", "document"), SUPPORTED, ids=[c for c, _ in SUPPORTED])
def test_supported_shapes_match_pyld(case: str, document: Any) -> None:
    assert_direct_equals_pyld(document)


FALLBACK: list[tuple[str, Any]] = [
    ("blank node in the graph", {"@context": CTX, "@graph": [{"@type": "Person", "name": "A"}]}),
    ("nested blank node", doc(author={"@type": "Person", "name": "A"})),
    ("nested node with an id", doc(author={"@id": "https://a.example/p", "name": "A"})),
    ("float", doc(width=1.5)),
    ("integral float", doc(width=2.0)),
    ("huge integer (pyld writes a double)", doc(width=10**21)),
    ("value object", doc(name={"@value": "A", "@language": "en"})),
    ("typed value object", doc(name={"@value": "A", "@type": "https://a.example/t"})),
    ("null value", doc(name=None)),
    ("nested list", doc(keywords=[["a", "b"], "c"])),
    ("bool and int mixed on one property", doc(width=[1, True])),
    (
        "bool and int mixed across merged nodes",
        {
            "@context": CTX,
            "@graph": [{"@id": ID, "width": 0}, {"@id": ID, "width": False}],
        },
    ),
    ("integer on a url-typed term", doc(url=5)),
    ("boolean on a Date-typed term", doc(datePublished=True)),
    ("relative IRI on a url-typed term", doc(url="/a/b")),
    ("empty IRI", doc(url="")),
    ("relative subject", {"@context": CTX, "@graph": [{"@id": "a/b", "name": "A"}]}),
    ("blank node subject", {"@context": CTX, "@graph": [{"@id": "_:b0", "name": "A"}]}),
    ("compact IRI subject", {"@context": CTX, "@graph": [{"@id": "schema:Thing", "name": "A"}]}),
    ("compact IRI reference", doc(sameAs={"@id": "dct:title"})),
    ("IRI with a space", doc(url="https://a.example/a b")),
    ("IRI with angle bracket", doc(url="https://a.example/a>b")),
    ("compact IRI key", doc(**{"schema:name": "A"})),
    ("absolute IRI key", doc(**{"http://purl.org/dc/terms/title": "A"})),
    ("alias key id", {"@context": CTX, "@graph": [{"id": ID, "name": "A"}]}),
    ("alias key type", doc(type="Person")),
    ("prefix used as a key", doc(dct="A")),
    ("term mapped outside schema.org", doc(HTML="<b>x</b>")),
    ("keyword-like key", doc(**{"@foo": "A"})),
    ("@reverse", doc(**{"@reverse": {"author": {"@id": "https://a.example/p"}}})),
    ("key with a space", doc(**{"a b": "A"})),
    ("compact IRI type", doc(**{"@type": "schema:Person"})),
    ("absolute IRI type", doc(**{"@type": "https://a.example/T"})),
    ("inline context", {"@context": {"@vocab": "http://schema.org/"}, "@id": ID, "name": "A"}),
    ("context list", {"@context": [CTX], "@id": ID, "name": "A"}),
    ("no context", {"@id": ID, "name": "A"}),
    ("node context", {"@context": CTX, "@graph": [{"@context": CTX, "@id": ID, "name": "A"}]}),
    ("graph next to node keys", {"@context": CTX, "@id": ID, "@graph": [{"@id": ID}]}),
    ("list document", [{"@context": CTX, "@id": ID, "name": "A"}]),
]


@pytest.mark.parametrize(("case", "document"), FALLBACK, ids=[c for c, _ in FALLBACK])
def test_unsupported_shapes_fall_back_to_pyld(case: str, document: Any) -> None:
    assert direct_nquads(document) is None
    assert to_nquads(document) == jsonld.to_nquads(document)


def test_key_and_node_order_do_not_change_the_bytes() -> None:
    document = seed()
    shuffled = copy.deepcopy(document)
    shuffled["@graph"] = [dict(reversed(list(n.items()))) for n in reversed(shuffled["@graph"])]
    assert to_nquads(shuffled) == to_nquads(document)
    assert to_nquads(document) == to_nquads(copy.deepcopy(document))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_generated_articles_match_pyld(source: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        shutil.copy(CONTENT / "site.yaml", folder / "site.yaml")
        path = folder / "story.yaml"
        path.write_text(yaml.safe_dump(source, allow_unicode=True), encoding="utf-8")
        article = build_article(path)
    assert_direct_equals_pyld(article.document)


@settings(max_examples=60, deadline=None)
@given(st.text(), st.text(), st.integers(-(10**20), 10**20), st.booleans())
def test_arbitrary_text_and_numbers_match_pyld(
    headline: str, keyword: str, count: int, free: bool
) -> None:
    document = doc(
        **{"@type": "NewsArticle"},
        headline=headline,
        keywords=[keyword, headline],
        wordCount=count,
        isAccessibleForFree=free,
        dateModified=keyword,
    )
    assert_direct_equals_pyld(document)


ESCAPE_CASES = ["", "plain", "a\\b", 'say "x"', "l1\nl2", "t\tt", "cr\r", "é — \u2028", '\\"\n\t\r']


@pytest.mark.parametrize("value", ESCAPE_CASES)
def test_needs_escape_is_the_pattern(value: str) -> None:
    from schema_pub.graph.nquads import _NEEDS_ESCAPE, _needs_escape

    assert _needs_escape(value) is (_NEEDS_ESCAPE.search(value) is not None)
    assert _needs_escape(value * 40 + "x") is (_NEEDS_ESCAPE.search(value) is not None)
