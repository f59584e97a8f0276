"""Photo credit lines: every licence of the catalogue, and the credit patterns of the issue."""

from __future__ import annotations

import pytest

from schema_pub.importer.credits import find_credit_start, parse_credit
from schema_pub.models.licenses import catalogue

LICENSES = catalogue()


@pytest.mark.parametrize("lic", LICENSES, ids=[lic.short for lic in LICENSES])
@pytest.mark.parametrize(
    "template",
    [
        "Photo by Jane Roe under {short}",
        "Photo by Jane Roe under {name}",
        "Photo by Jane Roe ({url})",
        "Photo: Jane Roe, {short}",
    ],
)
def test_every_licence(template: str, lic: object) -> None:
    from schema_pub.models.licenses import License

    assert isinstance(lic, License)
    credit = parse_credit(template.format(short=lic.short, name=lic.name, url=lic.url))
    assert credit.license == lic
    assert credit.creator == "Jane Roe"


@pytest.mark.parametrize(
    ("line", "caption_end", "creator", "agency", "license", "via"),
    [
        (
            "A bridge at dusk. Photo by Georges Biard under CC BY-SA 3.0.",
            "dusk. ",
            "Georges Biard",
            None,
            "CC BY-SA 3.0",
            None,
        ),
        (
            "The mayor speaks. Photo: John Smith/Reuters",
            "speaks. ",
            "John Smith",
            "Reuters",
            None,
            None,
        ),
        ("Harbor at night. (c) Jane Roe", "night. ", "Jane Roe", None, None, None),
        ("Harbor at night. © 2021 Getty Images", "night. ", "Getty Images", None, None, None),
        (
            "The tower. Georges Biard via Wikimedia Commons, CC BY-SA 3.0",
            "tower. ",
            "Georges Biard",
            None,
            "CC BY-SA 3.0",
            "Wikimedia Commons",
        ),
        ("A meadow. Ann Lee, CC0", "meadow. ", "Ann Lee", None, "CC0 1.0", None),
        (
            "The moon. Photo: NASA, public domain.",
            "moon. ",
            "NASA",
            None,
            "Public Domain Mark 1.0",
            None,
        ),
        (
            "A dog. Photo by Sam Okoro for Associated Press",
            "dog. ",
            "Sam Okoro",
            "Associated Press",
            None,
            None,
        ),
        (
            "A lake. Photo by Ann Lee under CC-BY-SA-4.0",
            "lake. ",
            "Ann Lee",
            None,
            "CC BY-SA 4.0",
            None,
        ),
        (
            "A lake. Photo by Ann Lee under Creative Commons Attribution-NonCommercial-NoDerivatives 4.0",
            "lake. ",
            "Ann Lee",
            None,
            "CC BY-NC-ND 4.0",
            None,
        ),
    ],
)
def test_credit_patterns(
    line: str,
    caption_end: str,
    creator: str,
    agency: str | None,
    license: str | None,
    via: str | None,
) -> None:
    start = find_credit_start(line)
    assert start is not None
    assert line[:start].endswith(caption_end)
    credit = parse_credit(line[start:].rstrip("."))
    assert credit.creator == creator
    assert credit.agency == agency
    assert (credit.license.short if credit.license else None) == license
    assert credit.via == via


def test_licence_without_version_is_reported() -> None:
    credit = parse_credit("Photo by Ann Lee under CC BY-SA")
    assert credit.license is None
    assert credit.license_problem is not None and "version" in credit.license_problem


@pytest.mark.parametrize(
    "line",
    [
        "The film entered the public domain in 1990 and has been shown every year since then, the festival said.",
        'He said, "Photo by me," and laughed.',
        "A short caption with no credit at all.",
    ],
)
def test_not_a_credit(line: str) -> None:
    assert find_credit_start(line) is None
