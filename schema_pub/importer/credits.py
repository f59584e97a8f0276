"""Photo credit lines: who took the photo, for whom, under which licence.

Understands "Photo by NAME under CC BY-SA 3.0", "Photo: NAME/AGENCY",
"(c) NAME", "NAME via Wikimedia Commons", "NAME, CC0" and "public domain",
and every licence of :mod:`schema_pub.models.licenses`, written as its short
name, its full name or its deed URL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from schema_pub.importer.names import NAME_WORD, is_media, is_organization
from schema_pub.models.licenses import License, UnknownLicenseError, lookup

LICENSE_RE = re.compile(
    r"""
      https?://(?:www\.)?creativecommons\.org/[\w./-]+
    | Creative\s+Commons\s+(?:Attribution(?:[\s-]+(?:Non-?Commercial|Share-?Alike|No-?Derivs|No-?Derivatives))*
                            |Zero|CC0)
      (?:\s+\d\.\d)?(?:\s+(?:Generic|Unported|International|Universal))?(?:\s+Licen[cs]e)?
    | \bCC[\s-]?BY(?:[\s-](?:NC|SA|ND))*(?:[\s-]\d\.\d)?
    | \bCC[\s-]?0(?:[\s-]\d\.\d)?(?:\s+Universal)?
    | \bCC[\s-]Zero\b
    | \bPublic\s+Domain\s+Mark(?:\s+\d\.\d)?
    | \b(?:in\s+the\s+)?public\s+domain\b
    """,
    re.I | re.X,
)
_NAMES = rf"{NAME_WORD}(?:\s+{NAME_WORD}){{0,4}}"
_START = re.compile(
    r"""(?:^|(?<=[\s(\[]))(?:
        (?:Photo(?:graph)?s?|Images?|Pictures?|Credit)\s*(?:by\b|:|credit\s*:|courtesy\s+of\b)
      | Courtesy\s+(?:of\s+)?(?=[A-Z])
      | ©
      | \(c\)
      | Copyright\b
    )""",
    re.I | re.X,
)
_VIA = re.compile(rf"(?P<name>{_NAMES})\s+via\s+(?=[A-Z])")
_NAME_LICENSE = re.compile(
    rf"(?P<name>{_NAMES})\s*(?:[,/(]|\s+under\b)\s*(?={LICENSE_RE.pattern})", re.X
)
_ELEMENT = {
    "ATTRIBUTION": "BY",
    "NONCOMMERCIAL": "NC",
    "SHAREALIKE": "SA",
    "NODERIVS": "ND",
    "NODERIVATIVES": "ND",
}
_ORDER = {"BY": 0, "NC": 1, "SA": 2, "ND": 3}


@dataclass(frozen=True)
class PhotoCredit:
    """What a credit line says."""

    credit: str
    creator: str | None = None
    creator_is_organization: bool = False
    agency: str | None = None
    license: License | None = None
    license_text: str | None = None
    license_problem: str | None = None
    via: str | None = None


def find_credit_start(line: str) -> int | None:
    """Where the credit begins in a caption line, or None when the line has no credit."""
    if any(q in line for q in '"“”'):
        return None
    for pattern in (_START, _VIA, _NAME_LICENSE):
        m = pattern.search(line)
        if m is not None:
            start = m.start("name") if "name" in pattern.groupindex else m.start()
            if len(line[start:].split()) <= 25:
                return start
    m = LICENSE_RE.search(line)
    if (
        m is not None
        and len(line[m.start() :].split()) <= 8
        and re.search(r"[.,(]\s*$", line[: m.start()])
    ):
        return m.start()
    return None


def license_of(text: str) -> License:
    """The catalogue entry for a licence as written in a credit; UnknownLicenseError if none."""
    written = " ".join(text.split())
    low = written.lower()
    if "creativecommons.org" in low:
        return lookup(written.rstrip(".,;"))
    if "public domain mark" in low:
        mark = re.search(r"\d\.\d", written)
        return lookup(f"Public Domain Mark {mark.group() if mark else '1.0'}")
    if "public domain" in low:
        return lookup("Public Domain Mark 1.0")
    if re.search(r"\bcc[\s-]?0\b|\bzero\b|\bcc0\b", low):
        return lookup("CC0 1.0")
    version_m = re.search(r"\d\.\d", written)
    version = version_m.group() if version_m else ""
    if low.startswith("creative commons"):
        upper = re.sub(
            r"[\s-]+",
            " ",
            written.upper()
            .replace("NON-COMMERCIAL", "NONCOMMERCIAL")
            .replace("SHARE-ALIKE", "SHAREALIKE")
            .replace("NO-DERIV", "NODERIV"),
        )
        elements = [_ELEMENT[w] for w in upper.split() if w in _ELEMENT]
    else:
        upper = re.sub(r"^CC(?=BY)", "CC ", written.upper())
        elements = [w for w in re.split(r"[\s-]+", upper)[1:] if w in _ORDER]
    elements = sorted(set(elements), key=_ORDER.__getitem__)
    short = f"CC {'-'.join(elements)} {version}".strip()
    try:
        return lookup(short)
    except UnknownLicenseError:
        raise UnknownLicenseError(written, None) from None


def parse_credit(credit: str) -> PhotoCredit:
    """Read a credit (the part of the caption line from "Photo by" on)."""
    rest = credit
    lic: License | None = None
    license_text: str | None = None
    problem: str | None = None
    m = LICENSE_RE.search(rest)
    if m is not None:
        license_text = m.group().strip()
        try:
            lic = license_of(license_text)
        except UnknownLicenseError:
            problem = (
                f'the licence "{license_text}" is not in the catalogue '
                "(a Creative Commons licence needs its version, e.g. CC BY-SA 4.0)"
            )
        rest = rest[: m.start()] + rest[m.end() :]
    via: str | None = None
    v = re.search(r"\bvia\s+(?P<via>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)", rest)
    if v is not None:
        via = v.group("via")
        rest = rest[: v.start()] + rest[v.end() :]
    rest = _START.sub("", rest, count=1)
    rest = re.sub(
        r"\b(?:licen[cs]ed\s+under|under(?:\s+(?:a|the))?|licen[cs]e\s*:?)\s*$",
        "",
        rest.strip(),
        flags=re.I,
    )
    rest = re.sub(r"^\s*(?:\d{4}\b)?[\s,.:]*", "", rest)
    rest = re.sub(r"\(\s*\)", "", rest)
    rest = rest.strip(" ,;:/()[].-–—")
    creator: str | None = None
    agency: str | None = None
    if rest:
        parts = re.split(r"\s*/\s*|\s+for\s+|\s*\(\s*|\s*,\s*", rest, maxsplit=1)
        creator = parts[0].strip(" ,;:()") or None
        if len(parts) > 1:
            agency = parts[1].strip(" ,;:()") or None
    if creator is not None and not re.match(r"[A-Z0-9]", creator):
        creator = None
    creator_is_org = creator is not None and (is_organization(creator) or is_media(creator))
    return PhotoCredit(
        credit=credit,
        creator=creator,
        creator_is_organization=creator_is_org,
        agency=agency,
        license=lic,
        license_text=license_text,
        license_problem=problem,
        via=via,
    )
