"""A catalogue of Creative Commons licences and public-domain tools.

Maps a short name ("CC BY-SA 3.0") to the canonical deed URL and full name,
and back. Facts (names, URLs) are Creative Commons'; the code is ours.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache

_ELEMENTS = {
    "by": "Attribution",
    "by-sa": "Attribution-ShareAlike",
    "by-nd": "Attribution-NoDerivs",
    "by-nc": "Attribution-NonCommercial",
    "by-nc-sa": "Attribution-NonCommercial-ShareAlike",
    "by-nc-nd": "Attribution-NonCommercial-NoDerivs",
}
_VERSIONS = ("1.0", "2.0", "2.5", "3.0", "4.0")
_PORT = {
    "1.0": "Generic",
    "2.0": "Generic",
    "2.5": "Generic",
    "3.0": "Unported",
    "4.0": "International",
}


@dataclass(frozen=True)
class License:
    """One licence: short name, canonical deed URL, full name."""

    short: str
    url: str
    name: str


class UnknownLicenseError(ValueError):
    """A licence string the catalogue does not know."""

    def __init__(self, text: str, suggestion: str | None) -> None:
        self.text = text
        self.suggestion = suggestion
        hint = f' Did you mean "{suggestion}"?' if suggestion else ""
        super().__init__(
            f'unknown licence "{text}".{hint} Write a Creative Commons short name such as '
            '"CC BY-SA 3.0", "CC BY 4.0", "CC0 1.0" or "Public Domain Mark 1.0", or its deed URL.'
        )


@cache
def catalogue() -> tuple[License, ...]:
    out: list[License] = []
    for version in _VERSIONS:
        for code, words in _ELEMENTS.items():
            path = code
            if version == "4.0":
                words = words.replace("NoDerivs", "NoDerivatives")
            # Version 1.0 spelled this combination the other way round.
            if version == "1.0" and code == "by-nc-nd":
                path = "by-nd-nc"
                words = "Attribution-NoDerivs-NonCommercial"
            name = f"Creative Commons {words} {version} {_PORT[version]}"
            out.append(
                License(
                    short=f"CC {code.upper()} {version}",
                    url=f"https://creativecommons.org/licenses/{path}/{version}/",
                    name=name,
                )
            )
    out.append(
        License(
            "CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/", "CC0 1.0 Universal"
        )
    )
    out.append(
        License(
            "Public Domain Mark 1.0",
            "https://creativecommons.org/publicdomain/mark/1.0/",
            "Public Domain Mark 1.0",
        )
    )
    return tuple(out)


def _key(text: str) -> str:
    return re.sub(r"[\s_\-]+", " ", text.strip().lower())


@cache
def _index() -> dict[str, License]:
    index: dict[str, License] = {}
    for lic in catalogue():
        index[_key(lic.short)] = lic
        index[_key(lic.name)] = lic
        index[_url_key(lic.url)] = lic
        if lic.short.startswith("CC ") and lic.short != "CC0 1.0":
            index[_key(lic.short[3:])] = lic  # "BY-SA 3.0"
            index[_key("Creative Commons " + lic.short[3:])] = lic
    index[_key("CC BY-ND-NC 1.0")] = index[_key("CC BY-NC-ND 1.0")]
    cc0 = index[_key("CC0 1.0")]
    pdm = index[_key("Public Domain Mark 1.0")]
    for alias in ("CC0", "CC Zero", "CC0 Universal", "Creative Commons Zero"):
        index[_key(alias)] = cc0
    for alias in ("Public Domain Mark", "PDM", "PDM 1.0"):
        index[_key(alias)] = pdm
    return index


def _url_key(url: str) -> str:
    m = re.match(
        r"^(?:https?://)?(?:www\.)?creativecommons\.org/(.+?)/?(?:(?:deed|legalcode)(?:\.[\w-]+)?)?/?$",
        url.strip(),
        re.I,
    )
    return "url:" + (m.group(1).lower().rstrip("/") if m else url.strip().lower())


def lookup(text: str) -> License:
    """Find a licence by short name, full name or deed URL; raise UnknownLicenseError."""
    index = _index()
    found = (
        index.get(_url_key(text))
        if "creativecommons.org" in text.lower()
        else index.get(_key(text))
    )
    if found is not None:
        return found
    by_key = {_key(lic.short): lic.short for lic in catalogue()}
    close = difflib.get_close_matches(_key(text), list(by_key), n=1, cutoff=0.6)
    suggestion = by_key[close[0]] if close else None
    raise UnknownLicenseError(text, suggestion)


def by_url(url: str) -> License | None:
    """The catalogue entry for a deed URL (any scheme, with or without slash), if any."""
    return _index().get(_url_key(url))
