"""Head markup and article pages, read back with a standard HTML parser (html5lib)."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import html5lib
import pytest

from schema_pub.publish.build import build_article
from schema_pub.publish.facts import Quote
from schema_pub.publish.head import render_head
from schema_pub.publish.page import body_blocks, human_date
from schema_pub.publish.synthetic import variant_site

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "content" / "weinstein-mistrial.md"
SITE = ROOT / "content" / "site.yaml"

HOSTILE = "</script><script>window.__pwned=1</script> </SCRIPT > <!--<script> &amp; a\u2028b"


def parse(html: str) -> Any:
    return html5lib.parse(html, namespaceHTMLElements=False)


def text_of(element: Any) -> str:
    return "".join(element.itertext())


def metas(tree: Any) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        key = meta.get("property") or meta.get("name")
        if key is not None:
            out.setdefault(key, []).append(meta.get("content"))
    return out


def nodes(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {node["@id"]: node for node in document["@graph"]}


def scripts(tree: Any) -> list[Any]:
    return [
        json.loads(s.text) for s in tree.iter("script") if s.get("type") == "application/ld+json"
    ]


def expected_tags(document: dict[str, Any]) -> dict[str, list[str]]:
    """What the head must say, computed from the JSON-LD alone."""
    graph = nodes(document)
    article = next(n for n in graph.values() if n["@type"] in ("NewsArticle", "Article"))
    page = graph[article["mainEntityOfPage"]["@id"]]
    site = graph[page["isPartOf"]["@id"]]
    images = [graph[i["@id"]] for i in article.get("image", [])]
    authors = [graph[a["@id"]] for a in article.get("author", [])]
    tags: dict[str, list[str]] = {
        "og:type": ["article"],
        "og:title": [article["headline"]],
        "og:url": [page["url"]],
        "og:site_name": [site["name"]],
        "og:locale": [article["inLanguage"].replace("-", "_")],
        "article:published_time": [article["datePublished"]],
        "article:modified_time": [article["dateModified"]],
        "article:author": [a.get("url") or a["name"] for a in authors],
        "article:tag": article.get("keywords", []),
        "twitter:title": [article["headline"]],
        "robots": ["max-image-preview:large"],
    }
    if "description" in article:
        for key in ("og:description", "twitter:description", "description"):
            tags[key] = [article["description"]]
    if "articleSection" in article:
        tags["article:section"] = [article["articleSection"]]
    if images:
        tags["og:image"] = [i.get("contentUrl") or i["url"] for i in images]
        tags["twitter:image"] = tags["og:image"][:1]
        tags["twitter:card"] = ["summary_large_image"]
        alts = [i["caption"] for i in images if "caption" in i]
        tags["og:image:alt"] = alts
        tags["twitter:image:alt"] = alts[:1]
        for key, prop in (("og:image:width", "width"), ("og:image:height", "height")):
            values = [str(i[prop]) for i in images if prop in i]
            if values:
                tags[key] = values
    return {k: v for k, v in tags.items() if v}


CASES = [
    ("seed", {}),
    (
        "sized-photo-and-person-author",
        {
            "authors": ["jessica-mann"],
            "image": {
                "url": "https://news.example.com/images/p.jpg",
                "caption": "A photo",
                "width": 1200,
                "height": 800,
                "creator": "georges-biard",
                "license": "CC BY 4.0",
            },
            "people": {
                "jessica-mann": {"name": "Jessica Mann", "url": "https://example.org/jm"},
                "georges-biard": {"name": "Georges Biard"},
            },
            "quotations": [],
            "mentions": None,
            "about": None,
            "language": "en-GB",
        },
    ),
    ("no-photo-no-description", {"image": None, "description": None, "section": None}),
    (
        "hostile",
        {
            "headline": "H " + HOSTILE,
            "description": "D " + HOSTILE,
            "keywords": [HOSTILE],
            "section": "S " + HOSTILE,
        },
    ),
]


@pytest.mark.parametrize(("name", "changes"), CASES, ids=[c[0] for c in CASES])
def test_head_meta_tags_say_what_the_jsonld_says(
    tmp_path: Path, name: str, changes: dict[str, Any]
) -> None:
    path = variant_site(tmp_path, model=SEED, site_file=SITE, changes=changes)
    article = build_article(path)
    for file in ("head.html", "index.html"):
        html = article.files[file].decode()
        tree = parse(
            html if file == "index.html" else f"<!DOCTYPE html><html><head>{html}</head></html>"
        )
        (document,) = scripts(tree)
        assert document == article.document
        found = metas(tree)
        for key, values in expected_tags(document).items():
            assert found.get(key) == values, (file, key)
        canonical = [
            link.get("href") for link in tree.iter("link") if link.get("rel") == "canonical"
        ]
        assert canonical == [nodes(document)[article.resolved.webpage.id or ""]["url"]]


def test_render_head_is_the_head_file() -> None:
    article = build_article(SEED)
    assert render_head(article.resolved, article.document).encode() == article.files["head.html"]


def seed_page() -> tuple[Any, dict[str, Any]]:
    article = build_article(SEED)
    return parse(article.files["index.html"].decode()), article.document


def test_page_shows_headline_byline_dates_and_language() -> None:
    tree, document = seed_page()
    graph = nodes(document)
    article = graph["https://news.example.com/weinstein-mistrial/#article"]
    assert tree.get("lang") == article["inLanguage"]
    (h1,) = list(tree.iter("h1"))
    assert text_of(h1) == article["headline"]
    byline = next(p for p in tree.iter("p") if p.get("class") == "byline")
    for ref in article.get("author", []):
        assert graph[ref["@id"]]["name"] in text_of(byline)
    times = [t.get("datetime") for t in byline.iter("time")]
    assert times == [article["datePublished"]]
    assert len(list(tree.iter("main"))) == 1


def test_every_quotation_is_marked_up_with_its_source() -> None:
    tree, document = seed_page()
    graph = nodes(document)
    quoted = {text_of(q): q.get("cite") for q in tree.iter("q")}
    quoted.update({text_of(b.find("p")): b.get("cite") for b in tree.iter("blockquote")})
    quotations = [n for n in graph.values() if n["@type"] == "Quotation"]
    assert len(quotations) == 8
    for quotation in quotations:
        report = graph[quotation["isBasedOn"]["@id"]]
        publisher = graph[report["publisher"]["@id"]]
        assert quoted[quotation["text"]] == publisher["url"]


def test_photo_attribution_links_creator_and_licence_deed() -> None:
    tree, document = seed_page()
    graph = nodes(document)
    image = graph["https://news.example.com/weinstein-mistrial/#primaryimage"]
    (figure,) = list(tree.iter("figure"))
    img = figure.find("img")
    assert img.get("src") == image["contentUrl"] and img.get("alt") == image["caption"]
    attribution = next(s for s in figure.iter("span") if s.get("class") == "attribution")
    licence = [a for a in attribution.iter("a") if a.get("rel") == "license"]
    assert [a.get("href") for a in licence] == [image["license"]]
    assert text_of(licence[0]) == "CC BY-SA 3.0"
    assert graph[image["creator"]["@id"]]["name"] in text_of(attribution)


def test_references_are_listed() -> None:
    tree, document = seed_page()
    section = next(s for s in tree.iter("section") if s.get("class") == "references")
    cited = [text_of(c) for c in section.iter("cite")]
    graph = nodes(document)
    article = graph["https://news.example.com/weinstein-mistrial/#article"]
    works = [graph[ref["@id"]]["headline"] for ref in article["citation"]]
    assert cited == works


def test_hostile_text_is_escaped_in_page_and_round_trips(tmp_path: Path) -> None:
    changes = {
        "headline": "H " + HOSTILE,
        "people": {
            "georges-biard": {"name": "G " + HOSTILE},
            "jury-foreperson": {"description": "The jury foreperson"},
            "speaker": {"name": "S " + HOSTILE},
        },
        "authors": ["speaker"],
        "mentions": None,
        "about": None,
        "image": {
            "url": "https://news.example.com/i.jpg",
            "caption": "C " + HOSTILE,
            "creator": "georges-biard",
            "license": "CC BY-SA 3.0",
        },
        "quotations": [{"text": "Q " + HOSTILE, "speaker": "speaker", "source": "nbc-news"}],
    }
    path = variant_site(tmp_path, model=SEED, site_file=SITE, changes=changes)
    article = build_article(path)
    html = article.files["index.html"].decode()
    for bad in ("<script>window", "</SCRIPT", "<!--<script"):
        assert bad not in html
    tree = parse(html)
    assert scripts(tree) == [article.document]
    assert [s.get("type") for s in tree.iter("script")] == ["application/ld+json"]
    assert text_of(next(tree.iter("h1"))) == "H " + HOSTILE
    assert next(tree.iter("img")).get("alt") == "C " + HOSTILE
    assert any(text_of(b.find("p")) == "Q " + HOSTILE for b in tree.iter("blockquote"))
    assert "S " + HOSTILE in text_of(next(p for p in tree.iter("p") if p.get("class") == "byline"))


def test_site_replaces_the_page_template(tmp_path: Path) -> None:
    path = variant_site(
        tmp_path, model=SEED, site_file=SITE, site_changes={"page_template": "tpl/mine.html"}
    )
    (tmp_path / "tpl").mkdir()
    (tmp_path / "tpl" / "mine.html").write_text(
        "<!DOCTYPE html><title>{{ facts.headline }}</title>"
        '<script type="application/ld+json">{{ jsonld }}</script><p>{{ "<b>" }}</p>\n',
        encoding="utf-8",
    )
    article = build_article(path)
    html = article.files["index.html"].decode()
    assert html.startswith("<!DOCTYPE html><title>Juror Walkout")
    assert "<p>&lt;b&gt;</p>" in html  # autoescape stays on in a site's template
    assert scripts(parse(html)) == [article.document]


def test_a_missing_site_template_is_a_source_error(tmp_path: Path) -> None:
    from schema_pub.publish.errors import SourceError

    path = variant_site(
        tmp_path, model=SEED, site_file=SITE, site_changes={"page_template": "nope.html"}
    )
    with pytest.raises(SourceError, match=r"nope\.html"):
        build_article(path)


def test_pages_are_deterministic() -> None:
    assert build_article(SEED).files == build_article(SEED).files


QUOTE = Quote(text="No, sorry", speaker=None, cite="https://example.org/", source_name=None)
BLOCK_CASES = [
    ('He said, "No, sorry," and left.', ["p"], ["text", "quote", "text", "text"], []),
    ("He said, \u201cNo, sorry\u201d and left.", ["p"], ["text", "quote", "text"], []),
    ("He said no, sorry.", ["p"], ["text"], [QUOTE]),
    ("> No, sorry", ["blockquote"], ["text"], []),
    (
        "## Title\n\nText with [a link](https://example.org/) and *stress*.",
        ["h2", "p"],
        ["text", "link", "text", "em", "text"],
        [QUOTE],
    ),
    ("[bad](javascript:alert(1))", ["p"], ["text", "text"], [QUOTE]),
    ("- one\n- two", ["ul"], [], [QUOTE]),
]


@pytest.mark.parametrize(("markdown", "kinds", "runs", "unplaced"), BLOCK_CASES)
def test_body_blocks(
    markdown: str, kinds: list[str], runs: list[str], unplaced: list[Quote]
) -> None:
    blocks, left = body_blocks(markdown, (QUOTE,))
    assert [b.kind for b in blocks] == kinds
    assert [r.kind for r in blocks[-1].inlines] == runs
    assert left == unplaced
    assert all(r.url != "javascript:alert(1)" for b in blocks for r in b.inlines)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("2025-06-13T09:00:00-04:00", "13 June 2025"),
        ("2024-12-01", "1 December 2024"),
        (None, None),
        ("soon", "soon"),
        # what a site's own template may pass to the filter
        (date(2025, 6, 13), "13 June 2025"),
        (datetime(2024, 12, 1, 8, 30, tzinfo=timezone.utc), "1 December 2024"),
        (2025, "2025"),
    ],
)
def test_human_date(value: object, shown: str | None) -> None:
    assert human_date(value) == shown
