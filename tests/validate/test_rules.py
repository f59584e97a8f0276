"""The rule registry, `schema-pub rules`, and docs/rules.md kept in sync with it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from schema_pub.report.rules import render_json, render_markdown, render_text
from schema_pub.validate.findings import Rule, Severity
from schema_pub.validate.rules import (
    FRAMEWORK_MODULES,
    all_rules,
    available_layers,
    layer_of_code,
    registry_problems,
    rule_for,
)

ROOT = Path(__file__).resolve().parents[2]
RULES_DOC = ROOT / "docs" / "rules.md"


def test_codes_and_names_are_unique_and_well_formed() -> None:
    assert registry_problems() == []


@pytest.mark.parametrize(
    ("rules", "problem"),
    [
        (
            (
                Rule("SP001", "a", Severity.ERROR, "s", "syntax"),
                Rule("SP001", "b", Severity.ERROR, "s", "syntax"),
            ),
            "SP001 is used by a and b",
        ),
        (
            (
                Rule("SP001", "a", Severity.ERROR, "s", "syntax"),
                Rule("SP002", "a", Severity.ERROR, "s", "syntax"),
            ),
            "a is the name of SP001 and SP002",
        ),
        ((Rule("X12", "a", Severity.ERROR, "s", "syntax"),), "X12: a code is SP and three digits"),
    ],
)
def test_registry_problems_are_found(rules: tuple[Rule, ...], problem: str) -> None:
    assert registry_problems(rules) == [problem]


def test_rules_of_every_present_layer_are_listed() -> None:
    layers = {rule.layer for rule in all_rules()}
    assert {"syntax", "input", "html"} <= layers
    for name in available_layers():
        assert name in layers or name == "profile"


@pytest.mark.parametrize(
    ("code", "layer"),
    [
        ("SP001", "syntax"),
        ("SP035", "syntax"),
        ("SP101", "jsonld"),
        ("SP201", "vocabulary"),
        ("SP310", "google"),
        ("SP401", "newsroom"),
        ("SP501", "profile"),
        ("XX1", None),
    ],
)
def test_layer_of_code(code: str, layer: str | None) -> None:
    assert layer_of_code(code) == layer


def test_framework_rule_codes_are_in_the_syntax_range() -> None:
    for rule in all_rules():
        if rule.layer in ("syntax", "input", "html"):
            assert rule.code.startswith("SP0"), rule


def test_rule_names_are_kebab_case() -> None:
    for rule in all_rules():
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name), rule.name


def test_rule_for() -> None:
    rule = rule_for("SP003")
    assert rule is not None and rule.name == "trailing-comma"
    assert rule_for("SP999") is None


def test_docs_rules_md_is_generated_from_the_table() -> None:
    expected = render_markdown(all_rules())
    assert RULES_DOC.read_text(encoding="utf-8") == expected, (
        "docs/rules.md is out of date: run `schema-pub rules --format markdown > docs/rules.md`"
    )


def test_renderings_list_every_rule() -> None:
    rules = all_rules()
    listed = json.loads(render_json(rules))
    assert [item["code"] for item in listed] == [rule.code for rule in rules]
    assert set(listed[0]) == {"code", "name", "severity", "layer", "summary", "source", "checked"}
    text = render_text(rules)
    markdown = render_markdown(rules)
    for rule in rules:
        assert rule.code in text and f"`{rule.name}`" in markdown


def test_framework_modules_exist() -> None:
    import importlib

    for name in FRAMEWORK_MODULES:
        importlib.import_module(name)


HOOKS = ROOT / ".pre-commit-hooks.yaml"


def hook() -> dict[str, object]:
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    (found,) = [h for h in hooks if h["id"] == "schema-pub-validate"]
    assert isinstance(found, dict)
    return found


@pytest.mark.parametrize(
    ("path", "matches"),
    [
        ("a.jsonld", True),
        ("x/b.html", True),
        ("c.json.gz", True),
        ("site/index.htm", True),
        ("data/feed.json", True),
        ("deep/p.html.gz", True),
        ("d.py", False),
        ("a.jsonld.bak", False),
        ("notes.md", False),
        ("archive.gz", False),
        ("jsonld", False),
    ],
)
def test_pre_commit_hook_files_pattern(path: str, matches: bool) -> None:
    pattern = hook()["files"]
    assert isinstance(pattern, str)
    assert (re.search(pattern, path) is not None) is matches


def test_pre_commit_hook_runs_the_command() -> None:
    found = hook()
    assert found["entry"] == "schema-pub validate"
    assert found["language"] == "python"
