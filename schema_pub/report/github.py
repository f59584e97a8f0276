"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` per finding.

Escaping follows GitHub's toolkit: in the message ``%``, CR and LF are
percent-encoded; in property values ``:`` and ``,`` are as well.
"""

from __future__ import annotations

from schema_pub.validate.findings import Finding, Rule, Severity
from schema_pub.validate.result import Report

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(finding: Finding) -> str:
    properties = [f"file={escape_property(finding.file or '<data>')}"]
    if finding.line is not None:
        properties.append(f"line={finding.line}")
        if finding.column is not None:
            properties.append(f"col={finding.column}")
    properties.append(f"title={escape_property(finding.code)}")
    message = f"{finding.message} ({finding.rule})"
    if finding.hint:
        message += f"\nhint: {finding.hint}"
    return f"::{COMMANDS[finding.severity]} {','.join(properties)}::{escape_data(message)}"


class GithubReporter:
    def __init__(self, *, color: bool = False) -> None:
        self.color = color

    def render(self, report: Report, rules: tuple[Rule, ...] = ()) -> str:
        return "".join(command(f) + "\n" for f in report.findings)
