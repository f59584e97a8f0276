"""The plain YAML reader against the exact one: same values, or it declines.

The plain reader (libyaml's events, no node tree, no positions) is only a
shortcut: for every text it either gives exactly the values the exact reader
gives, or declines. It must never accept a text the exact reader refuses.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from schema_pub.publish.errors import SourceError
from schema_pub.publish.load import _parse_exact, parse_text, read_plain

ROOT = Path(__file__).resolve().parents[2]


def _same(a: Any, b: Any) -> bool:
    """Equal values of equal types (True is not 1; NaN equals NaN)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return bool(a == b)


def _check(text: str) -> bool:
    """Assert the two readers agree on ``text``; True when the plain one accepted it."""
    accepted, plain = read_plain(text)
    try:
        exact = _parse_exact(text, "t.yaml", markdown=False).data
    except SourceError as exc:
        assert not accepted, f"plain reader accepted what the exact one refuses: {exc}"
        return False
    if accepted:
        assert _same(plain, exact), (plain, exact)
    return accepted


# Texts the plain reader reads itself (True) or leaves to the exact reader (False).
CASES = [
    ("headline: Hello\n", True),
    ("a: [1, -2, +3, 0x1F, 0o17, 1_000, 0b101, 1:20]\n", True),
    ("a: [1.5, -2e3, .inf, -.Inf, .nan, 1_0.5]\n", True),
    ("a: [true, True, TRUE, false, yes, no, on, off, Yes, y, n]\n", True),
    ("a: [null, Null, NULL, ~, '', \"\"]\nb:\n", True),
    ("a: 2025-06-12\nb: 2025-06-12T10:00:00Z\n", True),
    ("a: '1'\nb: \"true\"\nc: 'null'\n", True),
    ("a: |\n  line one\n  line two\nb: >\n  folded\n  text\n", True),
    ("'quoted key': 1\n\"other\": 2\n", True),
    ("a: {b: [c, {d: e}], f: []}\ng: {}\n", True),
    ("- a\n- - b\n  - c\n- {d: e}\n", True),
    ("just text\n", True),
    ("%YAML 1.1\n---\na: b\n", True),
    ("---\na: b\n...\n", True),
    ("a: =\nb: <<\nc: '<<'\n", False),  # the value and merge tags
    ("a: &x 1\nb: *x\n", False),
    ("base: &b {x: 1}\nother:\n  <<: *b\n", False),
    ("a: !!str 1\n", False),
    ("a: !custom x\n", False),
    ("a: !!binary aGk=\n", False),
    ("a: 1\na: 2\n", False),
    ("1: a\n", False),
    ("null: a\n", False),
    ("true: a\n", False),
    ("[a]: b\n", False),
    ("? {a: b}\n: c\n", False),
    ("a: 1\n---\nb: 2\n", False),
    ("", False),
    ("# only a comment\n", False),
    ("a: [1, 2\n", False),
    ("a: b: c\n", False),
    ("- &a [*a]\n", False),
    ("!!set {a, b}\n", False),
    ("a: *undefined\n", False),
    ("'\\u00e9t\u00e9': \"\\u2028 \\t\"\n", True),
]


@pytest.mark.parametrize(("text", "plain"), CASES)
def test_plain_reader_agrees_or_declines(text: str, plain: bool) -> None:
    assert _check(text) is plain


def test_deep_nesting_is_left_to_the_exact_reader() -> None:
    text = "a: " + "[" * 70 + "]" * 70 + "\n"
    assert not _check(text)


def _sources() -> list[Path]:
    folders = [ROOT / "content", ROOT / "tests"]
    found = [p for folder in folders for p in sorted(folder.rglob("*.yaml"))]
    found += [
        p for folder in folders for p in sorted(folder.rglob("*.md")) if p.name != "README.md"
    ]
    return found


def test_every_source_of_the_repository_reads_the_same() -> None:
    checked = 0
    for path in _sources():
        text = path.read_text(encoding="utf-8", errors="replace")
        markdown = path.suffix == ".md"
        if markdown:
            if not text.startswith("---"):
                continue
            try:
                fast = parse_text(text, str(path), markdown=True)
                exact = _parse_exact(text, str(path), markdown=True)
            except SourceError:
                continue
            assert _same(fast.data, exact.data), path
            assert fast.body == exact.body
            checked += 1
        else:
            _check(text)
            checked += 1
    assert checked >= 2


def test_positions_are_worked_out_when_asked() -> None:
    text = "---\nheadline: H\nquotations:\n  - text: T\n    speaker: ann\n---\nBody.\n"
    fast = parse_text(text, "a.md", markdown=True)
    exact = _parse_exact(text, "a.md", markdown=True)
    assert fast.locate is not None and not fast.positions
    for loc in [("headline",), ("quotations", 0, "speaker"), ("quotations", 0, "x"), ()]:
        assert fast.position(loc) == exact.position(loc)
    assert fast.positions == exact.positions


_scalars = st.one_of(
    st.text(max_size=12),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.sampled_from(["yes", "No", "on", "~", "null", "0x10", "1_0", "2025-01-02", "<<", "="]),
)
_values = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(min_size=1, max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(
    value=_values,
    flow=st.sampled_from([None, True, False]),
    style=st.sampled_from([None, "'", '"', "|"]),
)
def test_generated_yaml_reads_the_same(value: Any, flow: bool | None, style: str | None) -> None:
    text = yaml.safe_dump(value, default_flow_style=flow, default_style=style, allow_unicode=True)
    _check(text)
