"""More shortcuts of the semantic layers, each against the general reading it stands in for.

The vocabulary layer passes a JSON integer, and a list of literals under a text-like
property, without building values; the google layer remembers what it makes of a
date string and of an image size; the newsroom layer remembers the compared form of
a person's name; the graph reader answers ``has`` for a string value at once and
shares one types tuple between the nodes that write the same type. Each answer must
be what the general reading gives, the first time and from the memo.
"""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from schema_pub.validate.findings import Finding, JsonPath
from schema_pub.validate.layers import google, jsonld, newsroom, vocabulary
from schema_pub.validate.layers._graph import NODE, REF, Graph

CTX = "https://schema.org"


def graph_of(data: Any) -> Graph:
    graph, _ = jsonld.interpret(data)
    assert graph is not None
    return graph


def coded(findings: list[Finding], old: JsonPath = (), new: JsonPath = ()) -> list[Any]:
    """(code, path, message) of findings, the prefix ``old`` of each path made ``new``."""
    out = []
    for finding in findings:
        path = finding.path
        if path[: len(old)] == old:
            path = (*new, *path[len(old) :])
        out.append((finding.code, path, finding.message))
    return sorted(out, key=repr)


def vocab_findings(data: Any) -> list[Finding]:
    return list(vocabulary.check_graph(graph_of(data)))


# -- vocabulary: a JSON integer, alone and as the only item of a list ----------------------

NUMBERS: list[Any] = [7, 0, -3, 2**60, 7.0, 7.5, True, False]
# Integer, Distance or QuantitativeValue, Date, URL, Integer or Text, Number or Text,
# Boolean, Text: every branch of the number check.
NUMBER_PROPS = [
    "wordCount",
    "width",
    "datePublished",
    "url",
    "position",
    "ratingValue",
    "isFamilyFriendly",
    "name",
]


@pytest.mark.parametrize("prop", NUMBER_PROPS)
@pytest.mark.parametrize("number", NUMBERS, ids=repr)
def test_number_alone_reads_as_a_list_of_one(prop: str, number: Any) -> None:
    node = {"@context": CTX, "@type": "NewsArticle", "headline": "h"}
    # A list of one number is read value by value (no shortcut applies to it).
    listed = vocab_findings({**node, prop: [number]})
    for _ in range(2):  # the second time from the memos
        alone = vocab_findings({**node, prop: number})
        assert coded(alone) == coded(listed, (prop, 0), (prop,))


# -- vocabulary: a list of literals under a text-like property --------------------------------

LITERALS = ["war", "", 3, 2.5, True, None]
EMBEDDED: list[Any] = [
    {"@type": "Person", "name": "P"},
    {"@type": "DefinedTerm", "name": "T"},
    {"@id": "#nowhere"},
    {"@value": "v"},
]
TEXT_PROPS = ["keywords", "headline", "name", "alternativeHeadline"]


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(TEXT_PROPS),
    st.lists(st.sampled_from([*LITERALS, *EMBEDDED]), max_size=4),
)
def test_text_list_reads_as_each_item(prop: str, items: list[Any]) -> None:
    node = {"@context": CTX, "@type": "NewsArticle"}
    listed = vocab_findings({**node, prop: items})
    alone: list[Any] = []
    for i, item in enumerate(items):
        if item is None:
            continue
        one = vocab_findings({**node, prop: item})
        alone.extend(coded(one, (prop,), (prop, i)))
    assert coded(listed) == sorted(alone, key=repr)


# -- google: dates and image sizes, read afresh and from the memo ------------------------------

DATES = [
    "2024-05-01",
    "2024-05-01T09:30:00",
    "2024-05-01T09:30:00+02:00",
    "2024-05-01T09:30:00Z",
    " 2024-05-01T09:30:00Z ",
    "2024-05-01 09:30",
    "yesterday",
    "",
]


@pytest.mark.parametrize("modified", DATES)
@pytest.mark.parametrize("published", DATES)
def test_date_findings_do_not_depend_on_the_memo(published: str, modified: str) -> None:
    data = {
        "@context": CTX,
        "@type": "NewsArticle",
        "datePublished": published,
        "dateModified": modified,
    }
    wrapped = {**data, "datePublished": [published], "dateModified": [modified]}
    google._DATES.clear()
    first = list(google.check_graph(graph_of(data)))
    again = list(google.check_graph(graph_of(data)))
    assert coded(again) == coded(first)
    # A list of one date is read as a value, without the memo.
    general = list(google.check_graph(graph_of(wrapped)))
    general_coded = coded(general, ("datePublished", 0), ("datePublished",))
    general_coded = [
        (code, path[:1] if path[:2] == ("dateModified", 0) else path, message)
        for code, path, message in general_coded
    ]
    assert coded(first) == sorted(general_coded, key=repr)


SIZES: list[tuple[Any, Any]] = [
    (1200, 675),
    (1200, 900),
    (1200, 1200),
    (100, 100),
    (1000, 300),
    ("1200", "675"),
    ("1200px", 675),
    (1200.0, 675),
    (0, 675),
    (-5, 675),
    (True, 675),
    ({"@type": "QuantitativeValue", "value": 1200}, 675),
]


@pytest.mark.parametrize(("width", "height"), SIZES, ids=repr)
def test_image_size_findings_do_not_depend_on_the_memo(width: Any, height: Any) -> None:
    image = {"@type": "ImageObject", "url": "https://news.example/a.jpg"}
    data = {
        "@context": CTX,
        "@type": "NewsArticle",
        "image": [{**image, "width": width, "height": height}, {**image, "width": width}],
    }
    google._SIZES.clear()
    first = coded(list(google.check_graph(graph_of(data))))
    again = coded(list(google.check_graph(graph_of(data))))
    assert first == again
    codes = [code for code, path, _ in first if path == ("image", 0)]
    w = google._pixels(graph_of(data).nodes[1], "width")
    h = google._pixels(graph_of(data).nodes[1], "height")
    expected = []
    if w is not None and h is not None:
        if w * h < google.MIN_PIXELS:
            expected.append("SP309")
        ratio = w / h
        if all(abs(ratio - r) > r / 50 for r in google.PREFERRED_RATIOS.values()):
            expected.append("SP310")
    assert sorted(codes) == expected


# -- newsroom: the compared form of a name ------------------------------------------------------


@pytest.mark.parametrize(
    ("names", "duplicates"),
    [
        pytest.param(["Ada Ruiz", "Ada Ruiz"], 1, id="same"),
        pytest.param(["Ada Ruiz", "  ada   RUIZ "], 1, id="spacing and case"),
        pytest.param(["Ada Ruiz", "Ada Ruíz"], 0, id="accent differs"),
        pytest.param(["   ", "   "], 0, id="only whitespace"),
        pytest.param(["", ""], 0, id="empty"),
        pytest.param(["STRASSE", "straße"], 1, id="case folded"),
    ],
)
def test_duplicate_people_from_the_memo(names: list[str], duplicates: int) -> None:
    people = [{"@type": "Person", "@id": f"#p{i}", "name": name} for i, name in enumerate(names)]
    data = {"@context": CTX, "@graph": people}
    for _ in range(2):
        found = [f for f in newsroom.check_graph(graph_of(data)) if f.code == "SP408"]
        assert len(found) == duplicates


# -- the reader: one types tuple per type name, has() of a string --------------------------------


def test_nodes_share_types_and_keep_their_own_type_paths() -> None:
    data = {
        "@context": CTX,
        "@graph": [
            {"@type": "Person", "@id": "#a", "name": "A"},
            {"@type": "Person", "@id": "#b", "name": "B"},
            {"@type": "Thing", "@id": "#c", "name": "C"},
            {"@type": "@id", "@id": "#d", "name": "D"},
        ],
    }
    for _ in range(2):
        nodes = graph_of(data).nodes
        assert [n.types for n in nodes] == [("Person",), ("Person",), ("Thing",), ()]
        assert [n.type_path for n in nodes] == [
            (("@graph", 0, "@type"),),
            (("@graph", 1, "@type"),),
            (("@graph", 2, "@type"),),
            (),
        ]


@pytest.mark.parametrize("text", ["x", "", " "])
def test_has_a_string_with_a_map_on_the_node(text: str) -> None:
    # A language map makes the reader keep the node's values apart ("extra"): has()
    # still says yes for a plain string of another property.
    data = {
        "@context": [CTX, {"title": {"@id": "schema:name", "@container": "@language"}}],
        "@type": "Thing",
        "title": {"en": "T"},
        "description": text,
    }
    graph, _ = jsonld.interpret(data)
    assert graph is not None
    node = graph.nodes[0]
    assert node.extra  # the case under test
    assert node.has("description") is True
    assert node.has("description") == bool(node.values("description"))


# -- newsroom: text with nothing to collapse is left as it is ------------------------------------


def reference_normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    for mark, plain in newsroom._QUOTE_MARKS.items():
        text = text.replace(mark, plain)
    return " ".join(text.split()).casefold()


WHITESPACE_AND_MARKS = " \t\n\r\x0b\x0c\x1c\x85\xa0\u1680\u2003\u2028\u2029\u3000\u201c\u2019"


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from([*WHITESPACE_AND_MARKS, "a", "B", "\u00e9", "e\u0301", "\u00df"])).map(
        "".join
    )
)
def test_normalise_text_agrees_with_its_definition(text: str) -> None:
    assert newsroom.normalise_text(text) == reference_normalise(text)


# -- the reader: targets() holds the nodes and references of values() -------------------------

TARGET_SHAPES: list[Any] = [
    "text",
    7,
    None,
    [],
    [None, "x", 3],
    [{"@id": "#a"}, {"@type": "Person", "name": "P"}],
    [{"@id": "#a"}, "x", {"@value": "v"}],
    [{"@list": [{"@id": "#b"}]}],
    [[{"@id": "#c"}]],
    [{"@id": 3}],
    [{"@id": None}],
    {"@id": "#a"},
    {"@type": "ImageObject", "url": "u"},
    {"@value": "v"},
    {"@list": [{"@id": "#b"}, "x"]},
    {},
]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["image", "author", "about"]), st.sampled_from(TARGET_SHAPES)),
        max_size=4,
    ),
    st.booleans(),
)
def test_targets_agree_with_values(props: list[tuple[str, Any]], with_map: bool) -> None:
    node: dict[str, Any] = {"@type": "NewsArticle", **dict(props)}
    context: Any = CTX
    if with_map:  # a language map: the node keeps values apart ("extra")
        context = [CTX, {"title": {"@id": "schema:name", "@container": "@language"}}]
        node["title"] = {"en": "T"}
    graph, _ = jsonld.interpret({"@context": context, **node})
    assert graph is not None
    for each in graph.nodes:
        for prop in ["image", "author", "about", "name"]:
            found = each.targets(prop)  # before values() are built and kept
            expected = [
                v.node if v.kind == NODE else v.raw
                for v in each.values(prop)
                if v.kind in (NODE, REF)
            ]
            assert found == expected, (prop, node)
            assert each.targets(prop) == expected


# -- the reader: by_id built on the way, as Graph.by_id() works it out ------------------------

BY_ID_CASES: list[Any] = [
    {"@type": "NewsArticle", "@id": "#a", "author": {"@type": "Person", "@id": "#a"}},
    {"@id": "#a", "author": {"@type": "Person", "@id": "#a", "name": "P"}},
    {
        "@graph": [
            {"@id": "#a"},
            {"@id": "#a", "name": "second"},
            {"@type": "Person", "@id": "#b", "knows": {"@id": "#a"}},
            {"@type": "Person", "@id": "#b", "name": "again"},
        ]
    },
    {"@type": "Thing", "@id": 3, "about": [{"@type": "Thing", "@id": "#x", "name": "n"}]},
    {"@type": ["Thing", "CreativeWork"], "@id": "#t", "hasPart": [{"@id": "#t", "name": "p"}]},
    # a key no context maps: read without a plan, by_id worked out afterwards
    {"@type": "Thing", "@id": "#u", "unmappedKey:x": 1, "nope": 2},
]


@pytest.mark.parametrize("data", BY_ID_CASES, ids=range(len(BY_ID_CASES)))
def test_by_id_built_on_the_way(data: dict[str, Any]) -> None:
    for context in (CTX, [CTX, {"nope": None}]):
        graph = graph_of({"@context": context, **data})
        built = graph.by_id()
        afresh = Graph(nodes=graph.nodes).by_id()
        assert built == afresh
        assert list(built) == list(afresh)
