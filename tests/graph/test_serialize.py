"""orjson and the standard library write the same bytes; NaN is never written."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from schema_pub.graph.serialize import dumps, dumps_compact, script_json

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False).filter(
        lambda f: f == 0 or 1e-6 < abs(f) < 1e15
    )
    | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_same_bytes_as_the_standard_library(value: Any) -> None:
    expected = (
        json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True, allow_nan=False) + "\n"
    )
    assert dumps(value) == expected
    compact = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    assert dumps_compact(value) == compact
    assert json.loads(script_json(value)) == value


def test_big_integers_fall_back() -> None:
    assert dumps({"n": 2**80}) == '{\n  "n": 1208925819614629174706176\n}\n'


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_non_finite_numbers_are_refused(bad: float) -> None:
    with pytest.raises(ValueError):
        dumps({"x": [bad]})
    with pytest.raises(ValueError):
        dumps_compact({"x": bad})
