"""The ``<head>`` markup of an article page."""

from __future__ import annotations

from html import escape
from typing import Any

from schema_pub.graph.serialize import script_json
from schema_pub.publish.resolve import Resolved


def attr(value: str) -> str:
    """A value escaped for a double-quoted HTML attribute."""
    return escape(value, quote=True)


def render_head(resolved: Resolved, document: dict[str, Any]) -> str:
    """Canonical link, meta description and the JSON-LD script block."""
    article = resolved.article
    lines = [f'<link rel="canonical" href="{attr(resolved.webpage.url)}">']
    if article.description:
        lines.append(f'<meta name="description" content="{attr(article.description)}">')
    lines.append('<script type="application/ld+json">')
    lines.append(script_json(document))
    lines.append("</script>")
    return "\n".join(lines) + "\n"
