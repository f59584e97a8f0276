"""The one pass that turns an article into a JSON-LD ``@graph`` document.

Nested entities that carry an ``@id`` are lifted into their own nodes and
replaced by ``{"@id": ...}``; nodes with the same ``@id`` are merged (a
conflict is an error, never a silent overwrite); nodes are ordered by type,
then ``@id``; keys are sorted when serialized. The bytes never depend on dict
order.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the models (and pydantic) are the caller's: not imported here
    from schema_pub.models.base import SchemaModel

CONTEXT = "https://schema.org"
_DIGITS = re.compile(r"(\d+)")

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
    """``value`` with every nested entity (a dict with an ``@id`` and more) moved into
    ``nodes`` and replaced by ``{"@id": ...}``. Works in place: ``value`` is a fresh
    dump of the models, owned by the graph pass."""
    kind = type(value)
    if kind is list:
        for index, item in enumerate(value):
            item_kind = type(item)
            if item_kind is dict or item_kind is list:
                value[index] = _lift(item, nodes)
        return value
    if kind is dict:
        for key, item in value.items():
            item_kind = type(item)
            if item_kind is dict or item_kind is list:
                value[key] = _lift(item, nodes)  # a new value for a key: the dict keeps its size
        if "@id" in value and len(value) > 1:
            _merge(nodes, value)
            return {"@id": value["@id"]}
        return value
    return value


# Bounded: most ids belong to one article, so a large cache would only grow with the site.
_NATURAL_IDS_MAX = 2048
_natural_ids: dict[str, list[tuple[str, int]]] = {}


def _sort_key(node: dict[str, Any]) -> tuple[int, list[tuple[str, int]]]:
    """Type rank, then the ``@id`` in natural order (``quote-2`` before ``quote-10``)."""
    types = node.get("@type")
    first = types[0] if isinstance(types, list) else types
    rank = TYPE_ORDER.index(first) if first in TYPE_ORDER else len(TYPE_ORDER)
    node_id = str(node["@id"])
    natural = _natural_ids.get(node_id)
    if natural is None:
        parts = _DIGITS.split(node_id)
        natural = [
            (text, int(number or -1))
            for text, number in zip(parts[::2], [*parts[1::2], ""], strict=True)
        ]
        if len(_natural_ids) >= _NATURAL_IDS_MAX:
            _natural_ids.clear()
        _natural_ids[node_id] = natural
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
        if type(value) is str:
            return
        if isinstance(value, list):
            for item in value:
                if type(item) is not str:
                    walk(item)
        elif isinstance(value, dict):
            if len(value) == 1 and "@id" in value and value["@id"] not in known:
                missing.append(value["@id"])
            for item in value.values():
                if type(item) is not str:
                    walk(item)

    for node in document.get("@graph", []):
        for key, item in node.items():
            if key != "@id":
                walk(item)
    return sorted(set(missing))
