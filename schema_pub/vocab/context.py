"""The schema.org JSON-LD context, built by our own code from the vocabulary index.

schema.org publishes a context (``https://schema.org/docs/jsonldcontext.jsonld``)
that documents reference as ``"@context": "https://schema.org"``. schema_pub never
fetches it: :func:`build_context` derives an equivalent one from the same release
facts the validator uses. The rules, checked against the official file of release
30.0 by ``tests/vocab/test_context.py``:

* ``@vocab`` and the ``schema`` prefix are ``http://schema.org/`` (the context keeps
  the historical ``http`` namespace even though the release file uses ``https``);
* ``id`` and ``type`` alias ``@id`` and ``@type``; ``HTML`` maps to ``rdf:HTML``;
* every namespace prefix of the release, plus ``xml``;
* every schema.org class, property and enumeration member is a term ``{"@id":
  "schema:Name"}``;
* a property whose ranges include URL but not Text is coerced to IRIs
  (``"@type": "@id"``); otherwise one whose ranges include Date but not Text is
  typed ``"@type": "Date"`` (that is ``schema:Date`` through ``@vocab``).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from schema_pub.vocab import DEFAULT_RELEASE, Vocabulary, load

SCHEMA_NAMESPACE = "http://schema.org/"

# Entries of the official context that are not derivable from the release file.
_FIXED_PREFIXES = {"xml": "http://www.w3.org/XML/1998/namespace"}
_FIXED_TERMS: dict[str, Any] = {
    "id": "@id",
    "type": "@type",
    "HTML": {"@id": "rdf:HTML"},
}


def term_definition(vocab: Vocabulary, name: str) -> dict[str, str]:
    """The context's definition of one schema.org term."""
    definition = {"@id": "schema:" + name}
    if vocab.is_property(name):
        ranges = vocab.ranges(name)
        if "Text" not in ranges:
            if "URL" in ranges:
                definition["@type"] = "@id"
            elif "Date" in ranges:
                definition["@type"] = "Date"
    return definition


def build_context_body(vocab: Vocabulary, *, with_vocab: bool = True) -> dict[str, Any]:
    """The inner object of the context (what goes under ``@context``), keys sorted."""
    body: dict[str, Any] = {}
    prefixes = vocab.prefixes
    prefixes.update(_FIXED_PREFIXES)
    prefixes["schema"] = SCHEMA_NAMESPACE
    body.update(prefixes)
    body.update(_FIXED_TERMS)
    terms = vocab.classes() | vocab.properties() | vocab.named_members()
    for name in terms:
        body[name] = term_definition(vocab, name)
    if with_vocab:
        body["@vocab"] = SCHEMA_NAMESPACE
    return dict(sorted(body.items()))


@lru_cache(maxsize=4)
def _cached_body(release: str, with_vocab: bool) -> dict[str, Any]:
    return build_context_body(load(release), with_vocab=with_vocab)


def schema_context(release: str = DEFAULT_RELEASE, *, with_vocab: bool = True) -> dict[str, Any]:
    """The context document ``{"@context": {...}}`` for a release, as a fresh copy.

    ``with_vocab=False`` leaves out ``@vocab`` so that properties that are not
    schema.org terms stay unmapped (and pyld reports them as dropped).
    """
    body = _cached_body(release, with_vocab)
    return {"@context": {k: dict(v) if isinstance(v, dict) else v for k, v in body.items()}}
