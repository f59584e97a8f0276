from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError

from schema_pub.models.types import (
    DateOrDateTime,
    DateTime,
    HttpUrl,
    LanguageTag,
    PositiveInt,
    Text,
)

URL = TypeAdapter(HttpUrl)
DT = TypeAdapter(DateTime)
DDT = TypeAdapter(DateOrDateTime)
LANG = TypeAdapter(LanguageTag)


@pytest.mark.parametrize(
    "value",
    [
        "https://example.com",  # bare host: no slash added
        "https://example.com/",
        "http://example.com:8080/a/b?c=d#e",
        "https://creativecommons.org/licenses/by-sa/3.0/",
        "https://例え.jp/パス",
    ],
)
def test_url_kept_as_written(value: str) -> None:
    assert URL.validate_python(value) == value


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("/relative/path", "relative URL"),
        ("example.com/x", "relative URL"),
        ("ftp://example.com/x", "scheme must be http or https"),
        ("https://", "no host"),
        ("https://exa mple.com", "spaces"),
        ("https://example.com:99999/", "not a valid URL"),
        ("javascript:alert(1)", "scheme"),
        ('https://example.com/a"b', "percent-encode"),
        ("https://example.com/<x>.jpg", "percent-encode"),
        ("HTTPS://example.com/", "lower case"),
    ],
)
def test_bad_urls(value: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        URL.validate_python(value)


@pytest.mark.parametrize(
    "value",
    [
        "2025-06-12T14:30:00-04:00",
        "2025-06-12T14:30:00Z",
        "2025-06-12T14:30Z",
        "2025-06-12T14:30:00.123+02:00",
    ],
)
def test_datetimes(value: str) -> None:
    assert DT.validate_python(value) == value


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2025-06-12T14:30:00", "no timezone"),
        ("2025-06-12", "time and timezone are required"),
        ("2025-13-12T14:30:00Z", "not a valid date-time"),
        ("12 June 2025", "not an ISO 8601"),
        ("2025-06-12 14:30:00Z", "not an ISO 8601"),
    ],
)
def test_bad_datetimes(value: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        DT.validate_python(value)


@pytest.mark.parametrize(
    ("value", "ok"), [("2025-06-12", True), ("2025-02-30", False), ("2025-06-12T10:00:00Z", True)]
)
def test_date_or_datetime(value: str, ok: bool) -> None:
    if ok:
        assert DDT.validate_python(value) == value
    else:
        with pytest.raises(ValidationError):
            DDT.validate_python(value)


@pytest.mark.parametrize(
    "value",
    ["en", "en-US", "pt-BR", "zh-Hant-TW", "sr-Latn", "de-CH-1996", "es-419", "en-x-private"],
)
def test_language_tags(value: str) -> None:
    assert LANG.validate_python(value) == value


@pytest.mark.parametrize("value", ["englishlanguage", "en_US", "e", "en-", "123", "", "en\n"])
def test_bad_language_tags(value: str) -> None:
    with pytest.raises(ValidationError):
        LANG.validate_python(value)


@pytest.mark.parametrize("value", ["a\x00b", "bell\x07", "del\x7f"])
def test_text_refuses_control_characters(value: str) -> None:
    with pytest.raises(ValidationError, match="control characters"):
        TypeAdapter(Text).validate_python(value)


def test_text_is_trimmed_and_non_empty() -> None:
    assert TypeAdapter(Text).validate_python("  headline \n") == "headline"
    with pytest.raises(ValidationError):
        TypeAdapter(Text).validate_python("   ")


@pytest.mark.parametrize("value", [0, -1, True, 1.5, "10"])
def test_positive_int_is_strict(value: object) -> None:
    with pytest.raises(ValidationError):
        TypeAdapter(PositiveInt).validate_python(value)


# --- the fast path of the URL check agrees with the full check --------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from schema_pub.models.types import _PLAIN_URL, _raise_url_problem  # noqa: E402


def _full_check(value: str) -> str | None:
    try:
        _raise_url_problem(value)
    except ValueError as exc:
        return str(exc)
    return None


_URL_PIECES = st.sampled_from(
    [
        "http://",
        "https://",
        "HTTPS://",
        "ftp://",
        "//",
        "example.com",
        "a-b.c",
        ".",
        "-",
        "",
        ":",
        ":8080",
        ":99999",
        "@",
        "user@",
        "[::1]",
        "[",
        "]",
        "/",
        "?",
        "#",
        "%20",
        " ",
        "\u00a0",
        "\t",
        "\n",
        "\x00",
        "\x7f",
        "\\",
        "^",
        "|",
        "é",
        "例",
        "x",
        "0",
    ]
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(_URL_PIECES, max_size=8).map("".join) | st.text(max_size=30))
def test_plain_url_shape_passes_the_full_check(value: str) -> None:
    if _PLAIN_URL.fullmatch(value):
        assert _full_check(value) is None, value


FAST_CASES = [
    ("https://news.example.com/#/person/alvin-bragg", True),
    ("http://a", True),
    ("https://a.b?q=1", True),
    ("https://例え.jp/パス", False),  # valid, but left to the full check
    ("https://example.com:8080/", False),
    ("https://user@example.com/", False),
    ("https://example.com/a b", False),
    ("HTTPS://example.com/", False),
]


@pytest.mark.parametrize(("value", "fast"), FAST_CASES)
def test_plain_url_cases(value: str, fast: bool) -> None:
    assert bool(_PLAIN_URL.fullmatch(value)) is fast
    if fast:
        assert URL.validate_python(value) == value


# --- the byte scan of long text finds the same control characters as the pattern ---

from schema_pub.models.types import _CONTROL, check_text  # noqa: E402

_TEXT_CHARS = st.sampled_from(["a", " ", "\n", "\t", "\r", "—", "é", "\ud800", "😀", "\x7f"])


@settings(max_examples=200, deadline=None)
@given(
    st.lists(_TEXT_CHARS, min_size=60, max_size=100).map("".join),
    st.characters(max_codepoint=0x10FFFF),
    st.integers(min_value=0, max_value=100),
)
def test_long_text_control_characters(text: str, char: str, where: int) -> None:
    for value in (text, text[:where] + char + text[where:]):
        expected = _CONTROL.search(value) is None
        try:
            check_text(value)
            accepted = True
        except ValueError:
            accepted = False
        assert accepted is expected, repr(value)
