"""Read source files (YAML, or Markdown with a YAML header) with line numbers.

Every value read remembers the line and column where it was written, so a
validation error can point the editor at the exact place in the file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from schema_pub.publish.errors import SourceError, SourceProblem

Loc = tuple[str | int, ...]
M = TypeVar("M", bound=BaseModel)


@dataclass
class Parsed:
    """A parsed source file: its data, body text and where each value was written."""

    file: str
    data: Any
    body: str | None = None
    positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def position(self, loc: Loc) -> tuple[int | None, int | None]:
        """The line and column of the value at ``loc``, or of its nearest written parent."""
        while True:
            if loc in self.positions:
                return self.positions[loc]
            if not loc:
                return (None, None)
            loc = loc[:-1]

    def problem(self, loc: Loc, message: str) -> SourceProblem:
        line, column = self.position(loc)
        return SourceProblem(self.file, message, field_name(loc) or None, line, column)


def field_name(loc: Loc) -> str:
    """``("quotations", 2, "speaker")`` -> ``quotations[2].speaker``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


class _NoDatesLoader(yaml.SafeLoader):
    """SafeLoader that keeps dates and times as the text the author wrote."""


_NoDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct(node: yaml.Node, loc: Loc, positions: dict[Loc, tuple[int, int]], file: str) -> Any:
    positions[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _construct(key_node, (*loc, "<key>"), {}, file)
            if not isinstance(key, str):
                raise SourceError(
                    [
                        SourceProblem(
                            file,
                            f"keys must be text, not {key!r}",
                            field_name(loc) or None,
                            key_node.start_mark.line + 1,
                            key_node.start_mark.column + 1,
                        )
                    ]
                )
            if key in out:
                raise SourceError(
                    [
                        SourceProblem(
                            file,
                            f'duplicate key "{key}"',
                            field_name((*loc, key)),
                            key_node.start_mark.line + 1,
                            key_node.start_mark.column + 1,
                        )
                    ]
                )
            out[key] = _construct(value_node, (*loc, key), positions, file)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_construct(item, (*loc, i), positions, file) for i, item in enumerate(node.value)]
    loader = _NoDatesLoader("")
    return loader.construct_object(node, deep=True)


def parse_text(text: str, file: str, *, markdown: bool) -> Parsed:
    """Parse YAML text, or Markdown with a ``---`` YAML header, remembering positions."""
    body: str | None = None
    yaml_text = text
    line_offset = 0
    if markdown:
        lines = text.splitlines(keepends=True)
        if not lines or lines[0].strip() != "---":
            raise SourceError(
                [
                    SourceProblem(
                        file, "a Markdown source must start with a '---' YAML header", None, 1, 1
                    )
                ]
            )
        end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
        if end is None:
            raise SourceError(
                [SourceProblem(file, "the YAML header is not closed by a '---' line", None, 1, 1)]
            )
        yaml_text = "".join(lines[1:end])
        body = "".join(lines[end + 1 :]).strip() or None
        line_offset = 1
    try:
        node = yaml.compose(yaml_text, Loader=_NoDatesLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + line_offset if mark else None
        column = mark.column + 1 if mark else None
        message = f"YAML syntax error: {exc.problem or exc.context}"
        raise SourceError([SourceProblem(file, message, None, line, column)]) from None
    except yaml.YAMLError as exc:
        raise SourceError([SourceProblem(file, f"YAML error: {exc}")]) from None
    if node is None:
        raise SourceError([SourceProblem(file, "the file is empty", None, 1, 1)])
    positions: dict[Loc, tuple[int, int]] = {}
    data = _construct(node, (), positions, file)
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
        problems = [parsed.problem(tuple(err["loc"]), _message(err)) for err in exc.errors()]
        raise SourceError(problems) from None


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
