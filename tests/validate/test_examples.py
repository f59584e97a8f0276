"""No false errors: schema.org's own examples pass the jsonld and vocabulary layers.

Every JSON-LD block of the ``JSON:`` sections of ``examples.txt`` (schema.org
release 30.0, read from ``../shared``; never copied here) is validated by the jsonld
and vocabulary layers and must yield no finding of severity error. Warnings are
allowed: schema.org's examples often write text where an entity is expected.

A second test reads every example three ways (fast path, slow path through pyld's
context processing, pyld's own expansion) and asserts the same nodes, types and
properties come out.

Examples left out, with the reason:

* ``eg-0176``: its JSON section holds a sentence saying there is no JSON-LD example,
  not JSON.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import orjson
import pytest

from schema_pub import jsonld as pyld_door
from schema_pub.validate.document import Document
from schema_pub.validate.layers import jsonld, vocabulary
from schema_pub.validate.layers._graph import Graph
from schema_pub.vocab import local_name

EXAMPLES = (
    Path(__file__).resolve().parents[2] / ".." / "shared" / "schemaorg" / "30.0" / "examples.txt"
)

LEFT_OUT = {"eg-0176": "the JSON section says there is no JSON-LD example; it holds no JSON"}

_SECTION = re.compile(r"^(TYPES|PRE-MARKUP|MICRODATA|RDFA|JSON):", re.MULTILINE)
_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
_ID = re.compile(r"#(eg-\d+)")


def json_blocks(text: str) -> list[tuple[str, str]]:
    """(example id, JSON text) for every block of every ``JSON:`` section."""
    heads = list(_SECTION.finditer(text))
    out: list[tuple[str, str]] = []
    example = "?"
    for i, head in enumerate(heads):
        body = text[head.end() : heads[i + 1].start() if i + 1 < len(heads) else len(text)]
        if head.group(1) == "TYPES":
            found = _ID.search(body.split("\n", 1)[0])
            example = found.group(1) if found else "?"
        elif head.group(1) == "JSON":
            blocks = [b.strip() for b in (_SCRIPT.findall(body) or [body]) if b.strip()]
            for n, block in enumerate(blocks, start=1):
                out.append((example if n == 1 else f"{example}/{n}", block))
    return out


def _params() -> list[object]:
    if not EXAMPLES.exists():
        return [
            pytest.param(
                "",
                "",
                marks=pytest.mark.skip(
                    reason=f"{EXAMPLES} is absent: ../shared (the schema.org release) "
                    "is only in the project's CI"
                ),
                id="examples-absent",
            )
        ]
    return [
        pytest.param(
            example,
            block,
            id=example,
            marks=[pytest.mark.shared]
            + ([pytest.mark.skip(reason=LEFT_OUT[example])] if example in LEFT_OUT else []),
        )
        for example, block in json_blocks(EXAMPLES.read_text(encoding="utf-8"))
    ]


@pytest.mark.parametrize(("example", "block"), _params())
def test_no_error_on_schema_org_examples(example: str, block: str) -> None:
    doc = Document(orjson.loads(block))
    findings = list(jsonld.check(doc))
    assert doc.graph is not None, (example, findings)
    findings += vocabulary.check(doc)
    errors = [
        f"{f.code} {f.json_path}: {f.message}" for f in findings if f.severity.value == "error"
    ]
    assert errors == []


def test_the_examples_are_all_there() -> None:
    if not EXAMPLES.exists():
        pytest.skip(f"{EXAMPLES} is absent: ../shared is only in the project's CI")
    blocks = json_blocks(EXAMPLES.read_text(encoding="utf-8"))
    assert len(blocks) >= 211
    assert set(LEFT_OUT) <= {example for example, _ in blocks}


def test_the_layers_do_find_errors_in_a_spoilt_example() -> None:
    """The same path through the layers reports errors when there are some."""
    doc = Document(
        {"@context": "https://schema.org", "@type": "Person", "nmae": "x", "birthDate": "soon"}
    )
    findings = list(jsonld.check(doc)) + list(vocabulary.check(doc))
    assert sorted(f.code for f in findings if f.severity.value == "error") == ["SP201", "SP204"]


# -- the same examples read alike by the fast path, the slow path and pyld -------------------

Reading = Counter[tuple[tuple[str, ...], tuple[str, ...]]]


def _name(iri: str) -> str:
    if iri.startswith(("http://schema.org/", "https://schema.org/")):
        return local_name(iri) or iri
    return iri


def reading_of_graph(graph: Graph) -> Reading:
    out: Reading = Counter()
    for node in graph.nodes:
        key = (tuple(sorted(node.types)), tuple(sorted(node.props)))
        if key != ((), ()):
            out[key] += 1
    return out


def reading_of_expansion(expanded: Any) -> Reading:
    out: Reading = Counter()
    stack = [expanded]
    while stack:
        value = stack.pop()
        if isinstance(value, list):
            stack.extend(value)
            continue
        if not isinstance(value, dict) or "@value" in value:
            continue
        if "@list" in value or "@set" in value:
            stack.append(value.get("@list", value.get("@set")))
            continue
        key = (
            tuple(sorted(_name(t) for t in value.get("@type", []))),
            tuple(sorted(_name(k) for k in value if not k.startswith("@"))),
        )
        if key != ((), ()):
            out[key] += 1
        for prop, item in value.items():
            if prop in ("@graph", "@included") or not prop.startswith("@"):
                stack.append(item)
            elif prop == "@reverse":
                stack.extend(item.values())
    return out


@pytest.mark.parametrize(("example", "block"), _params())
def test_fast_slow_and_pyld_read_the_examples_alike(example: str, block: str) -> None:
    data = orjson.loads(block)
    fast, _ = jsonld.interpret(data)
    slow, _ = jsonld.interpret(data, force_slow=True)
    assert fast is not None and slow is not None
    expected = reading_of_expansion(pyld_door.expand(data))
    assert reading_of_graph(fast) == expected
    assert reading_of_graph(slow) == expected
