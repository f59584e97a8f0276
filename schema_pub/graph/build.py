"""The one pass that turns an article into a JSON-LD ``@graph`` document.

Nested entities that carry an ``@id`` are lifted into their own nodes and
replaced by ``{"@id": ...}``; nodes with the same ``@id`` are merged (a
conflict is an error, never a silent overwrite); nodes are ordered by type,
then ``@id``; keys are sorted when serialized. The bytes never depend on dict
order.
"""

from __future__ import annotations

import re
from typing import Any

from schema_pub.models.base import SchemaModel

CONTEXT = "https://schema.org"

# Order of nodes in the graph: the article first, then what frames it.
TYPE_ORDER = (
    "NewsArticle",
    "Article",
    "BlogPosting",
    "WebPage",
    "WebSite",
    "NewsMediaOrganization",
    "Organization",
    "Person",
    "ImageObject",
    "Quotation",
    "CreativeWork",
)


class GraphConflictError(ValueError):
    """Two nodes share an ``@id`` but disagree on a property."""

    def __init__(self, node_id: str, key: str, first: Any, second: Any) -> None:
        self.node_id = node_id
        self.key = key
        super().__init__(
            f'two different values for "{key}" of node {node_id}: {first!r} and {second!r}'
        )


def _merge(nodes: dict[str, dict[str, Any]], node: dict[str, Any]) -> None:
    node_id = node["@id"]
    existing = nodes.get(node_id)
    if existing is None:
        nodes[node_id] = node
        return
    for key, value in node.items():
        if key not in existing:
            existing[key] = value
        elif existing[key] != value:
            raise GraphConflictError(node_id, key, existing[key], value)


def _lift(value: Any, nodes: dict[str, dict[str, Any]]) -> Any:
    if isinstance(value, list):
        return [_lift(item, nodes) for item in value]
    if isinstance(value, dict):
        lifted = {key: _lift(item, nodes) for key, item in value.items()}
        if "@id" in lifted and len(lifted) > 1:
            _merge(nodes, lifted)
            return {"@id": lifted["@id"]}
        return lifted
    return value


def _sort_key(node: dict[str, Any]) -> tuple[int, list[tuple[str, int]]]:
    """Type rank, then the ``@id`` in natural order (``quote-2`` before ``quote-10``)."""
    types = node.get("@type")
    first = types[0] if isinstance(types, list) else types
    rank = TYPE_ORDER.index(first) if first in TYPE_ORDER else len(TYPE_ORDER)
    parts = re.split(r"(\d+)", str(node["@id"]))
    natural = [
        (text, int(number or -1))
        for text, number in zip(parts[::2], [*parts[1::2], ""], strict=True)
    ]
    return (rank, natural)


def build_graph(roots: list[SchemaModel]) -> dict[str, Any]:
    """One JSON-LD document holding every entity of ``roots`` as one node each."""
    nodes: dict[str, dict[str, Any]] = {}
    for root in roots:
        data = root.to_jsonld()
        if "@id" not in data:
            raise ValueError(f"a root node needs an @id: {type(root).__name__}")
        _lift(data, nodes)
    return {"@context": CONTEXT, "@graph": sorted(nodes.values(), key=_sort_key)}


def node_ids(document: dict[str, Any]) -> set[str]:
    return {node["@id"] for node in document.get("@graph", [])}


def dangling_refs(document: dict[str, Any]) -> list[str]:
    """``@id`` references in a graph document that point to no node of it."""
    known = node_ids(document)
    missing: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            if set(value) == {"@id"} and value["@id"] not in known:
                missing.append(value["@id"])
            for item in value.values():
                walk(item)

    for node in document.get("@graph", []):
        for key, item in node.items():
            if key != "@id":
                walk(item)
    return sorted(set(missing))
