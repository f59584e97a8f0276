"""SARIF 2.1.0, the format GitHub code scanning reads.

We emit one run whose ``tool.driver.rules`` is the whole rule table, and one
result per finding with ``ruleId``, ``ruleIndex``, ``level``, ``message.text``
and a physical location (artifact URI and, when known, the region's start line
and column, counted in Unicode code points). The JSON path of the value is
given as a logical location.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any

from schema_pub import __version__
from schema_pub.validate.findings import Finding, Rule, Severity
from schema_pub.validate.result import Report

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_uri(path: str) -> str:
    """A relative path as a relative URI reference; an absolute one as a file URI."""
    pure = PurePath(path)
    if pure.is_absolute():
        return pure.as_uri()
    return "/".join(part.replace("%", "%25").replace(" ", "%20") for part in pure.parts)


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"layer": rule.layer},
    }
    if rule.source:
        descriptor["helpUri"] = rule.source
    return descriptor


def result(finding: Finding, index: dict[str, int]) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(finding.file or "-")}}
    if finding.line is not None:
        region = {"startLine": finding.line}
        if finding.column is not None:
            region["startColumn"] = finding.column
        physical["region"] = region
    location: dict[str, Any] = {"physicalLocation": physical}
    if finding.path:
        location["logicalLocations"] = [{"fullyQualifiedName": finding.json_path}]
    text = finding.message if not finding.hint else f"{finding.message}. Hint: {finding.hint}"
    out: dict[str, Any] = {
        "ruleId": finding.code,
        "level": LEVELS[finding.severity],
        "message": {"text": text},
        "locations": [location],
    }
    if finding.code in index:
        out["ruleIndex"] = index[finding.code]
    return out


def sarif_log(report: Report, rules: tuple[Rule, ...]) -> dict[str, Any]:
    index = {rule.code: i for i, rule in enumerate(rules)}
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "schema-pub",
                        "version": __version__,
                        "rules": [rule_descriptor(rule) for rule in rules],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [result(f, index) for f in report.findings],
            }
        ],
    }


class SarifReporter:
    def __init__(self, *, color: bool = False) -> None:
        self.color = color

    def render(self, report: Report, rules: tuple[Rule, ...] = ()) -> str:
        return json.dumps(sarif_log(report, rules), indent=2, ensure_ascii=False) + "\n"
