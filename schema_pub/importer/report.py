"""What an import inferred, and what it leaves for a person to check."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["error", "review", "inferred"]
"""``error``: the input itself is faulty; ``review``: a person must decide;
``inferred``: a fact the importer guessed from the text, worth a glance."""

_ORDER: dict[str, int] = {"error": 0, "review": 1, "inferred": 2}


@dataclass(frozen=True)
class Note:
    """One line of the report, tied to a line of the input where there is one."""

    kind: Kind
    message: str
    line: int | None = None

    def format(self, file: str) -> str:
        where = f"{file}:{self.line}" if self.line is not None else file
        return f"{where}: {self.kind}: {self.message}"


@dataclass
class ImportReport:
    """Everything an import has to say about one article, in input order."""

    file: str
    notes: list[Note] = field(default_factory=list)

    def add(self, kind: Kind, message: str, line: int | None = None) -> None:
        self.notes.append(Note(kind, message, line))

    def of_kind(self, kind: Kind) -> list[Note]:
        return [n for n in self.notes if n.kind == kind]

    @property
    def errors(self) -> list[Note]:
        return self.of_kind("error")

    @property
    def reviews(self) -> list[Note]:
        return self.of_kind("review")

    @property
    def inferred(self) -> list[Note]:
        return self.of_kind("inferred")

    def sorted_notes(self) -> list[Note]:
        """Errors first, then what needs a person, then what was inferred; each by line."""
        return sorted(
            self.notes, key=lambda n: (_ORDER[n.kind], n.line if n.line is not None else 0)
        )

    def lines(self) -> list[str]:
        """The notes as ``file:line: kind: message``, in the order of :meth:`sorted_notes`."""
        return [n.format(self.file) for n in self.sorted_notes()]
