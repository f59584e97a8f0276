"""Plain text or Markdown in, the parts of a story out.

Splits an article into its headline, its photo caption and credit line, its
subheadings and paragraphs (each with the line it starts on) and its list of
references. Nothing here looks inside sentences; that is the job of
:mod:`schema_pub.importer.quotes` and :mod:`schema_pub.importer.attribution`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from schema_pub.importer.credits import find_credit_start
from schema_pub.importer.report import ImportReport

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufeff\ufffe\uffff]")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<url>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
_REFERENCES = re.compile(
    r"^\s*(?:\*\*|__)?(?:References|Sources|Further reading)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(?P<rest>.*)$",
    re.I,
)
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+(?P<item>.*)$")
_TERMINAL = tuple('.!?:;,"”’)]…—')
_SENTENCE_END = tuple('.!?"”’)]…')
_PERSON = r"[A-Z][\w'’-]+(?:\s+(?:[A-Z]\.|[A-Z][\w'’-]+)){1,3}"
_BYLINE = re.compile(
    rf"^By\s+(?P<names>{_PERSON}(?:\s*,\s*{_PERSON})*(?:,?\s+(?:and|&)\s+{_PERSON})?)"
    r"(?:\s*[,|/–—-]\s*[A-Z][^.]*)?\.?$"
)
_SPACES = re.compile(r" {2,}")
_EMPHASIS = re.compile(r"^(\*\*|__|\*|_)(.*)\1$")


@dataclass(frozen=True)
class Block:
    """A paragraph or a subheading of the body, and the input line it starts on."""

    kind: Literal["paragraph", "heading"]
    text: str
    line: int


@dataclass
class Story:
    """An article split into its parts."""

    headline: str | None = None
    headline_line: int | None = None
    caption: str | None = None
    credit: str | None = None
    credit_line: int | None = None
    image_url: str | None = None
    blocks: list[Block] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    references_line: int | None = None
    authors: list[str] = field(default_factory=list)
    byline_line: int | None = None

    @property
    def paragraphs(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "paragraph"]


def decode(raw: bytes, report: ImportReport) -> str | None:
    """Text of the file, or None (with an error in ``report``) when it is not text."""
    if not raw.strip():
        report.add("error", "the file is empty: nothing to import", 1)
        return None
    sample = raw[:65536]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if b"\x00" in sample or controls > len(sample) // 20:
        offset = sample.find(b"\x00")
        line = raw[: max(offset, 0)].count(b"\n") + 1
        report.add("error", "this is a binary file, not plain text or Markdown", line)
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        report.add(
            "error",
            f"the file is not UTF-8 (invalid byte at offset {exc.start}); "
            "undecodable bytes were replaced with U+FFFD",
            line,
        )
        text = raw.decode("utf-8", errors="replace")
    return text


def clean(line: str) -> str:
    """One line with control characters dropped and spaces collapsed."""
    line = _CONTROL.sub("", line).replace("\t", " ").replace("\u00a0", " ")
    return _SPACES.sub(" ", line).strip()


def _unemphasise(text: str) -> str:
    m = _EMPHASIS.match(text)
    return m.group(2).strip() if m else text


def _looks_like_headline(text: str) -> bool:
    words = text.split()
    if not words or len(text) > 200 or len(words) > 30:
        return False
    if text[0] in "\"“'‘(-*>|" and not text.startswith("**"):
        return False
    return not (text.endswith(".") and len(words) > 15)


def _is_heading(text: str) -> bool:
    words = text.split()
    return (
        0 < len(words) <= 10
        and len(text) <= 80
        and not text.endswith(_TERMINAL)
        and (text[0].isupper() or text[0].isdigit())
        and not any(q in text for q in '"“”')
    )


def split_story(text: str, report: ImportReport) -> Story:
    """Split ``text`` into headline, credit line, body blocks and references."""
    story = Story()
    lines = [clean(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    numbered = [(i + 1, line) for i, line in enumerate(lines)]
    # A YAML header (someone fed a source back in) is not article text.
    if numbered and numbered[0][1] == "---":
        end = next((k for k in range(1, len(numbered)) if numbered[k][1] in ("---", "...")), None)
        if end is not None:
            report.add("inferred", "skipped a YAML header at the top of the file", 1)
            numbered = numbered[end + 1 :]
    content = [(n, line) for n, line in numbered if line]
    if not content:
        report.add("error", "the file holds no text: nothing to import", 1)
        return story

    first_no, first = content[0]
    heading = _MD_HEADING.match(first)
    candidate = _unemphasise(heading.group(2) if heading else first)
    start = 0
    if candidate and _looks_like_headline(candidate):
        story.headline, story.headline_line = candidate, first_no
        start = 1
    else:
        report.add(
            "error",
            "no recognisable headline: the first line reads like body text "
            "(a headline is a short first line); a placeholder headline was written",
            first_no,
        )

    # Walk the rest: blank lines separate paragraphs; a line that does not end a
    # sentence runs on into the next one (hard-wrapped text).
    body_started = False
    seen_after_headline = 0
    pending: list[str] = []
    pending_line = 0
    in_references = False

    def flush() -> None:
        nonlocal pending
        if pending:
            story.blocks.append(Block("paragraph", " ".join(pending), pending_line))
            pending = []

    index = {n: k for k, (n, _) in enumerate(numbered)}
    begin = index[content[start][0]] if start < len(content) else len(numbered)
    for k in range(begin, len(numbered)):
        line_no, line = numbered[k]
        if not line:
            flush()
            in_references = False
            continue
        if in_references:
            item = _LIST_ITEM.match(line)
            story.references.append(_unemphasise(item.group("item") if item else line))
            continue
        refs = _REFERENCES.match(line)
        if refs:
            flush()
            story.references_line = line_no
            rest = refs.group("rest").strip()
            if rest:
                story.references.extend(_split_references(rest))
            else:
                in_references = True
            continue
        image = _MD_IMAGE.search(line)
        if image and story.image_url is None:
            flush()
            story.image_url = image.group("url")
            alt = image.group("alt").strip()
            rest = (line[: image.start()] + line[image.end() :]).strip()
            if alt:
                story.caption = alt
            if rest:
                _take_credit(story, _unemphasise(rest), line_no)
            continue
        seen_after_headline += 1
        bare = _unemphasise(line)
        if not body_started and seen_after_headline <= 3 and not story.authors:
            byline = _BYLINE.match(bare)
            if byline is not None:
                story.authors = re.split(r"\s*,\s*|\s+(?:and|&)\s+", byline.group("names"))
                story.byline_line = line_no
                continue
        if (
            story.credit is None
            and not body_started
            and seen_after_headline <= 3
            and _take_credit(story, bare, line_no)
        ):
            continue
        md = _MD_HEADING.match(line)
        next_line = numbered[k + 1][1] if k + 1 < len(numbered) else ""
        run_on = (
            bool(pending) and not pending[-1].endswith(_SENTENCE_END) and len(pending[-1]) >= 40
        )
        if md or (not run_on and _is_heading(bare) and _has_text_after(numbered, k)):
            flush()
            story.blocks.append(
                Block("heading", _unemphasise(md.group(2)) if md else bare, line_no)
            )
            continue
        if pending and not run_on:
            flush()
        if not pending:
            pending_line = line_no
        pending.append(line)
        body_started = True
        if not next_line:
            flush()
    flush()
    if story.headline is None and not story.blocks:
        report.add("error", "no body text found", first_no)
    return story


def _has_text_after(numbered: list[tuple[int, str]], k: int) -> bool:
    return any(line for _, line in numbered[k + 1 :])


def _split_references(rest: str) -> list[str]:
    for sep in (r"\s+\|\s+", r"\s*;\s+", r"\s+•\s+"):
        parts = [p.strip() for p in re.split(sep, rest) if p.strip()]
        if len(parts) > 1:
            return parts
    return [rest.strip()]


def _take_credit(story: Story, line: str, line_no: int) -> bool:
    """Record ``line`` as the photo caption and credit line if it is one."""
    start = find_credit_start(line)
    if start is None:
        return False
    caption = line[:start].strip()
    credit = line[start:].strip().strip("*_ ").rstrip(".").strip()
    if credit[:1] in "([" and credit[-1:] in ")]" and not credit.lower().startswith("(c)"):
        credit = credit[1:-1].strip()
    if caption:
        story.caption = caption
    story.credit = credit
    story.credit_line = line_no
    return True
