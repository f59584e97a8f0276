"""A page's visible text: extracted once, searched as written, folded only when needed.

The fast paths in ``schema_pub.validate.html`` and the page layer must answer
exactly what the plain definitions answer: the visible text is the words of
Lexbor's text walk (scripts, styles, noscript and templates left out), and a
needle is visible when ``normalise_text(needle)`` is in
``normalise_text(visible text)``. These tests hold the fast paths to those
definitions, on chosen hostile cases and on generated ones, and check the
Unicode facts the fast paths rely on against the running Python.
"""

from __future__ import annotations

import random
import sys
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from schema_pub.validate.html import _locate_block, extract
from schema_pub.validate.layers import page as page_layer
from schema_pub.validate.layers.newsroom import normalise_text, quote_in_body
from schema_pub.validate.layers.page import PageText, fold_text

# --------------------------------------------------------------------------- references


def plain_visible_text(html: str) -> str:
    """The visible text as extract defined it before: one text walk, split and joined."""
    tree = LexborHTMLParser(html)
    tree.strip_tags(["script", "style", "noscript", "template"])
    body = tree.body
    return " ".join(body.text(separator=" ").split()) if body is not None else ""


def plain_blocks(html: str) -> list[str]:
    """The text of every script element as a CSS query finds them."""
    return [node.text(deep=True) or "" for node in LexborHTMLParser(html).css("script")]


def plain_locate(page: str, text: str, cursor: int) -> int:
    """_locate_block as it was: the whole block text looked for, occurrence by occurrence."""
    if not text:
        return _locate_block(page, text, cursor)
    from schema_pub.validate.html import _after_script_tag, _in_comment

    fallback = -1
    position = page.find(text, cursor)
    while position >= 0:
        if position > 0 and page[position - 1] == ">" and _after_script_tag(page, position):
            if not _in_comment(page, position):
                return position
            if fallback < 0:
                fallback = position
        position = page.find(text, position + 1)
    return fallback if fallback >= 0 else cursor


# Characters chosen to break shortcuts: every kind of white space, quote marks
# (ASCII and typographic), letters whose case folding changes their length or
# leaves ASCII, combining marks and characters NFC rewrites, other scripts.
ALPHABET = (
    "aAbBzZ09 .,'\"-!?[]`"
    "\t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u1680\u2000\u2001\u2009\u2028\u202f\u3000"
    "\u2018\u2019\u201c\u201d\u00ab\u00bb\u00b4\u2013\u2014\u2026\u2032\u2033"
    "\u00e9\u00c9\u00df\u00b5\u00c5\u0130\u0131\u017f\u212a\u2126\u212b"
    "\u0301\u0308\u0327\u0338\u1fef\u1e9e\u03a3\u03c2\u0416\u13a0\uab70\u4e2d\uac00\u1161"
    "\U0001d400\ufb01"
)
texts = st.text(alphabet=ALPHABET, max_size=40)


# --------------------------------------------------------------------------- Unicode facts


def test_ascii_spaces_are_those_split_breaks_on() -> None:
    expected = bytes(c for c in range(128) if chr(c).isspace() and c != 0x20)
    assert expected == page_layer._ASCII_SPACES


def _second_halves() -> set[str]:
    """Every character that is the second half of a canonical two-character decomposition."""
    out = {chr(c) for c in range(0x1161, 0x1176)} | {chr(c) for c in range(0x11A8, 0x11C3)}
    for code in range(sys.maxunicode + 1):
        decomposition = unicodedata.decomposition(chr(code))
        if decomposition and not decomposition.startswith("<"):
            parts = decomposition.split()
            if len(parts) == 2:
                out.add(chr(int(parts[1], 16)))
    return out


def test_stable_characters_are_left_alone_by_nfc_in_any_context() -> None:
    """A stable character never joins the character before it, nor changes alone."""
    seconds = _second_halves()
    stable = [
        chr(code)
        for low, high in page_layer._STABLE_RANGES
        for code in range(low, high)
        if page_layer._stable(chr(code))
    ]
    assert len(stable) > 1000
    assert not seconds.intersection(stable)
    # so a text made of stable characters and ASCII is already in NFC, whatever the order
    rng = random.Random(0)
    pool = stable + [chr(c) for c in range(0x20, 0x7F)]
    for char in stable:
        before, after = rng.choice(pool), rng.choice(pool)
        assert unicodedata.is_normalized("NFC", before + char + after)
        assert unicodedata.is_normalized("NFC", "".join(rng.choices(pool, k=8)))


def test_every_latin1_character_is_stable() -> None:
    """PageText lowers a text of Latin-1 characters without looking at them one by one."""
    assert all(page_layer._stable(chr(code)) for code in range(0x80, 0x100))


def test_folded_characters_are_final() -> None:
    """Replacing character by character is order-free: no folded form is folded again."""
    for low, high in page_layer._STABLE_RANGES:
        for code in range(low, high):
            char = chr(code)
            if not page_layer._stable(char) or char.isspace():
                continue
            folded = normalise_text(char)
            assert folded, char
            assert not any(c.isspace() for c in folded), char
            for out in folded:
                if out.isascii():
                    assert out == out.lower() and out not in page_layer._ASCII_CHANGED
                else:
                    assert normalise_text(out) == out, (char, out)


def test_case_folding_never_makes_or_unmakes_white_space() -> None:
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        folded = char.casefold()
        assert folded
        if char.isspace():
            assert folded == char
        else:
            assert not any(c.isspace() for c in folded)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_wide_characters_are_the_non_ascii_ones(text: str) -> None:
    found = page_layer.wide_characters(text.encode("utf-8", "replace").decode("utf-8"))
    expected = text.encode("utf-8", "replace").decode("utf-8")
    assert found == (expected.encode("utf-8"), frozenset(c for c in expected if c >= "\x80"))


def test_wide_characters_of_a_text_in_another_script() -> None:
    assert page_layer.wide_characters("\u0416" * 10_000) is None
    many = "".join(chr(c) for c in range(0x100, 0x180)) * 3
    assert page_layer.wide_characters(many) == (many.encode(), frozenset(many))


# --------------------------------------------------------------------------- fold_text


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "Plain ASCII text",
        "  leading and trailing  ",
        "tabs\tand\nnew\r\nlines\x1cand\x1fseparators",
        "caf\u00e9 \u201cQuoted\u201d \u2014 it\u2019s \u00a9 2024",
        "1\u00a0May\u00a02024 \u2026 and `ticks`",
        "Stra\u00dfe \u00b5m \u00c5ngstr\u00f6m \u212b \u2126 \u212a",
        "Jose\u0301 and e\u0308 and \u1fef",
        "\u0416\u0443\u0440\u043d\u0430\u043b \u03a3\u03bf\u03c6\u03af\u03b1 \u4e2d\u6587",
        "\u13a0\uab70 Cherokee",
        "x\u2000y\u2001z\u3000w",
        "\u0130stanbul \u0131",
        "only ascii with `backtick`",
    ],
)
def test_fold_text_is_normalise_text(text: str) -> None:
    assert fold_text(text) == normalise_text(text)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_fold_text_is_normalise_text_generated(text: str) -> None:
    assert fold_text(text) == normalise_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "\u0416\u0443\u0440\u043d\u0430\u043b " * 2000,  # past the bytes worth a fast path
        "".join(chr(c) for c in range(0x391, 0x3AA))
        + " "
        + "".join(chr(c) for c in range(0x410, 0x430)),
        ("Caf\u00e9 \u00c9t\u00e9 \u201cna\u00efve\u201d \u2014 " * 800) + "END",
    ],
)
def test_fold_text_of_texts_past_the_fast_path_limits(text: str) -> None:
    """Many distinct characters to replace, or many bytes of them: the plain way, same answer."""
    assert fold_text(text) == normalise_text(text)
    assert PageText(text).has(normalise_text(text[-40:])) is reference_has(text, text[-40:])


# --------------------------------------------------------------------------- PageText


def reference_has(text: str, needle: str) -> bool:
    return normalise_text(needle) in normalise_text(text)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("Mistrial Declared in the case", "Mistrial declared"),
        ("By JANE ROE", "Jane Roe"),
        ("By Jane\n   Roe", "Jane Roe"),
        ("By Jane\u00a0Roe", "Jane Roe"),
        ("He said \u201cwe\u2019re ready\u201d", "we're ready"),
        ("He said \u201cwe`re ready\u201d", "we`re ready"),
        ("plain `tick` text", "`tick`"),
        ("caf\u00e9 \u00a9", "`tick`"),
        ("Jose\u0301 Garc\u00eda", "Jose"),
        ("Jose\u0301 Garc\u00eda", "Jos\u00e9"),
        ("Jos\u00e9 Garc\u00eda", "Jose\u0301"),
        ("Stra\u00dfe", "strasse"),
        ("STRASSE", "Stra\u00dfe"),
        ("\u212b ngstr\u00f6m", "\u00e5"),
        ("x\u2000y", "x y"),
        ("\u13a0\uab70", "\u13a0\u13a0"),
        ("Wait\u2026 what", "wait... what"),
        ("nothing here", "Jane Roe"),
    ],
)
def test_page_text_has_is_the_folded_answer(text: str, needle: str) -> None:
    assert PageText(text).has(normalise_text(needle)) is reference_has(text, needle)


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "He said \u201cWe are ready to go forward,\u201d on Monday.",
            "We are ready to go forward.",
        ),
        ("\u201cWe are ready \u2026 forward\u201d", "We are ready ... forward"),
        ("We are  ready", "We are ready"),
        ("We are ready to go", "\u201cWe are ready to go\u201d"),
        ("We are re\u0301ady", "We are re"),
        ("we`re here \u00e9", "we`re here"),
        ("we`re here", "we`re here"),
        ("Nothing of the kind", "We are ready"),
    ],
)
def test_page_text_has_quote_is_the_folded_answer(text: str, quote: str) -> None:
    assert PageText(text).has_quote(quote) is quote_in_body(quote, text)


@settings(max_examples=400, deadline=None)
@given(texts, st.integers(0, 40), st.integers(0, 12), st.booleans())
def test_page_text_agrees_with_the_definition(
    text: str, start: int, length: int, upper: bool
) -> None:
    """Needles cut from the text itself (often found as written) and folded differently."""
    needle = text[start : start + length]
    needle = needle.upper() if upper else needle
    if not normalise_text(needle):
        return
    page_text = PageText(text)
    assert page_text.has(normalise_text(needle)) is reference_has(text, needle)
    assert page_text.has_quote(needle) is quote_in_body(needle, text)


# --------------------------------------------------------------------------- extraction

HOSTILE_PAGES = [
    "<!doctype html><html><head><title>T</title></head><body><h1>Title</h1>\n"
    "<p>First   <b>bold</b></p><script>var hidden = 1;</script></body></html>",
    "<html><body><p>a<em>b</em>c</p><p>\u00a0</p><p>\u00a0\u00a0</p><p> x </p></body></html>",
    "<html><body>&nbsp;start<p>\u2003</p>end&nbsp;</body></html>",
    "<html><body>\u00a0</body></html>",
    "<html><body>   </body></html>",
    "<html><body><noscript><p>no</p></noscript><template><p>tpl</p></template>"
    "<style>p{}</style><p>shown</p></body></html>",
    "<html><body><svg><script>svg()</script><title>Icon</title></svg>"
    '<script type="application/ld+json">{"a": 1}</script><p>after</p></body></html>',
    '<html><body><template><script type="application/ld+json">{}</script></template>'
    '<div><script type="application/ld+json">[1]</script></div></body></html>',
    "<html><body><!--<script>--><p>x</p><textarea><script>y</script></textarea>"
    "<xmp><script>z</script></xmp><iframe><script>w</script></iframe></body></html>",
    "<html><body><table><script>t</script><tr><td>cell</td></tr></table>"
    "<select><option>One<option>Two</select></body></html>",
    "<frameset><frame></frameset>",
    "<p>no html element at all</p>\n\t<p>\x0bvertical\x0cfeed\r\ncarriage</p>",
    "<html><body>" + "<div>" * 3000 + "deep" + "</div>" * 3000 + "</body></html>",
    "<html><body><p>Jose\u0301</p><p>\u13a0 \u4e2d\u6587\u3000 \u2028 line</p></body></html>",
]


@pytest.mark.parametrize("html", HOSTILE_PAGES)
def test_extracted_text_has_the_words_of_the_text_walk(html: str) -> None:
    visible = extract(html).page_text
    assert visible == visible.strip()
    assert " ".join(visible.split()) == plain_visible_text(html)
    assert bool(visible) is bool(plain_visible_text(html))


@pytest.mark.parametrize("html", HOSTILE_PAGES)
def test_extracted_text_folds_as_before(html: str) -> None:
    visible = extract(html).page_text
    assert normalise_text(visible) == normalise_text(plain_visible_text(html))


@pytest.mark.parametrize("html", HOSTILE_PAGES)
def test_script_elements_are_those_a_css_query_finds(html: str) -> None:
    tags = [node.text(deep=True) or "" for node in LexborHTMLParser(html).tags("script")]
    assert tags == plain_blocks(html)


@pytest.mark.parametrize("html", HOSTILE_PAGES)
def test_bytes_and_text_give_the_same_page(html: str) -> None:
    from_bytes = extract(html.encode("utf-8"))
    from_text = extract(html)
    assert from_bytes.page_text == from_text.page_text
    assert [(b.text, b.line, b.column) for b in from_bytes.blocks] == [
        (b.text, b.line, b.column) for b in from_text.blocks
    ]


BLOCK = '{"@id": "x", "name": "' + "a" * 100 + '"}'


@pytest.mark.parametrize(
    ("page", "text", "cursor"),
    [
        (f'<script type="application/ld+json">{BLOCK}</script>', BLOCK, 0),
        (
            f'<!--<script type="application/ld+json">{BLOCK}</script>-->'
            f'<script type="application/ld+json">{BLOCK}</script>',
            BLOCK,
            0,
        ),
        (f"<p>{BLOCK}</p><script>{BLOCK}</script>", BLOCK, 0),
        (f"<p>{BLOCK[:64]}</p><script>{BLOCK[:64]}x</script><script>{BLOCK}</script>", BLOCK, 0),
        (f"<script>{BLOCK}</script><script>{BLOCK}</script>", BLOCK, 10),
        (f"<p>{BLOCK}</p>", BLOCK, 0),
        ("<script>" + "a" * 5000 + "</script>", "a" * 3000, 0),
        (">" + "ab>" * 2000, "ab>" * 500, 0),
    ],
)
def test_locate_block_finds_what_the_whole_text_finds(page: str, text: str, cursor: int) -> None:
    assert _locate_block(page, text, cursor) == plain_locate(page, text, cursor)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["<script>", "</script>", "<!--", "-->", ">", "ab", "a"]), max_size=30
    ),
    st.text(alphabet="ab>", min_size=1, max_size=80),
    st.integers(0, 20),
)
def test_locate_block_generated(pieces: list[str], text: str, cursor: int) -> None:
    page = "".join(pieces) + "<script>" + text + "</script>" + "".join(reversed(pieces))
    assert _locate_block(page, text, cursor) == plain_locate(page, text, cursor)


# --------------------------------------------------------------------------- the page layer


def visible_codes(html: str) -> set[str]:
    from schema_pub.validate import validate_data

    return {f.code for f in validate_data(html.encode(), file="p.html") if f.code >= "SP6"}


def reference_codes(body: str, headline: str, author: str, quote: str) -> set[str]:
    text = plain_visible_text(f"<html><body>{body}</body></html>")
    codes = set()
    if not reference_has(text, headline):
        codes.add("SP601")
    if not reference_has(text, author):
        codes.add("SP602")
    if not quote_in_body(quote, text):
        codes.add("SP603")
    return codes


@pytest.mark.parametrize(
    "body",
    [
        "<h1>Mistrial declared</h1><p>By Jane Roe</p><p>\u201cWe\u2019re ready,\u201d he said.</p>",
        "<h1>MISTRIAL <em>DECLARED</em></h1><p>By <a>Jane</a>\u00a0Roe</p><q>We're ready</q>",
        "<h1>Mistrial\ndeclared</h1><p>By Jane Roe\u0301</p><p>We\u2019re\n ready</p>",
        "<h1>Mistrial declared\u0301</h1><p>Jane\u2003Roe</p><p>We`re ready</p>",
        "<h1>Other</h1><p>Jane</p><script>Mistrial declared Jane Roe We're ready</script>",
        "<p>\u00e9 Mistrial declared, Jane Roe: we`re ready</p>",
    ],
)
def test_page_layer_answers_as_the_definitions(body: str) -> None:
    import json

    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Mistrial declared",
        "author": {"@type": "Person", "name": "Jane Roe"},
        "hasPart": {"@type": "Quotation", "text": "We`re ready" if "`" in body else "We're ready"},
    }
    html = (
        f'<html><head><script type="application/ld+json">{json.dumps(data)}</script></head>'
        f"<body>{body}</body></html>"
    )
    quote = data["hasPart"]["text"]  # type: ignore[index]
    assert visible_codes(html) == reference_codes(body, "Mistrial declared", "Jane Roe", quote)
