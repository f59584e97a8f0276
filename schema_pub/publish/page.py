"""The article page (``index.html``) from a Jinja2 template.

The body is turned into a list of blocks (paragraphs, headings, block quotes,
lists) made of inline segments; the template renders them with autoescaping on,
so no text of an article is ever written into the page unescaped. The only
value marked safe is the JSON-LD script body, produced by
:func:`~schema_pub.graph.serialize.script_json`.

Quotations of the article are found in the body text (between straight or
curly double quotes, or as a Markdown block quote) and marked up as ``<q>`` or
``<blockquote>`` with ``cite``; a quotation the body does not contain is shown
in a list of quotations after the body, so every quotation of the structured
data is visible on the page.

A site replaces the template with ``page_template`` in ``site.yaml`` (a path
relative to that file); the template receives the context documented in
``docs/outputs.md``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from schema_pub.graph.serialize import script_json
from schema_pub.publish import markup
from schema_pub.publish.facts import PageFacts, Quote, page_facts
from schema_pub.publish.head import meta_tags
from schema_pub.publish.resolve import Resolved

DEFAULT_TEMPLATE = "article.html"
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


@dataclass(frozen=True)
class Inline:
    """A run of text: ``text``, ``em``, ``strong``, ``code``, ``link`` or ``quote``."""

    kind: str
    text: str
    url: str | None = None
    quote: Quote | None = None


@dataclass
class Block:
    """A block of the body: ``p``, ``h2``, ``h3``, ``blockquote`` or ``ul``/``ol``."""

    kind: str
    inlines: list[Inline] = field(default_factory=list)
    items: list[list[Inline]] = field(default_factory=list)
    quote: Quote | None = None


_INLINE = re.compile(
    r"\[(?P<ltext>[^\]]+)\]\((?P<url>[^)\s]+)\)"
    r"|\*\*(?P<strong>.+?)\*\*"
    r"|__(?P<strong2>.+?)__"
    r"|(?<![\w*])\*(?P<em>\S(?:.*?\S)?)\*(?![\w*])"
    r"|(?<![\w_])_(?P<em2>\S(?:.*?\S)?)_(?![\w_])"
    r"|`(?P<code>[^`]+)`"
)
_SAFE_URL = re.compile(r"^(https?://|/|#|\./|\.\./|mailto:)", re.I)
# Every alternative of _INLINE starts with one of these: text without them is one run.
_MARKUP_START = re.compile(r"[\[*_`]")


def _inlines(text: str) -> list[Inline]:
    if _MARKUP_START.search(text) is None:
        return [Inline("text", text)] if text else []
    out: list[Inline] = []
    pos = 0
    for m in _INLINE.finditer(text):
        if m.start() > pos:
            out.append(Inline("text", text[pos : m.start()]))
        if m.group("ltext") is not None:
            url = m.group("url")
            if _SAFE_URL.match(url):
                out.append(Inline("link", m.group("ltext"), url=url))
            else:
                out.append(Inline("text", m.group("ltext")))
        elif m.group("strong") is not None or m.group("strong2") is not None:
            out.append(Inline("strong", m.group("strong") or m.group("strong2")))
        elif m.group("em") is not None or m.group("em2") is not None:
            out.append(Inline("em", m.group("em") or m.group("em2")))
        else:
            out.append(Inline("code", m.group("code")))
        pos = m.end()
    if pos < len(text):
        out.append(Inline("text", text[pos:]))
    return out


_OPEN_CLOSE = (('"', '"'), ("\u201c", "\u201d"))
_TRAILING = ",.;:!?"


def _mark_quotes(text: str, pending: list[Quote]) -> list[Inline]:
    """Inline runs of ``text`` with the first quoted occurrence of each quotation as ``<q>``."""
    if not pending or ('"' not in text and "\u201c" not in text):
        return _inlines(text)  # no opening quote mark: nothing to mark
    spans: list[tuple[int, int, Quote, str]] = []
    for quote in list(pending):
        if quote.text not in text:
            continue  # the usual case: this paragraph does not hold it
        found = None
        for opening, closing in _OPEN_CLOSE:
            start = text.find(opening + quote.text)
            while start != -1:
                after = start + len(opening) + len(quote.text)
                tail = ""
                while after < len(text) and text[after] in _TRAILING and len(tail) < 1:
                    tail += text[after]
                    after += 1
                if text.startswith(closing, after) and not any(
                    s < after + len(closing) and start < e for s, e, _, _ in spans
                ):
                    found = (start, after + len(closing), quote, tail)
                    break
                start = text.find(opening + quote.text, start + 1)
            if found:
                break
        if found:
            spans.append(found)
            pending.remove(quote)
    out: list[Inline] = []
    pos = 0
    for start, end, quote, tail in sorted(spans, key=lambda s: s[0]):
        out += _inlines(text[pos:start])
        out.append(Inline("quote", quote.text, url=quote.cite, quote=quote))
        if tail:
            out.append(Inline("text", tail))
        pos = end
    out += _inlines(text[pos:])
    return out


_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_BLANK_LINE = re.compile(r"\n\s*\n")
_QUOTE_MARK = re.compile(r"^\s*>\s?")
_ITEM = re.compile(r"^\s{0,3}([-*+]|\d+[.)])\s+(.*)$")


def body_blocks(markdown: str | None, quotes: tuple[Quote, ...]) -> tuple[list[Block], list[Quote]]:
    """The blocks of a Markdown body, and the quotations it does not contain."""
    pending = list(quotes)
    blocks: list[Block] = []
    if not markdown:
        return blocks, pending
    for raw in _BLANK_LINE.split(markdown.strip()):
        lines = [line for line in raw.splitlines() if line.strip()]
        if not lines:
            continue
        heading = _HEADING.match(lines[0])
        if heading and len(lines) == 1:
            level = len(heading.group(1))
            blocks.append(Block("h2" if level <= 2 else "h3", _inlines(heading.group(2))))
            continue
        if all(line.lstrip().startswith(">") for line in lines):
            text = " ".join(_QUOTE_MARK.sub("", line).strip() for line in lines).strip()
            bare = text.strip('"\u201c\u201d')
            match = next((q for q in pending if q.text in (text, bare)), None)
            if match is not None:
                pending.remove(match)
                blocks.append(Block("blockquote", [Inline("text", match.text)], quote=match))
            else:
                blocks.append(Block("blockquote", _mark_quotes(text, pending)))
            continue
        items = [_ITEM.match(line) for line in lines]
        if all(items):
            ordered = items[0] is not None and items[0].group(1)[0].isdigit()
            block = Block("ol" if ordered else "ul")
            block.items = [_mark_quotes(m.group(2).strip(), pending) for m in items if m]
            blocks.append(block)
            continue
        text = " ".join(line.strip() for line in lines)
        blocks.append(Block("p", _mark_quotes(text, pending)))
    return blocks, pending


def human_date(value: object) -> str | None:
    """``2025-06-13T09:00:00-04:00`` -> ``13 June 2025`` (independent of the locale).

    A filter a site's template may give anything: a date or date-time object is
    written the same way, and any other value that is not text is returned as text.
    """
    if not value:
        return None
    if isinstance(value, date):
        return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"
    if not isinstance(value, str):
        return str(value)
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    return f"{when.day} {_MONTHS[when.month - 1]} {when.year}"


def environment(loader: jinja2.BaseLoader) -> jinja2.Environment:
    """A Jinja2 environment as pages are rendered with: autoescape, strict
    undefined values, the ``human_date`` filter and the ``_sp_*`` functions."""
    env = jinja2.Environment(
        loader=loader,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["human_date"] = human_date
    env.globals.update(markup.FUNCTIONS)
    return env


@cache
def _environment(directory: str | None) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = []
    if directory is not None:
        loaders.append(jinja2.FileSystemLoader(directory))
    loaders.append(jinja2.PackageLoader("schema_pub", "templates"))
    return environment(jinja2.ChoiceLoader(loaders))


def template_for(template: Path | None) -> jinja2.Template:
    """The page template: ``template`` (a site's own) or the built-in one."""
    if template is None:
        return _environment(None).get_template(DEFAULT_TEMPLATE)
    return _environment(str(template.parent.resolve())).get_template(template.name)


def builtin_template(name: str) -> jinja2.Template:
    """One of the package's own templates (``article.html``, ``atom_content.html``)."""
    return _environment(None).get_template(name)


def builtin_template_bytes() -> bytes:
    """The bytes of the built-in templates (for the incremental build's fingerprint)."""
    digest = hashlib.sha256()
    folder = resources.files("schema_pub") / "templates"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.is_file():
            digest.update(entry.name.encode() + b"\0" + entry.read_bytes() + b"\0")
    return digest.hexdigest().encode()


def page_blocks(
    facts: PageFacts, markdown: str | None, plain: str | None
) -> tuple[list[Block], list[Quote]]:
    """The body blocks of a page and its unplaced quotations: the Markdown body, or
    the plain text when there is no Markdown."""
    if markdown is None and plain:
        markdown = plain
    return body_blocks(markdown, facts.quotes)


def page_context(
    facts: PageFacts,
    document: dict[str, Any] | None,
    markdown: str | None,
    plain: str | None,
    *,
    script: str | None = None,
    blocks: tuple[list[Block], list[Quote]] | None = None,
) -> dict[str, Any]:
    """What the page template receives (documented in docs/outputs.md).

    ``script`` is ``script_json(document)`` when the caller already has it; with
    ``document=None`` the context has no JSON-LD (for feed entries). ``blocks`` is
    ``body_blocks(...)`` of the same body when the caller already has it (see
    :func:`page_blocks`); templates only read it, so one result serves the page
    and the feed entry.
    """
    body, unplaced = blocks if blocks is not None else page_blocks(facts, markdown, plain)
    if script is None and document is not None:
        script = script_json(document)
    return {
        "facts": facts,
        "meta": meta_tags(facts),
        "blocks": body,
        "unplaced_quotes": unplaced,
        "jsonld": Markup(script) if script is not None else None,
    }


def render_page(
    resolved: Resolved,
    document: dict[str, Any],
    *,
    markdown: str | None = None,
    template: Path | None = None,
) -> str:
    """The complete article page for ``resolved``.

    ``markdown`` is the source body (headings, quotes and links are kept); when it
    is None the plain text of ``resolved.body`` is used.
    """
    context = page_context(page_facts(resolved), document, markdown, resolved.body)
    return template_for(template).render(context)


__all__ = [
    "DEFAULT_TEMPLATE",
    "Block",
    "Inline",
    "body_blocks",
    "builtin_template",
    "builtin_template_bytes",
    "human_date",
    "page_blocks",
    "page_context",
    "render_page",
    "template_for",
]
