"""Assemble the draft source and write it: Markdown with a YAML header.

The YAML is emitted here, line by line, so that the draft reads like a file
an editor wrote (comments beside the values to check, flow lists for short
key lists) and so that the same input always gives the same bytes.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from schema_pub.importer.attribution import Attribution, Attributor, Speaker
from schema_pub.importer.credits import PhotoCredit, parse_credit
from schema_pub.importer.names import is_media, slug
from schema_pub.importer.report import ImportReport
from schema_pub.importer.text import Story, decode, split_story
from schema_pub.models.types import check_datetime, check_http_url
from schema_pub.publish.files import write_atomic
from schema_pub.publish.source import SiteSource

PLACEHOLDER_HEADLINE = "Untitled draft"
PLACEHOLDER_DATE = "2000-01-01T00:00:00Z"
PLACEHOLDER_IMAGE = "https://placeholder.example/images/{slug}.jpg"


@dataclass
class ImportResult:
    """A drafted source: its text, the header as data, and the report."""

    draft: str
    report: ImportReport
    data: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    slug: str = "article"

    @property
    def usable(self) -> bool:
        """False when nothing worth keeping was found (no headline, or no body)."""
        return self.data.get("headline") != PLACEHOLDER_HEADLINE and bool(self.body.strip())

    @property
    def attributions(self) -> list[dict[str, Any]]:
        """The quotations of the draft (attributed ones only), as written."""
        quotations: list[dict[str, Any]] = self.data.get("quotations", [])
        return quotations


def import_file(
    path: Path,
    *,
    date: str | None = None,
    url: str | None = None,
    slug_: str | None = None,
    site: SiteSource | None = None,
) -> ImportResult:
    """Draft a source from the article at ``path`` (plain text or Markdown)."""
    report = ImportReport(str(path))
    try:
        raw = path.read_bytes()
    except OSError as exc:
        report.add("error", f"cannot read the file: {exc.strerror}")
        raw = b""
    text = decode(raw, report) if raw or not report.errors else None
    return _draft(
        text, report, date=date, url=url, slug_=slug_ or _slug_of(path), source=path.name, site=site
    )


def import_text(
    text: str,
    *,
    file: str = "<text>",
    date: str | None = None,
    url: str | None = None,
    slug_: str | None = None,
    site: SiteSource | None = None,
) -> ImportResult:
    """Draft a source from article text already in memory."""
    report = ImportReport(file)
    if not text.strip():
        report.add("error", "the file is empty: nothing to import", 1)
        return _draft(
            None, report, date=date, url=url, slug_=slug_ or "article", source=file, site=site
        )
    return _draft(
        text, report, date=date, url=url, slug_=slug_ or "article", source=file, site=site
    )


def write_draft(result: ImportResult, path: Path) -> bool:
    """Write the draft atomically; False when the file already holds these bytes."""
    return write_atomic(path, result.draft.encode("utf-8"))


def _slug_of(path: Path) -> str:
    return re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "article"


# ---------------------------------------------------------------------- building


class _Keys:
    def __init__(self) -> None:
        self.used: set[str] = set()

    def mint(self, text: str) -> str:
        base = slug(re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I))
        key = base
        n = 2
        while key in self.used:
            key = f"{base}-{n}"
            n += 1
        self.used.add(key)
        return key


def _draft(
    text: str | None,
    report: ImportReport,
    *,
    date: str | None,
    url: str | None,
    slug_: str,
    source: str,
    site: SiteSource | None,
) -> ImportResult:
    if date is not None:
        check_datetime(date)
    if url is not None:
        check_http_url(url)
    story = split_story(text, report) if text is not None else Story()
    attributor = Attributor(report)
    attributions = attributor.attribute(story.paragraphs)
    keys = _Keys()
    site_orgs: dict[str, str] = {}
    if site is not None:
        # Keys of site.yaml may not be declared again: mint around them, and refer to
        # the site's own organization where it is the same one.
        keys.used.update(site.people, site.organizations)
        site_orgs = {_same_name(org.name): key for key, org in site.organizations.items()}
    comments: dict[tuple[Any, ...], str] = {}
    trailing: dict[tuple[Any, ...], list[str]] = {}
    data: dict[str, Any] = {"type": "NewsArticle", "slug": slug_}

    if story.headline:
        data["headline"] = story.headline
    else:
        data["headline"] = PLACEHOLDER_HEADLINE
        comments[("headline",)] = "PLACEHOLDER: no headline was found"
    description = _first_sentence(story)
    if description:
        data["description"] = description
        comments[("description",)] = "inferred: the first sentence; write a summary"
    if url is not None:
        data["url"] = url
    if date is not None:
        data["date_published"] = date
    elif site is not None and site.date_published:
        report.add(
            "review", "the text gives no date: the site's date_published is used (pass --date)"
        )
    else:
        data["date_published"] = PLACEHOLDER_DATE
        comments[("date_published",)] = "PLACEHOLDER: the text gives no date; pass --date"
        report.add(
            "review", f"the text gives no date: {PLACEHOLDER_DATE} was written as a placeholder"
        )
    if story.authors:
        data["authors"] = []  # filled in below, once the people have keys
    elif site is not None:
        data["authors"] = [site.publisher]
        comments[("authors",)] = "PLACEHOLDER: the text names no author"
        report.add(
            "review", f'the text names no author: the site publisher "{site.publisher}" stands in'
        )
    else:
        report.add("review", "the text names no author: add authors")

    people: dict[str, dict[str, Any]] = {}
    organizations: dict[str, dict[str, Any]] = {}
    speaker_keys: dict[int, str] = {}

    def org_key(name: str, media: bool) -> str:
        for key, org in organizations.items():
            if org["name"] == name:
                return key
        if _same_name(name) in site_orgs:
            return site_orgs[_same_name(name)]
        key = keys.mint(name)
        organizations[key] = {
            "type": "NewsMediaOrganization" if media else "Organization",
            "name": name,
        }
        return key

    def speaker_key(s: Speaker) -> str:
        if id(s) in speaker_keys:
            return speaker_keys[id(s)]
        if s.kind == "organization":
            key = org_key(s.name or "", s.media)
        else:
            key = keys.mint(s.name or s.description or "speaker")
            entry: dict[str, Any] = {}
            if s.name:
                entry["name"] = s.name
            if s.description and not (s.job_title and s.description.lower() in s.job_title.lower()):
                entry["description"] = s.description
            if s.job_title:
                entry["job_title"] = s.job_title
            people[key] = entry
        speaker_keys[id(s)] = key
        s.key = key
        return key

    for name in story.authors:
        key = keys.mint(name)
        people[key] = {"name": name}
        data["authors"].append(key)
        report.add("inferred", f"author from the byline: {name}", story.byline_line)

    # the photo
    if story.credit is not None or story.image_url is not None:
        data["image"] = _image(story, slug_, report, people, keys, org_key, comments)
    else:
        report.add("review", "no photo caption or credit line found: the draft has no image")

    # the people the article is about and the people who speak
    quotations: list[dict[str, Any]] = []
    unattributed: list[Attribution] = []
    for a in attributions:
        if a.speaker is None:
            unattributed.append(a)
            continue
        q: dict[str, Any] = {"text": a.text, "speaker": speaker_key(a.speaker)}
        if a.outlet is not None:
            q["source"] = org_key(a.outlet, True)
        else:
            report.add(
                "review",
                f'"{_short(a.text)}": no outlet or source named for this quotation',
                a.line,
            )
        quotations.append(q)
    about = attributor.cast.most_mentioned()
    if about is not None:
        about_key = next((k for k, p in people.items() if p.get("name") == about), None)
        if about_key is None:
            about_key = keys.mint(about)
            entry: dict[str, Any] = {"name": about}
            known = attributor.cast.known.get(about)
            if known and known[1]:
                entry["description"] = known[1]
            people[about_key] = entry
        data["about"] = [about_key]
        comments[("about",)] = "inferred: the person named most often"
        report.add(
            "inferred", f"the article is taken to be about {about}, the person named most often"
        )
    mentions = [k for k in people if k not in data.get("about", []) and _speaks(k, quotations)]
    if mentions:
        data["mentions"] = mentions
    if people:
        data["people"] = people
    if organizations:
        data["organizations"] = organizations
    data["quotations"] = quotations
    if unattributed:
        lines: list[str] = []
        for a in unattributed:
            lines.append(
                f"REVIEW (line {a.line}): no speaker found; add a speaker key and uncomment"
            )
            lines.append(f"- text: {_scalar(a.text)}")
            lines.append("  speaker: ???")
        trailing[("quotations",)] = lines
    if not quotations and unattributed:
        comments[("quotations",)] = "none attributed: to keep one below, remove [] and uncomment it"
    if story.references:
        data["citations"] = [{"headline": r} for r in story.references]
    if not quotations and not unattributed:
        del data["quotations"]

    body = _body(story)
    header = _emit(data, comments, trailing)
    intro = (
        f"# Drafted by schema-pub import from {source}. "
        "Check every value marked PLACEHOLDER or inferred, and every REVIEW."
    )
    draft = "---\n" + intro + "\n" + "\n".join(header) + "\n---\n" + (body + "\n" if body else "")
    return ImportResult(draft=draft, report=report, data=data, body=body, slug=slug_)


def _same_name(name: str) -> str:
    return re.sub(r"^the\s+", "", name.strip().lower())


def _speaks(key: str, quotations: list[dict[str, Any]]) -> bool:
    return any(q["speaker"] == key for q in quotations)


def _image(
    story: Story,
    slug_: str,
    report: ImportReport,
    people: dict[str, dict[str, Any]],
    keys: _Keys,
    org_key: Any,
    comments: dict[tuple[Any, ...], str],
) -> dict[str, Any]:
    image: dict[str, Any] = {}
    if story.image_url is not None:
        try:
            check_http_url(story.image_url)
            image["url"] = story.image_url
        except ValueError:
            report.add(
                "error",
                f"the image URL {story.image_url!r} is not an absolute http(s) URL",
                story.credit_line,
            )
    if "url" not in image:
        image["url"] = PLACEHOLDER_IMAGE.format(slug=slug_)
        comments[("image", "url")] = "PLACEHOLDER: the text has no image URL"
        report.add(
            "review", "the text has no image URL: a placeholder was written", story.credit_line
        )
    if story.caption:
        image["caption"] = story.caption
    if story.credit is None:
        report.add("review", "the photo has no credit line: add its creator, licence and credit")
        return image
    credit: PhotoCredit = parse_credit(story.credit)
    if credit.creator is not None:
        if credit.creator_is_organization:
            image["creator"] = org_key(credit.creator, is_media(credit.creator))
        else:
            key = keys.mint(credit.creator)
            person: dict[str, Any] = {"name": credit.creator, "description": "Photographer"}
            if credit.agency is not None:
                person["affiliation"] = org_key(credit.agency, is_media(credit.agency))
            people[key] = person
            image["creator"] = key
        report.add("inferred", f"photo creator: {credit.creator}", story.credit_line)
    else:
        report.add("review", "the credit line names no creator", story.credit_line)
    if credit.license is not None:
        image["license"] = credit.license.short
        report.add(
            "inferred",
            f"photo licence: {credit.license.short} ({credit.license.url})",
            story.credit_line,
        )
    elif credit.license_problem is not None:
        report.add("review", credit.license_problem, story.credit_line)
    else:
        report.add(
            "review",
            "the credit line names no licence: add one, or acquire_license_page",
            story.credit_line,
        )
    image["credit"] = credit.credit
    return image


def _first_sentence(story: Story) -> str | None:
    paragraphs = story.paragraphs
    if not paragraphs:
        return None
    text = paragraphs[0].text
    m = re.match(r"(.{20,300}?[.!?])(?:\s+[A-Z\"“]|$)", text)
    if m is None or any(q in m.group(1) for q in '"“”'):
        return None
    return m.group(1)


def _body(story: Story) -> str:
    parts: list[str] = []
    for block in story.blocks:
        if block.kind == "heading":
            parts.append(f"## {block.text}")
        else:
            parts.append(_escape_markdown(block.text))
    return "\n\n".join(parts)


def _escape_markdown(text: str) -> str:
    """A plain-text paragraph that would read as Markdown structure gets a backslash."""
    if re.match(r"^(?:#|>|[-*+]\s|\d+[.)]\s|---|===|\.\.\.$)", text):
        return "\\" + text
    return text


def _short(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# ---------------------------------------------------------------------- YAML

_PLAIN = re.compile(r"^[\w(][\w ,.'’()\-–—/&;!?…$%+€£]*$")
# Escaped inside double quotes: what YAML may not hold raw, and what it would read as a line break.
_NON_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)


def _implicit(text: str) -> bool:
    """Would YAML read this plain text as something other than a string (a bool, number, date)?"""
    resolvers = yaml.resolver.Resolver.yaml_implicit_resolvers.get(text[:1], [])
    return any(regex.match(text) for _tag, regex in resolvers)


def _scalar(value: Any) -> str:
    """One YAML scalar, plain when that reads back as the same string, else double-quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return _text_scalar(str(value))


@lru_cache(maxsize=8192)
def _text_scalar(text: str) -> str:
    if _PLAIN.match(text) and text == text.strip() and not _implicit(text):
        return text
    quoted = json.dumps(text, ensure_ascii=False)
    return _NON_PRINTABLE.sub(
        lambda m: (
            f"\\u{ord(m.group()):04x}" if ord(m.group()) < 0x10000 else f"\\U{ord(m.group()):08x}"
        ),
        quoted,
    )


def _emit(
    data: dict[str, Any],
    comments: dict[tuple[Any, ...], str],
    trailing: dict[tuple[Any, ...], list[str]],
    path: tuple[Any, ...] = (),
    indent: int = 0,
) -> list[str]:
    pad = " " * indent
    out: list[str] = []
    for key, value in data.items():
        here = (*path, key)
        note = f"  # {comments[here]}" if here in comments else ""
        if isinstance(value, dict):
            out.append(f"{pad}{key}:{note}")
            out.extend(_emit(value, comments, trailing, here, indent + 2))
        elif isinstance(value, list):
            if not value:
                out.append(f"{pad}{key}: []{note}")
            elif all(not isinstance(v, dict | list) for v in value):
                out.append(f"{pad}{key}: [{', '.join(_flow(v) for v in value)}]{note}")
            else:
                out.append(f"{pad}{key}:{note}")
                for item in value:
                    lines = _emit(item, comments, trailing, here, indent + 4)
                    first = lines[0]
                    out.append(f"{pad}  - {first[indent + 4 :]}")
                    out.extend(lines[1:])
        else:
            out.append(f"{pad}{key}: {_scalar(value)}{note}")
        for line in trailing.get(here, []):
            out.append(f"{pad}  # {line}")
    return out


def _flow(value: Any) -> str:
    text = _scalar(value)
    if text.startswith('"') or not re.search(r"[,\[\]{}]", text):
        return text
    return json.dumps(str(value), ensure_ascii=False)
