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
