"""Errors about source files, each naming the file, the line and the field."""

from __future__ import annotations

from dataclasses import dataclass

Loc = tuple[str | int, ...]


def field_name(loc: Loc) -> str:
    """``("quotations", 2, "speaker")`` -> ``quotations[2].speaker``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


@dataclass(frozen=True)
class SourceProblem:
    """One problem in one source file."""

    file: str
    message: str
    field: str | None = None
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class SourceError(Exception):
    """A source file could not be turned into an article; carries every problem found."""

    def __init__(self, problems: list[SourceProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
