"""Page layer: the structured data of an HTML page describes what the page shows.

Google's structured data policies ask that marked-up content be visible to the
readers of the page. For a page (never a bare ``.jsonld`` file, nor an HTML
fragment without a body), this layer checks that an article's headline, its
authors' names and its quotations appear in the page's visible text.

Text is compared the way the newsroom layer compares quotations: both sides
through :func:`~schema_pub.validate.layers.newsroom.normalise_text`. A page's
text is long and folding it costs more than the rest of the layer, so each
needle is first looked for in the text as written (ASCII letters lowercased):
when the needle is one that folding leaves unchanged and the page's characters
are all ones that Unicode normalisation never touches, finding it there proves
it is in the folded text too. Only a needle not found that way has the page
text folded (once per page), and the answer then is the folded text's.

Before either, a needle is looked for exactly as the markup writes it, in the
page's text as extracted: a page shows its headline, bylines and quotations as
written, and such a find costs one search and no pass over the whole text.
It counts when folding the match is folding the needle: the needle is clean
(printable, single spaces inside, none at its ends), it folds to what is looked
for, and the characters at both ends of the match are starters that Unicode
normalisation never joins to what stands before them (so normalising the page
leaves the match as normalising the needle alone would); every later step of
the folding works character by character.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator

from schema_pub import vocab as vocabulary
from schema_pub.validate.document import Document
from schema_pub.validate.findings import Finding, Rule, Severity
from schema_pub.validate.layers._graph import NODE, REF, Graph, Node
from schema_pub.validate.layers._types import ancestors_of
from schema_pub.validate.layers.newsroom import normalise_text, quote_in_body, quote_pieces

__all__ = [
    "NEEDS_PAGE_TEXT",
    "RULES",
    "PageText",
    "check",
    "check_graph",
    "fold_text",
    "may_look_for",
]

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


# -- the page's text -------------------------------------------------------------------

# The characters ``str.split()`` breaks on, but the plain space, that are ASCII
# (a test checks them against the running Python's Unicode database).
_ASCII_SPACES = b"\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f"
_SPACES_TO_SPACE = bytes.maketrans(_ASCII_SPACES, b" " * len(_ASCII_SPACES))
_ASCII_BYTES = bytes(range(0x80))
# Past this many bytes of non-ASCII characters (a page in another script), or
# this many distinct characters to replace (one pass over the text each), the
# fast paths stop paying: the text is folded by normalise_text itself.
_MAX_WIDE = 16384
_MAX_REPLACEMENTS = 48
# Code points where a starter that NFC maps to itself is never the second half
# of a canonical composition: Latin, Greek, Cyrillic and their neighbours below
# Devanagari; punctuation, currency and letterlike signs, arrows, mathematical
# operators. A test checks this against the running Python's Unicode database.
_STABLE_RANGES = ((0x80, 0x900), (0x2010, 0x2400))
# A character that folds to itself and joins nothing after it: put in front of
# an ASCII character, it shows what normalise_text does to that character in a
# text that is not all ASCII (where its table of quote marks applies).
_WITNESS = "\u00e9"


@functools.lru_cache(maxsize=4096)
def _stable(char: str) -> bool:
    """Whether NFC leaves ``char`` as it is, whatever stands before or after it."""
    code = ord(char)
    return (
        any(low <= code < high for low, high in _STABLE_RANGES)
        and unicodedata.combining(char) == 0
        and unicodedata.normalize("NFC", char) == char
    )


@functools.lru_cache(maxsize=4096)
def _kept(char: str) -> bool:
    """Whether ``char`` is stable, not white space, and folds to itself."""
    return _stable(char) and not char.isspace() and normalise_text(char) == char


def _ascii_replacements() -> tuple[tuple[bytes, bytes], ...] | None:
    """What normalise_text does to ASCII, beyond lowercasing it, in a text that is not ASCII.

    None (no fast path for such texts) if the witness stopped folding to itself.
    """
    pairs: list[tuple[bytes, bytes]] = []
    for code in range(0x21, 0x7F):
        char = chr(code)
        folded = normalise_text(_WITNESS + char)
        if folded[:1] != _WITNESS:
            return None
        if folded[1:] != char.lower():
            pairs.append((char.encode(), folded[1:].encode()))
    return tuple(pairs)


_ASCII_REPLACEMENTS = _ascii_replacements()
_ASCII_CHANGED = tuple(old.decode() for old, _ in _ASCII_REPLACEMENTS or ())


def wide_characters(text: str) -> tuple[bytes, frozenset[str]] | None:
    """A text's UTF-8 bytes and its set of non-ASCII characters; None when it has many.

    Two passes in C (encode, then drop the ASCII bytes) where building the set
    character by character would cost a Python step per character.
    """
    utf8 = text.encode("utf-8")
    others = utf8.translate(None, _ASCII_BYTES)
    if len(others) > _MAX_WIDE:
        return None
    # a page repeats a few characters (quotes, dashes) many times: take each
    # distinct one out in C rather than hashing every occurrence
    rest = others.decode("utf-8")
    distinct: list[str] = []
    while rest:
        if len(distinct) == 32:
            distinct.extend(rest)
            break
        distinct.append(rest[0])
        rest = rest.replace(rest[0], "")
    return utf8, frozenset(distinct)


@functools.lru_cache(maxsize=256)
def _all_stable(wide: frozenset[str]) -> bool:
    return all(_stable(char) for char in wide)


@functools.lru_cache(maxsize=256)
def _replacements(wide: frozenset[str]) -> tuple[tuple[bytes, bytes], ...] | None:
    """UTF-8 replacements that fold these characters (white space to a space).

    None when one of them is not stable, or when there are too many to be worth it.
    """
    pairs: list[tuple[bytes, bytes]] = []
    for char in sorted(wide):
        if not _stable(char):
            return None
        folded = " " if char.isspace() else normalise_text(char)
        if folded != char:
            if len(pairs) == _MAX_REPLACEMENTS:
                return None
            pairs.append((char.encode(), folded.encode()))
    return tuple(pairs)


def fold_text(text: str) -> str:
    """``normalise_text(text)``: the same string, in a few passes in C over its bytes.

    When every non-ASCII character is stable (Unicode normalisation does nothing),
    folding works character by character: each distinct non-ASCII character is
    replaced by its folded form (white space by a space), the ASCII white space
    becomes spaces, runs of spaces are collapsed (only if there are any), ASCII
    is lowercased. A text in another script takes normalise_text itself.
    """
    if text.isascii():
        utf8 = text.encode("ascii")
    else:
        found = wide_characters(text)
        replacements = None if found is None else _replacements(found[1])
        if found is None or replacements is None or _ASCII_REPLACEMENTS is None:
            return normalise_text(text)
        utf8 = found[0]
        for old, new in _ASCII_REPLACEMENTS:
            if old in utf8:
                utf8 = utf8.replace(old, new)
        for old, new in replacements:
            utf8 = utf8.replace(old, new)
    for space in _ASCII_SPACES:
        if space in utf8:
            utf8 = utf8.translate(_SPACES_TO_SPACE)
            break
    if utf8[:1] == b" " or utf8[-1:] == b" " or b"  " in utf8:
        utf8 = b" ".join(utf8.split())
    return utf8.lower().decode("utf-8")


# Typographic marks that folding turns into quotation edges or ellipses: stripped from,
# or split on, in a quotation as written (each piece is then checked against its folded
# twin, so these lists decide only how often the as-written search is tried).
_WRITTEN_EDGES = " \"'.,;:!?-`\u00b4\u2018\u2019\u201a\u201b\u2032\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\u2033\u2013\u2014\u2026"
_WRITTEN_ELLIPSIS = re.compile(r"\s*(?:\.\s?\.\s?\.|\u2026|\[\s*(?:\.\.\.|\u2026)\s*\])\s*")


def _starter(char: str) -> bool:
    """Whether normalisation never joins ``char`` to what stands before it."""
    return char < "\x80" or _stable(char)


class PageText:
    """A page's visible text: needles are looked for in it as written, then folded.

    "As written" means with its ASCII letters lowercased, which is done in C
    without touching anything else. When every character of the page is stable
    and a (folded) needle is made of characters folding leaves alone, finding
    the needle there proves it is in the folded text, character for character.
    """

    __slots__ = ("_folded", "_hint", "_lowered", "ascii", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.ascii = text.isascii()
        # where the last needle found as written ended: a page shows its headline,
        # byline and quotations in about the order of its markup
        self._hint = 0
        self._lowered: str | bool | None = False  # False: not computed yet
        self._folded: str | None = None

    @property
    def folded(self) -> str:
        if self._folded is None:
            self._folded = fold_text(self.text)
        return self._folded

    def lowered(self) -> str | None:
        """The text with its ASCII letters lowercased; None when it has an unstable character."""
        if self._lowered is False:
            text = self.text
            if self.ascii:
                self._lowered = text.lower()
            elif _ASCII_REPLACEMENTS is None:
                self._lowered = None
            else:
                try:
                    latin = text.encode("latin-1")  # every Latin-1 character is stable
                except UnicodeEncodeError:
                    found = wide_characters(text)
                    if found is not None and _all_stable(found[1]):
                        self._lowered = found[0].lower().decode("utf-8")
                    else:
                        self._lowered = None
                else:
                    self._lowered = latin.lower().decode("latin-1")
        return self._lowered if isinstance(self._lowered, str) else None

    def _unchanged(self, needle: str) -> bool:
        """Whether folding the page's text leaves the characters of ``needle`` as they are."""
        if not self.ascii:
            for char in _ASCII_CHANGED:
                if char in needle:
                    return False
        return needle.isascii() or all(_kept(char) for char in needle if char >= "\x80")

    def _written(self, written: str, needle: str | None) -> bool:
        """Whether finding ``written`` as is in the text proves ``needle`` in the folded text.

        ``needle`` None: it is ``normalise_text(written)``. Still to be checked at
        the match: :meth:`_find` checks its two ends.
        """
        if not (
            written.isprintable()
            and "  " not in written
            and written[:1] not in ("", " ")
            and written[-1] != " "
        ):
            return False
        if not self.ascii and written.isascii():
            # in a text that is not ASCII, folding also replaces some ASCII marks
            if _ASCII_REPLACEMENTS is None:
                return False
            for char in _ASCII_CHANGED:
                if char in written:
                    return False
        return needle is None or normalise_text(written) == needle

    def _find(self, written: str, start: int, stop: int | None = None) -> int:
        """End of the first match of ``written`` in ``[start, stop)`` with starters at both ends.

        -1 when there is none.
        """
        text = self.text
        size = len(written)
        position = text.find(written, start, stop)
        while position >= 0:
            end = position + size
            if self.ascii or (
                _starter(text[position]) and (end == len(text) or _starter(text[end]))
            ):
                return end
            position = text.find(written, position + 1, stop)
        return -1

    def _find_any(self, written: str) -> int:
        """End of a match of ``written`` anywhere (with starters at both ends); -1 if none.

        Looked for after the last match first, then before it, so that needles
        met in page order cost one pass over the text between them.
        """
        hint = self._hint
        end = self._find(written, hint)
        if end < 0 and hint > 0:
            end = self._find(written, 0, hint + len(written) - 1)
        if end >= 0:
            self._hint = end
        return end

    def shows(self, written: str) -> bool:
        """Whether ``normalise_text(written)`` is in the folded text; ``written`` as in the markup."""
        if self._written(written, None) and self._find_any(written) >= 0:
            return True
        return self.has(normalise_text(written))

    def _written_pieces(self, quote: str, pieces: list[str]) -> list[str] | None:
        """The pieces of ``quote`` as written, each one proved to fold to its twin; or None."""
        if len(pieces) == 1 and not ("." in quote[:-1] or "[" in quote or "\u2026" in quote):
            written = [quote.strip(_WRITTEN_EDGES)]  # no ellipsis: one piece
        else:
            written = [p.strip(_WRITTEN_EDGES) for p in _WRITTEN_ELLIPSIS.split(quote)]
            written = [p for p in written if p]
        if len(written) != len(pieces):
            return None
        for piece, needle in zip(written, pieces, strict=True):
            if not self._written(piece, needle):
                return None
        return written

    def has(self, needle: str) -> bool:
        """Whether ``needle``, already folded, is in the folded text."""
        lowered = self.lowered()
        if lowered is not None and needle in lowered and self._unchanged(needle):
            return True
        return needle in self.folded

    def has_quote(self, quote: str) -> bool:
        """:func:`quote_in_body` of ``quote`` against the folded text."""
        pieces = quote_pieces(quote)
        if not pieces:
            return True
        written = self._written_pieces(quote, pieces)
        if written is not None:
            # matches in order, apart, in the text are so in the folded text
            position = self._find_any(written[0])
            for piece in written[1:]:
                if position < 0:
                    break
                position = self._find(piece, position)
            if position >= 0:
                self._hint = position
                return True
        lowered = self.lowered()
        # an ASCII quotation folds to ASCII: only the characters folding changes matter
        if (
            lowered is not None
            and quote_in_body(quote, lowered, normalised=True)
            and self._unchanged(quote if quote.isascii() else normalise_text(quote))
        ):
            return True
        return quote_in_body(quote, self.folded, normalised=True)


# the last page's text: every block of a page reads the same string
_last: PageText = PageText("")


def _page_text(text: str) -> PageText:
    global _last
    if _last.text is not text:
        _last = PageText(text)
    return _last


# -- whether a page's text is needed at all ---------------------------------------------

# A JSON escape of a character from "@" to DEL: such a key or type name could spell
# one of the words below without showing it.
_LETTER_ESCAPE = re.compile(r"\\u00[4-7]")
_STRING_CONTEXT = re.compile(r'@context"\s*:\s*"')


def may_look_for(block: str) -> bool:
    """Whether the layer could look for something in the page because of this block's JSON.

    It looks only at an article's ``headline`` and ``author`` and a ``Quotation``'s
    text. In a block whose contexts are all plain strings (the only context served
    is schema.org's, which names these terms as themselves), each of those words
    can come only from its letters written in the JSON: ``headline``, ``schema:
    headline``, its full IRI. A block that has none of them, no letter written as
    a ``\\u`` escape, and no context of its own (which could alias a term) can
    give the layer nothing to look for: the page's text is not needed for it.
    """
    if "headline" in block or "author" in block or "Quotation" in block:
        return True
    if "\\u00" in block and _LETTER_ESCAPE.search(block):
        return True
    contexts = block.count("@context")
    return contexts > 0 and len(_STRING_CONTEXT.findall(block)) != contexts


# -- the checks ------------------------------------------------------------------------


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _target(value_node: Node | None, ref: str | None, by_id: dict[str, Node]) -> Node | None:
    if value_node is not None:
        return value_node
    return by_id.get(ref) if ref is not None else None


def check_graph(graph: Graph, page_text: str) -> Iterator[Finding]:
    """Findings for the nodes of ``graph`` whose text is missing from ``page_text``."""
    visible = _page_text(page_text)
    vocab = vocabulary.load()
    by_id = graph.by_id()
    for node in graph.nodes:
        kinds = ancestors_of(vocab, node.types)
        if _ARTICLE in kinds:
            headline = node.text("headline")
            if headline and not visible.shows(headline):
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
                if name and not visible.shows(name):
                    yield AUTHOR_NOT_VISIBLE(
                        f"the author '{_short(name)}' is not named on the page",
                        path=value.path,
                        hint="show a byline with the author's name",
                    )
        if "Quotation" in kinds:
            text = node.text("text")
            if text and not visible.has_quote(text):
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
