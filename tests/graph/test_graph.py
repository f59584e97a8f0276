from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path
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
    fields: dict[str, Any] = {
        "id": f"{BASE}a/#article",
        "headline": "H",
        "author": [ann],
        "mentions": [ann],
        "has_part": [
            Quotation(
                id=f"{BASE}a/#quote-1",
                text="Hi",
                spoken_by_character=ann,
                is_part_of=Ref(id=f"{BASE}a/#article"),
            )
        ],
    }
    fields.update(extra)
    return NewsArticle(**fields)


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
    with pytest.raises(
        GraphConflictError, match=re.escape('"name" of node https://example.com/#/person/ann')
    ):
        build_graph([_article(about=[other])])


def test_dangling_references_are_found() -> None:
    document = build_graph([_article(about=[Ref(id=f"{BASE}#/person/nobody")])])
    assert dangling_refs(document) == [f"{BASE}#/person/nobody"]


def test_bytes_do_not_depend_on_root_or_dict_order() -> None:
    resolved = build_article(CONTENT / "weinstein-mistrial.md").resolved
    roots = [resolved.article, resolved.webpage, resolved.website, *resolved.extra]
    expected = dumps(build_graph(roots))
    rng = random.Random(7)
    for _ in range(5):
        shuffled = roots[:]
        rng.shuffle(shuffled)
        assert dumps(build_graph(shuffled)) == expected


def test_bytes_do_not_depend_on_hash_seed(tmp_path: Path) -> None:
    script = (
        "import sys; from pathlib import Path; from schema_pub.publish.build import build_article;"
        "sys.stdout.buffer.write(build_article(Path(sys.argv[1])).files['article.jsonld'])"
    )
    outputs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", script, str(CONTENT / "weinstein-mistrial.md")],
            capture_output=True,
            env=env,
            check=True,
        )
        outputs.add(run.stdout)
    assert len(outputs) == 1


def test_nodes_in_natural_order() -> None:
    quotes = [
        Quotation(
            id=f"{BASE}a/#quote-{i}", text="t", spoken_by_character=Ref(id=f"{BASE}#/person/ann")
        )
        for i in (10, 2, 1)
    ]
    document = build_graph([_article(has_part=quotes)])
    ids = [n["@id"] for n in document["@graph"] if n["@type"] == "Quotation"]
    assert ids == [f"{BASE}a/#quote-1", f"{BASE}a/#quote-2", f"{BASE}a/#quote-10"]


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
