"""schema_pub.jsonld: pyld behind one door, offline, with its errors converted."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from pyld import jsonld as pyld_jsonld

from schema_pub import jsonld
from schema_pub.jsonld import JsonLdProblem

S = "http://schema.org/"

ARTICLE: dict[str, Any] = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "@id": "https://news.example/a#article",
    "headline": "Jury deadlocks",
    "datePublished": "2020-02-24",
    "image": "https://news.example/a.jpg",
    "author": [
        {"@type": "Person", "name": "A. Reporter", "url": "https://news.example/people/a"},
        {"@type": "Person", "name": "B. Reporter"},
    ],
    "publisher": {"@type": "NewsMediaOrganization", "name": "The Example"},
}


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://schema.org", True),
        ("https://schema.org/", True),
        ("http://schema.org", True),
        ("http://schema.org/", True),
        ("https://schema.org/docs/jsonldcontext.jsonld", True),
        ("http://schema.org/docs/jsonldcontext.jsonld", True),
        ("https://schema.org/docs/jsonldcontext.json", True),
        ("http://schema.org/docs/jsonldcontext.json", True),
        ("https://schema.org/NewsArticle", False),
        ("https://www.schema.org", False),
        ("https://schema.org.evil.example/", False),
        ("https://example.org/context.jsonld", False),
        ("", False),
    ],
)
def test_is_schema_context_url(url: str, expected: bool) -> None:
    assert jsonld.is_schema_context_url(url) is expected
    assert (url in jsonld.SCHEMA_CONTEXT_URLS) is expected


def test_schema_context_urls_are_eight() -> None:
    assert len(jsonld.SCHEMA_CONTEXT_URLS) == 8


@pytest.mark.parametrize("url", sorted(jsonld.SCHEMA_CONTEXT_URLS))
def test_loader_serves_bundled_context(url: str) -> None:
    remote = jsonld.load_document(url)
    assert remote["contentType"] == "application/ld+json"
    assert remote["contextUrl"] is None
    assert remote["documentUrl"] == url
    assert remote["tag"] == "static"
    context = remote["document"]["@context"]
    assert context["@vocab"] == S
    assert context["headline"] == {"@id": "schema:headline"}


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/context.jsonld",
        "https://www.w3.org/ns/activitystreams",
        "http://schema.org/NewsArticle",
        "file:///etc/passwd",
    ],
)
def test_loader_refuses_everything_else(url: str) -> None:
    with pytest.raises(pyld_jsonld.JsonLdError) as info:
        jsonld.load_document(url)
    assert info.value.code == "loading remote context failed"
    assert "never fetches" in str(info.value.args[0])


def test_expand_article() -> None:
    (node,) = jsonld.expand(ARTICLE)
    assert node["@type"] == [S + "NewsArticle"]
    assert node["@id"] == "https://news.example/a#article"
    assert node[S + "headline"] == [{"@value": "Jury deadlocks"}]
    # URL-ranged properties become IRIs, Date-ranged ones typed literals
    assert node[S + "image"] == [{"@id": "https://news.example/a.jpg"}]
    assert node[S + "datePublished"] == [{"@type": S + "Date", "@value": "2020-02-24"}]
    assert len(node[S + "author"]) == 2


def test_expand_with_base_resolves_relative_iris() -> None:
    doc = {"@context": "https://schema.org", "@id": "a", "url": "/b"}
    (node,) = jsonld.expand(doc, base="https://news.example/x/")
    assert node["@id"] == "https://news.example/x/a"
    assert node[S + "url"] == [{"@id": "https://news.example/b"}]


def test_expand_is_deterministic() -> None:
    first = json.dumps(jsonld.expand(ARTICLE))
    assert all(json.dumps(jsonld.expand(ARTICLE)) == first for _ in range(3))


def test_expand_does_not_change_input() -> None:
    before = json.dumps(ARTICLE, sort_keys=True)
    jsonld.expand(ARTICLE)
    jsonld.dropped_properties(ARTICLE)
    jsonld.to_nquads(ARTICLE)
    assert json.dumps(ARTICLE, sort_keys=True) == before


@pytest.mark.parametrize(
    ("doc", "code"),
    [
        ({"@context": "https://example.org/ctx", "name": "x"}, "loading remote context failed"),
        (
            {"@context": ["https://schema.org", "https://example.org/more"], "name": "x"},
            "loading remote context failed",
        ),
        (
            {"@context": "https://schema.org", "name": {"@context": "http://x.test/c", "a": 1}},
            "loading remote context failed",
        ),
        ({"@context": 5}, "invalid local context"),
        ({"@context": {"@id": "x"}}, "keyword redefinition"),
        ({"@context": {"name": {"@id": 5}}}, "invalid IRI mapping"),
        ({"@context": {"@version": 1.2}}, "invalid @version value"),
        ({"@context": "https://schema.org", "@id": 5}, "invalid @id value"),
        ({"@context": "https://schema.org", "@type": 5}, "invalid type value"),
        ({"@context": "https://schema.org", "name": {"@value": {}}}, "invalid value object value"),
        ({"@context": "https://schema.org", "@graph": 5}, "invalid @graph value"),
        (
            {"@context": "https://schema.org", "@list": [1], "name": "x"},
            "invalid set or list object",
        ),
    ],
)
def test_errors_become_problems(doc: dict[str, Any], code: str) -> None:
    with pytest.raises(JsonLdProblem) as info:
        jsonld.expand(doc)
    assert info.value.code == code
    assert info.value.message
    assert not isinstance(info.value, pyld_jsonld.JsonLdError)


def test_unknown_context_problem_names_the_url() -> None:
    with pytest.raises(JsonLdProblem) as info:
        jsonld.expand({"@context": "https://example.org/ctx", "name": "x"})
    assert info.value.url == "https://example.org/ctx"
    assert "never fetches" in info.value.message


@pytest.mark.parametrize(
    "call",
    [
        lambda doc: jsonld.to_nquads(doc),
        lambda doc: jsonld.compact(doc, "https://schema.org"),
        lambda doc: jsonld.frame(doc, {"@context": "https://schema.org", "@type": "Thing"}),
        lambda doc: jsonld.flatten(doc),
    ],
    ids=["to_nquads", "compact", "frame", "flatten"],
)
def test_every_entry_point_converts_errors(call: Callable[[dict[str, Any]], Any]) -> None:
    with pytest.raises(JsonLdProblem) as info:
        call({"@context": "https://example.org/ctx", "name": "x"})
    assert info.value.code == "loading remote context failed"


def test_from_nquads_rejects_garbage() -> None:
    with pytest.raises(JsonLdProblem) as info:
        jsonld.from_nquads("garbage <x> .")
    assert info.value.code == "jsonld.ParseError"


def test_to_nquads_is_canonical() -> None:
    text = jsonld.to_nquads(ARTICLE)
    lines = text.splitlines()
    assert lines == sorted(lines)
    assert "_:c14n0" in text
    assert f'<https://news.example/a#article> <{S}headline> "Jury deadlocks" .' in lines
    # The same graph written in another order gives the same bytes.
    shuffled = dict(reversed(list(ARTICLE.items())))
    shuffled["author"] = list(reversed(ARTICLE["author"]))
    assert jsonld.to_nquads(shuffled) == text


def test_nquads_round_trip() -> None:
    text = jsonld.to_nquads(ARTICLE)
    back = jsonld.from_nquads(text)
    assert jsonld.to_nquads(back) == text
    assert jsonld.to_nquads(jsonld.expand(ARTICLE)) == text


def test_compact_back_to_schema_context() -> None:
    compacted = jsonld.compact(jsonld.expand(ARTICLE), "https://schema.org")
    assert compacted["@context"] == "https://schema.org"
    assert compacted["type"] == "NewsArticle"
    assert compacted["headline"] == "Jury deadlocks"
    assert compacted["image"] == "https://news.example/a.jpg"


def test_frame_picks_the_article() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@id": "https://news.example/#org", "@type": "NewsMediaOrganization", "name": "Ex"},
            {
                "@id": "https://news.example/a",
                "@type": "NewsArticle",
                "headline": "H",
                "publisher": {"@id": "https://news.example/#org"},
            },
        ],
    }
    framed = jsonld.frame(graph, {"@context": "https://schema.org", "@type": "NewsArticle"})
    assert framed["id"] == "https://news.example/a"
    assert framed["publisher"]["name"] == "Ex"


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        (ARTICLE, []),
        (
            {"@context": "https://schema.org", "@type": "NewsArticle", "dateModifed": "x"},
            ["dateModifed"],
        ),
        (
            {"@context": "http://schema.org/", "headLine": "x", "author": {"nmae": "y"}},
            ["headLine", "nmae"],
        ),
        (
            {"@context": "https://schema.org/docs/jsonldcontext.jsonld", "name": "x", "zzz": 1},
            ["zzz"],
        ),
        ({"@context": {"@vocab": "https://schema.org/"}, "headlin": "x", "name": "y"}, ["headlin"]),
        (
            {"@context": ["https://schema.org", {"extra": "http://example.org/extra"}], "extra": 1},
            [],
        ),
        ({"@context": "https://schema.org", "og:title": "x", "@id": "a", "type": "Thing"}, []),
        (
            {"@context": "https://schema.org", "@graph": [{"headline": "a"}, {"headlien": "b"}]},
            ["headlien"],
        ),
        (
            [
                {"@context": "https://schema.org", "nam": "a"},
                {"@context": "https://schema.org", "nam": "b"},
            ],
            ["nam"],
        ),
    ],
)
def test_dropped_properties(doc: Any, expected: list[str]) -> None:
    assert jsonld.dropped_properties(doc) == expected


def test_schema_vocab_hides_misspellings_from_expand() -> None:
    seen: list[str | None] = []
    doc = {"@context": "https://schema.org", "dateModifed": "x"}
    (node,) = jsonld.expand(doc, on_property_dropped=seen.append)
    assert seen == []
    assert S + "dateModifed" in node


def test_vocab_free_context() -> None:
    bare = jsonld.vocab_free_context()["@context"]
    assert "@vocab" not in bare
    assert bare["headline"] == {"@id": "schema:headline"}
    assert jsonld.schema_context()["@context"]["@vocab"] == S


def _counting(
    loader: Callable[..., dict[str, Any]], calls: list[str]
) -> Callable[..., dict[str, Any]]:
    def counted(url: str, options: Any = None) -> dict[str, Any]:
        calls.append(url)
        return loader(url, options)

    return counted


@pytest.mark.parametrize(
    ("loader", "loads_for_three_expansions"),
    [(jsonld.load_document, 1), (jsonld._untagged_loader, 3)],
    ids=["static-tag", "no-tag"],
)
def test_static_tag_keeps_the_context_cached(
    loader: Callable[..., dict[str, Any]], loads_for_three_expansions: int
) -> None:
    # pyld keeps resolved contexts in a module-level cache keyed by URL; start empty.
    pyld_jsonld._resolved_context_cache.clear()
    calls: list[str] = []
    for _ in range(3):
        pyld_jsonld.expand(ARTICLE, {"documentLoader": _counting(loader, calls)})
    assert calls == ["https://schema.org"] * loads_for_three_expansions
    pyld_jsonld._resolved_context_cache.clear()
