"""The JSON-LD graph: node ids, the graph pass, deterministic serialization."""

from __future__ import annotations

from schema_pub.graph.build import CONTEXT, GraphConflictError, build_graph, dangling_refs
from schema_pub.graph.serialize import dumps, dumps_compact, script_json

__all__ = [
    "CONTEXT",
    "GraphConflictError",
    "build_graph",
    "dangling_refs",
    "dumps",
    "dumps_compact",
    "script_json",
]
