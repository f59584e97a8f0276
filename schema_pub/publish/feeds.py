"""Feeds for aggregators: NDJSON, a schema.org DataFeed, N-Quads, sitemaps, Atom.

Each article contributes a :class:`FeedRecord` (built once, kept on disk by the
site build so an unchanged article need not be rebuilt); :func:`write_feeds`
streams the records into every feed file at once, one record at a time, so
memory does not grow with the number of articles. Every feed is written to a
temporary file and renamed into place.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import datetime, timedelta, timezone
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from schema_pub.graph.serialize import dumps_compact, no_floats
from schema_pub.publish.files import AtomicStream

if TYPE_CHECKING:
    from schema_pub.publish.facts import PageFacts

FEED_FILES = (
    "feed.ndjson",
    "feed.jsonld",
    "feed.nq",
    "sitemap.xml",
    "news-sitemap.xml",
    "atom.xml",
)
NEWS_WINDOW = timedelta(days=2)
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
ATOM_NS = "http://www.w3.org/2005/Atom"

# Characters XML 1.0 does not allow, even escaped.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _escape(value: str) -> str:
    # what xml.sax.saxutils.escape writes (that module imports urllib and http: slow)
    if "&" in value or "<" in value or ">" in value:
        value = value.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
    return value


def xml_text(value: str) -> str:
    """``value`` escaped for XML character data (characters XML forbids are dropped)."""
    return _escape(_XML_INVALID.sub("", value))


def xml_attr(value: str) -> str:
    """``value`` as a quoted XML attribute value (as xml.sax.saxutils.quoteattr quotes it)."""
    value = _escape(_XML_INVALID.sub("", value))
    if "\n" in value or "\r" in value or "\t" in value:
        value = value.replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in value:
        return '"' + value + '"'
    if "'" not in value:
        return "'" + value + "'"
    return '"' + value.replace('"', "&quot;") + '"'


def parse_datetime(value: str) -> datetime:
    """An ISO 8601 date or date-time as an aware datetime (a bare date is midnight UTC)."""
    when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when


def utc(value: str) -> str:
    """An ISO date-time in UTC with ``Z`` (RFC 3339, as Atom and sitemaps want)."""
    return parse_datetime(value).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def embed(document: dict[str, Any], root_id: str) -> dict[str, Any]:
    """The node ``root_id`` of a ``@graph`` document with the nodes it links to nested.

    Each node is nested once, where it is first reached; later references stay
    ``{"@id": ...}``, so cycles end and the statements are exactly the graph's
    (nodes not reachable from the root are left out). The result shares the
    containers in which nothing is nested with ``document``: read it, do not change it.
    """
    nodes = {node["@id"]: node for node in document.get("@graph", [])}
    placed: set[str] = {root_id}

    # Containers in which nothing is nested are returned as they are (the result is
    # only read); the others are copied, keys in place. Plain loops, not comprehensions.
    def walk(value: Any) -> Any:
        if type(value) is dict:
            if len(value) == 1 and "@id" in value:
                target = value["@id"]
                if target in nodes and target not in placed:
                    placed.add(target)
                    return walk(nodes[target])
            out: dict[str, Any] | None = None
            for key, item in value.items():
                kind = type(item)
                if kind is dict or kind is list:
                    new = walk(item)
                    if new is not item:
                        if out is None:
                            out = dict(value)
                        out[key] = new
            return value if out is None else out
        if type(value) is list:
            copy: list[Any] | None = None
            for index, item in enumerate(value):
                kind = type(item)
                if kind is dict or kind is list:
                    new = walk(item)
                    if new is not item:
                        if copy is None:
                            copy = list(value)
                        copy[index] = new
            return value if copy is None else copy
        return value

    root: dict[str, Any] = walk(nodes[root_id])
    return root


def relabel_blank_nodes(nquads: str, scope: str) -> str:
    """Give canonical blank node labels (``_:c14n0``) a prefix unique to ``scope``."""
    if "_:c14n" not in nquads:
        return nquads
    prefix = "b" + hashlib.sha1(scope.encode("utf-8")).hexdigest()[:12]
    return re.sub(r"_:c14n(\d+)", lambda m: f"_:{prefix}c{m.group(1)}", nquads)


def document_text(document: dict[str, Any], *, float_free: bool = False) -> tuple[str, bool]:
    """``document`` as one line of JSON with its keys in their own order (not sorted),
    and whether the text is *plain*: orjson's, without floats, so orjson reads it back
    exactly. Other text (floats, integers beyond 64 bits) is the standard library's,
    which reads back the same values."""
    if float_free or no_floats(document):
        try:
            return orjson.dumps(document).decode("utf-8"), True
        except (TypeError, orjson.JSONEncodeError):
            pass
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"), allow_nan=False), False


_PARTS = ("document", "nquads", "atom_entry")


@dataclass
class FeedRecord:
    """What one article contributes to the feeds and to site-wide checks.

    Each piece is kept once: the JSON-LD ``document`` (its keys in the graph's
    order, which decides where :func:`embed` nests a node), its canonical
    ``nquads`` and its Atom entry. The NDJSON line (:attr:`compact`), the
    DataFeed item (:attr:`feed_item`), the site-wide nodes (:attr:`entities`)
    and the links (:attr:`links`) are derived from the document when read.
    ``plain`` says the document text is orjson's and holds no float.
    """

    slug: str
    source: str
    id: str
    url: str
    headline: str
    language: str
    date_published: str | None
    date_modified: str | None
    document: str
    nquads: str
    atom_entry: str
    plain: bool = False

    @cached_property
    def graph(self) -> dict[str, Any]:
        """The document, parsed (the same values as were written)."""
        value: dict[str, Any] = (
            orjson.loads(self.document) if self.plain else json.loads(self.document)
        )
        return value

    @property
    def compact(self) -> str:
        """The NDJSON line: the document with sorted keys (``dumps_compact``'s text)."""
        return dumps_compact(self.graph, float_free=self.plain)

    @property
    def feed_item(self) -> str:
        """The ``DataFeedItem`` of the DataFeed: dates and the root with its nodes nested."""
        item = {
            "@type": "DataFeedItem",
            "dateCreated": self.date_published,
            "dateModified": self.date_modified,
            "item": embed(self.graph, self.id),
        }
        return dumps_compact(
            {k: v for k, v in item.items() if v is not None}, float_free=self.plain
        )

    @cached_property
    def entities(self) -> dict[str, Any]:
        """The site-level nodes (not under the article's URL), by ``@id``."""
        own = self.url.split("#")[0]
        found: dict[str, Any] = {}
        for node in self.graph.get("@graph", []):
            node_id = node.get("@id", "")
            if not node_id.startswith(own):
                found[node_id] = node
        return found

    @cached_property
    def links(self) -> list[str]:
        """URLs the article refers to (creative works, pages, ``isBasedOn``), sorted."""
        found: set[str] = set()
        for node in self.graph.get("@graph", []):
            if node.get("@type") in _LINKING_TYPES and isinstance(node.get("url"), str):
                found.add(node["url"])
            based = node.get("isBasedOn")
            if isinstance(based, str):
                found.add(based)
        return sorted(found)

    def to_bytes(self) -> bytes:
        """The stored form: a line of JSON (the short fields, keys sorted, and the byte
        lengths of the long ones), then the document, the N-Quads and the Atom entry
        as they are, one after the other (no escaping, nothing stored twice)."""
        parts = [getattr(self, name).encode("utf-8") for name in _PARTS]
        header = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in _PARTS}
        header["sizes"] = [len(part) for part in parts]
        return b"".join(
            [orjson.dumps(header, option=orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE), *parts]
        )

    @classmethod
    def from_bytes(cls, data: bytes) -> FeedRecord:
        end = data.index(b"\n")
        header = orjson.loads(data[:end])
        sizes = header.pop("sizes")
        if not isinstance(sizes, list) or len(sizes) != len(_PARTS):
            raise ValueError("not a feed record")
        at = end + 1
        for name, size in zip(_PARTS, sizes, strict=True):
            header[name] = data[at : at + size].decode("utf-8")
            at += size
        if at != len(data):
            raise ValueError("a feed record of the wrong length")
        return cls(**header)


_LINKING_TYPES = ("CreativeWork", "WebPage", "Article", "NewsArticle")


def atom_entry(facts: PageFacts, content_html: str) -> str:
    """One ``<entry>`` of the Atom feed: stable id, authors, dates, photo, full content."""
    lines = [
        "<entry>",
        f"<id>{xml_text(facts.id)}</id>",
        f"<title>{xml_text(facts.headline)}</title>",
    ]
    lines.append(f'<link rel="alternate" type="text/html" href={xml_attr(facts.url)}/>')
    updated = facts.date_modified or facts.date_published
    if updated:
        lines.append(f"<updated>{utc(updated)}</updated>")
    if facts.date_published:
        lines.append(f"<published>{utc(facts.date_published)}</published>")
    for author in facts.authors:
        uri = f"<uri>{xml_text(author.url)}</uri>" if author.url else ""
        lines.append(f"<author><name>{xml_text(author.name)}</name>{uri}</author>")
    if facts.section:
        lines.append(f"<category term={xml_attr(facts.section)}/>")
    for keyword in facts.keywords:
        lines.append(f"<category term={xml_attr(keyword)}/>")
    if facts.description:
        lines.append(f"<summary>{xml_text(facts.description)}</summary>")
    for image in facts.photos:
        kind = f" type={xml_attr(image.encoding_format)}" if image.encoding_format else ""
        title = f" title={xml_attr(image.alt)}" if image.alt else ""
        lines.append(f'<link rel="enclosure" href={xml_attr(image.src)}{kind}{title}/>')
    photo = facts.photo
    if photo is not None and (photo.credit or photo.creator or photo.license_url):
        credit = photo.credit or " ".join(
            part
            for part in (
                "Photo",
                f"by {photo.creator.name}" if photo.creator else "",
                f"under {photo.license_name}" if photo.license_name else "",
            )
            if part
        )
        lines.append(f"<rights>{xml_text(credit)}</rights>")
    lines.append(f'<content type="html">{xml_text(content_html)}</content>')
    lines.append("</entry>")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class SiteMeta:
    name: str
    url: str
    language: str


def news_window(now: datetime) -> tuple[datetime, datetime]:
    return now - NEWS_WINDOW, now


def in_news_window(record: FeedRecord, now: datetime) -> bool:
    if not record.date_published:
        return False
    start, end = news_window(now)
    return start <= parse_datetime(record.date_published) <= end


def write_feeds(
    outdir: Path,
    site: SiteMeta,
    records: Iterable[FeedRecord],
    *,
    now: datetime,
    updated: str | None,
    durable: bool = False,
) -> list[Path]:
    """Stream ``records`` into every feed file of ``outdir``; return the files written.

    ``updated`` is the feed's last modification (the newest ``dateModified``);
    the news sitemap keeps the articles published in the two days up to ``now``.
    """
    base = site.url if site.url.endswith("/") else site.url + "/"
    paths = {name: outdir / name for name in FEED_FILES}
    streams = {name: AtomicStream(path, durable=durable) for name, path in paths.items()}
    try:
        ndjson, datafeed, nq = streams["feed.ndjson"], streams["feed.jsonld"], streams["feed.nq"]
        sitemap, news, atom = (
            streams["sitemap.xml"],
            streams["news-sitemap.xml"],
            streams["atom.xml"],
        )
        datafeed.write(
            '{"@context":"https://schema.org",'
            f'"@id":{json.dumps(base + "feed.jsonld")},"@type":"DataFeed","dataFeedElement":[\n'
        )
        sitemap.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="{SITEMAP_NS}">\n')
        news.write(
            f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="{SITEMAP_NS}" xmlns:news="{NEWS_NS}">\n'
        )
        atom.write(
            f'<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="{ATOM_NS}" xml:lang={xml_attr(site.language)}>\n'
            f"<id>{xml_text(base)}</id>\n<title>{xml_text(site.name)}</title>\n"
            f'<link rel="self" type="application/atom+xml" href={xml_attr(base + "atom.xml")}/>\n'
            f'<link rel="alternate" type="text/html" href={xml_attr(base)}/>\n'
            # The feed's author: entries without authors of their own inherit it (RFC 4287).
            f"<author><name>{xml_text(site.name)}</name><uri>{xml_text(base)}</uri></author>\n"
            f"<updated>{utc(updated) if updated else '1970-01-01T00:00:00Z'}</updated>\n"
        )
        seen_shared: set[str] = set()
        first = True
        for record in records:
            ndjson.write(record.compact + "\n")
            datafeed.write(("" if first else ",\n") + record.feed_item)
            first = False
            own = "<" + record.url.split("#")[0]
            kept: list[str] = []
            for line in record.nquads.splitlines(keepends=True):
                if line.startswith(own) or not line.startswith("<"):
                    kept.append(line)
                elif line not in seen_shared:
                    # A statement about a site-wide node (publisher, person): once per feed.
                    seen_shared.add(line)
                    kept.append(line)
            nq.write("".join(kept))
            lastmod = (
                f"<lastmod>{utc(record.date_modified)}</lastmod>" if record.date_modified else ""
            )
            sitemap.write(f"<url><loc>{xml_text(record.url)}</loc>{lastmod}</url>\n")
            if record.date_published and in_news_window(record, now):
                news.write(
                    f"<url><loc>{xml_text(record.url)}</loc><news:news><news:publication>"
                    f"<news:name>{xml_text(site.name)}</news:name>"
                    f"<news:language>{xml_text(record.language)}</news:language></news:publication>"
                    f"<news:publication_date>{xml_text(record.date_published)}</news:publication_date>"
                    f"<news:title>{xml_text(record.headline)}</news:title></news:news></url>\n"
                )
            atom.write(record.atom_entry)
        datafeed.write(
            "\n],"
            + (f'"dateModified":{json.dumps(updated)},' if updated else "")
            + f'"name":{json.dumps(site.name + " articles", ensure_ascii=False)},"url":{json.dumps(base)}}}\n'
        )
        sitemap.write("</urlset>\n")
        news.write("</urlset>\n")
        atom.write("</feed>\n")
    except BaseException:
        for stream in streams.values():
            stream.abort()
        raise
    for stream in streams.values():
        stream.commit()
    return [paths[name] for name in FEED_FILES]


def compact_line(document: dict[str, Any]) -> str:
    return dumps_compact(document)


__all__ = [
    "FEED_FILES",
    "NEWS_WINDOW",
    "FeedRecord",
    "SiteMeta",
    "atom_entry",
    "compact_line",
    "document_text",
    "embed",
    "in_news_window",
    "parse_datetime",
    "relabel_blank_nodes",
    "utc",
    "write_feeds",
    "xml_attr",
    "xml_text",
]
