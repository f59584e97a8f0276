"""Rule selection, severity overrides and [tool.schema-pub]."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from schema_pub.validate.config import ConfigError, Options, load_options, options_from_table
from schema_pub.validate.findings import Finding, Severity


@pytest.mark.parametrize(
    ("select", "extend", "ignore", "code", "enabled"),
    [
        (("SP",), (), (), "SP201", True),
        (("SP2",), (), (), "SP201", True),
        (("SP2",), (), (), "SP301", False),
        (("SP2",), ("SP301",), (), "SP301", True),
        (("SP",), (), ("SP2",), "SP201", False),
        (("SP",), (), ("SP2",), "SP101", True),
        (("SP201",), (), ("SP2",), "SP201", True),
        (("SP2",), (), ("SP201",), "SP201", False),
        (("SP2",), (), ("SP201",), "SP202", True),
        (("SP2",), (), ("SP2",), "SP201", False),
        ((), (), (), "SP001", False),
    ],
)
def test_prefix_selection(
    select: tuple[str, ...],
    extend: tuple[str, ...],
    ignore: tuple[str, ...],
    code: str,
    enabled: bool,
) -> None:
    options = Options(select=select, extend_select=extend, ignore=ignore)
    assert options.enabled(code) is enabled


@pytest.mark.parametrize(
    ("severity", "code", "expected"),
    [
        ({}, "SP201", Severity.WARNING),
        ({"SP201": Severity.ERROR}, "SP201", Severity.ERROR),
        ({"SP2": Severity.INFO}, "SP201", Severity.INFO),
        ({"SP2": Severity.INFO, "SP201": Severity.ERROR}, "SP201", Severity.ERROR),
        ({"SP3": Severity.INFO}, "SP201", Severity.WARNING),
    ],
)
def test_severity_override(severity: dict[str, Severity], code: str, expected: Severity) -> None:
    options = Options(severity=severity)
    finding = Finding(code, "x", Severity.WARNING, "m")
    applied = options.apply(finding)
    assert applied is not None and applied.severity is expected


@pytest.mark.parametrize(
    ("table", "attribute", "value"),
    [
        ({"select": ["SP0", "sp1"]}, "select", ("SP0", "SP1")),
        ({"ignore": ["SP035"]}, "ignore", ("SP035",)),
        ({"extend-select": ["SP5"]}, "extend_select", ("SP5",)),
        ({"severity": {"SP201": "error"}}, "severity", {"SP201": Severity.ERROR}),
        ({"max-size": 100}, "max_size", 100),
        ({"max-depth": 64}, "max_depth", 64),
        ({"max-blocks": 3}, "max_blocks", 3),
        ({"time-limit": 2}, "time_limit", 2.0),
        ({"profile": True}, "profile", True),
        ({"select": ["ALL"]}, "select", ("SP",)),
    ],
)
def test_options_from_table(table: dict[str, Any], attribute: str, value: Any) -> None:
    assert getattr(options_from_table(table), attribute) == value


@pytest.mark.parametrize(
    "table",
    [
        {"selct": ["SP0"]},
        {"select": "SP0"},
        {"select": ["E501"]},
        {"severity": {"SP201": "fatal"}},
        {"severity": "error"},
        {"max-size": 0},
        {"max-depth": "deep"},
        {"max-depth": 301},
        {"max-blocks": True},
        {"profile": "yes"},
    ],
)
def test_bad_tables_are_refused(table: dict[str, Any]) -> None:
    with pytest.raises(ConfigError):
        options_from_table(table)


def test_nearest_pyproject_is_read(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.schema-pub]\nignore = ["SP035"]\nseverity = { SP011 = "error" }\n'
    )
    nested = tmp_path / "site" / "pages"
    nested.mkdir(parents=True)
    options, path = load_options(nested)
    assert path == tmp_path / "pyproject.toml"
    assert options.ignore == ("SP035",)
    assert options.severity == {"SP011": Severity.ERROR}


def test_pyproject_without_table_gives_defaults(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "site"\n')
    options, _ = load_options(tmp_path)
    assert options == Options()


def test_broken_pyproject_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.schema-pub\n")
    with pytest.raises(ConfigError):
        load_options(tmp_path)


@pytest.mark.parametrize(
    ("overrides", "attribute", "value"),
    [
        ({"select": ["SP0"]}, "select", ("SP0",)),
        ({"ignore": ["SP1"]}, "ignore", ("SP035", "SP1")),
        ({"severity": ["SP2=info"]}, "severity", {"SP011": Severity.ERROR, "SP2": Severity.INFO}),
        ({"max_depth": 9}, "max_depth", 9),
        ({"max_depth": None}, "max_depth", 256),
    ],
)
def test_command_line_overrides(overrides: dict[str, Any], attribute: str, value: Any) -> None:
    base = Options(ignore=("SP035",), severity={"SP011": Severity.ERROR})
    assert getattr(base.with_overrides(**overrides), attribute) == value


@pytest.mark.parametrize("item", ["SP201", "SP201=loud", "=error", "X1=error"])
def test_bad_severity_flags(item: str) -> None:
    with pytest.raises(ConfigError):
        Options().with_overrides(severity=[item])
