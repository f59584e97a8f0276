"""The ``<head>`` markup of an article page.

Canonical link, meta description, ``robots``, Open Graph, Twitter card and the
JSON-LD script block. Every value comes from :func:`~schema_pub.publish.facts.page_facts`,
which reads the same models the JSON-LD graph is built from.
"""

from __future__ import annotations

from html import escape
from typing import Any

from schema_pub.graph.serialize import script_json
from schema_pub.publish.facts import PageFacts, page_facts
from schema_pub.publish.resolve import Resolved

ROBOTS = "max-image-preview:large"


def attr(value: str) -> str:
    """A value escaped for a double-quoted HTML attribute."""
    return escape(value, quote=True)


def meta_tags(facts: PageFacts) -> list[tuple[str, str, str]]:
    """The meta tags of the head as ``(attribute, key, content)``, in document order.

    ``attribute`` is ``name`` or ``property`` (Open Graph uses ``property``).
    """
    tags: list[tuple[str, str, str]] = []
    if facts.description:
        tags.append(("name", "description", facts.description))
    tags.append(("name", "robots", ROBOTS))
    og: list[tuple[str, str]] = [
        ("og:type", "article"),
        ("og:title", facts.headline),
    ]
    if facts.description:
        og.append(("og:description", facts.description))
    og += [("og:url", facts.url), ("og:site_name", facts.site_name), ("og:locale", facts.og_locale)]
    for photo in facts.photos:
        og.append(("og:image", photo.src))
        if photo.width:
            og.append(("og:image:width", str(photo.width)))
        if photo.height:
            og.append(("og:image:height", str(photo.height)))
        if photo.alt:
            og.append(("og:image:alt", photo.alt))
    if facts.date_published:
        og.append(("article:published_time", facts.date_published))
    if facts.date_modified:
        og.append(("article:modified_time", facts.date_modified))
    og += [("article:author", author.profile) for author in facts.authors]
    if facts.section:
        og.append(("article:section", facts.section))
    og += [("article:tag", keyword) for keyword in facts.keywords]
    tags += [("property", key, value) for key, value in og]
    twitter: list[tuple[str, str]] = [
        ("twitter:card", "summary_large_image" if facts.photo else "summary"),
        ("twitter:title", facts.headline),
    ]
    if facts.description:
        twitter.append(("twitter:description", facts.description))
    if facts.photo:
        twitter.append(("twitter:image", facts.photo.src))
        if facts.photo.alt:
            twitter.append(("twitter:image:alt", facts.photo.alt))
    tags += [("name", key, value) for key, value in twitter]
    return tags


def head_markup(facts: PageFacts, document: dict[str, Any], *, script: str | None = None) -> str:
    """The head markup for ``facts`` with ``document`` as its JSON-LD block.

    ``script`` is ``script_json(document)`` when the caller already has it.
    """
    lines = [f'<link rel="canonical" href="{attr(facts.url)}">']
    lines += [
        f'<meta {kind}="{attr(key)}" content="{attr(value)}">'
        for kind, key, value in meta_tags(facts)
    ]
    lines.append('<script type="application/ld+json">')
    lines.append(script if script is not None else script_json(document))
    lines.append("</script>")
    return "\n".join(lines) + "\n"


def render_head(resolved: Resolved, document: dict[str, Any]) -> str:
    """Canonical link, meta tags (description, robots, Open Graph, Twitter) and JSON-LD."""
    return head_markup(page_facts(resolved), document)


__all__ = ["ROBOTS", "attr", "head_markup", "meta_tags", "render_head"]
