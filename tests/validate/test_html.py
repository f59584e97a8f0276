"""HTML extraction: blocks, positions, charsets, hostile markup."""

from __future__ import annotations

import pytest

from schema_pub.validate.html import (
    _locate_block,
    _unwrap,
    declared_charset,
    decode_page,
    extract,
)
from schema_pub.validate.layers.page import may_look_for


def page(head: str, body: str = "<p>Body text.</p>") -> str:
    return f"<!doctype html>\n<html><head>\n{head}\n</head><body>{body}</body></html>\n"


LD = '<script type="application/ld+json">{"@id": "x"}</script>'


@pytest.mark.parametrize(
    ("html", "texts"),
    [
        (page(LD), ['{"@id": "x"}']),
        (page(LD + "\n" + LD.replace('"x"', '"y"')), ['{"@id": "x"}', '{"@id": "y"}']),
        (page(LD.replace("application/ld+json", "APPLICATION/LD+JSON")), ['{"@id": "x"}']),
        (page(LD.replace('"application/ld+json"', '" application/ld+json "')), ['{"@id": "x"}']),
        (
            page(LD.replace("application/ld+json", "application/ld+json;charset=utf-8")),
            ['{"@id": "x"}'],
        ),
        (page(LD.replace("application/ld+json", "application/json")), []),
        (page(LD.replace("application/ld+json", "text/javascript")), []),
        (page("<!--" + LD + "-->"), []),
        (page("", body=LD), ['{"@id": "x"}']),
        (page('<script type="application/ld+json">["</b>"]</script>'), ['["</b>"]']),
        (
            page('<script type="application/ld+json">["a</script>"]</script>'),
            ['["a'],
        ),
        (
            page('<script type="application/ld+json">["<!--<script>"]</script><p>x</p></script>'),
            ['["<!--<script>"]</script><p>x</p>'],
        ),
    ],
)
def test_blocks(html: str, texts: list[str]) -> None:
    assert [block.text for block in extract(html).blocks] == texts


def test_block_positions_and_findings() -> None:
    html = (
        "<html><head>\n"
        '  <script type="application/ld+json; charset=utf-8">{"a": 1}</script>\n'
        '<script type="application/ld+json">\n{"b": 2}\n</script>\n'
        '<script type="application/ld+json">{"a": 1}</script>\n'
        "</head></html>"
    )
    blocks = extract(html).blocks
    assert [(b.line, b.column) for b in blocks] == [(2, 53), (3, 36), (6, 36)]
    assert [f.code for f in blocks[0].findings] == ["SP030"]
    assert blocks[1].findings == blocks[2].findings == []


def test_crlf_counts_as_one_line_break() -> None:
    html = '<html>\r\n<head>\r\n<script type="application/ld+json">{}</script></head></html>'
    (block,) = extract(html).blocks
    assert (block.line, block.column) == (3, 36)


@pytest.mark.parametrize(
    ("text", "unwrapped"),
    [
        ("<!-- {} -->", "     {}    "),
        ("\n<!--\n{}\n-->\n", "\n    \n{}\n   \n"),
        ("<![CDATA[{}]]>", "         {}   "),
        ("//<![CDATA[\n{}\n//]]>", "           \n{}\n     "),
        ("{}", None),
        ('{"a": "<!-- x -->"}', None),
    ],
)
def test_unwrap_keeps_offsets(text: str, unwrapped: str | None) -> None:
    assert _unwrap(text) == unwrapped
    if unwrapped is not None:
        assert len(unwrapped) == len(text)


@pytest.mark.parametrize(
    ("raw", "charset"),
    [
        (b'<meta charset="utf-8">', "utf-8"),
        (b"<meta charset=ISO-8859-1>", "iso-8859-1"),
        (
            b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
            "windows-1252",
        ),
        (b"\xef\xbb\xbf<html>", "utf-8"),
        (b"\xff\xfe<\x00", "utf-16"),
        (b"<html>", None),
        (b" " * 2000 + b'<meta charset="latin1">', None),
    ],
)
def test_declared_charset(raw: bytes, charset: str | None) -> None:
    assert declared_charset(raw) == charset


@pytest.mark.parametrize(
    ("raw", "text", "codes"),
    [
        ('<meta charset="iso-8859-1"><p>caf\xe9</p>'.encode("latin-1"), "café", []),
        ('<meta charset="windows-1252"><p>\u20ac</p>'.encode("cp1252"), "€", []),
        ("<meta charset=utf-8><p>é</p>".encode(), "é", []),
        (b"<meta charset=utf-8><p>\xe9</p>", "\ufffd", ["SP006"]),
        ("<meta charset=x-nope><p>é</p>".encode(), "é", ["SP034"]),
        ("\ufeff<p>é</p>".encode(), "é", []),
        ("<p>é</p>".encode("utf-16"), "é", []),
    ],
)
def test_decode_page(raw: bytes, text: str, codes: list[str]) -> None:
    decoded, findings = decode_page(raw, "p.html")
    assert text in decoded
    assert [f.code for f in findings] == codes


def test_page_text_is_the_visible_text() -> None:
    html = page(
        LD + "<style>p {color: red}</style>",
        body="<h1>Title</h1>\n<p>First   <b>bold</b></p><script>var hidden = 1;</script>"
        "<noscript>no</noscript><template><p>tpl</p></template>",
    )
    assert extract(html).page_text == "Title First bold"
    # its one block gives the page layer nothing to look for: the text is not read
    assert extract(html, page_text=may_look_for).page_text == ""


@pytest.mark.parametrize(
    ("html", "max_blocks", "blocks", "codes"),
    [
        (page(LD * 3), 2, 2, ["SP033"]),
        (page(LD * 2), 2, 2, []),
        (page(""), 100, 0, ["SP035"]),
    ],
)
def test_page_findings(html: str, max_blocks: int, blocks: int, codes: list[str]) -> None:
    extracted = extract(html, max_blocks=max_blocks)
    assert len(extracted.blocks) == blocks
    assert [f.code for f in extracted.findings] == codes


def test_entity_encoded_block_is_marked() -> None:
    html = page('<script type="application/ld+json">{&quot;a&quot;: 1}</script>')
    (block,) = extract(html).blocks
    assert block.entity_encoded


def test_crafted_nested_tags_page_is_read() -> None:
    body = "<div>" * 5000 + "<a><b><i>" * 2000 + "<table><tr><td>" * 300
    html = page(LD, body=body)
    assert len(html) > 40_000
    assert [block.text for block in extract(html).blocks] == ['{"@id": "x"}']


@pytest.mark.parametrize(
    ("page_text", "text", "cursor", "offset"),
    [
        ("<script>{}</script>", "{}", 0, 8),
        ("<p>{}</p><script>{}</script>", "{}", 0, 17),
        ('<p>{}</p><script type="application/ld+json">{}</script>', "{}", 0, 44),
        ("x{}<script>{}</script>", "{}", 0, 11),
        ("<!--<script>{}</script>--><script>{}</script>", "{}", 0, 34),
        ("<!--<script>{}</script>", "{}", 0, 12),  # only a commented copy: take it
        ("<script>{}</script><script>{}</script>", "{}", 10, 27),
        ("<script></script>", "", 0, 8),
        ("<p>no such text</p>", "{}", 5, 5),
    ],
)
def test_locate_block(page_text: str, text: str, cursor: int, offset: int) -> None:
    assert _locate_block(page_text, text, cursor) == offset
