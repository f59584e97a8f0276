"""The tree-shaped alternative of a graph document: the article as root, nodes nested.

Made by JSON-LD framing (pyld, behind ``schema_pub.jsonld``), so the tree says
exactly what the graph says.
"""

from __future__ import annotations

from typing import Any

from schema_pub import jsonld

ARTICLE_TYPES = ["NewsArticle", "Article", "BlogPosting"]


def to_tree(document: dict[str, Any], *, root_types: list[str] | None = None) -> dict[str, Any]:
    """Frame ``document`` with the article as root, every referenced node embedded once."""
    frame = {
        "@context": "https://schema.org",
        "@type": root_types or ARTICLE_TYPES,
        "@embed": "@once",
    }
    framed = jsonld.frame(document, frame)
    graph = framed.get("@graph")
    if isinstance(graph, list) and len(graph) == 1:
        tree = {"@context": framed["@context"], **graph[0]}
        return tree
    return framed
