"""Bad input: a clear message naming the file and line, a draft written all the same."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from schema_pub.cli import cli
from schema_pub.importer import PLACEHOLDER_HEADLINE, import_file
from tests.importer.helpers import ARTICLES, SITE_YAML, build_draft, site


def _binary(tmp_path: Path) -> Path:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    return path


def _latin1(tmp_path: Path) -> Path:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\u00e9 Reopens\n\nThe caf\u00e9 reopened on Monday.\n".encode("latin-1"))
    return path


@pytest.mark.parametrize(
    ("make", "line", "words", "usable"),
    [
        (lambda tmp: ARTICLES / "empty.txt", 1, "empty", False),
        (_binary, 3, "binary", False),
        (lambda tmp: ARTICLES / "no-headline.txt", 1, "no recognisable headline", False),
        (lambda tmp: ARTICLES / "unbalanced.txt", 4, "unbalanced quotation marks", True),
        (_latin1, 1, "not UTF-8", True),
    ],
    ids=["empty", "binary", "no-headline", "unbalanced", "latin-1"],
)
def test_bad_input(
    make: Callable[[Path], Path], line: int, words: str, usable: bool, tmp_path: Path
) -> None:
    path = make(tmp_path)
    result = import_file(path, site=site())
    errors = result.report.errors
    assert errors, result.report.lines()
    assert errors[0].line == line
    assert words in errors[0].message
    formatted = result.report.lines()[0]
    assert formatted.startswith(f"{path}:{line}: error: ")
    assert result.usable is usable
    # The draft is still written, and it builds.
    article = build_draft(result, tmp_path / "content", "draft")
    assert article.document["@graph"]


def test_no_headline_keeps_the_body_and_the_quote() -> None:
    result = import_file(ARTICLES / "no-headline.txt")
    assert result.data["headline"] == PLACEHOLDER_HEADLINE
    assert result.body.startswith("The mayor said on Monday")
    assert [q["text"] for q in result.data["quotations"]] == ["We have no choice"]


def test_unattributed_quotes_are_listed_and_commented_out(tmp_path: Path) -> None:
    path = tmp_path / "lonely.txt"
    path.write_text(
        'Rain Expected All Week\n\nForecasters expect rain until Sunday.\n"Bring an umbrella."\n',
        encoding="utf-8",
    )
    result = import_file(path, site=site())
    assert result.data["quotations"] == []
    assert [n.line for n in result.report.reviews if "no speaker" in n.message] == [4]
    assert (
        '# - text: "Bring an umbrella."' in result.draft
        or "# - text: Bring an umbrella" in result.draft
    )
    build_draft(result, tmp_path / "content", "lonely")


@pytest.mark.parametrize(
    ("name", "code"),
    [("empty.txt", 1), ("no-headline.txt", 1), ("unbalanced.txt", 0), ("roles.txt", 0)],
)
def test_cli_exit_code(name: str, code: int, tmp_path: Path) -> None:
    out = tmp_path / "content" / "draft.md"
    out.parent.mkdir()
    (out.parent / "site.yaml").write_bytes(SITE_YAML.read_bytes())
    result = CliRunner().invoke(cli, ["import", str(ARTICLES / name), "-o", str(out)])
    assert result.exit_code == code, result.output
    assert out.is_file()
    assert f"{out}: written" in result.stderr
