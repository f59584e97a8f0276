"""Read source files (YAML, or Markdown with a YAML header) with line numbers.

Every value read remembers the line and column where it was written, so a
validation error can point the editor at the exact place in the file.

Two readers give the same values. The plain one walks libyaml's events once and
takes only what hand-written sources hold (mappings with text keys, lists,
scalars without explicit tags, no anchors or aliases); it declines anything else,
and a file it declines (or any error) goes to the exact reader, which composes
the node tree, applies every refusal and names line and column. The positions of
a file read the plain way are worked out by the exact reader on first use, that
is only when a problem must be located.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from schema_pub.publish.errors import Loc, SourceError, SourceProblem
from schema_pub.publish.errors import field_name as field_name
from schema_pub.publish.yaml_loader import SourceLoader

M = TypeVar("M", bound=BaseModel)


@dataclass
class Parsed:
    """A parsed source file: its data, body text and where each value was written.

    ``locate``, when set, computes ``positions`` on the first call of
    :meth:`position` (the plain reader leaves the positions to it).
    """

    file: str
    data: Any
    body: str | None = None
    positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    locate: Callable[[], dict[Loc, tuple[int, int]]] | None = field(
        default=None, repr=False, compare=False
    )

    def position(self, loc: Loc) -> tuple[int | None, int | None]:
        """The line and column of the value at ``loc``, or of its nearest written parent."""
        if self.locate is not None:
            locate, self.locate = self.locate, None
            self.positions = {**locate(), **self.positions}
        while True:
            if loc in self.positions:
                return self.positions[loc]
            if not loc:
                return (None, None)
            loc = loc[:-1]

    def problem(self, loc: Loc, message: str) -> SourceProblem:
        line, column = self.position(loc)
        return SourceProblem(self.file, message, field_name(loc) or None, line, column)


_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}
MAX_DEPTH = 64
MAX_VALUES = 100_000


class _Builder:
    """Turns a composed YAML node tree into plain values, remembering positions.

    Refuses what a hand-written source never needs and a hostile one abuses:
    explicit tags, merge keys, recursive aliases, deep nesting, alias bombs.
    """

    def __init__(self, file: str) -> None:
        self.file = file
        self.positions: dict[Loc, tuple[int, int]] = {}
        self.count = 0
        self.constructor = SourceLoader("")
        self.active: set[int] = set()

    def fail(self, node: yaml.Node, loc: Loc, message: str) -> SourceError:
        return SourceError(
            [
                SourceProblem(
                    self.file,
                    message,
                    field_name(loc) or None,
                    node.start_mark.line + 1,
                    node.start_mark.column + 1,
                )
            ]
        )

    def build(self, node: yaml.Node, loc: Loc, *, record: bool = True) -> Any:
        self.count += 1
        if self.count > MAX_VALUES:
            raise self.fail(
                node, loc, f"the file holds more than {MAX_VALUES} values (alias expansion?)"
            )
        if len(loc) > MAX_DEPTH:
            raise self.fail(node, loc, f"the values are nested more than {MAX_DEPTH} levels deep")
        if record:
            self.positions[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if id(node) in self.active:
            raise self.fail(node, loc, "a recursive alias (an anchor used inside itself)")
        if isinstance(node, yaml.MappingNode):
            if node.tag != "tag:yaml.org,2002:map":
                raise self.fail(node, loc, f"YAML tag {node.tag} is not supported")
            self.active.add(id(node))
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise self.fail(
                        key_node,
                        loc,
                        "YAML merge keys (<<) are not supported: write the fields out",
                    )
                key = self.build(key_node, loc, record=False)
                if not isinstance(key, str):
                    raise self.fail(key_node, loc, f"keys must be text, not {key!r}")
                if key in out:
                    raise self.fail(key_node, (*loc, key), f'duplicate key "{key}"')
                out[key] = self.build(value_node, (*loc, key), record=record)
            self.active.discard(id(node))
            return out
        if isinstance(node, yaml.SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                raise self.fail(node, loc, f"YAML tag {node.tag} is not supported")
            self.active.add(id(node))
            items = [
                self.build(item, (*loc, i), record=record) for i, item in enumerate(node.value)
            ]
            self.active.discard(id(node))
            return items
        if node.tag not in _SCALAR_TAGS:
            raise self.fail(node, loc, f"YAML tag {node.tag} is not supported")
        try:
            return self.constructor.construct_object(node, deep=True)
        except yaml.YAMLError as exc:
            raise self.fail(node, loc, f"YAML error: {exc}") from None
        except ValueError:  # PyYAML's number converters on such as `0x_` or `0b_`
            raise self.fail(
                node, loc, f"{node.value!r} is not a valid number; quote it to keep it as text"
            ) from None


class _Decline(Exception):
    """The plain reader leaves this file to the exact one."""


_STR_TAG = "tag:yaml.org,2002:str"
# The implicit resolvers of a plain scalar by its first character (as BaseResolver.resolve);
# a plain scalar whose first character has none is text.
_WILDCARD: list[tuple[str, Any]] = list(SourceLoader.yaml_implicit_resolvers.get(None, []))
_RESOLVERS: dict[str, list[tuple[str, Any]]] = {
    first: [*resolvers, *_WILDCARD]
    for first, resolvers in SourceLoader.yaml_implicit_resolvers.items()
    if first is not None and (resolvers or _WILDCARD)
}


def _resolve_plain(loader: Any, value: str) -> Any:
    """The value of a plain (unquoted) scalar, as the exact reader constructs it."""
    tag = next(
        (tag for tag, pattern in _RESOLVERS.get(value[:1], _WILDCARD) if pattern.match(value)),
        _STR_TAG,
    )
    if tag == _STR_TAG:
        return value
    if tag not in _SCALAR_TAGS:
        raise _Decline
    return loader.construct_object(yaml.ScalarNode(tag, value), deep=True)


def _plain_data(yaml_text: str) -> Any:
    """The values of ``yaml_text`` read from libyaml's events, or raise _Decline."""
    scalar_event = yaml.ScalarEvent
    map_start, seq_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    map_end, seq_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    resolvers = _RESOLVERS
    every_scalar = bool(_WILDCARD)
    loader = SourceLoader(yaml_text)
    try:
        get = loader.get_event
        if not isinstance(get(), yaml.StreamStartEvent):
            raise _Decline
        if not isinstance(get(), yaml.DocumentStartEvent):
            raise _Decline  # an empty stream
        # The open collection, whether it is a mapping, its pending key; the outer ones.
        container: Any = None
        is_map = False
        key: str | None = None
        outer: list[tuple[Any, bool]] = []
        count = 0
        while True:
            event = get()
            kind = type(event)
            count += 1
            if kind is scalar_event:
                if event.tag is not None or event.anchor is not None:
                    raise _Decline
                value = event.value
                if event.implicit[0] and (every_scalar or value[:1] in resolvers):
                    value = _resolve_plain(loader, value)
                if is_map:
                    if key is None:
                        if type(value) is not str or value in container:
                            raise _Decline  # not text, or a duplicate: the exact reader says
                        key = value
                    else:
                        container[key] = value
                        key = None
                elif container is not None:
                    container.append(value)
                else:
                    root = value
                    break
            elif kind is map_start or kind is seq_start:
                if event.anchor is not None or event.tag is not None or len(outer) >= MAX_DEPTH:
                    raise _Decline
                new: Any = {} if kind is map_start else []
                if is_map:
                    if key is None:
                        raise _Decline  # a mapping or list as a key
                    container[key] = new
                    key = None
                elif container is not None:
                    container.append(new)
                outer.append((container, is_map))
                container, is_map = new, kind is map_start
            elif kind is map_end or kind is seq_end:
                finished = container
                container, is_map = outer.pop()
                key = None
                if container is None:
                    root = finished
                    break
            else:  # an alias, or anything unexpected
                raise _Decline
            if count > MAX_VALUES:
                raise _Decline
        if not isinstance(get(), yaml.DocumentEndEvent) or not isinstance(
            get(), yaml.StreamEndEvent
        ):
            raise _Decline  # more than one document
        return root
    except (yaml.YAMLError, ValueError):  # the exact reader names the place
        raise _Decline from None
    finally:
        loader.dispose()


def read_plain(yaml_text: str) -> tuple[bool, Any]:
    """``(True, values)`` of ``yaml_text`` read the plain way, or ``(False, None)``
    when the file needs the exact reader (see the module docstring)."""
    try:
        return True, _plain_data(yaml_text)
    except (_Decline, RecursionError):
        return False, None


def _markdown_header(text: str, file: str) -> tuple[str, str | None]:
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n") != "---":
        raise SourceError(
            [
                SourceProblem(
                    file, "a Markdown source must start with a '---' YAML header", None, 1, 1
                )
            ]
        )
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip("\r\n") in ("---", "...")), None)
    if end is None:
        raise SourceError(
            [SourceProblem(file, "the YAML header is not closed by a '---' line", None, 1, 1)]
        )
    body = "".join(lines[end + 1 :]).strip() or None
    return "".join(lines[1:end]), body


def parse_text(text: str, file: str, *, markdown: bool) -> Parsed:
    """Parse YAML text, or Markdown with a ``---`` YAML header, remembering positions."""
    body: str | None = None
    yaml_text = text
    if markdown:
        yaml_text, body = _markdown_header(text, file)
    plain, data = read_plain(yaml_text)
    if plain and data is not None:
        return Parsed(
            file=file,
            data=data,
            body=body,
            locate=lambda: _exact_positions(text, file, markdown),
        )
    return _parse_exact(text, file, markdown=markdown)


def _exact_positions(text: str, file: str, markdown: bool) -> dict[Loc, tuple[int, int]]:
    try:
        return _parse_exact(text, file, markdown=markdown).positions
    except SourceError:  # cannot happen for a file the plain reader accepted
        return {}


def _parse_exact(text: str, file: str, *, markdown: bool) -> Parsed:
    """:func:`parse_text` by the exact reader: composed nodes, every refusal, positions."""
    body: str | None = None
    yaml_text = text
    line_offset = 0
    if markdown:
        yaml_text, body = _markdown_header(text, file)
        line_offset = 1
    try:
        node = yaml.compose(yaml_text, Loader=SourceLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + line_offset if mark else None
        column = mark.column + 1 if mark else None
        message = f"YAML syntax error: {exc.problem or exc.context}"
        raise SourceError([SourceProblem(file, message, None, line, column)]) from None
    except yaml.YAMLError as exc:
        raise SourceError([SourceProblem(file, f"YAML error: {exc}")]) from None
    except RecursionError:
        raise SourceError([SourceProblem(file, "the YAML is nested too deeply")]) from None
    if node is None:
        raise SourceError([SourceProblem(file, "the file is empty", None, 1, 1)])
    builder = _Builder(file)
    try:
        data = builder.build(node, ())
    except SourceError as exc:
        if line_offset:
            for i, problem in enumerate(exc.problems):
                if problem.line is not None:
                    exc.problems[i] = replace(problem, line=problem.line + line_offset)
        raise
    except RecursionError:
        raise SourceError([SourceProblem(file, "the YAML is nested too deeply")]) from None
    positions = builder.positions
    if line_offset:
        positions = {k: (ln + line_offset, col) for k, (ln, col) in positions.items()}
    return Parsed(file=file, data=data, body=body, positions=positions)


def read_source(path: Path) -> Parsed:
    """Read one source file (``.yaml``, ``.yml``, ``.md``)."""
    file = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SourceError([SourceProblem(file, f"cannot read the file: {exc.strerror}")]) from None
    if not raw.strip():
        raise SourceError([SourceProblem(file, "the file is empty", None, 1, 1)])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SourceError(
            [
                SourceProblem(
                    file, f"the file is not UTF-8 (invalid byte at offset {exc.start})", None, line
                )
            ]
        ) from None
    text = text.removeprefix("\ufeff")
    return parse_text(text, file, markdown=path.suffix.lower() in (".md", ".markdown"))


def validate_model(parsed: Parsed, model: type[M], data: Any | None = None) -> M:
    """Validate ``parsed.data`` (or ``data``) with ``model``; errors name file, line and field."""
    value = parsed.data if data is None else data
    if not isinstance(value, dict):
        raise SourceError(
            [parsed.problem((), "the file must hold a mapping of fields (key: value)")]
        )
    try:
        return model.model_validate(value)
    except ValidationError as exc:
        problems = [parsed.problem(_where(err, value), _message(err)) for err in exc.errors()]
        raise SourceError(problems) from None


def _where(err: Any, data: dict[str, Any]) -> Loc:
    """The location of an error as the editor wrote it.

    Drops the names pydantic gives to the members of a union, and points an error
    of a whole mapping that starts with a field's name ("date_modified is ...")
    at that field.
    """
    loc: list[str | int] = []
    value: Any = data
    for part in err["loc"]:
        if isinstance(value, dict) and isinstance(part, str) and part not in value and loc:
            continue  # a union member's name, not a key of the source
        if isinstance(value, dict) and isinstance(value.get("image"), dict) and part == "image":
            loc.append(part)
            value = [value["image"]]
            continue
        if isinstance(value, list) and part == 0 and len(value) == 1 and loc and loc[-1] == "image":
            value = value[0]
            continue
        loc.append(part)
        value = (
            value.get(part)
            if isinstance(value, dict)
            else (
                value[part]
                if isinstance(value, list) and isinstance(part, int) and part < len(value)
                else None
            )
        )
    if not loc:
        first = str(err.get("msg", "")).removeprefix("Value error, ").split(" ", 1)[0]
        if first in data:
            return (first,)
    return tuple(loc)


def _message(err: Any) -> str:
    kind = err["type"]
    msg: str = err["msg"]
    if kind == "extra_forbidden":
        return "unknown field (check its spelling)"
    if kind == "missing":
        return "this field is required"
    if kind == "value_error":
        msg = msg.removeprefix("Value error, ")
    if kind == "string_pattern_mismatch":
        if err["loc"] and err["loc"][-1] == "slug":
            return "a slug holds lower-case letters, digits and '-' only"
        if "a-z0-9_-" in str(err.get("ctx", {}).get("pattern", "")):
            return (
                f"{err['input']!r} is not a valid key: use lower-case letters, digits, '-' and '_'"
            )
    return msg


Resolver = Callable[[Parsed], Any]
