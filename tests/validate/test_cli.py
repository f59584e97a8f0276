"""`schema-pub validate` and `schema-pub rules` through click, with real files."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from schema_pub.cli import cli
from schema_pub.cli.validate import _use_colour

GOOD = b'{"@context": "https://schema.org", "@type": "Thing", "name": "x"}'
BROKEN = b'{"@context": "https://schema.org", "@type": "Thing", "name": "x",}'
DUPLICATE = b'{"@context": "https://schema.org", "@type": "Thing", "name": "x", "name": "y"}'


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.jsonld").write_bytes(GOOD)
    (tmp_path / "broken.jsonld").write_bytes(BROKEN)
    (tmp_path / "dup.jsonld").write_bytes(DUPLICATE)
    return tmp_path


def run(*args: str, stdin: bytes | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["validate", *args], input=stdin)
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["good.jsonld"], 0),
        (["broken.jsonld"], 1),
        (["good.jsonld", "broken.jsonld"], 1),
        (["dup.jsonld"], 0),
        (["--strict", "dup.jsonld"], 1),
        (["--strict", "good.jsonld"], 0),
        (["--ignore", "SP003", "broken.jsonld"], 0),
        (["--ignore", "SP0", "broken.jsonld"], 0),
        (["--select", "SP2", "broken.jsonld"], 0),
        (["--severity", "SP008=error", "dup.jsonld"], 1),
        (["--severity", "SP003=warning", "broken.jsonld"], 0),
        (["--max-size", "10", "good.jsonld"], 1),
        (["missing.jsonld"], 2),
        (["nothing-*.json"], 2),
        (["--format", "xml", "good.jsonld"], 2),
        (["--severity", "SP003=fatal", "broken.jsonld"], 2),
        (["--select", "E501", "good.jsonld"], 2),
        (["--jobs", "0", "good.jsonld"], 2),
        (["--type", "html", "good.jsonld"], 0),
    ],
)
def test_exit_codes(site: Path, args: list[str], code: int) -> None:
    assert run(*args)[0] == code


def test_text_output(site: Path) -> None:
    code, output = run("broken.jsonld", "good.jsonld")
    assert code == 1
    assert output.startswith("broken.jsonld:1:65: SP003 trailing comma before '}' [error]\n")
    assert output.rstrip().endswith("in 2 files, 2 documents.")


@pytest.mark.parametrize("fmt", ["json", "sarif", "github", "text"])
def test_output_file(site: Path, fmt: str) -> None:
    code, output = run("--format", fmt, "--output", "out/report.txt", "broken.jsonld")
    assert (code, output) == (2, output)  # the directory does not exist: cannot run
    (site / "out").mkdir()
    code, output = run("--format", fmt, "--output", "out/report.txt", "broken.jsonld")
    assert (code, output) == (1, "")
    written = (site / "out" / "report.txt").read_text(encoding="utf-8")
    assert "SP003" in written
    if fmt in ("json", "sarif"):
        json.loads(written)


def test_stdin(site: Path) -> None:
    code, output = run("-", stdin=BROKEN)
    assert code == 1 and output.startswith("<stdin>:1:65: SP003")
    code, _ = run("-", stdin=gzip.compress(GOOD))
    assert code == 0
    code, output = run(
        "-", stdin=b'<html><head><script type="application/ld+json">' + BROKEN + b"</script>"
    )
    assert code == 1 and output.startswith("<stdin>:1:112: SP003")


def test_configuration_is_read_from_pyproject(site: Path) -> None:
    (site / "pyproject.toml").write_text('[tool.schema-pub]\nignore = ["SP003"]\n')
    assert run("broken.jsonld")[0] == 0
    assert run("--extend-select", "SP003", "broken.jsonld")[0] == 0
    assert run("--select", "SP003", "broken.jsonld")[0] == 0  # ignore still applies
    (site / "pyproject.toml").write_text("[tool.schema-pub]\nmax-depht = 3\n")
    code, output = run("good.jsonld")
    assert code == 2 and "max-depht" in output


def test_explicit_config(site: Path) -> None:
    (site / "other.toml").write_text('[tool.schema-pub]\nseverity = { SP008 = "error" }\n')
    assert run("--config", "other.toml", "dup.jsonld")[0] == 1


def test_jobs_give_the_same_report(site: Path) -> None:
    for index in range(40):
        (site / f"n{index:02}.jsonld").write_bytes(BROKEN if index % 3 else GOOD)
    serial = run("--format", "json", ".")
    parallel = run("--format", "json", "--jobs", "3", ".")
    assert serial == parallel
    assert serial[0] == 1


@pytest.mark.parametrize(
    ("choice", "no_color", "output", "expected"),
    [
        ("always", "", None, True),
        ("never", "", None, False),
        ("always", "1", None, True),
        ("auto", "1", None, False),
        ("auto", "", Path("r.txt"), False),
        ("auto", "", None, False),  # not a terminal under pytest
    ],
)
def test_colour_choice(
    monkeypatch: pytest.MonkeyPatch, choice: str, no_color: str, output: Path | None, expected: bool
) -> None:
    monkeypatch.setenv("NO_COLOR", no_color)
    assert _use_colour(choice, output) is expected


def test_colour_always(site: Path) -> None:
    assert "\x1b[" in run("--color", "always", "broken.jsonld")[1]
    assert "\x1b[" not in run("broken.jsonld")[1]


@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_rules_command(fmt: str) -> None:
    result = CliRunner().invoke(cli, ["rules", "--format", fmt])
    assert result.exit_code == 0
    assert "SP003" in result.output and "trailing-comma" in result.output
    if fmt == "json":
        assert {item["code"] for item in json.loads(result.output)} >= {"SP001", "SP035"}


def test_a_small_run_imports_only_what_it_needs(site: Path) -> None:
    """Start-up: no pyld, jsonschema or pydantic for a document on the fast path."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from schema_pub.cli import main\n"
        "try:\n"
        "    main(['validate', 'good.jsonld'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in ('pyld', 'jsonschema', 'pydantic') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=site
    )
    assert result.stdout.splitlines()[-1] == "[]"
