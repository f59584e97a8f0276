"""plain_json, one level at a time, against the per-value walk it replaced."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from schema_pub.graph.serialize import plain_json

SAFE = 2**53


def reference(value: Any) -> bool:
    """The former walk: one stack entry per value, with its depth."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        kind = type(item)
        if kind is str or kind is bool or item is None:
            continue
        if kind is int:
            if -SAFE < item < SAFE:
                continue
            return False
        if depth >= 32:
            return False
        if kind is dict:
            for key, child in item.items():
                if type(key) is not str:
                    return False
                stack.append((child, depth + 1))
        elif kind is list:
            stack.extend((child, depth + 1) for child in item)
        else:
            return False
    return True


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.text(max_size=3),
    st.sampled_from([0, 1, -1, SAFE - 1, SAFE, -SAFE, -SAFE + 1, 2**70, 1.5, float("nan")]),
    st.just(("a", 1)),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.one_of(st.text(max_size=2), st.integers(0, 2)), inner, max_size=3)
    ),
    max_leaves=12,
)


def nested(depth: int, leaf: Any) -> Any:
    value = leaf
    for level in range(depth):
        value = [value] if level % 2 else {"k": value}
    return value


@settings(max_examples=600, deadline=None)
@given(VALUES)
def test_same_answer_as_the_former_walk(value: Any) -> None:
    assert plain_json(value) is reference(value)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=28, max_value=36), SCALARS)
def test_depth_limit_as_before(depth: int, leaf: Any) -> None:
    value = nested(depth, leaf)
    assert plain_json(value) is reference(value)
