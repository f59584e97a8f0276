"""The bundled schema.org vocabulary and the questions the validator asks of it.

``load()`` returns the :class:`Vocabulary` compiled from one schema.org release (see
``compile.py``). Terms are schema.org local names (``"NewsArticle"``, ``"headline"``);
every method also accepts ``"schema:NewsArticle"`` and the full ``https://`` or
``http://schema.org/`` IRI. Names outside schema.org are simply unknown.

The index is derived from schema.org (CC BY-SA 3.0); see ``LICENSE-schemaorg.md``.
"""

from __future__ import annotations

import json
import pkgutil
import re
import sys
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any, Literal

__all__ = [
    "DEFAULT_RELEASE",
    "SCHEMA_IRI_PREFIXES",
    "TermKind",
    "Vocabulary",
    "load",
    "local_name",
]

DEFAULT_RELEASE = "30.0"

#: Prefixes that name a schema.org term, longest first.
SCHEMA_IRI_PREFIXES: tuple[str, ...] = ("https://schema.org/", "http://schema.org/", "schema:")

TermKind = Literal["class", "property", "any"]

_EMPTY: frozenset[str] = frozenset()

# British spellings and their American forms as schema.org spells them. Applied to a
# lower-cased name, each pair in both directions is not needed: schema.org is American.
_SPELLINGS: tuple[tuple[str, str], ...] = (
    ("isation", "ization"),
    ("ising", "izing"),
    ("ised", "ized"),
    ("ise", "ize"),
    ("yse", "yze"),
    ("our", "or"),
    ("tre", "ter"),
    ("ogue", "og"),
    ("ence", "ense"),
    ("mme", "m"),
    ("lled", "led"),
    ("lling", "ling"),
    ("eable", "able"),
)


def local_name(iri: str) -> str | None:
    """The schema.org local name of a term, or None when it is not a schema.org term.

    ``"headline"``, ``"schema:headline"``, ``"https://schema.org/headline"`` and
    ``"http://schema.org/headline"`` all give ``"headline"``. Other IRIs, compact IRIs
    with another prefix, and empty names give None.
    """
    if not isinstance(iri, str) or not iri:
        return None
    if ":" not in iri and "/" not in iri and "#" not in iri:
        return iri
    for prefix in SCHEMA_IRI_PREFIXES:
        if iri.startswith(prefix):
            name = iri[len(prefix) :]
            if name and "/" not in name and "#" not in name and ":" not in name:
                return name
            return None
    return None


def _frozen(values: Iterable[str]) -> frozenset[str]:
    return frozenset(values)


class Vocabulary:
    """Facts of one schema.org release: classes, data types, properties, enumerations.

    Build it with :func:`load`. Instances are immutable after construction; answers
    that need a walk of the hierarchy are computed once and remembered.
    """

    def __init__(self, index: Mapping[str, Any]) -> None:
        self.release: str = str(index["release"])
        self._prefixes: dict[str, str] = dict(index.get("prefixes", {}))
        self._parents: dict[str, tuple[str, ...]] = {
            name: tuple(parents) for name, parents in index["classes"].items()
        }
        self._datatypes: frozenset[str] = frozenset(index["datatypes"])
        props: Mapping[str, Mapping[str, Any]] = index["properties"]
        self._domains: dict[str, frozenset[str]] = {
            p: _frozen(v.get("domains", ())) for p, v in props.items()
        }
        self._ranges: dict[str, frozenset[str]] = {
            p: _frozen(v.get("ranges", ())) for p, v in props.items()
        }
        self._sub_property_of: dict[str, frozenset[str]] = {
            p: _frozen(v["subPropertyOf"]) for p, v in props.items() if "subPropertyOf" in v
        }
        self._inverse_of: dict[str, str] = {
            p: str(v["inverseOf"]) for p, v in props.items() if "inverseOf" in v
        }
        self._member_of: dict[str, frozenset[str]] = {
            m: _frozen(types) for m, types in index["members"].items()
        }
        self._superseded_by: dict[str, str] = dict(index.get("supersededBy", {}))
        self._parts: dict[str, str] = dict(index.get("parts", {}))

        # Reverse maps built once: domain class -> properties, enumeration -> members.
        by_domain: dict[str, set[str]] = {}
        for prop, domains in self._domains.items():
            for cls in domains:
                by_domain.setdefault(cls, set()).add(prop)
        self._by_domain: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in by_domain.items()}
        members: dict[str, set[str]] = {}
        for member, types in self._member_of.items():
            for enum in types:
                members.setdefault(enum, set()).add(member)
        self._members: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in members.items()}

        self._ancestors_cache: dict[str, frozenset[str]] = {}
        self._properties_cache: dict[str, frozenset[str]] = {}
        self._lower: dict[str, dict[str, str]] | None = None

    # -- what a name is -------------------------------------------------------------

    def is_class(self, name: str) -> bool:
        """True for every schema.org class, data types and enumerations included."""
        n = local_name(name)
        return n is not None and n in self._parents

    def is_property(self, name: str) -> bool:
        n = local_name(name)
        return n is not None and n in self._domains

    def is_datatype(self, name: str) -> bool:
        """Text, URL, Number, Integer, Date, ... : DataType's members and their subclasses."""
        n = local_name(name)
        return n is not None and n in self._datatypes

    def is_enumeration(self, name: str) -> bool:
        """True for classes below schema:Enumeration (DayOfWeek, ItemAvailability, ...)."""
        n = local_name(name)
        return n is not None and n != "Enumeration" and "Enumeration" in self.ancestors(n)

    def is_member(self, name: str) -> bool:
        """True for named individuals (enumeration members such as Monday, True)."""
        n = local_name(name)
        return n is not None and n in self._member_of

    def is_term(self, name: str) -> bool:
        """Any schema.org term of this release: class, property or member."""
        n = local_name(name)
        return n is not None and (n in self._parents or n in self._domains or n in self._member_of)

    def kind(self, name: str) -> Literal["class", "property", "member"] | None:
        n = local_name(name)
        if n is None:
            return None
        if n in self._parents:
            return "class"
        if n in self._domains:
            return "property"
        if n in self._member_of:
            return "member"
        return None

    # -- classes ----------------------------------------------------------------------

    def parents(self, type_name: str) -> frozenset[str]:
        """Direct superclasses (rdfs:subClassOf within schema.org)."""
        n = local_name(type_name)
        return frozenset(self._parents.get(n, ())) if n is not None else _EMPTY

    def ancestors(self, type_name: str) -> frozenset[str]:
        """The class and every superclass, transitively. Empty for an unknown class."""
        n = local_name(type_name)
        if n is None or n not in self._parents:
            return _EMPTY
        cached = self._ancestors_cache.get(n)
        if cached is not None:
            return cached
        seen: set[str] = set()
        stack = [n]
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            stack.extend(self._parents.get(current, ()))
        result = frozenset(seen)
        self._ancestors_cache[n] = result
        return result

    def is_subclass(self, name: str, ancestor: str) -> bool:
        """True when ``name`` is ``ancestor`` or below it (``Integer`` below ``Number``)."""
        a = local_name(ancestor)
        return a is not None and a in self.ancestors(name)

    def classes(self) -> frozenset[str]:
        return frozenset(self._parents)

    def subclasses(self, type_name: str) -> frozenset[str]:
        """Direct subclasses of a class."""
        n = local_name(type_name)
        if n is None:
            return _EMPTY
        return frozenset(c for c, ps in self._parents.items() if n in ps)

    # -- properties -------------------------------------------------------------------

    def properties(self) -> frozenset[str]:
        return frozenset(self._domains)

    def properties_of(self, type_name: str) -> frozenset[str]:
        """Every property whose domain includes the type or one of its ancestors."""
        n = local_name(type_name)
        if n is None:
            return _EMPTY
        cached = self._properties_cache.get(n)
        if cached is not None:
            return cached
        out: set[str] = set()
        for cls in self.ancestors(n):
            out.update(self._by_domain.get(cls, ()))
        result = frozenset(out)
        self._properties_cache[n] = result
        return result

    def declared_properties(self, type_name: str) -> frozenset[str]:
        """Properties whose domain names this very class (not inherited)."""
        n = local_name(type_name)
        return self._by_domain.get(n, _EMPTY) if n is not None else _EMPTY

    def domains(self, prop: str) -> frozenset[str]:
        """schema:domainIncludes of a property; empty when unknown."""
        n = local_name(prop)
        return self._domains.get(n, _EMPTY) if n is not None else _EMPTY

    def ranges(self, prop: str) -> frozenset[str]:
        """schema:rangeIncludes of a property; empty when unknown."""
        n = local_name(prop)
        return self._ranges.get(n, _EMPTY) if n is not None else _EMPTY

    def allows_property(self, type_name: str, prop: str) -> bool:
        """True when ``prop``'s domain includes ``type_name`` or an ancestor of it."""
        p = local_name(prop)
        return p is not None and p in self.properties_of(type_name)

    def accepts(self, prop: str, type_name: str) -> bool:
        """True when a value of type ``type_name`` fits one of ``prop``'s ranges.

        A subtype fits its supertype's range: an Integer where Number is expected, a URL
        where Text is expected, a NewsArticle where CreativeWork is expected.
        """
        ancestors = self.ancestors(type_name)
        return bool(ancestors) and not self.ranges(prop).isdisjoint(ancestors)

    def sub_property_of(self, prop: str) -> frozenset[str]:
        n = local_name(prop)
        return self._sub_property_of.get(n, _EMPTY) if n is not None else _EMPTY

    def inverse_of(self, prop: str) -> str | None:
        n = local_name(prop)
        return self._inverse_of.get(n) if n is not None else None

    # -- enumerations -------------------------------------------------------------------

    def members(self, enumeration: str) -> frozenset[str]:
        """Named members of an enumeration (or of Boolean: True, False). Not inherited."""
        n = local_name(enumeration)
        return self._members.get(n, _EMPTY) if n is not None else _EMPTY

    def named_members(self) -> frozenset[str]:
        """Every named member of every enumeration (and True, False)."""
        return frozenset(self._member_of)

    def enumeration_of(self, member: str) -> frozenset[str]:
        """The type(s) a named member belongs to (Monday -> {DayOfWeek})."""
        n = local_name(member)
        return self._member_of.get(n, _EMPTY) if n is not None else _EMPTY

    # -- status -----------------------------------------------------------------------

    def superseded_by(self, term: str) -> str | None:
        """The term that replaces a superseded one (``episodes`` -> ``episode``)."""
        n = local_name(term)
        return self._superseded_by.get(n) if n is not None else None

    def superseded_terms(self) -> frozenset[str]:
        return frozenset(self._superseded_by)

    def part_of(self, term: str) -> str | None:
        """The schema.org section a term belongs to (``pending``, ``health-lifesci``,
        ``auto``, ``bib``, ``meta``, ``attic``), None for the core vocabulary."""
        n = local_name(term)
        return self._parts.get(n) if n is not None else None

    def is_pending(self, term: str) -> bool:
        return self.part_of(term) == "pending"

    def is_attic(self, term: str) -> bool:
        return self.part_of(term) == "attic"

    @property
    def prefixes(self) -> dict[str, str]:
        """Namespace prefixes declared by the release file (a copy)."""
        return dict(self._prefixes)

    # -- did you mean ---------------------------------------------------------------------

    def _names(self, kind: TermKind) -> dict[str, str]:
        """Lower-cased name -> name, for one kind of term."""
        if self._lower is None:
            classes = {n.lower(): n for n in sorted(self._parents)}
            props = {n.lower(): n for n in sorted(self._domains)}
            every: dict[str, str] = {}
            for source in (
                {n.lower(): n for n in sorted(self._member_of)},
                props,
                classes,
            ):
                every.update(source)
            self._lower = {"class": classes, "property": props, "any": every}
        return self._lower[kind]

    def search(self, text: str) -> list[str]:
        """Terms whose name contains ``text`` (case-insensitive; a British spelling
        also finds the American one), sorted case-insensitively."""
        needle = (local_name(text) or text).lower()
        if not needle:
            return []
        needles = [needle, *_american_variants(needle)]
        every = self._parents.keys() | self._domains.keys() | self._member_of.keys()
        hits = [name for name in every if any(n in name.lower() for n in needles)]
        return sorted(hits, key=lambda n: (n.lower(), n))

    def suggest(self, name: str, kind: TermKind = "any") -> str | None:
        """A known term the user probably meant, or None.

        Tried in order: the same name in another case (``headLine`` -> ``headline``),
        British spelling made American (``NewsMediaOrganisation`` ->
        ``NewsMediaOrganization``), then the closest name by difflib. A name that is
        already a known term of that kind is returned unchanged.
        """
        n = local_name(name) or name
        if not n:
            return None
        if (kind == "class" and n in self._parents) or (kind == "property" and n in self._domains):
            return n
        if kind == "any" and self.is_term(n):
            return n
        names = self._names(kind)
        lowered = n.lower()
        if lowered in names:
            return names[lowered]
        for variant in _american_variants(lowered):
            if variant in names:
                return names[variant]
        import difflib

        close = difflib.get_close_matches(lowered, list(names), n=1, cutoff=0.8)
        return names[close[0]] if close else None


def _american_variants(lowered: str) -> list[str]:
    """Spellings of a lower-cased name with British endings made American."""
    variants: list[str] = []
    frontier = [lowered]
    for british, american in _SPELLINGS:
        pattern = re.compile(re.escape(british))
        grown: list[str] = []
        for word in frontier:
            if british in word:
                grown.append(pattern.sub(american, word))
        frontier.extend(grown)
        variants.extend(grown)
    return variants


def _parse(data: bytes) -> Any:
    # orjson parses faster but costs ~25 ms to import; use it only when some other
    # part of the process has already paid for it.
    fast = sys.modules.get("orjson")
    if fast is not None:
        return fast.loads(data)
    return json.loads(data)


@cache
def load(release: str = DEFAULT_RELEASE) -> Vocabulary:
    """The bundled vocabulary of a schema.org release, read once per process.

    The index is package data read through the package's loader (``pkgutil.get_data``,
    which works from a wheel or zip like ``importlib.resources`` but imports in a
    third of the time).
    """
    data = pkgutil.get_data(__name__, f"schemaorg-{release}.json")
    if data is None:
        raise FileNotFoundError(f"no bundled schema.org index for release {release}")
    index = _parse(data)
    if not isinstance(index, dict):
        raise ValueError(f"bundled schema.org index {release} is not a JSON object")
    return Vocabulary(index)
