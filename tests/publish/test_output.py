"""The committed output/ is exactly what a build of content/ gives (golden files)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from schema_pub import contract
from schema_pub.cli import cli
from tests.conftest import CONTENT, OUTPUT


def _tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    }


def test_rebuild_reproduces_committed_output(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(CONTENT), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert _tree(out) == _tree(OUTPUT), "run `schema-pub build` and commit output/"


def test_build_twice_gives_same_bytes(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["build", str(CONTENT), "-o", str(tmp_path / "a")]).exit_code == 0
    assert runner.invoke(cli, ["build", str(CONTENT), "-o", str(tmp_path / "b")]).exit_code == 0
    first = _tree(tmp_path / "a")
    assert any(name.endswith("article.jsonld") for name in first)
    assert first == _tree(tmp_path / "b")


def test_every_published_document_validates_against_schemas() -> None:
    documents = sorted(OUTPUT.rglob("article.jsonld"))
    assert documents
    for path in documents:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert contract.errors(data) == [], path


def test_files_are_utf8_with_two_space_indent_and_trailing_newline() -> None:
    for path in sorted(OUTPUT.rglob("article.jsonld")):
        text = path.read_bytes().decode("utf-8")
        assert text.endswith("}\n")
        assert text.splitlines()[1].startswith('  "@context"')
        assert "\\u00e9" not in text  # é is written as UTF-8, not escaped
