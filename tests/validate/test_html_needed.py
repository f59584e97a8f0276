"""A page's visible text is read only when a block gives the page layer something to find.

``extract`` leaves the text empty when no JSON-LD block of the page could name a
headline, an author or a quotation (``page.may_look_for``). The page layer must
then answer as it would with the text: these tests validate every HTML case of
``tests/cases`` and pages built to spell those terms without writing them
(aliases, ``@vocab`` joined to a key, escapes), once through the pipeline and
once with the text always read, and compare the page layer's findings.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from schema_pub.validate import Options
from schema_pub.validate.html import extract
from schema_pub.validate.layers import syntax
from schema_pub.validate.layers.page import may_look_for
from schema_pub.validate.pipeline import check_documents, validate_content

CASES = Path(__file__).resolve().parents[1] / "cases"
PAGE_ONLY = Options(select=("SP6",))


def page(*blocks: str, body: str = "<h1>Shown headline</h1><p>By Jane Roe</p>") -> str:
    scripts = "".join(f'<script type="application/ld+json">{b}</script>' for b in blocks)
    return f"<!doctype html><html><head>{scripts}</head><body>{body}</body></html>"


def article(**extra: object) -> str:
    return json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", **extra})


BUILT = {
    "organization only": page(
        json.dumps({"@context": "https://schema.org", "@type": "Organization", "name": "X"})
    ),
    "breadcrumbs, escaped markup": page(
        '{"@context": "https://schema.org", "@type": "BreadcrumbList", "name": "a \\u003c b"}'
    ),
    "headline not shown": page(article(headline="Hidden headline")),
    "headline shown": page(article(headline="Shown headline")),
    "aliased headline": page(
        json.dumps(
            {
                "@context": ["https://schema.org", {"h": "headline"}],
                "@type": "NewsArticle",
                "h": "Hidden headline",
            }
        )
    ),
    "vocab joined to a key": page(
        json.dumps(
            {
                "@context": {"@vocab": "https://schema.org/head"},
                "@type": "https://schema.org/NewsArticle",
                "line": "Hidden headline",
            }
        )
    ),
    "prefix joined to a key": page(
        json.dumps(
            {
                "@context": {"s": "https://schema.org/", "q": "https://schema.org/Quo"},
                "@type": "q:tation",
                "s:text": "Never said",
            }
        )
    ),
    "escaped key": page(
        '{"@context": "https://schema.org", "@type": "NewsArticle", "\\u0068eadline": "Hidden"}'
    ),
    "escaped type": page(
        '{"@context": "https://schema.org", "@type": "\\u0051uotation", "text": "Never said"}'
    ),
    "two blocks, one article": page(
        json.dumps({"@context": "https://schema.org", "@type": "WebSite", "name": "X"}),
        article(headline="Hidden headline"),
    ),
}


def html_cases() -> list[Path]:
    return sorted(p for p in CASES.rglob("*") if p.name.endswith((".html", ".htm", ".html.gz")))


def read(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.name.endswith(".gz") else data


def findings_with_text(raw: bytes | str) -> list[tuple[str, str]]:
    """The page layer's findings with the visible text always read."""
    extracted = extract(raw, file="p.html")
    documents = [
        syntax.parse(b.text, file="p.html", block=b.index, origin=(b.line, b.column), in_html=True)
        for b in extracted.blocks
    ]
    kept = check_documents(
        [d.document for d in documents],
        [],
        name="p.html",
        options=PAGE_ONLY,
        page_text=extracted.page_text,
    )
    return [(f.code, f.message) for f in kept]


def findings_of_pipeline(raw: bytes | str) -> list[tuple[str, str]]:
    report = validate_content(raw, kind="html", name="p.html", options=PAGE_ONLY)
    return [(f.code, f.message) for f in report.findings if f.code.startswith("SP6")]


@pytest.mark.parametrize("name", sorted(BUILT))
def test_built_pages_find_what_the_full_text_finds(name: str) -> None:
    html = BUILT[name]
    assert findings_of_pipeline(html) == findings_with_text(html)


@pytest.mark.parametrize(
    ("name", "codes"),
    [
        ("headline not shown", {"SP601"}),
        ("aliased headline", {"SP601"}),
        ("escaped key", {"SP601"}),
        ("two blocks, one article", {"SP601"}),
        ("headline shown", set()),
        ("organization only", set()),
    ],
)
def test_built_pages_give_the_findings_they_are_built_for(name: str, codes: set[str]) -> None:
    """The comparison above has something to compare: text-hungry pages do find things."""
    assert {code for code, _ in findings_with_text(BUILT[name])} == codes


@pytest.mark.parametrize(
    ("name", "needed"),
    [
        ("organization only", False),
        ("breadcrumbs, escaped markup", False),
        ("headline not shown", True),
        ("aliased headline", True),
        ("vocab joined to a key", True),
        ("prefix joined to a key", True),
        ("escaped key", True),
        ("escaped type", True),
        ("two blocks, one article", True),
    ],
)
def test_text_is_read_when_a_block_may_need_it(name: str, needed: bool) -> None:
    html = BUILT[name]
    blocks = extract(html, page_text=False).blocks
    assert any(may_look_for(b.text) for b in blocks) is needed
    assert bool(extract(html, page_text=may_look_for).page_text) is needed


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        ('{"@context": "https://schema.org", "@type": "Person", "name": "A"}', False),
        ('{"@context":"http://schema.org","@type":"Person","author":1}', True),
        ('{"@context" :\n "https://schema.org", "@graph": []}', False),
        ('{"@context": ["https://schema.org"], "@type": "Thing"}', True),
        ('{"@context": "https://schema.org", "x": {"@context": {"a": "b"}}}', True),
        ('{"name": "about @context"}', True),
        ('{"@type": "Quotation"}', True),
        ('{"name": "\\u003cb\\u003e"}', False),
        ('{"name": "\\u0041"}', True),
        ('{"\\u0040context": {"h": "headline"}}', True),
        ("", False),
    ],
)
def test_may_look_for(block: str, expected: bool) -> None:
    assert may_look_for(block) is expected


@pytest.mark.skipif(not CASES.is_dir(), reason="tests/cases is not in this checkout")
@pytest.mark.parametrize("path", html_cases(), ids=lambda p: p.name)
def test_html_cases_find_what_the_full_text_finds(path: Path) -> None:
    raw = read(path)
    assert findings_of_pipeline(raw) == findings_with_text(raw)
