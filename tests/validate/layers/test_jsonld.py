"""The jsonld layer: how documents are read, and what stops them being read."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import orjson
import pytest

from schema_pub import jsonld as pyld_door
from schema_pub.validate.document import Document
from schema_pub.validate.layers import jsonld
from schema_pub.validate.layers._graph import LITERAL, NODE, REF, Graph
from schema_pub.vocab import local_name

CASES = Path(__file__).resolve().parents[2] / "cases"

ARTICLE = {"@type": "NewsArticle", "headline": "Storm closes the harbour"}


def codes(data: Any, *, force_slow: bool = False) -> list[str]:
    _, findings = jsonld.interpret(data, force_slow=force_slow)
    return sorted(f.code for f in findings)


# -- findings ------------------------------------------------------------------------------

FINDING_CASES: list[tuple[str, Any, list[str]]] = [
    ("standard https context", {"@context": "https://schema.org", **ARTICLE}, []),
    ("standard http context, slash", {"@context": "http://schema.org/", **ARTICLE}, []),
    (
        "context document url",
        {"@context": "https://schema.org/docs/jsonldcontext.jsonld", **ARTICLE},
        [],
    ),
    ("context in a list", {"@context": ["https://schema.org"], **ARTICLE}, []),
    ("inline @vocab", {"@context": {"@vocab": "https://schema.org/"}, **ARTICLE}, []),
    (
        "schema prefix",
        {
            "@context": {"schema": "https://schema.org/"},
            "@type": "schema:Person",
            "schema:name": "A",
        },
        [],
    ),
    ("no context, JSON-LD keywords", ARTICLE, ["SP101"]),
    ("no context, plain JSON", {"name": "package", "version": "1.0"}, ["SP102"]),
    ("null context", {"@context": None, **ARTICLE}, ["SP101"]),
    ("remote context", {"@context": "https://example.com/ctx.jsonld", **ARTICLE}, ["SP103"]),
    (
        "remote context in a list",
        {"@context": ["https://schema.org", "https://example.com/extra.jsonld"], **ARTICLE},
        ["SP103"],
    ),
    (
        "nested remote context",
        {
            "@context": "https://schema.org",
            **ARTICLE,
            "author": {"@context": "https://example.org/people.jsonld", "name": "A"},
        },
        ["SP103"],
    ),
    ("foreign @vocab", {"@context": {"@vocab": "http://example.org/v#"}, **ARTICLE}, ["SP104"]),
    (
        "schema.org @vocab without slash",
        {"@context": {"@vocab": "https://schema.org"}, **ARTICLE},
        ["SP104"],
    ),
    (
        "term redefined",
        {
            "@context": ["https://schema.org", {"headline": "http://purl.org/dc/terms/title"}],
            **ARTICLE,
        },
        ["SP105"],
    ),
    (
        "term nulled",
        {"@context": ["https://schema.org", {"headline": None}], **ARTICLE},
        ["SP105", "SP107"],
    ),
    (
        "schema prefix redefined",
        {"@context": ["https://schema.org", {"schema": "http://example.org/"}], **ARTICLE},
        ["SP105"],
    ),
    (
        "cyclic IRI mapping",
        {"@context": {"a": "b:x", "b": "a:y", "@vocab": "https://schema.org/"}, **ARTICLE},
        ["SP106"],
    ),
    (
        "invalid vocab mapping",
        {"@context": {"@vocab": 42}, **ARTICLE},
        ["SP106"],
    ),
    (
        "key without mapping",
        {
            "@context": {"name": "https://schema.org/name"},
            "@type": "https://schema.org/Person",
            "name": "A",
            "nickname": "B",
        },
        ["SP107"],
    ),
    ("@type a number", {"@context": "https://schema.org", "@type": 7}, ["SP108"]),
    (
        "@id an object",
        {"@context": "https://schema.org", **ARTICLE, "author": {"@id": {"x": 1}}},
        ["SP108"],
    ),
    (
        "@value an object",
        {"@context": "https://schema.org", **ARTICLE, "text": {"@value": {"a": 1}}},
        ["SP108"],
    ),
]


@pytest.mark.parametrize(
    ("data", "expected"),
    [pytest.param(d, e, id=name) for name, d, e in FINDING_CASES],
)
def test_findings(data: Any, expected: list[str]) -> None:
    assert codes(data) == expected


@pytest.mark.parametrize(
    ("data", "expected"),
    [pytest.param(d, e, id=name) for name, d, e in FINDING_CASES if "SP103" not in e],
)
def test_slow_path_reports_the_same(data: Any, expected: list[str]) -> None:
    assert codes(data, force_slow=True) == expected


def test_pyld_error_code_is_carried() -> None:
    data = {"@context": {"a": "b:x", "b": "a:y"}, "@type": "Thing"}
    _, findings = jsonld.interpret(data)
    (finding,) = findings
    assert finding.extra["pyld_code"] == "cyclic IRI mapping"
    assert "cyclic IRI mapping" in finding.message
    assert finding.path == ("@context",)


def test_remote_context_is_answered_without_a_fetch() -> None:
    # Sockets are disabled for the suite: a fetch would raise, not produce a finding.
    data = {"@context": "https://example.com/ctx.jsonld", "@type": "Thing"}
    graph, findings = jsonld.interpret(data)
    assert graph is None
    assert [f.code for f in findings] == ["SP103"]
    assert findings[0].path == ("@context",)


# -- which path reads which document ----------------------------------------------------------

PATH_CASES: list[tuple[str, Any, str]] = [
    ("url", {"@context": "https://schema.org", **ARTICLE}, "fast"),
    (
        "url and prefixes",
        {"@context": ["https://schema.org", {"dc": "http://purl.org/dc/terms/"}], **ARTICLE},
        "fast",
    ),
    ("alias", {"@context": ["https://schema.org", {"kind": "@type"}], "kind": "Thing"}, "fast"),
    (
        "typed term",
        {
            "@context": {
                "@vocab": "https://schema.org/",
                "when": {"@id": "https://schema.org/startDate", "@type": "Date"},
            },
            "@type": "Event",
            "when": "2024-05-01",
        },
        "fast",
    ),
    (
        "language map",
        {
            "@context": {"@vocab": "https://schema.org/", "name": {"@container": "@language"}},
            "@type": "Thing",
            "name": {"en": "Bridge", "fr": "Pont"},
        },
        "slow",
    ),
    (
        "scoped context",
        {
            "@context": {
                "@vocab": "https://schema.org/",
                "author": {"@context": {"nick": "alternateName"}},
            },
            **ARTICLE,
            "author": {"@type": "Person", "nick": "J"},
        },
        "slow",
    ),
    (
        "type-scoped context",
        {
            "@context": {
                "@vocab": "https://schema.org/",
                "Person": {
                    "@id": "https://schema.org/Person",
                    "@context": {"nick": "alternateName"},
                },
            },
            "@type": "Person",
            "nick": "J",
            "knows": {"@type": "Person", "name": "K"},
        },
        "slow",
    ),
    (
        "nested inline context",
        {
            "@context": "https://schema.org",
            **ARTICLE,
            "author": {
                "@context": {"@vocab": "http://example.org/v#"},
                "@type": "Agent",
                "handle": "@j",
            },
        },
        "fast",
    ),
]


@pytest.mark.parametrize(
    ("data", "mode"), [pytest.param(d, m, id=name) for name, d, m in PATH_CASES]
)
def test_path_taken(data: Any, mode: str) -> None:
    graph, findings = jsonld.interpret(data)
    assert graph is not None
    assert graph.mode == mode
    assert [f for f in findings if f.severity.value == "error"] == []


# -- the reading -----------------------------------------------------------------------------


def test_nodes_values_and_paths() -> None:
    data = {
        "@context": ["https://schema.org", {"dc": "http://purl.org/dc/terms/"}],
        "@graph": [
            {
                "@id": "#article",
                "type": "NewsArticle",
                "schema:headline": "Harbour closed",
                "author": [{"@id": "#ana"}, {"@type": "Person", "name": "Ben"}],
                "dc:subject": "weather",
                "wordCount": {"@value": 250},
            },
            {"id": "#ana", "@type": "http://schema.org/Person", "name": "Ana"},
        ],
    }
    graph, findings = jsonld.interpret(data)
    assert findings == []
    assert isinstance(graph, Graph)
    article, ben, ana = graph.nodes
    assert article.types == ("NewsArticle",)
    assert article.type_path == (("@graph", 0, "type"),)
    assert sorted(article.props) == [
        "author",
        "headline",
        "http://purl.org/dc/terms/subject",
        "wordCount",
    ]
    assert article.prop_paths["headline"] == ("@graph", 0, "schema:headline")
    ref, embedded = article.props["author"]
    assert (ref.kind, ref.raw, ref.path) == (REF, "#ana", ("@graph", 0, "author", 0))
    assert embedded.kind == NODE and embedded.node is ben
    assert ben.parent is article and ben.parent_prop == "author"
    (count,) = article.props["wordCount"]
    assert (count.kind, count.raw, count.path) == (
        LITERAL,
        250,
        ("@graph", 0, "wordCount", "@value"),
    )
    assert ana.types == ("Person",) and ana.id == "#ana"
    assert graph.ids == {"#article", "#ana"}
    assert graph.by_id()["#ana"] is ana


def test_null_values_are_not_properties() -> None:
    graph, _ = jsonld.interpret({"@context": "https://schema.org", **ARTICLE, "author": None})
    assert graph is not None
    assert "author" not in graph.nodes[0].props


def test_set_graph_on_the_document() -> None:
    doc = Document({"@context": "https://schema.org", **ARTICLE})
    findings = list(jsonld.check(doc))
    assert findings == []
    assert isinstance(doc.graph, Graph)
    assert doc.graph.nodes[0].types == ("NewsArticle",)


def test_unreadable_document_has_no_graph() -> None:
    doc = Document({"@context": "https://example.com/x", **ARTICLE})
    list(jsonld.check(doc))
    assert doc.graph is None


# -- differential: fast path, slow path and pyld's expansion agree ------------------------------


def _reading_from_graph(graph: Graph) -> Counter[tuple[tuple[str, ...], tuple[str, ...]]]:
    out: Counter[tuple[tuple[str, ...], tuple[str, ...]]] = Counter()
    for node in graph.nodes:
        types = tuple(sorted(node.types))
        props = tuple(sorted(node.props))
        if types or props:
            out[(types, props)] += 1
    return out


def _short(iri: str) -> str:
    return (
        local_name(iri) or iri
        if iri.startswith(("http://schema.org/", "https://schema.org/"))
        else iri
    )


def _reading_from_expansion(expanded: Any) -> Counter[tuple[tuple[str, ...], tuple[str, ...]]]:
    out: Counter[tuple[tuple[str, ...], tuple[str, ...]]] = Counter()

    def walk(value: Any) -> None:
        if isinstance(value, list):
            for item in value:
                walk(item)
            return
        if not isinstance(value, dict) or "@value" in value:
            return
        for container in ("@list", "@set"):
            if container in value:
                walk(value[container])
                return
        types = tuple(sorted(_short(t) for t in value.get("@type", [])))
        props = tuple(sorted(_short(k) for k in value if not k.startswith("@")))
        if types or props:
            out[(types, props)] += 1
        for key, item in value.items():
            if key in ("@graph", "@included") or not key.startswith("@"):
                walk(item)
            elif key == "@reverse":
                for reverse in item.values():
                    walk(reverse)

    walk(expanded)
    return out


def differential_documents() -> list[tuple[str, Any]]:
    docs: list[tuple[str, Any]] = [
        (f"table:{name}", data)
        for name, data, expected in FINDING_CASES
        if not set(expected) & {"SP101", "SP102", "SP103", "SP106", "SP108"}
    ]
    docs += [(f"path:{name}", data) for name, data, _ in PATH_CASES]
    for path in sorted(CASES.glob("*/*.jsonld")):
        try:
            data = orjson.loads(path.read_bytes())
        except orjson.JSONDecodeError:
            continue
        docs.append((f"case:{path.parent.name}/{path.name}", data))
    return docs


@pytest.mark.parametrize("data", [pytest.param(d, id=name) for name, d in differential_documents()])
def test_fast_slow_and_pyld_read_the_same(data: Any) -> None:
    fast, fast_findings = jsonld.interpret(data)
    slow, slow_findings = jsonld.interpret(data, force_slow=True)
    if fast is None:
        assert slow is None
        pytest.skip("not interpretable: " + ", ".join(f.code for f in fast_findings))
    if any(f.code in ("SP106", "SP108") for f in fast_findings):
        pytest.skip("pyld rejects this document: nothing to compare with")
    assert slow is not None
    expected = _reading_from_expansion(pyld_door.expand(data))
    assert _reading_from_graph(fast) == expected
    assert _reading_from_graph(slow) == expected
    assert sorted(f.code for f in fast_findings) == sorted(f.code for f in slow_findings)


def test_the_differential_corpus_is_not_empty() -> None:
    assert len(differential_documents()) >= 20
