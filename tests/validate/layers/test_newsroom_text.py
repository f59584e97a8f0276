"""normalise_text's shortcuts fold text exactly as the plain recipe does.

The recipe (NFC, then the table of quote marks, then one space for each run of white
space, then case folding) is written out here in its plain form; the layer skips NFC
for text of ASCII and marks only, checks long ASCII text for control characters on its
bytes and lowercases ASCII instead of case folding it. Each shortcut is compared with
the recipe on tables of cases and on generated text, and the facts the shortcuts rest
on are checked against the running Python's Unicode database.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from schema_pub.validate.layers.newsroom import (
    _MARKS,
    normalise_text,
    quote_in_body,
    quote_pieces,
)


def recipe(text: str) -> str:
    """normalise_text in its plain form: every step on every text but ASCII, which
    keeps its grave accents (the table applies to text that is not all ASCII)."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
        for mark, plain in _MARKS:
            text = text.replace(mark, plain)
    return " ".join(text.split()).casefold()


def recipe_pieces(quote: str) -> list[str]:
    """quote_pieces in its plain form: folded, split on every ellipsis, edges stripped."""
    pieces = [p.strip(" \"'.,;:!?-") for p in ELLIPSIS.split(recipe(quote))]
    return [p for p in pieces if p]


def recipe_in_body(quote: str, body: str) -> bool:
    norm_body = recipe(body)
    position = 0
    for piece in recipe_pieces(quote):
        found = norm_body.find(piece, position)
        if found < 0:
            return False
        position = found + len(piece)
    return True


ELLIPSIS = re.compile(r"\s*(?:\.\s?\.\s?\.|\[\s*\.\.\.\s*\])\s*")
MARK_CHARS = "".join(mark for mark, _ in _MARKS)
ASCII = "".join(chr(code) for code in range(0x80))


def test_ascii_and_marks_are_already_nfc() -> None:
    # No character of ASCII or the table is a combining mark, and no two of them
    # compose: any text made of them only is in NFC, so NFC may be skipped there.
    chars = ASCII + MARK_CHARS
    assert all(unicodedata.combining(char) == 0 for char in chars)
    assert all(unicodedata.is_normalized("NFC", char) for char in chars)
    joined = [a + b for a in chars for b in chars if not unicodedata.is_normalized("NFC", a + b)]
    assert joined == []


def test_casefold_of_ascii_is_lower() -> None:
    assert ASCII.casefold() == ASCII.lower()


def test_nfc_can_make_a_mark() -> None:
    # Why NFC comes before the table whenever the text is not ASCII and marks only.
    assert unicodedata.normalize("NFC", "\u1fef") == "`"
    assert normalise_text("\u1fefx\u00e9") == recipe("\u1fefx\u00e9") == "'x\u00e9"


CASES = [
    "",
    " ",
    "plain",
    "Plain ASCII, short.",
    "  leading and trailing  ",
    "tab\there",
    "new\nline and\r\nreturn",
    "unit\x1fseparator",
    "delete\x7fchar",
    "bell\x07",
    "\u201cQuoted\u201d \u2013 it\u2019s\u2026",
    "\u00abGuillemets\u00bb\u00a0and\u2014dashes",
    "e\u0301t\u00e9",
    "\u1fef\u1ffd grave and acute",
    "'\u0301 a mark then a combining accent",
    "\u201c\u0301\u201d",
    "`grave` in ASCII",
    "`grave` beside \u00e9",
    "Stra\u00dfe",
    "\u0130stanbul",
    "\u2028line separator\u2029",
    "\u3000ideographic space",
    "x" * 127 + "\t",
    "x" * 128 + "\t",
    "y " * 70,
    "z" * 200 + "\x7f",
    " ".join(["The jury sent a note."] * 12) + " \u201cWe are deadlocked,\u201d it said.",
]


@pytest.mark.parametrize("text", CASES)
def test_normalise_text_follows_the_recipe(text: str) -> None:
    assert normalise_text(text) == recipe(text)


ODD_CHARS = ["\u0301", "\u0327", "\u1fef", "\u1ffd", "\u2126", "\u00e9", "\u00df", "\u0130"]
SPACES = [" ", "  ", "\t", "\n", "\x0b", "\x1c", "\x7f", "\x00", "\u2028", "\u3000"]
TRICKY = st.sampled_from([*MARK_CHARS, *ODD_CHARS, *SPACES])
TEXT = st.lists(
    st.one_of(st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=40), TRICKY, st.text()),
    max_size=12,
).map("".join)
LONG_ASCII = st.text(alphabet=st.characters(max_codepoint=0x7F), min_size=100, max_size=400)


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_normalise_text_follows_the_recipe_on_generated_text(text: str) -> None:
    assert normalise_text(text) == recipe(text)


@settings(max_examples=200, deadline=None)
@given(LONG_ASCII)
def test_normalise_text_follows_the_recipe_on_long_ascii(text: str) -> None:
    assert normalise_text(text) == recipe(text)


@settings(max_examples=300, deadline=None)
@given(TEXT, TEXT, TEXT)
def test_quote_in_body_follows_the_recipe(quote: str, before: str, after: str) -> None:
    for body in (before + quote + after, before + after):
        expected = recipe_in_body(quote, body)
        assert quote_in_body(quote, body) is expected
        assert quote_in_body(quote, normalise_text(body), normalised=True) is expected


QUOTES = [
    "We are deadlocked",
    " We are deadlocked. ",
    "We are deadlocked. . . for good",
    "We are deadlocked...for good",
    "We are deadlocked [ ... ] for good",
    "We are deadlocked.. for good",
    "We are [deadlocked]",
    "\u201cfor good.\u201d",
    "...",
    " . ",
    "",
    "two  spaces",
    "a\ttab",
    "x" * 127 + ".",
    "x" * 128 + ".",
    "Ends with a quote mark'",
]


@pytest.mark.parametrize("quote", QUOTES)
def test_quote_pieces_follow_the_recipe(quote: str) -> None:
    assert quote_pieces(quote) == recipe_pieces(quote)


ASCII_QUOTE = st.lists(
    st.one_of(
        st.sampled_from([" ", "  ", ".", ". .", "..", "...", "[", "]", "'", '"', "-", "\t", "A"]),
        st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=12),
    ),
    max_size=14,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(ASCII_QUOTE, TEXT))
def test_quote_pieces_follow_the_recipe_on_generated_text(quote: str) -> None:
    assert quote_pieces(quote) == recipe_pieces(quote)
