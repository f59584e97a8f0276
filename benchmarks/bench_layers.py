"""Where does the time of one document's validation go, layer by layer?

Builds the corpus of ``bench_validate.py`` in memory (same generator, same seed:
NewsArticle documents, nested and ``@graph`` forms alternately, 5 to 40 nodes, about
7 KB each) and times, for each document, every layer in the order the pipeline runs
them (syntax, jsonld, vocabulary, google, newsroom; profile is opt-in and left out),
then the whole of ``validate_content`` (layers, locations, rule selection, sorting),
also on the same documents made faulty (every ``name`` and ``url`` key misspelt), where
each finding is located by line and column.
Beside them, on the same documents: ``orjson.loads`` (the floor) and pyld's
``expand`` through ``schema_pub.jsonld`` (offline loader, on a sample).

Each layer is timed on what the layers before it left, as in the pipeline: the
jsonld figure includes reading the document into ``doc.graph`` (the graph is built
once, there, and never again by the later layers); the values of a property are
built on first use, so the first layer that asks for them pays for them (google,
for authors); a lone document's ``page_ids`` are worked out only if a layer reads
them (none does), and its text is decoded only when a finding needs a line.

Medians in microseconds per document, and the ratios the performance goals of issue 3
are stated in: full validation at least 10 times faster than pyld ``expand`` alone,
and as close as possible to 10 times the cost of ``orjson.loads``.

``--profile LAYER`` runs that layer (or ``all``) over the corpus under cProfile and
prints the functions that take the most time (the jsonld layer always runs, since the
others read its graph: subtract ``--profile jsonld`` to see a layer alone).

Run: ``.venv/bin/python benchmarks/bench_layers.py [--documents N] [--sample N]``.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_validate import article, embed

from schema_pub.validate import Options
from schema_pub.validate.document import Document
from schema_pub.validate.findings import Finding
from schema_pub.validate.layers import (
    google,
    jsonld,
    newsroom,
    syntax,
    vocabulary,
)
from schema_pub.validate.pipeline import _documents, check_documents, validate_content

LAYERS: tuple[tuple[str, Callable[[Document], Iterable[Finding]]], ...] = (
    ("jsonld", jsonld.check),
    ("vocabulary", vocabulary.check),
    ("google", google.check),
    ("newsroom", newsroom.check),
)


def corpus(count: int, seed: int = 7) -> list[bytes]:
    """The documents of bench_validate's corpus (the pages are drawn and dropped so
    that the random sequence, hence every document, is the same)."""
    return [document for document, _ in documents_and_pages(count, seed)]


def documents_and_pages(count: int, seed: int = 7) -> list[tuple[bytes, bytes]]:
    """Each document of the corpus and bench_validate's article page that carries it."""
    rng = random.Random(seed)
    out: list[tuple[bytes, bytes]] = []
    for index in range(count):
        nodes = rng.randint(5, 40)
        data = orjson.dumps(
            article(rng, index, nodes, graph=index % 2 == 0),
            option=orjson.OPT_INDENT_2 if index % 3 == 0 else 0,
        )
        page = embed(rng, data, index)
        out.append((data, page))
    return out


def layer_times(raw: bytes) -> list[float]:
    """Seconds spent by syntax and by each semantic layer on one document."""
    times: list[float] = []
    started = time.perf_counter()
    doc = syntax.parse(raw, file="a.jsonld").document
    times.append(time.perf_counter() - started)
    for _, check in LAYERS:
        started = time.perf_counter()
        list(check(doc))
        times.append(time.perf_counter() - started)
    return times


def page_check_time(page: bytes, options: Options) -> float:
    """Seconds of check_documents on a page's blocks (parsed beforehand, not timed)."""
    documents, findings, text = _documents(page, "html", "a.html", options)
    started = time.perf_counter()
    check_documents(documents, findings, name="a.html", options=options, page_text=text)
    return time.perf_counter() - started


def page_vocabulary_time(page: bytes, options: Options) -> float:
    documents, _, _ = _documents(page, "html", "a.html", options)
    doc = documents[0]
    list(jsonld.check(doc))
    started = time.perf_counter()
    list(vocabulary.check(doc))
    return time.perf_counter() - started


def median_of(function: Callable[[Any], Any], items: list[Any]) -> float:
    for item in items[:20]:  # warm the caches, as a long run would
        function(item)
    times: list[float] = []
    for item in items:
        started = time.perf_counter()
        function(item)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def profile(docs: list[bytes], which: str) -> None:
    parsed = [syntax.parse(raw, file="a.jsonld").document for raw in docs]
    for doc in parsed[:20]:
        for _, check in LAYERS:
            list(check(doc))
    fresh = [syntax.parse(raw, file="a.jsonld").document for raw in docs]
    profiler = cProfile.Profile()
    profiler.enable()
    for doc in fresh:
        for name, check in LAYERS:
            if which in ("all", name) or name == "jsonld":
                list(check(doc))
    profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("tottime").print_stats(25)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--sample", type=int, default=200, help="documents for pyld expand")
    parser.add_argument(
        "--profile", choices=["all", *(name for name, _ in LAYERS)], help="cProfile a layer"
    )
    args = parser.parse_args(argv)

    docs = corpus(args.documents)
    if args.profile:
        profile(docs, args.profile)
        return 0
    sizes = sorted(len(d) for d in docs)
    print(
        f"corpus: {len(docs)} documents, median {statistics.median(sizes) / 1024:.1f} KB "
        f"({sizes[0] / 1024:.1f}-{sizes[-1] / 1024:.1f} KB)"
    )

    for raw in docs[:20]:
        layer_times(raw)
    per_doc = [layer_times(raw) for raw in docs]
    names = ["syntax", *(name for name, _ in LAYERS)]
    medians = {name: statistics.median(t[i] for t in per_doc) for i, name in enumerate(names)}
    semantic = statistics.median(sum(t[1:]) for t in per_doc)
    layered = statistics.median(sum(t) for t in per_doc)

    options = Options()
    full = median_of(
        lambda raw: validate_content(raw, kind="json", name="a.jsonld", options=options), docs
    )
    floor = median_of(orjson.loads, docs)
    from schema_pub import jsonld as pyld_door

    sample = [orjson.loads(raw) for raw in docs[: args.sample]]
    expand = median_of(pyld_door.expand, sample)
    findings = sum(
        len(validate_content(raw, kind="json", name="a.jsonld", options=options).findings)
        for raw in docs[:200]
    )
    # The same documents with two misspelt keys (every "name" and "url"): each finding
    # is located (line and column), which clean documents never need.
    faulty = [raw.replace(b'"name"', b'"nmae"').replace(b'"url"', b'"ulr"') for raw in docs]
    with_findings = median_of(
        lambda raw: validate_content(raw, kind="json", name="a.jsonld", options=options), faulty
    )
    faulty_findings = statistics.median(
        len(validate_content(raw, kind="json", name="a.jsonld", options=options).findings)
        for raw in faulty[:200]
    )

    # bench_validate's pages, each carrying one document in its only block: the layers
    # that check_documents runs on it (the page layer included, the extraction of the
    # blocks and text left out: see bench_validate), and the vocabulary layer alone,
    # which reads the page's @ids (they used to be collected from the data on every
    # page, 70-100 us; now only when a reference needs them).
    pages = [page for _, page in documents_and_pages(min(len(docs), args.sample))]
    for page in pages[:20]:
        page_check_time(page, options)
    page_layers = statistics.median(page_check_time(page, options) for page in pages)
    page_vocabulary = statistics.median(page_vocabulary_time(page, options) for page in pages)

    def row(what: str, seconds: float) -> None:
        print(f"{what:40} {seconds * 1e6:10.1f} {seconds / floor:9.1f}x {expand / seconds:9.1f}x")

    print()
    print(f"{'per document (median)':40} {'us':>10} {'/ orjson':>10} {'expand /':>10}")
    for name in names:
        row(f"  layer {name}", medians[name])
    row("  semantic layers (jsonld..newsroom)", semantic)
    row("  all layers, summed per document", layered)
    row("full validation (validate_content)", full)
    row(f"  with findings (median {faulty_findings:g} each)", with_findings)
    row(f"page, one block: check_documents ({len(pages)})", page_layers)
    row("  page, one block: vocabulary layer", page_vocabulary)
    row("orjson.loads (floor)", floor)
    row(f"pyld expand, offline (sample {len(sample)})", expand)
    print()
    print(f"findings on the first 200 documents: {findings}")
    print("goals:")
    print(f"  pyld expand / full validation:  {expand / full:5.1f}x (goal >= 10x)")
    print(f"  full validation / orjson.loads: {full / floor:5.1f}x (goal: close to 10x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
