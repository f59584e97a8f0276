"""Feeds read back by standard readers: xml.etree for XML, json, pyld for N-Quads."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import html5lib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from schema_pub.jsonld import from_nquads, to_nquads
from schema_pub.publish.feeds import embed, relabel_blank_nodes, xml_text
from schema_pub.publish.site import build_site
from schema_pub.publish.synthetic import synthetic_site, variant_site

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "content" / "weinstein-mistrial.md"
SITE = ROOT / "content" / "site.yaml"
START = datetime(2025, 1, 1, 9, 0, tzinfo=timezone.utc)
NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "n": "http://www.google.com/schemas/sitemap-news/0.9",
    "a": "http://www.w3.org/2005/Atom",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Five articles, one a day from 2025-01-01 09:00Z, built into ``out``."""
    base = tmp_path_factory.mktemp("feeds")
    synthetic_site(
        base / "content", 5, model=SEED, site_file=SITE, start=START, step=timedelta(days=1)
    )
    report = build_site([base / "content"], base / "out")
    assert report.ok and len(report.built) == 5
    return base / "out"


def articles(out: Path) -> list[dict[str, Any]]:
    return [json.loads(p.read_bytes()) for p in sorted(out.glob("*/article.jsonld"))]


def article_node(document: dict[str, Any]) -> dict[str, Any]:
    return next(n for n in document["@graph"] if n["@type"] == "NewsArticle")


def test_ndjson_has_one_document_per_article(site: Path) -> None:
    lines = (site / "feed.ndjson").read_text(encoding="utf-8").splitlines()
    docs = [json.loads(line) for line in lines]
    assert sorted(docs, key=lambda d: article_node(d)["url"]) == sorted(
        articles(site), key=lambda d: article_node(d)["url"]
    )
    assert [article_node(d)["datePublished"] for d in docs] == sorted(
        (article_node(d)["datePublished"] for d in docs), reverse=True
    )


def test_datafeed_items_state_exactly_the_article_graphs(site: Path) -> None:
    feed = json.loads((site / "feed.jsonld").read_bytes())
    assert feed["@type"] == "DataFeed" and feed["@context"] == "https://schema.org"
    assert feed["dateModified"] == max(article_node(d)["dateModified"] for d in articles(site))
    by_id = {article_node(d)["@id"]: d for d in articles(site)}
    assert len(feed["dataFeedElement"]) == len(by_id)
    for element in feed["dataFeedElement"]:
        assert element["@type"] == "DataFeedItem"
        item = element["item"]
        assert element["dateModified"] == item["dateModified"]
        document = by_id[item["@id"]]
        assert to_nquads({"@context": "https://schema.org", **item}) == to_nquads(document)


def test_nquads_round_trip_through_pyld(site: Path) -> None:
    text = (site / "feed.nq").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert len(lines) == len(set(lines))
    expected = set()
    for document in articles(site):
        expected |= set(to_nquads(document).splitlines())
    assert set(lines) == expected
    assert set(to_nquads(from_nquads(text)).splitlines()) == expected


def test_sitemap_lists_every_article(site: Path) -> None:
    root = ET.parse(site / "sitemap.xml").getroot()
    assert root.tag == f"{{{NS['s']}}}urlset"
    found = {
        u.findtext("s:loc", namespaces=NS): u.findtext("s:lastmod", namespaces=NS) for u in root
    }
    assert set(found) == {article_node(d)["url"] for d in articles(site)}
    assert all(v and v.endswith("Z") for v in found.values())


def test_news_sitemap_by_default_covers_two_days_before_the_newest_article(site: Path) -> None:
    root = ET.parse(site / "news-sitemap.xml").getroot()
    entries = root.findall("s:url", NS)
    assert len(entries) == 3  # Jan 3, 4 and 5, 09:00Z
    for entry in entries:
        news = entry.find("n:news", NS)
        assert news is not None
        assert news.findtext("n:publication/n:name", namespaces=NS) == "Example News"
        assert news.findtext("n:publication/n:language", namespaces=NS) == "en"
        assert news.findtext("n:title", namespaces=NS).startswith("Juror Walkout")
        assert news.findtext("n:publication_date", namespaces=NS).startswith("2025-01-0")


WINDOW_CASES = [
    (START + timedelta(days=4), 3),
    (START + timedelta(days=2) - timedelta(minutes=1), 2),
    (START - timedelta(seconds=1), 0),
    (START + timedelta(days=30), 0),
    (START, 1),
]


@pytest.mark.parametrize(("now", "count"), WINDOW_CASES)
def test_news_sitemap_window(tmp_path: Path, now: datetime, count: int) -> None:
    synthetic_site(
        tmp_path / "c", 5, model=SEED, site_file=SITE, start=START, step=timedelta(days=1)
    )
    build_site([tmp_path / "c"], tmp_path / "o", now=now, validate=False)
    root = ET.parse(tmp_path / "o" / "news-sitemap.xml").getroot()
    assert len(root.findall("s:url", NS)) == count


def test_source_date_epoch_sets_now(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synthetic_site(
        tmp_path / "c", 5, model=SEED, site_file=SITE, start=START, step=timedelta(days=1)
    )
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int((START + timedelta(hours=1)).timestamp())))
    report = build_site([tmp_path / "c"], tmp_path / "o", validate=False)
    assert report.now == START + timedelta(hours=1)
    root = ET.parse(tmp_path / "o" / "news-sitemap.xml").getroot()
    assert len(root.findall("s:url", NS)) == 1


def test_atom_feed(site: Path) -> None:
    root = ET.parse(site / "atom.xml").getroot()
    assert root.tag == f"{{{NS['a']}}}feed"
    entries = root.findall("a:entry", NS)
    docs = {article_node(d)["@id"]: d for d in articles(site)}
    assert {e.findtext("a:id", namespaces=NS) for e in entries} == set(docs)
    assert root.findtext("a:updated", namespaces=NS) == "2025-01-05T09:00:00Z"
    assert root.findtext("a:author/a:name", namespaces=NS) == "Example News"
    for entry in entries:
        node = article_node(docs[entry.findtext("a:id", namespaces=NS) or ""])
        assert entry.findtext("a:title", namespaces=NS) == node["headline"]
        graph = {n["@id"]: n for n in docs[node["@id"]]["@graph"]}
        authors = [graph[a["@id"]]["name"] for a in node.get("author", [])]
        assert [
            a.findtext("a:name", namespaces=NS) for a in entry.findall("a:author", NS)
        ] == authors
        enclosure = [link for link in entry.findall("a:link", NS) if link.get("rel") == "enclosure"]
        assert [link.get("href") for link in enclosure] == [
            "https://news.example.com/images/harvey-weinstein-cesar-2014.jpg"
        ]
        assert (
            entry.findtext("a:rights", namespaces=NS) == "Photo by Georges Biard under CC BY-SA 3.0"
        )
        content = entry.find("a:content", NS)
        assert content is not None and content.get("type") == "html"
        page = html5lib.parse(content.text or "", namespaceHTMLElements=False)
        assert [a.get("href") for a in page.iter("a") if a.get("rel") == "license"] == [
            "https://creativecommons.org/licenses/by-sa/3.0/"
        ]
        assert len(list(page.iter("q"))) == 8


def test_feeds_are_deterministic(site: Path, tmp_path: Path) -> None:
    synthetic_site(
        tmp_path / "content", 5, model=SEED, site_file=SITE, start=START, step=timedelta(days=1)
    )
    # Same relative source names as the fixture's, from another folder: feeds must not depend on it.
    build_site([tmp_path / "content"], tmp_path / "out")
    for name in (
        "feed.ndjson",
        "feed.jsonld",
        "feed.nq",
        "sitemap.xml",
        "news-sitemap.xml",
        "atom.xml",
    ):
        assert (tmp_path / "out" / name).read_bytes() == (site / name).read_bytes(), name


XML_HOSTILE = "A & <C> ]]> \"q\" 'a' \u2028 </title>"


def test_xml_feeds_round_trip_markup_characters(tmp_path: Path) -> None:
    path = variant_site(
        tmp_path / "c", model=SEED, site_file=SITE, changes={"headline": XML_HOSTILE}
    )
    assert build_site([path.parent], tmp_path / "o", validate=False).ok
    atom = ET.parse(tmp_path / "o" / "atom.xml").getroot()
    assert atom.findtext("a:entry/a:title", namespaces=NS) == XML_HOSTILE
    news = ET.parse(tmp_path / "o" / "news-sitemap.xml").getroot()
    assert news.findtext("s:url/n:news/n:title", namespaces=NS) == XML_HOSTILE


def test_embed_nests_each_node_once() -> None:
    doc = {
        "@graph": [
            {"@id": "a", "knows": {"@id": "b"}, "likes": {"@id": "b"}},
            {"@id": "b", "knows": {"@id": "a"}},
        ]
    }
    assert embed(doc, "a") == {
        "@id": "a",
        "knows": {"@id": "b", "knows": {"@id": "a"}},
        "likes": {"@id": "b"},
    }


def test_blank_node_labels_are_scoped() -> None:
    text = "_:c14n0 <http://x/p> _:c14n12 .\n"
    one, two = relabel_blank_nodes(text, "one"), relabel_blank_nodes(text, "two")
    assert one != two and "_:c14n" not in one
    labels = {word for word in (one + two).split() if word.startswith("_:")}
    assert len(labels) == 4


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [("a<b&c>", "a&lt;b&amp;c&gt;"), ("x\x00y\x1fz", "xyz"), ("é\u2028", "é\u2028")],
)
def test_xml_text(raw: str, escaped: str) -> None:
    assert xml_text(raw) == escaped


@pytest.mark.parametrize(
    "entities",
    [
        {},
        {"https://e.org/#p": {"@id": "https://e.org/#p", "width": 2**70, "height": -(2**64)}},
        {"https://e.org/#p": {"@id": "https://e.org/#p", "ratio": 1.5, "n": 12, "ok": True}},
        {"https://e.org/#p": {"name": '\u00e9 \u2028 "q" 12345678901234567890'}},
    ],
)
def test_feed_records_round_trip_exactly(entities: dict[str, Any]) -> None:
    from schema_pub.publish.feeds import FeedRecord

    record = FeedRecord(
        slug="a",
        source="a.md",
        id="https://e.org/a#article",
        url="https://e.org/a",
        headline="H",
        language="en",
        date_published=None,
        date_modified="2025-06-12T10:00:00Z",
        compact="{}",
        feed_item="{}",
        nquads="",
        atom_entry="<entry/>\n",
        entities=entities,
        links=["https://e.org/b"],
    )
    back = FeedRecord.from_bytes(record.to_bytes())
    assert back == record
    assert json.dumps(back.entities, sort_keys=True) == json.dumps(entities, sort_keys=True)
    assert record.to_bytes() == back.to_bytes()
    # the bytes of the one-line JSON text, whichever way they are made
    from dataclasses import asdict

    from schema_pub.graph.serialize import dumps_compact

    assert record.to_bytes() == dumps_compact(asdict(record)).encode("utf-8")


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab&<>\"'\n\r\t\x00\x0b\ufffe\u00e9 ;#")), max_size=16)
)
def test_xml_escaping_is_the_standard_librarys(value: str) -> None:
    from xml.sax.saxutils import escape, quoteattr

    from schema_pub.publish.feeds import xml_attr

    cleaned = "".join(c for c in value if c not in "\x00\x0b\ufffe")
    assert xml_text(value) == escape(cleaned)
    assert xml_attr(value) == quoteattr(cleaned)
