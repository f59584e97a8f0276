"""The HTML of an article body, a photo and a byline name, written in Python.

The built-in templates (``macros.html``) call these functions for the parts of a
page that are made of many small pieces (a body is dozens of inline runs); the
text is what the Jinja2 macros they replace wrote, byte for byte (a test renders
the former macros beside them on generated bodies). Every value is escaped as
Jinja2's autoescape does (MarkupSafe's ``&amp; &lt; &gt; &#34; &#39;``); the
functions return :class:`markupsafe.Markup` so a template inserts them as they are.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape

if TYPE_CHECKING:
    from schema_pub.publish.facts import Agent, Photo, Quote
    from schema_pub.publish.page import Block, Inline

_SPECIAL = ("&", "<", ">", '"', "'")


def esc(value: Any) -> str:
    """``value`` as text escaped for HTML, exactly as Jinja2's autoescape writes it."""
    if type(value) is not str:
        return str(escape(value))
    if "&" in value or "<" in value or ">" in value or '"' in value or "'" in value:
        return (
            value.replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace('"', "&#34;")
            .replace("'", "&#39;")
        )
    return value


def _inline(runs: Iterable[Inline], out: list[str]) -> None:
    for run in runs:
        kind = run.kind
        if kind == "quote":
            if run.url:
                out.append(f'<q cite="{esc(run.url)}">{esc(run.text)}</q>')
            else:
                out.append(f"<q>{esc(run.text)}</q>")
        elif kind == "link":
            out.append(f'<a href="{esc(run.url)}">{esc(run.text)}</a>')
        elif kind in ("em", "strong", "code"):
            out.append(f"<{kind}>{esc(run.text)}</{kind}>")
        else:
            out.append(esc(run.text))


def inline_html(runs: Iterable[Inline]) -> Markup:
    """The inline runs of a paragraph, heading or list item."""
    out: list[str] = []
    _inline(runs, out)
    return Markup("".join(out))


def _agent(a: Agent, rel: object, out: list[str]) -> None:
    if a.url:
        rel_attr = f' rel="{esc(rel)}"' if rel else ""
        out.append(f'<a href="{esc(a.url)}"{rel_attr}>{esc(a.name)}</a>')
    else:
        out.append(esc(a.name))


def agent_html(a: Agent, rel: object = None) -> Markup:
    """A person or organization: its name, linked to its page when it has one."""
    out: list[str] = []
    _agent(a, rel, out)
    return Markup("".join(out))


def _quote_block(q: Quote, out: list[str]) -> None:
    cite = f' cite="{esc(q.cite)}"' if q.cite else ""
    out.append(f"<blockquote{cite}>\n<p>{esc(q.text)}</p>\n")
    if q.speaker or q.source_name:
        out.append("<footer>")
        if q.speaker:
            out.append(esc(q.speaker.name))
        if q.speaker and q.source_name:
            out.append(", ")
        if q.source_name:
            if q.cite:
                out.append(
                    f'according to <cite><a href="{esc(q.cite)}">{esc(q.source_name)}</a></cite>'
                )
            else:
                out.append(f"according to <cite>{esc(q.source_name)}</cite>")
        out.append("</footer>\n")
    out.append("</blockquote>")


def quote_block_html(q: Quote) -> Markup:
    """A quotation as a block quote with its speaker and source."""
    out: list[str] = []
    _quote_block(q, out)
    return Markup("".join(out))


def photo_html(p: Photo) -> Markup:
    """A photo as a figure with its caption and attribution (creator, licence, credit)."""
    out = [f'<figure class="photo">\n<img src="{esc(p.src)}" alt="{esc(p.alt)}"']
    if p.width:
        out.append(f' width="{esc(p.width)}"')
    if p.height:
        out.append(f' height="{esc(p.height)}"')
    out.append(' decoding="async">\n<figcaption>\n')
    if p.caption:
        out.append(f'<span class="caption">{esc(p.caption)}</span>\n')
    if p.creator or p.license_url:
        source = esc(p.source_url or p.src)
        if p.title:
            out.append(
                f'<span class="attribution">&ldquo;<a href="{source}">{esc(p.title)}</a>&rdquo;'
            )
        else:
            out.append(f'<span class="attribution"><a href="{source}">Photo</a>')
        if p.creator:
            out.append(" by ")
            _agent(p.creator, None, out)
        if p.license_url:
            out.append(
                f', licensed under <a rel="license" href="{esc(p.license_url)}">'
                f"{esc(p.license_name)}</a>"
            )
        out.append(".</span>\n")
    elif p.credit:
        out.append(f'<span class="attribution">{esc(p.credit)}</span>\n')
    out.append("</figcaption>\n</figure>")
    return Markup("".join(out))


def body_html(blocks: Sequence[Block], unplaced_quotes: Sequence[Quote]) -> Markup:
    """The blocks of an article body, then the quotations the body does not contain."""
    out: list[str] = []
    for b in blocks:
        kind = b.kind
        if kind == "p":
            out.append("<p>")
            _inline(b.inlines, out)
            out.append("</p>\n")
        elif kind in ("h2", "h3"):
            out.append(f"<{esc(kind)}>")
            _inline(b.inlines, out)
            out.append(f"</{esc(kind)}>\n")
        elif kind == "blockquote":
            if b.quote:
                _quote_block(b.quote, out)
            else:
                out.append("<blockquote><p>")
                _inline(b.inlines, out)
                out.append("</p></blockquote>")
            out.append("\n")
        else:
            tag = esc(kind)
            out.append(f"<{tag}>\n")
            for item in b.items:
                out.append("<li>")
                _inline(item, out)
                out.append("</li>\n")
            out.append(f"</{tag}>\n")
    if unplaced_quotes:
        out.append(
            '<section class="quotations" aria-labelledby="quotations-heading">\n'
            '<h2 id="quotations-heading">Quoted in this article</h2>\n'
        )
        for q in unplaced_quotes:
            _quote_block(q, out)
            out.append("\n")
        out.append("</section>\n")
    return Markup("".join(out))


def meta_html(meta: Iterable[tuple[str, str, str]]) -> Markup:
    """The meta tags of a page head, one a line (no newline after the last)."""
    return Markup(
        "\n".join(
            f'<meta {esc(kind)}="{esc(key)}" content="{esc(value)}">' for kind, key, value in meta
        )
    )


def atom_content_html(
    photo: Photo | None, blocks: Sequence[Block], unplaced_quotes: Sequence[Quote]
) -> str:
    """The HTML of an Atom entry's content: the photo, then the body (as ``atom_content.html``)."""
    head = photo_html(photo) + "\n" if photo else ""
    return str(head + body_html(blocks, unplaced_quotes)) + "\n"


FUNCTIONS = {
    "_sp_meta": meta_html,
    "_sp_inline": inline_html,
    "_sp_agent": agent_html,
    "_sp_quote_block": quote_block_html,
    "_sp_photo": photo_html,
    "_sp_body": body_html,
}
"""What the built-in templates call, as Jinja2 globals."""

__all__ = [
    "FUNCTIONS",
    "agent_html",
    "atom_content_html",
    "body_html",
    "esc",
    "inline_html",
    "meta_html",
    "photo_html",
    "quote_block_html",
]
