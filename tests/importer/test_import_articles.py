"""Short articles written for these tests, each with the quotations, speakers and outlets expected.

Each article exercises some patterns of attribution; the table says which.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from schema_pub.importer import import_file
from tests.importer.helpers import ARTICLES, build_draft, error_findings, quotations, site

Q = tuple[str, str, str | None]

EXPECTED: dict[str, list[Q]] = {
    # curly quotes; "...," said TITLE NAME; NAME told OUTLET, "..."; surname alone; several sentences
    "curly-quotes.txt": [
        ("This wall will protect thousands of homes", "Dana Whitfield", "Reuters"),
        ("We should have started this a decade ago", "Luis Ortega", "The Boston Globe"),
        ("The money is there. The will is there. Now we build", "Dana Whitfield", None),
    ],
    # a quote split around its attribution; a pronoun after indirect speech; "in a statement"
    "split-quote.txt": [
        ("We have crews from four states on the way", "Karen Bell", None),
        ("Most customers should have power back by Tuesday", "Karen Bell", None),
        ("Some of these poles snapped like matchsticks", "Karen Bell", "CNN"),
        ("Stay off the roads and check on your neighbors", "Paul Hendricks", None),
    ],
    # X told OUTLET; X said, "..."; an organization "said in a statement"; according to OUTLET; "X added"
    "told-outlet.txt": [
        ("This object was taken by force", "Helen Achebe-Clarke", "BBC News"),
        ("Today we welcome home a piece of our history", "Ade Okafor", None),
        ("The return is long overdue", "Horniman Museum", "The Guardian"),
        ("We will keep working with our partners", "Helen Achebe-Clarke", None),
    ],
    # speakers described only by role: one witness, another witness, a spokesperson, "the spokesperson"
    "roles.txt": [
        ("People were pushed against the fence", "A witness", "Associated Press"),
        ("I lost my shoes and my phone", "Another witness", "NPR"),
        ("We are reviewing every minute of the evening", "A spokesperson for the stadium", None),
    ],
    # Markdown: # headline, image, italic credit, ## subheading, a References list
    "markdown.md": [
        ("We filled two dumpsters before noon", "Priya Nair", None),
        ("Every year there is less plastic and more hope", "Priya Nair", "NBC News"),
    ],
    # a quotation over three paragraphs (open at the end of the first); a partial quote
    "multi-paragraph.txt": [
        ("I made mistakes, and I own them. I trusted people", "Lena Marsh", "ESPN"),
        ("But I never lied to my players", "Lena Marsh", "ESPN"),
        ("I want to coach again someday", "Lena Marsh", "ESPN"),
        ("fair but painful", "Lena Marsh", None),
    ],
    # organizations as speakers; OUTLET reported; a resident by role and name
    "org-speaker.txt": [
        ("The fire is contained and there is no danger", "Fire Department", None),
        (
            "We are cooperating fully with investigators",
            "Acme Chemicals Inc.",
            "The New York Times",
        ),
        ("We could smell it from three blocks away", "Omar Haddad", None),
    ],
    # he and she resolve to the last speaker each fits; an appositive "who" clause
    "pronouns.txt": [
        ("This is the role I waited twenty years for", "Clara Vance", None),
        ("We had no money, only friends", "Marco Bellini", "Variety"),
        ("Marco made us believe in it", "Clara Vance", "Variety"),
    ],
    # a forgotten closing quote before the attribution
    "unbalanced.txt": [
        ("We will not accept these terms", "Mark Daly", None),
        ("The offer is an insult", "Mark Daly", "Reuters"),
    ],
}

CASES = [(name, i, *row) for name, rows in EXPECTED.items() for i, row in enumerate(rows)]


def test_at_least_eight_articles() -> None:
    assert len(EXPECTED) >= 8
    assert all((ARTICLES / name).is_file() for name in EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_quotation_count(name: str) -> None:
    assert len(quotations(import_file(ARTICLES / name))) == len(EXPECTED[name])


@pytest.mark.parametrize(("name", "index", "start", "speaker", "outlet"), CASES)
def test_quotation(name: str, index: int, start: str, speaker: str, outlet: str | None) -> None:
    text, got_speaker, got_outlet = quotations(import_file(ARTICLES / name))[index]
    assert text.startswith(start)
    assert (got_speaker, got_outlet) == (speaker, outlet)


@pytest.mark.parametrize(
    ("name", "key", "field", "value"),
    [
        ("curly-quotes.txt", "dana-whitfield", "job_title", "Council President"),
        ("curly-quotes.txt", "luis-ortega", "job_title", "Harbor Commissioner"),
        ("split-quote.txt", "paul-hendricks", "job_title", "Governor"),
        ("split-quote.txt", "karen-bell", "job_title", "Utility spokeswoman"),
        ("told-outlet.txt", "ade-okafor", "job_title", "Nigerian culture minister"),
        ("pronouns.txt", "clara-vance", "description", "Actress"),
        ("pronouns.txt", "marco-bellini", "job_title", "Director"),
        ("org-speaker.txt", "omar-haddad", "description", "Resident"),
        ("markdown.md", "priya-nair", "description", "Organizer"),
        ("unbalanced.txt", "mark-daly", "job_title", "Union president"),
    ],
)
def test_titles_and_roles(name: str, key: str, field: str, value: str) -> None:
    assert import_file(ARTICLES / name).data["people"][key][field] == value


@pytest.mark.parametrize(
    ("name", "creator", "license", "credit"),
    [
        ("curly-quotes.txt", "Tomas Reyes", None, "Photo: Tomas Reyes/Reuters"),
        ("split-quote.txt", "Maria Lopez", None, "(c) Maria Lopez"),
        (
            "told-outlet.txt",
            "Georges Biard",
            "CC BY-SA 4.0",
            "Georges Biard via Wikimedia Commons, CC BY-SA 4.0",
        ),
        ("roles.txt", "NASA", "Public Domain Mark 1.0", "Photo: NASA, public domain"),
        ("markdown.md", "Ann Lee", "CC0 1.0", "Photo by Ann Lee under CC0"),
        (
            "multi-paragraph.txt",
            "Sam Okoro",
            "CC BY 2.0",
            "Photo by Sam Okoro for Associated Press under CC BY 2.0",
        ),
        ("org-speaker.txt", "Lee Wong", None, "Photo by Lee Wong for The New York Times"),
        (
            "pronouns.txt",
            "Ines Moreau",
            "CC BY-NC-SA 2.5",
            "Photo by Ines Moreau under CC BY-NC-SA 2.5",
        ),
    ],
)
def test_photo_credit(name: str, creator: str, license: str | None, credit: str) -> None:
    data = import_file(ARTICLES / name).data
    image = data["image"]
    entities = {**data.get("people", {}), **data.get("organizations", {})}
    assert entities[image["creator"]]["name"] == creator
    assert image.get("license") == license
    assert image["credit"] == credit


def test_agency_is_the_photographers_affiliation() -> None:
    data = import_file(ARTICLES / "curly-quotes.txt").data
    person = data["people"]["tomas-reyes"]
    assert data["organizations"][person["affiliation"]] == {
        "type": "NewsMediaOrganization",
        "name": "Reuters",
    }


def test_markdown_input() -> None:
    result = import_file(ARTICLES / "markdown.md")
    assert result.data["headline"] == "River Cleanup Draws Record Crowd"
    assert result.data["image"]["url"] == "https://news.example.com/images/river-cleanup.jpg"
    assert result.data["image"]["caption"] == "Volunteers pull a shopping cart from the river."
    assert result.data["citations"] == [
        {"headline": "River cleanup sets a record"},
        {"headline": "Volunteers haul tons of trash from the river"},
    ]
    assert "## Tons of trash" in result.body
    assert "![" not in result.body and "Photo by" not in result.body


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_import_build_validate(name: str, tmp_path: Path) -> None:
    result = import_file(ARTICLES / name, site=site())
    article = build_draft(result, tmp_path / "content", Path(name).stem)
    quotes = [n for n in article.document["@graph"] if n.get("@type") == "Quotation"]
    assert len(quotes) == len(EXPECTED[name])
    assert error_findings(article.files["article.jsonld"]) == []


def test_byline_gives_the_authors() -> None:
    data = import_file(ARTICLES / "pronouns.txt").data
    assert data["authors"] == ["jane-porter", "sam-li"]
    assert data["people"]["sam-li"] == {"name": "Sam Li"}
