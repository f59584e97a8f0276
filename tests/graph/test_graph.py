from __future__ import annotations

import json
import random
import re
from typing import Any

import pytest

from schema_pub.graph import GraphConflictError, build_graph, dangling_refs, dumps
from schema_pub.graph.tree import to_tree
from schema_pub.models import NewsArticle, Person, Quotation, Ref
from schema_pub.publish.build import build_article
from tests.conftest import CONTENT, OUTPUT

BASE = "https://example.com/"


def _article(**extra: Any) -> NewsArticle:
    ann = Person(id=f"{BASE}#/person/ann", name="Ann")
    return NewsArticle(
        id=f"{BASE}a/#article",
        headline="H",
        author=[ann],
        mentions=[ann],
        has_part=[
            Quotation(
                id=f"{BASE}a/#quote-1",
                text="Hi",
                spoken_by_character=ann,
                is_part_of=Ref(id=f"{BASE}a/#article"),
            )
        ],
        **extra,
    )


def test_nested_entities_become_one_node_each() -> None:
    document = build_graph([_article()])
    ids = [node["@id"] for node in document["@graph"]]
    assert ids == [f"{BASE}a/#article", f"{BASE}#/person/ann", f"{BASE}a/#quote-1"]
    article = document["@graph"][0]
    assert article["author"] == [{"@id": f"{BASE}#/person/ann"}]
    assert article["mentions"] == [{"@id": f"{BASE}#/person/ann"}]
    assert dangling_refs(document) == []


def test_conflicting_nodes_are_an_error() -> None:
    other = Person(id=f"{BASE}#/person/ann", name="Anne")
    with pytest.raises(GraphConflictError, match=re.escape('"name" of node https://example.com/#/person/ann')):
        build_graph([_article(about=[other])])


def test_dangling_references_are_found() -> None:
    document = build_graph([_article(about=[Ref(id=f"{BASE}#/person/nobody")])])
    assert dangling_refs(document) == [f"{BASE}#/person/nobody"]


def test_bytes_do_not_depend_on_dict_order() -> None:
    document = build_article(CONTENT / "weinstein-mistrial.md").document
    text = dumps(document)
    rng = random.Random(7)
    for _ in range(5):
        nodes = [dict(rng.sample(list(n.items()), len(n))) for n in document["@graph"]]
        rng.shuffle(nodes)
        shuffled = {"@graph": nodes, "@context": document["@context"]}
        # the graph pass orders nodes; dumps orders keys
        assert (
            dumps(
                {
                    "@context": shuffled["@context"],
                    "@graph": sorted(
                        nodes, key=lambda n: [x["@id"] for x in document["@graph"]].index(n["@id"])
                    ),
                }
            )
            == text
        )


def test_tree_form_nests_the_graph_under_the_article() -> None:
    document = json.loads((OUTPUT / "weinstein-mistrial" / "article.jsonld").read_text())
    tree = to_tree(document)
    assert tree["type"] == "NewsArticle"
    assert tree["about"]["name"] == "Harvey Weinstein"
    image = tree["image"]
    assert image["creditText"] == "Photo by Georges Biard under CC BY-SA 3.0"
    assert image["creator"]["name"] == "Georges Biard"
    quotes = tree["hasPart"]
    assert len(quotes) == 8
