"""The vocabulary layer: types and properties against the bundled schema.org release.

It reads ``doc.graph`` (set by the jsonld layer) and asks the index of
:mod:`schema_pub.vocab`: do the types and properties exist (with a "did you mean"),
is each property expected on its node's types (domain, with schema.org's Role
pattern), does each value fit the property (range), is a term superseded, does each
``@id`` reference lead somewhere. Names of other vocabularies (foreign IRIs) are left
alone.

Schema.org is permissive and so is this layer where schema.org is: text where an
entity is expected, an entity of an unexpected class and a property outside its
declared domain are warnings. Errors are kept for what no reading makes right: a
misspelt term, a number where a Person is expected, a date that is not ISO 8601, a
value outside an enumeration.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, cast

from schema_pub.validate.document import Document
from schema_pub.validate.findings import Finding, Rule, Severity
from schema_pub.validate.layers._graph import LITERAL, NODE, Graph, Node, Value, _KeyPlan
from schema_pub.validate.layers._types import ANCESTORS, ancestors_of, default_vocab

if TYPE_CHECKING:
    from schema_pub.vocab import Vocabulary

__all__ = [
    "DANGLING_REFERENCE",
    "ENTITY_TYPE_MISMATCH",
    "INVALID_VALUE",
    "NOT_ENUMERATION_MEMBER",
    "RULES",
    "SUPERSEDED_TERM",
    "TEXT_FOR_ENTITY",
    "UNEXPECTED_PROPERTY",
    "UNKNOWN_PROPERTY",
    "UNKNOWN_TYPE",
    "check",
    "check_graph",
]

LAYER = "vocabulary"
SOURCE = "https://schema.org/docs/datamodel.html"

UNKNOWN_PROPERTY = Rule(
    "SP201",
    "unknown-property",
    Severity.ERROR,
    "A key reads as a schema.org property that does not exist in the release.",
    LAYER,
    SOURCE,
)
UNKNOWN_TYPE = Rule(
    "SP202",
    "unknown-type",
    Severity.ERROR,
    "An @type reads as a schema.org class that does not exist in the release.",
    LAYER,
    SOURCE,
)
UNEXPECTED_PROPERTY = Rule(
    "SP203",
    "unexpected-property",
    Severity.WARNING,
    "A property is not expected on any of the node's types (its domain), Role "
    "nodes carrying their parent's property excepted.",
    LAYER,
    SOURCE,
)
INVALID_VALUE = Rule(
    "SP204",
    "invalid-value",
    Severity.ERROR,
    "A literal does not fit the property's range: a number where an entity is "
    "expected, text that is not an ISO 8601 Date or DateTime, not a URL, not a "
    "Boolean, not an Integer or Number.",
    LAYER,
    SOURCE,
)
TEXT_FOR_ENTITY = Rule(
    "SP205",
    "text-for-entity",
    Severity.WARNING,
    "Text where the range expects an entity (schema.org allows it; consumers understand less).",
    LAYER,
    SOURCE,
)
ENTITY_TYPE_MISMATCH = Rule(
    "SP206",
    "unexpected-value-type",
    Severity.WARNING,
    "An embedded node's types are none of the classes the property's range expects.",
    LAYER,
    SOURCE,
)
NOT_ENUMERATION_MEMBER = Rule(
    "SP207",
    "not-enumeration-member",
    Severity.ERROR,
    "A value names a term that is not a member of the enumeration the property expects.",
    LAYER,
    SOURCE,
)
SUPERSEDED_TERM = Rule(
    "SP208",
    "superseded-term",
    Severity.WARNING,
    "A type, property or enumeration member is superseded by another term.",
    LAYER,
    SOURCE,
)
DANGLING_REFERENCE = Rule(
    "SP209",
    "dangling-reference",
    Severity.WARNING,
    "An @id reference points to no node declared in the document or the page.",
    LAYER,
    SOURCE,
)

RULES: tuple[Rule, ...] = (
    UNKNOWN_PROPERTY,
    UNKNOWN_TYPE,
    UNEXPECTED_PROPERTY,
    INVALID_VALUE,
    TEXT_FOR_ENTITY,
    ENTITY_TYPE_MISMATCH,
    NOT_ENUMERATION_MEMBER,
    SUPERSEDED_TERM,
    DANGLING_REFERENCE,
)

# -- literal formats -------------------------------------------------------------------

_DATE = r"-?\d{4,}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?"
_TIME = r"(?:[01]\d|2[0-4]):[0-5]\d(?::[0-5]\d(?:[.,]\d+)?)?"
_ZONE = r"(?:Z|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?)?"
DATE_RE = re.compile(rf"{_DATE}(?:[T ]{_TIME}{_ZONE})?\Z")
TIME_RE = re.compile(rf"{_TIME}{_ZONE}\Z")
_INTEGER_RE = re.compile(r"[+-]?\d+\Z")
_NUMBER_RE = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\Z")
_TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z0-9_]*\Z")
_BOOLEAN_TEXT = frozenset({"true", "false", "True", "False"})

_TEXTUAL = frozenset({"Text", "CssSelectorType", "XPathType", "PronounceableText"})
_QUANTITY = frozenset({"Quantity", "Distance", "Duration", "Energy", "Mass"})
_NUMERIC_ENTITIES = frozenset({"QuantitativeValue"})
_ROLE = "Role"


_SPACE_RE = re.compile(r"\s")
_SCALAR_TYPES = (str, int, float, bool)
_SCALAR_SET = frozenset(_SCALAR_TYPES)


def is_url(text: str) -> bool:
    """A URL or relative reference as far as a validator can tell without guessing."""
    stripped = text.strip()
    return bool(stripped) and _SPACE_RE.search(stripped) is None


def is_iso_date(text: str) -> bool:
    """ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD) or date and time."""
    return DATE_RE.match(text.strip()) is not None


@dataclass(frozen=True)
class RangeInfo:
    """What kinds of value a property's range admits."""

    names: frozenset[str]
    text: bool
    url: bool
    number: bool
    integer: bool
    boolean: bool
    date: bool
    time: bool
    quantity: bool
    entities: frozenset[str]  # classes that are not data types (enumerations included)
    enums: frozenset[str]  # enumerations in the range
    numeric_entity: bool
    #: A JSON integer fits (the number check passes it without a word).
    integer_fits: bool = False

    @property
    def expected(self) -> str:
        return " or ".join(sorted(self.names))


_RANGE_CACHE: dict[str, RangeInfo | None] = {}


def range_info(vocab: Vocabulary, prop: str) -> RangeInfo | None:
    """The kinds of value ``prop`` admits (None when its range is unknown)."""
    try:
        return _RANGE_CACHE[prop]
    except KeyError:
        pass
    ranges = vocab.ranges(prop)
    info: RangeInfo | None = None
    if ranges:
        datatypes = {r for r in ranges if vocab.is_datatype(r)}
        entities = frozenset(r for r in ranges if r not in datatypes)
        info = RangeInfo(
            names=frozenset(ranges),
            text=bool(datatypes & _TEXTUAL),
            url="URL" in datatypes,
            number=bool(datatypes & {"Number", "Float"}),
            integer="Integer" in datatypes,
            boolean="Boolean" in datatypes,
            date=bool(datatypes & {"Date", "DateTime"}),
            time="Time" in datatypes,
            quantity=bool(datatypes & _QUANTITY),
            entities=entities,
            enums=frozenset(e for e in entities if vocab.is_enumeration(e)),
            numeric_entity=bool(entities & _NUMERIC_ENTITIES),
        )
        info = replace(
            info,
            integer_fits=info.number
            or info.quantity
            or info.numeric_entity
            or info.text
            or info.integer,
        )
    _RANGE_CACHE[prop] = info
    return info


def _fits_text(info: RangeInfo, raw: str) -> bool:
    """A quick yes for the common string values (URLs, dates) of non-text ranges."""
    if info.url and raw:
        # No space and nothing unprintable means no whitespace at all (every other
        # whitespace character is a control or separator character, unprintable).
        if " " not in raw and raw.isprintable():
            return True
        if _SPACE_RE.search(raw) is None:
            return True
    if not info.date:
        return False
    fits = _DATE_FITS.get(raw)
    if fits is None:
        fits = DATE_RE.match(raw) is not None
        if len(_DATE_FITS) < 10_000:
            _DATE_FITS[raw] = fits
    return fits


#: Date string -> whether it is ISO 8601; the same dates recur across a site's pages.
_DATE_FITS: dict[str, bool] = {}


@dataclass(frozen=True)
class _Shape:
    """What the checks need to know about one combination of types (cached)."""

    schema_types: tuple[str, ...]
    unknown: bool
    superseded: bool
    is_role: bool
    allowed: frozenset[str] | None  # None: no domain check (untyped or unknown types)


@dataclass(frozen=True)
class _PropTerm:
    known: bool
    successor: str | None
    info: RangeInfo | None


@dataclass(frozen=True)
class _Plan:
    """The checks of one kind of node: (types, property names, Role parent) -> plan.

    ``static`` holds the findings that depend on names alone (unknown, superseded,
    unexpected properties); ``checks`` the properties whose values need a look.
    """

    static: tuple[tuple[Rule, str, str, str | None, dict[str, Any]], ...]
    checks: tuple[tuple[str, RangeInfo, bool], ...]


_PLANS: dict[tuple[Any, ...], _Plan] = {}
_KeyedChecks = tuple[tuple[str, str, RangeInfo, bool], ...]

_SHAPES: dict[tuple[str, ...], _Shape] = {}
_PROPS: dict[str, _PropTerm] = {}


def _shape(vocab: Vocabulary, types: tuple[str, ...]) -> _Shape:
    schema_types = tuple(t for t in types if ":" not in t)
    known = [t for t in schema_types if vocab.is_class(t)]
    unknown = len(known) != len(schema_types)
    allowed: frozenset[str] | None = None
    if known and not unknown:
        props: set[str] = set()
        for t in known:
            props.update(vocab.properties_of(t))
        allowed = frozenset(props)
    shape = _Shape(
        schema_types=schema_types,
        unknown=unknown,
        superseded=any(vocab.superseded_by(t) is not None for t in known),
        is_role=any(vocab.is_subclass(t, _ROLE) for t in known),
        allowed=allowed,
    )
    if len(_SHAPES) < 10_000:
        _SHAPES[types] = shape
    return shape


def _plan(
    vocab: Vocabulary, shape: _Shape, names: tuple[str, ...], role_parent: str | None
) -> _Plan:
    static: list[tuple[Rule, str, str, str | None, dict[str, Any]]] = []
    checks: list[tuple[str, RangeInfo, bool]] = []
    allowed = shape.allowed
    for prop in names:
        if ":" in prop:
            continue
        term = _PROPS.get(prop)
        if term is None:
            term = _prop_term(vocab, prop)
        if not term.known:
            hint = vocab.suggest(prop, "property")
            what = "a type, not a property" if vocab.is_class(prop) else "not a property"
            static.append(
                (
                    UNKNOWN_PROPERTY,
                    prop,
                    f"unknown property {prop!r}: {what} of schema.org",
                    f"did you mean {hint!r}?" if hint and hint != prop else None,
                    {"suggestion": hint},
                )
            )
            continue
        if term.successor is not None:
            static.append(
                (
                    SUPERSEDED_TERM,
                    prop,
                    f"the property {prop!r} is superseded by {term.successor!r}",
                    f"use {term.successor!r}",
                    {},
                )
            )
        if allowed is not None and prop not in allowed and prop != role_parent:
            static.append(
                (
                    UNEXPECTED_PROPERTY,
                    prop,
                    f"{prop!r} is not a property of {', '.join(shape.schema_types)}",
                    _domain_hint(vocab, prop),
                    {},
                )
            )
        if term.info is not None:
            checks.append((prop, term.info, term.info.text or term.info.quantity))
    return _Plan(tuple(static), tuple(checks))


def _prop_term(vocab: Vocabulary, prop: str) -> _PropTerm:
    known = vocab.is_property(prop)
    term = _PropTerm(
        known=known,
        successor=vocab.superseded_by(prop) if known else None,
        info=range_info(vocab, prop) if known else None,
    )
    if len(_PROPS) < 10_000:
        _PROPS[prop] = term
    return term


# -- the checks ----------------------------------------------------------------------------


class _Checker:
    def __init__(
        self,
        vocab: Vocabulary,
        graph: Graph,
        known_ids: AbstractSet[str],
        late_ids: Callable[[], AbstractSet[str]] | None = None,
    ) -> None:
        self.vocab = vocab
        self.graph = graph
        #: The @ids known at once (the quick checks consult only these: a miss sends
        #: the value to the full check, which also asks ``late_ids``).
        self.known_ids = known_ids
        #: The page's @ids, worked out only when a reference is not among known_ids.
        self.late_ids = late_ids

    def run(self) -> list[Finding]:
        """Check every node: its types, the names of its properties (a plan worked out
        once per key plan and types) and each value against its range."""
        out: list[Finding] = []
        for node in self.graph.nodes:
            types = node.types
            key_plan = node.plan
            checks: tuple[tuple[str | None, str, RangeInfo, bool], ...]
            if key_plan is not None and key_plan.last_types is types and not node.extra:
                # The types and keys of the last plain node of this key plan: no type
                # finding, no Role parent, the plan and its checks already worked out.
                plan, checks = key_plan.last_derived
            else:
                plan, checks = self.prepare(node, types, key_plan, out)
            for rule, prop, message, hint, extra in plan.static:
                if _written(node, prop):
                    out.append(rule(message, path=node.prop_path(prop), hint=hint, **extra))
            if node.extra:
                # values read eagerly by the reader (no key of obj to look at)
                for _, prop, info, text_like in checks:
                    for value in node.values(prop):
                        if text_like:
                            # Any text fits: only embedded nodes can be of the wrong kind.
                            if value.kind == NODE:
                                finding = self.embedded(prop, info, value)
                                if finding is not None:
                                    out.append(finding)
                            continue
                        finding = self.value(prop, info, value)
                        if finding is not None:
                            out.append(finding)
                continue
            obj = node.obj
            children = node.children
            # a plain node: every check names the key of obj that holds its property
            for obj_key, prop, info, text_like in cast("_KeyedChecks", checks):
                raw: Any = obj[obj_key]
                kind = type(raw)
                if kind is str:
                    if text_like:
                        continue
                    # _fits_text's commonest yes (a URL), without the call
                    if info.url and raw and " " not in raw and raw.isprintable():
                        continue
                    if _fits_text(info, raw):
                        continue
                elif text_like:
                    # Any text fits: only embedded nodes can be of the wrong kind.
                    if kind in _SCALAR_SET:
                        continue
                    if kind is list and _SCALAR_SET.issuperset(map(type, raw)):
                        continue  # a list of literals (keywords): no node among them
                    for value in node.values(prop):
                        if value.kind == NODE:
                            finding = self.embedded(prop, info, value)
                            if finding is not None:
                                out.append(finding)
                    continue
                elif kind is dict:
                    if children is not None:
                        # objects_fit's commonest yes: one reference to a node of the page
                        child = children.get(id(raw))
                        if (
                            type(child) is str
                            and child in self.known_ids
                            and not child.startswith(_SCHEMA_PREFIXES)
                        ):
                            continue
                    if self.objects_fit(node, raw, info):
                        continue
                elif kind is list:
                    if self.objects_fit(node, raw, info):
                        continue
                elif kind is int:
                    if info.integer_fits:
                        continue  # what literal() and number() say of a JSON integer here
                elif isinstance(raw, str):  # a subclass of str, as str above
                    if _fits_text(info, raw):
                        continue
                elif isinstance(raw, (dict, list)) and self.objects_fit(node, raw, info):
                    continue
                for value in node.values(prop):
                    finding = self.value(prop, info, value)
                    if finding is not None:
                        out.append(finding)
        return out

    def prepare(
        self, node: Node, types: tuple[str, ...], key_plan: _KeyPlan | None, out: list[Finding]
    ) -> tuple[_Plan, tuple[tuple[str | None, str, RangeInfo, bool], ...]]:
        """The type findings of a node, and the plan and checks of its properties."""
        shape = _SHAPES.get(types)
        if shape is None:
            shape = _shape(self.vocab, types)
        if shape.unknown or shape.superseded:
            out.extend(self.type_findings(node))
        role_parent = node.parent_prop if shape.is_role else None
        checks: tuple[tuple[str | None, str, RangeInfo, bool], ...]
        if key_plan is not None and not node.extra:
            # Objects spelt with the same keys share the plan and its keyed checks.
            memo = types if role_parent is None else (types, role_parent)
            derived = key_plan.derived.get(memo)
            if derived is None:
                plan = self.plan(shape, types, tuple(node.keys), role_parent)
                keys = node.keys
                derived = (plan, tuple((keys[p], p, i, t) for p, i, t in plan.checks))
                if len(key_plan.derived) < 256:
                    key_plan.derived[memo] = derived
            if not (shape.unknown or shape.superseded or shape.is_role):
                key_plan.last_types = types
                key_plan.last_derived = derived
            return derived
        names = tuple(node.keys) if not node.extra else tuple(node.names())
        plan = self.plan(shape, types, names, role_parent)
        keys = node.keys
        plain = not node.extra
        checks = tuple((keys[p] if plain else None, p, i, t) for p, i, t in plan.checks)
        return plan, checks

    def plan(
        self, shape: _Shape, types: tuple[str, ...], names: tuple[str, ...], role_parent: str | None
    ) -> _Plan:
        key = (types, names, role_parent)
        plan = _PLANS.get(key)
        if plan is None:
            plan = _plan(self.vocab, shape, names, role_parent)
            if len(_PLANS) < 20_000:
                _PLANS[key] = plan
        return plan

    def objects_fit(self, node: Node, raw: Any, info: RangeInfo) -> bool:
        """A quick yes when every value is a known reference or a node that fits.

        Saves building values for the common case; on any doubt (a literal, an
        unknown reference, a node of an unexpected type) the full check runs.
        """
        children = node.children
        items = raw if type(raw) is list else (raw,)
        known = self.known_ids
        names = info.names
        vocab = self.vocab
        # Strings of a list get the quick yes of a lone string (not where a string may
        # name an enumeration member, whose supersession the full check reports).
        strings_fit = not (info.enums or info.boolean)
        url = info.url
        for item in items:
            kind = type(item)
            if kind is str:
                if strings_fit and (
                    (url and item and " " not in item and item.isprintable())
                    or _fits_text(info, item)
                ):
                    continue
                return False
            if kind is not dict or children is None:
                return False
            child = children.get(id(item))
            if child is None:
                return False
            if type(child) is str:
                if child not in known or child.startswith(_SCHEMA_PREFIXES):
                    return False
                continue
            assert isinstance(child, Node)
            ancestors = ANCESTORS.get(child.types)
            if ancestors is None:
                ancestors = ancestors_of(vocab, child.types)
            if ancestors and _ROLE not in ancestors and ancestors.isdisjoint(names):
                return False
        return True

    def type_findings(self, node: Node) -> Iterator[Finding]:
        vocab = self.vocab
        for name, tpath in zip(node.types, node.type_path, strict=True):
            if ":" in name:
                continue
            if not vocab.is_class(name):
                hint = vocab.suggest(name, "class")
                what = "a property" if vocab.is_property(name) else "not a schema.org type"
                yield UNKNOWN_TYPE(
                    f"unknown type {name!r}: {what}",
                    path=tpath,
                    hint=f"did you mean {hint!r}?" if hint and hint != name else None,
                    suggestion=hint,
                )
                continue
            successor = vocab.superseded_by(name)
            if successor is not None:
                yield SUPERSEDED_TERM(
                    f"the type {name!r} is superseded by {successor!r}",
                    path=tpath,
                    hint=f"use {successor!r}",
                )

    # values

    def value(self, prop: str, info: RangeInfo, value: Value) -> Finding | None:
        kind = value.kind
        if kind == LITERAL:
            return self.literal(prop, info, value)
        if kind == NODE:
            return self.embedded(prop, info, value)
        return self.reference(prop, info, value)

    def literal(self, prop: str, info: RangeInfo, value: Value) -> Finding | None:
        raw = value.raw
        if value.datatype is not None and ":" in value.datatype:
            return None  # a typed literal of another vocabulary (xsd:gYear, ...)
        if isinstance(raw, bool):
            if info.boolean or info.text:
                return None
            return INVALID_VALUE(
                f"{prop!r} expects {info.expected}, not the boolean {str(raw).lower()}",
                path=value.path,
            )
        elif isinstance(raw, (int, float)):
            return self.number(prop, info, value, raw)
        elif isinstance(raw, str):
            return self.text(prop, info, value, raw)
        return None

    def number(self, prop: str, info: RangeInfo, value: Value, raw: int | float) -> Finding | None:
        if info.number or info.quantity or info.numeric_entity or info.text:
            return None
        if info.integer:
            if isinstance(raw, int) or float(raw).is_integer():
                return None
            return INVALID_VALUE(
                f"{prop!r} expects an Integer, not {raw!r}",
                path=value.path,
                hint=f"write {round(raw)}" if abs(raw) < 1e15 else None,
            )
            return None
        if info.date and not info.entities:
            return INVALID_VALUE(
                f"{prop!r} expects an ISO 8601 {info.expected}, not the number {raw!r}",
                path=value.path,
                hint='write the date as text, e.g. "2024-01-05"',
            )
            return None
        return INVALID_VALUE(
            f"{prop!r} expects {info.expected}, not the number {raw!r}",
            path=value.path,
        )

    def text(self, prop: str, info: RangeInfo, value: Value, raw: str) -> Finding | None:
        if info.text or info.quantity:
            return None
        vocab = self.vocab
        stripped = raw.strip()
        if info.enums or info.boolean:
            member = _member_name(stripped)
            if member is not None and self.is_member_of(member, info):
                return self.superseded_member(member, value)
        if info.boolean and stripped in _BOOLEAN_TEXT:
            return None
        if info.date and DATE_RE.match(stripped):
            return None
        if info.time and TIME_RE.match(stripped):
            return None
        if info.integer and _INTEGER_RE.match(stripped):
            return None
        if info.number and _NUMBER_RE.match(stripped):
            return None
        if info.url and is_url(stripped):
            return None
        plain_entities = info.entities - info.enums
        if info.enums and not plain_entities:
            member = _member_name(stripped)
            if member is not None and (vocab.is_term(member) or _TOKEN_RE.match(stripped)):
                return self.not_member(prop, info, value, member)
        if info.entities:
            if info.numeric_entity and _NUMBER_RE.match(stripped):
                return None
            return TEXT_FOR_ENTITY(
                f"{prop!r} expects {info.expected}; text is allowed but says less",
                path=value.path,
                hint=_entity_hint(info),
            )
            return None
        return INVALID_VALUE(
            f"{prop!r} expects {_kind_phrase(info)}, not {_shorten(raw)!r}",
            path=value.path,
            hint=_format_hint(info),
        )

    def is_member_of(self, member: str, info: RangeInfo) -> bool:
        vocab = self.vocab
        owners = vocab.enumeration_of(member)
        if not owners:
            return False
        wanted = info.enums | ({"Boolean"} if info.boolean else frozenset())
        return any(not wanted.isdisjoint(vocab.ancestors(o)) for o in owners)

    def not_member(self, prop: str, info: RangeInfo, value: Value, member: str) -> Finding:
        vocab = self.vocab
        members: set[str] = set()
        for enum in info.enums:
            members.update(vocab.members(enum))
        lowered = {m.lower(): m for m in members}
        hint_name = lowered.get(member.lower())
        if hint_name is None:
            import difflib

            close = difflib.get_close_matches(member.lower(), sorted(lowered), n=1, cutoff=0.7)
            hint_name = lowered[close[0]] if close else None
        shown = ", ".join(sorted(members)[:8]) + (", ..." if len(members) > 8 else "")
        return NOT_ENUMERATION_MEMBER(
            f"{member!r} is not a member of {' or '.join(sorted(info.enums))} "
            f"(expected by {prop!r})",
            path=value.path,
            hint=f"did you mean {hint_name!r}?" if hint_name else f"one of: {shown}",
        )

    def superseded_member(self, member: str, value: Value) -> Finding | None:
        successor = self.vocab.superseded_by(member)
        if successor is None:
            return None
        return SUPERSEDED_TERM(
            f"the enumeration member {member!r} is superseded by {successor!r}",
            path=value.path,
            hint=f"use {successor!r}",
        )

    def embedded(self, prop: str, info: RangeInfo, value: Value) -> Finding | None:
        node = value.node
        if node is None:
            return None
        vocab = self.vocab
        ancestors = ancestors_of(vocab, node.types)
        if not ancestors:
            return None  # untyped, foreign or unknown (already reported) types
        if _ROLE in ancestors:
            return None  # schema.org's Role pattern: the Role stands in for the value
        if not ancestors.isdisjoint(info.names):
            return None
        if info.numeric_entity and "StructuredValue" in ancestors and info.quantity:
            return None
        known = [t for t in node.types if ":" not in t and vocab.is_class(t)]
        return ENTITY_TYPE_MISMATCH(
            f"{prop!r} expects {info.expected}, not {', '.join(known)}",
            path=value.path,
        )

    def reference(self, prop: str, info: RangeInfo, value: Value) -> Finding | None:
        ref = value.raw
        if not isinstance(ref, str):
            return None
        if ref.startswith(_SCHEMA_PREFIXES):
            member = _member_name(ref)
            if member is not None and (info.enums or info.boolean):
                if self.is_member_of(member, info):
                    return self.superseded_member(member, value)
                elif not (info.text or info.url or info.entities - info.enums):
                    return self.not_member(prop, info, value, member)
            return None
        if ref in self.known_ids or (self.late_ids is not None and ref in self.late_ids()):
            return None
        if info.url and "#" not in ref and ref.startswith(("http://", "https://")):
            return None  # a link to another resource, not a node of this page
        return DANGLING_REFERENCE(
            f"{prop!r} refers to {ref!r}, which no node of this page declares",
            path=value.path,
            hint="declare a node with that @id, or fix the reference",
        )


_SCHEMA_PREFIXES = ("http://schema.org/", "https://schema.org/", "schema:")


def _written(node: Node, prop: str) -> bool:
    """Whether the document writes the property, for findings about its name.

    A name is reported when it has a value, and also when its key holds an empty
    list or an object that yields no value (``{"@value": null}``): the key is
    still there to be fixed.
    """
    if node.has(prop):
        return True
    key = node.keys.get(prop)
    if key is None:
        return False
    raw = node.obj[key]
    return raw == [] or type(raw) is dict


def _member_name(text: str) -> str | None:
    from schema_pub.vocab import local_name

    return local_name(text)


def _domain_hint(vocab: Vocabulary, prop: str) -> str | None:
    domains = sorted(vocab.domains(prop))
    if not domains:
        return None
    shown = ", ".join(domains[:5]) + (", ..." if len(domains) > 5 else "")
    return f"{prop!r} is expected on {shown}"


def _entity_hint(info: RangeInfo) -> str:
    first = sorted(info.entities - info.enums) or sorted(info.entities)
    return f'write an object, e.g. {{"@type": "{first[0]}", "name": ...}}'


def _kind_phrase(info: RangeInfo) -> str:
    kinds: list[str] = []
    if info.date:
        kinds.append("an ISO 8601 " + " or ".join(sorted(info.names & {"Date", "DateTime"})))
    if info.time:
        kinds.append("an ISO 8601 Time")
    if info.url:
        kinds.append("a URL")
    if info.boolean:
        kinds.append("a Boolean (true or false)")
    if info.integer:
        kinds.append("an Integer")
    if info.number:
        kinds.append("a Number")
    if info.enums:
        kinds.append("a member of " + " or ".join(sorted(info.enums)))
    return " or ".join(kinds) if kinds else info.expected


def _format_hint(info: RangeInfo) -> str | None:
    if info.date:
        return 'ISO 8601, e.g. "2024-01-05" or "2024-01-05T08:00:00+01:00"'
    if info.time:
        return 'ISO 8601, e.g. "08:00:00+01:00"'
    if info.boolean:
        return "write true or false (JSON booleans)"
    if info.url:
        return "an absolute URL has no spaces, e.g. https://example.com/page"
    if info.integer or info.number:
        return "write a JSON number"
    return None


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_graph(
    graph: Graph,
    *,
    page_ids: frozenset[str] | Callable[[], AbstractSet[str]] = frozenset(),
    vocab: Vocabulary | None = None,
) -> Iterator[Finding]:
    """The vocabulary findings of one graph.

    ``page_ids``: the @ids declared by the page, or a function that returns them,
    called only if a reference is not to one of the graph's own nodes.
    """
    if vocab is None:
        vocab = default_vocab()
    # the graph's own @ids (read, never changed, by the checks) and the page's
    if callable(page_ids):
        return iter(_Checker(vocab, graph, graph.ids, page_ids).run())
    known: AbstractSet[str] = graph.ids if not page_ids else frozenset(page_ids) | graph.ids
    return iter(_Checker(vocab, graph, known).run())


def check(doc: Document) -> Iterator[Finding]:
    """Check ``doc.graph`` (set by the jsonld layer) against schema.org."""
    graph = doc.graph
    if not isinstance(graph, Graph):
        return
    # A lone document declares its own nodes (graph.ids); the blocks of a page share
    # theirs through doc.page_ids. (The pipeline's page_ids may also hold the @id of
    # mere references, so it is only consulted for the blocks of a page.)
    if doc.block is None:
        yield from check_graph(graph)
    elif doc.page_ids_known():
        yield from check_graph(graph, page_ids=doc.page_ids)
    else:
        # The lone block of a page: its @ids are collected from the data only if a
        # reference is to none of the graph's own nodes (rare in valid markup).
        yield from check_graph(graph, page_ids=_page_ids_of(doc))


def _page_ids_of(doc: Document) -> Callable[[], AbstractSet[str]]:
    def page_ids() -> AbstractSet[str]:
        return doc.page_ids

    return page_ids
