"""Whole-site builds: incremental, parallel, crash-safe, checked for consistency.

``build_site`` turns every article source into ``OUTDIR/<slug>/`` (``article.jsonld``,
``head.html``, ``index.html``) and then writes the site's feeds (see
:mod:`schema_pub.publish.feeds`).

Incremental builds
    ``OUTDIR/.schema-pub/state.json`` keeps, for each source, a hash of its bytes
    combined with a fingerprint of everything else an article's output depends on
    (the site configuration, the page template, the code of the publisher). An
    article whose hash is unchanged and whose files are all present is skipped.
    What an article gives the feeds is appended to a pack file under
    ``OUTDIR/.schema-pub/`` (see :mod:`schema_pub.publish.records`), so the feeds
    can be written again without rebuilding unchanged articles; when no article
    changed the feeds are left alone as well. ``force=True`` rebuilds all.

Crash safety
    Every file is written to a temporary file and renamed; feed records are only
    appended to their packs; the state file is written last. A build killed
    part-way leaves each file old or new and complete, and an old state file
    whose records are intact, so the next build redoes (and compares byte for
    byte) whatever the killed one may not have finished. While a build writes
    into article folders, ``OUTDIR/.schema-pub/.building`` exists: the next
    build, finding it, searches every folder for temporary files to delete
    (otherwise only the output and state folders, where feeds and state are
    written).

Parallelism
    ``jobs > 1`` builds articles in worker processes (pyld is not thread-safe);
    the main process writes every file, in source order, so the result does not
    depend on the number of jobs.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from schema_pub.publish.build import (
    SITE_FILE,
    Article,
    ArticleResult,
    build_article,
    find_site_file,
    find_sources,
    load_site,
    site_template,
)
from schema_pub.publish.errors import SourceError, SourceProblem
from schema_pub.publish.feeds import (
    FEED_FILES,
    FeedRecord,
    SiteMeta,
    atom_entry,
    document_text,
    parse_datetime,
    relabel_blank_nodes,
    write_feeds,
)
from schema_pub.publish.files import exclusive, remove_stale_temporaries, write_atomic
from schema_pub.publish.records import (
    PackReader,
    PackSizes,
    PackWriter,
    compact,
    main_pack,
    needs_compaction,
    referenced_packs,
    remove_unreferenced,
)

if TYPE_CHECKING:
    import concurrent.futures

STATE_DIR = ".schema-pub"
# Every file of the state folder has a name starting with ".", so tools that skip
# hidden files (and the golden-output test) see only the published files.
STATE_FILE = ".state.json"
STATE_FORMAT = 3
# Present while a build writes into article folders: a build that finds it knows
# the last one was interrupted and looks for its temporary files everywhere.
BUILDING_MARKER = ".building"
ARTICLE_FILES = ("article.jsonld", "head.html", "index.html")
ATOM_CONTENT_TEMPLATE = "atom_content.html"

Progress = Callable[[ArticleResult], None]
_STATE_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE


@dataclass(frozen=True)
class SiteFinding:
    """A problem between articles: ``conflicting-entity`` or ``dangling-link`` (warnings)."""

    code: str
    message: str
    sources: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


@dataclass
class SiteReport:
    """What a site build did.

    ``results`` holds every article's result, unless the build was asked not to
    keep them (``build_site(..., keep_results=False)``, for a caller that sees
    each result through ``progress``): it then holds only the failed ones, so
    memory does not grow with the site. The counts are kept either way.
    """

    results: list[ArticleResult] = field(default_factory=list)
    findings: list[SiteFinding] = field(default_factory=list)
    feeds_written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    now: datetime | None = None
    built_count: int = 0
    skipped_count: int = 0
    failed_count: int = 0
    keep_results: bool = True

    def add(self, result: ArticleResult) -> None:
        """Count ``result`` (and keep it, if results are kept or it failed)."""
        if not result.ok:
            self.failed_count += 1
        elif result.skipped:
            self.skipped_count += 1
        else:
            self.built_count += 1
        if self.keep_results or not result.ok:
            self.results.append(result)

    @property
    def built(self) -> list[ArticleResult]:
        return [r for r in self.results if r.ok and not r.skipped]

    @property
    def skipped(self) -> list[ArticleResult]:
        return [r for r in self.results if r.ok and r.skipped]

    @property
    def failed(self) -> list[ArticleResult]:
        return [r for r in self.results if not r.ok]

    @property
    def ok(self) -> bool:
        return not self.failed_count and not self.failed

    def summary(self) -> str:
        return (
            f"{self.built_count} article(s) built, {self.failed_count} failed, "
            f"{self.skipped_count} unchanged"
            + (f"; {len(self.findings)} site-wide warning(s)" if self.findings else "")
        )


# --- validation of what was written ------------------------------------------------


# Above this size the text goes to the validator, whose syntax layer checks sizes.
PARSED_VALIDATION_MAX = 1 << 20


def validate_output(data: bytes, file: str, *, document: Any = None) -> list[str]:
    """Error findings of the validator on one article's JSON-LD, as messages.

    Calls ``schema_pub.validate.validate_data`` when the validator provides it;
    without it (an older tree) nothing is checked and the list is empty. A
    validator that crashes is reported as an error of the article, not of the build.

    ``document`` is ``data`` already parsed, given only when it holds nothing but
    plain JSON values (``schema_pub.graph.serialize.plain_json``) and ``data`` is
    the text the publisher wrote from it: the validator then skips reading the
    text, whose syntax checks (encoding, duplicate keys, number ranges, depth)
    cannot fail on such output; a large text is still read (the size limit).
    The error findings are the same either way (a test holds the two together).
    """
    try:
        from schema_pub.validate import validate_data
    except ImportError:
        return []
    except Exception as exc:  # a validator that does not even import
        return [f"the validator crashed: {type(exc).__name__}: {exc}"]
    try:
        parsed = document is not None and len(data) <= PARSED_VALIDATION_MAX
        findings = validate_data(document if parsed else data, file=file)
    except Exception as exc:  # a broken validator must not stop the other articles
        return [f"the validator crashed: {type(exc).__name__}: {exc}"]
    messages: list[str] = []
    for finding in findings:
        severity = getattr(finding.severity, "value", finding.severity)
        if severity == "error":
            where = f" at {finding.json_path}" if finding.path else ""
            messages.append(f"{finding.code} {finding.rule}: {finding.message}{where}")
    return messages


# --- fingerprints and state ----------------------------------------------------------


_code_digests: list[str] = []


def _code_digest() -> str:
    """A hash of the publisher's code and built-in templates (once per process)."""
    if _code_digests:
        return _code_digests[0]
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parents[1]
    for folder, pattern in (
        ("publish", "*.py"),
        ("graph", "*.py"),
        ("models", "*.py"),
        ("templates", "*"),
    ):
        for path in sorted((package / folder).rglob(pattern)):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(
                    path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes()
                )
    _code_digests.append(digest.hexdigest())
    return _code_digests[0]


def _site_info(site_path: Path | None, cached: Any) -> dict[str, Any] | None:
    """What the site configuration says that the build needs (page template, name,
    URL, language), from the state when ``site.yaml`` and the code are unchanged
    (a rebuild with nothing to do then needs neither pydantic nor the models)."""
    if site_path is None:
        return None
    try:
        data = site_path.read_bytes()
    except OSError:
        data = None
    key = None
    if data is not None:
        key = hashlib.sha256(
            f"{_code_digest()}\0{site_path.resolve()}\0".encode() + data
        ).hexdigest()
        if isinstance(cached, dict) and cached.get("key") == key:
            return cached
    site = load_site(site_path)
    template = site_template(site, site_path)
    return {
        "key": key,
        "template": str(template) if template is not None else None,
        "name": site.name,
        "url": site.url,
        "language": site.language,
    }


def fingerprint(site_path: Path | None, template: Path | None) -> str:
    """A hash of everything but the source that an article's output depends on."""
    digest = hashlib.sha256(f"schema-pub-state-{STATE_FORMAT}\0".encode())
    digest.update(_code_digest().encode())
    for path in (site_path, template):
        digest.update(b"\0")
        if path is not None:
            try:
                digest.update(path.read_bytes())
            except OSError:
                digest.update(b"<missing>")
    return digest.hexdigest()


def state_key(path: Path, site_root: str | None) -> str:
    """How the state names a source: its path from the site folder (else absolute)."""
    absolute = os.path.abspath(path)
    if site_root is not None and absolute.startswith(site_root + os.sep):
        absolute = absolute[len(site_root) + 1 :]
    return absolute.replace(os.sep, "/")


def source_hash(path: Path, key: str, global_fingerprint: str) -> str:
    digest = hashlib.sha256(global_fingerprint.encode() + b"\0" + key.encode() + b"\0")
    digest.update(path.read_bytes())
    return digest.hexdigest()


def _state_path(outdir: Path) -> Path:
    return outdir / STATE_DIR / STATE_FILE


def read_state(outdir: Path) -> dict[str, Any]:
    try:
        state = orjson.loads(_state_path(outdir).read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(state, dict) or state.get("format") != STATE_FORMAT:
        return {}
    return state


# --- one article ----------------------------------------------------------------------


def make_record(article: Article, source: str) -> FeedRecord:
    """What ``article`` gives the feeds: its document, canonical N-Quads (written
    directly, pyld as fallback) and Atom entry."""
    from schema_pub.graph.nquads import to_nquads
    from schema_pub.publish.markup import atom_content_html
    from schema_pub.publish.page import page_blocks

    facts = article.facts
    assert facts is not None
    document = article.document
    blocks, unplaced = article.blocks or page_blocks(facts, article.markdown, article.resolved.body)
    # what the template atom_content.html writes (a test holds the two to the same text)
    content = atom_content_html(facts.photo, blocks, unplaced)
    text, plain = document_text(document, float_free=article.float_free)
    return FeedRecord(
        slug=article.resolved.slug,
        source=source,
        id=facts.id,
        url=facts.url,
        headline=facts.headline,
        language=facts.language,
        date_published=facts.date_published,
        date_modified=facts.date_modified,
        document=text,
        nquads=relabel_blank_nodes(to_nquads(document), article.resolved.slug),
        atom_entry=atom_entry(facts, content),
        plain=plain,
    )


@dataclass
class _Outcome:
    result: ArticleResult
    files: dict[str, bytes] = field(default_factory=dict)
    record: bytes = b""
    url: str = ""
    date_published: str | None = None
    date_modified: str | None = None


Task = tuple[str, str, str, bool]  # (source path, state key, site file, validate?)


# The site file of each source folder, and whether it is the build's (for one build:
# build_site clears it; worker processes live for one build).
_site_files: dict[tuple[str, str], tuple[Path | None, bool]] = {}


def _site_file_of(path: Path, site_file: str) -> tuple[Path | None, bool]:
    """The site file above ``path``, and whether it differs from ``site_file``."""
    # a symbolic link is looked up on its own (its target's folder decides)
    folder = None if os.path.islink(path) else os.path.dirname(os.path.abspath(path))
    known = _site_files.get((folder, site_file)) if folder is not None else None
    if known is None:
        site_path = find_site_file(path)
        other = bool(
            site_file and site_path is not None and site_path.resolve() != Path(site_file).resolve()
        )
        known = (site_path, other)
        if folder is not None:
            _site_files[(folder, site_file)] = known
    return known


def _work(task: Task) -> _Outcome:
    source, key, site_file, validate = task
    path = Path(source)
    result = ArticleResult(source=source)
    try:
        site_path, other_site = _site_file_of(path, site_file)
        if other_site:
            raise SourceError(
                [
                    SourceProblem(
                        source,
                        f"belongs to another site ({site_path}) than the first source "
                        f"({site_file}): build each site into its own folder",
                    )
                ]
            )
        if site_path is None:
            raise SourceError(
                [SourceProblem(source, f"no {SITE_FILE} found beside the source or above it")]
            )
        article = build_article(path, load_site(site_path), site_path)
        result.slug = article.resolved.slug
        if validate:
            errors = validate_output(
                article.files["article.jsonld"],
                f"{result.slug}/article.jsonld",
                document=article.document if article.plain_json else None,
            )
            if errors:
                raise SourceError(
                    [
                        SourceProblem(source, f"the published JSON-LD has an error: {e}")
                        for e in errors
                    ]
                )
        record = make_record(article, key)
    except SourceError as exc:
        result.problems = exc.problems
        return _Outcome(result)
    return _Outcome(
        result,
        files=article.files,
        record=record.to_bytes(),
        url=record.url,
        date_published=record.date_published,
        date_modified=record.date_modified,
    )


# --- the site -------------------------------------------------------------------------


def _default_now(entries: Iterable[dict[str, Any]]) -> datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    newest: datetime | None = None
    for entry in entries:
        value = entry.get("date_published")
        if value:
            when = parse_datetime(value)
            newest = when if newest is None or when > newest else newest
    return newest or datetime(1970, 1, 1, tzinfo=timezone.utc)


def _feed_order(item: tuple[str, dict[str, Any]]) -> tuple[float, str]:
    value = item[1].get("date_published")
    stamp = parse_datetime(value).timestamp() if value else float("-inf")
    return (-stamp, item[1]["slug"])


def _records(outdir: Path, entries: list[dict[str, Any]]) -> Iterator[FeedRecord]:
    with PackReader(outdir / STATE_DIR) as reader:
        for entry in entries:
            yield FeedRecord.from_bytes(reader.read(entry))


class _Consistency:
    def __init__(self, site_url: str, article_urls: set[str]) -> None:
        self.site_url = site_url.split("#")[0]
        self.article_urls = article_urls
        self.entities: dict[str, tuple[str, str, dict[str, Any]]] = {}
        self.findings: list[SiteFinding] = []
        self._reported: set[str] = set()

    def check(self, record: FeedRecord) -> Iterator[FeedRecord]:
        for node_id, node in sorted(record.entities.items()):
            blob = json.dumps(node, sort_keys=True, ensure_ascii=False)
            first = self.entities.get(node_id)
            if first is None:
                self.entities[node_id] = (record.source, blob, node)
            elif first[1] != blob and node_id not in self._reported:
                self._reported.add(node_id)
                keys = sorted(
                    k for k in set(node) | set(first[2]) if node.get(k) != first[2].get(k)
                )
                self.findings.append(
                    SiteFinding(
                        "conflicting-entity",
                        f"{node_id} has different {', '.join(keys)} in {first[0]} and {record.source}",
                        (first[0], record.source),
                    )
                )
        for link in record.links:
            base = link.split("#")[0]
            if (
                base.startswith(self.site_url)
                and base != self.site_url
                and base not in self.article_urls
            ):
                self.findings.append(
                    SiteFinding(
                        "dangling-link",
                        f"{record.source} refers to {link}, which is no article of the site",
                        (record.source,),
                    )
                )
        yield record


def build_site(
    sources: list[Path],
    outdir: Path,
    *,
    jobs: int = 1,
    force: bool = False,
    now: datetime | None = None,
    validate: bool = True,
    durable: bool = False,
    progress: Progress | None = None,
    found: list[Path] | None = None,
    keep_results: bool = True,
) -> SiteReport:
    """Build every article source under ``sources`` into ``outdir``, then the feeds.

    ``now`` bounds the news sitemap (articles of the two days up to it); by default
    it is ``SOURCE_DATE_EPOCH`` when set, else the newest ``datePublished`` of the
    site, so the same sources give the same bytes. ``durable`` fsyncs each file
    (power-cut safety; renames alone already make every file old-or-new).
    ``found`` is ``find_sources(sources)`` when the caller has it already.
    ``keep_results=False`` keeps only the failed articles' results in the report
    (the others are counted, and given to ``progress``).

    Raises :class:`~schema_pub.publish.files.FolderBusy` when another build
    is writing ``outdir``.
    """
    outdir.mkdir(parents=True, exist_ok=True)
    with exclusive(outdir / STATE_DIR):
        return _build_site(
            sources,
            outdir,
            jobs=jobs,
            force=force,
            now=now,
            validate=validate,
            durable=durable,
            progress=progress,
            found=found,
            keep_results=keep_results,
        )


def _build_site(
    sources: list[Path],
    outdir: Path,
    *,
    jobs: int,
    force: bool,
    now: datetime | None,
    validate: bool,
    durable: bool,
    progress: Progress | None,
    found: list[Path] | None,
    keep_results: bool,
) -> SiteReport:
    """:func:`build_site`, with the output folder's build lock held."""
    report = SiteReport(keep_results=keep_results)
    _site_files.clear()
    if found is None:
        found = find_sources(sources)
    site_path = find_site_file(found[0]) if found else None
    old_state = read_state(outdir)
    state_dir = outdir / STATE_DIR
    marker = state_dir / BUILDING_MARKER
    # Temporary files are left only by a build that did not finish: in article
    # folders only while the marker was there, in the feeds' and the state's
    # folders at any time. Without a state, or with fsync, all are searched.
    interrupted = marker.exists()
    if durable or not old_state or interrupted:
        remove_stale_temporaries(outdir)
    else:
        remove_stale_temporaries(outdir, recursive=False)
        remove_stale_temporaries(state_dir, recursive=False)
    # packs no state names: left by a killed build
    remove_unreferenced(state_dir, referenced_packs(old_state.get("articles", {}).values()))
    site = _site_info(site_path, None if force else old_state.get("site"))
    template = Path(site["template"]) if site is not None and site["template"] else None
    global_fp = fingerprint(site_path, template)
    old_articles: dict[str, dict[str, Any]] = (
        old_state.get("articles", {})
        if old_state.get("fingerprint") == global_fp and not force
        else {}
    )
    new_articles: dict[str, dict[str, Any]] = {}
    owners: dict[str, str] = {}  # slug -> source

    tasks: list[Task] = []
    order: list[tuple[str, str, str | None, bool]] = []  # (source, key, hash, rebuild?)
    site_root = os.path.abspath(site_path.parent) if site_path is not None else None
    out = str(outdir)
    sizes = PackSizes(state_dir)
    for path in found:
        key = state_key(path, site_root)
        try:
            digest: str | None = source_hash(path, key, global_fp)
        except OSError:
            digest = None
        entry = old_articles.get(key)
        fresh = (
            digest is not None
            and entry is not None
            and entry.get("hash") == digest
            and sizes.holds(entry)
            and all(os.path.isfile(os.path.join(out, entry["slug"], n)) for n in ARTICLE_FILES)
        )
        order.append((str(path), key, digest, not fresh))
        if not fresh:
            tasks.append((str(path), key, str(site_path or ""), validate))

    # Records are appended to the pack most unchanged articles keep theirs in, or to
    # a new one when every article is rebuilt (the old packs then hold nothing the
    # new state needs).
    kept = [old_articles[key] for _, key, _, rebuild in order if not rebuild]
    pack = main_pack(kept) if kept else None
    writer = PackWriter(state_dir, pack, durable=durable)
    if tasks:
        state_dir.mkdir(parents=True, exist_ok=True)
        marker.touch()
    outcomes = _run(tasks, jobs)
    try:
        for source, key, digest, rebuild in order:
            if not rebuild:
                entry = old_articles[key]
                result = ArticleResult(source=source, slug=entry["slug"], skipped=True)
                if entry["slug"] in owners:
                    result.problems = [_slug_taken(source, entry["slug"], owners)]
                else:
                    owners[entry["slug"]] = source
                    new_articles[key] = entry
                report.add(result)
                if progress:
                    progress(result)
                continue
            outcome = next(outcomes)
            result = outcome.result
            if result.ok and result.slug is not None:
                if result.slug in owners:
                    result.problems = [_slug_taken(source, result.slug, owners)]
                else:
                    owners[result.slug] = source
                    for name, data in sorted(outcome.files.items()):
                        target = outdir / result.slug / name
                        changed = write_atomic(target, data, durable=durable)
                        (result.written if changed else result.unchanged).append(str(target))
                    record_bytes = outcome.record
                    # the place's "pack" is set when the writer closes (a new pack)
                    place = writer.append(record_bytes)
                    published, modified = outcome.date_published, outcome.date_modified
                    place.update(
                        hash=digest,
                        slug=result.slug,
                        url=outcome.url,
                        date_published=published,
                        # one string for both when equal (the state stays in memory)
                        date_modified=published if modified == published else modified,
                        record=hashlib.sha256(record_bytes).hexdigest(),
                    )
                    new_articles[key] = place
            report.add(result)
            if progress:
                progress(result)
    except BaseException:
        writer.abort()
        raise
    writer.close()

    # in build order: a compacted pack is laid out as a build into an empty folder
    live = [new_articles[key] for _, key, _, _ in order if key in new_articles]
    if needs_compaction(live, PackSizes(state_dir)):
        compact(state_dir, live, durable=durable)

    report.removed = sorted(set(old_state.get("articles", {})) - {key for _, key, _, _ in order})
    report.now = now or _default_now(new_articles.values())
    entries = sorted(new_articles.items(), key=_feed_order)
    updated = max(
        (e["date_modified"] for e in new_articles.values() if e.get("date_modified")),
        key=parse_datetime,
        default=None,
    )
    # what the feeds are made of, hashed entry by entry (no list as long as the site)
    feeds_digest = hashlib.sha256(orjson.dumps([global_fp, report.now.isoformat()]))
    for _, e in entries:
        feeds_digest.update(f"\0{e['slug']}\0{e['record']}".encode())
    feeds_fp = feeds_digest.hexdigest()
    feeds_present = all((outdir / name).is_file() for name in FEED_FILES)
    if site is not None and (feeds_fp != old_state.get("feeds") or not feeds_present or force):
        checker = _Consistency(site["url"], {e["url"].split("#")[0] for _, e in entries})
        records = (
            checked
            for record in _records(outdir, [e for _, e in entries])
            for checked in checker.check(record)
        )
        written = write_feeds(
            outdir,
            SiteMeta(name=site["name"], url=site["url"], language=site["language"]),
            records,
            now=report.now,
            updated=updated,
            durable=durable,
        )
        report.feeds_written = [str(p) for p in written]
        report.findings = checker.findings
    else:
        report.findings = [
            SiteFinding(f["code"], f["message"], tuple(f["sources"]))
            for f in old_state.get("findings", [])
        ]
    state = {
        "format": STATE_FORMAT,
        "fingerprint": global_fp,
        "feeds": feeds_fp,
        "now": report.now.isoformat(),
        "site": site,
        "articles": dict(sorted(new_articles.items())),
        "findings": [
            {"code": f.code, "message": f.message, "sources": list(f.sources)}
            for f in report.findings
        ],
    }
    write_atomic(
        _state_path(outdir),
        orjson.dumps(state, option=_STATE_OPTIONS),
        durable=durable,
    )
    remove_unreferenced(state_dir, referenced_packs(new_articles.values()))
    if tasks or interrupted:
        marker.unlink(missing_ok=True)
    return report


def _slug_taken(source: str, slug: str, owners: dict[str, str]) -> SourceProblem:
    return SourceProblem(source, f'slug "{slug}" is already used by {owners[slug]}', "slug")


def _work_many(tasks: list[Task]) -> list[_Outcome]:
    return [_work(task) for task in tasks]


def _run(tasks: list[Task], jobs: int) -> Iterator[_Outcome]:
    """Build ``tasks`` in order; with ``jobs > 1`` in worker processes.

    Outcomes are yielded in the order of ``tasks``; at most a few chunks per
    worker are in flight, so memory does not grow with the number of articles.
    """
    if jobs <= 1 or len(tasks) < 2:
        for task in tasks:
            yield _work(task)
        return
    import collections
    import concurrent.futures

    size = max(1, min(32, len(tasks) // (jobs * 4)))
    chunks = [tasks[i : i + size] for i in range(0, len(tasks), size)]
    window = jobs * 3
    with concurrent.futures.ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: collections.deque[concurrent.futures.Future[list[_Outcome]]] = collections.deque()
        next_chunk = 0
        while pending or next_chunk < len(chunks):
            while next_chunk < len(chunks) and len(pending) < window:
                pending.append(pool.submit(_work_many, chunks[next_chunk]))
                next_chunk += 1
            yield from pending.popleft().result()


__all__ = [
    "ARTICLE_FILES",
    "STATE_DIR",
    "SiteFinding",
    "SiteReport",
    "build_site",
    "fingerprint",
    "make_record",
    "read_state",
    "validate_output",
]
