"""The Vocabulary API answers from the bundled schema.org 30.0 index."""

from __future__ import annotations

import pytest

from schema_pub.vocab import Vocabulary, load, local_name


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return load()


def test_release_and_cache(vocab: Vocabulary) -> None:
    assert vocab.release == "30.0"
    assert load() is vocab


@pytest.mark.parametrize(
    ("iri", "expected"),
    [
        ("NewsArticle", "NewsArticle"),
        ("headline", "headline"),
        ("schema:headline", "headline"),
        ("https://schema.org/NewsArticle", "NewsArticle"),
        ("http://schema.org/NewsArticle", "NewsArticle"),
        ("https://schema.org/", None),
        ("schema:", None),
        ("", None),
        ("http://example.org/NewsArticle", None),
        ("og:title", None),
        ("https://schema.org/docs/jsonldcontext.json", None),
        ("https://www.schema.org/NewsArticle", None),
    ],
)
def test_local_name(iri: str, expected: str | None) -> None:
    assert local_name(iri) == expected


@pytest.mark.parametrize(
    ("name", "is_class", "is_property", "is_datatype", "is_enumeration", "is_member"),
    [
        ("NewsArticle", True, False, False, False, False),
        ("https://schema.org/NewsArticle", True, False, False, False, False),
        ("schema:Person", True, False, False, False, False),
        ("headline", False, True, False, False, False),
        ("schema:headline", False, True, False, False, False),
        ("Text", True, False, True, False, False),
        ("URL", True, False, True, False, False),
        ("Integer", True, False, True, False, False),
        ("Float", True, False, True, False, False),
        ("Boolean", True, False, True, False, False),
        ("DateTime", True, False, True, False, False),
        ("Time", True, False, True, False, False),
        ("DayOfWeek", True, False, False, True, False),
        ("ItemAvailability", True, False, False, True, False),
        ("Enumeration", True, False, False, False, False),
        ("Monday", False, False, False, False, True),
        ("InStock", False, False, False, False, True),
        ("True", False, False, False, False, True),
        ("NewsArticel", False, False, False, False, False),
        ("http://example.org/NewsArticle", False, False, False, False, False),
    ],
)
def test_kinds_of_term(
    vocab: Vocabulary,
    name: str,
    is_class: bool,
    is_property: bool,
    is_datatype: bool,
    is_enumeration: bool,
    is_member: bool,
) -> None:
    assert vocab.is_class(name) is is_class
    assert vocab.is_property(name) is is_property
    assert vocab.is_datatype(name) is is_datatype
    assert vocab.is_enumeration(name) is is_enumeration
    assert vocab.is_member(name) is is_member
    assert vocab.is_term(name) is (is_class or is_property or is_member)


@pytest.mark.parametrize(
    ("name", "ancestor", "expected"),
    [
        ("NewsArticle", "Article", True),
        ("NewsArticle", "CreativeWork", True),
        ("NewsArticle", "Thing", True),
        ("NewsArticle", "NewsArticle", True),
        ("schema:NewsArticle", "https://schema.org/CreativeWork", True),
        ("Article", "NewsArticle", False),
        ("Person", "Organization", False),
        ("NewsMediaOrganization", "Organization", True),
        ("Integer", "Number", True),
        ("Float", "Number", True),
        ("URL", "Text", True),
        ("PronounceableText", "Text", True),
        ("Number", "Integer", False),
        ("Text", "URL", False),
        ("DayOfWeek", "Enumeration", True),
        ("Nope", "Thing", False),
    ],
)
def test_is_subclass(vocab: Vocabulary, name: str, ancestor: str, expected: bool) -> None:
    assert vocab.is_subclass(name, ancestor) is expected


@pytest.mark.parametrize(
    ("type_name", "expected"),
    [
        ("NewsArticle", {"NewsArticle", "Article", "CreativeWork", "Thing"}),
        ("Integer", {"Integer", "Number"}),
        ("URL", {"URL", "Text"}),
        ("Thing", {"Thing"}),
        ("NoSuchType", set()),
        ("headline", set()),
    ],
)
def test_ancestors(vocab: Vocabulary, type_name: str, expected: set[str]) -> None:
    assert vocab.ancestors(type_name) == expected


@pytest.mark.parametrize(
    ("type_name", "present", "absent"),
    [
        (
            "NewsArticle",
            {"headline", "author", "dateline", "printSection", "name", "image", "url"},
            {"birthDate", "jobTitle", "dateModifed"},
        ),
        ("Article", {"headline", "articleBody", "wordCount"}, {"dateline", "printSection"}),
        ("Person", {"name", "jobTitle", "birthDate", "worksFor"}, {"headline", "dateline"}),
        ("ImageObject", {"contentUrl", "caption", "license", "creditText"}, {"jobTitle"}),
        ("Thing", {"name", "url", "sameAs", "identifier"}, {"headline"}),
    ],
)
def test_properties_of(
    vocab: Vocabulary, type_name: str, present: set[str], absent: set[str]
) -> None:
    props = vocab.properties_of(type_name)
    assert present <= props
    assert not absent & props
    assert all(vocab.allows_property(type_name, p) for p in present)


def test_declared_properties_are_not_inherited(vocab: Vocabulary) -> None:
    assert vocab.declared_properties("NewsArticle") == {
        "dateline",
        "printColumn",
        "printEdition",
        "printPage",
        "printSection",
    }


@pytest.mark.parametrize(
    ("prop", "domains", "ranges"),
    [
        ("author", {"CreativeWork", "Rating"}, {"Organization", "Person"}),
        ("headline", {"CreativeWork"}, {"Text"}),
        ("dateline", {"NewsArticle"}, {"Text"}),
        ("datePublished", {"Certification", "CreativeWork"}, {"Date", "DateTime"}),
        ("schema:image", {"Thing"}, {"ImageObject", "URL"}),
        ("nope", set(), set()),
    ],
)
def test_domains_and_ranges(
    vocab: Vocabulary, prop: str, domains: set[str], ranges: set[str]
) -> None:
    assert vocab.domains(prop) == domains
    assert vocab.ranges(prop) == ranges


@pytest.mark.parametrize(
    ("prop", "value_type", "expected"),
    [
        ("author", "Person", True),
        ("author", "Organization", True),
        ("author", "NewsMediaOrganization", True),
        ("author", "Text", False),
        ("headline", "Text", True),
        ("headline", "URL", True),
        ("url", "URL", True),
        ("url", "Text", False),
        ("wordCount", "Integer", True),
        ("width", "Distance", True),
        ("contentSize", "Text", True),
        ("duration", "Duration", True),
        ("image", "ImageObject", True),
        ("image", "Person", False),
        ("nope", "Text", False),
        ("headline", "Nope", False),
    ],
)
def test_accepts(vocab: Vocabulary, prop: str, value_type: str, expected: bool) -> None:
    assert vocab.accepts(prop, value_type) is expected


@pytest.mark.parametrize(
    ("enumeration", "expected"),
    [
        (
            "DayOfWeek",
            {
                "Monday",
                "Tuesday",
                "Wednesday",
                "Thursday",
                "Friday",
                "Saturday",
                "Sunday",
                "PublicHolidays",
            },
        ),
        ("Boolean", {"True", "False"}),
        ("NewsArticle", set()),
    ],
)
def test_members(vocab: Vocabulary, enumeration: str, expected: set[str]) -> None:
    assert vocab.members(enumeration) == expected


@pytest.mark.parametrize(
    ("member", "expected"),
    [
        ("Monday", {"DayOfWeek"}),
        ("https://schema.org/InStock", {"ItemAvailability"}),
        ("Radiography", {"MedicalImagingTechnique", "MedicalSpecialty"}),
        ("NewsArticle", set()),
    ],
)
def test_enumeration_of(vocab: Vocabulary, member: str, expected: set[str]) -> None:
    assert vocab.enumeration_of(member) == expected


@pytest.mark.parametrize(
    ("term", "replacement"),
    [
        ("episodes", "episode"),
        ("actors", "actor"),
        ("interactionCount", "interactionStatistic"),
        ("UserBlocks", "InteractionCounter"),
        ("Code", "SoftwareSourceCode"),
        ("schema:language", "inLanguage"),
        ("headline", None),
        ("nope", None),
    ],
)
def test_superseded_by(vocab: Vocabulary, term: str, replacement: str | None) -> None:
    assert vocab.superseded_by(term) == replacement


@pytest.mark.parametrize(
    ("term", "part"),
    [
        ("NewsArticle", None),
        ("NewsMediaOrganization", "pending"),
        ("Drug", "health-lifesci"),
        ("Class", "meta"),
    ],
)
def test_part_of(vocab: Vocabulary, term: str, part: str | None) -> None:
    assert vocab.part_of(term) == part
    assert vocab.is_pending(term) is (part == "pending")
    assert not vocab.is_attic(term)


@pytest.mark.parametrize(
    ("prop", "inverse"),
    [("subjectOf", "about"), ("about", "subjectOf"), ("hasPart", "isPartOf"), ("name", None)],
)
def test_inverse_of(vocab: Vocabulary, prop: str, inverse: str | None) -> None:
    assert vocab.inverse_of(prop) == inverse


@pytest.mark.parametrize(
    ("name", "kind", "expected"),
    [
        ("headLine", "property", "headline"),
        ("HEADLINE", "property", "headline"),
        ("newsarticle", "class", "NewsArticle"),
        ("NewsMediaOrganisation", "class", "NewsMediaOrganization"),
        ("Organisation", "class", "Organization"),
        ("licence", "property", "license"),
        ("colour", "property", "color"),
        ("dateModifed", "property", "dateModified"),
        ("datePublised", "property", "datePublished"),
        ("Artcle", "class", "Article"),
        ("schema:newsArticle", "class", "NewsArticle"),
        ("headline", "class", None),
        ("imageobject", "any", "ImageObject"),
        ("monday", "any", "Monday"),
        ("xyzzyplugh", "any", None),
    ],
)
def test_suggest(vocab: Vocabulary, name: str, kind: str, expected: str | None) -> None:
    assert vocab.suggest(name, kind) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "kind", "expected"),
    [
        ("text", "any", "text"),
        ("Text", "any", "Text"),
        ("duration", "property", "duration"),
        ("Duration", "class", "Duration"),
    ],
)
def test_suggest_keeps_exact_case_terms(
    vocab: Vocabulary, name: str, kind: str, expected: str
) -> None:
    assert vocab.suggest(name, kind) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "included", "excluded"),
    [
        ("newsmedia", {"NewsMediaOrganization"}, {"NewsArticle"}),
        ("organisation", {"Organization", "NewsMediaOrganization", "hiringOrganization"}, set()),
        ("DURATION", {"Duration", "duration", "activityDuration"}, {"Date"}),
        ("schema:dateline", {"dateline"}, set()),
        ("monday", {"Monday"}, set()),
        ("qqqqzzzz", set(), {"Thing"}),
        ("", set(), {"Thing"}),
    ],
)
def test_search(vocab: Vocabulary, text: str, included: set[str], excluded: set[str]) -> None:
    hits = vocab.search(text)
    assert included <= set(hits)
    assert not excluded & set(hits)
    assert hits == sorted(hits, key=lambda n: (n.lower(), n))


@pytest.mark.parametrize("name", ["NoSuchType", "headline", "https://example.org/Thing"])
def test_unknown_or_wrong_kind_types_take_no_properties(vocab: Vocabulary, name: str) -> None:
    assert vocab.properties_of(name) == frozenset()
    assert vocab.declared_properties(name) == frozenset()


def test_every_property_domain_and_range_is_a_class(vocab: Vocabulary) -> None:
    unknown = {
        (prop, cls)
        for prop in vocab.properties()
        for cls in vocab.domains(prop) | vocab.ranges(prop)
        if not vocab.is_class(cls)
    }
    # Release 30.0 still names DeliveryTimeSettings as a domain though the class itself
    # is no longer in the release file.
    assert unknown == {
        ("deliveryTime", "DeliveryTimeSettings"),
        ("isUnlabelledFallback", "DeliveryTimeSettings"),
        ("shippingDestination", "DeliveryTimeSettings"),
    }


def test_every_class_reaches_a_root(vocab: Vocabulary) -> None:
    roots = {c for c in vocab.classes() if not vocab.parents(c)}
    assert "Thing" in roots and "DataType" in roots
    assert all(vocab.ancestors(c) & roots for c in vocab.classes())
