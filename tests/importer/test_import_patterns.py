"""Single patterns, each in a few lines of text, with the attribution expected."""

from __future__ import annotations

import pytest

from schema_pub.importer import import_text
from tests.importer.helpers import quotations

HEAD = "A Headline For The Test\n\n"

CASES = [
    (
        "role-then-same-role",
        'The jury foreperson said, "No." Later the foreperson said, "Still no."',
        [("No", "The jury foreperson", None), ("Still no", "The jury foreperson", None)],
    ),
    (
        "organization-pronoun",
        'The Parks Department said the pool would close. It said, "Repairs take time."',
        [("Repairs take time", "Parks Department", None)],
    ),
    (
        "according-to-person",
        'Ana Ruiz chairs the board.\n"The vote stands," according to Ruiz.',
        [("The vote stands", "Ana Ruiz", None)],
    ),
    (
        "reverse-appositive",
        'Ana Ruiz, the board chair, said, "The vote stands," NPR reported.',
        [("The vote stands", "Ana Ruiz", "NPR")],
    ),
    (
        "says-present-tense",
        '"We start Monday," says Coach Tom Hale.',
        [("We start Monday", "Tom Hale", None)],
    ),
    (
        "she-skips-a-man",
        'Actress Mia Stone arrived first. Actor Leo Brandt said, "Hello." '
        'Stone said, "Hi." He said, "Welcome." She said, "Thanks."',
        [
            ("Hello", "Leo Brandt", None),
            ("Hi", "Mia Stone", None),
            ("Welcome", "Leo Brandt", None),
            ("Thanks", "Mia Stone", None),
        ],
    ),
    (
        "hard-wrapped-paragraph",
        "The city council met for six hours on Tuesday night and finally\n"
        'approved the budget. "It was worth the wait," said Mayor Ruth Adler,\n'
        "according to the Associated Press.",
        [("It was worth the wait", "Ruth Adler", "Associated Press")],
    ),
    (
        "they-is-not-guessed",
        'The Smiths moved away. They said, "We miss it."',
        [],
    ),
]


@pytest.mark.parametrize(("case", "body", "expected"), CASES, ids=[c[0] for c in CASES])
def test_pattern(case: str, body: str, expected: list[tuple[str, str, str | None]]) -> None:
    result = import_text(HEAD + body + "\n")
    assert quotations(result) == expected


def test_hard_wrapped_lines_make_one_paragraph() -> None:
    result = import_text(HEAD + CASES[6][1] + "\n")
    assert len(result.body.split("\n\n")) == 1
