"""The newsroom layer: quotations, Creative Commons credits, one node per person."""

from __future__ import annotations

from typing import Any

import pytest

from schema_pub.validate.document import Document
from schema_pub.validate.findings import Finding
from schema_pub.validate.layers import jsonld, newsroom
from schema_pub.validate.layers.newsroom import canonical_cc_license, quote_in_body

CTX = "https://schema.org"
BODY = (
    "The jury sent a note at noon. \u201cWe are deadlocked,\u201d the foreperson wrote, "
    "\u201cand no further deliberation will change that.\u201d The judge declared a mistrial."
)
SPEAKER = {"@type": "Person", "name": "the jury foreperson"}
SOURCE = {"@type": "NewsArticle", "url": "https://wire.example/jury-note"}


def quote(**props: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "@type": "Quotation",
        "text": "We are deadlocked.",
        "spokenByCharacter": SPEAKER,
        "isBasedOn": SOURCE,
    }
    for key, value in props.items():
        if value is None:
            base.pop(key, None)
        else:
            base[key] = value
    return base


def story(*quotes: dict[str, Any], body: str | None = BODY) -> dict[str, Any]:
    data: dict[str, Any] = {"@context": CTX, "@type": "NewsArticle", "hasPart": list(quotes)}
    if body is not None:
        data["articleBody"] = body
    return data


def photo(**props: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "@context": CTX,
        "@type": "ImageObject",
        "contentUrl": "https://news.example/img/court.jpg",
        "creator": {"@type": "Person", "name": "Lee Park"},
        "creditText": "Lee Park / CC BY-SA 3.0",
        "license": "https://creativecommons.org/licenses/by-sa/3.0/",
    }
    for key, value in props.items():
        if value is None:
            base.pop(key, None)
        else:
            base[key] = value
    return base


def run(data: Any) -> list[Finding]:
    doc = Document(data)
    list(jsonld.check(doc))
    return list(newsroom.check(doc))


CASES: list[tuple[str, Any, list[str]]] = [
    ("complete quotation", story(quote()), []),
    ("creator as speaker", story(quote(spokenByCharacter=None, creator=SPEAKER)), []),
    ("citation as source", story(quote(isBasedOn=None, citation="Reuters, 12 June")), []),
    (
        "quote with ellipsis",
        story(quote(text="We are deadlocked ... no further deliberation will change that")),
        [],
    ),
    ("quote with straight marks", story(quote(text='"We are deadlocked,"')), []),
    ("quote with other case and spaces", story(quote(text="we  are\nDEADLOCKED")), []),
    ("no body, no comparison", story(quote(text="Something else entirely."), body=None), []),
    ("quotation without text", story(quote(text=None)), ["SP401"]),
    ("quotation without speaker", story(quote(spokenByCharacter=None)), ["SP402"]),
    ("quotation without source", story(quote(isBasedOn=None)), ["SP403"]),
    (
        "bare quotation",
        story(quote(text=None, spokenByCharacter=None, isBasedOn=None)),
        ["SP401", "SP402", "SP403"],
    ),
    ("quote not in body", story(quote(text="We will never agree.")), ["SP404"]),
    (
        "quote words out of order",
        story(quote(text="no further deliberation ... we are deadlocked")),
        ["SP404"],
    ),
    (
        "quote in @graph, article by reference",
        {
            "@context": CTX,
            "@graph": [
                {"@type": "NewsArticle", "articleBody": BODY, "hasPart": {"@id": "#q1"}},
                {**quote(text="A sentence nobody said."), "@id": "#q1"},
            ],
        },
        ["SP404"],
    ),
    # Creative Commons
    ("complete CC image", photo(), []),
    (
        "non-CC licence is not our business",
        photo(license="https://news.example/licence", creator=None, creditText=None),
        [],
    ),
    ("CC image without creator", photo(creator=None), ["SP405"]),
    ("CC image without credit", photo(creditText=None), ["SP407"]),
    ("CC licence as text", photo(license="CC BY-SA 3.0"), ["SP406"]),
    (
        "CC deed with language",
        photo(license="https://creativecommons.org/licenses/by-sa/3.0/deed.en"),
        ["SP406"],
    ),
    (
        "CC licence over http",
        photo(license="http://creativecommons.org/licenses/by/4.0/"),
        ["SP406"],
    ),
    (
        "CC licence as a node",
        photo(
            license={"@type": "CreativeWork", "url": "https://creativecommons.org/licenses/by/4.0"}
        ),
        ["SP406"],
    ),
    (
        "CC image with nothing",
        photo(
            creator=None,
            creditText=None,
            license="https://creativecommons.org/licenses/by/2.0/legalcode",
        ),
        ["SP405", "SP406", "SP407"],
    ),
    # people
    (
        "same person twice",
        {
            "@context": CTX,
            "@graph": [
                {"@type": "Person", "@id": "#a1", "name": "Ana Ruiz"},
                {"@type": "Person", "@id": "#a2", "name": "Ana  Ruiz"},
            ],
        },
        ["SP408"],
    ),
    (
        "same person, same id",
        {
            "@context": CTX,
            "@graph": [
                {"@type": "Person", "@id": "#a1", "name": "Ana Ruiz"},
                {
                    "@type": "CreativeWork",
                    "author": {"@type": "Person", "@id": "#a1", "name": "Ana Ruiz"},
                },
            ],
        },
        [],
    ),
    (
        "namesakes without ids",
        {
            "@context": CTX,
            "@graph": [
                {"@type": "Person", "name": "Ana Ruiz"},
                {"@type": "Person", "name": "Ana Ruiz"},
            ],
        },
        [],
    ),
]


@pytest.mark.parametrize(("data", "expected"), [pytest.param(d, e, id=n) for n, d, e in CASES])
def test_codes(data: Any, expected: list[str]) -> None:
    assert sorted(f.code for f in run(data)) == expected


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        (
            "https://creativecommons.org/licenses/by-sa/3.0/",
            "https://creativecommons.org/licenses/by-sa/3.0/",
        ),
        (
            "http://creativecommons.org/licenses/by-sa/3.0",
            "https://creativecommons.org/licenses/by-sa/3.0/",
        ),
        (
            "https://www.creativecommons.org/licenses/by/4.0/deed.fr",
            "https://creativecommons.org/licenses/by/4.0/",
        ),
        (
            "https://creativecommons.org/licenses/by-nc-nd/4.0/legalcode",
            "https://creativecommons.org/licenses/by-nc-nd/4.0/",
        ),
        (
            "//creativecommons.org/licenses/by-sa/2.5/es/",
            "https://creativecommons.org/licenses/by-sa/2.5/es/",
        ),
        (
            "https://creativecommons.org/publicdomain/zero/1.0/",
            "https://creativecommons.org/publicdomain/zero/1.0/",
        ),
        ("CC BY-SA 3.0", "https://creativecommons.org/licenses/by-sa/3.0/"),
        ("cc-by-4.0", "https://creativecommons.org/licenses/by/4.0/"),
        (
            "Creative Commons Attribution-ShareAlike 3.0",
            "https://creativecommons.org/licenses/by-sa/3.0/",
        ),
        ("CC0", "https://creativecommons.org/publicdomain/zero/1.0/"),
        ("CC BY-SA", None),
        ("https://creativecommons.org/licenses/xyz/3.0/", None),
        ("All rights reserved", None),
    ],
)
def test_canonical_cc_license(written: str, canonical: str | None) -> None:
    assert canonical_cc_license(written) == canonical


@pytest.mark.parametrize(
    ("quote_text", "found"),
    [
        ("We are deadlocked.", True),
        ("\u2018We are deadlocked\u2019", True),
        ("and no further deliberation will change that", True),
        ("We are deadlocked \u2026 will change that", True),
        ("We are deadlocked [...] will change that", True),
        ("We are not deadlocked", False),
        ("will change that ... We are deadlocked", False),
        ("", True),
    ],
)
def test_quote_in_body(quote_text: str, found: bool) -> None:
    assert quote_in_body(quote_text, BODY) is found
