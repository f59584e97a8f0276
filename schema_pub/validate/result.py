"""The result of a run: findings per file, and counts. Documents are not kept."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from schema_pub.validate.findings import Finding, Severity


def sort_key(finding: Finding) -> tuple[int, int, str, str, str]:
    return (
        finding.line if finding.line is not None else 0,
        finding.column if finding.column is not None else 0,
        finding.code,
        finding.json_path,
        finding.message,
    )


@dataclass
class FileReport:
    """The findings of one file (all its documents), sorted by position then code."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    documents: int = 0

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)


@dataclass
class Summary:
    files: int = 0
    documents: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0

    def as_dict(self) -> dict[str, int]:
        return {
            "files": self.files,
            "documents": self.documents,
            "errors": self.errors,
            "warnings": self.warnings,
            "infos": self.infos,
        }


@dataclass
class Report:
    """What ``validate`` returns: the files that have findings, and a summary of all.

    Files without findings are counted in the summary but not kept, so memory
    grows with the number of findings, not with the number of files.
    """

    files: list[FileReport] = field(default_factory=list)
    summary: Summary = field(default_factory=Summary)

    def add(self, file_report: FileReport) -> None:
        summary = self.summary
        summary.files += 1
        summary.documents += file_report.documents
        for finding in file_report.findings:
            if finding.severity is Severity.ERROR:
                summary.errors += 1
            elif finding.severity is Severity.WARNING:
                summary.warnings += 1
            else:
                summary.infos += 1
        if file_report.findings:
            self.files.append(file_report)

    @classmethod
    def of(cls, file_reports: Iterable[FileReport]) -> Report:
        report = cls()
        for file_report in file_reports:
            report.add(file_report)
        return report

    @property
    def findings(self) -> list[Finding]:
        return [f for file_report in self.files for f in file_report.findings]

    @property
    def has_errors(self) -> bool:
        return self.summary.errors > 0

    def exit_code(self, *, strict: bool = False) -> int:
        """0 when clean, 1 when there are errors (or warnings, when strict)."""
        if self.summary.errors or (strict and self.summary.warnings):
            return 1
        return 0
