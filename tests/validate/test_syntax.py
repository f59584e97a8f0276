"""The syntax layer: strict RFC 8259, positions, the fast and slow paths agreeing."""

from __future__ import annotations

import json
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from schema_pub.validate.findings import Severity
from schema_pub.validate.layers.syntax import (
    LineIndex,
    PathLocator,
    _fast_load,
    _max_nesting,
    parse,
    path_offset,
    scan,
    sniff_utf16_32,
)

# input, expected codes in order, expected (line, column) of the first finding, data kept
PARSE_CASES: list[tuple[bytes, list[str], tuple[int, int] | None, bool]] = [
    (b'{"a": 1}', [], None, True),
    (b"[]", [], None, True),
    (b'"text"', [], None, True),
    (b"null", [], None, False),  # the JSON value null: data is None, and no finding
    (b'{"a": 1,}', ["SP003"], (1, 8), False),
    (b"[1,\n 2,\n]", ["SP003"], (2, 3), False),
    (b'{"a": NaN}', ["SP004"], (1, 7), False),
    (b"[Infinity, -Infinity]", ["SP004", "SP004"], (1, 2), False),
    (b'["\\ud800"]', ["SP005"], (1, 3), False),
    (b'["ok \\udfff"]', ["SP005"], (1, 6), False),
    (b'["\\ud83d\\ude00"]', [], None, True),
    (b'["caf\xe9"]', ["SP006"], (1, 6), False),
    (b'\n\n  ["\xc3\x28"]', ["SP006"], (3, 5), False),
    ('{"a": 1}'.encode("utf-16"), ["SP007"], (1, 1), False),
    ('{"a": 1}'.encode("utf-16-le"), ["SP007"], (1, 1), False),
    ('{"a": 1}'.encode("utf-32-be"), ["SP007"], (1, 1), False),
    (b"", ["SP002"], (1, 1), False),
    (b" \n\t ", ["SP002"], (1, 1), False),
    (b'{"a": 1, "a": 2}', ["SP008"], (1, 10), True),
    (b'{"a": {"b": 1, "b": 1}, "c": [{"d": 0, "d": 0}]}', ["SP008", "SP008"], (1, 16), True),
    (b"\xef\xbb\xbf{}", ["SP009"], (1, 1), True),
    (b"[" + b"1" * 5000 + b"]", ["SP010"], (1, 2), False),
    (b"[1e400]", ["SP010"], (1, 2), False),
    (b"[-1E+999]", ["SP010"], (1, 2), False),
    (b"[9007199254740993]", ["SP011"], (1, 2), True),
    (b"[9007199254740992]", [], None, True),
    (b"[1234567890123456.5]", [], None, True),
    (b"[" * 257 + b"]" * 257, ["SP012"], (1, 257), False),
    (b"[" * 256 + b"]" * 256, [], None, True),
    (b"[" * 5000, ["SP012"], (1, 257), False),
    (b'{"a": 1 // no\n}', ["SP014"], (1, 9), False),
    (b'{"a": /* no */ 1}', ["SP014"], (1, 7), False),
    (b'{"a": 1 /* open', ["SP001"], (1, 9), False),
    (b"{'a': 1}", ["SP001"], (1, 2), False),
    (b"{a: 1}", ["SP001"], (1, 2), False),
    (b'{"a" 1}', ["SP001"], (1, 6), False),
    (b'{"a": 1 "b": 2}', ["SP001"], (1, 9), False),
    (b"[1 2]", ["SP001"], (1, 4), False),
    (b"[,1]", ["SP001"], (1, 2), False),
    (b"[1,,2]", ["SP001"], (1, 4), False),
    (b'{"a": 1,,}', ["SP001"], (1, 9), False),
    (b'{"a":}', ["SP001"], (1, 6), False),
    (b"[01]", ["SP001"], (1, 2), False),
    (b"[1.]", ["SP001"], (1, 2), False),
    (b"[.5]", ["SP001"], (1, 2), False),
    (b"[+1]", ["SP001"], (1, 2), False),
    (b"[0x10]", ["SP001"], (1, 2), False),
    (b"[True]", ["SP001"], (1, 2), False),
    (b"[undefined]", ["SP001"], (1, 2), False),
    (b'["a\tb"]', ["SP001"], (1, 4), False),
    (b'["a\\qb"]', ["SP001"], (1, 4), False),
    (b'["\\u12"]', ["SP001"], (1, 4), False),
    (b'["open', ["SP001"], (1, 2), False),
    (b'{"a": [1, 2', ["SP001"], (1, 12), False),
    (b"{} {}", ["SP001"], (1, 4), False),
    (b"[1]]", ["SP001"], (1, 4), False),
    (b"]", ["SP001"], (1, 1), False),
    (b'[1,]\n{"a": NaN,}', ["SP003", "SP001"], (1, 3), False),
    (b'{"k": [1,],\n "n": NaN,\n "m": {"x": 1,}}', ["SP003", "SP004", "SP003"], (1, 9), False),
]


@pytest.mark.parametrize(("raw", "codes", "position", "kept"), PARSE_CASES)
def test_parse(raw: bytes, codes: list[str], position: tuple[int, int] | None, kept: bool) -> None:
    parsed = parse(raw)
    assert [f.code for f in parsed.findings] == codes
    if position is not None:
        first = parsed.findings[0]
        assert (first.line, first.column) == position
    assert (parsed.document.data is not None) is kept
    for finding in parsed.findings:
        assert finding.line is not None and finding.column is not None


@pytest.mark.parametrize(
    ("raw", "data"),
    [
        (b'{"a": 1, "a": 2}', {"a": 2}),
        (b"\xef\xbb\xbf[1]", [1]),
        (b"[12345678901234567890]", [12345678901234567890]),
        (b'["\\ud83d\\ude00", "\\u00e9"]', ["\U0001f600", "\u00e9"]),
        (b'{"x": [true, false, null, -0.5e-3]}', {"x": [True, False, None, -0.0005]}),
    ],
)
def test_parse_keeps_the_value_of_documents_with_warnings_only(raw: bytes, data: Any) -> None:
    assert parse(raw).document.data == data


def test_invalid_utf8_names_the_byte_offset() -> None:
    parsed = parse(b'{"a": "\xff"}')
    (finding,) = parsed.findings
    assert finding.extra["byte_offset"] == 7
    assert "byte offset 7" in finding.message


@pytest.mark.parametrize(
    ("max_depth", "raw", "codes"),
    [
        (1, b"[[1]]", ["SP012"]),
        (2, b"[[1]]", []),
        (2, b'{"a": {"b": {}}}', ["SP012"]),
        (3, b'{"a": {"b": {}}}', []),
    ],
)
def test_depth_limit_option(max_depth: int, raw: bytes, codes: list[str]) -> None:
    assert [f.code for f in parse(raw, max_depth=max_depth).findings] == codes


@pytest.mark.parametrize(("max_size", "codes"), [(8, []), (7, ["SP013"])])
def test_size_limit(max_size: int, codes: list[str]) -> None:
    assert [f.code for f in parse(b'{"a": 1}', max_size=max_size).findings] == codes


def test_findings_are_shifted_by_the_origin_of_a_block() -> None:
    parsed = parse('{"a": 1,}', origin=(7, 40), file="page.html")
    (finding,) = parsed.findings
    assert (finding.file, finding.line, finding.column) == ("page.html", 7, 47)
    parsed = parse('{\n"a": 1,}', origin=(7, 40))
    assert (parsed.findings[0].line, parsed.findings[0].column) == (8, 7)


def test_unterminated_string_in_html_hints_at_script_end() -> None:
    (finding,) = parse('{"a": "x', in_html=True).findings
    assert finding.hint is not None and "</script" in finding.hint
    (finding,) = parse('{"a": "x').findings
    assert finding.hint is None


LOCATE_DOC = b"""{
  "@context": "https://schema.org",
  "@graph": [
    {"@type": "NewsArticle", "headline": "x",
     "author": [{"name": "A"}, {"name": "B"}]},
    7
  ],
  "n\\"q": {"": 1}
}"""


@pytest.mark.parametrize(
    ("path", "position"),
    [
        ((), (1, 1)),
        (("@context",), (2, 3)),
        (("@graph",), (3, 3)),
        (("@graph", 0), (4, 5)),
        (("@graph", 0, "headline"), (4, 30)),
        (("@graph", 0, "author", 1), (5, 32)),
        (("@graph", 0, "author", 1, "name"), (5, 33)),
        (("@graph", 1), (6, 5)),
        (('n"q',), (8, 3)),
        (('n"q', ""), (8, 12)),
        (("@graph", 0, "missing", 3), (4, 5)),
        (("nothing",), (1, 1)),
    ],
)
def test_locate(path: tuple[str | int, ...], position: tuple[int, int]) -> None:
    locate = parse(LOCATE_DOC).document.locate
    assert locate is not None
    assert locate(path) == position


def test_locate_in_a_block_uses_the_origin() -> None:
    locate = parse('{"a": [1, {"b": 2}]}', origin=(10, 5)).document.locate
    assert locate is not None
    assert locate(("a", 1, "b")) == (10, 5 + 11)


@pytest.mark.parametrize(
    ("text", "offset", "origin", "position"),
    [
        ("abc", 0, (1, 1), (1, 1)),
        ("abc", 2, (1, 1), (1, 3)),
        ("a\nbc", 2, (1, 1), (2, 1)),
        ("a\nbc", 3, (1, 1), (2, 2)),
        ("a\nbc", 1, (5, 10), (5, 11)),
        ("a\nbc", 3, (5, 10), (6, 2)),
        ("é\n\n€x", 4, (1, 1), (3, 2)),
    ],
)
def test_line_index(
    text: str, offset: int, origin: tuple[int, int], position: tuple[int, int]
) -> None:
    assert LineIndex(text, origin).position(offset) == position


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        (b"\xff\xfe{\x00", "UTF-16LE"),
        (b"\xfe\xff\x00{", "UTF-16BE"),
        (b"\xff\xfe\x00\x00{\x00\x00\x00", "UTF-32LE"),
        (b"\x00\x00\xfe\xff\x00\x00\x00{", "UTF-32BE"),
        (b"{\x00\x00\x00", "UTF-32LE"),
        (b"\x00\x00\x00{", "UTF-32BE"),
        (b"{\x00", "UTF-16LE"),
        (b"\x00{", "UTF-16BE"),
        (b'{"a"', None),
        (b"{", None),
        (b"", None),
    ],
)
def test_sniff_utf16_32(raw: bytes, name: str | None) -> None:
    assert sniff_utf16_32(raw) == name


@pytest.mark.parametrize(
    ("text", "depth"),
    [("[]", 1), ('["[[["]', 1), ('{"a": [{}]}', 3), ('["\\"[", [[]]]', 3), ("1", 0)],
)
def test_max_nesting(text: str, depth: int) -> None:
    assert _max_nesting(text) == depth


@pytest.mark.parametrize(
    "text",
    ['["\\ud800"]', "[12345678901234567]", "[1e400]", "[NaN]", "[1,]", '{"a":1,"a":2}'],
)
def test_fast_path_declines_or_flags_what_it_cannot_judge(text: str) -> None:
    fast = _fast_load(text, 256, set())
    assert fast is None or fast[1] is True


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**53), max_value=2**53)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=8), children, max_size=5)
    ),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(JSON_VALUES, st.booleans(), st.booleans())
def test_scanner_reads_what_json_writes(value: Any, ascii_only: bool, indent: bool) -> None:
    text = json.dumps(value, ensure_ascii=ascii_only, indent=2 if indent else None)
    result = scan(text, offsets=True)
    assert result.complete and result.problems == []
    assert result.value == value
    parsed = parse(text.encode("utf-8"))
    assert parsed.findings == []
    assert parsed.document.data == value or (value is None and parsed.document.data is None)


def has_inf(value: Any) -> bool:
    if isinstance(value, float):
        return value in (float("inf"), float("-inf"))
    if isinstance(value, dict):
        return any(has_inf(item) for item in value.values())
    if isinstance(value, list):
        return any(has_inf(item) for item in value)
    return False


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='{}[],:"\\ 0123456789.eE+-tfnaulrsNIy/*\n\t\u00e9', max_size=40))
def test_scanner_never_crashes_and_agrees_with_the_standard_library(text: str) -> None:
    parsed = parse(text.encode("utf-8"))
    try:
        expected = json.loads(text, parse_constant=lambda name: None)
        # json.loads reads a number beyond a double (1E310) as inf; RFC 8259 does not
        # (SP010): such a text is not one the strict reading must accept
        strict_ok = "NaN" not in text and "Infinity" not in text and not has_inf(expected)
    except (ValueError, RecursionError):
        expected, strict_ok = None, False
    errors = [f for f in parsed.findings if f.severity is Severity.ERROR]
    if strict_ok:
        assert errors == [], parsed.findings
        assert parsed.document.data == expected
    for finding in parsed.findings:
        assert finding.line is not None and finding.line >= 1


@settings(max_examples=300, deadline=None)
@given(JSON_VALUES, st.booleans())
def test_locator_agrees_with_the_scanner(value: Any, indent: bool) -> None:
    text = json.dumps(value, ensure_ascii=False, indent=2 if indent else None)
    expected = scan(text, offsets=True).offsets
    assert expected is not None
    index = LineIndex(text)
    locate = PathLocator(text, index)
    for path, offset in expected.items():
        assert locate(path) == index.position(offset), path


@pytest.mark.parametrize(
    "raw",
    [
        b'{"@id": "a", "x": [{"@id": "b", "name": "B"}, {"@id": 3}, {"@id": "r"}], "y": {"id": "c"}}',
        b'{"@id": "a", "x": [{"@id": "b", "name": "B"}, {"@id": 3}, {"@id": "r"}], "y": {"id": "c"}, "n": 12345678901234567890}',
    ],
)
def test_parse_collects_the_ids_on_either_path(raw: bytes) -> None:
    assert parse(raw).document.page_ids == {"a", "b"}


# -- one location at a time, for texts known to be valid JSON without duplicate keys ---------


def all_paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path of ``value``, and beside each some that lead nowhere."""
    out: list[tuple[Any, ...]] = [prefix, (*prefix, "missing"), (*prefix, 0), (*prefix, 99)]
    if isinstance(value, dict):
        for key, item in value.items():
            out.extend(all_paths(item, (*prefix, key)))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            out.extend(all_paths(item, (*prefix, i)))
        out.append((*prefix, -1))
    return out


SPACED = st.sampled_from([None, (",", ":"), (", ", ": "), (" ,\n", " :\t")])


@settings(max_examples=300, deadline=None)
@given(JSON_VALUES, st.sampled_from([None, 0, 2]), SPACED, st.booleans(), st.booleans())
def test_one_location_agrees_with_the_whole_map(
    value: Any, indent: int | None, separators: Any, ascii_only: bool, padded: bool
) -> None:
    text = json.dumps(value, ensure_ascii=ascii_only, indent=indent, separators=separators)
    if padded:
        text = f" \n\t{text}\r\n "
    index = LineIndex(text, (4, 7))
    whole = PathLocator(text, index)
    for path in all_paths(value):
        # what the exact locator answers for its first lookups
        start = path_offset(text, path)
        offset = len(text[start:]) - len(text[start:].lstrip(" \t\n\r")) + start
        assert index.position(offset) == whole(path), path
    paths = all_paths(value)
    for order in (paths, paths[::-1]):  # one locator remembers what it read before
        each = PathLocator(text, index, exact=True)
        for path in order:
            assert each(path) == whole(path), path


@pytest.mark.parametrize(
    ("text", "path", "offset"),
    [
        ('{"a": [], "b": 1}', ("a", 0), 7),  # the slot of an empty array's first item
        ('{"a": [], "b": 1}', ("a", 0, "x"), 7),
        ('{"a": [1, 2]}', ("a", 2), 1),  # no third item: the key "a"
        ('{"a\\"b": {"c": "]}"}, "d": 2}', ("d",), 22),  # brackets in strings are text
        ('{"a\\u0062": 1}', ("ab",), 1),  # keys are compared decoded
        ('[{"x": 1}, "[", {"y": [2, {"z": 3}]}]', (2, "y", 1, "z"), 27),
        ('"text"', ("a",), 0),
        ("  7", (0,), 2),
    ],
)
def test_path_offset_cases(text: str, path: tuple[Any, ...], offset: int) -> None:
    assert path_offset(text, path) == offset
    assert LineIndex(text).position(offset) == PathLocator(text, LineIndex(text))(path)


# -- orjson's own writing: containers stepped over by the length of orjson's writing ------


@settings(max_examples=300, deadline=None)
@given(JSON_VALUES, st.booleans(), st.booleans(), st.sampled_from([b"", b"\n", b" ", b"\n\n"]))
def test_locator_given_the_value_agrees_with_the_text_alone(
    value: Any, indent: bool, rewritten: bool, tail: bytes
) -> None:
    """A locator given the parsed value answers as one that reads the text alone,
    whether or not the text is orjson's own writing of the value (compact or indented,
    with or without a final newline): when it is not, the value is not used."""
    try:
        raw = orjson.dumps(value, option=orjson.OPT_INDENT_2 if indent else 0)
    except orjson.JSONEncodeError:
        return  # an integer beyond 64 bits: parse never takes this path for it
    if rewritten:  # the same value, written by another writer
        raw = json.dumps(value, ensure_ascii=False, indent=2 if indent else None).encode()
    raw += tail
    text = raw.decode("utf-8")
    index = LineIndex(text, (3, 5))
    paths = all_paths(value)
    for order in (paths, paths[::-1]):
        reading = PathLocator(text, index, exact=True)
        given = PathLocator(raw, None, (3, 5), exact=True, value=value)
        for path in order:
            assert given(path) == reading(path), path


def test_locator_given_the_value_of_a_corpus_document() -> None:
    """Nested, indented and non-ASCII: the value guides the seeker on orjson's
    writing, and every location is the one the text alone gives."""
    value = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "NewsArticle", "headline": "“Quoted” — é", "author": [{"@id": "#a"}]},
            {"@type": "Person", "@id": "#a", "name": "Ana", "sameAs": ["x", "y"], "n": 1.5},
            {"@type": "ImageObject", "width": 1200, "caption": {"@value": "c", "@language": "en"}},
        ],
    }
    for option in (0, orjson.OPT_INDENT_2):
        raw = orjson.dumps(value, option=option)
        text = raw.decode("utf-8")
        reading = PathLocator(text, LineIndex(text), exact=True)
        given = PathLocator(raw, None, exact=True, value=value)
        for path in all_paths(value)[::-1]:
            assert given(path) == reading(path), path
        assert given._seeker is not None and given._seeker.value is value
