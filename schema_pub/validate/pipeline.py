"""The pipeline: inputs → documents → layers → findings, one file at a time.

Files are read, parsed and checked one by one (or in batches by worker
processes with ``jobs > 1``), and only their findings are kept. Layers run in the
order of :data:`schema_pub.validate.rules.LAYERS`; a layer runs on a document only
while the document has data, and the layers after ``jsonld`` only when it left an
interpretation in ``doc.graph``.
"""

from __future__ import annotations

import functools
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, BinaryIO, Protocol

from schema_pub.validate import html as html_input
from schema_pub.validate.config import Options
from schema_pub.validate.document import Document
from schema_pub.validate.findings import Finding, Rule, Severity
from schema_pub.validate.inputs import (
    TIME_LIMIT,
    Kind,
    Source,
    discover,
    read_source,
    sniff_kind,
)
from schema_pub.validate.layers import syntax
from schema_pub.validate.result import FileReport, Report, sort_key
from schema_pub.validate.rules import GRAPH_LAYERS, LAYERS, layer_module

INTERNAL_ERROR = Rule(
    "SP099",
    "internal-error",
    Severity.ERROR,
    "A layer failed on the document; this is a bug in schema_pub, please report it.",
    "input",
)
RULES: tuple[Rule, ...] = (INTERNAL_ERROR,)

if TYPE_CHECKING:
    from concurrent.futures import Future

BATCH = 16


class _Layer(Protocol):
    RULES: tuple[Rule, ...]

    def check(self, doc: Document) -> Iterable[Finding]: ...


def active_layers(options: Options) -> list[tuple[str, _Layer]]:
    """The layer modules this run needs: present, with at least one rule selected."""
    return list(
        _active_layers(options.select, options.extend_select, options.ignore, options.profile)
    )


@functools.lru_cache(maxsize=32)
def _active_layers(
    select: tuple[str, ...], extend_select: tuple[str, ...], ignore: tuple[str, ...], profile: bool
) -> tuple[tuple[str, _Layer], ...]:
    options = Options(select=select, extend_select=extend_select, ignore=ignore, profile=profile)
    layers: list[tuple[str, _Layer]] = []
    for name in LAYERS:
        if name == "profile" and not options.profile:
            continue
        module: Any = layer_module(name)
        if module is None or not hasattr(module, "check"):
            continue
        rules: tuple[Rule, ...] = getattr(module, "RULES", ())
        # a deselected layer is skipped, except jsonld: the later ones read doc.graph
        if rules and name != "jsonld" and not any(options.enabled(r.code) for r in rules):
            continue
        layers.append((name, module))
    return tuple(layers)


def page_text_wanted(options: Options) -> bool | Callable[[str], bool]:
    """Whether this run reads a page's visible text: False, True, or a test of a block.

    Extracting the text costs more than finding the script blocks, so it is done
    only for layers that declare ``NEEDS_PAGE_TEXT = True``. A layer that also has
    ``may_look_for(block_text) -> bool`` needs the text only on pages where some
    block passes that test.
    """
    return _page_text_wanted(options.select, options.extend_select, options.ignore, options.profile)


@functools.lru_cache(maxsize=32)
def _page_text_wanted(
    select: tuple[str, ...], extend_select: tuple[str, ...], ignore: tuple[str, ...], profile: bool
) -> bool | Callable[[str], bool]:
    layers = _active_layers(select, extend_select, ignore, profile)
    readers = [module for _, module in layers if getattr(module, "NEEDS_PAGE_TEXT", False)]
    if not readers:
        return False
    tests: list[Callable[[str], bool]] = []
    for module in readers:
        test = getattr(module, "may_look_for", None)
        if test is None:
            return True
        tests.append(test)
    if len(tests) == 1:
        return tests[0]
    return lambda text: any(test(text) for test in tests)


def collect_ids(data: Any, into: set[str]) -> None:
    """Add every ``@id`` string declared anywhere in ``data`` to ``into``."""
    into.update(syntax.collect_ids(data))


def _documents(
    raw: bytes | str, kind: Kind, name: str | None, options: Options
) -> tuple[list[Document], list[Finding], str | None]:
    """Parse a file's content into documents; the findings of parsing; the page's text."""
    if kind == "json":
        parsed = syntax.parse(
            raw, file=name, max_depth=options.max_depth, max_size=options.max_size
        )
        return [parsed.document], parsed.findings, None
    wanted = page_text_wanted(options)
    page = html_input.extract(raw, file=name, max_blocks=options.max_blocks, page_text=wanted)
    findings = list(page.findings)
    documents: list[Document] = []
    for block in page.blocks:
        findings.extend(block.findings)
        parsed = syntax.parse(
            block.text,
            file=name,
            block=block.index,
            origin=(block.line, block.column),
            max_depth=options.max_depth,
            max_size=options.max_size,
            in_html=True,
        )
        block_findings = parsed.findings
        if block.entity_encoded and parsed.document.data is None:
            block_findings = [f for f in block_findings if f.code != syntax.INVALID_JSON.code]
            block_findings.append(html_input.entity_finding(block, name))
        findings.extend(block_findings)
        documents.append(parsed.document)
    return documents, findings, page.page_text if wanted else None


def check_documents(
    documents: list[Document],
    findings: list[Finding],
    *,
    name: str | None,
    options: Options,
    page_text: str | None = None,
    deadline: float | None = None,
) -> list[Finding]:
    """Run the layers over the documents of one file; return its findings, sorted."""
    layers = active_layers(options)
    frozen_ids: frozenset[str] | None = None
    if len(documents) == 1:
        # A lone document's page is itself: its @ids, collected only if a layer asks
        # (the vocabulary layer does, for a page's lone block, and only when a
        # reference is to none of the document's own nodes).
        only = documents[0]
        if only.page_ids_known() and not only.page_ids:
            only.page_ids_from_data()
    else:
        page_ids: set[str] = set()
        for doc in documents:
            if doc.page_ids:
                page_ids.update(doc.page_ids)
            elif doc.data is not None:
                collect_ids(doc.data, page_ids)
        frozen_ids = frozenset(page_ids)
    timed_out = False
    for doc in documents:
        if frozen_ids is not None:
            doc.page_ids = frozen_ids
        doc.page_text = page_text
        doc.options = {"profile": options.profile}
        if doc.data is None or timed_out:
            continue
        for layer_name, module in layers:
            if layer_name in GRAPH_LAYERS and doc.graph is None:
                break
            if deadline is not None and time.monotonic() > deadline:
                timed_out = True
                break
            try:
                produced = list(module.check(doc))
            except Exception as exc:  # a bug in a layer must not hide the other files
                produced = [
                    INTERNAL_ERROR(
                        f"the {layer_name} layer failed: {type(exc).__name__}: {exc}",
                        hint="Please report this with the document.",
                    )
                ]
            for finding in produced:
                if finding.line is None and doc.locate is not None:
                    position = doc.locate(finding.path)
                    if position is not None:
                        finding = finding.located(file=name, line=position[0], column=position[1])
                findings.append(finding if finding.file == name else replace(finding, file=name))
    if timed_out:
        findings.append(
            TIME_LIMIT(
                f"stopped after {options.time_limit:g} s",
                hint="Raise `time-limit` in [tool.schema-pub] if such files are expected.",
            ).located(file=name, line=None, column=None)
        )
    kept: list[Finding] = []
    for finding in findings:
        applied = options.apply(finding)
        if applied is not None:
            kept.append(applied if applied.file == name else replace(applied, file=name))
    kept.sort(key=sort_key)
    return kept


def validate_content(
    raw: bytes | str, *, kind: Kind | None = None, name: str | None = None, options: Options
) -> FileReport:
    """Validate the content of one file (JSON or an HTML page)."""
    started = time.monotonic()
    if kind is None:
        head = raw[:256] if isinstance(raw, bytes) else raw[:256].encode("utf-8", "replace")
        kind = sniff_kind(head)
    documents, findings, page_text = _documents(raw, kind, name, options)
    kept = check_documents(
        documents,
        findings,
        name=name,
        options=options,
        page_text=page_text,
        deadline=started + options.time_limit,
    )
    return FileReport(name or "<data>", kept, len(documents))


def validate_source(
    source: Source, options: Options, *, stdin: BinaryIO | None = None
) -> FileReport:
    raw, findings, source = read_source(source, max_size=options.max_size, stdin=stdin)
    if raw is None:
        kept: list[Finding] = []
        for finding in findings:
            applied = options.apply(finding)
            if applied is not None:
                kept.append(applied)
        return FileReport(source.name, kept, 0)
    return validate_content(raw, kind=source.kind, name=source.name, options=options)


def _validate_batch(batch: list[Source], options: Options) -> list[FileReport]:
    return [validate_source(source, options) for source in batch]


def _batches(sources: Iterator[Source], size: int) -> Iterator[list[Source]]:
    batch: list[Source] = []
    for source in sources:
        batch.append(source)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def iter_validate(
    paths: Sequence[str], *, options: Options | None = None, stdin: BinaryIO | None = None
) -> Iterator[FileReport]:
    """Validate files one by one, yielding each file's report in input order.

    Raises :class:`schema_pub.validate.inputs.InputError` before any work when
    an argument names nothing.
    """
    options = options or Options()
    sources = discover(paths, type_override=options.type)
    if options.jobs <= 1:
        for source in sources:
            yield validate_source(source, options, stdin=stdin)
        return
    # Worker processes (pyld's caches are not thread-safe); a bounded window of
    # batches in flight keeps memory flat and the output in input order.
    from concurrent.futures import ProcessPoolExecutor

    window: deque[Future[list[FileReport]] | list[FileReport]] = deque()
    with ProcessPoolExecutor(max_workers=options.jobs) as pool:
        for batch in _batches(sources, BATCH):
            if any(source.path is None for source in batch):
                window.append([validate_source(source, options, stdin=stdin) for source in batch])
            else:
                window.append(pool.submit(_validate_batch, batch, options))
            while len(window) > options.jobs * 2:
                yield from _drain(window.popleft())
        while window:
            yield from _drain(window.popleft())


def _drain(item: Future[list[FileReport]] | list[FileReport]) -> list[FileReport]:
    return item if isinstance(item, list) else item.result()


def validate(
    paths: Sequence[str], *, options: Options | None = None, stdin: BinaryIO | None = None
) -> Report:
    """Validate files, directories, glob patterns and ``-`` (standard input)."""
    return Report.of(iter_validate(paths, options=options, stdin=stdin))


def validate_data(
    data: Any,
    *,
    file: str | None = None,
    kind: Kind | None = None,
    options: Options | None = None,
) -> list[Finding]:
    """Validate one document held in memory: bytes or text (JSON or HTML), or a parsed value.

    A parsed value (dict or list) has no text, so its findings carry JSON paths
    but no line and column.
    """
    options = options or Options()
    if isinstance(data, (bytes, bytearray, memoryview)):
        return validate_content(bytes(data), kind=kind, name=file, options=options).findings
    if isinstance(data, str):
        return validate_content(data, kind=kind, name=file, options=options).findings
    if isinstance(data, (dict, list)):
        path = syntax.too_deep(data, options.max_depth)
        if path is not None:
            finding = syntax.TOO_DEEP(
                f"nesting deeper than {options.max_depth} levels",
                hint=syntax.TOO_DEEP_HINT,
                path=path,
            ).located(file=file, line=None, column=None)
            applied = options.apply(finding)
            return [applied] if applied is not None else []
    document = Document(data, file=file)
    return check_documents([document], [], name=file, options=options)
