"""pyld behind one door: the only module of schema_pub that imports pyld.

Everything JSON-LD goes through here: expansion, compaction, framing, canonical
N-Quads. The document loader is offline and allowlisted: the schema.org context URLs
are answered from the package (:mod:`schema_pub.vocab.context`), every other URL fails
at once with a :class:`JsonLdProblem` whose code is ``loading remote context failed``.
schema_pub never fetches anything.

pyld is imported inside the functions (it costs a few hundred milliseconds), so
importing this module is cheap. pyld keeps module-level caches that are not thread
safe: run parallel work in processes, not threads.

Every pyld error is turned into :class:`JsonLdProblem`; callers never see pyld's own
exception types.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

__all__ = [
    "NO_VOCAB_CONTEXT_URL",
    "SCHEMA_CONTEXT_URLS",
    "JsonDoc",
    "JsonLdProblem",
    "compact",
    "dropped_properties",
    "expand",
    "flatten",
    "frame",
    "from_nquads",
    "is_schema_context_url",
    "load_document",
    "schema_context",
    "to_nquads",
    "vocab_free_context",
]

JsonDoc = dict[str, Any] | list[Any]

SCHEMA_CONTEXT_URLS: frozenset[str] = frozenset(
    f"{scheme}://schema.org{path}"
    for scheme in ("http", "https")
    for path in ("", "/", "/docs/jsonldcontext.jsonld", "/docs/jsonldcontext.json")
)

#: Private URL under which the context without ``@vocab`` is served (see
#: :func:`dropped_properties`). It is never fetched either.
NO_VOCAB_CONTEXT_URL = "urn:x-schema-pub:schemaorg-context-without-vocab"

_SCHEMA_NAMESPACES = frozenset(
    {"http://schema.org/", "https://schema.org/", "http://schema.org", "https://schema.org"}
)

# Error codes that do not come from pyld itself.
CODE_NOT_FETCHED = "loading remote context failed"
CODE_INTERNAL = "jsonld processing failed"


class JsonLdProblem(Exception):
    """A JSON-LD document could not be processed.

    ``code`` is the JSON-LD error code pyld reports (``"invalid @id value"``,
    ``"recursive context inclusion"``, ``"loading remote context failed"``, ...),
    ``message`` says what happened for a person, ``details`` holds pyld's details
    (such as the ``url`` of a context) when it gave any.
    """

    def __init__(self, code: str, message: str, details: Mapping[str, Any] | None = None) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.details: dict[str, Any] = dict(details or {})

    @property
    def url(self) -> str | None:
        value = self.details.get("url")
        return value if isinstance(value, str) else None


def is_schema_context_url(url: str) -> bool:
    """True for the URLs under which schema.org serves its JSON-LD context."""
    return url in SCHEMA_CONTEXT_URLS


def schema_context() -> dict[str, Any]:
    """A copy of the bundled schema.org context document (``{"@context": {...}}``)."""
    from schema_pub.vocab.context import schema_context as build

    return build()


def vocab_free_context() -> dict[str, Any]:
    """A copy of the bundled schema.org context without ``@vocab``.

    Under it, only real schema.org terms map to IRIs; a misspelt property stays
    unmapped and is dropped by expansion, which :func:`dropped_properties` reports.
    """
    from schema_pub.vocab.context import schema_context as build

    return build(with_vocab=False)


def _not_fetched(url: str) -> Exception:
    from pyld.jsonld import JsonLdError

    error: Exception = JsonLdError(
        f"schema_pub never fetches remote documents: {url!r} is not a context it bundles "
        "(only the schema.org context is served, offline)",
        "jsonld.LoadDocumentError",
        {"url": url},
        code=CODE_NOT_FETCHED,
    )
    return error


def load_document(url: str, options: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The offline document loader given to pyld.

    Answers the schema.org context URLs with the bundled context, tagged ``static`` so
    that pyld keeps the processed context in its cache across calls. Raises pyld's
    ``JsonLdError`` (code ``loading remote context failed``) for any other URL; the
    public functions of this module convert it into :class:`JsonLdProblem`.
    """
    if is_schema_context_url(url):
        document = schema_context()
    elif url == NO_VOCAB_CONTEXT_URL:
        document = vocab_free_context()
    else:
        raise _not_fetched(url)
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": document,
        "tag": "static",
    }


def _untagged_loader(url: str, options: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The same loader without the ``static`` tag (for the benchmark's comparison)."""
    remote = load_document(url, options)
    del remote["tag"]
    return remote


def _problem_from(exc: BaseException) -> JsonLdProblem:
    """Convert a pyld error (and its chain of causes) into a JsonLdProblem.

    pyld wraps errors (an expansion failure inside a normalisation, a loader failure
    inside a context resolution); the innermost error that carries a code says what
    really went wrong.
    """
    from pyld.jsonld import JsonLdError

    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or (
            current.__context__ if not current.__suppress_context__ else None
        )
    coded = [e for e in chain if isinstance(e, JsonLdError) and e.code]
    if coded:
        inner = coded[-1]
        details = inner.details if isinstance(inner.details, Mapping) else {}
        return JsonLdProblem(str(inner.code), str(inner.args[0]) if inner.args else "", details)
    errors = [e for e in chain if isinstance(e, JsonLdError)]
    if errors:
        inner = errors[-1]
        details = inner.details if isinstance(inner.details, Mapping) else {}
        message = str(inner.args[0]) if inner.args else str(inner.type)
        return JsonLdProblem(str(inner.type), message, details)
    return JsonLdProblem(CODE_INTERNAL, f"{type(exc).__name__}: {exc}")


@contextmanager
def _converted() -> Iterator[None]:
    from pyld.jsonld import JsonLdError

    try:
        yield
    except JsonLdProblem:
        raise
    except JsonLdError as exc:
        raise _problem_from(exc) from exc
    except (TypeError, ValueError, KeyError, AttributeError, IndexError, RecursionError) as exc:
        # pyld assumes well-formed input in places; a malformed document must still
        # come back as a problem, not a crash.
        raise _problem_from(exc) from exc


def _options(
    base: str | None, loader: Callable[..., dict[str, Any]] = load_document
) -> dict[str, Any]:
    options: dict[str, Any] = {"documentLoader": loader}
    if base is not None:
        options["base"] = base
    return options


def expand(
    doc: JsonDoc,
    *,
    base: str | None = None,
    on_property_dropped: Callable[[str | None], object] | None = None,
) -> list[Any]:
    """JSON-LD expansion with the offline loader.

    ``on_property_dropped`` is called with each key that the active context did not
    map to an IRI (with schema.org's ``@vocab`` that is none; see
    :func:`dropped_properties`).
    """
    from pyld import jsonld

    with _converted():
        if on_property_dropped is None:
            result = jsonld.expand(doc, _options(base))
        else:
            result = jsonld.expand(doc, _options(base), on_property_dropped=on_property_dropped)
    return list(result)


def compact(doc: JsonDoc, context: Any, *, base: str | None = None) -> dict[str, Any]:
    """JSON-LD compaction against ``context`` (a URL, a context object or a list)."""
    from pyld import jsonld

    with _converted():
        result = jsonld.compact(doc, context, _options(base))
    return dict(result)


def flatten(doc: JsonDoc, context: Any = None, *, base: str | None = None) -> Any:
    """JSON-LD flattening, compacted against ``context`` when one is given."""
    from pyld import jsonld

    with _converted():
        return jsonld.flatten(doc, context, _options(base))


def frame(doc: JsonDoc, frame: Mapping[str, Any], *, base: str | None = None) -> dict[str, Any]:
    """JSON-LD framing of ``doc`` by ``frame``."""
    from pyld import jsonld

    with _converted():
        result = jsonld.frame(doc, dict(frame), _options(base))
    return dict(result)


def to_nquads(doc: JsonDoc, *, base: str | None = None) -> str:
    """Canonical N-Quads of the document (URDNA2015 / RDFC-1.0): blank node labels
    and line order depend only on the graph, so equal graphs give equal text."""
    from pyld import jsonld

    options = _options(base)
    options.update({"algorithm": "URDNA2015", "format": "application/n-quads"})
    with _converted():
        result = jsonld.normalize(doc, options)
    return str(result)


def from_nquads(text: str) -> list[Any]:
    """Expanded JSON-LD from N-Quads text (the inverse of :func:`to_nquads`)."""
    from pyld import jsonld

    with _converted():
        result = jsonld.from_rdf(text, {"format": "application/n-quads"})
    return list(result)


def _without_schema_vocab(value: Any) -> Any:
    """A copy of a ``@context`` value with the schema.org context swapped for the one
    without ``@vocab`` (and an inline schema.org ``@vocab`` removed)."""
    if isinstance(value, str):
        return NO_VOCAB_CONTEXT_URL if is_schema_context_url(value) else value
    if isinstance(value, list):
        return [_without_schema_vocab(v) for v in value]
    if isinstance(value, dict):
        if value.get("@vocab") in _SCHEMA_NAMESPACES:
            rest = {k: _rewrite(v) for k, v in value.items() if k != "@vocab"}
            return [NO_VOCAB_CONTEXT_URL, rest]
        return {k: _rewrite(v) for k, v in value.items()}
    return value


def _rewrite(node: Any) -> Any:
    if isinstance(node, list):
        return [_rewrite(v) for v in node]
    if isinstance(node, dict):
        return {
            k: (_without_schema_vocab(v) if k == "@context" else _rewrite(v))
            for k, v in node.items()
        }
    return node


def dropped_properties(doc: JsonDoc, *, base: str | None = None) -> list[str]:
    """Keys of the document that are not schema.org terms (nor mapped otherwise).

    The document is expanded with the schema.org context served without ``@vocab``;
    every key the expansion drops is returned, once each, sorted. ``dateModifed``
    comes back here while with the real context it would silently become
    ``schema:dateModifed``.
    """
    dropped: set[str] = set()

    def record(prop: str | None) -> None:
        if prop is not None:
            dropped.add(prop)

    expand(_rewrite(doc), base=base, on_property_dropped=record)
    return sorted(dropped)
