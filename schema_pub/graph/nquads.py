"""Canonical N-Quads of a published graph, written directly (no pyld on the fast path).

The graphs :func:`schema_pub.graph.build.build_graph` publishes have no blank nodes:
every node has an absolute ``@id``, the context is ``https://schema.org``, and the
values are strings, integers, booleans, ``{"@id": ...}`` references and flat lists of
them. For such a graph the canonical form (URDNA2015 / RDFC-1.0) needs no blank node
labelling: it is the set of statements, each written as one N-Quads line, sorted by
code point. :func:`to_nquads` writes exactly that, with the term rules of the bundled
schema.org context:

* a property is its term's ``@id`` (``schema:name`` is ``http://schema.org/name``), or
  ``@vocab`` + key for a key the context does not define;
* a ``@type`` value is expanded the same way and stated with ``rdf:type``;
* a string of a term coerced to ``@id`` is an IRI; of a term with a datatype (``Date``)
  a typed literal; otherwise a plain literal (``xsd:string`` is not written);
* integers are ``xsd:integer``, booleans ``xsd:boolean``;
* literals are escaped as pyld's serializer does (``\\``, ``"``, tab, LF and CR).

Anything outside that subset (a blank node, a float, a ``@value`` or ``@language``
object, a compact IRI, a nested list, an unusual key or IRI, another context) makes
:func:`direct_nquads` give up and :func:`to_nquads` fall back to
:func:`schema_pub.jsonld.to_nquads`, so the result is always pyld's canonical text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

__all__ = ["direct_nquads", "to_nquads"]

RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"
SCHEMA_PREFIX = "schema:"

# An absolute IRI with nothing N-Quads (or pyld's IRI checks) would treat specially.
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\x00-\x20<>\"{}|^`\\\x7f-\x9f]*\Z")
# A key or type name that the vocabulary (or @vocab) maps without surprises.
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-]*\Z")
# pyld writes integers of this size or more as doubles.
_DOUBLE_FROM = 10**21


class _Unsupported(Exception):
    """The document holds something the direct writer does not reproduce exactly."""


class _Terms:
    """What the direct writer needs from the bundled context, computed once."""

    def __init__(self, body: Mapping[str, Any]) -> None:
        vocab = body.get("@vocab")
        schema = body.get("schema")
        if not isinstance(vocab, str) or not isinstance(schema, str):
            raise ValueError("the bundled context lacks @vocab or the schema prefix")
        self.vocab = vocab
        self.schema = schema
        self.defined: frozenset[str] = frozenset(body)
        # key -> ("<IRI> ", coercion), filled as keys are met
        self.predicates: dict[str, tuple[str, str | None]] = {}
        # term -> (IRI, coercion): coercion is None, "@id" or a datatype IRI.
        self.mapped: dict[str, tuple[str, str | None]] = {}
        plain: dict[str, str] = {}
        for name, definition in body.items():
            if not isinstance(definition, dict) or set(definition) - {"@id", "@type"}:
                continue
            target = definition.get("@id")
            if isinstance(target, str) and target.startswith(SCHEMA_PREFIX):
                suffix = target[len(SCHEMA_PREFIX) :]
                if _NAME.match(suffix):
                    plain[name] = schema + suffix
        for name, iri in plain.items():
            coercion = body[name].get("@type")
            if coercion is None or coercion == "@id":
                self.mapped[name] = (iri, coercion)
            elif isinstance(coercion, str) and coercion in plain:
                self.mapped[name] = (iri, plain[coercion])
            elif (
                isinstance(coercion, str) and coercion not in self.defined and _NAME.match(coercion)
            ):
                self.mapped[name] = (iri, vocab + coercion)

    def expand(self, name: str) -> tuple[str, str | None]:
        """The IRI of a key or type name, with the key's coercion."""
        found = self.mapped.get(name)
        if found is not None:
            return found
        if name in self.defined or not _NAME.match(name):
            raise _Unsupported(name)
        return self.vocab + name, None


@lru_cache(maxsize=1)
def _terms() -> _Terms:
    from schema_pub.jsonld import schema_context

    body = schema_context()["@context"]
    return _Terms(body)


@lru_cache(maxsize=1)
def _context_urls() -> frozenset[str]:
    from schema_pub.jsonld import SCHEMA_CONTEXT_URLS

    return SCHEMA_CONTEXT_URLS


_NEEDS_ESCAPE = re.compile(r'[\\\t\n\r"]')


def _needs_escape(value: str) -> bool:
    """``_NEEDS_ESCAPE.search(value) is not None``: five scans in C beat the pattern
    on long text (an article body)."""
    return "\\" in value or '"' in value or "\n" in value or "\t" in value or "\r" in value


def _escape(value: str) -> str:
    if not _needs_escape(value):
        return value
    return (
        value.replace("\\", "\\\\")
        .replace("\t", "\\t")
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace('"', '\\"')
    )


# IRIs already checked, written as N-Quads terms (site-wide ids and URLs recur across
# articles; most others belong to one article, hence a small bound: memory stays flat).
_IRIS: dict[str, str] = {}
_IRIS_MAX = 2048


def _iri(value: Any, terms: _Terms) -> str:
    """``<value>`` for an absolute IRI that pyld would keep exactly as written."""
    if type(value) is str:
        known = _IRIS.get(value)
        if known is not None:
            return known
    if not isinstance(value, str) or not _IRI.match(value):
        raise _Unsupported(value)
    scheme = value.split(":", 1)[0]
    # A scheme that is also a context term would make the value a compact IRI.
    if scheme in terms.defined:
        raise _Unsupported(value)
    if len(_IRIS) >= _IRIS_MAX:
        _IRIS.clear()
    written = _IRIS[value] = "<" + value + ">"
    return written


def _object(item: Any, coercion: str | None, terms: _Terms) -> str:
    if type(item) is str:
        if coercion is None:
            return '"' + _escape(item) + '"'
        if coercion == "@id":
            return _iri(item, terms)
        return '"' + _escape(item) + '"^^<' + coercion + ">"
    if isinstance(item, str):
        if coercion is None:
            return '"' + _escape(item) + '"'
        if coercion == "@id":
            return _iri(item, terms)
        return '"' + _escape(item) + '"^^<' + coercion + ">"
    if isinstance(item, bool):
        if coercion is not None:
            raise _Unsupported(item)
        return '"' + ("true" if item else "false") + '"^^<' + XSD_BOOLEAN + ">"
    if isinstance(item, int):
        if coercion is not None or abs(item) >= _DOUBLE_FROM:
            raise _Unsupported(item)
        return '"' + str(item) + '"^^<' + XSD_INTEGER + ">"
    if isinstance(item, dict) and len(item) == 1 and "@id" in item:
        return _iri(item["@id"], terms)
    raise _Unsupported(item)


def _nodes(document: Any) -> list[Any]:
    if not isinstance(document, dict):
        raise _Unsupported("document")
    context = document.get("@context")
    if not isinstance(context, str) or context not in _context_urls():
        raise _Unsupported("@context")
    if "@graph" not in document:
        return [{key: value for key, value in document.items() if key != "@context"}]
    nodes = document["@graph"]
    if len(document) != 2 or not isinstance(nodes, list):
        raise _Unsupported("@graph")
    return nodes


def _lines(document: Any) -> set[str]:
    terms = _terms()
    predicates = terms.predicates
    lines: set[str] = set()
    # pyld merges values that compare equal in Python (True == 1): such a mix in one
    # subject's property is left to pyld.
    numeric: dict[tuple[str, str], set[type]] = {}
    for node in _nodes(document):
        if not isinstance(node, dict):
            raise _Unsupported(node)
        subject = _iri(node.get("@id"), terms) + " "
        for key, value in node.items():
            if key == "@id":
                continue
            values = value if isinstance(value, list) else [value]
            if key == "@type":
                for name in values:
                    if not isinstance(name, str):
                        raise _Unsupported(name)
                    iri, _ = terms.expand(name)
                    lines.add(subject + RDF_TYPE + " <" + iri + "> .\n")
                continue
            found = predicates.get(key)
            if found is None:
                iri, coercion = terms.expand(key)
                found = predicates[key] = ("<" + iri + "> ", coercion)
            predicate, coercion = found
            head = subject + predicate
            for item in values:
                item_kind = type(item)
                if item_kind is str and coercion is None:  # the usual case, inlined
                    if _needs_escape(item):
                        item = _escape(item)
                    lines.add(head + '"' + item + '" .\n')
                    continue
                if item_kind is dict and len(item) == 1 and "@id" in item:
                    lines.add(head + _iri(item["@id"], terms) + " .\n")
                    continue
                # the type as read, not after narrowing: compiled code (mypyc) would
                # see a bool narrowed to int as an int
                if item_kind is not str and issubclass(item_kind, int):
                    kinds = numeric.setdefault((subject, predicate), set())
                    kinds.add(item_kind)
                    if len(kinds) > 1:
                        raise _Unsupported(item)
                lines.add(head + _object(item, coercion, terms) + " .\n")
    return lines


def direct_nquads(document: Any) -> str | None:
    """Canonical N-Quads of ``document`` written directly, or ``None`` when the
    document holds something only pyld handles exactly (see the module docstring)."""
    try:
        lines = _lines(document)
    except _Unsupported:
        return None
    return "".join(sorted(lines))


def to_nquads(document: dict[str, Any] | list[Any]) -> str:
    """The same text as :func:`schema_pub.jsonld.to_nquads` (canonical N-Quads):
    written directly for the graphs schema_pub publishes, through pyld otherwise."""
    text = direct_nquads(document)
    if text is not None:
        return text
    from schema_pub.jsonld import to_nquads as pyld_nquads

    return pyld_nquads(document)
