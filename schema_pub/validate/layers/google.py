"""The google layer: Article rich results and image licence metadata, as Google
Search Central documents them today.

Article, NewsArticle and BlogPosting (and every other schema.org subtype of Article)
have no required property; Google recommends ``author``, ``datePublished``,
``dateModified``, ``headline`` and ``image``, and says how each should look. Image
licence metadata applies to any ImageObject that carries licence information.

Rules Google has dropped are deliberately absent: there is no 110-character cap on
``headline``, no 696-pixel minimum width, and neither ``publisher`` nor ``image`` is
required.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any

from schema_pub.validate.document import Document
from schema_pub.validate.findings import Finding, JsonPath, Rule, Severity
from schema_pub.validate.layers._graph import LITERAL, NODE, REF, Graph, Node, Value
from schema_pub.validate.layers._types import ANCESTORS, ancestors_of, default_vocab

if TYPE_CHECKING:
    from schema_pub.vocab import Vocabulary

__all__ = ["ARTICLE_DOC", "CHECKED", "IMAGE_LICENSE_DOC", "RULES", "check", "check_graph"]

LAYER = "google"
ARTICLE_DOC = "https://developers.google.com/search/docs/appearance/structured-data/article"
IMAGE_LICENSE_DOC = (
    "https://developers.google.com/search/docs/appearance/structured-data/image-license-metadata"
)
CHECKED = "2026-11-25"


def _rule(code: str, name: str, severity: Severity, summary: str, source: str) -> Rule:
    return Rule(code, name, severity, summary, LAYER, source, CHECKED)


MISSING_RECOMMENDED = _rule(
    "SP301",
    "article-missing-recommended",
    Severity.WARNING,
    "An Article lacks a property Google recommends: author, datePublished, "
    "dateModified, headline or image (none is required).",
    ARTICLE_DOC,
)
AUTHOR_TYPE = _rule(
    "SP302",
    "author-not-person-or-organization",
    Severity.WARNING,
    "An Article's author is text or an entity that is neither a Person nor an Organization.",
    ARTICLE_DOC,
)
AUTHOR_NAME_MISSING = _rule(
    "SP303",
    "author-missing-name",
    Severity.WARNING,
    "An Article's author has no name.",
    ARTICLE_DOC,
)
AUTHOR_LINK_MISSING = _rule(
    "SP304",
    "author-missing-url",
    Severity.INFO,
    "An Article's author has neither url nor sameAs to tell who they are.",
    ARTICLE_DOC,
)
AUTHOR_SEVERAL = _rule(
    "SP305",
    "author-several-in-one",
    Severity.WARNING,
    "One author entry names several people; Google asks for one entry per author.",
    ARTICLE_DOC,
)
AUTHOR_NAME_DECORATED = _rule(
    "SP306",
    "author-name-decorated",
    Severity.WARNING,
    'An author name carries a "By" prefix, an honorific or a job title; Google '
    "asks for the name only.",
    ARTICLE_DOC,
)
DATE_TIMEZONE = _rule(
    "SP307",
    "date-without-timezone",
    Severity.WARNING,
    "datePublished or dateModified has no timezone (Google then assumes one).",
    ARTICLE_DOC,
)
MODIFIED_BEFORE_PUBLISHED = _rule(
    "SP308",
    "modified-before-published",
    Severity.ERROR,
    "dateModified is earlier than datePublished.",
    ARTICLE_DOC,
)
IMAGE_TOO_SMALL = _rule(
    "SP309",
    "image-too-small",
    Severity.WARNING,
    "An Article image has fewer than 50,000 pixels (width times height).",
    ARTICLE_DOC,
)
IMAGE_ASPECT_RATIOS = _rule(
    "SP310",
    "image-aspect-ratios",
    Severity.INFO,
    "An Article image with known dimensions is in none of the 16x9, 4x3 and 1x1 "
    "aspect ratios Google suggests.",
    ARTICLE_DOC,
)
LICENSED_IMAGE_NO_CONTENT_URL = _rule(
    "SP311",
    "licensed-image-missing-content-url",
    Severity.ERROR,
    "An ImageObject with licence metadata has no contentUrl, which Google requires "
    "to match the metadata to the image.",
    IMAGE_LICENSE_DOC,
)
LICENSED_IMAGE_NO_ATTRIBUTION = _rule(
    "SP312",
    "licensed-image-missing-attribution",
    Severity.ERROR,
    "An ImageObject with licence metadata has none of creator, creditText, "
    "copyrightNotice and license; Google requires at least one.",
    IMAGE_LICENSE_DOC,
)
LICENSED_IMAGE_NO_LICENSE = _rule(
    "SP313",
    "licensed-image-missing-license",
    Severity.INFO,
    "An ImageObject with licence metadata has no license, which the Licensable badge needs.",
    IMAGE_LICENSE_DOC,
)

RULES: tuple[Rule, ...] = (
    MISSING_RECOMMENDED,
    AUTHOR_TYPE,
    AUTHOR_NAME_MISSING,
    AUTHOR_LINK_MISSING,
    AUTHOR_SEVERAL,
    AUTHOR_NAME_DECORATED,
    DATE_TIMEZONE,
    MODIFIED_BEFORE_PUBLISHED,
    IMAGE_TOO_SMALL,
    IMAGE_ASPECT_RATIOS,
    LICENSED_IMAGE_NO_CONTENT_URL,
    LICENSED_IMAGE_NO_ATTRIBUTION,
    LICENSED_IMAGE_NO_LICENSE,
)

# An Article nested under another property (the source of a quotation, a citation) is
# a reference, not the page's article: Google's rules apply to top-level ones and to
# the main entity of a page.
_MAIN_PROPS = frozenset({"mainEntity"})

RECOMMENDED = ("author", "datePublished", "dateModified", "headline", "image")
MIN_PIXELS = 50_000
PREFERRED_RATIOS = {"16x9": 16 / 9, "4x3": 4 / 3, "1x1": 1.0}
_RATIOS = tuple(PREFERRED_RATIOS.values())
_LICENCE_PROPS = ("license", "acquireLicensePage", "creditText", "copyrightNotice")
_LICENCE_SET = frozenset(_LICENCE_PROPS)

_BY_RE = re.compile(r"^\s*(?:posted\s+|written\s+)?by\b[\s:]*", re.IGNORECASE)
_HONORIFIC_RE = re.compile(
    r"^\s*(?:dr|mr|mrs|ms|mx|miss|prof|professor|sir|dame|rev|hon)\b\.?\s", re.IGNORECASE
)
_TITLE_WORDS = (
    "editor|reporter|correspondent|writer|journalist|columnist|staff|contributor|"
    "photographer|producer|chief|senior|analyst|critic|author|director|manager"
)
_TITLE_RE = re.compile(
    rf"(?:,|\s[-–—|]\s?|\()\s*(?:[\w.]+\s+)*?(?:{_TITLE_WORDS})\b", re.IGNORECASE
)
_SEVERAL_RE = re.compile(r"\s(?:and|&)\s|;|\s\|\s", re.IGNORECASE)
_HAS_TIME_RE = re.compile(r"\d[T ]\d{2}:\d{2}")
_HAS_ZONE_RE = re.compile(r"(?:Z|[+-]\d{2}(?::?\d{2})?)\s*\Z")


_NAME_OK = 0
_NAME_SEVERAL = 1
_NAME_DECORATED = 2
#: Author name -> verdict; the same bylines come back on every page of a site.
_NAME_VERDICTS: dict[str, int] = {}


def _name_verdict(name: str) -> int:
    if _SEVERAL_RE.search(name):
        verdict = _NAME_SEVERAL
    elif _BY_RE.match(name) or _HONORIFIC_RE.match(name) or _TITLE_RE.search(name):
        verdict = _NAME_DECORATED
    else:
        verdict = _NAME_OK
    if len(_NAME_VERDICTS) < 10_000:
        _NAME_VERDICTS[name] = verdict
    return verdict


def _parse_datetime(text: str) -> datetime | None:
    stripped = text.strip()
    if stripped.endswith("Z"):
        stripped = stripped[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(stripped)
    except ValueError:
        return None


def _pixels(image: Node, prop: str) -> int | None:
    """A width or height in pixels: a number, a numeric string or a QuantitativeValue."""
    raw: Any = image.scalar(prop)
    if raw is None:
        value = image.first(prop)
        if value is None:
            return None
        raw = value.raw
        if value.kind == NODE and value.node is not None:
            inner = value.node.first("value")
            raw = inner.raw if inner is not None else None
    if isinstance(raw, bool):
        return None
    if isinstance(raw, (int, float)):
        return int(raw) if raw > 0 else None
    if isinstance(raw, str):
        match = re.fullmatch(r"\s*(\d+)(?:\s*px)?\s*", raw)
        return int(match.group(1)) if match else None
    return None


_ARTICLE = 1
_IMAGE = 2
#: Types tuple -> which of the checks apply (_ARTICLE, _IMAGE bits).
_KINDS: dict[tuple[str, ...], int] = {}


def _kind_of(vocab: Vocabulary, types: tuple[str, ...]) -> int:
    ancestors = ancestors_of(vocab, types)
    kind = (_ARTICLE if "Article" in ancestors else 0) | (
        _IMAGE if "ImageObject" in ancestors else 0
    )
    if len(_KINDS) < 10_000:
        _KINDS[types] = kind
    return kind


_DATE_ONLY = 1
_NO_ZONE = 2
_ZONED = 3
#: Date string -> (stripped, parsed or None, _DATE_ONLY / _NO_ZONE / _ZONED); the same
#: dates come back on every article of a day.
_DATES: dict[str, tuple[str, datetime | None, int]] = {}


def _date_facts(raw: str) -> tuple[str, datetime | None, int]:
    text = raw.strip()
    when = _parse_datetime(text)
    if not _HAS_TIME_RE.search(text):
        zone = _DATE_ONLY
    elif not _HAS_ZONE_RE.search(text):
        zone = _NO_ZONE
    else:
        zone = _ZONED
    facts = (text, when, zone)
    if len(_DATES) < 10_000:
        _DATES[raw] = facts
    return facts


_SIZE_OK = 0
_SIZE_SMALL = 1
_SIZE_RATIO = 2
#: (width, height) -> _SIZE_SMALL and _SIZE_RATIO bits; sites use a few image sizes.
_SIZES: dict[tuple[int, int], int] = {}


def _size_verdict(width: int, height: int) -> int:
    verdict = _SIZE_SMALL if width * height < MIN_PIXELS else _SIZE_OK
    ratio = width / height
    for preferred in _RATIOS:
        if abs(ratio - preferred) <= preferred / 50:
            break
    else:
        verdict |= _SIZE_RATIO
    if len(_SIZES) < 10_000:
        _SIZES[(width, height)] = verdict
    return verdict


class _Checker:
    def __init__(self, vocab: Vocabulary, graph: Graph) -> None:
        self.vocab = vocab
        self.graph = graph
        self.by_id = graph.by_id()

    def run(self) -> list[Finding]:
        out: list[Finding] = []
        vocab = self.vocab
        kinds = _KINDS
        for node in self.graph.nodes:
            kind = kinds.get(node.types)
            if kind is None:
                kind = _kind_of(vocab, node.types)
            if not kind:
                continue
            if kind & _ARTICLE and (node.parent is None or node.parent_prop in _MAIN_PROPS):
                self.article(node, out)
            if kind & _IMAGE and (node.extra or not _LICENCE_SET.isdisjoint(node.keys)):
                self.licensed_image(node, out)
        return out

    # Article

    def article(self, node: Node, out: list[Finding]) -> None:
        has = node.has
        for prop in RECOMMENDED:
            if not has(prop):
                kind = next((t for t in node.types if ":" not in t), "Article")
                out.append(
                    MISSING_RECOMMENDED(
                        f"the {kind} has no {prop!r}, which Google recommends",
                        path=node.path,
                        property=prop,
                    )
                )
        key = node.keys.get("author")
        if key is not None and not node.extra and node.children is not None:
            raw = node.obj[key]
            if type(raw) is list:
                if not self.quick_authors(node, key, raw, out):
                    for value in node.values("author"):
                        self.author(value, out)
            elif type(raw) is dict and id(raw) in node.children:
                # one node or reference: its path is the key's
                child = node.children[id(raw)]
                author = self.by_id.get(child) if type(child) is str else child
                if author is not None:
                    assert isinstance(author, Node)
                    self.author_node(author, (*node.path, key), out)
            else:
                for value in node.values("author"):
                    self.author(value, out)
        elif key is not None or node.extra:
            for value in node.values("author"):
                self.author(value, out)
        self.dates(node, out)
        if "image" in node.keys or node.extra:
            self.images(node, out)

    def quick_authors(self, node: Node, key: str, raw: list[Any], out: list[Finding]) -> bool:
        """The authors of a list of nodes and references, without building values
        (paths are made only for findings); False when the list holds anything else."""
        children = node.children
        assert children is not None
        for item in raw:
            if type(item) is not dict or id(item) not in children:
                return False
        by_id = self.by_id
        for i, item in enumerate(raw):
            child = children[id(item)]
            author = by_id.get(child) if type(child) is str else child
            if author is not None:
                assert isinstance(author, Node)
                self.author_node(author, (node, key, i), out)
        return True

    def author(self, value: Value, out: list[Finding]) -> None:
        kind = value.kind
        if kind == LITERAL:
            out.append(
                AUTHOR_TYPE(
                    "the author is plain text; Google reads a Person or an Organization",
                    path=value.path,
                    hint='write {"@type": "Person", "name": ..., "url": ...}',
                )
            )
            return
        if kind == NODE:
            author = value.node
        elif kind == REF and type(value.raw) is str:
            author = self.by_id.get(value.raw)
        else:
            author = None
        if author is None:
            return
        self.author_node(author, value.path, out)

    def author_node(
        self, author: Node, where: JsonPath | tuple[Node, str, int], out: list[Finding]
    ) -> None:
        """The checks of one author node; ``where`` is the path of the value that
        names it, or (node, key, index) to make it from when a finding needs it."""
        types = ANCESTORS.get(author.types)
        if types is None:
            types = ancestors_of(self.vocab, author.types)
        if "Role" in types:
            for inner in author.values(author.parent_prop or "author"):
                self.author(inner, out)
            return
        is_person = "Person" in types
        if not is_person and "Organization" not in types:
            shown = ", ".join(author.types) or "an untyped node"
            out.append(
                AUTHOR_TYPE(
                    f"the author is {shown}; Google reads a Person or an Organization",
                    path=_path_of(where),
                )
            )
            return
        name = author.text("name")
        if name is None:
            out.append(AUTHOR_NAME_MISSING("the author has no name", path=author.path))
        elif is_person:
            verdict = _NAME_VERDICTS.get(name)
            if verdict is None:
                verdict = _name_verdict(name)
            if verdict != _NAME_OK:
                out.extend(self.author_name(name, author, verdict))
        if not author.has("url") and not author.has("sameAs"):
            out.append(
                AUTHOR_LINK_MISSING(
                    "the author has neither url nor sameAs",
                    path=author.path,
                    hint="link a profile page (url) or an authority record (sameAs)",
                )
            )

    def author_name(self, name: str, author: Node, verdict: int) -> Iterator[Finding]:
        path = author.prop_path("name")
        if not author.is_scalar("name"):
            first = author.first("name")
            if first is not None:
                path = first.path
        if verdict == _NAME_SEVERAL:
            yield AUTHOR_SEVERAL(
                f"the author name {name!r} seems to name several people",
                path=path,
                hint="give each author an entry of its own in a list",
            )
            return
        if verdict == _NAME_DECORATED:
            yield AUTHOR_NAME_DECORATED(
                f"the author name {name!r} carries more than the name",
                path=path,
                hint="keep only the name; put a job title in jobTitle, an honorific in "
                "honorificPrefix",
            )

    def dates(self, node: Node, out: list[Finding]) -> None:
        parsed: dict[str, datetime] = {}
        for prop in ("datePublished", "dateModified"):
            raw = node.scalar(prop)
            if type(raw) is str:  # the common case: one string, its path is the key's
                path = None
            else:
                value = node.first(prop)
                if value is None or value.kind != LITERAL or not isinstance(value.raw, str):
                    continue
                raw, path = value.raw, value.path
            facts = _DATES.get(raw)
            if facts is None:
                facts = _date_facts(raw)
            text, when, zone = facts
            if when is None:
                continue  # not ISO 8601: the vocabulary layer reports it
            parsed[prop] = when
            if zone == _DATE_ONLY:
                out.append(
                    DATE_TIMEZONE(
                        f"{prop} {text!r} has a date but no time and timezone",
                        path=path if path is not None else node.prop_path(prop),
                        hint=f'e.g. "{text}T08:00:00+01:00"',
                    )
                )
            elif zone == _NO_ZONE:
                out.append(
                    DATE_TIMEZONE(
                        f"{prop} {text!r} has no timezone",
                        path=path if path is not None else node.prop_path(prop),
                        hint=f'e.g. "{text}+01:00" or "{text}Z"',
                    )
                )
        published = parsed.get("datePublished")
        modified = parsed.get("dateModified")
        if published is not None and modified is not None:
            if (published.tzinfo is None) != (modified.tzinfo is None):
                earlier = modified.date() < published.date()
            else:
                earlier = modified < published  # aware ones compare as instants
            if earlier:
                value = node.first("dateModified")
                out.append(
                    MODIFIED_BEFORE_PUBLISHED(
                        "dateModified is earlier than datePublished",
                        path=value.path if value is not None else node.path,
                    )
                )

    def images(self, node: Node, out: list[Finding]) -> None:
        by_id = self.by_id
        for target in node.targets("image"):
            image = by_id.get(target) if isinstance(target, str) else target
            if image is None:
                continue
            width = image.scalar("width")
            height = image.scalar("height")
            if type(width) is not int or type(height) is not int or width <= 0 or height <= 0:
                # anything but two positive JSON integers: the general reading
                width = _pixels(image, "width")
                height = _pixels(image, "height")
                if width is None or height is None:
                    continue
            verdict = _SIZES.get((width, height))
            if verdict is None:
                verdict = _size_verdict(width, height)
            if verdict == _SIZE_OK:
                continue
            if verdict & _SIZE_SMALL:
                out.append(
                    IMAGE_TOO_SMALL(
                        f"the image is {width}x{height} = {width * height:,} pixels, fewer "
                        f"than Google's {MIN_PIXELS:,}",
                        path=image.path,
                    )
                )
            if verdict & _SIZE_RATIO:
                out.append(
                    IMAGE_ASPECT_RATIOS(
                        f"the image is {width}x{height}, in none of the aspect ratios "
                        "16x9, 4x3 and 1x1",
                        path=image.path,
                        hint="Google suggests high-resolution images in 16x9, 4x3 and 1x1",
                    )
                )

    # image licence metadata

    def licensed_image(self, node: Node, out: list[Finding]) -> None:
        has = node.has
        licensed = has("license")
        if not (licensed or has("acquireLicensePage") or has("creditText")) and not has(
            "copyrightNotice"
        ):
            return
        if not has("contentUrl"):
            out.append(
                LICENSED_IMAGE_NO_CONTENT_URL(
                    "the image has licence metadata but no contentUrl",
                    path=node.path,
                    hint="add contentUrl: the URL of the image file itself",
                )
            )
        if not (licensed or has("creator") or has("creditText") or has("copyrightNotice")):
            out.append(
                LICENSED_IMAGE_NO_ATTRIBUTION(
                    "the image has none of creator, creditText, copyrightNotice and license",
                    path=node.path,
                )
            )
        if not licensed:
            out.append(
                LICENSED_IMAGE_NO_LICENSE(
                    "the image has no license; the Licensable badge needs one",
                    path=node.path,
                    hint="add license: the URL of the licence",
                )
            )


def _path_of(where: JsonPath | tuple[Node, str, int]) -> JsonPath:
    """A path, or the path of item ``index`` of ``node``'s key (made when needed)."""
    if where and isinstance(where[0], Node):
        owner, key, index = where
        return (*owner.path, key, index)
    return where


def check_graph(graph: Graph, *, vocab: Vocabulary | None = None) -> Iterator[Finding]:
    if vocab is None:
        vocab = default_vocab()
    return iter(_Checker(vocab, graph).run())


def check(doc: Document) -> Iterator[Finding]:
    """Google's Article and image licence rules on ``doc.graph``."""
    graph = doc.graph
    if not isinstance(graph, Graph):
        return
    yield from check_graph(graph)
