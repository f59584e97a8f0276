"""Source models -> schema.org models: resolve keys, mint ids, apply defaults."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

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
_M = TypeVar("_M", bound=Ref | Entity | ImageObject | WebSite)
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


# --- site-wide entities, validated once -------------------------------------------
#
# The site, its organizations and its named people take the same ``@id`` in every
# article (see graph.ids), and mostly the same properties: their models are kept,
# keyed by the exact arguments they were made from, so each is validated once per
# process rather than once per article. The models are frozen, and the graph pass
# works on their dumps, so sharing one instance between articles changes nothing.
# A model that fails validation is not kept: the error comes again every time.

_CACHE_LIMIT = 1024
_site_models: dict[tuple[Any, ...], Any] = {}


def _frozen(value: Any) -> Any:
    """``value`` as part of a key; its type too, as ``1 == 1.0 == True``."""
    if type(value) is list:
        return tuple(_frozen(v) for v in value)
    return (type(value), value)


def _site_model(cls: type[_M], **fields: Any) -> _M:
    """``cls(**fields)``, the same instance for the same arguments."""
    try:
        key = (cls, *((name, _frozen(value)) for name, value in fields.items()))
        found = _site_models.get(key)
    except TypeError:  # an argument that cannot be a key: no sharing
        return cls(**fields)
    if found is None:
        found = cls(**fields)
        if len(_site_models) >= _CACHE_LIMIT:
            _site_models.clear()
        _site_models[key] = found
    return found


_refs: dict[str, Ref] = {}


def _ref(node_id: str) -> Ref:
    """``Ref(id=node_id)``, the same instance for the same id."""
    found = _refs.get(node_id) if type(node_id) is str else None
    if found is None:
        found = Ref(id=node_id)
        if len(_refs) >= _CACHE_LIMIT:
            _refs.clear()
        _refs[node_id] = found
    return found


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
            logo = _site_model(
                ImageObject,
                id=self.ids.logo(key, publisher=is_publisher),
                url=src.logo.url,
                content_url=src.logo.url,
                width=src.logo.width,
                height=src.logo.height,
            )
        cls: type[Organization | NewsMediaOrganization] = (
            NewsMediaOrganization if src.type == "NewsMediaOrganization" else Organization
        )
        org: Organization | NewsMediaOrganization = _site_model(
            cls,
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
                affiliation = _ref(self.organization(src.affiliation).id or "")
            else:
                self.fail(
                    ("people", key, "affiliation"), self._unknown(src.affiliation, "organization")
                )
        fields: dict[str, Any] = dict(
            name=src.name,
            description=src.description,
            job_title=src.job_title,
            url=src.url,
            same_as=src.same_as,
            affiliation=affiliation,
        )
        # a named person is a site-wide node; an unnamed one belongs to this article
        person = (
            _site_model(Person, id=self.ids.person(key), **fields)
            if src.name
            else Person(id=self.ids.unnamed_person(key), **fields)
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
            return _ref(self.person(key).id or "")
        if key in self.orgs:
            return _ref(self.organization(key).id or "")
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
        website = _site_model(
            WebSite,
            id=self.ids.website(),
            url=site.url,
            name=site.name,
            publisher=_ref(publisher_org.id or ""),
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
                    publisher_ref = _ref(self.organization(c.publisher).id or "")
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
                    based_on = _ref(citation_ids[q.source])
                elif q.source in self.orgs:
                    org = self.organization(q.source)
                    report = reports.get(q.source)
                    if report is None:
                        report = CreativeWork(
                            id=self.ids.report(q.source),
                            name=f"Report by {org.name}",
                            publisher=_ref(org.id or ""),
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
                    is_part_of=_ref(article_id),
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
            is_part_of=_ref(website.id or ""),
            in_language=language,
            primary_image_of_page=_ref(images[0].id or "") if images else None,
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
            main_entity_of_page=_ref(webpage.id or ""),
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
