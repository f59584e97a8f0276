"""Page layer: the structured data of an HTML page describes what the page shows.

Google's structured data policies ask that marked-up content be visible to the
readers of the page. For a page (never a bare ``.jsonld`` file, nor an HTML
fragment without a body), this layer checks that an article's headline, its
authors' names and its quotations appear in the page's visible text.
"""

from __future__ import annotations

from collections.abc import Iterator

from schema_pub import vocab as vocabulary
from schema_pub.validate.document import Document
from schema_pub.validate.findings import Finding, Rule, Severity
from schema_pub.validate.layers._graph import NODE, REF, Graph, Node
from schema_pub.validate.layers._types import ancestors_of
from schema_pub.validate.layers.newsroom import normalise_text, quote_in_body

__all__ = ["NEEDS_PAGE_TEXT", "RULES", "check", "check_graph"]

LAYER = "page"
NEEDS_PAGE_TEXT = True
_POLICY = "https://developers.google.com/search/docs/appearance/structured-data/sd-policies"
_CHECKED = "2026-11-25"

HEADLINE_NOT_VISIBLE = Rule(
    "SP601",
    "headline-not-visible",
    Severity.WARNING,
    "An article's headline does not appear in the visible text of its page.",
    LAYER,
    _POLICY,
    _CHECKED,
)
AUTHOR_NOT_VISIBLE = Rule(
    "SP602",
    "author-not-visible",
    Severity.WARNING,
    "An article's author is named in the markup but not in the visible text of its page.",
    LAYER,
    _POLICY,
    _CHECKED,
)
QUOTATION_NOT_VISIBLE = Rule(
    "SP603",
    "quotation-not-visible",
    Severity.WARNING,
    "A Quotation's text does not appear in the visible text of its page.",
    LAYER,
    _POLICY,
    _CHECKED,
)
RULES: tuple[Rule, ...] = (HEADLINE_NOT_VISIBLE, AUTHOR_NOT_VISIBLE, QUOTATION_NOT_VISIBLE)

_ARTICLE = "Article"


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _target(value_node: Node | None, ref: str | None, by_id: dict[str, Node]) -> Node | None:
    if value_node is not None:
        return value_node
    return by_id.get(ref) if ref is not None else None


def check_graph(graph: Graph, page_text: str) -> Iterator[Finding]:
    """Findings for the nodes of ``graph`` whose text is missing from ``page_text``."""
    visible = normalise_text(page_text)
    vocab = vocabulary.load()
    by_id = graph.by_id()
    for node in graph.nodes:
        kinds = ancestors_of(vocab, node.types)
        if _ARTICLE in kinds:
            headline = node.text("headline")
            if headline and normalise_text(headline) not in visible:
                yield HEADLINE_NOT_VISIBLE(
                    f"the headline '{_short(headline)}' is not shown on the page",
                    path=node.prop_path("headline"),
                    hint="show the headline in the page, or mark up the one it shows",
                )
            for value in node.values("author"):
                author = _target(value.node, value.raw if value.kind == REF else None, by_id)
                if value.kind not in (NODE, REF) or author is None:
                    continue
                name = author.text("name")
                if name and normalise_text(name) not in visible:
                    yield AUTHOR_NOT_VISIBLE(
                        f"the author '{_short(name)}' is not named on the page",
                        path=value.path,
                        hint="show a byline with the author's name",
                    )
        if "Quotation" in kinds:
            text = node.text("text")
            if text and not quote_in_body(text, visible, normalised=True):
                yield QUOTATION_NOT_VISIBLE(
                    f"the quotation '{_short(text)}' is not shown on the page",
                    path=node.prop_path("text"),
                    hint="quote it in the page's text, or leave it out of the markup",
                )


def check(doc: Document) -> Iterator[Finding]:
    """Only pages with visible text: a ``.jsonld`` file or a head fragment has none."""
    if doc.graph is None or not doc.page_text:
        return iter(())
    return check_graph(doc.graph, doc.page_text)
