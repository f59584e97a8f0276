"""The orjson fast path of the syntax layer against the exact paths.

The fast path (:func:`_orjson_load`) parses with orjson and then proves, from the
parsed value and a count of quotes in the text, that the exact paths would have
read the same thing: no duplicate key, no integer beyond 2^53, no number orjson
reads differently. These tests generate JSON texts that stress each part of that
proof (duplicate keys, quotes and ``":`` inside strings, ``\\u0022`` escapes, big
integers, number spellings, surrogates, deep nesting, whitespace before colons)
and compare, value for value and type for type, with the strict scanner, with the
standard-library path and with the whole of :func:`parse`.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from schema_pub.validate.layers.syntax import (
    _fast_load,
    _json_load,
    _orjson_load,
    _proved_by_dumps,
    _proved_by_walk,
    collect_ids,
    parse,
    scan,
)

# --------------------------------------------------------------------------- helpers


def typed(value: Any) -> Any:
    """A form of ``value`` where ``1``, ``1.0``, ``True``, ``0.0`` and ``-0.0`` differ
    and key order counts."""
    kind = value.__class__
    if kind is dict:
        return ("object", [(key, typed(item)) for key, item in value.items()])
    if kind is list:
        return ("array", [typed(item) for item in value])
    if kind is float:
        return ("float", value.hex() if math.isfinite(value) else repr(value))
    return (kind.__name__, value)


def fast(text: str, *, encoded: bool, max_depth: int = 256) -> tuple[Any, set[str]] | None:
    ids: set[str] = set()
    raw = text.encode("utf-8") if encoded else None
    result = _orjson_load(text, raw, max_depth, ids)
    return None if result is None else (result[0], ids)


def assert_agrees_with_exact_paths(text: str, max_depth: int = 256) -> bool:
    """Check the fast path against the scanner, ``json.loads`` and ``parse``; True when
    the fast path accepted ``text``."""
    reference = scan(text, max_depth=max_depth)
    exact_ok = reference.complete and not reference.problems
    results = [fast(text, encoded=False, max_depth=max_depth)]
    if not re.search("[\ud800-\udfff]", text):  # a str with lone surrogates has no UTF-8
        results.append(fast(text, encoded=True, max_depth=max_depth))
    for result in results:
        if result is None:
            continue
        value, ids = result
        assert exact_ok, (text, reference.problems)
        assert typed(value) == typed(reference.value)
        assert ids == collect_ids(reference.value)
        legacy = _json_load(text, set())
        if legacy is not None:  # json.loads agrees when it reads the text at all
            assert typed(legacy[0]) == typed(value)
            assert legacy[1] is False
    # the whole layer: the same findings and the same data as the scanner alone
    parsed = parse(text, max_depth=max_depth)
    assert [f.code for f in parsed.findings] == [p.rule.code for p in reference.problems]
    if exact_ok:
        assert typed(parsed.document.data) == typed(reference.value)
        assert parsed.document.page_ids == frozenset(collect_ids(reference.value))
    return results[0] is not None


# --------------------------------------------------------------------------- generators

# characters that matter to the proof: quotes, colons, backslashes, whitespace, @id
KEY_CHARS = st.sampled_from(['"', ":", "\\", " ", "\n", "a", "b", "@", "é", "\U0001f600", "/"])
KEYS = st.one_of(
    st.sampled_from(["@id", "@type", "name", "a", "b", 'q"', '":', "x: y"]),
    st.text(KEY_CHARS, max_size=4),
)
STRINGS = st.one_of(
    st.sampled_from(["https://news.example/#a", 'he said "no"', '":', "\\", "", "\u2028"]),
    st.text(max_size=12),
)
# number tokens, as written in a text (all valid JSON numbers)
NUMBER_TOKENS = st.one_of(
    st.from_regex(r"-?(0|[1-9][0-9]{0,24})(\.[0-9]{1,20})?([eE][+-]?[0-9]{1,3})?", fullmatch=True),
    st.sampled_from(
        [
            "-0",
            "-0.0",
            "0e0",
            "1e400",
            "-1e400",
            "1e-400",
            "9007199254740992",
            "9007199254740993",
            "-9007199254740993",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775809",
            "18446744073709551615",
            "18446744073709551616",
            "1.7976931348623157e308",
            "1.7976931348623159e308",
            "2.2250738585072011e-308",
            "4.9e-324",
            "9.2233720368547758e18",
            "123456789012345678901234567890",
        ]
    ),
)


@st.composite
def string_token(draw: st.DrawFn, value: str) -> str:
    """``value`` as a JSON string, its quotes escaped as ``\\"`` or ``\\u0022``."""
    token = json.dumps(value, ensure_ascii=draw(st.booleans()))
    if '\\"' in token and draw(st.booleans()):
        token = re.sub(r"\\(.)", lambda m: "\\u0022" if m.group(1) == '"' else m.group(0), token)
    return token


WHITESPACE = st.sampled_from(["", "", "", " ", "\n  ", "\t", "\r\n"])


@st.composite
def json_text(draw: st.DrawFn, depth: int = 0) -> str:
    """A JSON text built token by token: objects may repeat keys, numbers are written
    in any valid spelling, whitespace may sit anywhere it is allowed."""
    choice = draw(st.integers(0, 9 if depth < 4 else 5))
    if choice == 0:
        return draw(st.sampled_from(["true", "false", "null"]))
    if choice in (1, 2):
        return draw(NUMBER_TOKENS)
    if choice in (3, 4, 5):
        return draw(string_token(draw(STRINGS)))
    if choice in (6, 7, 8):
        keys = draw(st.lists(KEYS, max_size=5))
        if keys and draw(st.integers(0, 4)) == 0:
            keys.append(draw(st.sampled_from(keys)))  # a duplicate key
        members = [
            draw(WHITESPACE)
            + draw(string_token(key))
            + draw(WHITESPACE)
            + ":"
            + draw(WHITESPACE)
            + draw(json_text(depth + 1))
            for key in keys
        ]
        return "{" + ",".join(members) + draw(WHITESPACE) + "}"
    items = draw(st.lists(json_text(depth + 1), max_size=4))
    return "[" + ",".join(draw(WHITESPACE) + item for item in items) + draw(WHITESPACE) + "]"


# JSON values as the standard library writes them (no duplicates by construction)
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | STRINGS,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(KEYS, children, max_size=5),
    max_leaves=30,
)


# --------------------------------------------------------------------------- properties


@settings(max_examples=600, deadline=None)
@given(json_text())
def test_fast_path_agrees_on_generated_texts(text: str) -> None:
    assert_agrees_with_exact_paths(text)


@settings(max_examples=300, deadline=None)
@given(JSON_VALUES, st.booleans(), st.sampled_from([None, 2]), st.booleans())
def test_fast_path_agrees_on_what_json_writes(
    value: Any, ascii_only: bool, indent: int | None, spaced: bool
) -> None:
    separators = (", ", " : ") if spaced else None
    text = json.dumps(value, ensure_ascii=ascii_only, indent=indent, separators=separators)
    assert_agrees_with_exact_paths(text)


def _plain(value: Any) -> bool:
    """Whether the fast path has no reason to decline ``value`` once written by json."""
    kind = value.__class__
    if kind is dict:
        return all(_plain(item) for item in value.values())
    if kind is list:
        return all(_plain(item) for item in value)
    if kind is int:
        return bool(abs(value) <= 2**53)
    if kind is float:
        return bool(abs(value) < 2.0**63)
    return True


@settings(max_examples=200, deadline=None)
@given(JSON_VALUES, st.booleans())
def test_fast_path_accepts_ordinary_documents(value: Any, ascii_only: bool) -> None:
    text = json.dumps(value, ensure_ascii=ascii_only)
    if _plain(value):
        assert assert_agrees_with_exact_paths(text), text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='{}[],:"\\ 0123456789.eE+-tfnaulrsNIy/@\n\u00e9', max_size=40))
def test_fast_path_never_accepts_what_the_scanner_rejects(text: str) -> None:
    assert_agrees_with_exact_paths(text)


# --------------------------------------------------------------------------- cases

# text, whether the fast path may accept it (False: it must decline)
CASES: list[tuple[str, bool]] = [
    ('{"@id": "a", "name": "x"}', True),
    ('{"a": 1, "a": 2}', False),
    ('{"a": 1, "a" : 2}', False),
    ('{"a": "\\":", "a": 2}', False),
    ('{"a": 1, "a": "\\u0022\\u0022"}', False),  # quotes spelt so the count balances
    ('{"a": "say \\"hi\\""}', True),
    ('{"a\\"": 1}', True),
    ('{"a": "\\u0022"}', True),  # no escaped quote: the count balances exactly
    ('{"a": "\\u0022", "b": "\\""}', False),  # both spellings: the count cannot tell
    ("[9007199254740992, -9007199254740992]", True),
    ("[9007199254740993]", False),
    ("[18446744073709551616]", False),
    ("[-9223372036854775809]", False),
    ("[1e400]", False),
    ("[-0, -0.0, 1e-400]", True),
    ("[NaN]", False),
    ("[Infinity]", False),
    ('["\\ud800"]', False),
    ('["\\udc00\\ud800"]', False),
    ('["\\ud83d\\ude00"]', True),
    ('["\ud800"]', False),  # a lone surrogate character (not an escape): orjson declines
    ("\ufeff[]", False),
    ("[1,]", False),
    ("[] []", False),
    ("[" * 300 + "]" * 300, False),
    ('["' + "[" * 300 + '"]', True),
    ("null", True),
    ('"text"', True),
    ("1.5", True),
]


@pytest.mark.parametrize(("text", "accepted"), CASES)
def test_fast_path_cases(text: str, accepted: bool) -> None:
    assert assert_agrees_with_exact_paths(text) is accepted


@pytest.mark.parametrize("max_depth", [1, 2, 3])
def test_depth_limit_is_kept(max_depth: int) -> None:
    text = '{"a": [[{"b": []}]], "c": {}}'  # nested four deep, five containers
    assert fast(text, encoded=False, max_depth=max_depth) is None
    assert_agrees_with_exact_paths(text, max_depth=max_depth)


def test_fast_load_reports_ids_and_no_duplicates() -> None:
    ids: set[str] = set()
    text = '{"@graph": [{"@id": "#a", "name": "A"}, {"@id": "#b"}], "@id": "#root", "x": 1}'
    result = _fast_load(text, 256, ids, text.encode("utf-8"))
    assert result is not None
    assert result[1] is False
    assert ids == {"#a", "#root"}


def test_declined_fast_path_leaves_ids_alone() -> None:
    ids: set[str] = set()
    assert fast('{"@id": "#a", "n": 1, "n": 2}', encoded=True) is None
    assert _orjson_load('[{"@id": "#a", "n": 1}, 9007199254740993]', None, 256, ids) is None
    assert ids == set()


# --------------------------------------------------------------------------- the dumps proof


def loads_or_none(source: str | bytes) -> tuple[Any] | None:
    try:
        return (orjson.loads(source),)
    except orjson.JSONDecodeError:
        return None


@settings(max_examples=600, deadline=None)
@given(json_text(), st.sampled_from([256, 300, 3]))
def test_dumps_proof_accepts_only_what_the_walk_accepts(text: str, max_depth: int) -> None:
    for source in (text, text.encode("utf-8", "surrogatepass")):
        loaded = loads_or_none(source)
        if loaded is None:
            continue
        if _proved_by_dumps(source, loaded[0], max_depth):
            raw = source if isinstance(source, bytes) else None
            assert _proved_by_walk(text, raw, loaded[0], max_depth), source


@settings(max_examples=300, deadline=None)
@given(
    st.floats(allow_nan=False, allow_infinity=False).filter(lambda x: abs(x) >= 2.0**63),
)
def test_orjson_writes_big_floats_with_an_exponent(value: float) -> None:
    # The dumps proof finds the floats the walk declines by this "e+".
    assert b"e+" in orjson.dumps(value)


@settings(max_examples=200, deadline=None)
@given(JSON_VALUES, st.sampled_from(["compact", "indented", "indented+newline"]))
def test_what_orjson_wrote_parses_at_once(value: Any, form: str) -> None:
    try:
        raw = orjson.dumps(value, option=0 if form == "compact" else orjson.OPT_INDENT_2)
    except orjson.JSONEncodeError:
        return  # beyond 64-bit integers: orjson cannot write them
    if form == "indented+newline":
        raw += b"\n"
    parsed = parse(raw, file="a.json")
    text = raw.decode("utf-8")
    reference = parse(text, file="a.json")  # the same text, read as text
    assert [f.code for f in parsed.findings] == [f.code for f in reference.findings]
    assert typed(parsed.document.data) == typed(reference.document.data)
    assert parsed.document.page_ids == reference.document.page_ids
    if parsed.document.data is not None:
        assert parsed.document.page_ids == frozenset(collect_ids(parsed.document.data))


def test_bytes_document_locates_without_decoding_first() -> None:
    raw = '{\n  "@id": "#a",\n  "name": "é",\n  "list": [1, {"@id": "#b", "x": 2}]\n}'.encode()
    parsed = parse(raw, file="a.json", origin=(3, 5))
    reference = parse(raw.decode("utf-8"), file="a.json", origin=(3, 5))
    document = parsed.document
    assert not document.page_ids_known()
    assert document.page_ids == {"#a", "#b"}
    assert document.locate is not None and reference.document.locate is not None
    for path in [(), ("@id",), ("name",), ("list", 1, "x"), ("missing", 3)]:
        assert document.locate(path) == reference.document.locate(path), path


@pytest.mark.parametrize(
    ("text", "proved"),
    [
        ('{"a": "2024-05-01T09:30:00+02:00"}', True),  # a "+" that is no exponent
        ('["+1", "a+b", "+"]', True),
        ('{"a": "Google+"}', False),  # "e+" in a string: the walk decides
        ("[1e20]", False),  # a float orjson writes 1e+20
        ("[9.3e18]", False),
        ("[1.5e-7, 1e15]", True),
        ("[9007199254740992]", False),  # 2^53: OPT_STRICT_INTEGER refuses it
        ('{"a": "\\u0022"}', False),  # the count cannot tell: the walk decides
        ('{"a": 1, "a": 2}', False),
    ],
)
def test_dumps_proof_cases(text: str, proved: bool) -> None:
    for source in (text, text.encode("utf-8")):
        assert _proved_by_dumps(source, orjson.loads(source), 256) is proved
    assert assert_agrees_with_exact_paths(text) or not proved
