"""Reporters: text, JSON (against schemas/report.schema.json), SARIF 2.1.0, GitHub."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from schema_pub.report import REPORTERS, reporter, write_atomic
from schema_pub.report.github import command, escape_data, escape_property
from schema_pub.report.sarif import artifact_uri
from schema_pub.validate import Options, validate
from schema_pub.validate.findings import Finding, Severity
from schema_pub.validate.result import FileReport, Report
from schema_pub.validate.rules import all_rules

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "cases"
REPORT_SCHEMA = ROOT / "schemas" / "report.schema.json"


def finding(code: str = "SP003", severity: Severity = Severity.ERROR, **kw: Any) -> Finding:
    base: dict[str, Any] = {
        "code": code,
        "rule": "trailing-comma",
        "severity": severity,
        "message": "trailing comma before '}'",
        "path": ("@graph", 0, "headline"),
        "hint": "remove it",
        "file": "site/a.jsonld",
        "line": 3,
        "column": 7,
    }
    base.update(kw)
    return Finding(**base)


SAMPLE = Report.of(
    [
        FileReport("site/a.jsonld", [finding(), finding("SP008", Severity.WARNING, hint=None)], 1),
        FileReport("site/clean.jsonld", [], 1),
        FileReport(
            "site/p.html", [finding(file="site/p.html", line=None, column=None, path=())], 2
        ),
    ]
)


@pytest.fixture(scope="module")
def corpus_report() -> Report:
    """A real report: every case of the corpus."""
    return validate([str(CASES)], options=Options())


def test_every_format_is_registered() -> None:
    assert sorted(REPORTERS) == ["github", "json", "sarif", "text"]


def test_text_report() -> None:
    text = reporter("text").render(SAMPLE, ())
    assert text.splitlines() == [
        "site/a.jsonld:3:7: SP003 trailing comma before '}' [error] at $['@graph'][0].headline",
        "    hint: remove it",
        "site/a.jsonld:3:7: SP008 trailing comma before '}' [warning] at $['@graph'][0].headline",
        "",
        "site/p.html: SP003 trailing comma before '}' [error]",
        "    hint: remove it",
        "",
        "Found 2 errors, 1 warning and 0 infos in 3 files, 4 documents.",
    ]
    assert "\x1b[" not in text


def test_text_report_in_colour() -> None:
    text = reporter("text", color=True).render(SAMPLE, ())
    assert "\x1b[1;31mSP003\x1b[0m" in text


def test_clean_text_report() -> None:
    clean = Report.of([FileReport("a.jsonld", [], 1)])
    assert reporter("text").render(clean, ()) == "All checks passed (1 file, 1 document).\n"


def test_json_report_matches_its_schema(corpus_report: Report) -> None:
    schema = json.loads(REPORT_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for report in (SAMPLE, corpus_report, Report()):
        document = json.loads(reporter("json").render(report, ()))
        errors = [error.message for error in validator.iter_errors(document)]
        assert errors == []


def test_json_report_content() -> None:
    document = json.loads(reporter("json").render(SAMPLE, ()))
    assert document["summary"] == {
        "files": 3,
        "documents": 4,
        "errors": 2,
        "warnings": 1,
        "infos": 0,
    }
    assert [f["path"] for f in document["files"]] == ["site/a.jsonld", "site/p.html"]
    assert document["files"][0]["findings"][0] == {
        "code": "SP003",
        "rule": "trailing-comma",
        "severity": "error",
        "message": "trailing comma before '}'",
        "path": "$['@graph'][0].headline",
        "line": 3,
        "column": 7,
        "hint": "remove it",
    }


@pytest.mark.parametrize(
    "bad",
    [
        {"files": [], "summary": {}},
        {"files": [{"path": "a", "findings": [{"code": "X1"}]}], "summary": {"files": 0}},
        {"summary": {"files": 0, "documents": 0, "errors": 0, "warnings": 0, "infos": 0}},
    ],
)
def test_report_schema_rejects(bad: dict[str, Any]) -> None:
    schema = json.loads(REPORT_SCHEMA.read_text(encoding="utf-8"))
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(bad))


def test_sarif_structure(corpus_report: Report) -> None:
    rules = all_rules()
    log = json.loads(reporter("sarif").render(corpus_report, rules))
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "schema-pub"
    ids = [rule["id"] for rule in driver["rules"]]
    assert ids == [rule.code for rule in rules]
    for descriptor in driver["rules"]:
        assert descriptor["shortDescription"]["text"]
        assert descriptor["defaultConfiguration"]["level"] in ("error", "warning", "note")
    assert run["results"], "the corpus has invalid cases"
    for result in run["results"]:
        assert result["level"] in ("error", "warning", "note")
        assert result["message"]["text"]
        assert ids[result["ruleIndex"]] == result["ruleId"]
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uri"]
        region = physical.get("region")
        if region is not None:
            assert region["startLine"] >= 1 and region.get("startColumn", 1) >= 1


def test_sarif_levels_and_regions() -> None:
    log = json.loads(reporter("sarif").render(SAMPLE, all_rules()))
    results = log["runs"][0]["results"]
    assert [r["level"] for r in results] == ["error", "warning", "error"]
    assert results[0]["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "site/a.jsonld"},
        "region": {"startLine": 3, "startColumn": 7},
    }
    assert results[0]["locations"][0]["logicalLocations"] == [
        {"fullyQualifiedName": "$['@graph'][0].headline"}
    ]
    assert "region" not in results[2]["locations"][0]["physicalLocation"]


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("site/a.jsonld", "site/a.jsonld"),
        ("my site/a b.html", "my%20site/a%20b.html"),
        ("/abs/x.json", "file:///abs/x.json"),
        ("100%.json", "100%25.json"),
    ],
)
def test_artifact_uri(path: str, uri: str) -> None:
    assert artifact_uri(path) == uri


@pytest.mark.parametrize(
    ("text", "data", "prop"),
    [
        ("plain", "plain", "plain"),
        ("100%", "100%25", "100%25"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("a:b,c", "a:b,c", "a%3Ab%2Cc"),
        ("%0A", "%250A", "%250A"),
    ],
)
def test_github_escaping(text: str, data: str, prop: str) -> None:
    assert escape_data(text) == data
    assert escape_property(text) == prop


@pytest.mark.parametrize(
    ("item", "line"),
    [
        (
            finding(hint=None),
            "::error file=site/a.jsonld,line=3,col=7,title=SP003::"
            "trailing comma before '}' (trailing-comma)",
        ),
        (
            finding("SP008", Severity.WARNING, file="a,b:c.json", line=None, column=None),
            "::warning file=a%2Cb%3Ac.json,title=SP008::"
            "trailing comma before '}' (trailing-comma)%0Ahint: remove it",
        ),
        (
            finding("SP035", Severity.INFO, hint=None, message="50% done\n"),
            "::notice file=site/a.jsonld,line=3,col=7,title=SP035::50%25 done%0A (trailing-comma)",
        ),
    ],
)
def test_github_commands(item: Finding, line: str) -> None:
    assert command(item) == line


def test_github_report_has_one_line_per_finding() -> None:
    assert len(reporter("github").render(SAMPLE, ()).splitlines()) == 3


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_reports_are_deterministic(name: str, corpus_report: Report) -> None:
    again = validate([str(CASES)], options=Options())
    rules = all_rules()
    assert reporter(name).render(corpus_report, rules) == reporter(name).render(again, rules)


def test_write_atomic_replaces_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old")
    write_atomic(target, "new\n")
    assert target.read_text() == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
