"""The one kind of result of validation: a finding.

Every layer yields :class:`Finding` values; the pipeline fills in the file and
the line and column (from the JSON path) and collects them into a report.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class Severity(str, enum.Enum):
    """How serious a finding is. Ordered: error > warning > info."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


JsonPath = tuple[str | int, ...]


def format_path(path: JsonPath) -> str:
    """Render a path as a JSONPath string: ``$['@graph'][0].headline``."""
    out = ["$"]
    for part in path:
        if isinstance(part, int):
            out.append(f"[{part}]")
        elif part.isidentifier():
            out.append(f".{part}")
        else:
            escaped = part.replace("\\", "\\\\").replace("'", "\\'")
            out.append(f"['{escaped}']")
    return "".join(out)


@dataclass(frozen=True)
class Finding:
    """One problem (or remark) about one value of one document.

    ``code`` and ``rule`` are stable (``SP201`` / ``unknown-property``);
    ``path`` is the JSON path of the value inside the document; ``file``,
    ``line`` and ``column`` are filled in by the pipeline when known.
    """

    code: str
    rule: str
    severity: Severity
    message: str
    path: JsonPath = ()
    hint: str | None = None
    file: str | None = None
    line: int | None = None
    column: int | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def located(self, *, file: str | None, line: int | None, column: int | None) -> Finding:
        # what dataclasses.replace does, without its look at every field (once per finding)
        return Finding(
            self.code,
            self.rule,
            self.severity,
            self.message,
            self.path,
            self.hint,
            file,
            line,
            column,
            self.extra,
        )

    @property
    def json_path(self) -> str:
        return format_path(self.path)


@dataclass(frozen=True)
class Rule:
    """A validation rule: stable code and name, default severity, what it checks.

    Layers declare their rules in a module-level ``RULES`` tuple and create
    findings by calling the rule: ``UNKNOWN_PROPERTY("...", path=p, hint=h)``.
    ``source`` is the URL of the documentation the rule follows and
    ``checked`` the date (ISO) that documentation was last read against it.
    """

    code: str
    name: str
    severity: Severity
    summary: str
    layer: str
    source: str | None = None
    checked: str | None = None

    def __call__(
        self,
        message: str,
        *,
        path: JsonPath = (),
        hint: str | None = None,
        severity: Severity | None = None,
        **extra: Any,
    ) -> Finding:
        return Finding(
            code=self.code,
            rule=self.name,
            severity=severity or self.severity,
            message=message,
            path=path,
            hint=hint,
            extra=dict(extra),
        )
