"""The data-driven corpus under tests/cases/ (format: tests/cases/README.md)."""

from __future__ import annotations

import re
import shlex
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from schema_pub.validate import Options, validate
from schema_pub.validate.findings import Finding, Severity
from schema_pub.validate.rules import layer_module, layer_of_code

CASES = Path(__file__).resolve().parents[1] / "cases"
INPUT_SUFFIX = re.compile(r"\.(jsonld|json|html|htm)(\.gz)?$")
LINE = re.compile(r"^(SP\d{3})(?:\s+(\d+):(\d+))?(?:\s+x(\d+))?$")


@dataclass
class Expectation:
    codes: set[str] = field(default_factory=set)
    counts: dict[str, int] = field(default_factory=dict)
    positions: list[tuple[str, int, int]] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)


def parse_expect(text: str) -> Expectation:
    """Read a sidecar; raise ValueError on a line it does not understand."""
    expectation = Expectation()
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("--"):
            words = shlex.split(line)
            name = words[0][2:].replace("-", "_")
            if name == "profile":
                expectation.options["profile"] = True
            elif name in ("select", "ignore"):
                expectation.options[name] = tuple(words[1].split(","))
            elif name == "type":
                expectation.options["type"] = words[1]
            elif name in ("max_size", "max_depth", "max_blocks"):
                expectation.options[name] = int(words[1])
            else:
                raise ValueError(f"line {number}: unknown option {words[0]}")
            continue
        match = LINE.match(line)
        if match is None:
            raise ValueError(f"line {number}: cannot read {raw!r}")
        code, row, column, count = match.groups()
        expectation.codes.add(code)
        if count is not None:
            expectation.counts[code] = int(count)
        if row is not None:
            expectation.positions.append((code, int(row), int(column)))
    return expectation


def case_files() -> list[Path]:
    if not CASES.is_dir():
        return []
    return sorted(
        path
        for kind in ("valid", "invalid")
        for path in (CASES / kind).iterdir()
        if INPUT_SUFFIX.search(path.name)
    )


def sidecar(path: Path) -> Path:
    return path.with_name(path.name.split(".")[0] + ".expect")


def run_case(path: Path, expectation: Expectation) -> list[Finding]:
    options = Options(**expectation.options)
    report = validate([str(path)], options=options)
    return report.findings


CASE_FILES = case_files()


def test_corpus_is_large_enough() -> None:
    assert len(CASE_FILES) >= 40


def test_names_are_unique_per_directory() -> None:
    stems = Counter((path.parent.name, path.name.split(".")[0]) for path in CASE_FILES)
    assert [stem for stem, count in stems.items() if count > 1] == []


def test_every_sidecar_has_an_input() -> None:
    inputs = {sidecar(path) for path in CASE_FILES}
    orphans = [p for kind in ("valid", "invalid") for p in (CASES / kind).glob("*.expect")]
    assert [p.name for p in orphans if p not in inputs] == []


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_case(path: Path) -> None:
    expect_file = sidecar(path)
    valid = path.parent.name == "valid"
    if not expect_file.exists():
        assert valid, f"{path.name}: an invalid case needs a sidecar {expect_file.name}"
        expectation = Expectation()
    else:
        expectation = parse_expect(expect_file.read_text(encoding="utf-8"))
    needed = {layer_of_code(code) for code in expectation.codes} - {"syntax", None}
    missing_layers = sorted(name for name in needed if name and layer_module(name) is None)
    if missing_layers:
        pytest.skip(f"layer(s) not written yet: {', '.join(missing_layers)}")
    findings = run_case(path, expectation)
    got = Counter(f.code for f in findings)
    described = [f"{f.code} {f.line}:{f.column} {f.severity.value} {f.message}" for f in findings]
    assert set(got) == expectation.codes, described
    for code, count in expectation.counts.items():
        assert got[code] == count, (code, described)
    for code, line, column in expectation.positions:
        at = [(f.line, f.column) for f in findings if f.code == code]
        assert (line, column) in at, (code, at)
    errors = [f for f in findings if f.severity is Severity.ERROR]
    if valid:
        assert errors == [], described
    else:
        assert errors, "an invalid case must produce at least one error"


@pytest.mark.parametrize(
    ("text", "codes", "counts", "positions", "options"),
    [
        ("", set(), {}, [], {}),
        ("# only a comment\n\n", set(), {}, [], {}),
        ("SP003", {"SP003"}, {}, [], {}),
        ("SP003 4:29  # why", {"SP003"}, {}, [("SP003", 4, 29)], {}),
        ("SP004 x2\nSP004 4:17", {"SP004"}, {"SP004": 2}, [("SP004", 4, 17)], {}),
        ("--max-depth 3\nSP012", {"SP012"}, {}, [], {"max_depth": 3}),
        ("--type html\n--profile", set(), {}, [], {"type": "html", "profile": True}),
        ("--ignore SP0,SP1", set(), {}, [], {"ignore": ("SP0", "SP1")}),
    ],
)
def test_parse_expect(
    text: str,
    codes: set[str],
    counts: dict[str, int],
    positions: list[tuple[str, int, int]],
    options: dict[str, Any],
) -> None:
    expectation = parse_expect(text)
    assert expectation.codes == codes
    assert expectation.counts == counts
    assert expectation.positions == positions
    assert expectation.options == options


@pytest.mark.parametrize("text", ["SP3", "sp001", "SP001 4", "--frobnicate 1", "SP001 x"])
def test_parse_expect_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_expect(text)
