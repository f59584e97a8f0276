"""The google layer: Article rich results and image licence metadata."""

from __future__ import annotations

from typing import Any

import pytest

from schema_pub.validate.document import Document
from schema_pub.validate.findings import Finding
from schema_pub.validate.layers import google, jsonld

CTX = "https://schema.org"
AUTHOR = {"@type": "Person", "name": "Ana Ruiz", "url": "https://news.example/staff/ana"}
IMAGE = {"@type": "ImageObject", "url": "https://news.example/a.jpg", "width": 1600, "height": 900}


def article(kind: str = "NewsArticle", **props: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "@context": CTX,
        "@type": kind,
        "headline": "Harbour closed after storm",
        "datePublished": "2024-06-12T09:30:00+02:00",
        "dateModified": "2024-06-12T11:05:00+02:00",
        "author": AUTHOR,
        "image": IMAGE,
    }
    for key, value in props.items():
        if value is None:
            base.pop(key, None)
        else:
            base[key] = value
    return base


def inner(node: dict[str, Any]) -> dict[str, Any]:
    """A node without its @context, to nest in another."""
    return {k: v for k, v in node.items() if k != "@context"}


def run(data: Any) -> list[Finding]:
    doc = Document(data)
    list(jsonld.check(doc))
    return list(google.check(doc))


def licensed(**props: Any) -> dict[str, Any]:
    base = {
        "@context": CTX,
        "@type": "ImageObject",
        "contentUrl": "https://news.example/img/court.jpg",
        "creator": {"@type": "Person", "name": "Lee Park"},
        "creditText": "Lee Park",
        "copyrightNotice": "© Lee Park",
        "license": "https://news.example/licence",
        "acquireLicensePage": "https://news.example/buy",
    }
    for key, value in props.items():
        if value is None:
            base.pop(key, None)
        else:
            base[key] = value
    return base


CASES: list[tuple[str, Any, list[str]]] = [
    ("complete NewsArticle", article(), []),
    ("complete BlogPosting", article("BlogPosting"), []),
    ("complete Article", article("Article"), []),
    ("subtype of NewsArticle", article("ReportageNews"), []),
    ("long headline is fine", article(headline="word " * 60), []),
    ("narrow image is fine", article(image={**IMAGE, "width": 400, "height": 300}), []),
    ("no publisher is fine", article(publisher=None), []),
    ("image as URL", article(image="https://news.example/a.jpg"), []),
    ("several images", article(image=[IMAGE, {**IMAGE, "width": 1200, "height": 1200}]), []),
    (
        "organization author",
        article(
            author={
                "@type": "NewsMediaOrganization",
                "name": "Example News",
                "url": "https://news.example/",
            }
        ),
        [],
    ),
    (
        "author with sameAs",
        article(author={"@type": "Person", "name": "A B", "sameAs": "https://id.example/ab"}),
        [],
    ),
    ("two authors, one entry each", article(author=[AUTHOR, {**AUTHOR, "name": "Ben Ode"}]), []),
    (
        "role author",
        article(author={"@type": "Role", "roleName": "photographer", "author": AUTHOR}),
        [],
    ),
    (
        "referenced author",
        {
            "@context": CTX,
            "@graph": [inner(article(author={"@id": "#ana"})), {**AUTHOR, "@id": "#ana"}],
        },
        [],
    ),
    (
        "nested source article is not checked",
        article(isBasedOn={"@type": "NewsArticle", "url": "https://wire.example/x"}),
        [],
    ),
    (
        "main entity of a page is checked",
        {"@context": CTX, "@type": "WebPage", "mainEntity": inner(article(dateModified=None))},
        ["SP301"],
    ),
    ("no author", article(author=None), ["SP301"]),
    ("no dates", article(datePublished=None, dateModified=None), ["SP301", "SP301"]),
    ("no headline, no image", article(headline=None, image=None), ["SP301", "SP301"]),
    ("text author", article(author="Ana Ruiz"), ["SP302"]),
    ("thing author", article(author={"@type": "Thing", "name": "A"}), ["SP302"]),
    (
        "author without name",
        article(author={"@type": "Person", "url": "https://a.example/"}),
        ["SP303"],
    ),
    ("author without link", article(author={"@type": "Person", "name": "Ana Ruiz"}), ["SP304"]),
    (
        "two people in one author",
        article(author={**AUTHOR, "name": "Ana Ruiz and Ben Ode"}),
        ["SP305"],
    ),
    ("By prefix", article(author={**AUTHOR, "name": "By Ana Ruiz"}), ["SP306"]),
    ("honorific", article(author={**AUTHOR, "name": "Dr. Ana Ruiz"}), ["SP306"]),
    ("job title", article(author={**AUTHOR, "name": "Ana Ruiz, Staff Writer"}), ["SP306"]),
    ("date without zone", article(datePublished="2024-06-12T09:30:00"), ["SP307"]),
    ("date only", article(dateModified="2024-06-12"), ["SP307"]),
    ("modified before published", article(dateModified="2024-06-11T09:30:00+02:00"), ["SP308"]),
    ("same instant in two zones", article(dateModified="2024-06-12T07:30:00Z"), []),
    ("earlier instant in another zone", article(dateModified="2024-06-12T07:29:00Z"), ["SP308"]),
    ("small image", article(image={**IMAGE, "width": 200, "height": 200}), ["SP309"]),
    ("odd aspect ratio", article(image={**IMAGE, "width": 1500, "height": 1000}), ["SP310"]),
    (
        "dimensions as QuantitativeValue",
        article(
            image={
                **IMAGE,
                "width": {"@type": "QuantitativeValue", "value": 100},
                "height": {"@type": "QuantitativeValue", "value": 100},
            }
        ),
        ["SP309"],
    ),
    # image licence metadata
    ("licensed image, complete", licensed(), []),
    (
        "image without licence metadata",
        {"@context": CTX, "@type": "ImageObject", "url": "https://news.example/a.jpg"},
        [],
    ),
    ("licensed image without contentUrl", licensed(contentUrl=None), ["SP311"]),
    (
        "only acquireLicensePage",
        licensed(creator=None, creditText=None, copyrightNotice=None, license=None),
        ["SP312", "SP313"],
    ),
    ("credit without license", licensed(license=None), ["SP313"]),
]


@pytest.mark.parametrize(("data", "expected"), [pytest.param(d, e, id=n) for n, d, e in CASES])
def test_codes(data: Any, expected: list[str]) -> None:
    assert sorted(f.code for f in run(data)) == expected


def test_missing_recommended_names_the_property() -> None:
    findings = run(article(author=None, image=None))
    assert sorted(f.extra["property"] for f in findings) == ["author", "image"]
    assert all(f.path == () for f in findings)


def test_every_rule_cites_google_and_a_date() -> None:
    for rule in google.RULES:
        assert rule.source is not None
        assert rule.source.startswith("https://developers.google.com/search/docs/")
        assert rule.checked == "2026-11-25"


def test_no_dropped_rule_is_applied() -> None:
    # Google no longer caps headlines at 110 characters, asks for no 696 px minimum
    # width, and requires neither publisher nor image.
    data = article(
        headline="x" * 300,
        image={**IMAGE, "width": 320, "height": 240},
        publisher=None,
    )
    assert run(data) == []
    assert [f.code for f in run(article(image=None))] == ["SP301"]
