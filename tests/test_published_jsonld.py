"""The published JSON-LD is read by pyld as schema.org, and only schema.org."""

from __future__ import annotations

import json

from schema_pub import jsonld, vocab
from tests.conftest import OUTPUT

SCHEMA = ("http://schema.org/", "https://schema.org/")
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def test_published_graph_expands_and_every_term_is_schema_org() -> None:
    index = vocab.load()
    for path in sorted(OUTPUT.rglob("article.jsonld")):
        document = json.loads(path.read_text(encoding="utf-8"))
        expanded = jsonld.expand(document)
        assert len(expanded) == len(document["@graph"])
        assert jsonld.dropped_properties(document) == []
        nquads = jsonld.to_nquads(document)
        lines = nquads.splitlines()
        assert len(lines) > 50
        for line in lines:
            _subject, predicate, rest = line.split(" ", 2)
            predicate = predicate.strip("<>")
            if predicate == RDF_TYPE:
                type_iri = rest.split(" ")[0].strip("<>")
                assert type_iri.startswith(SCHEMA), line
                assert index.is_class(type_iri), line
            else:
                assert predicate.startswith(SCHEMA), line
                assert index.is_property(predicate), line


def test_every_property_is_allowed_on_its_type() -> None:
    index = vocab.load()
    for path in sorted(OUTPUT.rglob("article.jsonld")):
        document = json.loads(path.read_text(encoding="utf-8"))
        for node in document["@graph"]:
            for key in node:
                if not key.startswith("@"):
                    assert index.allows_property(node["@type"], key), (node["@type"], key)


def test_nquads_round_trip() -> None:
    document = json.loads((OUTPUT / "weinstein-mistrial" / "article.jsonld").read_text())
    nquads = jsonld.to_nquads(document)
    assert jsonld.to_nquads(jsonld.from_nquads(nquads)) == nquads
