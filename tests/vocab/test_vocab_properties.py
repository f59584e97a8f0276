"""Properties of the vocabulary API that hold for any input (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from schema_pub.vocab import load, local_name

VOCAB = load()
TERMS = sorted(VOCAB.classes() | VOCAB.properties() | VOCAB.named_members())

names = st.text(max_size=40)


@given(
    st.sampled_from(TERMS),
    st.sampled_from(["", "schema:", "https://schema.org/", "http://schema.org/"]),
)
def test_every_spelling_of_a_term_names_it(term: str, prefix: str) -> None:
    assert local_name(prefix + term) == term
    assert VOCAB.is_term(prefix + term)


@settings(max_examples=300)
@given(names, st.sampled_from(["class", "property", "any"]))
def test_suggestions_are_known_terms_of_that_kind(name: str, kind: str) -> None:
    hint = VOCAB.suggest(name, kind)  # type: ignore[arg-type]
    if hint is not None:
        if kind == "class":
            assert VOCAB.is_class(hint)
        elif kind == "property":
            assert VOCAB.is_property(hint)
        else:
            assert VOCAB.is_term(hint)


@given(names)
def test_local_name_never_raises_and_never_keeps_a_separator(text: str) -> None:
    name = local_name(text)
    assert name is None or (name and "/" not in name and ":" not in name)


@given(st.sampled_from(sorted(VOCAB.classes())))
def test_properties_of_a_class_include_its_parents(cls: str) -> None:
    props = VOCAB.properties_of(cls)
    for parent in VOCAB.parents(cls):
        assert VOCAB.properties_of(parent) <= props
        assert VOCAB.is_subclass(cls, parent)
