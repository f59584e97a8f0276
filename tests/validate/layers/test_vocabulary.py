"""The vocabulary layer against the bundled schema.org 30.0 index."""

from __future__ import annotations

from typing import Any

import pytest

from schema_pub.validate.document import Document
from schema_pub.validate.findings import Finding
from schema_pub.validate.layers import jsonld, vocabulary
from schema_pub.validate.layers.vocabulary import is_iso_date, is_url

CTX = "https://schema.org"


def run(
    data: Any, page_ids: frozenset[str] = frozenset(), block: int | None = None
) -> list[Finding]:
    doc = Document(data, page_ids=page_ids, block=block)
    list(jsonld.check(doc))
    assert doc.graph is not None
    return list(vocabulary.check(doc))


def thing(**props: Any) -> dict[str, Any]:
    return {"@context": CTX, "@type": "CreativeWork", **props}


def person(**props: Any) -> dict[str, Any]:
    return {"@context": CTX, "@type": "Person", "name": "Ana Ruiz", **props}


CASES: list[tuple[str, Any, list[str]]] = [
    # clean documents
    (
        "clean article",
        {
            "@context": CTX,
            "@type": "NewsArticle",
            "headline": "H",
            "datePublished": "2024-01-05T08:00:00+01:00",
            "author": {"@type": "Person", "name": "A", "url": "https://a.example/"},
        },
        [],
    ),
    (
        "foreign terms left alone",
        {
            "@context": [CTX, {"dc": "http://purl.org/dc/terms/"}],
            "@type": ["Person", "dc:Agent"],
            "dc:anything": 5,
        },
        [],
    ),
    ("subtype in range", thing(author={"@type": "Patient", "name": "P"}), []),
    ("integer where Number", {"@context": CTX, "@type": "Offer", "price": 12}, []),
    ("numeric text where Number", {"@context": CTX, "@type": "Offer", "price": "12.50"}, []),
    ("number where Text", {"@context": CTX, "@type": "PostalAddress", "postalCode": 98052}, []),
    ("date where Date or DateTime", thing(dateCreated="2024-03-01"), []),
    ("year where Date", person(birthDate="1970"), []),
    ("datetime with zone", thing(dateCreated="2024-03-01T10:00:00Z"), []),
    ("boolean", thing(isAccessibleForFree=True), []),
    ("boolean member IRI", thing(isAccessibleForFree="https://schema.org/True"), []),
    ("integer", {"@context": CTX, "@type": "Book", "numberOfPages": 320}, []),
    ("integral float for Integer", {"@context": CTX, "@type": "Book", "numberOfPages": 320.0}, []),
    ("relative URL", thing(url="/news/harbour"), []),
    ("width as number (Distance)", {"@context": CTX, "@type": "ImageObject", "width": 1200}, []),
    ("width as text (Distance)", {"@context": CTX, "@type": "ImageObject", "width": "1200 px"}, []),
    ("enumeration short name", {"@context": CTX, "@type": "Offer", "availability": "InStock"}, []),
    (
        "enumeration IRI",
        {"@context": CTX, "@type": "Offer", "availability": "https://schema.org/InStock"},
        [],
    ),
    (
        "enumeration compact IRI",
        {"@context": CTX, "@type": "Offer", "availability": "schema:InStock"},
        [],
    ),
    (
        "enumeration @id",
        {"@context": CTX, "@type": "Offer", "availability": {"@id": "http://schema.org/InStock"}},
        [],
    ),
    (
        "role pattern",
        thing(
            author={
                "@type": "Role",
                "roleName": "editor",
                "author": {"@type": "Person", "name": "A"},
            }
        ),
        [],
    ),
    (
        "organization role",
        {
            "@context": CTX,
            "@type": "SportsTeam",
            "athlete": {
                "@type": "OrganizationRole",
                "startDate": "2020",
                "athlete": {"@type": "Person", "name": "Z"},
            },
        },
        [],
    ),
    (
        "reference to a declared node",
        {
            "@context": CTX,
            "@graph": [
                {"@type": "Person", "@id": "#a", "name": "A"},
                {"@type": "CreativeWork", "author": {"@id": "#a"}},
            ],
        },
        [],
    ),
    ("link to another page by URL", thing(url={"@id": "https://other.example/page"}), []),
    ("untyped nested node", thing(author={"name": "A"}), []),
    # unknown terms
    ("misspelt property", thing(headLine="H"), ["SP201"]),
    ("unknown property", thing(dateModifed="2024-01-01"), ["SP201"]),
    ("class used as property", thing(Person="x"), ["SP201"]),
    ("misspelt type", {"@context": CTX, "@type": "NewsMediaOrganisation", "name": "N"}, ["SP202"]),
    ("unknown type", {"@context": CTX, "@type": "Gadget", "name": "N"}, ["SP202"]),
    # domain
    ("property of another type", person(headline="H"), ["SP203"]),
    ("role property on a plain node", thing(roleName="editor"), ["SP203"]),
    # range: literals
    ("number where Person", thing(author=42), ["SP204"]),
    ("text date", thing(dateCreated="5 January 2024"), ["SP204"]),
    ("impossible month", thing(dateCreated="2024-13-01"), ["SP204"]),
    ("number where Date", thing(dateCreated=2024), ["SP204"]),
    ("url with spaces", thing(url="see our site"), ["SP204"]),
    ("boolean as yes", thing(isAccessibleForFree="yes"), ["SP204"]),
    ("number where Boolean", thing(isAccessibleForFree=1), ["SP204"]),
    ("fraction where Integer", {"@context": CTX, "@type": "Book", "numberOfPages": 3.5}, ["SP204"]),
    ("text where Integer", {"@context": CTX, "@type": "Book", "numberOfPages": "many"}, ["SP204"]),
    ("boolean where Person", thing(author=True), ["SP204"]),
    # range: text for entity and wrong classes
    ("text author", thing(author="Ana Ruiz"), ["SP205"]),
    ("place of wrong class", thing(author={"@type": "Place", "name": "Paris"}), ["SP206"]),
    ("entity where text", person(email={"@type": "Person", "name": "x"}), ["SP206"]),
    # enumerations
    ("misspelt member", {"@context": CTX, "@type": "Offer", "availability": "InStok"}, ["SP207"]),
    (
        "member of another enumeration",
        {"@context": CTX, "@type": "Offer", "availability": "https://schema.org/Monday"},
        ["SP207"],
    ),
    (
        "prose where enumeration",
        {"@context": CTX, "@type": "Offer", "availability": "ships in two days"},
        ["SP205"],
    ),
    # superseded
    (
        "superseded property",
        {
            "@context": CTX,
            "@type": "CreativeWorkSeries",
            "episodes": {"@type": "Episode", "name": "E1"},
        },
        ["SP203", "SP208"],
    ),
    # references
    ("dangling reference", thing(author={"@id": "#nobody"}), ["SP209"]),
    ("dangling blank node", thing(author={"@id": "_:b0"}), ["SP209"]),
]


@pytest.mark.parametrize(("data", "expected"), [pytest.param(d, e, id=n) for n, d, e in CASES])
def test_codes(data: Any, expected: list[str]) -> None:
    assert sorted(f.code for f in run(data)) == expected


@pytest.mark.parametrize(
    ("data", "path", "hint"),
    [
        (thing(headLine="H"), ("headLine",), "did you mean 'headline'?"),
        (
            {"@context": CTX, "@type": "NewsMediaOrganisation"},
            ("@type",),
            "did you mean 'NewsMediaOrganization'?",
        ),
        ({"@context": CTX, "@type": "newsarticle"}, ("@type",), "did you mean 'NewsArticle'?"),
        (
            {"@context": CTX, "@type": "Offer", "availability": "instock"},
            ("availability",),
            "did you mean 'InStock'?",
        ),
        (
            {"@context": CTX, "@type": "CreativeWorkSeries", "episodes": None},
            None,
            None,
        ),
    ],
)
def test_hints_and_paths(data: Any, path: tuple[str, ...] | None, hint: str | None) -> None:
    findings = run(data)
    if path is None:
        assert findings == []
        return
    (finding,) = findings
    assert finding.path == path
    assert finding.hint == hint


def test_superseded_names_its_successor() -> None:
    findings = run(
        {
            "@context": CTX,
            "@type": "CreativeWorkSeries",
            "episode": {"@type": "Episode"},
            "episodes": {"@type": "Episode"},
        }
    )
    superseded = [f for f in findings if f.code == "SP208"]
    assert len(superseded) == 1
    assert "'episode'" in superseded[0].message


def test_reference_declared_elsewhere_on_the_page() -> None:
    data = thing(author={"@id": "https://news.example/#ana"})
    assert [f.code for f in run(data)] == ["SP209"]
    # Another block of the same page declares it.
    assert run(data, page_ids=frozenset({"https://news.example/#ana"}), block=1) == []
    assert [f.code for f in run(data, page_ids=frozenset({"#other"}), block=1)] == ["SP209"]


def test_nested_role_value_is_range_checked() -> None:
    data = thing(author={"@type": "Role", "roleName": "editor", "author": 42})
    findings = run(data)
    assert [(f.code, f.path) for f in findings] == [("SP204", ("author", "author"))]


def test_no_graph_no_findings() -> None:
    assert list(vocabulary.check(Document({"name": "x"}))) == []


def test_rules_are_declared() -> None:
    codes = [rule.code for rule in vocabulary.RULES]
    assert codes == sorted(codes)
    assert len(set(codes)) == len(codes)
    assert all(rule.layer == "vocabulary" for rule in vocabulary.RULES)


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("2024", True),
        ("2024-06", True),
        ("2024-06-12", True),
        ("2024-06-12T09:30", True),
        ("2024-06-12T09:30:00+02:00", True),
        ("2024-06-12T09:30:00.250Z", True),
        ("2024-06-12 09:30:00", True),
        ("12/06/2024", False),
        ("June 12, 2024", False),
        ("2024-6-12", False),
        ("2024-06-32", False),
        ("", False),
    ],
)
def test_iso_dates(text: str, ok: bool) -> None:
    assert is_iso_date(text) is ok


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("https://example.com/a?b=c#d", True),
        ("/relative/path", True),
        ("mailto:desk@example.com", True),
        ("", False),
        ("   ", False),
        ("two words", False),
    ],
)
def test_urls(text: str, ok: bool) -> None:
    assert is_url(text) is ok


LONE_BLOCK_CASES: list[tuple[str, Any, list[str], bool]] = [
    # (case, data of a page's only block, codes, page ids worked out)
    (
        "every reference to a node of the block",
        thing(author={"@id": "#ana"}, about={"@id": "#ana", "@type": "Person"}),
        [],
        False,
    ),
    # {"@id", "@index"} is a reference for the reader but declares "#p" for the page
    (
        "declared only by the page's reading",
        thing(author={"@id": "#p"}, about={"@id": "#p", "@index": "x"}),
        [],
        True,
    ),
    ("declared nowhere", thing(author={"@id": "#nobody"}), ["SP209"], True),
]


@pytest.mark.parametrize(
    ("data", "codes", "worked_out"),
    [case[1:] for case in LONE_BLOCK_CASES],
    ids=[case[0] for case in LONE_BLOCK_CASES],
)
def test_lone_block_of_a_page(data: Any, codes: list[str], worked_out: bool) -> None:
    """A page's only block: its page @ids are the ones its data declares, worked out
    only when a reference is to none of the graph's own nodes; the findings are those
    of the same block with the ids given beforehand."""
    doc = Document(data, block=0, page_ids=None)
    list(jsonld.check(doc))
    assert [f.code for f in vocabulary.check(doc)] == codes
    assert doc.page_ids_known() is worked_out
    given = Document(data, block=0, page_ids=doc.page_ids)
    list(jsonld.check(given))
    assert [f.code for f in vocabulary.check(given)] == codes
