"""Benchmark of ``schema-pub build`` on a synthetic site of seed-sized articles.

    .venv/bin/python benchmarks/bench_build.py            # 10,000 articles (issue 4)
    .venv/bin/python benchmarks/bench_build.py -n 1000 --repeat 3

Figures printed (medians over ``--repeat`` runs):

* full builds to every output (pages, head, JSON-LD, feeds, N-Quads, sitemaps,
  Atom, validation of the JSON-LD) with ``--jobs 1`` and ``--jobs 2``: articles/s
  and the peak resident memory of the build (the process and its workers);
* a rebuild with nothing changed, and its share of a full build;
* peak memory of a full ``--jobs 1`` build of a quarter of the site beside the whole
  site's, and the growth per article between the two (issue 4: memory bounded);
* the bytes of feed records (packs) and of the state file per article;
* the JSON-LD + head rate (source -> models with their validation -> graph ->
  article.jsonld + head.html, in one process, one core), the figure issue 2 asks for,
  beside pyld's ``expand`` alone and pyld's canonical N-Quads on the same documents;
* where an article's time goes, stage by stage, and a floor: the parts the issue
  prescribes (libyaml, pydantic models, a Jinja2 page, the validator, files written
  safely) each timed alone, whose sum no build made of them can go below.

Each build runs the real command line in a subprocess (``os.wait4`` gives its
peak memory). Nothing here is a unit test: speed is measured only in benchmarks/.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "content" / "weinstein-mistrial.md"
SITE = ROOT / "content" / "site.yaml"
CLI = [sys.executable, "-m", "schema_pub"]


def run_build(content: Path, out: Path, *extra: str) -> tuple[float, int]:
    """Run ``schema-pub build``; return (seconds, peak RSS in MiB of it and its workers)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [*CLI, "build", str(content), "-o", str(out), "-q", *extra], stdout=subprocess.DEVNULL
    )
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"build failed with exit status {code}")
    return elapsed, usage.ru_maxrss // 1024


def inner_rates(sources: list[Path], repeat: int) -> tuple[dict[str, float], dict[str, float]]:
    """Articles/s in one process (JSON-LD + head, pyld expand, pyld N-Quads), and
    milliseconds per article of each stage of a full article build."""
    from schema_pub.graph import build_graph, dumps, script_json
    from schema_pub.graph.serialize import plain_json
    from schema_pub.jsonld import expand, to_nquads
    from schema_pub.publish.build import build_article, find_site_file, load_site
    from schema_pub.publish.facts import page_facts
    from schema_pub.publish.feeds import FeedRecord
    from schema_pub.publish.head import head_markup
    from schema_pub.publish.load import read_source, validate_model
    from schema_pub.publish.page import page_blocks, page_context, template_for
    from schema_pub.publish.resolve import article_slug, resolve
    from schema_pub.publish.site import make_record, validate_output
    from schema_pub.publish.source import ArticleSource

    site_path = find_site_file(sources[0])
    assert site_path is not None
    site = load_site(site_path)
    documents: list[dict[str, Any]] = []

    def jsonld_and_head() -> None:
        documents.clear()
        for path in sources:
            parsed = read_source(path)
            source = validate_model(parsed, ArticleSource)
            resolved = resolve(parsed, source, site, article_slug(path, source))
            document = build_graph(
                [resolved.article, resolved.webpage, resolved.website, *resolved.extra]
            )
            dumps(document).encode()
            head_markup(page_facts(resolved), document).encode()
            documents.append(document)

    def timed(work: Any) -> float:
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            work()
            times.append(time.perf_counter() - start)
        return len(sources) / statistics.median(times)

    jsonld_and_head()  # warm up (imports, pyld's context cache)
    expand(documents[0])
    to_nquads(documents[0])
    rates = {
        "jsonld+head": timed(jsonld_and_head),
        "pyld expand": timed(lambda: [expand(d) for d in documents]),
        "pyld to_nquads": timed(lambda: [to_nquads(d) for d in documents]),
    }

    stages: dict[str, float] = {}

    def clock(name: str, began: float) -> float:
        now = time.perf_counter()
        stages[name] = stages.get(name, 0.0) + now - began
        return now

    for path in sources:
        t = time.perf_counter()
        parsed = read_source(path)
        t = clock("read YAML source", t)
        source = validate_model(parsed, ArticleSource)
        resolved = resolve(parsed, source, site, article_slug(path, source))
        document = build_graph(
            [resolved.article, resolved.webpage, resolved.website, *resolved.extra]
        )
        t = clock("models + graph", t)
        text = dumps(document)
        script = script_json(document)
        t = clock("dumps + script_json", t)
        facts = page_facts(resolved)
        head_markup(facts, document, script=script)
        blocks = page_blocks(facts, parsed.body, resolved.body)
        template_for(None).render(
            page_context(facts, document, parsed.body, resolved.body, script=script, blocks=blocks)
        )
        t = clock("head + page (Jinja2)", t)
        # as the build calls it: the document in memory when it is plain JSON
        validate_output(
            text.encode(), "x.jsonld", document=document if plain_json(document) else None
        )
        t = clock("validate_data", t)
        article = build_article(path, site, site_path)
        t = time.perf_counter()
        record = make_record(article, path.name)
        data = record.to_bytes()
        t = clock("feed record (N-Quads, Atom)", t)
        back = FeedRecord.from_bytes(data)
        _ = (back.compact, back.feed_item, back.entities, back.links)
        clock("record read back, feed lines", t)
    per_article = {name: 1000 * total / len(sources) for name, total in stages.items()}
    return rates, per_article


def floor_parts(sources: list[Path], repeat: int) -> dict[str, float]:
    """Milliseconds per article of the parts issue 4 prescribes, each timed alone on
    work prepared beforehand: their sum is a floor under any build made of them.

    * libyaml reading the source's header (PyYAML's C parser, its events only: the
      values are built from them in Python, as the plain reader does);
    * pydantic validating the article's models once (each model of its graph
      re-validated from its own dump: the least a Pydantic-model pipeline does);
    * Jinja2 rendering the article page from a ready context;
    * the built JSON-LD validated by the validator (the build checks what it wrote);
    * the article's folder and its three files written through a temporary file
      and a rename (what crash safety asks), in a fresh folder.
    """
    import yaml

    from schema_pub.graph import build_graph, dumps, script_json
    from schema_pub.graph.serialize import plain_json
    from schema_pub.publish.build import find_site_file, load_site
    from schema_pub.publish.facts import page_facts
    from schema_pub.publish.files import write_atomic
    from schema_pub.publish.load import read_source, validate_model
    from schema_pub.publish.page import page_blocks, page_context, template_for
    from schema_pub.publish.resolve import article_slug, resolve
    from schema_pub.publish.site import validate_output
    from schema_pub.publish.source import ArticleSource
    from schema_pub.publish.synthetic import split_markdown

    site_path = find_site_file(sources[0])
    assert site_path is not None
    site = load_site(site_path)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    headers, dumped, contexts, written = [], [], [], []
    for path in sources:
        text = path.read_text(encoding="utf-8")
        headers.append(text.split("---\n", 2)[1])
        split_markdown(text)
        parsed = read_source(path)
        source = validate_model(parsed, ArticleSource)
        resolved = resolve(parsed, source, site, article_slug(path, source))
        models = [resolved.article, resolved.webpage, resolved.website, *resolved.extra]
        dumped.append([(type(m), m.model_dump(by_alias=True)) for m in models])
        document = build_graph(models)
        facts = page_facts(resolved)
        script = script_json(document)
        blocks = page_blocks(facts, parsed.body, resolved.body)
        contexts.append(
            page_context(facts, document, parsed.body, resolved.body, script=script, blocks=blocks)
        )
        written.append((dumps(document).encode(), document if plain_json(document) else None))
    template = template_for(None)
    pages = [template.render(context).encode() for context in contexts]

    def each(work: Any, items: list[Any]) -> float:
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            for item in items:
                work(item)
            times.append(time.perf_counter() - start)
        return 1000 * statistics.median(times) / len(items)

    def models(pairs: list[tuple[Any, dict[str, Any]]]) -> None:
        for model, data in pairs:
            model.model_validate(data)

    def files(index: int) -> None:
        folder = scratch / str(index)
        folder.mkdir()
        data, _ = written[index]
        write_atomic(folder / "article.jsonld", data, durable=False)
        write_atomic(folder / "head.html", pages[index][:2000], durable=False)
        write_atomic(folder / "index.html", pages[index], durable=False)

    parts = {
        "libyaml: the source's events": each(lambda h: list(yaml.parse(h, Loader=loader)), headers),
        "pydantic: the models once": each(models, dumped),
        "Jinja2: the page": each(template.render, contexts),
        "validator: the JSON-LD": each(
            lambda w: validate_output(w[0], "x.jsonld", document=w[1]), written
        ),
    }
    times = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as folder:
            scratch = Path(folder)
            start = time.perf_counter()
            for index in range(len(written)):
                files(index)
            times.append(time.perf_counter() - start)
    parts["files: a folder and 3 files"] = 1000 * statistics.median(times) / len(written)
    return parts


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("-n", type=int, default=10_000, help="number of articles (default 10000)")
    parser.add_argument(
        "--repeat", type=int, default=1, help="runs per figure; medians are printed"
    )
    parser.add_argument("--sample", type=int, default=300, help="articles in the one-process rates")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    args = parser.parse_args()

    from schema_pub.publish.synthetic import synthetic_site

    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-build-"))
    content = work / "content"
    if content.exists():
        shutil.rmtree(content)
    sources = synthetic_site(content, args.n, model=SEED, site_file=SITE, step=timedelta(minutes=7))
    quarter = work / "content-quarter"
    if quarter.exists():
        shutil.rmtree(quarter)
    synthetic_site(
        quarter, max(1, args.n // 4), model=SEED, site_file=SITE, step=timedelta(minutes=7)
    )
    print(f"{args.n} synthetic seed-sized articles in {content}")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs\n")

    full: dict[int, list[tuple[float, int]]] = {1: [], 2: []}
    rebuild: list[float] = []
    for _ in range(args.repeat):
        for jobs in (1, 2):
            out = work / f"out-j{jobs}"
            shutil.rmtree(out, ignore_errors=True)
            full[jobs].append(run_build(content, out, "--jobs", str(jobs)))
        # right after the last full build, so nothing (sources, code) changed in between
        rebuild.append(run_build(content, work / "out-j2")[0])

    rows = []
    for jobs, runs in full.items():
        seconds = statistics.median(t for t, _ in runs)
        memory = max(m for _, m in runs)
        rows.append((jobs, seconds, args.n / seconds, memory))
        print(
            f"full build --jobs {jobs}: {seconds:8.2f} s  {args.n / seconds:8.1f} articles/s  peak {memory} MiB"
        )
    speedup = rows[0][1] / rows[1][1]
    print(f"--jobs 2 speed-up over --jobs 1: x{speedup:.2f}")
    no_change = statistics.median(rebuild)
    print(
        f"no-change rebuild:       {no_change:8.2f} s  = {100 * no_change / rows[0][1]:.1f} % of a full --jobs 1 build, {100 * no_change / rows[1][1]:.1f} % of --jobs 2"
    )
    shutil.rmtree(work / "out-quarter", ignore_errors=True)
    _, quarter_memory = run_build(quarter, work / "out-quarter", "--jobs", "1")
    small = max(1, args.n // 4)
    growth = 1024 * (rows[0][3] - quarter_memory) / max(1, args.n - small)
    print(
        f"peak memory (--jobs 1), {small} articles: {quarter_memory} MiB; {args.n} articles: "
        f"{rows[0][3]} MiB; growth {growth:.1f} KiB per article"
    )
    packs = sorted((work / "out-j1" / ".schema-pub").glob(".records-*.pack"))
    state = work / "out-j1" / ".schema-pub" / ".state.json"
    stored = sum(p.stat().st_size for p in packs)
    print(
        f"feed records: {stored / args.n / 1024:.1f} KiB per article in {len(packs)} pack(s); "
        f"state file {state.stat().st_size / args.n:.0f} bytes per article"
    )

    sample = sources[: min(args.sample, len(sources))]
    rates, stages = inner_rates(sample, max(3, args.repeat))
    print(
        f"\none process, one core, {len(sample)} articles (median of {max(3, args.repeat)} runs):"
    )
    base = rates["jsonld+head"]
    for name, rate in rates.items():
        print(f"  {name:16} {rate:8.1f} articles/s  (x{rate / base:.2f} of jsonld+head)")
    total = sum(stages.values())
    print(f"\nwhere a full article build spends its time ({total:.1f} ms per article):")
    for name, ms in stages.items():
        print(f"  {name:28} {ms:6.2f} ms  {100 * ms / total:5.1f} %")
    floor = floor_parts(sample, max(3, args.repeat))
    least = sum(floor.values())
    print(
        f"\nthe prescribed parts alone, a floor under any build of them ({least:.2f} ms per "
        f"article = {1000 / least:.0f} articles/s on one core at best):"
    )
    for name, ms in floor.items():
        print(f"  {name:28} {ms:6.2f} ms")
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
