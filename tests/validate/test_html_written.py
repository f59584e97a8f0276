"""The page layer's search of a needle as the markup writes it, before any folding.

``PageText.shows`` and ``PageText.has_quote`` first look for the headline, the
name or the quotation's pieces exactly as written, in the page's text as
extracted, and count a match only where folding the match is folding the
needle. Whatever they find that way, or fail to, the answer must be the plain
definition's: ``normalise_text(needle)`` in ``normalise_text(text)``, and
:func:`quote_in_body` against the text. These tests hold them to it on chosen
cases (a mark joining the match, Hangul syllables composing, a backtick that
folding turns into an apostrophe, ellipses, the same needle twice) and on
generated ones, with one ``PageText`` asked many questions in any order.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from schema_pub.validate.layers.newsroom import normalise_text, quote_in_body, quote_pieces
from schema_pub.validate.layers.page import PageText

ALPHABET = (
    "aAbBzZ09 .,'\"-!?[]`"
    "\t\n\x0b\x85\xa0\u2000\u2028\u3000"
    "\u2018\u2019\u201c\u201d\u00ab\u00b4\u2013\u2014\u2026\u2032"
    "\u00e9\u00c9\u00df\u00c5\u0130\u017f\u212a\u212b"
    "\u0301\u0308\u0327\u0338\u03a3\u03c2\u13a0\uab70\u4e2d\u1100\u1161\u11a8\uac00"
    "\U0001d400\ufb01"
)
texts = st.text(alphabet=ALPHABET, max_size=60)


def reference_shows(text: str, needle: str) -> bool:
    return normalise_text(needle) in normalise_text(text)


def greedy_in_order(pieces: list[str], body: str) -> bool:
    position = 0
    for piece in pieces:
        found = body.find(piece, position)
        if found < 0:
            return False
        position = found + len(piece)
    return True


# --------------------------------------------------------------------------- chosen cases


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("Mistrial declared in the case", "Mistrial declared"),
        ("By Jane Roe, in Paris", "Jane Roe"),
        ("By JANE ROE", "Jane Roe"),
        ("Jose\u0301 Garc\u00eda", "Jose"),  # a mark after the match joins its last letter
        ("Jose\u0301 Garc\u00eda", "Jos\u00e9"),
        ("Jos\u00e9 Garc\u00eda", "Jose\u0301"),  # the needle is not NFC; the text is
        ("Jose\u0301 and Jose", "Jose"),  # the first match does not count, the second does
        ("\u1100\u1161 x", "\u1100"),  # a vowel jamo after the match composes with it
        ("\u1100\u1161 x", "\u1161 x"),  # the match starts with a jamo that composes
        ("\uac00\u11a8", "\uac00"),  # a final jamo composes with the syllable
        ("\u00e9 we`re here", "we`re"),  # folding a text not ASCII turns ` into '
        ("we`re here", "we`re"),
        ("\u00e9 we\u2019re here", "we\u2019re"),
        ("\u00e9 we\u2019re here", "we're"),
        ("caf\u00e9\u00a0au lait", "caf\u00e9 au"),
        ("Stra\u00dfe", "STRASSE"),
        ("\u212b ngstr\u00f6m", "\u00c5"),
        ("Wait\u2026 what", "Wait\u2026 what"),
        ("a\u0338b", "a"),
        ("nothing here", "Jane Roe"),
        ("  Jane  Roe ", "Jane Roe"),
        ("Jane Roe", "  Jane  Roe "),
        ("Jane Roe", "Jane\nRoe"),
    ],
)
def test_shows_is_the_folded_answer(text: str, needle: str) -> None:
    assert PageText(text).shows(needle) is reference_shows(text, needle)


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("He said \u201cWe are ready to go,\u201d on Monday.", "We are ready to go."),
        ("He said \u201cWe are ready to go,\u201d on Monday.", "\u201cWe are ready to go.\u201d"),
        ("We are ready \u2026 to go", "We are ready ... to go"),
        ("We are ready, he said, to go", "We are ready \u2026 to go"),
        ("We are ready, he said, to go", "We are ready [...] to go"),
        ("We are ready, he said, to go", "We are ready [\u2026] to go"),
        ("to go. We are ready", "We are ready ... to go"),  # pieces out of order
        ("We are re\u0301ady to go", "We are re"),
        ("\u00e9 we`re here", "we`re here"),
        ("we`re here", "we`re here"),
        ("Nothing of the kind", "We are ready"),
        ("anything", "\u201c...\u201d"),  # nothing to find: shown on any page
        ("x", "!?"),
        ("Jose\u0301 ... Jose said", "Jose ... said"),
    ],
)
def test_has_quote_is_quote_in_body(text: str, quote: str) -> None:
    assert PageText(text).has_quote(quote) is quote_in_body(quote, text)


def test_needles_out_of_page_order_are_found() -> None:
    """The search starts after the last match; what stands before it is looked at too."""
    text = "Headline here. By Jane Roe. \u201cFirst quote,\u201d she said. \u201cSecond one.\u201d"
    page = PageText(text)
    assert page.has_quote("Second one.")
    assert page.shows("Headline here")
    assert page.has_quote("First quote.")
    assert page.shows("Jane Roe")
    assert page.has_quote("Second one.")
    assert not page.shows("Nobody")
    assert page.shows("Headline")


@pytest.mark.parametrize(
    "quote",
    ["We are ready.", "We are ... ready", "[...] ready", "\u201c\u201d", "", "a . . b [ ... ] c"],
)
def test_quote_pieces_are_what_quote_in_body_looks_for(quote: str) -> None:
    pieces = quote_pieces(quote)
    for body in ("We are ready", "ready", "a b c", "nothing"):
        expected = quote_in_body(quote, body)
        assert greedy_in_order(pieces, normalise_text(body)) is expected


# --------------------------------------------------------------------------- generated


@settings(max_examples=500, deadline=None)
@given(texts, st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)), max_size=6))
def test_one_page_text_answers_many_needles_as_the_definition(
    text: str, cuts: list[tuple[int, int]]
) -> None:
    """Needles cut from the text itself, asked of one PageText in turn (its search
    starts after the previous match), as names and as quotations."""
    page = PageText(text)
    for start, length in cuts:
        needle = text[start : start + length]
        assert page.shows(needle) is reference_shows(text, needle)
        assert page.has_quote(needle) is quote_in_body(needle, text)


@settings(max_examples=300, deadline=None)
@given(texts, st.integers(0, 60), st.integers(1, 12), st.integers(0, 60), st.integers(1, 12))
def test_quotations_with_an_ellipsis(text: str, a: int, n: int, b: int, m: int) -> None:
    """Two pieces of the text joined by an ellipsis, in or out of order."""
    for mark in (" ... ", "\u2026", " [...] "):
        quote = text[a : a + n] + mark + text[b : b + m]
        assert PageText(text).has_quote(quote) is quote_in_body(quote, text)


@settings(max_examples=300, deadline=None)
@given(texts, texts)
def test_quote_pieces_agree_with_quote_in_body(quote: str, body: str) -> None:
    expected = quote_in_body(quote, body)
    assert greedy_in_order(quote_pieces(quote), normalise_text(body)) is expected


@pytest.mark.parametrize(
    ("text", "headline", "name", "quote"),
    [
        (
            "Mistrial declared. By Jane Roe. \u201cWe are ready,\u201d she said.",
            "Mistrial declared",
            "Jane Roe",
            "We are ready.",
        ),
        (
            "MISTRIAL declared. By Jos\u00e9 Garc\u00eda: we\u2019re \u2026 ready!",
            "MISTRIAL declared",
            "Jos\u00e9 Garc\u00eda",
            "we\u2019re \u2026 ready",
        ),
    ],
)
def test_needles_written_as_shown_need_no_folding(
    text: str, headline: str, name: str, quote: str
) -> None:
    """A page that shows its markup's text as written is never lowered nor folded."""
    page = PageText(text)
    assert page.shows(headline)
    assert page.shows(name)
    assert page.has_quote(quote)
    assert page._lowered is False
    assert page._folded is None
