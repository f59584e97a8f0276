"""Who said each quotation, and in whose report.

Rule-based: each paragraph is split into sentences, each quotation is replaced
by a marker (``⟦0⟧``), and a handful of patterns are tried around the marker:

* ``⟦0⟧, X said`` and ``⟦0⟧, said X`` after it;
* ``X said, ⟦0⟧``, ``X told OUTLET, ⟦0⟧`` and ``..., saying, ⟦0⟧`` (the subject
  of the sentence) before it;
* ``..., told, ⟦0⟧`` with no one doing the telling (a passive: someone quoted
  by the subject);
* ``according to X`` where X is a person rather than an outlet.

``according to OUTLET``, ``told OUTLET`` and ``OUTLET reported`` give the
outlet. A quotation with none of these takes the speaker of another quotation
of its sentence, then of its paragraph; a paragraph made only of a quotation
continues the speaker of the paragraph before. Speakers are kept in a
:class:`Cast`, which knows the full names introduced in the text (so a
surname alone finds its person), the roles of unnamed speakers, and who spoke
last (so a pronoun continues the last speaker it fits).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from schema_pub.importer.names import (
    HONORIFICS,
    NAME_RUN,
    NOT_NAMES,
    PRONOUNS,
    TITLE_WORDS,
    gender_of_role,
    is_media,
    is_organization,
    sentence_case,
    split_title,
    strip_article,
)
from schema_pub.importer.quotes import Quote, Sentence, scan, sentences, starts_with_quote
from schema_pub.importer.report import ImportReport
from schema_pub.importer.text import Block

_VERBS = (
    r"said|says|say|told|tells|added|adds|explained|explains|stated|states|wrote|writes|asked|asks|"
    r"replied|replies|responded|responds|continued|noted|notes|recalled|recalls|insisted|insists|"
    r"argued|argues|declared|announced|remarked|tweeted|posted|warned|warns|testified|claimed|"
    r"claims|acknowledged|admitted|conceded|shouted|yelled|whispered|cried|joked|quipped|"
    r"observed|pointed out|emphasized|emphasised|stressed|concluded|predicted|vowed"
)
_PARTICIPLES = (
    r"saying|adding|telling|writing|noting|explaining|declaring|insisting|arguing|warning|"
    r"recalling|stating|asking|replying|responding|acknowledging|admitting|calling it"
)
_LY = r"(?!(?:family|ally|rally|assembly|supply|reply|bully|monopoly|anomaly|fly)\b)[a-z]+ly"
_ADVERB = rf"(?:{_LY}|also|then|later|once|again|previously|still|earlier|had|has|have|would|will|just|even|only|later)"
_MARK = re.compile(r"⟦(\d+)⟧")
_PRE = re.compile(
    rf"\b(?P<verb>{_VERBS}|{_PARTICIPLES})\b(?P<obj>[^⟦⟧,:;.]{{0,60}}?)\s*[,:]?\s*(?:that\s+)?$"
)
_POST_SUBJECT_FIRST = re.compile(
    rf"^\s*[,]?\s*(?P<subj>[^,.;:⟦⟧]{{1,80}}?)\s+(?:{_ADVERB}\s+)*(?P<verb>{_VERBS})\b(?P<after>[^⟦⟧.;]*)"
)
_POST_VERB_FIRST = re.compile(
    rf"^\s*[,]?\s*(?P<verb>{_VERBS})\s+(?P<subj>[^,.;:⟦⟧]+?)"
    r"(?=\s*(?:[,.;:]|$|\s+(?:according|in|on|at|during|after|before|while|when|as|who|from)\b))"
)
_CAPS = r"(?:the\s+|The\s+)?[A-Z][\w.&'’-]*(?:\s+(?:of\s+|and\s+|&\s+|for\s+)?[A-Z][\w.&'’-]*)*"
_ACCORDING = re.compile(rf"\b[Aa]ccording\s+to\s+(?P<x>{_CAPS})")
_TOLD_OUTLET = re.compile(
    rf"\b(?:told|telling|tells|in an interview with|speaking to|said on|said to)\s+(?P<x>{_CAPS})"
)
_REPORTED = re.compile(rf"(?P<x>{_CAPS})\s+(?:reported|reports|has reported)\b")
_INTRO = re.compile(
    r"^(?:(?:According|In|On|At|After|Before|During|Later|Earlier|Meanwhile|However|But|And|Still|"
    r"Then|While|When|As|Last|This|Since|Speaking|Asked|Outside|Inside|Yet|Also|Instead)\b[^,⟦⟧]{0,80},\s*)+"
)
_APPOSITIVE = re.compile(rf"^(?P<role>[^,⟦⟧]{{2,60}}?),\s+(?P<name>{NAME_RUN.pattern}),\s")
_REVERSE_APPOSITIVE = re.compile(
    rf"^(?P<name>{NAME_RUN.pattern}),\s+(?P<role>(?:the|a|an)\s+[^,⟦⟧]{{2,60}}?),\s"
)
_PASSIVE_TAIL = re.compile(r"(?:^|\s)(?:been|was|were|being|is|are|get|got|gets)\s*$")
_STOP_ROLE = re.compile(
    rf"\s+(?:{_LY}|also|then|later|had|has|have|was|were|is|are|would|will|who|which|that|\w+ed)\b.*$"
)
_OTHERS = re.compile(r"\b(?:other|fellow|another)\s+(?P<noun>[a-z]+)")


@dataclass(eq=False)
class Speaker:
    """A person or organization who said something in the article."""

    kind: Literal["person", "organization"]
    name: str | None = None
    description: str | None = None
    job_title: str | None = None
    gender: str | None = None
    media: bool = False
    line: int = 0
    key: str = ""


@dataclass
class Attribution:
    """One quotation with its speaker (None: nobody found) and its outlet."""

    text: str
    line: int
    speaker: Speaker | None
    outlet: str | None
    how: str = ""


@dataclass
class _Pronoun:
    word: str
    gender: str


@dataclass
class Cast:
    """Everyone the article names, and everyone who speaks in it."""

    speakers: list[Speaker] = field(default_factory=list)
    known: dict[str, tuple[str, str | None, str | None, int]] = field(default_factory=dict)
    """full name -> (full name, description, job title, line) for names met in the text"""
    mentions: dict[str, int] = field(default_factory=dict)
    recent: list[Speaker] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)

    # --- names met in the text -------------------------------------------------
    def learn(self, text: str, line: int) -> None:
        """Remember the full names of ``text`` (quotations removed), with their roles."""
        for m in NAME_RUN.finditer(text):
            tokens = m.group().split()
            while tokens and (tokens[0] in NOT_NAMES or tokens[0] in HONORIFICS):
                tokens = tokens[1:]
            phrase = " ".join(tokens)
            if not phrase:
                continue
            title, name = split_title(phrase)
            if not name or is_organization(name):
                if len(tokens) >= 2 and not is_media(phrase) and phrase not in self.organizations:
                    self.organizations.append(phrase)
                continue
            parts = name.split()
            if len(parts) == 1:
                surname = re.sub(r"['’]s$", "", parts[0])
                for full in self.known:
                    if full.split()[-1] == surname:
                        self.mentions[full] = self.mentions.get(full, 0) + 1
                continue
            if not 2 <= len(parts) <= 4 or any(p in TITLE_WORDS for p in parts):
                continue
            name = re.sub(r"['’]s$", "", name)
            self.mentions[name] = self.mentions.get(name, 0) + 1
            if name in self.known:
                continue
            role_title = title is not None and " " not in title and title not in TITLE_WORDS
            before = text[: m.start()].rstrip()
            role_m = re.search(r"(?:^|[\s,])(?P<role>[a-z][a-z-]{3,})$", before)
            description = None
            if (
                role_m
                and role_m.group("role") not in _NOT_ROLES
                and _looks_like_role(role_m.group("role"))
            ):
                description = sentence_case(role_m.group("role"))
            if role_title:
                description, title = description or title, None
            self.known[name] = (name, description, title, line)

    def full_name(self, surname: str) -> str | None:
        found = [full for full in self.known if full.split()[-1] == surname]
        return found[0] if found else None

    def most_mentioned(self) -> str | None:
        ranked = sorted(self.mentions.items(), key=lambda kv: (-kv[1], kv[0]))
        if ranked and ranked[0][1] >= 3 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            return ranked[0][0]
        return None

    # --- speakers --------------------------------------------------------------
    def person(
        self,
        name: str | None,
        description: str | None,
        job_title: str | None,
        line: int,
        *,
        new: bool = False,
    ) -> Speaker:
        for s in self.speakers:
            if s.kind != "person" or new:
                continue
            if name is not None and s.name == name:
                if description and not s.description:
                    s.description = description
                if job_title and not s.job_title:
                    s.job_title = job_title
                return s
            if (
                name is None
                and s.name is None
                and description
                and s.description
                and _head(s.description) == _head(description)
            ):
                return s
        speaker = Speaker("person", name, description, job_title, line=line)
        speaker.gender = gender_of_role(description or "")
        if name is not None and name in self.known:
            _, known_description, known_title, _ = self.known[name]
            speaker.description = speaker.description or known_description
            speaker.job_title = speaker.job_title or known_title
            speaker.gender = speaker.gender or gender_of_role(known_description or "")
        self.speakers.append(speaker)
        return speaker

    def organization(self, name: str, line: int) -> Speaker:
        for s in self.speakers:
            if s.kind == "organization" and s.name == name:
                return s
        speaker = Speaker("organization", name, media=is_media(name), line=line)
        self.speakers.append(speaker)
        return speaker

    def spoke(self, speaker: Speaker) -> None:
        if speaker in self.recent:
            self.recent.remove(speaker)
        self.recent.append(speaker)

    def pronoun(self, p: _Pronoun) -> Speaker | None:
        for s in reversed(self.recent):
            if p.gender == "n":
                if s.kind == "organization":
                    return s
                continue
            if s.kind != "person":
                continue
            if p.gender in ("m", "f") and s.gender not in (None, p.gender):
                continue
            if p.gender in ("m", "f"):
                s.gender = p.gender
            return s
        return None


_NOT_ROLES = frozenset(
    [
        "from",
        "with",
        "about",
        "against",
        "by",
        "for",
        "into",
        "onto",
        "upon",
        "over",
        "under",
        "after",
        "before",
        "during",
        "than",
        "that",
        "this",
        "which",
        "where",
        "when",
        "while",
        "said",
        "says",
        "told",
        "also",
        "then",
        "whom",
        "whose",
        "including",
        "like",
        "named",
        "called",
    ]
)


def _looks_like_role(word: str) -> bool:
    return bool(re.search(r"(?:ess|er|or|ist|ian|ant|ent|ee|ive|man|woman|person|ber|ger)$", word))


def _head(description: str) -> str:
    core = re.split(r"\s(?:for|of|at|with|in|from|on|quoted|who)\s", description.lower())[0]
    tokens = re.findall(r"[a-z]+", core)
    return tokens[-1] if tokens else ""


def _strip_tail(phrase: str) -> str:
    """Drop adverbs and auxiliaries at the end of a subject: "the foreperson simply" -> "the foreperson"."""
    tokens = phrase.split()
    while tokens and _ADVERB_RE.fullmatch(tokens[-1]):
        tokens.pop()
    return " ".join(tokens)


class Attributor:
    """Attributes the quotations of one article, paragraph by paragraph."""

    def __init__(self, report: ImportReport) -> None:
        self.report = report
        self.cast = Cast()
        self._paragraph_context = ""

    # ------------------------------------------------------------------ phrases
    def classify(self, phrase: str, line: int, how: list[str]) -> Speaker | _Pronoun | None:
        """A speaker from a subject phrase, or a pronoun still to resolve."""
        phrase = phrase.strip(" ,;:—–-")
        phrase = _CONJUNCTION.sub("", phrase)
        if not phrase:
            return None
        low = phrase.lower()
        if low in PRONOUNS:
            return _Pronoun(low, PRONOUNS[low])
        m = _APPOSITIVE.match(phrase + ", ")
        if m and _is_role(m.group("role")):
            return self._named(m.group("name"), self._role_text(m.group("role")), line, how)
        m = _REVERSE_APPOSITIVE.match(phrase + ", ")
        if m:
            return self._named(m.group("name"), self._role_text(m.group("role")), line, how)
        m = _OWNER_ROLE.fullmatch(phrase)
        if m:
            return self._role(phrase, line, how)
        if _DETERMINER.fullmatch(phrase):
            rest = strip_article(phrase)
            if rest and rest[0].isupper() and NAME_RUN.fullmatch(rest):
                return self._named(rest, None, line, how)
            return self._role(phrase, line, how)
        if NAME_RUN.fullmatch(phrase) or (
            re.search(r"\b(?:Inc|Corp|Co|Ltd|Jr|Sr)\.$", phrase) and NAME_RUN.fullmatch(phrase[:-1])
        ):
            return self._named(phrase, None, line, how)
        m = _ROLE_NAME.fullmatch(phrase)
        if m and len(m.group("name").split()) >= 2 and not is_organization(m.group("name")):
            title = sentence_case(strip_article(self._expand(m.group("role"))))
            how.append(f'"{title}" taken as the job title of {m.group("name")}')
            return self._named(m.group("name"), None, line, [], job_title=title)
        return None

    def _role_text(self, role: str) -> str:
        role = strip_article(role.strip())
        return sentence_case(self._expand(role))

    def _expand(self, text: str) -> str:
        """Replace a surname by the full name introduced earlier: "Weinstein's" -> "Harvey Weinstein's"."""

        def full(m: re.Match[str]) -> str:
            word = m.group(1)
            name = self.cast.full_name(word)
            return (name if name and " " in name else word) + m.group(2)

        if "'" not in text and "’" not in text:
            return text
        return _SURNAME_POSSESSIVE.sub(full, text)

    def _role(self, phrase: str, line: int, how: list[str]) -> Speaker | None:
        phrase = _STOP_ROLE.sub("", phrase).strip()
        if not phrase or not re.search(r"[a-z]", phrase):
            return None
        first = phrase.split()[0].lower()
        new = first in ("another", "a", "an")
        article = {"one": "A", "a": "A", "an": "An", "another": "Another", "the": "The"}.get(
            first, ""
        )
        core = strip_article(phrase)
        if _ORG_ROLE.search(core):
            return self._org_role(core, line, how)
        description = self._expand(f"{article} {core}".strip())
        description = sentence_case(description)
        how.append(f"speaker described by role only: {description}")
        return self.cast.person(None, description, None, line, new=new)

    def _org_role(self, core: str, line: int, how: list[str]) -> Speaker | None:
        head = _head(core)
        for s in reversed(self.cast.speakers):
            if s.kind == "organization" and s.name and head in s.name.lower().split():
                how.append(f'"the {core}" taken as {s.name}')
                return s
        for name in reversed(self.cast.organizations):
            if head in name.lower().split():
                how.append(f'"the {core}" taken as {name}, named earlier')
                return self.cast.organization(name, line)
        return None

    def _named(
        self, phrase: str, role: str | None, line: int, how: list[str], job_title: str | None = None
    ) -> Speaker:
        title, name = split_title(phrase)
        if not name or is_organization(name):
            return self.cast.organization(phrase, line)
        if title and " " not in title and title not in TITLE_WORDS and role is None:
            role, title = title, None
        if title:
            how.append(f'"{title}" taken as the job title of {name}')
        if " " not in name:
            full = self.cast.full_name(name)
            if full and full != name:
                how.append(f'"{name}" taken as {full}, named earlier')
                name = full
            elif not full:
                how.append(f'"{name}" is a single name: add the full name if there is one')
        return self.cast.person(name, role, title or job_title, line)

    # ---------------------------------------------------------------- sentences
    def _subject(self, masked: str, line: int, how: list[str]) -> Speaker | _Pronoun | None:
        """The subject of a sentence: who does what the sentence says."""
        s = _MARK.sub("", masked, count=0) if masked.startswith("⟦") else masked
        s = s.lstrip(" ,")
        s = _INTRO.sub("", s)
        m = _APPOSITIVE.match(s)
        if m and _is_role(m.group("role")):
            return self._named(m.group("name"), self._role_text(m.group("role")), line, how)
        m = _REVERSE_APPOSITIVE.match(s)
        if m:
            return self._named(m.group("name"), self._role_text(m.group("role")), line, how)
        m = re.match(r"(He|She|They|It)\b", s)
        if m:
            return _Pronoun(m.group(1).lower(), PRONOUNS[m.group(1).lower()])
        m = _SUBJECT_VERB.match(s)
        if m and len(m.group("subj").split()) <= 8:
            found = self.classify(m.group("subj"), line, how)
            if found is not None:
                return found
        m = _NAME_WHO.match(s)
        if m and m.group("name").split()[0] not in NOT_NAMES:
            return self._named(m.group("name"), None, line, how)
        m = _OWNER_ROLE_START.match(s)
        if m:
            return self._role(m.group(), line, how)
        m = _NAME_START.match(s)
        if m and m.group("name").split()[0] not in NOT_NAMES:
            return self._named(m.group("name"), None, line, how)
        m = re.match(r"((?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother)\s+[a-z][\w\s'’-]*)", s)
        if m:
            return self._role(m.group(1), line, how)
        return None

    def _resolve(self, found: Speaker | _Pronoun | None, how: list[str]) -> Speaker | None:
        if isinstance(found, _Pronoun):
            speaker = self.cast.pronoun(found)
            if speaker is not None:
                label = speaker.name or speaker.description or "?"
                how.append(f'"{found.word}" taken as {label}, the last speaker it fits')
            return speaker
        return found

    def _outlet(self, masked: str) -> str | None:
        for pattern in (_ACCORDING, _TOLD_OUTLET, _REPORTED):
            for m in pattern.finditer(masked):
                x = _trim(m.group("x"))
                bare = re.sub(r"^the\s+", "", x)
                if is_media(bare):
                    if bare not in self.cast.outlets:
                        self.cast.outlets.append(bare)
                    return bare
        return None

    # ---------------------------------------------------------------- paragraphs
    def attribute(self, paragraphs: list[Block]) -> list[Attribution]:
        """Every quotation of ``paragraphs``, in order, with speaker and outlet."""
        # The marker brackets stand for quotations below: keep them out of the text.
        paragraphs = [
            Block(p.kind, p.text.replace("⟦", "[").replace("⟧", "]"), p.line) for p in paragraphs
        ]
        scans = [scan(p.text) for p in paragraphs]
        for p, sc in zip(paragraphs, scans, strict=True):
            self.cast.learn(_outside(p.text, sc.quotes), p.line)
        out: list[Attribution] = []
        previous: list[Attribution] = []
        carry: list[Attribution] = []
        for index, (p, sc) in enumerate(zip(paragraphs, scans, strict=True)):
            continues = (
                sc.open_at_end
                and index + 1 < len(paragraphs)
                and starts_with_quote(paragraphs[index + 1].text)
            )
            if sc.unbalanced_at is not None or (sc.open_at_end and not continues):
                offset = sc.unbalanced_at if sc.unbalanced_at is not None else _last_open(p.text)
                self.report.add(
                    "error",
                    f"unbalanced quotation marks at column {offset + 1}: "
                    f'check the quote starting "{_snippet(p.text[offset:])}"',
                    p.line,
                )
            current = self._paragraph(p, sc.quotes)
            if carry:
                source = next((a for a in current if a.speaker is not None), None)
                if source is not None:
                    for a in carry:
                        a.speaker, a.outlet = source.speaker, a.outlet or source.outlet
                        a.how = "a quotation running on into the next paragraph"
                carry = []
            if continues:
                carry = [a for a in current if a.speaker is None]
            only_quotes = (
                bool(current)
                and starts_with_quote(p.text)
                and all(a.speaker is None for a in current)
            )
            if only_quotes and previous and previous[-1].speaker is not None:
                last = previous[-1]
                for a in current:
                    a.speaker, a.outlet = last.speaker, a.outlet or last.outlet
                    a.how = "speaker carried over from the previous paragraph"
                    self.report.add(
                        "review",
                        f'"{_snippet(a.text)}": no speaker in this paragraph; '
                        f"took {_label(last.speaker)} from the paragraph before",
                        a.line,
                    )
            out.extend(current)
            previous = current or previous
        for a in out:
            if a.speaker is None:
                self.report.add(
                    "review",
                    f'no speaker found for the quotation "{_snippet(a.text)}": '
                    "it is left commented out in the draft",
                    a.line,
                )
        return out

    def _indirect(self, sentence: str, line: int) -> None:
        """``Bell said the damage was worse``: no quotation, but Bell spoke last."""
        s = _INTRO.sub("", sentence.strip())
        m = _INDIRECT.match(s)
        if m is None or len(m.group("subj").split()) > 8:
            return
        found = self._resolve(self.classify(m.group("subj"), line, []), [])
        if found is not None:
            self.cast.spoke(found)

    def _paragraph(self, p: Block, quotes: list[Quote]) -> list[Attribution]:
        results: list[Attribution] = []
        for sent in sentences(p.text, quotes):
            inner = [(k, q) for k, q in enumerate(quotes) if sent.start <= q.start < sent.end]
            if not inner:
                # Sentences with no quotation still move the conversation on.
                self._indirect(p.text[sent.start : sent.end], p.line)
                continue
            masked = _mask(p.text, sent, inner)
            outlet = self._outlet(masked)
            found: list[Attribution] = []
            for k, q in inner:
                self._paragraph_context = p.text[: q.start]
                how: list[str] = []
                speaker = self._quote_speaker(masked, k, p.line, how)
                a = Attribution(q.text, p.line, speaker, outlet, "; ".join(how))
                for h in how:
                    self.report.add("inferred", f'"{_snippet(q.text)}": {h}', p.line)
                found.append(a)
            if all(a.speaker is None for a in found) and _SPEECH_ANYWHERE.search(
                _MARK.sub("", masked)
            ):
                how = []
                subject = self._resolve(self._subject(masked, p.line, how), how)
                if subject is not None:
                    for a in found:
                        a.speaker = subject
                        a.how = "the subject of the sentence"
            known = next((a.speaker for a in found if a.speaker is not None), None)
            for a in found:
                if a.speaker is None and known is not None:
                    a.speaker = known
                    a.how = "same sentence as another quotation of the speaker"
            for a in found:
                if a.speaker is not None:
                    self.cast.spoke(a.speaker)
            results.extend(found)
        # A quotation alone in its sentence continues the paragraph's speaker.
        for i, a in enumerate(results):
            if a.speaker is None:
                before = next((b for b in reversed(results[:i]) if b.speaker is not None), None)
                after = next((b for b in results[i + 1 :] if b.speaker is not None), None)
                source = before or after
                if source is not None:
                    a.speaker = source.speaker
                    a.outlet = a.outlet or source.outlet
                    a.how = "same paragraph as another quotation of the speaker"
        return results

    def _quote_speaker(self, masked: str, k: int, line: int, how: list[str]) -> Speaker | None:
        marker = f"⟦{k}⟧"
        at = masked.index(marker)
        prefix = masked[:at]
        prefix_local = _MARK.split(prefix)[-1] if _MARK.search(prefix) else prefix
        suffix = masked[at + len(marker) :]
        suffix_local = _MARK.split(suffix)[0]

        m = _PRE.search(prefix_local)
        if m is not None:
            verb = m.group("verb")
            obj = m.group("obj").strip()
            if _PARTICIPLE_RE.fullmatch(verb):
                return self._resolve(self._subject(masked, line, how), how)
            before = prefix_local[: m.start()]
            clause = _CLAUSE.split(before)[-1]
            if verb in ("told", "asked") and (
                not _strip_tail(clause).strip() or _PASSIVE_TAIL.search(clause)
            ):
                return self._passive(masked, prefix, line, how)
            subject = _strip_tail(clause.strip())
            found = self.classify(subject, line, how)
            if found is None and not obj:
                found = self._subject(masked, line, how)
            if found is not None:
                return self._resolve(found, how)
        for pattern in (_POST_VERB_FIRST, _POST_SUBJECT_FIRST):
            m = pattern.match(suffix_local)
            if m is not None:
                subject = _strip_tail(m.group("subj"))
                if len(subject.split()) <= 8:
                    found = self.classify(subject, line, how)
                    if found is not None:
                        return self._resolve(found, how)
        for m in _ACCORDING.finditer(masked):
            x = re.sub(r"^[Tt]he\s+", "", _trim(m.group("x")))
            if not is_media(x):
                found = self.classify(x, line, how)
                if found is not None:
                    return self._resolve(found, how)
        return None

    def _passive(self, masked: str, prefix: str, line: int, how: list[str]) -> Speaker:
        """``he was told, "..."``: the speaker is someone quoted by the sentence's subject."""
        sub_how: list[str] = []
        reporter = self._resolve(self._subject(masked, line, sub_how), sub_how)
        others = _OTHERS.findall(self._paragraph_context)
        noun = others[-1] if others else "person"
        noun = re.sub(r"s$", "", noun) if noun.endswith("s") and not noun.endswith("ss") else noun
        article = "An" if noun[:1] in "aeiou" else "A"
        if reporter is not None:
            label = reporter.name or (reporter.description or "").lower() or "the speaker"
            description = f"{article} {noun} quoted by {label}"
        else:
            description = f"An unidentified {noun}"
        how.append(f'no one named says this (a passive); speaker recorded as "{description}"')
        self.report.add(
            "review",
            f'the quotation after "{" ".join(_MARK.sub("", prefix).split()[-6:])}" has no named speaker: '
            f'recorded as "{description}"; check who said it',
            line,
        )
        return self.cast.person(None, description, None, line, new=True)


_CONJUNCTION = re.compile(r"^(?:and|but|so|then|as)\s+", re.I)
_SURNAME_POSSESSIVE = re.compile(r"\b([A-Z][\w-]+)(['’]s)\b")
_DETERMINER = re.compile(r"(?:the|a|an|one|another|two|three)\s+.*", re.I)
_CLAUSE = re.compile(r"[,;:]|—|–|\b(?:and|but)\b")
_OWNER_ROLE = re.compile(rf"(?P<owner>{NAME_RUN.pattern})['’]s\s+(?P<role>[a-z][\w\s'’-]*)")
_OWNER_ROLE_START = re.compile(
    rf"(?P<owner>{NAME_RUN.pattern})['’]s\s+(?P<role>[a-z][a-z\s-]*?)(?=\s+\w+ed\b|,)"
)
_ROLE_NAME = re.compile(rf"(?P<role>.*?\b[a-z][\w'’-]*)\s+(?P<name>{NAME_RUN.pattern})")
_SUBJECT_VERB = re.compile(rf"(?P<subj>[^,⟦⟧]+?)\s+(?:{_ADVERB}\s+)*(?:{_VERBS})\b")
_INDIRECT = re.compile(rf"(?P<subj>[^,;:]+?)\s+(?:{_ADVERB}\s+)*(?:{_VERBS})\b")
_NAME_WHO = re.compile(rf"(?P<name>{NAME_RUN.pattern}),\s+(?:who|whose|whom)\b")
_NAME_START = re.compile(rf"(?:the\s+|The\s+)?(?P<name>{NAME_RUN.pattern})(?=\s+[a-z])")
_POSSESSIVE = re.compile(rf"{NAME_RUN.pattern}['’]s\b")
_ADVERB_RE = re.compile(_ADVERB)
_PARTICIPLE_RE = re.compile(_PARTICIPLES)
_SPEECH_ANYWHERE = re.compile(
    rf"\b(?:{_VERBS}|{_PARTICIPLES}|called|calls|calling|described|describes|describing|dubbed)\b"
)
_ORG_ROLE = re.compile(
    r"\b(?:company|department|office|agency|ministry|police|government|court|firm|campaign|"
    r"university|school|hospital|union|party|administration|museum|council|board|team|club)$"
)


def _is_role(role: str) -> bool:
    role = role.strip()
    if not re.search(r"\b[a-z]{3,}", role):
        return False
    first = role.split()[0]
    return (
        first.lower() in ("the", "a", "an", "one", "another", "his", "her", "their")
        or bool(_POSSESSIVE.match(role))
        or role[0].islower()
        or first in ("One", "Another", "The", "A", "An")
    )


def _trim(name: str) -> str:
    """An outlet or name as captured, without the sentence's punctuation after it."""
    name = name.strip()
    if not re.search(r"\b[A-Z]\.[A-Z]\.$", name):
        name = name.rstrip(".,;:")
    return name


def _outside(text: str, quotes: list[Quote]) -> str:
    out = text
    for q in reversed(quotes):
        out = out[: q.start] + " ⟦⟧ " + out[q.end :]
    return out


def _mask(text: str, sent: Sentence, inner: list[tuple[int, Quote]]) -> str:
    out = ""
    cursor = sent.start
    for k, q in inner:
        out += text[cursor : q.start] + f"⟦{k}⟧"
        cursor = min(q.end, sent.end)
    out += text[cursor : sent.end]
    return out


def _last_open(text: str) -> int:
    return max(text.rfind('"'), text.rfind("“"), 0)


def _snippet(text: str, limit: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _label(speaker: Speaker | None) -> str:
    if speaker is None:
        return "nobody"
    return speaker.name or speaker.description or "an unnamed speaker"
