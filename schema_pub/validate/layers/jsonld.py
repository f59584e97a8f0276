"""The jsonld layer: decide how a document reads as JSON-LD, and flag what stops it.

It sets ``doc.graph`` (a :class:`~schema_pub.validate.layers._graph.Graph`) for the
layers after it. Two ways to read a document:

* **fast path** (the common case, no pyld): every context of the document is one of
  schema.org's URLs or a small inline object (an ``@vocab``, prefixes, simple term
  definitions, the ``id``/``type`` aliases). Keys and type names are then resolved
  with a term table built once per process for the schema.org context, so the cost
  per document is a walk of its JSON.
* **slow path**: anything else (expanded term definitions with containers or scoped
  contexts, ``@import``, protected terms...). pyld, behind :mod:`schema_pub.jsonld`,
  processes the context: the keys and type names of the document are expanded once
  through a probe document and the same walk reads the document with that mapping, so
  every value keeps its JSON path. The real expansion runs too, so that errors of the
  document itself come back with pyld's error code.

A remote context other than schema.org's is reported at once and never fetched.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from schema_pub.validate.document import Document
from schema_pub.validate.findings import Finding, JsonPath, Rule, Severity
from schema_pub.validate.layers._graph import Graph, Resolver, read

CODE_NOT_FETCHED = "loading remote context failed"

__all__ = [
    "DROPPED_KEY",
    "INVALID_KEYWORD_VALUE",
    "JSONLD_ERROR",
    "MISSING_CONTEXT",
    "NOT_JSONLD",
    "REDEFINED_TERM",
    "REMOTE_CONTEXT",
    "RULES",
    "VOCAB_NOT_SCHEMA",
    "check",
    "interpret",
]

LAYER = "jsonld"

MISSING_CONTEXT = Rule(
    "SP101",
    "missing-context",
    Severity.WARNING,
    "The document uses JSON-LD keywords (@type, @graph, @id) but has no @context, "
    "so JSON-LD processors and search engines read none of its properties.",
    LAYER,
)
NOT_JSONLD = Rule(
    "SP102",
    "not-json-ld",
    Severity.INFO,
    "The JSON has no @context and no JSON-LD keyword: it is not JSON-LD and the "
    "semantic layers skip it.",
    LAYER,
)
REMOTE_CONTEXT = Rule(
    "SP103",
    "remote-context",
    Severity.WARNING,
    "The document refers to a remote context other than schema.org's; schema_pub never "
    "fetches, so the document cannot be interpreted offline.",
    LAYER,
)
VOCAB_NOT_SCHEMA = Rule(
    "SP104",
    "vocab-not-schema-org",
    Severity.WARNING,
    "An inline context sets @vocab to an IRI outside schema.org, so plain keys stop "
    "meaning schema.org properties (an error when it is schema.org without its "
    "trailing slash).",
    LAYER,
)
REDEFINED_TERM = Rule(
    "SP105",
    "redefined-term",
    Severity.WARNING,
    "An inline context maps a schema.org term name (or the schema prefix) to another "
    "IRI or to null.",
    LAYER,
)
JSONLD_ERROR = Rule(
    "SP106",
    "jsonld-error",
    Severity.ERROR,
    "A JSON-LD processor (pyld) rejects the context or the document; the message "
    "carries pyld's error code.",
    LAYER,
)
DROPPED_KEY = Rule(
    "SP107",
    "dropped-key",
    Severity.WARNING,
    "A key maps to no IRI under the active context; JSON-LD processors drop it silently.",
    LAYER,
)
INVALID_KEYWORD_VALUE = Rule(
    "SP108",
    "invalid-keyword-value",
    Severity.ERROR,
    "A JSON-LD keyword has a value of the wrong kind (@id not a string, @type not a "
    "string or list of strings, @value an object).",
    LAYER,
)

RULES: tuple[Rule, ...] = (
    MISSING_CONTEXT,
    NOT_JSONLD,
    REMOTE_CONTEXT,
    VOCAB_NOT_SCHEMA,
    REDEFINED_TERM,
    JSONLD_ERROR,
    DROPPED_KEY,
    INVALID_KEYWORD_VALUE,
)

SCHEMA_NAMESPACES = frozenset({"http://schema.org/", "https://schema.org/"})
_SCHEMA_NO_SLASH = frozenset({"http://schema.org", "https://schema.org"})
_KEYWORDS = frozenset(
    {
        "@base",
        "@container",
        "@context",
        "@direction",
        "@graph",
        "@id",
        "@import",
        "@included",
        "@index",
        "@json",
        "@language",
        "@list",
        "@nest",
        "@none",
        "@prefix",
        "@propagate",
        "@protected",
        "@reverse",
        "@set",
        "@type",
        "@value",
        "@version",
        "@vocab",
    }
)
# Characters after which a simple term definition may serve as a prefix (JSON-LD 1.1).
_GEN_DELIMS = frozenset(":/?#[]@")


class _NeedsSlowPath(Exception):
    """Raised by the fast reader when a context is beyond its term table."""


# -- context facts shared by both paths ------------------------------------------------


def _is_schema_url(url: str) -> bool:
    answer = _SCHEMA_URL_ANSWERS.get(url)
    if answer is None:
        from schema_pub.jsonld import is_schema_context_url

        answer = is_schema_context_url(url)
        if len(_SCHEMA_URL_ANSWERS) < 1024:
            _SCHEMA_URL_ANSWERS[url] = answer
    return answer


#: Context URL -> whether it names schema.org's context (a site writes one or two).
_SCHEMA_URL_ANSWERS: dict[str, bool] = {}


_SCHEMA_URLS: list[frozenset[str]] = []


def _is_schema_url_value(ctx: Any) -> bool:
    """True when a context value is one schema.org context URL (a string)."""
    if type(ctx) is not str:
        return False
    if not _SCHEMA_URLS:
        from schema_pub.jsonld import SCHEMA_CONTEXT_URLS

        _SCHEMA_URLS.append(SCHEMA_CONTEXT_URLS)
    return ctx in _SCHEMA_URLS[0]


def _context_items(ctx: Any) -> list[Any]:
    return list(ctx) if isinstance(ctx, list) else [ctx]


def _remote_urls(ctx: Any, path: JsonPath) -> Iterator[tuple[str, JsonPath]]:
    """Every context URL that is not schema.org's, with its path."""
    if isinstance(ctx, str):
        if not _is_schema_url(ctx):
            yield ctx, path
    elif isinstance(ctx, list):
        for i, item in enumerate(ctx):
            yield from _remote_urls(item, (*path, i))
    elif isinstance(ctx, dict):
        imported = ctx.get("@import")
        if isinstance(imported, str) and not _is_schema_url(imported):
            yield imported, (*path, "@import")
        for key, value in ctx.items():
            if isinstance(value, dict) and "@context" in value:
                yield from _remote_urls(value["@context"], (*path, key, "@context"))


def _definition_iri(value: Any) -> tuple[bool, str | None]:
    """(defines an IRI at all, the IRI or None) of one term definition."""
    if value is None:
        return True, None
    if isinstance(value, str):
        return True, value
    if isinstance(value, dict):
        if "@id" in value:
            iri = value["@id"]
            return True, iri if isinstance(iri, str) else None
        if "@reverse" in value:
            return True, None
    return False, None


def _context_findings(ctx: Any, path: JsonPath) -> Iterator[Finding]:
    """Redefinitions of @vocab and of schema.org terms in inline contexts."""
    from schema_pub.vocab import load, local_name

    vocab = load()
    for i, item in enumerate(_context_items(ctx)):
        if not isinstance(item, dict):
            continue
        ipath = (*path, i) if isinstance(ctx, list) else path
        for key, value in item.items():
            if key == "@vocab":
                if isinstance(value, str) and value not in SCHEMA_NAMESPACES:
                    if value.rstrip("/") in _SCHEMA_NO_SLASH:
                        yield VOCAB_NOT_SCHEMA(
                            f"@vocab is {value!r} without the trailing slash: every key "
                            f"becomes {value}name, which is not a schema.org term",
                            path=(*ipath, key),
                            hint='write "@vocab": "https://schema.org/"',
                            severity=Severity.ERROR,
                        )
                    else:
                        yield VOCAB_NOT_SCHEMA(
                            f"@vocab is {value!r}: plain keys are read in that vocabulary, "
                            "not as schema.org terms",
                            path=(*ipath, key),
                        )
                continue
            if key.startswith("@"):
                continue
            defines, iri = _definition_iri(value)
            if not defines:
                continue
            if key == "schema":
                if iri not in SCHEMA_NAMESPACES:
                    yield REDEFINED_TERM(
                        f"the prefix 'schema' is mapped to {iri!r}, not to schema.org",
                        path=(*ipath, key),
                        hint='map it to "https://schema.org/" or leave it out',
                    )
                continue
            if not vocab.is_term(key):
                continue
            if iri is not None and iri.startswith("@"):
                continue  # a keyword alias ("type": "@type")
            target = local_name(iri) if iri is not None else None
            if target != key:
                shown = "null" if iri is None else repr(iri)
                yield REDEFINED_TERM(
                    f"the context maps the schema.org term {key!r} to {shown}",
                    path=(*ipath, key),
                    hint=f"rename the term or map it to schema:{key}",
                )


# -- fast path ---------------------------------------------------------------------------

_VOCAB_RELATIVE = "\x00vocab"


class _Terms:
    """A term table: what a small context makes of keys and type names.

    ``table`` maps a term to (IRI, keyword or None; usable as a prefix). ``resolve``
    answers from a per-table memo, so the schema.org table (built once per process)
    costs a dict lookup per key after the first documents.
    """

    __slots__ = ("cache", "plans", "resolver", "table", "vocab")

    # Read by the reader of _graph for every node object: declared here so that
    # looking them up never fails (a failed getattr costs an exception).
    scoped: ClassVar[dict[str, Any] | None] = None
    maps: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, table: dict[str, tuple[str | None, bool]], vocab: str | None) -> None:
        self.table = table
        self.vocab = vocab
        self.cache: dict[str, str | None] = {}
        #: Key plans of the reader (only on the shared schema.org table; see _graph).
        self.plans: dict[tuple[str, ...], Any] | None = None
        #: ``resolve``, bound once: the reader knows a resolver by its identity.
        self.resolver: Resolver = self.resolve

    def expand_iri(self, key: str) -> str | None:
        entry = self.table.get(key)
        if entry is not None:
            return entry[0]
        if ":" in key:
            prefix, _, suffix = key.partition(":")
            if prefix == "_":
                return None
            if not suffix.startswith("//"):
                pentry = self.table.get(prefix)
                if pentry is not None and pentry[1] and pentry[0] is not None:
                    return pentry[0] + suffix
            return key
        if self.vocab is not None:
            return self.vocab + key
        return None

    def resolve(self, key: str) -> str | None:
        try:
            return self.cache[key]
        except KeyError:
            pass
        name = _name_of(self.expand_iri(key))
        if len(self.cache) < 4096:
            self.cache[key] = name
        return name

    def extended(self, item: dict[str, Any]) -> _Terms:
        """This table with one inline context object applied (or _NeedsSlowPath)."""
        table = dict(self.table)
        vocab = self.vocab
        defs: dict[str, tuple[str | None, bool]] = {}
        for key, value in item.items():
            if key.startswith("@"):
                if key == "@vocab":
                    if value is None:
                        vocab = None
                    elif isinstance(value, str) and ":" in value:
                        vocab = value
                    else:
                        raise _NeedsSlowPath
                elif key not in ("@language", "@direction", "@version", "@base"):
                    raise _NeedsSlowPath
                continue
            if ":" in key or "/" in key:
                raise _NeedsSlowPath
            if value is None:
                defs[key] = (None, False)
            elif isinstance(value, str):
                if value.startswith("@"):
                    if value not in _KEYWORDS:
                        raise _NeedsSlowPath
                    table[key] = (value, False)
                else:
                    defs[key] = (value, True)
            elif isinstance(value, dict):
                if set(value) - {"@id", "@type", "@container"}:
                    raise _NeedsSlowPath
                if value.get("@container", "@set") not in ("@set", "@list"):
                    raise _NeedsSlowPath
                if "@id" not in value:
                    defs[key] = (_VOCAB_RELATIVE, False)
                elif isinstance(value["@id"], str) and not value["@id"].startswith("@"):
                    defs[key] = (value["@id"], False)
                else:
                    raise _NeedsSlowPath
            else:
                raise _NeedsSlowPath

        def definition(raw: str, depth: int) -> str:
            if ":" not in raw or depth > 8:
                raise _NeedsSlowPath  # term references, relative IRIs, cycles: pyld decides
            prefix, _, suffix = raw.partition(":")
            if prefix == "_":
                raise _NeedsSlowPath
            if suffix.startswith("//"):
                return raw
            if prefix in defs:
                praw, simple = defs[prefix]
                if praw is None or praw == _VOCAB_RELATIVE or not simple:
                    return raw
                base = definition(praw, depth + 1)
                return base + suffix if base[-1] in _GEN_DELIMS else raw
            entry = table.get(prefix)
            if entry is not None and entry[1] and entry[0] is not None:
                return entry[0] + suffix
            return raw

        for key, (raw, simple) in defs.items():
            if raw is None:
                table[key] = (None, False)
            elif raw == _VOCAB_RELATIVE:
                if vocab is None:
                    raise _NeedsSlowPath
                table[key] = (vocab + key, False)
            else:
                iri = definition(raw, 0)
                table[key] = (iri, simple and iri[-1] in _GEN_DELIMS)
        return _Terms(table, vocab)


def _name_of(iri: str | None) -> str | None:
    """Schema.org local name, keyword, or the foreign IRI itself (None: unmapped)."""
    if iri is None:
        return None
    if iri.startswith("@"):
        return iri if iri in _KEYWORDS else None
    for ns in ("http://schema.org/", "https://schema.org/"):
        if iri.startswith(ns):
            local = iri[len(ns) :]
            if local and "/" not in local and "#" not in local and ":" not in local:
                return local
            return iri
    return iri


_SCHEMA_TERMS: list[_Terms] = []
_EMPTY_TERMS = _Terms({}, None)


def schema_terms() -> _Terms:
    """The term table of schema.org's context (built once per process)."""
    if not _SCHEMA_TERMS:
        from schema_pub.vocab import load

        vocab = load()
        table: dict[str, tuple[str | None, bool]] = {}
        prefixes = vocab.prefixes
        prefixes["xml"] = "http://www.w3.org/XML/1998/namespace"
        prefixes["schema"] = "http://schema.org/"
        for prefix, iri in prefixes.items():
            if not vocab.is_term(prefix):
                table[prefix] = (iri, True)
        table["id"] = ("@id", False)
        table["type"] = ("@type", False)
        table["HTML"] = ("http://www.w3.org/1999/02/22-rdf-syntax-ns#HTML", False)
        terms = _Terms(table, "http://schema.org/")
        terms.plans = {}
        _SCHEMA_TERMS.append(terms)
    return _SCHEMA_TERMS[0]


def _fast_terms(ctx: Any, base: _Terms) -> _Terms:
    """The term table after applying ``ctx`` to ``base``."""
    terms = base
    for item in _context_items(ctx):
        if item is None:
            terms = _EMPTY_TERMS
        elif isinstance(item, str):
            if not _is_schema_url(item):
                raise _NeedsSlowPath
            schema = schema_terms()
            if terms is _EMPTY_TERMS or terms is schema:
                terms = schema
            else:
                terms = _Terms({**terms.table, **schema.table}, schema.vocab)
        elif isinstance(item, dict):
            terms = terms.extended(item)
        else:
            raise _NeedsSlowPath
    return terms


def _fast_scope(ctx: Any, outer: Resolver) -> Resolver:
    owner = getattr(outer, "__self__", None)
    base = owner if isinstance(owner, _Terms) else _EMPTY_TERMS
    return _fast_terms(ctx, base).resolver


def read_fast(data: Any) -> Graph:
    """Read a document on the fast path (raises _NeedsSlowPath when it cannot)."""
    return read(data, _EMPTY_TERMS.resolver, _fast_scope, mode="fast")


# -- slow path ---------------------------------------------------------------------------

_PROBE = "urn:x-schema-pub:probe:"


def _collect_names(data: Any, names: set[str]) -> None:
    """Every key and every string under a key (candidate type names) of the document."""
    if isinstance(data, list):
        for item in data:
            _collect_names(item, names)
    elif isinstance(data, dict):
        for key, value in data.items():
            if key == "@context":
                continue
            if not key.startswith("@"):
                names.add(key)
            if isinstance(value, str):
                if len(value) < 200 and " " not in value:
                    names.add(value)
            else:
                _collect_names(value, names)


def _markers(value: Any, out: list[int]) -> None:
    if isinstance(value, str):
        if value.startswith(_PROBE):
            out.append(int(value[len(_PROBE) :]))
    elif isinstance(value, list):
        for item in value:
            _markers(item, out)
    elif isinstance(value, dict):
        for item in value.values():
            _markers(item, out)


def _probe(chain: list[Any], names: list[str]) -> dict[str, str | None]:
    """name -> IRI (as a local name, keyword or foreign IRI) under a context chain.

    Each name is written as a key of one probe document whose values are unique
    markers; where each marker lands in pyld's expansion tells what the key became.
    When the batch fails (a key defined with a container the marker does not fit),
    the names are probed one by one.
    """
    from schema_pub.jsonld import JsonLdProblem, expand

    def batch(pairs: list[tuple[int, str]]) -> dict[str, str | None]:
        doc: dict[str, Any] = {"@context": chain}
        for i, key in pairs:
            doc[key] = _PROBE + str(i)
        found: dict[str, str | None] = {key: None for _, key in pairs}
        by_index = dict(pairs)
        for node in expand(doc):
            if not isinstance(node, dict):
                continue
            for prop, value in node.items():
                if prop in ("@type", "@id"):
                    name: str | None = prop
                elif prop.startswith("@"):
                    continue
                else:
                    name = _name_of(prop)
                hits: list[int] = []
                _markers(value, hits)
                for hit in hits:
                    if hit in by_index:
                        found[by_index[hit]] = name
        return found

    pairs = [(i, n) for i, n in enumerate(names) if not n.startswith("@")]
    try:
        return batch(pairs)
    except JsonLdProblem:
        pass
    result: dict[str, str | None] = {}
    for pair in pairs:
        try:
            result.update(batch([pair]))
        except JsonLdProblem:
            result[pair[1]] = None
    return result


class _SlowResolver:
    """Key and type-name mapping for one chain of contexts, learnt through pyld."""

    def __init__(self, chain: list[Any], names: list[str]) -> None:
        from schema_pub.jsonld import expand

        self.chain = chain
        self.names = names
        self.maps = _map_keys(chain)
        self.scoped = _scoped_contexts(chain)
        self.table: dict[str, str | None] = {}
        if chain:
            # Raises JsonLdProblem when the context itself is invalid.
            expand({"@context": chain, "@id": "urn:x-schema-pub:context-check"})
            self.table = _probe(chain, names)

    def resolve(self, key: str) -> str | None:
        if key in self.table:
            return self.table[key]
        if not self.chain:
            return None
        found = _probe(self.chain, [key])
        self.table.update(found)
        return found.get(key)

    def scope(self, ctx: Any, outer: Resolver) -> Resolver:
        owner = getattr(outer, "__self__", None)
        chain = owner.chain if isinstance(owner, _SlowResolver) else []
        return _SlowResolver([*chain, *_context_items(ctx)], self.names).resolve


_MAP_CONTAINERS = frozenset({"@language", "@index", "@id", "@type"})


def _scoped_contexts(chain: list[Any]) -> dict[str, Any]:
    """Terms of inline contexts that carry a scoped ``@context`` of their own."""
    scoped: dict[str, Any] = {}
    for item in chain:
        if item is None:
            scoped.clear()
        elif isinstance(item, dict):
            for key, value in item.items():
                if isinstance(value, dict) and "@context" in value:
                    scoped[key] = value["@context"]
                elif not key.startswith("@"):
                    scoped.pop(key, None)
    return scoped


def _map_keys(chain: list[Any]) -> frozenset[str]:
    """Terms of inline contexts whose values are maps (read from the definitions)."""
    maps: set[str] = set()
    for item in chain:
        if item is None:
            maps.clear()
        elif isinstance(item, dict):
            for key, value in item.items():
                if key.startswith("@"):
                    continue
                container = value.get("@container") if isinstance(value, dict) else None
                kinds = {container} if isinstance(container, str) else set(container or ())
                if kinds & _MAP_CONTAINERS:
                    maps.add(key)
                else:
                    maps.discard(key)
    return frozenset(maps)


def read_slow(data: Any) -> tuple[Graph | None, list[Finding]]:
    """Read a document with its contexts processed by pyld."""
    from schema_pub.jsonld import JsonLdProblem, expand

    names: set[str] = set()
    _collect_names(data, names)
    root = _SlowResolver([], sorted(names))
    try:
        graph = read(data, root.resolve, root.scope, mode="slow")
    except JsonLdProblem as problem:
        if problem.code == CODE_NOT_FETCHED:
            remote = list(_nested_remote(data, ()))
            return None, [
                REMOTE_CONTEXT(
                    f"remote context {url!r} is not schema.org's and is never fetched; "
                    "the document is not interpreted",
                    path=upath,
                    hint='use "@context": "https://schema.org" or inline the context',
                )
                for url, upath in remote
            ] or [
                REMOTE_CONTEXT(
                    f"{problem.message}; the document is not interpreted",
                    path=_context_path(data),
                )
            ]
        return None, [
            JSONLD_ERROR(
                f"invalid context ({problem.code}): {problem.message}",
                path=_context_path(data),
                pyld_code=problem.code,
            )
        ]
    findings: list[Finding] = []
    if graph.problems:
        return graph, findings  # reported as SP108; pyld would only repeat them
    try:
        expand(data)
    except JsonLdProblem as problem:
        findings.append(
            JSONLD_ERROR(
                f"pyld rejects the document ({problem.code}): {problem.message}",
                path=(),
                pyld_code=problem.code,
            )
        )
    return graph, findings


def _context_path(data: Any) -> JsonPath:
    if isinstance(data, dict) and "@context" in data:
        return ("@context",)
    return ()


def _keyword_problem(keyword: str, path: JsonPath, value: Any) -> Finding:
    if keyword == "@type":
        return INVALID_KEYWORD_VALUE(
            f"@type must be a string or a list of strings, not {_kind(value)}",
            path=path,
            hint='write the type name as a string, e.g. "@type": "NewsArticle"',
        )
    if keyword == "@value":
        return INVALID_KEYWORD_VALUE(
            f"@value must be a string, number, boolean or null, not {_kind(value)}",
            path=path,
        )
    return INVALID_KEYWORD_VALUE(f"{keyword} must be a string, not {_kind(value)}", path=path)


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    return "a string"


# -- entry points ------------------------------------------------------------------------


def _has_context(data: Any) -> bool:
    if isinstance(data, dict):
        return "@context" in data and data["@context"] not in (None, [], {})
    if isinstance(data, list):
        return any(isinstance(i, dict) and "@context" in i for i in data)
    return False


def _looks_like_jsonld(data: Any) -> bool:
    if isinstance(data, dict):
        return any(k in data for k in ("@type", "@graph", "@id"))
    if isinstance(data, list):
        return any(_looks_like_jsonld(i) for i in data)
    return False


def interpret(data: Any, *, force_slow: bool = False) -> tuple[Graph | None, list[Finding]]:
    """Read ``data`` as JSON-LD: its graph (None when unreadable) and the findings.

    ``force_slow`` takes the pyld path even when the fast one applies (for tests).
    """
    findings: list[Finding] = []
    if type(data) is dict and _is_schema_url_value(data.get("@context")):
        pass  # the commonest document: nothing remote, nothing redefined at the top
    elif not _has_context(data):
        if _looks_like_jsonld(data):
            findings.append(
                MISSING_CONTEXT(
                    "no @context: the keys of this document are not JSON-LD terms",
                    path=(),
                    hint='add "@context": "https://schema.org"',
                )
            )
        else:
            findings.append(NOT_JSONLD("no @context: not a JSON-LD document", path=()))
        return None, findings
    else:
        tops = (
            [(item, (i,)) for i, item in enumerate(data)]
            if isinstance(data, list)
            else [(data, ())]
        )
        remote = False
        for item, prefix in tops:
            if not isinstance(item, dict) or "@context" not in item:
                continue
            cpath: JsonPath = (*prefix, "@context")
            for url, upath in _remote_urls(item["@context"], cpath):
                remote = True
                findings.append(
                    REMOTE_CONTEXT(
                        f"remote context {url!r} is not schema.org's and is never fetched; "
                        "the document is not interpreted",
                        path=upath,
                        hint='use "@context": "https://schema.org" or inline the context',
                    )
                )
            findings.extend(_context_findings(item["@context"], cpath))
        if remote:
            return None, findings

    graph: Graph | None = None
    if not force_slow:
        try:
            graph = read_fast(data)
        except _NeedsSlowPath:
            graph = None
    if graph is None:
        graph, slow_findings = read_slow(data)
        findings.extend(slow_findings)
    if graph is not None:
        for ctx, cpath in graph.contexts:
            # Contexts of nested node objects redefine terms just as the top one can.
            findings.extend(_context_findings(ctx, cpath))
        for keyword, path, value in graph.problems:
            findings.append(_keyword_problem(keyword, path, value))
        for path in graph.dropped:
            key = path[-1]
            findings.append(
                DROPPED_KEY(
                    f"the key {key!r} maps to no IRI under the active context and is "
                    "ignored by JSON-LD processors",
                    path=path,
                    hint="define it in the context or use a schema.org term",
                )
            )
    return graph, findings


def _nested_remote(data: Any, path: JsonPath) -> Iterator[tuple[str, JsonPath]]:
    """Remote contexts inside node objects below the top level."""
    if isinstance(data, list):
        for i, item in enumerate(data):
            if isinstance(item, dict):
                for key, value in item.items():
                    if key != "@context":
                        yield from _nested_remote_in(value, (*path, i, key))
    elif isinstance(data, dict):
        for key, value in data.items():
            if key != "@context":
                yield from _nested_remote_in(value, (*path, key))


def _nested_remote_in(data: Any, path: JsonPath) -> Iterator[tuple[str, JsonPath]]:
    if isinstance(data, list):
        for i, item in enumerate(data):
            yield from _nested_remote_in(item, (*path, i))
    elif isinstance(data, dict):
        for key, value in data.items():
            if key == "@context":
                yield from _remote_urls(value, (*path, key))
            else:
                yield from _nested_remote_in(value, (*path, key))


def check(doc: Document) -> Iterator[Finding]:
    """Interpret ``doc.data`` as JSON-LD, set ``doc.graph``, yield the findings."""
    if doc.data is None:
        return
    graph, findings = interpret(doc.data)
    doc.graph = graph
    yield from findings
