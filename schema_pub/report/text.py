"""Text for people: ``file:line:col: CODE message``, grouped by file, and a summary."""

from __future__ import annotations

from schema_pub.validate.findings import Finding, Rule, Severity
from schema_pub.validate.result import Report

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


class TextReporter:
    def __init__(self, *, color: bool = False) -> None:
        self.color = color

    def _paint(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.color else text

    def line(self, finding: Finding) -> str:
        where = finding.file or "<data>"
        if finding.line is not None:
            where += f":{finding.line}:{finding.column or 1}"
        code = self._paint(finding.code, "1;" + _COLOURS[finding.severity])
        severity = self._paint(f"[{finding.severity.value}]", _COLOURS[finding.severity])
        text = f"{self._paint(where, '1')}: {code} {finding.message} {severity}"
        if finding.path:
            text += self._paint(f" at {finding.json_path}", "2")
        if finding.hint:
            text += "\n    " + self._paint(f"hint: {finding.hint}", "2")
        return text

    def summary(self, report: Report) -> str:
        s = report.summary
        counted = f"{_plural(s.files, 'file')}, {_plural(s.documents, 'document')}"
        if not (s.errors or s.warnings or s.infos):
            return self._paint(f"All checks passed ({counted}).", "32")
        parts = [
            _plural(s.errors, "error"),
            _plural(s.warnings, "warning"),
            _plural(s.infos, "info") if s.infos != 1 else "1 info",
        ]
        text = f"Found {parts[0]}, {parts[1]} and {parts[2]} in {counted}."
        return self._paint(text, "1;31" if s.errors else "1;33")

    def render(self, report: Report, rules: tuple[Rule, ...] = ()) -> str:
        blocks = ["\n".join(self.line(f) for f in file.findings) for file in report.files]
        blocks.append(self.summary(report))
        return "\n\n".join(blocks) + "\n"
