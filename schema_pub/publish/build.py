"""Publish article sources: models, graph, JSON-LD and head markup, written atomically."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from schema_pub.publish.errors import SourceError, SourceProblem, field_name
from schema_pub.publish.files import write_atomic

if TYPE_CHECKING:
    from schema_pub.publish.facts import PageFacts, Quote
    from schema_pub.publish.page import Block
    from schema_pub.publish.resolve import Resolved
    from schema_pub.publish.source import SiteSource

# What a build needs only once it builds an article (pydantic, Jinja2, the models,
# the graph) is imported inside the functions below: a rebuild with nothing to do,
# and the command line that imports this module, do not pay for it.

SOURCE_SUFFIXES = (".yaml", ".yml", ".md", ".markdown")
SITE_FILE = "site.yaml"


@dataclass
class Article:
    """One built article: its models, its graph and the bytes of each output file."""

    resolved: Resolved
    document: dict[str, Any]
    files: dict[str, bytes]
    facts: PageFacts | None = None
    markdown: str | None = None
    template: Path | None = None
    blocks: tuple[list[Block], list[Quote]] | None = None
    """The body as blocks and the quotations it does not contain (page and feeds)."""
    float_free: bool = False
    """No float anywhere in ``document`` (its serializations need not look again)."""
    plain_json: bool = False
    """``document`` holds only values JSON text carries exactly (see graph.serialize.plain_json)."""


@dataclass
class ArticleResult:
    source: str
    slug: str | None = None
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    problems: list[SourceProblem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class BuildReport:
    results: list[ArticleResult] = field(default_factory=list)

    @property
    def failed(self) -> list[ArticleResult]:
        return [r for r in self.results if not r.ok]

    @property
    def ok(self) -> bool:
        return not self.failed


def find_sources(paths: Iterable[Path]) -> list[Path]:
    """Article sources under ``paths`` (files as given; directories searched), sorted.

    A directory is searched as ``Path.rglob("*")`` would (symbolic links to files
    count, links to folders are not followed), skipping hidden files and folders,
    ``site.yaml`` and READMEs; one ``scandir`` per folder, no ``stat`` per file.
    """
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            _search(os.fspath(path), found)
        else:
            found.add(path)
    return sorted(found)


def _search(folder: str, found: set[Path]) -> None:
    try:
        with os.scandir(folder) as entries:
            listed = list(entries)
    except PermissionError:
        return
    for entry in listed:
        name = entry.name
        if name.startswith("."):
            continue  # hidden, and so is everything under it
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            if not entry.is_symlink():
                _search(entry.path, found)
            continue
        try:
            is_file = entry.is_file()
        except OSError:
            is_file = False
        if (
            is_file
            and os.path.splitext(name)[1].lower() in SOURCE_SUFFIXES
            and name != SITE_FILE
            and name.lower() != "readme.md"
        ):
            found.add(Path(entry.path))


def find_site_file(source: Path) -> Path | None:
    for directory in source.resolve().parents:
        candidate = directory / SITE_FILE
        if candidate.is_file():
            return candidate
    return None


_site_cache: dict[Path, tuple[tuple[int, int], SiteSource]] = {}


def load_site(path: Path) -> SiteSource:
    """The site configuration in ``path`` (cached until the file changes)."""
    try:
        info = path.stat()
        stamp = (info.st_mtime_ns, info.st_size)
    except OSError:
        stamp = (-1, -1)
    cached = _site_cache.get(path)
    if cached is None or cached[0] != stamp:
        from schema_pub.publish.load import read_source, validate_model
        from schema_pub.publish.source import SiteSource

        parsed = read_source(path)
        cached = (stamp, validate_model(parsed, SiteSource))
        _site_cache[path] = cached
    return cached[1]


def site_template(site: SiteSource, site_path: Path | None) -> Path | None:
    """The page template a site configuration names, as a path (None: the built-in one)."""
    if site.page_template is None:
        return None
    base = site_path.parent if site_path is not None else Path.cwd()
    return base / site.page_template


def build_article(
    path: Path, site: SiteSource | None = None, site_path: Path | None = None
) -> Article:
    """Read, check and publish one source file in memory. Raises SourceError.

    The files are ``article.jsonld``, ``head.html`` and ``index.html``.
    """
    import jinja2
    from pydantic import ValidationError

    from schema_pub.graph import GraphConflictError, build_graph, dangling_refs, dumps
    from schema_pub.graph.serialize import escape_for_script, no_floats, plain_json
    from schema_pub.publish.facts import page_facts
    from schema_pub.publish.head import head_markup
    from schema_pub.publish.load import read_source, validate_model
    from schema_pub.publish.page import page_blocks, page_context, template_for
    from schema_pub.publish.resolve import article_slug, resolve
    from schema_pub.publish.source import ArticleSource

    if site is None:
        site_path = find_site_file(path)
        if site_path is None:
            raise SourceError(
                [SourceProblem(str(path), f"no {SITE_FILE} found beside the source or above it")]
            )
        site = load_site(site_path)
    parsed = read_source(path)
    source = validate_model(parsed, ArticleSource)
    slug = article_slug(path, source)
    try:
        resolved = resolve(parsed, source, site, slug)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            name = {"dateModified": "date_modified", "datePublished": "date_published"}
            field_loc = tuple(name.get(str(p), str(p)) for p in loc) if loc else ("date_modified",)
            problems.append(parsed.problem(field_loc, err["msg"].removeprefix("Value error, ")))
        raise SourceError(problems) from None
    try:
        document = build_graph(
            [resolved.article, resolved.webpage, resolved.website, *resolved.extra]
        )
    except GraphConflictError as exc:
        raise SourceError([SourceProblem(str(path), str(exc))]) from None
    missing = dangling_refs(document)
    if missing:
        raise SourceError(
            [SourceProblem(str(path), f"internal: references to missing nodes {missing}")]
        )
    facts = page_facts(resolved)
    plain = plain_json(document)
    float_free = plain or no_floats(document)
    jsonld_text = dumps(document, float_free=float_free)
    script = escape_for_script(jsonld_text.rstrip("\n"))
    markdown = source.body if source.body is not None else parsed.body
    template = site_template(site, site_path)
    blocks = page_blocks(facts, markdown, resolved.body)
    try:
        page = template_for(template).render(
            page_context(facts, document, markdown, resolved.body, script=script, blocks=blocks)
        )
    except (OSError, jinja2.TemplateError) as exc:
        where = str(template) if template is not None else "the built-in template"
        raise SourceError(
            [SourceProblem(str(path), f"cannot render the page with {where}: {exc}")]
        ) from None
    files = {
        "article.jsonld": jsonld_text.encode("utf-8"),
        "head.html": head_markup(facts, document, script=script).encode("utf-8"),
        "index.html": page.encode("utf-8"),
    }
    return Article(
        resolved=resolved,
        document=document,
        files=files,
        facts=facts,
        markdown=markdown,
        template=template,
        blocks=blocks,
        float_free=float_free,
        plain_json=plain,
    )


def iter_build(sources: list[Path], outdir: Path) -> Iterator[ArticleResult]:
    """Build each source into ``outdir/<slug>/``; a failing source writes nothing."""
    seen: dict[str, str] = {}
    for path in sources:
        result = ArticleResult(source=str(path))
        try:
            article = build_article(path)
        except SourceError as exc:
            result.problems = exc.problems
            yield result
            continue
        slug = article.resolved.slug
        result.slug = slug
        if slug in seen:
            result.problems = [
                SourceProblem(str(path), f'slug "{slug}" is already used by {seen[slug]}', "slug")
            ]
            yield result
            continue
        seen[slug] = str(path)
        for name, data in sorted(article.files.items()):
            target = outdir / slug / name
            (result.written if write_atomic(target, data) else result.unchanged).append(str(target))
        yield result


def build(sources: list[Path], outdir: Path) -> BuildReport:
    report = BuildReport()
    for result in iter_build(find_sources(sources), outdir):
        report.results.append(result)
    return report


__all__ = [
    "Article",
    "ArticleResult",
    "BuildReport",
    "build",
    "build_article",
    "field_name",
    "find_site_file",
    "find_sources",
    "iter_build",
    "load_site",
    "site_template",
]
