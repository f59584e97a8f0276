"""The shortcuts the layers take for speed read documents as the general code does.

Each shortcut (a reference met in a list, ``has`` without building values, a list of
strings checked like a lone string, one licence string, remembered author-name
verdicts, quotations without an ellipsis...) is checked here against the general
reading it stands in for, on tables of cases and on generated documents. Contexts of
nested node objects are checked for redefinitions like the top one (SP104, SP105).
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schema_pub.validate.document import Document
from schema_pub.validate.findings import Finding, JsonPath
from schema_pub.validate.layers import google, jsonld, newsroom, vocabulary
from schema_pub.validate.layers._graph import LITERAL, NODE, REF, Graph
from schema_pub.validate.layers.newsroom import normalise_text, quote_in_body

CTX = "https://schema.org"


def graph_of(data: Any, *, force_slow: bool = False) -> Graph:
    graph, _ = jsonld.interpret(data, force_slow=force_slow)
    assert graph is not None
    return graph


def shifted(findings: list[Finding], old: JsonPath, new: JsonPath) -> list[tuple[str, Any]]:
    """(code, path) of findings, with the prefix ``old`` of each path replaced by ``new``."""
    out = []
    for finding in findings:
        path = finding.path
        if path[: len(old)] == old:
            path = (*new, *path[len(old) :])
        out.append((finding.code, path))
    return sorted(out, key=repr)


# -- Node.has answers as the values do ----------------------------------------------------

VALUE_SHAPES: list[Any] = [
    "text",
    7,
    False,
    None,
    [],
    [None],
    [None, "x"],
    [[]],
    [["x"]],
    [{"@id": "#a"}],
    [{"@id": None}],
    [{"@id": 3}],
    [{"@value": None}],
    [{"@value": "v"}],
    [{"@list": []}],
    [{"@list": ["x"]}],
    [{"@set": [None]}],
    [{"@type": "Person", "name": "P"}],
    [{}],
    [None, {"@value": None}, {"@id": "#b"}],
    {"@id": "#a"},
    {"@value": None},
    {"@list": [None]},
    {"@type": "Person"},
    {},
]
PROPS = ["author", "about", "name", "image", "citation"]


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(PROPS), st.sampled_from(VALUE_SHAPES)), max_size=5),
    st.booleans(),
)
def test_has_agrees_with_values(props: list[tuple[str, Any]], in_graph: bool) -> None:
    node: dict[str, Any] = {"@type": "NewsArticle", **dict(props)}
    data: dict[str, Any] = (
        {"@context": CTX, "@graph": [node]} if in_graph else {"@context": CTX, **node}
    )
    for force_slow in (False, True):
        graph = graph_of(data, force_slow=force_slow)
        answers = {
            (i, prop): n.has(prop) for i, n in enumerate(graph.nodes) for prop in [*PROPS, "x"]
        }
        for (i, prop), answer in answers.items():
            assert answer == bool(graph.nodes[i].values(prop)), (prop, node)


# -- values of lists: references, nodes, literals ----------------------------------------

LIST_CASES: list[tuple[str, list[Any], list[tuple[int, JsonPath]]]] = [
    (
        "references and nodes",
        [{"@id": "#a"}, {"@type": "Person", "name": "B"}, {"@id": "#c"}],
        [(REF, ("author", 0)), (NODE, ("author", 1)), (REF, ("author", 2))],
    ),
    (
        "literals, nulls and value objects",
        ["A", None, {"@value": "B"}, {"@value": None}, 4],
        [(LITERAL, ("author", 0)), (LITERAL, ("author", 2, "@value")), (LITERAL, ("author", 4))],
    ),
    (
        "a list object and a nested list",
        [{"@list": [{"@id": "#a"}]}, [{"@id": "#b"}]],
        [(REF, ("author", 0, "@list", 0)), (REF, ("author", 1, 0))],
    ),
    (
        "a reference with a null @id is an empty node",
        [{"@id": None}],
        [(NODE, ("author", 0))],
    ),
    ("a reference with a number @id is no value", [{"@id": 3}], []),
]


@pytest.mark.parametrize(
    ("items", "expected"), [pytest.param(i, e, id=name) for name, i, e in LIST_CASES]
)
def test_list_values(items: list[Any], expected: list[tuple[int, JsonPath]]) -> None:
    for force_slow in (False, True):
        graph = graph_of(
            {"@context": CTX, "@type": "NewsArticle", "author": items}, force_slow=force_slow
        )
        values = graph.nodes[0].values("author")
        assert [(v.kind, v.path) for v in values] == expected


@pytest.mark.parametrize(
    ("items", "problems"),
    [
        pytest.param([{"@id": 3}], [("@id", ("author", 0))], id="number @id in a list"),
        pytest.param([{"@id": None}], [("@id", ("author", 0, "@id"))], id="null @id in a list"),
        pytest.param([{"@id": "#a"}], [], id="string @id in a list"),
        pytest.param({"@id": ["#a"]}, [("@id", ("author",))], id="list @id alone"),
    ],
)
def test_reference_problems(items: Any, problems: list[tuple[str, JsonPath]]) -> None:
    graph = graph_of({"@context": CTX, "@type": "NewsArticle", "author": items})
    assert [(keyword, path) for keyword, path, _ in graph.problems] == problems


# -- vocabulary: a list of strings is read as its strings one by one ------------------------

STRINGS = [
    "https://news.example/a",
    "not a url",
    "",
    "   ",
    "2024-05-01",
    "2024-05-01T09:30:00+02:00",
    "yesterday",
    "12",
    "12.5",
    "Ada Writer",
]
# Properties whose range has neither an enumeration nor Boolean (where a lone string
# and a list item are read alike).
STRING_PROPS = ["url", "sameAs", "dateCreated", "datePublished", "wordCount", "image", "author"]


def vocab_findings(data: Any) -> list[Finding]:
    return list(vocabulary.check_graph(graph_of(data)))


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(STRING_PROPS), st.lists(st.sampled_from(STRINGS), min_size=1, max_size=3))
def test_list_of_strings_reads_as_each_string(prop: str, items: list[str]) -> None:
    listed = vocab_findings({"@context": CTX, "@type": "NewsArticle", prop: items})
    alone: list[tuple[str, Any]] = []
    for i, item in enumerate(items):
        one = vocab_findings({"@context": CTX, "@type": "NewsArticle", prop: item})
        alone.extend(shifted(one, (prop,), (prop, i)))
    assert shifted(listed, (), ()) == sorted(alone, key=repr)


# -- google: author-name verdicts are remembered per name, not per node ---------------------


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        pytest.param(["Dr. Ada Ruiz", "Ada Ruiz"], [["SP306"], []], id="honorific then plain"),
        pytest.param(["Ada Ruiz", "Ada Ruiz and Ben Ode"], [[], ["SP305"]], id="plain then two"),
        pytest.param(["By Ada Ruiz"] * 2, [["SP306"], ["SP306"]], id="same name twice"),
        pytest.param(
            ["Ada Ruiz, Senior Editor", "Ada Ruiz"], [["SP306"], []], id="title then plain"
        ),
    ],
)
def test_author_name_verdicts(names: list[str], expected: list[list[str]]) -> None:
    for name, codes in zip(names, expected, strict=True):
        author = {"@type": "Person", "name": name, "url": "https://news.example/staff/a"}
        data = {
            "@context": CTX,
            "@type": "NewsArticle",
            "headline": "h",
            "datePublished": "2024-06-12T09:30:00+02:00",
            "dateModified": "2024-06-12T09:30:00+02:00",
            "image": "https://news.example/a.jpg",
            "author": [author],
        }
        findings = list(google.check_graph(graph_of(data)))
        assert sorted(f.code for f in findings) == codes
        assert all(f.path == ("author", 0, "name") for f in findings)


@pytest.mark.parametrize(
    ("published", "modified", "codes"),
    [
        pytest.param(
            "2024-05-01T09:30:00+01:00", "2024-05-01T10:00:00+02:00", ["SP308"], id="zones earlier"
        ),
        pytest.param(
            "2024-05-01T09:30:00+02:00", "2024-05-01T09:00:00+01:00", [], id="zones later"
        ),
        pytest.param("2024-05-01T09:30:00Z", "2024-05-01T09:30:00+00:00", [], id="same instant"),
    ],
)
def test_dates_in_different_zones(published: str, modified: str, codes: list[str]) -> None:
    data = {
        "@context": CTX,
        "@type": "NewsArticle",
        "datePublished": published,
        "dateModified": modified,
    }
    found = [f.code for f in google.check_graph(graph_of(data)) if f.code == "SP308"]
    assert found == codes


# -- newsroom: one licence string reads as a list of one ------------------------------------

LICENCES = [
    "https://creativecommons.org/licenses/by-sa/3.0/",
    "http://creativecommons.org/licenses/by-sa/3.0",
    "https://creativecommons.org/licenses/by-sa/3.0/deed.en",
    "CC BY-SA 3.0",
    "CC BY-SA",
    "https://news.example/licence",
    "",
]


@pytest.mark.parametrize("licence", LICENCES)
@pytest.mark.parametrize("complete", [True, False], ids=["credited", "uncredited"])
def test_licence_string_reads_as_a_list_of_one(licence: str, complete: bool) -> None:
    image: dict[str, Any] = {
        "@context": CTX,
        "@type": "ImageObject",
        "contentUrl": "https://news.example/img/a.jpg",
    }
    if complete:
        image |= {"creator": {"@type": "Person", "name": "Lee Park"}, "creditText": "Lee Park"}
    alone = list(newsroom.check_graph(graph_of({**image, "license": licence})))
    listed = list(newsroom.check_graph(graph_of({**image, "license": [licence]})))
    assert shifted(alone, ("license",), ("license", 0)) == shifted(listed, (), ())
    if "creativecommons" in licence and licence.endswith("3.0/"):
        assert [f.code for f in alone if f.code == "SP406"] == []


def test_not_canonical_licence_points_at_the_licence() -> None:
    data = {
        "@context": CTX,
        "@type": "ImageObject",
        "contentUrl": "https://news.example/img/a.jpg",
        "license": "CC BY-SA 3.0",
    }
    findings = {f.code: f for f in newsroom.check_graph(graph_of(data))}
    assert sorted(findings) == ["SP405", "SP406", "SP407"]
    assert findings["SP406"].path == ("license",)
    assert findings["SP406"].hint == "write 'https://creativecommons.org/licenses/by-sa/3.0/'"


# -- newsroom: text normalisation and quotations --------------------------------------------


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        ("\u201cQuoted\u201d \u2013 it\u2019s\u2026", '"quoted" - it\'s...'),
        ("\u00abGuillemets\u00bb\u00a0and\u2014dashes", '"guillemets" and-dashes'),
        ("plain  ASCII\ttext", "plain ascii text"),
        ("e\u0301t\u00e9", "\u00e9t\u00e9"),
    ],
)
def test_normalise_text(text: str, normalised: str) -> None:
    assert normalise_text(text) == normalised


BODY = "The jury sent a note. \u201cWe are deadlocked,\u201d it said, \u201cfor good.\u201d"


@pytest.mark.parametrize(
    ("quote_text", "found"),
    [
        ("We are deadlocked", True),
        ("We are deadlocked. . . for good", True),
        ("We are deadlocked...for good", True),
        ("We are deadlocked [ ... ] for good", True),
        ("We are deadlocked.. for good", False),
        ("We are [deadlocked]", False),
        ("for good. . . We are deadlocked", False),
        ("\u201cfor good.\u201d", True),
    ],
)
def test_quote_in_body_with_and_without_ellipsis(quote_text: str, found: bool) -> None:
    assert quote_in_body(quote_text, BODY) is found


# -- contexts of nested node objects ---------------------------------------------------------

ARTICLE = {"@type": "NewsArticle", "headline": "Storm closes the harbour"}

NESTED_CASES: list[tuple[str, Any, list[tuple[str, JsonPath]]]] = [
    (
        "foreign @vocab in an author",
        {
            "@context": CTX,
            **ARTICLE,
            "author": {"@context": {"@vocab": "http://example.org/v#"}, "@type": "Agent"},
        },
        [("SP104", ("author", "@context", "@vocab"))],
    ),
    (
        "schema.org @vocab without slash in a @graph node",
        {"@context": CTX, "@graph": [{"@context": {"@vocab": "https://schema.org"}, **ARTICLE}]},
        [("SP104", ("@graph", 0, "@context", "@vocab"))],
    ),
    (
        "term redefined in a list of authors",
        {
            "@context": CTX,
            **ARTICLE,
            "author": [
                {"@type": "Person", "name": "A"},
                {
                    "@context": {"name": "http://xmlns.com/foaf/0.1/name"},
                    "@type": "Person",
                    "name": "B",
                },
            ],
        },
        [("SP105", ("author", 1, "@context", "name"))],
    ),
    (
        "schema prefix redefined below a top-level list item",
        [
            {
                "@context": CTX,
                **ARTICLE,
                "author": {"@context": {"schema": "http://example.org/"}, "@type": "Person"},
            }
        ],
        [("SP105", (0, "author", "@context", "schema"))],
    ),
    (
        "schema.org context repeated in a nested node",
        {"@context": CTX, **ARTICLE, "author": {"@context": CTX, "@type": "Person"}},
        [],
    ),
    (
        "harmless nested prefix",
        {
            "@context": CTX,
            **ARTICLE,
            "author": {"@context": {"foaf": "http://xmlns.com/foaf/0.1/"}, "@type": "Person"},
        },
        [],
    ),
]


@pytest.mark.parametrize(
    ("data", "expected"), [pytest.param(d, e, id=name) for name, d, e in NESTED_CASES]
)
@pytest.mark.parametrize("force_slow", [False, True], ids=["fast", "slow"])
def test_nested_contexts_are_checked(
    data: Any, expected: list[tuple[str, JsonPath]], force_slow: bool
) -> None:
    graph, findings = jsonld.interpret(data, force_slow=force_slow)
    assert graph is not None
    assert graph.mode == ("slow" if force_slow else "fast")
    assert [(f.code, f.path) for f in findings] == expected


def test_graph_lists_nested_contexts_only() -> None:
    inner = {"foaf": "http://xmlns.com/foaf/0.1/"}
    data = {"@context": CTX, **ARTICLE, "author": {"@context": inner, "@type": "Person"}}
    graph = graph_of(data)
    assert graph.contexts == [(inner, ("author", "@context"))]


def test_document_level_check_reports_nested_redefinition() -> None:
    doc = Document(
        {
            "@context": CTX,
            **ARTICLE,
            "author": {"@context": {"@vocab": "http://example.org/v#"}, "@type": "Agent"},
        }
    )
    assert [f.code for f in jsonld.check(doc)] == ["SP104"]
    assert isinstance(doc.graph, Graph)


# -- a value object holding null, or a reference without a string @id, is no value -----------

NO_VALUES: list[Any] = [{"@value": None}, [{"@value": None}], {"@list": []}, [None]]


@pytest.mark.parametrize("empty", NO_VALUES)
def test_empty_value_counts_as_absent_for_google(empty: Any) -> None:
    data = {
        "@context": CTX,
        "@type": "NewsArticle",
        "headline": "h",
        "datePublished": "2024-06-12T09:30:00+02:00",
        "dateModified": empty,
        "image": "https://news.example/a.jpg",
        "author": {"@type": "Person", "name": "Ada Ruiz", "url": "https://news.example/a"},
    }
    findings = list(google.check_graph(graph_of(data)))
    assert [(f.code, f.extra.get("property")) for f in findings] == [("SP301", "dateModified")]


@pytest.mark.parametrize("empty", [*NO_VALUES, {"@id": 3}])
def test_empty_value_counts_as_absent_for_newsroom(empty: Any) -> None:
    data = {
        "@context": CTX,
        "@type": "Quotation",
        "text": "We are deadlocked.",
        "spokenByCharacter": empty,
        "isBasedOn": "https://wire.example/jury-note",
    }
    assert [f.code for f in newsroom.check_graph(graph_of(data))] == ["SP402"]


@pytest.mark.parametrize("empty", [[], {"@value": None}, {"@id": 3}])
def test_misspelt_key_without_a_value_is_still_reported(empty: Any) -> None:
    data = {"@context": CTX, "@type": "NewsArticle", "headLine": empty}
    assert [f.code for f in vocab_findings(data)] == ["SP201"]
