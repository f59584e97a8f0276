"""What a page shows, read from the same models the JSON-LD is made of.

The head markup (Open Graph, Twitter cards), the article page, the Atom entry and
the news sitemap all take their values from :class:`PageFacts`, which is computed
from a :class:`~schema_pub.publish.resolve.Resolved` article: the headline in
``og:title`` is the headline of the ``NewsArticle`` node, never a second copy of
the source that could drift.
"""

from __future__ import annotations

from dataclasses import dataclass

from schema_pub.models import (
    CreativeWork,
    ImageObject,
    NewsArticle,
    NewsMediaOrganization,
    Organization,
    Person,
    Quotation,
    Ref,
)
from schema_pub.models.licenses import by_url
from schema_pub.publish.resolve import Resolved

Entity = Person | Organization | NewsMediaOrganization


@dataclass(frozen=True)
class Agent:
    """A person or organization as a page shows it."""

    id: str | None
    name: str
    url: str | None

    @property
    def profile(self) -> str:
        """What ``article:author`` carries: the profile URL when known, else the name."""
        return self.url or self.name


@dataclass(frozen=True)
class Photo:
    """A photo with what its attribution needs (title, author, source, licence)."""

    src: str
    width: int | None
    height: int | None
    alt: str
    caption: str | None
    title: str | None
    creator: Agent | None
    source_url: str | None
    license_url: str | None
    license_name: str | None
    credit: str | None
    encoding_format: str | None


@dataclass(frozen=True)
class Quote:
    """A quotation, who said it and the URL it is attributed to (for ``cite``)."""

    text: str
    speaker: Agent | None
    cite: str | None
    source_name: str | None


@dataclass(frozen=True)
class Reference:
    title: str
    url: str | None
    publisher: str | None
    date_published: str | None


@dataclass(frozen=True)
class PageFacts:
    """Everything a page, its head and its feed entries show about one article."""

    id: str
    type: str
    url: str
    headline: str
    description: str | None
    site_name: str
    site_url: str
    language: str
    date_published: str | None
    date_modified: str | None
    section: str | None
    keywords: tuple[str, ...]
    dateline: str | None
    authors: tuple[Agent, ...]
    publisher: Agent
    photos: tuple[Photo, ...]
    quotes: tuple[Quote, ...]
    references: tuple[Reference, ...]

    @property
    def og_locale(self) -> str:
        """``og:locale`` spelling of the language: ``en-GB`` -> ``en_GB``."""
        return self.language.replace("-", "_")

    @property
    def photo(self) -> Photo | None:
        return self.photos[0] if self.photos else None


def _agent(entity: Entity | None) -> Agent | None:
    if entity is None:
        return None
    name = entity.name if entity.name is not None else getattr(entity, "description", None)
    return Agent(id=entity.id, name=name or "", url=entity.url)


class _Lookup:
    def __init__(self, resolved: Resolved) -> None:
        self.entities: dict[str, Entity] = {}
        for entity in resolved.extra:
            if entity.id:
                self.entities[entity.id] = entity
        publisher = resolved.article.publisher
        if isinstance(publisher, Organization | NewsMediaOrganization) and publisher.id:
            self.entities.setdefault(publisher.id, publisher)

    def entity(self, value: object) -> Entity | None:
        if isinstance(value, Person | Organization | NewsMediaOrganization):
            return value
        if isinstance(value, Ref):
            return self.entities.get(value.id)
        return None


def _photo(image: ImageObject, lookup: _Lookup) -> Photo:
    src = image.content_url or image.url or ""
    licence = by_url(image.license) if image.license else None
    source_url = image.acquire_license_page
    return Photo(
        src=src,
        width=image.width,
        height=image.height,
        alt=image.caption or "",
        caption=image.caption,
        title=None,
        creator=_agent(lookup.entity(image.creator)),
        source_url=source_url,
        license_url=image.license,
        license_name=licence.short if licence else image.license,
        credit=image.credit_text,
        encoding_format=image.encoding_format,
    )


def _quote(quotation: Quotation, lookup: _Lookup, works: dict[str, CreativeWork]) -> Quote:
    speaker = _agent(lookup.entity(quotation.spoken_by_character))
    based = quotation.is_based_on
    cite: str | None = None
    source_name: str | None = None
    if isinstance(based, str):
        cite = based
    else:
        work = works.get(based.id) if isinstance(based, Ref) else based
        if isinstance(work, CreativeWork) and work is not None:
            publisher = lookup.entity(work.publisher)
            cite = work.url or (publisher.url if publisher else None)
            source_name = publisher.name if publisher else (work.headline or work.name)
    return Quote(text=quotation.text, speaker=speaker, cite=cite, source_name=source_name)


def page_facts(resolved: Resolved) -> PageFacts:
    """The facts of one resolved article, for its head, page and feed entries."""
    article = resolved.article
    lookup = _Lookup(resolved)
    authors_raw = article.author
    author_list = (
        authors_raw if isinstance(authors_raw, list) else ([authors_raw] if authors_raw else [])
    )
    authors = tuple(a for a in (_agent(lookup.entity(x)) for x in author_list) if a is not None)
    publisher = _agent(lookup.entity(article.publisher)) or Agent(
        id=None, name=resolved.website.name, url=resolved.website.url
    )
    images_raw = article.image
    image_list = (
        images_raw if isinstance(images_raw, list) else ([images_raw] if images_raw else [])
    )
    photos = tuple(_photo(i, lookup) for i in image_list if isinstance(i, ImageObject))
    works: dict[str, CreativeWork] = {}
    citations = [c for c in (article.citation or []) if isinstance(c, CreativeWork)]
    for work in citations:
        if work.id:
            works[work.id] = work
    quotations = [q for q in (article.has_part or []) if isinstance(q, Quotation)]
    quotes = tuple(_quote(q, lookup, works) for q in quotations)
    references = []
    for work in citations:
        publisher_entity = lookup.entity(work.publisher)
        references.append(
            Reference(
                title=work.headline or work.name or work.url or "",
                url=work.url,
                publisher=publisher_entity.name if publisher_entity else None,
                date_published=work.date_published,
            )
        )
    return PageFacts(
        id=article.id or resolved.webpage.url,
        type=article.type,
        url=resolved.webpage.url,
        headline=article.headline,
        description=article.description,
        site_name=resolved.website.name,
        site_url=resolved.website.url,
        language=article.in_language or resolved.site.language,
        date_published=article.date_published,
        date_modified=article.date_modified,
        section=article.article_section,
        keywords=tuple(article.keywords or ()),
        dateline=article.dateline if isinstance(article, NewsArticle) else None,
        authors=authors,
        publisher=publisher,
        photos=photos,
        quotes=quotes,
        references=tuple(references),
    )


__all__ = ["Agent", "PageFacts", "Photo", "Quote", "Reference", "page_facts"]
