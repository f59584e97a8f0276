"""The newsroom layer: this project's own editorial policy for structured data.

* A Quotation says what was said (``text``), who said it (``spokenByCharacter``,
  ``creator`` or ``author``) and where it was reported (``isBasedOn`` or
  ``citation``), and its text can be found in the article's ``articleBody``.
* A Creative Commons licensed image carries its ``creator``, the licence's canonical
  deed URL as ``license`` and a ``creditText``.
* One person is one node: the same name under two different ``@id``s is a split.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING

from schema_pub.validate.document import Document
from schema_pub.validate.findings import Finding, JsonPath, Rule, Severity
from schema_pub.validate.layers._graph import LITERAL, NODE, REF, Graph, Node, Value
from schema_pub.validate.layers._types import ancestors_of, default_vocab

if TYPE_CHECKING:
    from schema_pub.vocab import Vocabulary

__all__ = [
    "RULES",
    "canonical_cc_license",
    "check",
    "check_graph",
    "normalise_text",
    "quote_in_body",
]

LAYER = "newsroom"

QUOTE_NO_TEXT = Rule(
    "SP401",
    "quotation-missing-text",
    Severity.ERROR,
    "A Quotation has no text.",
    LAYER,
)
QUOTE_NO_SPEAKER = Rule(
    "SP402",
    "quotation-missing-speaker",
    Severity.WARNING,
    "A Quotation names no speaker (spokenByCharacter, creator or author).",
    LAYER,
)
QUOTE_NO_SOURCE = Rule(
    "SP403",
    "quotation-missing-source",
    Severity.WARNING,
    "A Quotation names no source (isBasedOn or citation).",
    LAYER,
)
QUOTE_NOT_IN_BODY = Rule(
    "SP404",
    "quotation-not-in-body",
    Severity.WARNING,
    "A Quotation's text does not appear in its article's articleBody (whitespace, "
    "quote marks and case aside).",
    LAYER,
)
CC_NO_CREATOR = Rule(
    "SP405",
    "cc-image-missing-creator",
    Severity.WARNING,
    "A Creative Commons licensed image has no creator.",
    LAYER,
)
CC_LICENSE_NOT_CANONICAL = Rule(
    "SP406",
    "cc-license-not-canonical",
    Severity.WARNING,
    "A Creative Commons licence is not given as its canonical deed URL "
    "(https://creativecommons.org/licenses/by-sa/3.0/ and the like).",
    LAYER,
)
CC_NO_CREDIT = Rule(
    "SP407",
    "cc-image-missing-credit",
    Severity.WARNING,
    "A Creative Commons licensed image has no creditText.",
    LAYER,
)
DUPLICATE_PERSON = Rule(
    "SP408",
    "duplicate-person",
    Severity.WARNING,
    "The same person (same name) appears as nodes with different @ids.",
    LAYER,
)

RULES: tuple[Rule, ...] = (
    QUOTE_NO_TEXT,
    QUOTE_NO_SPEAKER,
    QUOTE_NO_SOURCE,
    QUOTE_NOT_IN_BODY,
    CC_NO_CREATOR,
    CC_LICENSE_NOT_CANONICAL,
    CC_NO_CREDIT,
    DUPLICATE_PERSON,
)

SPEAKER_PROPS = ("spokenByCharacter", "creator", "author")
SOURCE_PROPS = ("isBasedOn", "citation")

# -- text normalisation ------------------------------------------------------------------

_QUOTE_MARKS: dict[str, str] = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "`": "'",
    "\u00b4": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2039": '"',
    "\u203a": '"',
    "\u2033": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u2026": "...",
    "\u00a0": " ",
}
_MARKS = tuple(_QUOTE_MARKS.items())
_ELLIPSIS_RE = re.compile(r"\s*(?:\.\s?\.\s?\.|\[\s*\.\.\.\s*\])\s*")
_EDGE_CHARS = " \"'.,;:!?-"
_ASCII_CONTROLS = bytes([*range(0x20), 0x7F])


def normalise_text(text: str) -> str:
    """Text compared for quotations: NFC, straight quotes, one space, case folded."""
    if not text.isascii():
        plain = _plain_marks(text)
        # A text of ASCII and marks only is already in NFC (no such character
        # decomposes or composes with another: tested), so NFC can be skipped when
        # the marks were all it held beside ASCII. Otherwise NFC comes first, as it
        # may itself produce marks (U+1FEF is a grave accent in NFC).
        text = plain if plain.isascii() else _plain_marks(unicodedata.normalize("NFC", text))
    # Whitespace is collapsed unless there is nothing to collapse: no whitespace but
    # single spaces inside (a printable text holds no whitespace but the space; long
    # ASCII text is printable when deleting its control characters leaves it whole,
    # which bytes.translate finds out faster than str.isprintable).
    if text.isascii():
        if (
            (
                not text.isprintable()
                if len(text) < 128
                else len(text.encode().translate(None, _ASCII_CONTROLS)) != len(text)
            )
            or "  " in text
            or text[:1] == " "
            or text[-1:] == " "
        ):
            text = " ".join(text.split())
        return text.lower()  # casefold on ASCII, without casefold's cost
    if not text.isprintable() or "  " in text or text[:1] == " " or text[-1:] == " ":
        text = " ".join(text.split())
    return text.casefold()


def _plain_marks(text: str) -> str:
    for mark, plain in _MARKS:
        if mark in text:  # replacements are never marks: one pass each is enough
            text = text.replace(mark, plain)
    return text


def quote_in_body(quote: str, body: str, *, normalised: bool = False) -> bool:
    """True when the quotation's words appear in the body, in order.

    Quote marks around the quotation and its final punctuation do not count, and an
    ellipsis (``...``) stands for words left out. ``normalised`` says ``body`` has
    already been through :func:`normalise_text`.
    """
    norm_body = body if normalised else normalise_text(body)
    pieces = quote_pieces(quote)
    if len(pieces) == 1:
        return pieces[0] in norm_body
    return _in_order(pieces, norm_body)


def _in_order(pieces: list[str], norm_body: str) -> bool:
    """True when the pieces appear in the body one after the other (none: True)."""
    position = 0
    for piece in pieces:
        found = norm_body.find(piece, position)
        if found < 0:
            return False
        position = found + len(piece)
    return True


# -- Creative Commons --------------------------------------------------------------------

_CC_KINDS = ("by", "by-sa", "by-nd", "by-nc", "by-nc-sa", "by-nc-nd")
_CC_CANONICAL_RE = re.compile(
    r"https://creativecommons\.org/(?:licenses/(?:by|by-sa|by-nd|by-nc|by-nc-sa|by-nc-nd)"
    r"/\d\.\d/(?:[a-z]{2}(?:-[a-z]{2})?/)?|publicdomain/(?:zero|mark)/1\.0/)\Z"
)
_CC_URL_RE = re.compile(
    r"(?:https?:)?//(?:www\.)?creativecommons\.org/"
    r"(?P<path>licenses/(?P<kind>[a-z-]+)/(?P<version>\d\.\d)(?:/(?P<port>[a-z]{2}(?:-[a-z]{2})?))?"
    r"|publicdomain/(?P<pd>zero|mark)/(?P<pdversion>\d\.\d))"
    r"(?:/(?:deed(?:\.[a-zA-Z-]+)?|legalcode(?:\.[a-zA-Z-]+)?)?)?/?\Z",
    re.IGNORECASE,
)
_CC_ELEMENTS = (
    r"(?:sa|nc|nd|sharealike|share-alike|noncommercial|non-commercial|noderivatives|noderivs)"
)
_CC_TEXT_RE = re.compile(
    r"\s*(?:creative\s+commons\s+|cc[\s-]*)"
    rf"(?P<kind>(?:by|attribution)(?:[\s-]+{_CC_ELEMENTS})*)"
    r"[\s-]*(?P<version>\d\.\d)?(?:\s+(?:international|unported|generic))?"
    r"(?:\s+(?:license|licence))?\s*\Z",
    re.IGNORECASE,
)
_CC_WORDS = {
    "attribution": "by",
    "sharealike": "sa",
    "share-alike": "sa",
    "noncommercial": "nc",
    "non-commercial": "nc",
    "noderivatives": "nd",
    "noderivs": "nd",
}
_CC0_TEXT_RE = re.compile(r"\s*cc[\s-]?0(?:[\s-]+1\.0)?\s*\Z", re.IGNORECASE)


def canonical_cc_license(value: str) -> str | None:
    """The canonical deed URL of a Creative Commons licence written ``value``.

    None when ``value`` is not recognisably a Creative Commons licence, or when it
    names one without a version (the canonical URL cannot be guessed).
    """
    text = value.strip()
    match = _CC_URL_RE.match(text)
    if match is not None:
        if match.group("pd"):
            return f"https://creativecommons.org/publicdomain/{match.group('pd').lower()}/1.0/"
        kind = match.group("kind").lower()
        if kind not in _CC_KINDS:
            return None
        port = match.group("port")
        tail = f"{port.lower()}/" if port else ""
        return f"https://creativecommons.org/licenses/{kind}/{match.group('version')}/{tail}"
    if _CC0_TEXT_RE.match(text):
        return "https://creativecommons.org/publicdomain/zero/1.0/"
    match = _CC_TEXT_RE.match(text)
    if match is not None and match.group("version"):
        words = match.group("kind").lower()
        for long, short in _CC_WORDS.items():
            words = words.replace(long, short)
        parts = re.split(r"[\s-]+", words)
        order = {"by": 0, "nc": 1, "sa": 2, "nd": 2}
        kind = "-".join(sorted(dict.fromkeys(parts), key=lambda p: order.get(p, 3)))
        if kind in _CC_KINDS:
            return f"https://creativecommons.org/licenses/{kind}/{match.group('version')}/"
    return None


def _is_cc(value: str) -> bool:
    lowered = value.casefold()
    return (
        "creativecommons.org" in lowered
        or _CC_TEXT_RE.match(value) is not None
        or _CC0_TEXT_RE.match(value) is not None
    )


#: Licence text -> (is Creative Commons, canonical deed URL); a site writes few licences.
_LICENCES: dict[str, tuple[bool, str | None]] = {}


def _licence_facts(value: str) -> tuple[bool, str | None]:
    facts = _LICENCES.get(value)
    if facts is None:
        cc = _is_cc(value)
        facts = (cc, canonical_cc_license(value) if cc else None)
        if len(_LICENCES) < 10_000:
            _LICENCES[value] = facts
    return facts


# -- the checks --------------------------------------------------------------------------


def _licence_strings(value: Value, by_id: dict[str, Node]) -> list[str]:
    if value.kind == LITERAL and isinstance(value.raw, str):
        return [value.raw]
    if value.kind == REF and isinstance(value.raw, str):
        return [value.raw]
    if value.kind == NODE and value.node is not None:
        out: list[str] = []
        if value.node.id:
            out.append(value.node.id)
        url = value.node.text("url")
        if url:
            out.append(url)
        return out
    return []


_QUOTATION = 1
_IMAGE = 2
_PERSON = 4
#: Types tuple -> which of the checks apply (_QUOTATION, _IMAGE, _PERSON bits).
_KINDS: dict[tuple[str, ...], int] = {}


def _kind_of(vocab: Vocabulary, types: tuple[str, ...]) -> int:
    ancestors = ancestors_of(vocab, types)
    kind = 0
    if "Quotation" in ancestors:
        kind |= _QUOTATION
    if "ImageObject" in ancestors or "Photograph" in ancestors:
        kind |= _IMAGE
    if "Person" in ancestors:
        kind |= _PERSON
    if len(_KINDS) < 10_000:
        _KINDS[types] = kind
    return kind


class _Checker:
    def __init__(self, vocab: Vocabulary, graph: Graph) -> None:
        self.vocab = vocab
        self.graph = graph
        self.by_id = graph.by_id()
        self.bodies: dict[int, str] = {}
        self._articles: tuple[list[Node], dict[str, Node]] | None = None

    def run(self) -> list[Finding]:
        out: list[Finding] = []
        people: list[Node] = []
        vocab = self.vocab
        kinds = _KINDS
        for node in self.graph.nodes:
            kind = kinds.get(node.types)
            if kind is None:
                kind = _kind_of(vocab, node.types)
            if not kind:
                continue
            if kind & _QUOTATION:
                self.quotation(node, out)
            if kind & _IMAGE and ("license" in node.keys or node.extra):
                self.cc_image(node, out)
            if kind & _PERSON and node.id is not None:
                people.append(node)
        if len(people) > 1:
            out.extend(self.duplicate_people(people))
        return out

    def quotation(self, node: Node, out: list[Finding]) -> None:
        text = node.text("text")
        said = text is not None and not text.isspace() and text != ""
        if not said:
            out.append(QUOTE_NO_TEXT("the Quotation has no text", path=node.path))
        has = node.has
        if not (has("spokenByCharacter") or has("creator") or has("author")):
            out.append(
                QUOTE_NO_SPEAKER(
                    "the Quotation names no speaker",
                    path=node.path,
                    hint="add spokenByCharacter (a Person or Organization)",
                )
            )
        if not (has("isBasedOn") or has("citation")):
            out.append(
                QUOTE_NO_SOURCE(
                    "the Quotation names no source",
                    path=node.path,
                    hint="add isBasedOn (the report it comes from) or citation",
                )
            )
        if not said:
            return
        assert text is not None
        article = self.article_of(node)
        if article is None:
            return
        key = id(article)
        norm_body = self.bodies.get(key)
        if norm_body is None:
            body = article.text("articleBody")
            if body is None:
                return
            norm_body = self.bodies[key] = normalise_text(body)
        # quote_in_body(text, norm_body, normalised=True), without its call
        pieces = quote_pieces(text)
        found = pieces[0] in norm_body if len(pieces) == 1 else _in_order(pieces, norm_body)
        if not found:
            value = node.first("text")
            out.append(
                QUOTE_NOT_IN_BODY(
                    f"the quotation {_shorten(text)!r} is not in the article's articleBody",
                    path=value.path if value is not None else node.path,
                    hint="quote the words exactly as the article prints them",
                )
            )

    def article_of(self, node: Node) -> Node | None:
        """The article a quotation belongs to: an ancestor, a referrer, or the only one."""
        current = node.parent
        while current is not None:
            if current.has("articleBody"):
                return current
            current = current.parent
        with_body, referred = self.articles()
        if node.id is not None and node.id in referred:
            return referred[node.id]
        if len(with_body) == 1:
            return with_body[0]
        return None

    def articles(self) -> tuple[list[Node], dict[str, Node]]:
        """Nodes with an articleBody, and which of them refers to each @id (once)."""
        if self._articles is None:
            with_body = [
                n
                for n in self.graph.nodes
                if ("articleBody" in n.keys or n.extra) and n.has("articleBody")
            ]
            referred: dict[str, Node] = {}
            for article in with_body:
                # The reader noted every reference among the article's values.
                for child in (article.children or {}).values():
                    if isinstance(child, str):
                        referred.setdefault(child, article)
            self._articles = (with_body, referred)
        return self._articles

    def cc_image(self, node: Node, out: list[Finding]) -> None:
        if "license" not in node.keys and not node.extra:
            return
        single = node.scalar("license")
        if type(single) is str:
            # The common case, one licence string: no value objects unless a finding needs one.
            facts = _LICENCES.get(single)
            if facts is None:
                facts = _licence_facts(single)
            is_cc, canonical = facts
            if not is_cc:
                return
            if canonical != single:
                value = node.first("license")
                out.append(
                    self.not_canonical(value.path if value else node.path, single, canonical)
                )
        else:
            cc = [
                (value, text)
                for value in node.values("license")
                for text in _licence_strings(value, self.by_id)
                if _licence_facts(text)[0]
            ]
            if not cc:
                return
            for value, text in cc:
                canonical = _licence_facts(text)[1]
                if canonical != text:
                    out.append(self.not_canonical(value.path, text, canonical))
        if not node.has("creator"):
            out.append(
                CC_NO_CREATOR(
                    "the Creative Commons licensed image has no creator",
                    path=node.path,
                    hint="add creator (a Person or Organization with a name)",
                )
            )
        if not node.has("creditText"):
            out.append(
                CC_NO_CREDIT(
                    "the Creative Commons licensed image has no creditText",
                    path=node.path,
                    hint='add creditText, e.g. "Photo: Jane Doe / CC BY-SA 3.0"',
                )
            )

    @staticmethod
    def not_canonical(path: JsonPath, text: str, canonical: str | None) -> Finding:
        return CC_LICENSE_NOT_CANONICAL(
            f"the licence {text!r} is not a canonical Creative Commons deed URL",
            path=path,
            hint=f"write {canonical!r}"
            if canonical
            else "use the deed URL, e.g. https://creativecommons.org/licenses/by-sa/3.0/",
        )

    def duplicate_people(self, people: list[Node]) -> Iterator[Finding]:
        seen: dict[str, tuple[str, Node]] = {}
        reported: set[tuple[str, str]] = set()
        for node in people:
            if node.id is None:
                continue
            name = node.text("name")
            if not name:
                continue
            key = _PERSON_KEYS.get(name)
            if key is None:
                key = _person_key(name)
            if not key:
                continue  # only whitespace
            first = seen.get(key)
            if first is None:
                seen[key] = (node.id, node)
                continue
            if first[0] != node.id and (key, node.id) not in reported:
                reported.add((key, node.id))
                yield DUPLICATE_PERSON(
                    f"{name!r} is both {first[0]!r} and {node.id!r}",
                    path=node.path,
                    hint=f"use one node and refer to it as {{'@id': {first[0]!r}}}",
                )


#: Person name -> the form compared (one space, case folded); bylines recur.
_PERSON_KEYS: dict[str, str] = {}


def _person_key(name: str) -> str:
    key = " ".join(name.split()).casefold()
    if len(_PERSON_KEYS) < 10_000:
        _PERSON_KEYS[name] = key
    return key


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_graph(graph: Graph, *, vocab: Vocabulary | None = None) -> Iterator[Finding]:
    if vocab is None:
        vocab = default_vocab()
    return iter(_Checker(vocab, graph).run())


def check(doc: Document) -> Iterator[Finding]:
    """The newsroom policy on ``doc.graph``."""
    graph = doc.graph
    if not isinstance(graph, Graph):
        return
    yield from check_graph(graph)


def quote_pieces(quote: str) -> list[str]:
    """The pieces :func:`quote_in_body` looks for, in order: normalised, edges stripped.

    An empty list means any body shows the quotation (it has no words to find).
    """
    if (
        quote.isascii()
        and len(quote) < 128
        and quote.isprintable()
        and "  " not in quote
        and not (".." in quote or ". ." in quote or "[" in quote)
    ):
        # A short printable ASCII quotation without two spaces in a row: folding it
        # would only drop a space at either end (which the edges lose anyway) and
        # lowercase it, and neither makes or unmakes an ellipsis.
        piece = quote.lower().strip(_EDGE_CHARS)
        return [piece] if piece else []
    norm_quote = normalise_text(quote)
    if not (".." in norm_quote or ". ." in norm_quote or "[" in norm_quote):
        piece = norm_quote.strip(_EDGE_CHARS)
        return [piece] if piece else []
    pieces = [p.strip(_EDGE_CHARS) for p in _ELLIPSIS_RE.split(norm_quote)]
    return [p for p in pieces if p]
