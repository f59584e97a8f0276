"""Source models -> schema.org models: resolve keys, mint ids, apply defaults."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from schema_pub.graph.ids import IdScheme
from schema_pub.models import (
    Article,
    CreativeWork,
    ImageObject,
    NewsArticle,
    NewsMediaOrganization,
    Organization,
    Person,
    Quotation,
    Ref,
    WebPage,
    WebSite,
)
from schema_pub.models.licenses import UnknownLicenseError, lookup
from schema_pub.publish.errors import Loc, SourceError, SourceProblem
from schema_pub.publish.load import Parsed
from schema_pub.publish.source import (
    ArticleSource,
    ImageSource,
    OrganizationSource,
    PersonSource,
    SiteSource,
)

Entity = Person | Organization | NewsMediaOrganization
Agent = Person | Organization | NewsMediaOrganization | Ref


@dataclass
class Resolved:
    """One article as schema.org models, ready for the graph pass."""

    slug: str
    source_file: str
    article: NewsArticle | Article
    webpage: WebPage
    website: WebSite
    site: SiteSource
    body: str | None = None
    extra: list[Entity] = field(default_factory=list)


def article_slug(path: Path, source: ArticleSource) -> str:
    if source.slug:
        return source.slug
    return re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "article"


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
_LINE_MARK = re.compile(r"^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_STRONG = re.compile(r"(\*\*|__)(.+?)\1")
_EMPHASIS = re.compile(r"(?<![\w*])[*_](\S(?:.*?\S)?)[*_](?![\w*])")
_CODE = re.compile(r"`([^`]*)`")


def markdown_to_text(markdown: str) -> str:
    """Plain text of a Markdown body, for ``articleBody``: paragraphs kept, markup dropped."""
    paragraphs: list[str] = []
    for block in _PARAGRAPH_BREAK.split(markdown.strip()):
        if _HEADING.match(block) and "\n" not in block.strip():
            continue  # a heading is structure, not a sentence of the body
        lines = [_LINE_MARK.sub("", line).strip() for line in block.splitlines()]
        text = " ".join(part for part in lines if part)
        if "[" in text:
            text = _LINK.sub(r"\1", text)
        if "*" in text or "_" in text:
            text = _STRONG.sub(r"\2", text)
            text = _EMPHASIS.sub(r"\1", text)
        if "`" in text:
            text = _CODE.sub(r"\1", text)
        if text:
            paragraphs.append(text)
    return "\n\n".join(paragraphs)


class _Resolver:
    def __init__(self, parsed: Parsed, source: ArticleSource, site: SiteSource, slug: str) -> None:
        self.parsed = parsed
        self.source = source
        self.site = site
        self.problems: list[SourceProblem] = []
        self.url = source.url or f"{site.url.rstrip('/')}/{slug}/"
        self.ids = IdScheme(site_url=site.url, article_url=self.url)
        self.people: dict[str, PersonSource] = {**site.people, **source.people}
        self.orgs: dict[str, OrganizationSource] = {**site.organizations, **source.organizations}
        self._entities: dict[str, Entity] = {}
        for key in sorted(set(source.people) & set(site.people)):
            self.fail(("people", key), f'"{key}" is already declared in site.yaml: use another key')
        for key in sorted(set(source.organizations) & set(site.organizations)):
            self.fail(
                ("organizations", key), f'"{key}" is already declared in site.yaml: use another key'
            )
        for key in sorted(set(self.people) & set(self.orgs)):
            where = ("people", key) if key in source.people else ("organizations", key)
            self.fail(where, f'"{key}" is declared both as a person and as an organization')

    def fail(self, loc: Loc, message: str) -> None:
        self.problems.append(self.parsed.problem(loc, message))

    def organization(self, key: str) -> Organization | NewsMediaOrganization:
        found = self._entities.get(key)
        if isinstance(found, Organization | NewsMediaOrganization):
            return found
        src = self.orgs[key]
        is_publisher = key == self.site.publisher
        logo = None
        if src.logo is not None:
            logo = ImageObject(
                id=self.ids.logo(key, publisher=is_publisher),
                url=src.logo.url,
                content_url=src.logo.url,
                width=src.logo.width,
                height=src.logo.height,
            )
        cls = NewsMediaOrganization if src.type == "NewsMediaOrganization" else Organization
        org = cls(
            id=self.ids.organization(key, publisher=is_publisher),
            name=src.name,
            url=src.url,
            logo=logo,
            same_as=src.same_as,
            description=src.description,
        )
        self._entities[key] = org
        return org

    def person(self, key: str) -> Person:
        found = self._entities.get(key)
        if isinstance(found, Person):
            return found
        src = self.people[key]
        affiliation = None
        if src.affiliation is not None:
            if src.affiliation in self.orgs:
                affiliation = Ref(id=self.organization(src.affiliation).id or "")
            else:
                self.fail(
                    ("people", key, "affiliation"), self._unknown(src.affiliation, "organization")
                )
        person = Person(
            id=self.ids.person(key) if src.name else self.ids.unnamed_person(key),
            name=src.name,
            description=src.description,
            job_title=src.job_title,
            url=src.url,
            same_as=src.same_as,
            affiliation=affiliation,
        )
        self._entities[key] = person
        return person

    def _unknown(self, key: str, kind: str) -> str:
        names = sorted(
            self.people
            if kind == "person"
            else self.orgs
            if kind == "organization"
            else {*self.people, *self.orgs}
        )
        known = ", ".join(names) if names else "none"
        return f'"{key}" is not a declared {kind} key (declared: {known})'

    def agent(self, key: str, loc: Loc, kind: str = "person or organization") -> Ref | None:
        if key in self.people:
            return Ref(id=self.person(key).id or "")
        if key in self.orgs:
            return Ref(id=self.organization(key).id or "")
        self.fail(loc, self._unknown(key, kind))
        return None

    def image(self, src: ImageSource, index: int, loc: Loc) -> ImageObject:
        license_url = None
        if src.license is not None:
            try:
                license_url = lookup(src.license).url
            except UnknownLicenseError as exc:
                self.fail((*loc, "license"), str(exc))
        creator = self.agent(src.creator, (*loc, "creator")) if src.creator else None
        return ImageObject(
            id=self.ids.image(index),
            url=src.url,
            content_url=src.content_url or src.url,
            caption=src.caption,
            width=src.width,
            height=src.height,
            encoding_format=src.encoding_format,
            creator=creator,
            license=license_url,
            acquire_license_page=src.acquire_license_page,
            credit_text=src.credit,
            copyright_notice=src.copyright_notice,
        )

    def resolve(self, slug: str, body: str | None) -> Resolved:
        s = self.source
        site = self.site
        publisher_org = self.organization(site.publisher)
        website = WebSite(
            id=self.ids.website(),
            url=site.url,
            name=site.name,
            publisher=Ref(id=publisher_org.id or ""),
            in_language=site.language,
        )
        authors: list[Agent] = [
            a for i, k in enumerate(s.authors or []) if (a := self.agent(k, ("authors", i)))
        ]
        publisher = publisher_org
        if s.publisher is not None:
            if s.publisher in self.orgs:
                publisher = self.organization(s.publisher)
            else:
                self.fail(("publisher",), self._unknown(s.publisher, "organization"))
        single = isinstance(self.parsed.data.get("image"), dict)
        images: list[ImageObject | Ref] = [
            self.image(img, i, ("image",) if single else ("image", i))
            for i, img in enumerate(s.image or [])
        ]
        about: list[Agent] = [
            a for i, k in enumerate(s.about or []) if (a := self.agent(k, ("about", i)))
        ]
        mentions: list[Agent] = [
            a for i, k in enumerate(s.mentions or []) if (a := self.agent(k, ("mentions", i)))
        ]

        citations: list[CreativeWork] = []
        citation_ids: dict[str, str] = {}
        for i, c in enumerate(s.citations):
            publisher_ref = None
            if c.publisher is not None:
                if c.publisher in self.orgs:
                    publisher_ref = Ref(id=self.organization(c.publisher).id or "")
                else:
                    self.fail(
                        ("citations", i, "publisher"), self._unknown(c.publisher, "organization")
                    )
            if not (c.headline or c.name or c.url or c.publisher):
                self.fail(
                    ("citations", i), "a citation needs a headline, a name, a url or a publisher"
                )
                continue
            if c.key is not None:
                if c.key in citation_ids:
                    self.fail(("citations", i, "key"), f'duplicate citation key "{c.key}"')
                citation_ids[c.key] = self.ids.citation(i, c.key)
            citations.append(
                CreativeWork(
                    id=self.ids.citation(i, c.key),
                    headline=c.headline,
                    name=c.name,
                    url=c.url,
                    publisher=publisher_ref,
                    date_published=c.date_published,
                )
            )

        article_id = self.ids.article()
        quotations: list[Quotation] = []
        reports: dict[str, CreativeWork] = {}
        for i, q in enumerate(s.quotations):
            speaker = self.agent(q.speaker, ("quotations", i, "speaker"))
            based_on: CreativeWork | Ref | None = None
            if q.source is not None:
                if q.source in citation_ids:
                    based_on = Ref(id=citation_ids[q.source])
                elif q.source in self.orgs:
                    org = self.organization(q.source)
                    report = reports.get(q.source)
                    if report is None:
                        report = CreativeWork(
                            id=self.ids.report(q.source),
                            name=f"Report by {org.name}",
                            publisher=Ref(id=org.id or ""),
                        )
                        reports[q.source] = report
                    based_on = report
                else:
                    known = ", ".join(sorted({*self.orgs, *citation_ids})) or "none"
                    self.fail(
                        ("quotations", i, "source"),
                        f'"{q.source}" is neither a declared organization nor a citation key (declared: {known})',
                    )
            if speaker is None:
                continue
            quotations.append(
                Quotation(
                    id=self.ids.quotation(i),
                    text=q.text,
                    spoken_by_character=speaker,
                    is_based_on=based_on,
                    is_part_of=Ref(id=article_id),
                )
            )
        if self.problems:
            raise SourceError(self.problems)

        text = (markdown_to_text(body) or None) if body else None
        date_published = s.date_published or site.date_published
        language = s.language or site.language
        webpage = WebPage(
            id=self.ids.webpage(),
            url=self.url,
            name=s.headline,
            is_part_of=Ref(id=website.id or ""),
            in_language=language,
            primary_image_of_page=Ref(id=images[0].id or "") if images else None,
            date_published=date_published,
            date_modified=s.date_modified or date_published,
        )
        fields: dict[str, Any] = dict(
            id=article_id,
            url=self.url,
            headline=s.headline,
            alternative_headline=s.alternative_headline,
            description=s.description,
            article_body=text,
            article_section=s.section,
            keywords=s.keywords,
            in_language=language,
            date_published=date_published,
            date_modified=s.date_modified or date_published,
            author=authors or None,
            publisher=publisher,
            image=images or None,
            about=about or None,
            mentions=mentions or None,
            citation=list(citations) or None,
            has_part=list(quotations) or None,
            main_entity_of_page=Ref(id=webpage.id or ""),
            is_accessible_for_free=s.is_accessible_for_free,
            word_count=len(text.split()) if text else None,
        )
        article: NewsArticle | Article = (
            NewsArticle(**fields, dateline=s.dateline)
            if s.type == "NewsArticle"
            else Article(**fields)
        )
        return Resolved(
            slug=slug,
            source_file=self.parsed.file,
            article=article,
            webpage=webpage,
            website=website,
            site=site,
            body=text,
            extra=list(self._entities.values()),
        )


def resolve(parsed: Parsed, source: ArticleSource, site: SiteSource, slug: str) -> Resolved:
    """Turn a validated article source into schema.org models, or raise SourceError."""
    if source.body is not None and parsed.body is not None:
        raise SourceError(
            [
                parsed.problem(
                    ("body",), "the text is given twice: as a body field and below the header"
                )
            ]
        )
    body = source.body if source.body is not None else parsed.body
    return _Resolver(parsed, source, site, slug).resolve(slug, body)
