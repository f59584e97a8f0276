"""The draft file: readable YAML that reads back as written, the same bytes every time, atomic writes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from schema_pub.cli import cli
from schema_pub.importer import PLACEHOLDER_DATE, import_file, import_text, write_draft
from schema_pub.importer.draft import _scalar
from schema_pub.publish.load import parse_text, validate_model
from schema_pub.publish.source import ArticleSource
from tests.importer.helpers import ARTICLES, SITE_YAML


@given(st.text())
@settings(max_examples=300, deadline=None)
def test_scalar_reads_back(text: str) -> None:
    assert yaml.safe_load(f"key: {_scalar(text)}\n") == {"key": text}


@pytest.mark.parametrize(
    ("value", "plain"),
    [
        ("Jessica Mann", True),
        ("No, sorry", True),
        ("yes", False),
        ("2025-06-13", False),
        ("key: value", False),
        ("#MeToo", False),
        ("- dash", False),
        ("null", False),
        ("It's 'quoted'", True),
    ],
)
def test_scalar_style(value: str, plain: bool) -> None:
    assert (not _scalar(value).startswith('"')) is plain


@pytest.mark.parametrize("name", sorted(p.name for p in ARTICLES.iterdir()))
def test_same_input_same_bytes(name: str) -> None:
    first = import_file(ARTICLES / name).draft
    second = import_file(ARTICLES / name).draft
    assert first == second


@pytest.mark.parametrize("name", sorted(p.name for p in ARTICLES.iterdir() if p.stat().st_size))
def test_header_reads_back_as_the_data(name: str) -> None:
    result = import_file(ARTICLES / name)
    parsed = parse_text(result.draft, name, markdown=True)
    assert parsed.data == result.data
    assert (parsed.body or "") == result.body
    validate_model(parsed, ArticleSource)


def test_placeholders_are_marked() -> None:
    draft = import_file(ARTICLES / "roles.txt").draft
    assert f'date_published: "{PLACEHOLDER_DATE}"  # PLACEHOLDER' in draft
    assert 'https://placeholder.example/images/roles.jpg"  # PLACEHOLDER' in draft


def test_options_fill_the_facts() -> None:
    result = import_file(
        ARTICLES / "roles.txt",
        date="2025-06-13T09:00:00-04:00",
        url="https://news.example.com/stadium/",
    )
    assert result.data["date_published"] == "2025-06-13T09:00:00-04:00"
    assert result.data["url"] == "https://news.example.com/stadium/"
    assert 'date_published: "2025-06-13T09:00:00-04:00"\n' in result.draft


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("date", "2025-06-13"),
        ("date", "yesterday"),
        ("url", "ftp://x.example/"),
        ("url", "/relative"),
    ],
)
def test_bad_options_raise(option: str, value: str) -> None:
    with pytest.raises(ValueError):
        import_text("Headline\n\nBody.\n", **{option: value})  # type: ignore[arg-type]


def test_write_is_atomic_and_idempotent(tmp_path: Path) -> None:
    result = import_file(ARTICLES / "roles.txt")
    target = tmp_path / "roles.md"
    assert write_draft(result, target) is True
    stamp = target.stat().st_mtime_ns
    assert write_draft(result, target) is False
    assert target.stat().st_mtime_ns == stamp
    assert sorted(os.listdir(tmp_path)) == ["roles.md"]  # no temporary file left behind
    assert target.read_text(encoding="utf-8") == result.draft


def test_cli_writes_the_draft_and_reports(tmp_path: Path) -> None:
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / "site.yaml").write_bytes(SITE_YAML.read_bytes())
    out = folder / "stadium.md"
    args = ["import", str(ARTICLES / "roles.txt"), "-o", str(out), "--date", "2025-06-13T09:00:00Z"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "slug: stadium\n" in text
    assert "authors: [example-news]  # PLACEHOLDER" in text  # the site's publisher stands in
    assert "inferred:" in result.stderr and "review:" in result.stderr
    assert result.stdout == ""
    # An existing draft is kept unless --force.
    again = CliRunner().invoke(cli, args)
    assert again.exit_code == 2 and "--force" in again.stderr
    forced = CliRunner().invoke(cli, [*args, "--force", "--quiet"])
    assert forced.exit_code == 0 and "unchanged" in forced.stderr
    assert "inferred:" not in forced.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "2025-06-13"], "timezone"),
        (["--url", "news.example.com/x"], "relative URL"),
    ],
)
def test_cli_rejects_bad_options(args: list[str], message: str, tmp_path: Path) -> None:
    out = tmp_path / "x.md"
    result = CliRunner().invoke(cli, ["import", str(ARTICLES / "roles.txt"), "-o", str(out), *args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert not out.exists()


def test_cli_missing_article(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["import", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "x.md")]
    )
    assert result.exit_code == 2 and "no such file" in result.stderr


def test_cli_refuses_to_overwrite_its_input(tmp_path: Path) -> None:
    source = tmp_path / "story.md"
    source.write_text("A Headline\n\nA body.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", str(source), "-o", str(source), "--force"])
    assert result.exit_code == 2 and "overwrite the article itself" in result.stderr


_PIECES = st.sampled_from(
    [
        "Headline Here",
        "\n",
        "\n\n",
        '"',
        "“",
        "”",
        ", ",
        ". ",
        "said",
        " he said",
        "She told CNN, ",
        "according to NBC News",
        "Photo by Ann Lee under CC BY 4.0.",
        "References: A | B",
        "## Part",
        "# ",
        "Mayor Ruth Adler",
        "the witness",
        "---",
        "#MeToo",
        ": ",
        "\t",
        "\x00",
        "é",
        "\u2028",
    ]
)


@given(st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=40).map("".join))
@settings(max_examples=200, deadline=None)
def test_any_text_gives_a_draft_that_parses(text: str) -> None:
    result = import_text(text, file="fuzz.txt")
    parsed = parse_text(result.draft, "fuzz.md", markdown=True)
    validate_model(parsed, ArticleSource)
    assert parsed.data == result.data
