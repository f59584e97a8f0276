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


_SITE_NODE = {"@id": "https://e.org/#p", "@type": "Person", "name": "P"}


@pytest.mark.parametrize(
    "extra",
    [
        {},
        {"width": 2**70, "height": -(2**64)},
        {"ratio": 1.5, "n": 12, "ok": True, "tiny": 1e-05},
        {"name": '\u00e9 \u2028 "q" 12345678901234567890\n<a href="x">'},
    ],
)
def test_feed_records_round_trip_exactly(extra: dict[str, Any]) -> None:
    """Stored once, a record gives back exactly what the feeds used to store apart:
    the NDJSON line, the DataFeed item, the site-wide nodes and the links."""
    from schema_pub.graph.serialize import dumps_compact
    from schema_pub.publish.feeds import FeedRecord, document_text

    root = {
        "@id": "https://e.org/a#article",
        "@type": "NewsArticle",
        "author": {"@id": "https://e.org/#p"},
        "isBasedOn": "https://e.org/b",
        "image": {"@id": "https://e.org/a#photo"},
        **extra,
    }
    photo = {
        "@id": "https://e.org/a#photo",
        "@type": "ImageObject",
        "creator": {"@id": "https://e.org/#p"},
    }
    document = {"@context": "https://schema.org", "@graph": [root, photo, {**_SITE_NODE, **extra}]}
    text, plain = document_text(document)
    assert plain == (extra == {} or "name" in extra)
    record = FeedRecord(
        slug="a",
        source="a.md",
        id="https://e.org/a#article",
        url="https://e.org/a",
        headline="H",
        language="en",
        date_published=None,
        date_modified="2025-06-12T10:00:00Z",
        document=text,
        nquads='<https://e.org/a> <http://schema.org/name> "x\\n" .\n',
        atom_entry="<entry>\n</entry>\n",
        plain=plain,
    )
    data = record.to_bytes()
    back = FeedRecord.from_bytes(data)
    assert back == record
    assert back.to_bytes() == data
    assert back.compact == dumps_compact(document)
    item = {"@type": "DataFeedItem", "dateModified": "2025-06-12T10:00:00Z"}
    assert back.feed_item == dumps_compact({**item, "item": embed(document, root["@id"])})
    # the author is nested where first reached, so the photo's creator stays a reference
    assert json.loads(back.feed_item)["item"]["image"]["creator"] == {"@id": "https://e.org/#p"}
    assert json.dumps(back.entities, sort_keys=True) == json.dumps(
        {"https://e.org/#p": {**_SITE_NODE, **extra}}, sort_keys=True
    )
    assert back.links == ["https://e.org/b"]


@pytest.mark.parametrize(
    "damage", [lambda b: b[:-1], lambda b: b + b"x", lambda b: b.replace(b"\n", b" ", 1)]
)
def test_a_damaged_feed_record_is_refused(damage: Any) -> None:
    from schema_pub.publish.feeds import FeedRecord, document_text

    text, plain = document_text({"@graph": []})
    record = FeedRecord("a", "a.md", "i", "u", "H", "en", None, None, text, "", "<e/>\n", plain)
    with pytest.raises(ValueError):
        FeedRecord.from_bytes(damage(record.to_bytes()))


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


def _embed_by_copying(document: dict[str, Any], root_id: str) -> dict[str, Any]:
    """The first version of ``embed``: every container copied, in the same order."""
    nodes = {node["@id"]: node for node in document.get("@graph", [])}
    placed: set[str] = {root_id}

    def walk(value: Any) -> Any:
        if isinstance(value, list):
            return [walk(item) for item in value]
        if isinstance(value, dict):
            if len(value) == 1 and "@id" in value:
                target = value["@id"]
                if target in nodes and target not in placed:
                    placed.add(target)
                    return walk(nodes[target])
            return {key: walk(item) for key, item in value.items()}
        return value

    return {key: walk(item) for key, item in nodes[root_id].items()}


_IDS = [f"https://e.org/a#n{i}" for i in range(5)] + ["https://e.org/#p", "https://x.org/"]
_values: st.SearchStrategy[Any] = st.recursive(
    st.one_of(
        st.sampled_from(["t", 1, True, None]),
        st.builds(lambda i: {"@id": i}, st.sampled_from(_IDS)),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.sampled_from(["a", "b", "c"]), inner, max_size=3),
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.dictionaries(st.sampled_from(["x", "y", "z"]), _values, max_size=3),
        min_size=1,
        max_size=6,
    )
)
def test_embed_is_the_copying_walk(bodies: list[dict[str, Any]]) -> None:
    """Sharing unchanged containers gives exactly what copying all of them gave."""
    import orjson

    graph = [{"@id": _IDS[i], **body} for i, body in enumerate(bodies[: len(_IDS)])]
    document = {"@graph": graph}
    before = orjson.dumps(document)
    for node in graph:
        expected = _embed_by_copying(document, node["@id"])
        assert orjson.dumps(embed(document, node["@id"])) == orjson.dumps(expected)
    assert orjson.dumps(document) == before  # the document is left as it was
