"""Precise field types shared by the models.

Each keeps the text the author wrote (no normalisation of URLs or dates) and
carries a JSON Schema that says the same thing as the Python check.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, Field, StringConstraints, WithJsonSchema

_LANG = re.compile(
    r"^(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})"  # language
    r"(?:-[A-Za-z]{4})?"  # script
    r"(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"  # region
    r"(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"  # variants
    r"(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*"  # extensions
    r"(?:-[xX](?:-[A-Za-z0-9]{1,8})+)?$"  # private use
)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})"
)


_URL_BAD = re.compile(r'[\s<>"{}|\\^`\x00-\x1f\x7f]')
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def check_http_url(value: str) -> str:
    """An absolute http(s) URL with a host; returned exactly as written."""
    problem = _url_problem(value)
    if problem is not None:
        raise ValueError(problem)
    return value


# The common shape of a good URL: lower-case http(s), a host of letters, digits,
# dots and hyphens (no user, port or brackets), then a path, query or fragment
# without a character _URL_BAD refuses. urlsplit reads any such text as that
# scheme and host, so it passes every check below (a test holds the two together).
_PLAIN_URL = re.compile(r'https?://[A-Za-z0-9.-]+(?:[/?#][^\s<>"{}|\\^`\x00-\x1f\x7f]*)?')


@lru_cache(maxsize=2048)
def _url_problem(value: str) -> str | None:
    """What is wrong with ``value`` as an http(s) URL, or None. Cached: the same
    ids and URLs come back many times in one article and across a site."""
    if _PLAIN_URL.fullmatch(value):
        return None
    try:
        _raise_url_problem(value)
    except ValueError as exc:
        return str(exc)
    return None


def _raise_url_problem(value: str) -> None:
    if _URL_BAD.search(value):
        if any(c.isspace() for c in value):
            raise ValueError("a URL may not contain spaces")
        shown = " ".join(repr(c) for c in sorted(set(_URL_BAD.findall(value))))
        raise ValueError(f"a URL may not contain {shown}: percent-encode them")
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        raise ValueError(f"not a valid URL: {exc}") from None
    if parts.scheme.lower() in ("http", "https") and not value.startswith(("http:", "https:")):
        raise ValueError("write the URL scheme in lower case (http or https)")
    if parts.scheme not in ("http", "https"):
        if not parts.scheme:
            raise ValueError("a relative URL is not allowed here: write the full http(s) URL")
        raise ValueError(f"the URL scheme must be http or https, not {parts.scheme!r}")
    if not parts.hostname:
        raise ValueError("the URL has no host")


def check_datetime(value: str) -> str:
    """ISO 8601 date and time with a timezone (``2025-06-12T14:30:00-04:00``)."""
    if not _DATETIME.fullmatch(value):
        if _DATE.fullmatch(value):
            raise ValueError(
                "a time and timezone are required here, e.g. 2025-06-12T14:30:00-04:00"
            )
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?", value):
            raise ValueError("the date-time has no timezone: add Z or an offset such as +02:00")
        raise ValueError("not an ISO 8601 date-time such as 2025-06-12T14:30:00-04:00")
    try:
        parse_datetime(value)
    except ValueError as exc:
        raise ValueError(f"not a valid date-time: {exc}") from None
    return value


def parse_datetime(value: str) -> datetime:
    """An ISO 8601 date-time as a datetime, the same on every Python >= 3.10
    (3.10's ``fromisoformat`` takes neither ``Z`` nor fractions other than 3 or 6 digits)."""
    text = value.upper().replace("Z", "+00:00")
    text = re.sub(r"\.(\d+)", lambda m: "." + (m.group(1) + "000000")[:6], text)
    return datetime.fromisoformat(text)


def check_date_or_datetime(value: str) -> str:
    """A calendar date (``2025-06-12``) or a date-time with a timezone."""
    if _DATE.fullmatch(value):
        try:
            date.fromisoformat(value)
        except ValueError as exc:
            raise ValueError(f"not a valid date: {exc}") from None
        return value
    return check_datetime(value)


def check_language(value: str) -> str:
    if not _LANG.fullmatch(value):
        raise ValueError("not a BCP 47 language tag such as en, en-US or pt-BR")
    return value


# The same characters as bytes: in UTF-8 they are single bytes that no other
# character's encoding contains, and deleting every other byte is faster than
# a regular expression on long text (an article body).
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_OTHER_BYTES = bytes(b for b in range(256) if b not in _CONTROL_BYTES)


def check_text(value: str) -> str:
    if len(value) > 64:
        if not value.encode("utf-8", "surrogatepass").translate(None, _OTHER_BYTES):
            return value
    elif not _CONTROL.search(value):
        return value
    if _CONTROL.search(value):
        bad = sorted(set(_CONTROL.findall(value)))
        shown = ", ".join(f"U+{ord(c):04X}" for c in bad)
        raise ValueError(f"text may not contain control characters ({shown})")
    return value


Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    AfterValidator(check_text),
]
"""Non-empty text without control characters; surrounding whitespace is trimmed."""

HttpUrl = Annotated[
    str,
    AfterValidator(check_http_url),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://[^\\s/?#]+[^\\s]*$"}),
]
"""An absolute http(s) URL, kept exactly as written."""

DateTime = Annotated[
    str,
    AfterValidator(check_datetime),
    WithJsonSchema({"type": "string", "format": "date-time"}),
]
DateOrDateTime = Annotated[
    str,
    AfterValidator(check_date_or_datetime),
    WithJsonSchema(
        {"anyOf": [{"type": "string", "format": "date"}, {"type": "string", "format": "date-time"}]}
    ),
]
LanguageTag = Annotated[
    str,
    AfterValidator(check_language),
    WithJsonSchema({"type": "string", "pattern": _LANG.pattern}),
]
PositiveInt = Annotated[int, Field(gt=0, strict=True)]
NonNegativeInt = Annotated[int, Field(ge=0, strict=True)]
