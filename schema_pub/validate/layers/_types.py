"""Class facts about a node's types, cached by the tuple of type names."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from schema_pub.vocab import Vocabulary

#: Types tuple -> ancestors; read directly by layers that loop over every node.
ANCESTORS: dict[tuple[str, ...], frozenset[str]] = {}
_ANCESTORS = ANCESTORS


def ancestors_of(vocab: Vocabulary, types: tuple[str, ...]) -> frozenset[str]:
    """Every schema.org class the types are or descend from (foreign names ignored)."""
    try:
        return _ANCESTORS[types]
    except KeyError:
        pass
    out: set[str] = set()
    for name in types:
        if ":" not in name:
            out.update(vocab.ancestors(name))
    result = frozenset(out)
    if len(_ANCESTORS) < 10_000:
        _ANCESTORS[types] = result
    return result


_DEFAULT: list[Vocabulary] = []


def default_vocab() -> Vocabulary:
    """The bundled vocabulary (imported on first use, then kept without an import
    statement per call, which costs more than the layers' work on a small node)."""
    if not _DEFAULT:
        from schema_pub.vocab import load

        _DEFAULT.append(load())
    return _DEFAULT[0]
