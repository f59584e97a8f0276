"""The seed article carries every fact of its text."""

from __future__ import annotations

import re
from typing import Any

import pytest

from schema_pub.publish.build import build_article
from tests.conftest import CONTENT, SEED, need_shared

SOURCE = CONTENT / "weinstein-mistrial.md"

# (start of the quotation, speaker's name or description, outlet)
QUOTATIONS = [
    ("No, sorry", "The jury foreperson", "NBC News"),
    (
        "You know me; you going to see me outside",
        "A juror who, the foreperson said, threatened him",
        "NBC News",
    ),
    ("We all felt bad.", "Chantan Holmes", "The Associated Press"),
    ("I will never give up on myself", "Jessica Mann", "NBC News"),
    ("ready, willing, and able", "Jessica Mann", "NBC News"),
    ("We are ready to go forward to trial again", "Alvin Bragg", "NBC News"),
    (
        "What happened in that jury room was absolutely improper",
        "Arthur Aidala",
        "The Associated Press",
    ),
    ("Of course, Mr. Weinstein is disappointed.", "Arthur Aidala", "NBC News"),
]


@pytest.fixture(scope="module")
def graph() -> dict[str, dict[str, Any]]:
    document = build_article(SOURCE).document
    return {node["@id"]: node for node in document["@graph"]}


def _of_type(graph: dict[str, dict[str, Any]], type_name: str) -> list[dict[str, Any]]:
    return [n for n in graph.values() if n["@type"] == type_name]


def test_article(graph: dict[str, dict[str, Any]]) -> None:
    (article,) = _of_type(graph, "NewsArticle")
    assert article["headline"] == "Juror Walkout Triggers Mistrial in Weinstein Rape Case"
    assert article["@id"] == "https://news.example.com/weinstein-mistrial/#article"
    assert article["mainEntityOfPage"] == {
        "@id": "https://news.example.com/weinstein-mistrial/#webpage"
    }
    assert article["publisher"] == {"@id": "https://news.example.com/#organization"}
    assert article["articleBody"].startswith("The courtroom had already seen days of tension")
    assert article["articleBody"].endswith("reach a unanimous decision.")
    assert "A Fractured Jury" not in article["articleBody"]  # subheadings are structure
    assert article["wordCount"] == len(article["articleBody"].split())
    (webpage,) = _of_type(graph, "WebPage")
    assert webpage["isPartOf"] == {"@id": "https://news.example.com/#website"}


def test_photo_and_credit(graph: dict[str, dict[str, Any]]) -> None:
    image = graph["https://news.example.com/weinstein-mistrial/#primaryimage"]
    assert (
        image["caption"]
        == "Harvey Weinstein at the César Awards ceremony in Paris in February 2014."
    )
    assert image["license"] == "https://creativecommons.org/licenses/by-sa/3.0/"
    assert image["creditText"] == "Photo by Georges Biard under CC BY-SA 3.0"
    assert graph[image["creator"]["@id"]]["name"] == "Georges Biard"


def test_eight_quotations(graph: dict[str, dict[str, Any]]) -> None:
    (article,) = _of_type(graph, "NewsArticle")
    quotes = [graph[ref["@id"]] for ref in article["hasPart"]]
    assert len(quotes) == 8
    for quote, (start, speaker, outlet) in zip(quotes, QUOTATIONS, strict=False):
        assert quote["text"].startswith(start)
        assert quote["isPartOf"] == {"@id": article["@id"]}
        who = graph[quote["spokenByCharacter"]["@id"]]
        assert who.get("name", who.get("description")) == speaker
        report = graph[quote["isBasedOn"]["@id"]]
        assert graph[report["publisher"]["@id"]]["name"] == outlet
        assert quote["text"] in article["articleBody"]


def test_people(graph: dict[str, dict[str, Any]]) -> None:
    (article,) = _of_type(graph, "NewsArticle")
    about = [graph[r["@id"]]["name"] for r in article["about"]]
    assert about == ["Harvey Weinstein"]
    mentioned = [
        graph[r["@id"]].get("name", graph[r["@id"]].get("description")) for r in article["mentions"]
    ]
    assert {
        "Jessica Mann",
        "Chantan Holmes",
        "Alvin Bragg",
        "Arthur Aidala",
        "The jury foreperson",
    } <= set(mentioned)
    bragg = next(p for p in _of_type(graph, "Person") if p.get("name") == "Alvin Bragg")
    assert bragg["jobTitle"] == "Manhattan District Attorney"
    # a person both mentioned and quoted is one node
    names = [p["name"] for p in _of_type(graph, "Person") if "name" in p]
    assert len(names) == len(set(names))


def test_references(graph: dict[str, dict[str, Any]]) -> None:
    (article,) = _of_type(graph, "NewsArticle")
    headlines = [graph[r["@id"]]["headline"] for r in article["citation"]]
    assert headlines == [
        "Weinstein case judge declares mistrial on remaining rape charge as jury foreperson won't deliberate",
        "Mistrial declared on rape charge in Weinstein case after juror won't return to jury room",
        "Harvey Weinstein trial ends in mistrial on final rape charge after jury foreman refuses to deliberate",
    ]


def test_every_fact_comes_from_the_seed_text(graph: dict[str, dict[str, Any]]) -> None:
    text = need_shared(SEED).read_text(encoding="utf-8")
    flat = re.sub(r"\s+", " ", text)
    (article,) = _of_type(graph, "NewsArticle")
    for paragraph in article["articleBody"].split("\n\n"):
        assert paragraph in flat
    for node in _of_type(graph, "Quotation"):
        assert node["text"] in flat
    for node in _of_type(graph, "CreativeWork"):
        if "headline" in node:
            assert node["headline"] in flat
    image = graph["https://news.example.com/weinstein-mistrial/#primaryimage"]
    assert image["caption"] in flat
    assert image["creditText"] in flat
    assert flat.startswith(article["headline"])


SUBHEADINGS = {
    "A Fractured Jury",
    "The Charge at Issue",
    "What Comes Next",
    "A Tumultuous Path for Justice",
}


def test_every_sentence_of_the_seed_text_is_published(graph: dict[str, dict[str, Any]]) -> None:
    lines = [line.strip() for line in need_shared(SEED).read_text(encoding="utf-8").splitlines()]
    headline, caption_line, *rest = [line for line in lines if line]
    (article,) = _of_type(graph, "NewsArticle")
    assert article["headline"] == headline
    image = graph["https://news.example.com/weinstein-mistrial/#primaryimage"]
    assert caption_line == f"{image['caption']} {image['creditText']}."
    references = next(line for line in rest if line.startswith("References:"))
    cited = [graph[r["@id"]]["headline"] for r in article["citation"]]
    assert references.removeprefix("References: ").split(" | ") == cited
    body = [line for line in rest if line not in SUBHEADINGS and not line.startswith("References:")]
    assert article["articleBody"].split("\n\n") == body
