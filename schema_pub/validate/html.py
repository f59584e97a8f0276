"""JSON-LD in HTML pages: every ``<script type="application/ld+json">`` block.

The page is decoded with the charset it declares, parsed with Lexbor (through
selectolax, an HTML5 tokenizer, so ``<!--<script>`` and ``</script>`` inside a
value are read the way browsers and search engines read them), and each block
becomes its own document located by the line and column where its text starts.
A broken block never hides the others.

The same tree gives the page's visible text, for the page layer: Lexbor's own
text walk over the body, its text nodes stripped and joined by spaces. White
space inside a node is left as it is (collapsing it costs a Python step per
word); the page layer folds it only when it has to.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from schema_pub.validate.findings import Finding, Rule, Severity
from schema_pub.validate.layers.syntax import INVALID_UTF8, LineIndex

GOOGLE_JSONLD = (
    "https://developers.google.com/search/docs/appearance/structured-data/intro-structured-data"
)
HTML_SCRIPT = "https://html.spec.whatwg.org/multipage/scripting.html#restrictions-for-contents-of-script-elements"

TYPE_PARAMETER = Rule(
    "SP030",
    "script-type-parameter",
    Severity.WARNING,
    "The block's type carries a parameter (such as charset); write exactly application/ld+json.",
    "html",
    "https://www.w3.org/TR/json-ld11/#embedding-json-ld-in-html-documents",
)
WRAPPED_BLOCK = Rule(
    "SP031",
    "wrapped-block",
    Severity.ERROR,
    "The block's JSON is wrapped in an HTML comment or CDATA markers, which are not JSON.",
    "html",
    HTML_SCRIPT,
)
ENTITY_ENCODED = Rule(
    "SP032",
    "entity-encoded-json",
    Severity.ERROR,
    "The block's JSON is HTML-escaped (`&quot;`); script content is never entity-decoded.",
    "html",
    HTML_SCRIPT,
)
TOO_MANY_BLOCKS = Rule(
    "SP033",
    "too-many-blocks",
    Severity.ERROR,
    "The page has more JSON-LD blocks than the limit (default 100); the rest were skipped.",
    "html",
)
UNKNOWN_CHARSET = Rule(
    "SP034",
    "unknown-charset",
    Severity.WARNING,
    "The page declares a character encoding that is not known; it was read as UTF-8.",
    "html",
    "https://encoding.spec.whatwg.org/#names-and-labels",
)
NO_JSONLD = Rule(
    "SP035",
    "no-json-ld",
    Severity.INFO,
    "The page has no JSON-LD block.",
    "html",
    GOOGLE_JSONLD,
)

RULES: tuple[Rule, ...] = (
    TYPE_PARAMETER,
    WRAPPED_BLOCK,
    ENTITY_ENCODED,
    TOO_MANY_BLOCKS,
    UNKNOWN_CHARSET,
    NO_JSONLD,
)

DEFAULT_MAX_BLOCKS = 100
JSONLD_TYPE = "application/ld+json"

# WHATWG maps these labels to windows-1252, a superset Python knows as cp1252.
_WINDOWS_1252 = frozenset(
    {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii", "cp819"}
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_WRAPPERS = (
    (re.compile(r"^\s*<!--"), re.compile(r"-->\s*$")),
    (re.compile(r"^\s*(?://\s*)?<!\[CDATA\["), re.compile(r"(?://\s*)?\]\]>\s*$")),
)
_ENTITY = re.compile(r"&(?:quot|#34|#x22|amp|lt|gt|#39|apos);", re.IGNORECASE)
_SCRIPT_START = re.compile(r"<script\b[^>]*>", re.IGNORECASE)
_NOT_NEWLINE = re.compile(r"[^\n]")
_HIDDEN_TAGS = ["script", "style", "noscript", "template"]
# a block is looked for in its page by its first characters, then compared whole
_PREFIX = 64


@dataclass
class Block:
    """One JSON-LD script block: its text and where that text starts in the page."""

    index: int
    text: str
    line: int
    column: int
    type_attribute: str
    findings: list[Finding] = field(default_factory=list)
    entity_encoded: bool = False


@dataclass
class Page:
    """What :func:`extract` found in a page."""

    blocks: list[Block]
    findings: list[Finding]
    text: str
    page_text: str


def declared_charset(raw: bytes) -> str | None:
    """The charset a page declares by BOM or in a ``<meta>`` of its first 1024 bytes."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return "utf-8"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    match = _META_CHARSET.search(raw[:1024])
    return match.group(1).decode("ascii").lower() if match else None


def decode_page(raw: bytes, file: str | None) -> tuple[str, list[Finding]]:
    """Decode a page with its declared charset (UTF-8 when it declares none)."""
    page, findings, _ = _decode(raw, file)
    return page, findings


def _decode(raw: bytes, file: str | None) -> tuple[str, list[Finding], bytes | None]:
    """:func:`decode_page`, and the page's UTF-8 bytes when it was valid UTF-8 (else None)."""
    findings: list[Finding] = []
    label = declared_charset(raw) or "utf-8"
    if label in _WINDOWS_1252:
        label = "cp1252"
    try:
        codec = codecs.lookup(label).name
    except LookupError:
        findings.append(
            UNKNOWN_CHARSET(f"unknown charset {label!r}; read as UTF-8").located(
                file=file, line=1, column=1
            )
        )
        codec = "utf-8"
    if codec == "utf-8":
        if raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            return raw.decode("utf-8"), findings, raw
        except UnicodeDecodeError as exc:
            prefix = raw[: exc.start].decode("utf-8", "replace")
            line, column = LineIndex(prefix).position(len(prefix))
            findings.append(
                INVALID_UTF8(
                    f"invalid UTF-8 at byte offset {exc.start}: {exc.reason}",
                    hint="Save the page as UTF-8, or declare its real charset in a <meta>.",
                    byte_offset=exc.start,
                ).located(file=file, line=line, column=column)
            )
            return raw.decode("utf-8", "replace"), findings, None
    if codec.startswith("utf-16"):
        return raw.decode("utf-16", "replace"), findings, None
    return raw.decode(codec, "replace"), findings, None


def _blank(text: str) -> str:
    """Spaces in place of every character but line breaks, so positions stay put."""
    return _NOT_NEWLINE.sub(" ", text)


def _unwrap(text: str) -> str | None:
    """Blank out comment or CDATA markers around a block (same length), or None."""
    opening = text[:64].lstrip()[:16]
    if len(opening) < 16 and len(text) > 64:  # long leading white space
        opening = text.lstrip()[:16]
    if not (opening.startswith("<!--") or "<![CDATA[" in opening):
        return None
    for start, end in _WRAPPERS:
        head = start.match(text)
        tail = end.search(text)
        if head and tail and head.end() <= tail.start():
            return (
                _blank(text[: head.end()])
                + text[head.end() : tail.start()]
                + _blank(text[tail.start() :])
            )
    return None


def _in_comment(page: str, position: int) -> bool:
    """Whether ``position`` seems to be inside an HTML comment (an open ``<!--`` before it)."""
    return page.rfind("<!--", 0, position) > page.rfind("-->", 0, position)


def _after_script_tag(page: str, position: int) -> bool:
    """Whether a ``<script ...>`` start tag ends right at ``position``."""
    start = page.rfind("<", 0, position)
    return start >= 0 and _SCRIPT_START.fullmatch(page, start, position) is not None


def _locate_block(page: str, text: str, cursor: int) -> int:
    """Offset in ``page`` where the block's text starts, searching from ``cursor``.

    The parser does not give source positions, so the block's text is looked for
    after the previous block: right after a ``<script ...>`` start tag and,
    preferably, not inside a comment (where an old copy of the markup may sit).
    """
    if not text:
        match = _SCRIPT_START.search(page, cursor)
        return match.end() if match else cursor
    fallback = -1
    # searching a whole block (kilobytes) costs a pass over it per search
    prefix = text[:_PREFIX]
    position = page.find(prefix, cursor)
    while position >= 0:
        if (
            position > 0
            and page[position - 1] == ">"
            and page.startswith(text, position)
            and _after_script_tag(page, position)
        ):
            if not _in_comment(page, position):
                return position
            if fallback < 0:
                fallback = position
        position = page.find(prefix, position + 1)
    return fallback if fallback >= 0 else cursor


def extract(
    raw: bytes | str,
    *,
    file: str | None = None,
    max_blocks: int = DEFAULT_MAX_BLOCKS,
    page_text: bool | Callable[[str], bool] = True,
) -> Page:
    """Find the JSON-LD blocks of a page; each block's findings are about the block itself.

    With ``page_text``, also the visible text of the page: scripts, styles,
    ``noscript`` and templates left out, each text node stripped, blank ones
    skipped, the rest joined by a space. Its words are those of the page, in
    order; white space inside a text node (a line break, two spaces, an
    ``&nbsp;``) is kept as written, which the page layer's folding collapses.
    ``page_text`` may instead be a test of a block's text: the visible text is
    then read only when some block passes it, and left empty otherwise (the
    pipeline passes the test of the layers that read the text).
    """
    from selectolax.lexbor import LexborHTMLParser

    feed: bytes | None = None
    if isinstance(raw, bytes):
        page, findings, feed = _decode(raw, file)
    else:
        page, findings = raw, []
    # the bytes are searched when there are some: one byte per character, not two or four
    if (b"\r" in feed) if feed is not None else ("\r" in page):
        page = page.replace("\r\n", "\n").replace("\r", "\n")
        feed = None
    # the parser reads UTF-8 bytes: a page that was clean UTF-8 is handed over as it came
    tree = LexborHTMLParser(page if feed is None else feed)
    index = LineIndex(page)
    blocks: list[Block] = []
    cursor = 0
    for node in tree.tags("script"):
        type_attribute = node.attributes.get("type") or ""
        mime, _, parameters = type_attribute.partition(";")
        if mime.strip().lower() != JSONLD_TYPE:
            continue
        if len(blocks) >= max_blocks:
            findings.append(
                TOO_MANY_BLOCKS(
                    f"more than {max_blocks} JSON-LD blocks; the rest were not validated"
                ).located(file=file, line=None, column=None)
            )
            break
        text = node.text(deep=True) or ""
        offset = _locate_block(page, text, cursor)
        cursor = offset + len(text)
        line, column = index.position(offset)
        block = Block(len(blocks), text, line, column, type_attribute)
        if parameters.strip():
            block.findings.append(
                TYPE_PARAMETER(
                    f"type {type_attribute.strip()!r} has a parameter",
                    hint='Write type="application/ld+json"; JSON-LD is always UTF-8.',
                    path=(),
                ).located(file=file, line=line, column=column)
            )
        unwrapped = _unwrap(text)
        if unwrapped is not None:
            block.findings.append(
                WRAPPED_BLOCK(
                    "the JSON is wrapped in <!-- --> or CDATA markers",
                    hint="Remove the markers: the block's text must be the JSON alone.",
                ).located(file=file, line=line, column=column)
            )
            block.text = unwrapped
        if "&" in text and _ENTITY.search(text):
            block.entity_encoded = True
        blocks.append(block)
    visible: str = ""
    if callable(page_text):
        page_text = any(page_text(block.text) for block in blocks)
    if page_text:
        tree.strip_tags(_HIDDEN_TAGS)
        body = tree.body
        if body is not None:
            # each text node stripped, blank ones skipped: the words, in order, of
            # the plain text walk; a node of white space Lexbor does not call
            # blank (such as &nbsp;) can leave a space at either end
            visible = body.text(separator=" ", strip=True, skip_empty=True).strip()
    if not blocks and not any(f.code == TOO_MANY_BLOCKS.code for f in findings):
        findings.append(
            NO_JSONLD('no <script type="application/ld+json"> block in the page').located(
                file=file, line=None, column=None
            )
        )
    return Page(blocks, findings, page, visible)


def entity_finding(block: Block, file: str | None) -> Finding:
    """The finding for a block whose JSON did not parse because it is HTML-escaped."""
    return ENTITY_ENCODED(
        "the JSON is written with HTML entities (&quot;), which a script block never decodes",
        hint='Write the JSON as is; escape only "<" as \\u003c.',
    ).located(file=file, line=block.line, column=block.column)
