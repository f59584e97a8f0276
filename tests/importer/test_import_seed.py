"""The seed article: eight quotations, their speakers and outlets, the photo and the references."""

from __future__ import annotations

from pathlib import Path

import pytest

from schema_pub.importer import import_file
from tests.importer.helpers import SEED, build_draft, error_findings, quotations, site

pytestmark = pytest.mark.shared

EXPECTED = [
    ("No, sorry", "The jury foreperson", "NBC News"),
    (
        "You know me; you going to see me outside",
        "A juror quoted by the jury foreperson",
        "NBC News",
    ),
    ("We all felt bad. Because we really wanted", "Chantan Holmes", "Associated Press"),
    ("I will never give up on myself", "Jessica Mann", "NBC News"),
    ("ready, willing, and able", "Jessica Mann", "NBC News"),
    ("We are ready to go forward to trial", "Alvin Bragg", "NBC News"),
    ("What happened in that jury room", "Arthur Aidala", "Associated Press"),
    ("Of course, Mr. Weinstein is disappointed. He has maintained", "Arthur Aidala", "NBC News"),
]


@pytest.fixture(scope="module")
def seed() -> Path:
    if not SEED.exists():
        pytest.skip(f"{SEED} is absent: ../shared (the seed article) is only in the project's CI")
    return SEED


def test_eight_quotations(seed: Path) -> None:
    assert len(quotations(import_file(seed))) == len(EXPECTED)


@pytest.mark.parametrize(
    ("index", "start", "speaker", "outlet"), [(i, *row) for i, row in enumerate(EXPECTED)]
)
def test_quotation(seed: Path, index: int, start: str, speaker: str, outlet: str) -> None:
    text, got_speaker, got_outlet = quotations(import_file(seed))[index]
    assert text.startswith(start)
    assert (got_speaker, got_outlet) == (speaker, outlet)


@pytest.mark.parametrize(
    ("key", "field", "value"),
    [
        ("alvin-bragg", "job_title", "Manhattan District Attorney"),
        ("arthur-aidala", "description", "Harvey Weinstein's attorney"),
        ("jessica-mann", "description", "Actress"),
        ("chantan-holmes", "description", "Juror"),
        ("jury-foreperson", "name", None),
        ("georges-biard", "name", "Georges Biard"),
    ],
)
def test_people(seed: Path, key: str, field: str, value: str | None) -> None:
    people = import_file(seed).data["people"]
    assert people[key].get(field) == value


def test_outlets_are_news_media(seed: Path) -> None:
    orgs = import_file(seed).data["organizations"]
    assert orgs == {
        "nbc-news": {"type": "NewsMediaOrganization", "name": "NBC News"},
        "associated-press": {"type": "NewsMediaOrganization", "name": "Associated Press"},
    }


def test_outlets_of_the_site_are_not_declared_again(seed: Path) -> None:
    result = import_file(seed, site=site())
    assert "organizations" not in result.data
    assert {q.get("source") for q in result.data["quotations"]} == {"nbc-news", "associated-press"}


def test_photo_credit(seed: Path) -> None:
    image = import_file(seed).data["image"]
    assert image["creator"] == "georges-biard"
    assert image["license"] == "CC BY-SA 3.0"
    assert image["credit"] == "Photo by Georges Biard under CC BY-SA 3.0"
    assert (
        image["caption"]
        == "Harvey Weinstein at the César Awards ceremony in Paris in February 2014."
    )
    assert image["url"].startswith("https://placeholder.example/")


def test_references(seed: Path) -> None:
    citations = import_file(seed).data["citations"]
    assert [c["headline"][:40] for c in citations] == [
        "Weinstein case judge declares mistrial o",
        "Mistrial declared on rape charge in Wein",
        "Harvey Weinstein trial ends in mistrial ",
    ]


def test_body_is_markdown_without_credit_or_references(seed: Path) -> None:
    result = import_file(seed)
    body = result.body
    headings = [line for line in body.splitlines() if line.startswith("## ")]
    assert headings == [
        "## A Fractured Jury",
        "## The Charge at Issue",
        "## What Comes Next",
        "## A Tumultuous Path for Justice",
    ]
    assert "Photo by" not in body
    assert "References" not in body
    assert "Juror Walkout" not in body  # the headline is not body either
    assert body.startswith("The courtroom had already seen days of tension")
    assert body.rstrip().endswith("reach a unanimous decision.")


def test_import_build_validate(seed: Path, tmp_path: Path) -> None:
    result = import_file(seed, slug_="weinstein-mistrial", site=site())
    article = build_draft(result, tmp_path / "content", "weinstein-mistrial")
    graph = article.document["@graph"]
    quotes = [n for n in graph if n.get("@type") == "Quotation"]
    assert len(quotes) == 8
    assert error_findings(article.files["article.jsonld"]) == []


def test_only_the_passive_quote_needs_a_person(seed: Path) -> None:
    report = import_file(seed).report
    unattributed = [n for n in report.reviews if "speaker" in n.message]
    assert [n.line for n in unattributed] == [8]
    assert report.errors == []
