"""``schema-pub vocab``, run through click's CliRunner and the real index."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from schema_pub.cli import cli


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["vocab", *args])
    return result.exit_code, result.stdout, result.stderr


def test_type_newsarticle() -> None:
    code, out, _ = run("type", "NewsArticle")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "NewsArticle  (schema.org 30.0)"
    assert "  subclass of: Article > CreativeWork > Thing" in lines
    start = lines.index("properties (141):") + 1
    rows = {line.split()[0]: line for line in lines[start:]}
    assert rows["dateline"].endswith("(own)")
    assert rows["printSection"].endswith("(own)")
    assert rows["headline"].split()[-1] == "CreativeWork"
    assert rows["articleBody"].split()[-1] == "Article"
    assert rows["name"].split()[-1] == "Thing"
    props = list(rows)
    assert props == sorted(props)
    assert len(props) == 141


def test_type_with_two_parents_shows_both_chains() -> None:
    code, out, _ = run("type", "schema:LocalBusiness")
    assert code == 0
    assert "  subclass of: Organization > Thing" in out
    assert "  subclass of: Place > Thing" in out
    assert "  address                           from Organization, Place" in out


def test_type_enumeration_lists_members() -> None:
    code, out, _ = run("type", "DayOfWeek")
    assert code == 0
    assert "  kind: enumeration" in out
    assert "  Monday\n" in out


def test_property_author() -> None:
    code, out, _ = run("property", "author")
    assert code == 0
    assert out.splitlines() == [
        "author  (schema.org 30.0)",
        "  domains: CreativeWork, Rating",
        "  ranges: Organization, Person",
        "  superseded by: -",
    ]


def test_property_superseded() -> None:
    code, out, _ = run("property", "https://schema.org/episodes")
    assert code == 0
    assert "  superseded by: episode" in out.splitlines()


def test_search() -> None:
    code, out, _ = run("search", "newsmedia")
    assert code == 0
    assert out.splitlines() == ["class\tNewsMediaOrganization  [pending]"]


def test_search_british_spelling() -> None:
    code, out, _ = run("search", "organisation", "--limit", "500")
    assert code == 0
    assert "class\tOrganization" in out.splitlines()


def test_search_limit() -> None:
    code, out, _ = run("search", "date", "--limit", "3")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 4
    assert lines[-1].startswith("... ") and lines[-1].endswith("more (use --limit)")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("type", "NewsArticel"),
            "unknown type 'NewsArticel' in schema.org 30.0; did you mean 'NewsArticle'?",
        ),
        (("type", "newsarticle"), "did you mean 'NewsArticle'?"),
        (("type", "NewsMediaOrganisation"), "did you mean 'NewsMediaOrganization'?"),
        (("type", "headline"), "'headline' is a property in schema.org 30.0, not a type"),
        (("property", "headLine"), "did you mean 'headline'?"),
        (("property", "dateModifed"), "did you mean 'dateModified'?"),
        (
            ("property", "NewsArticle"),
            "'NewsArticle' is a class in schema.org 30.0, not a property",
        ),
        (("property", "qqqqzzzz"), "unknown property 'qqqqzzzz' in schema.org 30.0"),
        (("search", "Organizaton"), "did you mean 'Organization'?"),
        (("search", "qqqqzzzz"), "no schema.org 30.0 term contains 'qqqqzzzz'"),
    ],
)
def test_unknown_terms_exit_1_with_a_hint(args: tuple[str, ...], message: str) -> None:
    code, out, err = run(*args)
    assert code == 1
    assert out == ""
    assert message in err
