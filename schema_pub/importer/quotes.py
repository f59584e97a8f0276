"""Quotations in a paragraph, and the sentences around them.

Straight (``"``) and curly (``“ ”``) double quotes are both understood. A
quotation may hold several sentences; sentences are split outside quotations
only. A paragraph that ends inside a quotation is fine when the next paragraph
opens a quotation (the newsroom convention for a quote running over several
paragraphs); anywhere else it is an unbalanced quote and is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "mx",
        "dr",
        "st",
        "jr",
        "sr",
        "gov",
        "sen",
        "rep",
        "gen",
        "lt",
        "col",
        "sgt",
        "capt",
        "prof",
        "inc",
        "co",
        "corp",
        "ltd",
        "no",
        "vs",
        "u.s",
        "a.m",
        "p.m",
        "e.g",
        "i.e",
        "etc",
        "jan",
        "feb",
        "mar",
        "apr",
        "aug",
        "sept",
        "sep",
        "oct",
        "nov",
        "dec",
        "ave",
        "blvd",
        "mt",
        "ft",
    ]
)


@dataclass(frozen=True)
class Quote:
    """One quotation: its text and where its marks are in the paragraph."""

    text: str
    start: int  # index of the opening mark
    end: int  # index just past the closing mark (or the paragraph's end when left open)
    closed: bool = True


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True)
class Scan:
    quotes: list[Quote]
    unbalanced_at: int | None  # offset of a mark that does not pair up
    open_at_end: bool  # the paragraph ends inside a quotation


def clean_quote(text: str) -> str:
    """The words of a quotation without the trailing comma or full stop of the sentence."""
    text = " ".join(text.split())
    text = _TRAILING_STOP.sub("", text).strip()
    return text


def scan(paragraph: str) -> Scan:
    """Find the quotations of ``paragraph`` and any mark that does not pair up."""
    quotes: list[Quote] = []
    opened: int | None = None
    unbalanced: int | None = None
    for mark in _MARKS.finditer(paragraph):
        i = mark.start()
        ch = mark.group()
        if opened is None:
            if ch == "”":
                if unbalanced is None:
                    unbalanced = i
                continue
            opened = i
        else:
            if ch == "“":
                if unbalanced is None:
                    unbalanced = opened
                opened = i
                continue
            inner = paragraph[opened + 1 : i]
            if inner.strip():
                quotes.append(Quote(clean_quote(inner), opened, i + 1))
            opened = None
    open_at_end = opened is not None
    if opened is not None:
        inner = paragraph[opened + 1 :]
        missing = _MISSING_CLOSE.search(inner)
        if missing is not None:
            # '"We will not accept this, Daly said.': the closing mark was forgotten
            # before the attribution; close the quotation at the comma.
            end = opened + 1 + missing.start() + 1
            quotes.append(Quote(clean_quote(inner[: missing.start()]), opened, end, closed=False))
            return Scan(quotes, opened if unbalanced is None else unbalanced, False)
        if inner.strip():
            quotes.append(Quote(clean_quote(inner), opened, len(paragraph), closed=False))
    return Scan(quotes, unbalanced, open_at_end)


_MARKS = re.compile('["“”]')
_TRAILING_STOP = re.compile(r"(?<!\.)[,.]$")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")
_STOPS = re.compile(r'[.!?]|["”]')
_MISSING_CLOSE = re.compile(
    r",\s+(?=[^,\"“”]{1,80}?\s(?:said|says|told|added|explained|wrote)\b[^\"“”]*$)"
)


def starts_with_quote(paragraph: str) -> bool:
    return paragraph.lstrip()[:1] in ('"', "“")


def sentences(paragraph: str, quotes: list[Quote]) -> list[Sentence]:
    """Split ``paragraph`` into sentences, never inside a quotation."""
    spans = [(q.start + 1, q.end - 1) for q in quotes]

    def inside(k: int) -> bool:
        return any(a <= k < b for a, b in spans)

    out: list[Sentence] = []
    begin = 0
    n = len(paragraph)
    skip_to = 0
    for stop in _STOPS.finditer(paragraph):
        i = stop.start()
        if i < skip_to or inside(i):
            continue
        ch = stop.group()
        if ch in ".!?":
            j = i + 1
            while j < n and paragraph[j] in ".!?)’'":
                j += 1
            if j < n and paragraph[j] in '"”' and not inside(j):
                j += 1
            ends = j >= n or (paragraph[j] == " " and _starts_sentence(paragraph, j + 1))
            if ends and not _abbreviation(paragraph, i):
                out.append(Sentence(begin, j))
                begin = j + 1
                skip_to = j
        elif i > 0 and paragraph[i - 1] in ".!?":
            # A quotation that ends its own sentence: '"Hello." Stone said, ...' starts a new
            # one; after "!" or "?" only another quotation does ('"Stop!" Bragg shouted').
            j = i + 1
            following = paragraph[j + 1 : j + 2]
            if (
                j < n
                and paragraph[j] == " "
                and (following in ('"', "“") or (paragraph[i - 1] == "." and following.isupper()))
            ):
                out.append(Sentence(begin, j))
                begin = j + 1
    if begin < n and paragraph[begin:].strip():
        out.append(Sentence(begin, n))
    return out


def _starts_sentence(text: str, k: int) -> bool:
    return k < len(text) and (text[k].isupper() or text[k].isdigit() or text[k] in '"“‘(')


def _abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    m = _WORD_BEFORE.search(text, 0, dot)
    if m is None:
        return False
    word = m.group(1).lower().rstrip(".")
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())
