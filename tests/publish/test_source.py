from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from schema_pub.publish.build import build_article
from schema_pub.publish.errors import SourceError
from schema_pub.publish.load import field_name, parse_text
from schema_pub.publish.resolve import markdown_to_text


def test_positions_in_markdown_header_count_the_fence() -> None:
    parsed = parse_text(
        "---\nheadline: H\npeople:\n  ann:\n    name: Ann\n---\nBody.\n", "a.md", markdown=True
    )
    assert parsed.position(("headline",)) == (2, 11)
    assert parsed.position(("people", "ann", "name")) == (5, 11)
    assert parsed.position(("people", "ann", "missing")) == (5, 5)
    assert parsed.body == "Body."


def test_dates_stay_text() -> None:
    parsed = parse_text(
        "date_published: 2025-06-12T10:00:00Z\nday: 2025-06-12\n", "a.yaml", markdown=False
    )
    assert parsed.data == {"date_published": "2025-06-12T10:00:00Z", "day": "2025-06-12"}


@pytest.mark.parametrize(
    ("loc", "name"),
    [
        (("headline",), "headline"),
        (("quotations", 2, "speaker"), "quotations[2].speaker"),
        ((), ""),
    ],
)
def test_field_names(loc: tuple[Any, ...], name: str) -> None:
    assert field_name(loc) == name


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("One.\n\nTwo.", "One.\n\nTwo."),
        ("## Heading\n\nBody.", "Body."),
        ("A *quiet* **bold** [link](https://x.example) `code`.", "A quiet bold link code."),
        ("> quoted\n> more", "quoted more"),
        ("- one\n- two", "one two"),
        ("line one\nline two", "line one line two"),
        ("snake_case_name stays", "snake_case_name stays"),
    ],
)
def test_markdown_to_text(markdown: str, text: str) -> None:
    assert markdown_to_text(markdown) == text


def _build(site_dir: Path, body: str, name: str = "story.yaml") -> dict[str, dict[str, Any]]:
    path = site_dir / name
    path.write_text(body, encoding="utf-8")
    return {n["@id"]: n for n in build_article(path).document["@graph"]}


def test_ids_defaults_and_links(site_dir: Path) -> None:
    graph = _build(
        site_dir,
        "headline: H\npeople:\n  ann: {name: Ann}\n  foreman: {description: the foreman}\n"
        "authors: [ann]\nquotations:\n  - {text: Hi, speaker: foreman, source: nbc-news}\n"
        "  - {text: Yo, speaker: ann, source: ref}\ncitations:\n  - {key: ref, headline: R, publisher: associated-press}\n",
    )
    base = "https://news.example.com/"
    article = graph[f"{base}story/#article"]
    assert article["author"] == [{"@id": f"{base}#/person/ann"}]
    assert article["publisher"] == {"@id": f"{base}#organization"}
    assert f"{base}story/#person-foreman" in graph  # unnamed speakers belong to the article
    assert graph[f"{base}story/#quote-1"]["isBasedOn"] == {"@id": f"{base}story/#report-nbc-news"}
    assert graph[f"{base}story/#report-nbc-news"]["publisher"] == {
        "@id": f"{base}#/organization/nbc-news"
    }
    assert graph[f"{base}story/#quote-2"]["isBasedOn"] == {"@id": f"{base}story/#cite-ref"}
    assert graph[f"{base}story/#webpage"]["isPartOf"] == {"@id": f"{base}#website"}
    assert graph[f"{base}#website"]["publisher"] == {"@id": f"{base}#organization"}
    assert article["datePublished"] == "2025-06-13T09:00:00-04:00"  # the site's placeholder date


def test_publisher_override_and_explicit_url(site_dir: Path) -> None:
    graph = _build(site_dir, "headline: H\nurl: https://other.example/x\npublisher: nbc-news\n")
    article = graph["https://other.example/x#article"]
    assert article["publisher"] == {"@id": "https://news.example.com/#/organization/nbc-news"}


def test_same_person_mentioned_and_quoted_is_one_node(site_dir: Path) -> None:
    graph = _build(
        site_dir,
        "headline: H\npeople:\n  ann: {name: Ann}\nmentions: [ann]\nabout: [ann]\nquotations:\n  - {text: Hi, speaker: ann}\n",
    )
    assert [n for n in graph.values() if n["@type"] == "Person"] == [
        {"@id": "https://news.example.com/#/person/ann", "@type": "Person", "name": "Ann"}
    ]


def test_person_and_organization_with_one_key(site_dir: Path) -> None:
    with pytest.raises(SourceError, match="both as a person and as an organization"):
        _build(site_dir, "headline: H\npeople:\n  nbc-news: {name: Nobody}\n")


def test_python_dash_m() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "schema_pub", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "0.1.0" in result.stdout
