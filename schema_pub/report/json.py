"""The JSON report, documented by ``schemas/report.schema.json``.

``{"files": [{"path", "findings": [...]}], "summary": {...}}``: only files with
findings are listed; the summary counts every file checked. Keys are written in
a fixed order, so the same findings give the same bytes.
"""

from __future__ import annotations

import json
from typing import Any

from schema_pub.validate.findings import Finding, Rule
from schema_pub.validate.result import Report

SCHEMA_ID = "https://schema-pub.invalid/schemas/report.schema.json"


def finding_dict(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "rule": finding.rule,
        "severity": finding.severity.value,
        "message": finding.message,
        "path": finding.json_path,
        "line": finding.line,
        "column": finding.column,
        "hint": finding.hint,
    }


def report_dict(report: Report) -> dict[str, Any]:
    return {
        "files": [
            {"path": file.path, "findings": [finding_dict(f) for f in file.findings]}
            for file in report.files
        ],
        "summary": report.summary.as_dict(),
    }


class JsonReporter:
    def __init__(self, *, color: bool = False) -> None:
        self.color = color

    def render(self, report: Report, rules: tuple[Rule, ...] = ()) -> str:
        return json.dumps(report_dict(report), indent=2, ensure_ascii=False) + "\n"
