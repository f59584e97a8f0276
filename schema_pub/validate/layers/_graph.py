"""The reading of a JSON-LD document that the semantic layers share.

The jsonld layer decides how each key and type of a document maps to an IRI (fast
path: a small term table for the schema.org context; slow path: pyld processes the
context) and then walks the JSON once with :func:`read`, producing a :class:`Graph`:
every node object of the document, wherever it sits, with its JSON path, its types,
its properties and their values. Names are schema.org local names (``"headline"``,
``"NewsArticle"``) when the IRI is in schema.org's namespace, and the full IRI
otherwise (a foreign name always contains a ``:``, a schema.org one never does).

The vocabulary, google and newsroom layers read only this structure, so they never
care which spelling of the context, which aliases or which nesting a document used.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from schema_pub.validate.findings import JsonPath

__all__ = [
    "LITERAL",
    "NODE",
    "REF",
    "Graph",
    "Node",
    "Resolver",
    "Scoper",
    "Value",
    "is_schema_name",
    "read",
]

LITERAL = 0
NODE = 1
REF = 2

#: Resolves a key or a type name of the document to a name (schema.org local name or
#: foreign IRI), a keyword (``"@id"``, ``"@type"``, ...), or None when the active
#: context does not map it (a JSON-LD processor drops it).
Resolver = Callable[[str], "str | None"]

#: Given a node object's own ``@context`` value and the resolver in force, returns the
#: resolver for that object and everything below it.
Scoper = Callable[[Any, Resolver], Resolver]


def is_schema_name(name: str) -> bool:
    """True for a schema.org local name, False for a foreign IRI."""
    return ":" not in name


class Value:
    """One value of one property: a literal, an embedded node or an ``@id`` reference."""

    __slots__ = ("datatype", "kind", "language", "node", "path", "raw")

    def __init__(
        self,
        kind: int,
        path: JsonPath,
        raw: Any = None,
        node: Node | None = None,
        datatype: str | None = None,
        language: str | None = None,
    ) -> None:
        self.kind = kind
        self.path = path
        #: The literal (str, int, float, bool) or, for a reference, the ``@id`` string.
        self.raw = raw
        self.node = node
        #: The ``@type`` of a value object, resolved like a type name.
        self.datatype = datatype
        self.language = language

    def __repr__(self) -> str:
        kind = ("literal", "node", "ref")[self.kind]
        shown = self.node.types if self.node is not None else self.raw
        return f"Value({kind}, {shown!r}, path={self.path!r})"


class Node:
    """One node object of the document (top level, inside ``@graph`` or nested).

    Types are read at once; property values are built on first use of ``props``
    (most layers never look at most values, and a text value that nobody inspects
    costs nothing).
    """

    __slots__ = (
        "_complete",
        "_props",
        "_type_path",
        "children",
        "extra",
        "id",
        "keys",
        "obj",
        "parent",
        "parent_prop",
        "path",
        "plan",
        "types",
    )

    def __init__(
        self,
        path: JsonPath,
        parent: Node | None,
        parent_prop: str | None,
        obj: dict[str, Any] | None = None,
        plan: _KeyPlan | None = None,
    ) -> None:
        self.path = path
        self.parent = parent
        self.parent_prop = parent_prop
        self.obj: dict[str, Any] = obj if obj is not None else {}
        self.id: str | None = None
        #: Type names in document order (schema.org local names or foreign IRIs).
        self.types: tuple[str, ...] = ()
        #: Path of each type value (see ``type_path``); None: the plan's type key.
        self._type_path: tuple[JsonPath, ...] | None = ()
        #: Property name -> the key of ``obj`` that spells it (first one); shared
        #: with the key plan (and never written to) when the reader had one.
        self.keys: dict[str, str] = plan.keys if plan is not None else {}
        #: Values read eagerly (maps, ``@nest``, a name spelt by two keys).
        self.extra: list[tuple[str, JsonPath, list[Value]]] | None = None
        #: id() of each JSON object among the values -> its Node, or the @id it refers to.
        self.children: dict[int, Node | str] | None = None
        #: The reader's plan for this object's keys, when it had one (see _KeyPlan).
        self.plan = plan
        self._props: dict[str, list[Value]] | None = None  # made on first use
        self._complete = False

    @property
    def type_path(self) -> tuple[JsonPath, ...]:
        """Path of each type value (same order as ``types``)."""
        paths = self._type_path
        if paths is None:
            assert self.plan is not None and self.plan.type_key is not None
            paths = self._type_path = ((*self.path, self.plan.type_key),)
        return paths

    @type_path.setter
    def type_path(self, paths: tuple[JsonPath, ...]) -> None:
        self._type_path = paths

    def names(self) -> list[str]:
        """Names of the properties the node writes (before looking at the values)."""
        obj = self.obj
        out = [name for name, key in self.keys.items() if obj[key] is not None]
        if self.extra:
            for name, _, values in self.extra:
                if values and name not in out:
                    out.append(name)
        return out

    def is_scalar(self, name: str) -> bool:
        """True when the property is one plain JSON scalar (no list, no object)."""
        key = self.keys.get(name)
        return key is not None and type(self.obj[key]) in _SCALARS and not self.extra

    def prop_path(self, name: str) -> JsonPath:
        """Path of the first key that writes the property."""
        key = self.keys.get(name)
        if key is not None:
            return (*self.path, key)
        for extra_name, kpath, _ in self.extra or ():
            if extra_name == name:
                return kpath
        return self.path

    def values(self, name: str) -> list[Value]:
        """The values of one property, built on first use."""
        props = self._props
        if props is None:
            props = self._props = {}
        cached = props.get(name)
        if cached is not None or self._complete:
            return cached or []
        values: list[Value] = []
        key = self.keys.get(name)
        if key is not None:
            raw = self.obj[key]
            kpath = (*self.path, key)
            if type(raw) in _SCALARS:
                values.append(Value(LITERAL, kpath, raw))
            elif raw is not None:
                _collect(raw, kpath, self.children, values)
        if self.extra:
            for extra_name, _, extra_values in self.extra:
                if extra_name == name:
                    values.extend(extra_values)
        props[name] = values
        return values

    @property
    def props(self) -> dict[str, list[Value]]:
        """Property name -> its values (never empty lists; null values left out)."""
        if not self._complete:
            for name in self.names():
                self.values(name)
            self._props = {k: v for k, v in (self._props or {}).items() if v}
            self._complete = True
        return self._props  # type: ignore[return-value]

    @property
    def prop_paths(self) -> dict[str, JsonPath]:
        """Property name -> path of the first key that wrote it."""
        return {name: self.prop_path(name) for name in self.props}

    def says_something(self) -> bool:
        """True when the node has a type or a property key (a reference has neither)."""
        return bool(self.types or self.keys or self.extra)

    def has(self, prop: str) -> bool:
        """True when the property has at least one value."""
        key = self.keys.get(prop)
        if key is None:
            return bool(self.extra) and bool(self.values(prop))
        raw = self.obj[key]
        if type(raw) is str:
            return True  # the commonest value: one literal, whatever else the node holds
        if self.extra:
            return bool(self.values(prop))
        if type(raw) is list:
            children = self.children
            for item in raw:
                kind = type(item)
                if kind in _SCALARS:
                    return True
                if kind is dict and children is not None and id(item) in children:
                    return True
                if item is not None:
                    # @value, @list, nested lists: let values() decide
                    return bool(self.values(prop))
            return False
        if type(raw) is dict:
            # A node or a reference has a value; a value object may be null.
            children = self.children
            if children is not None and id(raw) in children:
                return True
            return bool(self.values(prop))
        return raw is not None

    def scalar(self, prop: str) -> Any:
        """The property's value when it is one plain JSON scalar, else None."""
        key = self.keys.get(prop)
        if key is None or self.extra:
            return None
        raw = self.obj[key]
        return raw if type(raw) in _SCALARS else None

    def targets(self, prop: str) -> list[Node | str]:
        """The embedded nodes and the ``@id`` references among a property's values, in
        order (what ``values`` holds of kinds NODE and REF), without building values
        when the property is one plain JSON value."""
        key = self.keys.get(prop)
        if key is not None and not self.extra:
            raw = self.obj[key]
            kind = type(raw)
            children = self.children
            if kind is list:
                out: list[Node | str] = []
                for item in raw:
                    item_kind = type(item)
                    if item_kind is dict and children is not None:
                        child = children.get(id(item))
                        if child is None:
                            break  # a value object, a list object: the general reading
                        out.append(child)
                    elif item is not None and item_kind not in _SCALARS:
                        break
                else:
                    return out
            elif kind is dict:
                child = children.get(id(raw)) if children is not None else None
                if child is not None:
                    return [child]
            else:
                return []  # a literal or null
        elif key is None and not self.extra:
            return []
        return [
            value.node if value.node is not None else value.raw
            for value in self.values(prop)
            if value.kind == NODE or value.kind == REF
        ]

    def first(self, prop: str) -> Value | None:
        values = self.values(prop)
        return values[0] if values else None

    def text(self, prop: str) -> str | None:
        """The first string literal of a property, if any."""
        key = self.keys.get(prop)
        if key is not None and not self.extra:
            raw = self.obj[key]
            if type(raw) is str:
                return raw
            if raw is None or type(raw) in _SCALARS:
                return None
        elif not self.extra:
            return None
        for value in self.values(prop):
            if value.kind == LITERAL and isinstance(value.raw, str):
                return value.raw
        return None

    def __repr__(self) -> str:
        return f"Node({self.types!r}, id={self.id!r}, path={self.path!r})"


_SCHEMA_NS = ("http://schema.org/", "https://schema.org/")


def _datatype(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    for ns in _SCHEMA_NS:
        if value.startswith(ns):
            return value[len(ns) :]
    if value.startswith("schema:"):
        return value[7:]
    return value


def _collect(
    raw: Any, vpath: JsonPath, children: dict[int, Node | str] | None, out: list[Value]
) -> None:
    """The values of one JSON value, using the reader's decisions about objects."""
    kind = type(raw)
    if kind in _SCALARS:
        out.append(Value(LITERAL, vpath, raw))
    elif kind is list:
        for i, item in enumerate(raw):
            item_kind = type(item)
            if item_kind in _SCALARS:
                out.append(Value(LITERAL, (*vpath, i), item))
            elif item_kind is dict and children is not None and id(item) in children:
                # A node or a reference (never a value object or a list: see scan).
                child = children[id(item)]
                if isinstance(child, str):
                    out.append(Value(REF, (*vpath, i), child))
                else:
                    out.append(Value(NODE, (*vpath, i), None, child))
            elif item is not None:
                _collect(item, (*vpath, i), children, out)
    elif kind is dict:
        if "@value" in raw:
            literal = raw["@value"]
            if literal is None or isinstance(literal, (dict, list)):
                return
            language = raw.get("@language")
            out.append(
                Value(
                    LITERAL,
                    (*vpath, "@value"),
                    literal,
                    datatype=_datatype(raw.get("@type")),
                    language=language if isinstance(language, str) else None,
                )
            )
            return
        for container in ("@list", "@set"):
            if container in raw:
                _collect(raw[container], (*vpath, container), children, out)
                return
        found = children.get(id(raw)) if children is not None else None
        if isinstance(found, Node):
            out.append(Value(NODE, vpath, node=found))
        elif isinstance(found, str):
            out.append(Value(REF, vpath, found))


@dataclass
class Graph:
    """The interpretation of one document that the later layers share."""

    nodes: list[Node] = field(default_factory=list)
    #: ``@id`` of every node object that says something about its subject.
    ids: set[str] = field(default_factory=set)
    #: ``"fast"`` (own term table) or ``"slow"`` (context processed by pyld).
    mode: str = "fast"
    #: Keys that the context leaves unmapped (a JSON-LD processor drops them).
    dropped: list[JsonPath] = field(default_factory=list)
    #: Keyword values of the wrong kind: (keyword, path, value).
    problems: list[tuple[str, JsonPath, Any]] = field(default_factory=list)
    #: The ``@context`` of node objects below the top level: (value, its path).
    contexts: list[tuple[Any, JsonPath]] = field(default_factory=list)
    _by_id: dict[str, Node] | None = field(default=None, repr=False, compare=False)

    def by_id(self) -> dict[str, Node]:
        """The first node declaring each ``@id`` (computed once, shared by the layers)."""
        if self._by_id is None:
            out: dict[str, Node] = {}
            for node in self.nodes:
                if node.id is not None and node.id not in out and (node.types or node.keys):
                    out[node.id] = node
            self._by_id = out
        return self._by_id

    def of_type(self, *names: str) -> Iterator[Node]:
        wanted = set(names)
        for node in self.nodes:
            if not wanted.isdisjoint(node.types):
                yield node


_SCALARS = (str, int, float, bool)


class _Reader:
    __slots__ = (
        "by_id",
        "dropped",
        "facts",
        "general",
        "graph",
        "ids",
        "nodes",
        "plain_plans",
        "plain_resolve",
        "problems",
        "scope",
    )

    def __init__(self, graph: Graph, scope: Scoper) -> None:
        self.graph = graph
        #: id(resolver) -> (resolver, its scoped contexts, its key plans), looked up once
        #: per resolver rather than once per node object.
        self.facts: dict[int, tuple[Resolver, dict[str, Any] | None, _Plans | None]] = {}
        self.scope = scope
        self.nodes = graph.nodes
        self.ids = graph.ids
        self.dropped = graph.dropped
        self.problems = graph.problems
        #: The last resolver met that has key plans and no scoped contexts, and its
        #: plans: node objects read under it go straight to :meth:`planned`.
        self.plain_resolve: Resolver | None = None
        self.plain_plans: _Plans = {}
        #: Graph.by_id, built on the way while every node object has a plan (each
        #: node's types and keys are then known before its children are read).
        self.by_id: dict[str, Node] = {}
        self.general = False

    def top(self, data: Any, resolve: Resolver) -> None:
        if isinstance(data, list):
            for i, item in enumerate(data):
                if isinstance(item, dict):
                    self.node(item, (i,), resolve, None, None, True)
        elif isinstance(data, dict):
            self.node(data, (), resolve, None, None, True)

    def node(
        self,
        obj: dict[str, Any],
        path: JsonPath,
        resolve: Resolver,
        parent: Node | None,
        parent_prop: str | None,
        top: bool = False,
    ) -> Node | None:
        if "@context" in obj:
            resolve = self.scope(obj["@context"], resolve)
            if not top:
                self.graph.contexts.append((obj["@context"], (*path, "@context")))
        elif resolve is self.plain_resolve:
            plan = self.plain_plans.get(tuple(obj))
            if plan is not None:
                return self.planned(obj, path, resolve, parent, parent_prop, top, plan)
        facts = self.facts.get(id(resolve))
        if facts is None or facts[0] is not resolve:
            facts = (resolve, _scoped_of(resolve), _plans_of(resolve))
            self.facts[id(resolve)] = facts
        plans = facts[2]
        if plans is not None and not facts[1]:
            self.plain_resolve = resolve
            self.plain_plans = plans
            spelling = tuple(obj)
            plan = plans.get(spelling)
            if plan is None:
                plan = _plan(obj, resolve)
                if len(plans) < 4096:
                    plans[spelling] = plan
            if plan is not None:
                return self.planned(obj, path, resolve, parent, parent_prop, top, plan)
        self.general = True  # this node object is read without a plan
        node = Node(path, parent, parent_prop, obj)
        nodes = self.nodes
        index = len(nodes)
        nodes.append(node)  # before its children: nodes come in document order
        later: list[tuple[Any, JsonPath]] = []
        own = resolve
        scoped = facts[1]
        if scoped:
            # Type-scoped contexts apply to this node's own keys, not to nested nodes.
            for name in sorted(_raw_types(obj, resolve)):
                if name in scoped:
                    own = self.scope(scoped[name], own)
        plans = facts[2]
        if plans is not None and own is resolve:
            plan = plans.get(tuple(obj))
            if plan is None:
                plan = _plan(obj, own)
                if len(plans) < 4096:
                    plans[tuple(obj)] = plan
            if plan is not None:
                del nodes[index]  # the planned reading appends it again, in the same place
                return self.planned(obj, path, own, parent, parent_prop, top, plan)
            self.fill(node, obj, path, own, later, _maps_of(own), resolve)
        else:
            self.fill(node, obj, path, own, later, _maps_of(own), resolve)
        says_something = bool(node.types or node.keys or node.extra)
        if says_something and node.id is not None:
            self.ids.add(node.id)
        if top and not says_something:
            del nodes[index]
        for value, vpath in later:
            self.loose(value, vpath, resolve)
        return node if (says_something or not top) else None

    def planned(
        self,
        obj: dict[str, Any],
        path: JsonPath,
        resolve: Resolver,
        parent: Node | None,
        parent_prop: str | None,
        top: bool,
        plan: _KeyPlan,
    ) -> Node | None:
        """:meth:`node` for a set of keys met before: no key is resolved again."""
        node = Node(path, parent, parent_prop, obj, plan)
        nodes = self.nodes
        nodes.append(node)  # before its children: nodes come in document order
        key = plan.id_key
        node_id: str | None = None
        if key is not None:
            value = obj[key]
            if type(value) is str or isinstance(value, str):
                node_id = value
            else:
                self.problems.append(("@id", (*path, key), value))
        node.id = node_id
        key = plan.type_key
        if key is None:
            node.types = ()
            node._type_path = ()
        else:
            value = obj[key]
            if type(value) is str:
                # one tuple per type name and plan, shared by the nodes that write it
                types = plan.type_names.get(value)
                if types is None:
                    resolved = resolve(value)
                    types = (resolved,) if resolved is not None and resolved[:1] != "@" else ()
                    if len(plan.type_names) < 256:
                        plan.type_names[value] = types
                node.types = types
                # the path of the plan's type key, worked out when asked
                node._type_path = None if types else ()
            else:
                node.types = ()
                node._type_path = ()
                self.types(node, value, (*path, key), resolve)
        says_something = bool(node.types or plan.keys)
        if says_something and node_id is not None:
            self.ids.add(node_id)
            if node_id not in self.by_id:
                self.by_id[node_id] = node  # as Graph.by_id() would take it, in document order
        children = node.children
        for key, name in plan.props:
            value = obj[key]
            kind = type(value)
            if kind is list:
                # What scan does with a list, with its commonest items read here:
                # scalars (nothing to find), references and node objects.
                kpath: JsonPath | None = None
                for i, item in enumerate(value):
                    item_kind = type(item)
                    if item_kind is dict:
                        size = len(item)
                        if size == 1:
                            ref = item.get("@id")
                            if type(ref) is str:
                                if children is None:
                                    children = node.children = {}
                                children[id(item)] = ref
                                continue
                        elif (
                            size > 3
                            and "@value" not in item
                            and "@list" not in item
                            and "@set" not in item
                        ):
                            if kpath is None:
                                kpath = (*path, key)
                            # node(), without its call when the keys were met before
                            child_plan = (
                                self.plain_plans.get(tuple(item))
                                if resolve is self.plain_resolve and "@context" not in item
                                else None
                            )
                            if child_plan is not None:
                                child = self.planned(
                                    item, (*kpath, i), resolve, node, name, False, child_plan
                                )
                            else:
                                child = self.node(item, (*kpath, i), resolve, node, name)
                            if child is not None:
                                if children is None:
                                    children = node.children = {}
                                children[id(item)] = child
                            continue
                    elif item_kind is not list:
                        continue
                    if kpath is None:
                        kpath = (*path, key)
                    self.scan(item, (*kpath, i), resolve, node, name)
                    children = node.children
            elif kind is dict:
                size = len(value)
                if size == 1:
                    ref = value.get("@id")
                    if type(ref) is str:  # the commonest reference: {"@id": "..."}
                        if children is None:
                            children = node.children = {}
                        children[id(value)] = ref
                        continue
                elif (
                    size > 3
                    and resolve is self.plain_resolve
                    and "@value" not in value
                    and "@list" not in value
                    and "@set" not in value
                    and "@context" not in value
                ):
                    # one node object, as scan and node() read it, its keys met before
                    child_plan = self.plain_plans.get(tuple(value))
                    if child_plan is not None:
                        child = self.planned(
                            value, (*path, key), resolve, node, name, False, child_plan
                        )
                        if child is not None:
                            if children is None:
                                children = node.children = {}
                            children[id(value)] = child
                        continue
                self.scan(value, (*path, key), resolve, node, name)
                children = node.children
        if top and not says_something:
            nodes.remove(node)  # (by identity: a Node equals only itself)
        for key in plan.graph_keys:
            self.loose(obj[key], (*path, key), resolve)
        return node if (says_something or not top) else None

    def fill(
        self,
        node: Node,
        obj: dict[str, Any],
        path: JsonPath,
        resolve: Resolver,
        later: list[tuple[Any, JsonPath]],
        maps: frozenset[str],
        child: Resolver,
        nested: bool = False,
    ) -> None:
        keys = node.keys
        scoped = _scoped_of(resolve)
        for key, value in obj.items():
            if key[:1] == "@":
                name = key
            else:
                resolved = resolve(key)
                if resolved is None:
                    self.dropped.append((*path, key))
                    continue
                name = resolved
            if name[:1] == "@":
                if name == "@id":
                    if isinstance(value, str):
                        node.id = value
                    else:
                        self.problems.append(("@id", (*path, key), value))
                elif name == "@type":
                    if type(value) is str:
                        resolved = resolve(value)
                        if resolved is not None and resolved[:1] != "@":
                            node.types = (*node.types, resolved)
                            node.type_path = (*node.type_path, (*path, key))
                    else:
                        self.types(node, value, (*path, key), resolve)
                elif name == "@graph" or name == "@included":
                    later.append((value, (*path, key)))
                elif name == "@reverse":
                    if isinstance(value, dict):
                        for rkey, rvalue in value.items():
                            later.append((rvalue, (*path, key, rkey)))
                elif name == "@nest" and isinstance(value, dict):
                    self.fill(node, value, (*path, key), resolve, later, maps, child, True)
                continue
            kind = type(value)
            inner = child
            if scoped and key in scoped:
                inner = self.scope(scoped[key], child)  # a property-scoped context
            if not nested and name not in keys and (kind in _SCALARS or not maps):
                keys[name] = key
                if kind is dict or kind is list:
                    self.scan(value, (*path, key), inner, node, name)
                continue
            # The rare cases, read at once: maps, @nest, a name spelt by two keys.
            kpath = (*path, key)
            values: list[Value] = []
            if maps and kind is dict and key in maps:
                for mkey, mvalue in value.items():
                    if isinstance(mvalue, str):
                        values.append(Value(LITERAL, (*kpath, mkey), mvalue, language=mkey))
                    else:
                        self.scan(mvalue, (*kpath, mkey), inner, node, name)
                        _collect(mvalue, (*kpath, mkey), node.children, values)
            else:
                self.scan(value, kpath, inner, node, name)
                _collect(value, kpath, node.children, values)
            if node.extra is None:
                node.extra = []
            node.extra.append((name, kpath, values))

    def types(self, node: Node, value: Any, kpath: JsonPath, resolve: Resolver) -> None:
        if not isinstance(value, list):
            self.problems.append(("@type", kpath, value))
            return
        names: list[str] = []
        paths: list[JsonPath] = []
        for i, item in enumerate(value):
            if not isinstance(item, str):
                self.problems.append(("@type", (*kpath, i), item))
                continue
            resolved = resolve(item)
            if resolved is None or resolved[:1] == "@":
                continue
            names.append(resolved)
            paths.append((*kpath, i))
        if names:
            node.types = (*node.types, *names)
            node.type_path = (*node.type_path, *paths)

    def scan(self, value: Any, vpath: JsonPath, resolve: Resolver, owner: Node, prop: str) -> None:
        """Find the node objects and references among a property's values."""
        kind = type(value)
        if kind is list:
            for i, item in enumerate(value):
                item_kind = type(item)
                if item_kind is dict:
                    size = len(item)
                    if size == 1 and type(item.get("@id")) is str:
                        # A reference {"@id": "..."}, as the general case below reads it.
                        children = owner.children
                        if children is None:
                            children = owner.children = {}
                        children[id(item)] = item["@id"]
                        continue
                    if (
                        size > 3
                        and "@value" not in item
                        and "@list" not in item
                        and ("@set" not in item)
                    ):
                        # A node object, as the general case below reads it.
                        item_path = (*vpath, i)
                        child = self.node(item, item_path, resolve, owner, prop)
                        if child is not None:
                            children = owner.children
                            if children is None:
                                children = owner.children = {}
                            children[id(item)] = child
                        continue
                    self.scan(item, (*vpath, i), resolve, owner, prop)
                elif item_kind is list:
                    self.scan(item, (*vpath, i), resolve, owner, prop)
            return
        if kind is not dict:
            return
        if len(value) == 1 and type(value.get("@id")) is str:
            children = owner.children
            if children is None:
                children = owner.children = {}
            children[id(value)] = value["@id"]  # the commonest reference: {"@id": "..."}
            return
        if "@value" in value:
            raw = value["@value"]
            if isinstance(raw, (dict, list)):
                self.problems.append(("@value", (*vpath, "@value"), raw))
            return
        for container in ("@list", "@set"):
            if container in value:
                self.scan(value[container], (*vpath, container), resolve, owner, prop)
                return
        children = owner.children
        if children is None:
            children = owner.children = {}
        if len(value) <= 3:
            ref = _reference(value, resolve)
            if ref is not None:
                if isinstance(ref, str):
                    children[id(value)] = ref
                else:
                    self.problems.append(("@id", vpath, ref))
                return
        child = self.node(value, vpath, resolve, owner, prop)
        if child is not None:
            children[id(value)] = child

    def loose(self, value: Any, vpath: JsonPath, resolve: Resolver) -> None:
        """Node objects that belong to no property (``@graph``, ``@included``, ``@reverse``)."""
        if isinstance(value, list):
            for i, item in enumerate(value):
                if (
                    type(item) is dict
                    and len(item) > 3
                    and "@value" not in item
                    and "@list" not in item
                    and "@set" not in item
                ):
                    # a node, as below (node() without its call for keys met before)
                    plan = (
                        self.plain_plans.get(tuple(item))
                        if resolve is self.plain_resolve and "@context" not in item
                        else None
                    )
                    if plan is not None:
                        self.planned(item, (*vpath, i), resolve, None, None, False, plan)
                    else:
                        self.node(item, (*vpath, i), resolve, None, None)
                else:
                    self.loose(item, (*vpath, i), resolve)
        elif isinstance(value, dict):
            if "@value" in value or "@list" in value or "@set" in value:
                return
            if len(value) <= 3 and _reference(value, resolve) is not None:
                return
            self.node(value, vpath, resolve, None, None)


_NO_MAPS: frozenset[str] = frozenset()
_REFERENCE_KEYS = frozenset({"@id", "@context", "@index"})


def _maps_of(resolve: Resolver) -> frozenset[str]:
    """Keys whose values are maps (``@container`` language, index, id or type).

    A resolver bound to an object with a ``maps`` attribute declares them; the
    schema.org context has none.
    """
    owner = getattr(resolve, "__self__", None)
    maps = getattr(owner, "maps", None)
    return maps if isinstance(maps, frozenset) else _NO_MAPS


class _KeyPlan:
    """What the keys of one node object mean, for a resolver with a plan cache."""

    __slots__ = (
        "derived",
        "graph_keys",
        "id_key",
        "keys",
        "last_derived",
        "last_types",
        "props",
        "type_key",
        "type_names",
    )

    def __init__(self) -> None:
        #: What a later layer works out once for all objects spelt with these keys
        #: (the vocabulary layer: its checks, by types and Role parent).
        self.derived: dict[Any, Any] = {}
        #: The layer's last plain entry of ``derived``, by identity of the types tuple
        #: (nodes of one plan and type share one tuple): no lookup for the next node.
        self.last_types: tuple[str, ...] | None = None
        self.last_derived: Any = None
        self.keys: dict[str, str] = {}
        self.props: tuple[tuple[str, str], ...] = ()
        self.id_key: str | None = None
        self.type_key: str | None = None
        self.graph_keys: tuple[str, ...] = ()
        #: A type name written as one string -> the node's types (under this plan's
        #: resolver, which is fixed: plans belong to one term table).
        self.type_names: dict[str, tuple[str, ...]] = {}


_Plans = dict[tuple[str, ...], "_KeyPlan | None"]


def _plans_of(resolve: Resolver) -> _Plans | None:
    """The key-plan cache of a resolver that offers one (schema.org's term table)."""
    owner = getattr(resolve, "__self__", None)
    plans = getattr(owner, "plans", None)
    return plans if isinstance(plans, dict) else None


def _plan(obj: dict[str, Any], resolve: Resolver) -> _KeyPlan | None:
    """A plan for these keys, or None when they need the general reading."""
    plan = _KeyPlan()
    props: list[tuple[str, str]] = []
    graph_keys: list[str] = []
    for key in obj:
        name = key if key[:1] == "@" else resolve(key)
        if name is None:
            return None  # dropped keys are reported by the general reading
        if name[:1] == "@":
            if name == "@id" and plan.id_key is None:
                plan.id_key = key
            elif name == "@type" and plan.type_key is None:
                plan.type_key = key
            elif name in ("@graph", "@included"):
                graph_keys.append(key)
            elif name in ("@context", "@index", "@language", "@direction"):
                continue
            else:
                return None  # @reverse, @nest, a keyword twice: the general reading
            continue
        if name in plan.keys:
            return None  # one name spelt by two keys
        plan.keys[name] = key
        props.append((key, name))
    plan.props = tuple(props)
    plan.graph_keys = tuple(graph_keys)
    return plan


def _scoped_of(resolve: Resolver) -> dict[str, Any] | None:
    """Term -> its scoped ``@context`` (declared by a resolver's ``scoped`` attribute)."""
    owner = getattr(resolve, "__self__", None)
    scoped = getattr(owner, "scoped", None)
    return scoped if isinstance(scoped, dict) and scoped else None


def _raw_types(obj: dict[str, Any], resolve: Resolver) -> list[str]:
    out: list[str] = []
    for key, value in obj.items():
        name = key if key[:1] == "@" else resolve(key)
        if name != "@type":
            continue
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, list):
            out.extend(v for v in value if isinstance(v, str))
    return out


def _reference(obj: dict[str, Any], resolve: Resolver) -> Any:
    """The ``@id`` value of a node reference (an object with nothing but ``@id``), or None."""
    ref: Any = None
    found = False
    for key, value in obj.items():
        name = key if key[:1] == "@" else resolve(key)
        if name is None:
            continue
        if name == "@id":
            ref = value
            found = True
        elif name not in _REFERENCE_KEYS:
            return None
    return ref if found else None


def read(data: Any, resolve: Resolver, scope: Scoper, *, mode: str) -> Graph:
    """Walk a JSON-LD document once and return its :class:`Graph`.

    ``resolve`` is the resolver of the empty context; each ``@context`` met on the
    way (at the top or in a nested node object) is applied with ``scope``.
    """
    graph = Graph(mode=mode)
    reader = _Reader(graph, scope)
    reader.top(data, resolve)
    if not reader.general:
        graph._by_id = reader.by_id
    return graph
