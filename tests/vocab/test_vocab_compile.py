"""The committed index equals a fresh compile of the release, and keeps facts only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from schema_pub.vocab import compile as vocab_compile

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO / ".." / "shared"
RELEASE_FILE = SHARED / "schemaorg" / "30.0" / "schemaorg-current-https.jsonld"
INDEX = REPO / "schema_pub" / "vocab" / "schemaorg-30.0.json"

needs_release = pytest.mark.skipif(
    not RELEASE_FILE.is_file(),
    reason=f"schema.org release file not available at {RELEASE_FILE} (../shared absent)",
)


@pytest.fixture(scope="module")
def fresh() -> bytes:
    return vocab_compile.compile_file(RELEASE_FILE, "30.0")


@needs_release
@pytest.mark.shared
def test_committed_index_equals_fresh_compile(fresh: bytes) -> None:
    assert INDEX.read_bytes() == fresh, (
        "schema_pub/vocab/schemaorg-30.0.json is stale: run python -m schema_pub.vocab.compile"
    )


@needs_release
@pytest.mark.shared
def test_compile_is_deterministic(fresh: bytes) -> None:
    assert vocab_compile.compile_file(RELEASE_FILE, "30.0") == fresh


@needs_release
@pytest.mark.shared
def test_cli_writes_the_same_bytes(tmp_path: Path, fresh: bytes) -> None:
    out = tmp_path / "index.json"
    assert vocab_compile.main([str(RELEASE_FILE), "-o", str(out)]) == 0
    assert out.read_bytes() == fresh


@needs_release
@pytest.mark.shared
def test_index_holds_no_descriptions() -> None:
    release = json.loads(RELEASE_FILE.read_text(encoding="utf-8"))
    comments = [
        node["rdfs:comment"]
        for node in release["@graph"]
        if isinstance(node.get("rdfs:comment"), str) and len(node["rdfs:comment"]) > 60
    ]
    assert len(comments) > 1000
    text = INDEX.read_text(encoding="utf-8")
    assert "rdfs:comment" not in text and "rdfs:label" not in text
    leaked = [c for c in comments if c[:60] in text]
    assert leaked == []


@needs_release
@pytest.mark.shared
def test_every_schema_term_of_the_release_is_indexed() -> None:
    release = json.loads(RELEASE_FILE.read_text(encoding="utf-8"))
    index = json.loads(INDEX.read_text(encoding="utf-8"))
    known = set(index["classes"]) | set(index["properties"]) | set(index["members"])
    names = {
        node["@id"].removeprefix("schema:")
        for node in release["@graph"]
        if node["@id"].startswith("schema:")
    }
    assert names == known


def _mini_release() -> dict[str, object]:
    return {
        "@context": {"schema": "https://schema.org/", "rdfs": "x"},
        "@graph": [
            {"@id": "schema:Thing", "@type": "rdfs:Class", "rdfs:comment": "secret prose"},
            {
                "@id": "schema:Text",
                "@type": ["schema:DataType", "rdfs:Class"],
                "rdfs:label": "Text",
            },
            {"@id": "schema:URL", "@type": "rdfs:Class", "rdfs:subClassOf": {"@id": "schema:Text"}},
            {
                "@id": "schema:Day",
                "@type": "rdfs:Class",
                "rdfs:subClassOf": [{"@id": "schema:Thing"}, {"@id": "ext:Other"}],
            },
            {"@id": "schema:Mon", "@type": "schema:Day"},
            {
                "@id": "schema:name",
                "@type": "rdf:Property",
                "schema:domainIncludes": {"@id": "schema:Thing"},
                "schema:rangeIncludes": [{"@id": "schema:URL"}, {"@id": "schema:Text"}],
                "schema:isPartOf": {"@id": "https://pending.schema.org"},
            },
            {
                "@id": "schema:names",
                "@type": "rdf:Property",
                "schema:supersededBy": {"@id": "schema:name"},
                "rdfs:subPropertyOf": {"@id": "schema:name"},
                "schema:inverseOf": {"@id": "schema:name"},
            },
            {"@id": "ext:Other", "@type": "rdfs:Class"},
        ],
    }


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (("classes", "Day"), ["Thing"]),
        (("classes", "URL"), ["Text"]),
        (("datatypes",), ["Text", "URL"]),
        (("members",), {"Mon": ["Day"]}),
        (("properties", "name"), {"domains": ["Thing"], "ranges": ["Text", "URL"]}),
        (
            ("properties", "names"),
            {"domains": [], "ranges": [], "subPropertyOf": ["name"], "inverseOf": "name"},
        ),
        (("supersededBy",), {"names": "name"}),
        (("parts",), {"name": "pending"}),
        (("release",), "9.9"),
        (("prefixes",), {"rdfs": "x", "schema": "https://schema.org/"}),
    ],
)
def test_compile_release_facts(path: tuple[str, ...], expected: object) -> None:
    index: object = vocab_compile.compile_release(_mini_release(), "9.9")
    for key in path:
        assert isinstance(index, dict)
        index = index[key]
    assert index == expected


def test_compiled_mini_index_has_no_prose() -> None:
    data = vocab_compile.dump_index(vocab_compile.compile_release(_mini_release(), "9.9"))
    assert b"secret prose" not in data
    assert b"ext:Other" not in data and b"Other" not in data
    assert json.loads(data)["classes"] == {
        "Day": ["Thing"],
        "Text": [],
        "Thing": [],
        "URL": ["Text"],
    }
