"""How fast is ``schema-pub validate``, beside the tools a site would use instead?

Generates a corpus in a temporary directory: N NewsArticle documents (default
2,000; nested and ``@graph`` forms alternately, 5 to 40 nodes, about 7 KB each)
and the same documents embedded in HTML pages of 30 to 60 KB. Then, in one run:

* ``orjson.loads`` of each document: the floor;
* our full validation (every layer present but ``profile``) of each document and
  of each page, in process; and of the whole corpus directory through
  ``schema_pub.validate.validate`` (reading files included), with 1 and N jobs;
* ``schema_pub.jsonld.expand`` alone (pyld with the offline loader);
* python-jsonschema alone: one reused validator for ``schemas/graph.schema.json``;
* extruct's JSON-LD extraction alone, on the pages;
* one page taken apart, each part timed alone beside extruct: the HTML part
  (finding the blocks; the visible text; the page layer searching it) and the
  page's JSON-LD documents; and the whole page with every layer and with the
  page layer deselected (``--ignore SP6``: no visible text is read, as pages
  were validated before the page layer existed), so that the comparison with
  extruct, which only extracts, reads honestly both ways;
* start-up: wall time of ``schema-pub validate small.jsonld`` and of
  ``check-jsonschema --schemafile schemas/graph.schema.json small.jsonld``.

Slow tools run on a sample (``--sample``). Medians per item, throughput, and
ratios to our validation are printed as a table.

Run: ``.venv/bin/python benchmarks/bench_validate.py [--documents N] [--sample N]``.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import orjson

from schema_pub.validate import Options, validate
from schema_pub.validate.pipeline import validate_content
from schema_pub.validate.rules import available_layers

ROOT = Path(__file__).resolve().parents[1]
SITE = "https://news.example"
WORDS = [
    "jury",
    "court",
    "verdict",
    "judge",
    "trial",
    "witness",
    "counsel",
    "evidence",
    "hearing",
    "charge",
    "appeal",
    "statement",
    "prosecutor",
    "defence",
    "session",
    "record",
    "testimony",
    "motion",
    "ruling",
    "panel",
]


# --------------------------------------------------------------------------- corpus


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def article(rng: random.Random, index: int, nodes: int, graph: bool) -> dict[str, Any]:
    """A NewsArticle with ``nodes`` entities in all (article, people, images, quotes...)."""
    base = f"{SITE}/2024/{index:05}"
    people = max(1, (nodes - 4) // 3)
    quotes = max(0, (nodes - 4 - people) // 2)
    images = max(1, nodes - 4 - people - quotes)
    persons = [
        {
            "@type": "Person",
            "@id": f"{SITE}/people/{index}-{i}#person",
            "name": f"{rng.choice(['Ada', 'Grace', 'Alan', 'Edsger'])} Writer{i}",
            "url": f"{SITE}/people/{index}-{i}",
            "sameAs": [f"https://www.wikidata.org/wiki/Q{1000 + i}"],
        }
        for i in range(people)
    ]
    pictures = [
        {
            "@type": "ImageObject",
            "@id": f"{base}#image-{i}",
            "contentUrl": f"{SITE}/img/{index}-{i}.jpg",
            "url": f"{SITE}/img/{index}-{i}.jpg",
            "width": 1200,
            "height": (675, 900, 1200)[i % 3],
            "creditText": "Example News / Photo desk",
            "creator": {"@id": persons[i % people]["@id"]},
            "copyrightNotice": "© 2024 Example News",
            "license": "https://creativecommons.org/licenses/by-sa/3.0/",
        }
        for i in range(images)
    ]
    quotations = [
        {
            "@type": "Quotation",
            "@id": f"{base}#quote-{i}",
            "text": sentence(rng, 10),
            "spokenByCharacter": {"@id": persons[i % people]["@id"]},
            "isBasedOn": f"https://agency.example/story/{index}-{i}",
        }
        for i in range(quotes)
    ]
    body_words = max(24, 150 - 6 * nodes)
    organization = {
        "@type": "NewsMediaOrganization",
        "@id": f"{SITE}/#organization",
        "name": "Example News",
        "url": f"{SITE}/",
        "logo": {"@type": "ImageObject", "url": f"{SITE}/logo.png", "width": 600, "height": 60},
    }
    page = {
        "@type": "WebPage",
        "@id": f"{base}",
        "url": f"{base}",
        "name": sentence(rng, 8),
        "isPartOf": {"@type": "WebSite", "@id": f"{SITE}/#website", "url": f"{SITE}/"},
    }
    news: dict[str, Any] = {
        "@type": "NewsArticle",
        "@id": f"{base}#article",
        "headline": sentence(rng, 9)[:100],
        "description": sentence(rng, 25),
        "datePublished": "2024-05-01T09:30:00+02:00",
        "dateModified": "2024-05-01T11:00:00+02:00",
        "inLanguage": "en",
        "articleSection": "Courts",
        "keywords": rng.sample(WORDS, 6),
        "wordCount": body_words,
        "articleBody": " ".join(
            [sentence(rng, 12) for _ in range(body_words // 12)]
            + [f"“{quote['text']}”" for quote in quotations]
        ),
    }
    if graph:
        ref = {"@id": organization["@id"]}
        news |= {
            "author": [{"@id": p["@id"]} for p in persons],
            "image": [{"@id": p["@id"]} for p in pictures],
            "publisher": ref,
            "mainEntityOfPage": {"@id": page["@id"]},
            "hasPart": [{"@id": q["@id"]} for q in quotations],
        }
        return {
            "@context": "https://schema.org",
            "@graph": [news, page, organization, *persons, *pictures, *quotations],
        }
    return {
        "@context": "https://schema.org",
        **news,
        "author": persons,
        "image": pictures,
        "publisher": organization,
        "mainEntityOfPage": page,
        "hasPart": quotations,
    }


def shown(document: Any) -> tuple[str, list[str], list[str]]:
    """What a real article page shows of its markup: headline, byline, quotations."""
    headlines: list[str] = []
    names: list[str] = []
    quotes: list[str] = []
    stack = [document]
    while stack:
        value = stack.pop()
        if isinstance(value, list):
            stack.extend(reversed(value))
        elif isinstance(value, dict):
            types = value.get("@type")
            if isinstance(value.get("headline"), str):
                headlines.append(value["headline"])
            if types == "Person" and isinstance(value.get("name"), str):
                names.append(value["name"])
            if types == "Quotation" and isinstance(value.get("text"), str):
                quotes.append(value["text"])
            stack.extend(reversed(list(value.values())))
    return (headlines[0] if headlines else ""), list(dict.fromkeys(names)), quotes


def paragraph(rng: random.Random, quote: str | None = None, speaker: str = "") -> str:
    """A paragraph of body text as a CMS writes it: a link or an emphasis, typographic
    quotes and dashes, and the quotation (when given) in running text."""
    parts = [sentence(rng, rng.randint(12, 30)) for _ in range(rng.randint(1, 3))]
    word = rng.choice(WORDS)
    parts.insert(
        rng.randrange(len(parts) + 1),
        rng.choice(
            [
                f'The <a href="/topic/{word}">{word}</a> \u2014 as the court\u2019s record shows \u2014'
                " was not in dispute.",
                f"It was, in the <em>{word}\u2019s</em> words, \u201cnot over\u201d.",
                f"Sources said the {word} would resume on Monday.",
            ]
        ),
    )
    if quote is not None:
        parts.append(f"\u201c{html.escape(quote[:-1], quote=False)},\u201d {speaker} said.")
    return "<p>" + " ".join(parts) + "</p>\n"


def embed(rng: random.Random, document: bytes, index: int) -> bytes:
    """An article page of 30 to 60 KB carrying the document in a script block.

    Laid out like a real one: head with meta tags, a stylesheet and an analytics
    script beside the JSON-LD; a navigation bar; the article (headline, byline,
    body paragraphs with links, typographic punctuation and the quotations in
    running text); related links and a footer.
    """
    target = rng.randint(30_000, 60_000)
    safe = document.replace(b"<", b"\\u003c").replace(b">", b"\\u003e").replace(b"&", b"\\u0026")
    headline, names, quotes = shown(json.loads(document))
    head = (
        (
            '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{html.escape(headline)} | Example News</title>\n"
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<link rel="canonical" href="{SITE}/2024/{index:05}">\n'
            '<meta property="og:type" content="article">\n'
            f'<meta property="og:title" content="{html.escape(headline)}">\n'
            '<link rel="stylesheet" href="/site.css">\n'
            "<style>.byline{font-weight:bold} .menu li{display:inline}</style>\n"
            '<script type="application/ld+json">\n'
        ).encode()
        + safe
        + (
            "\n</script>\n"
            "<script>window.dataLayer=window.dataLayer||[];"
            f"dataLayer.push({{'section':'courts','id':{index}}});</script>\n"
            '<script async src="/js/site.js"></script>\n'
            "</head>\n<body>\n"
        ).encode()
    )
    nav = "".join(f'<li><a href="/section/{w}">{w.title()}</a></li>' for w in WORDS)
    byline = ", ".join(f'<a href="/people/{n.lower().replace(" ", "-")}">{n}</a>' for n in names)
    parts = [
        head,
        f'<header>\n  <nav><ul class="menu">{nav}</ul></nav>\n</header>\n'.encode(),
        (
            f"<main>\n<article>\n  <h1>{html.escape(headline)}</h1>\n"
            f'  <p class="byline">By {byline}</p>\n'
            '  <time datetime="2024-05-01T09:30:00+02:00">1\u00a0May\u00a02024</time>\n'
        ).encode(),
    ]
    size = sum(len(p) for p in parts) + 600
    for number, quote in enumerate(quotes):
        speaker = names[number % len(names)] if names else "a spokesperson"
        chunk = paragraph(rng, quote, speaker).encode()
        parts.append(chunk)
        size += len(chunk)
    while size < target:
        chunk = paragraph(rng).encode()
        parts.append(chunk)
        size += len(chunk)
    parts.append(
        (
            "</article>\n<aside><h2>Related</h2><ul>"
            + "".join(
                f'<li><a href="/2024/{index + k + 1:05}">Earlier: {w}</a></li>'
                for k, w in enumerate(WORDS[:5])
            )
            + "</ul></aside>\n</main>\n"
            "<footer><p>\u00a9\u00a0Example News \u2014 all rights reserved</p></footer>\n"
            "</body>\n</html>\n"
        ).encode()
    )
    return b"".join(parts)


def make_corpus(directory: Path, count: int, seed: int = 7) -> tuple[list[Path], list[Path]]:
    rng = random.Random(seed)
    (directory / "docs").mkdir()
    (directory / "pages").mkdir()
    docs, pages = [], []
    for index in range(count):
        nodes = rng.randint(5, 40)
        # most CMSs write compact JSON; every third document is indented
        data = orjson.dumps(
            article(rng, index, nodes, graph=index % 2 == 0),
            option=orjson.OPT_INDENT_2 if index % 3 == 0 else 0,
        )
        doc = directory / "docs" / f"article-{index:05}.jsonld"
        doc.write_bytes(data)
        page = directory / "pages" / f"article-{index:05}.html"
        page.write_bytes(embed(rng, data, index))
        docs.append(doc)
        pages.append(page)
    return docs, pages


# --------------------------------------------------------------------------- timing


def per_item(function: Callable[[Any], Any], items: Sequence[Any]) -> list[float]:
    for item in items[: min(20, len(items))]:  # warm caches
        function(item)
    times = []
    for item in items:
        started = time.perf_counter()
        function(item)
        times.append(time.perf_counter() - started)
    return times


def wall(command: list[str], rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - started)
    return times


def fmt_time(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.0f} us"


def measure_pages(page_bytes: list[bytes], options: Options) -> list[tuple[str, float]]:
    """Medians per page of the parts of a page's validation, each timed on its own.

    The HTML part is what a page costs beyond its JSON-LD: finding the blocks
    (decode, Lexbor, block positions), the visible text, and the page layer's
    search of it. The JSON-LD part is the page's blocks validated as documents
    (every layer but the page layer). The whole page is also timed with the page
    layer deselected (``--ignore SP6``): no visible text, no page layer, which is
    how pages were validated before the page layer existed.
    """
    from schema_pub.validate import html as html_input
    from schema_pub.validate.layers import page as page_layer
    from schema_pub.validate.layers import syntax
    from schema_pub.validate.pipeline import check_documents

    no_page = Options(ignore=("SP6",))
    blocks = [
        [block.text.encode("utf-8") for block in html_input.extract(raw, page_text=False).blocks]
        for raw in page_bytes
    ]
    # documents with their graph built, and the page's text, for the page layer alone
    prepared: list[tuple[list[Any], str]] = []
    for raw in page_bytes:
        page = html_input.extract(raw)
        documents = [syntax.parse(block.text, in_html=True).document for block in page.blocks]
        check_documents(documents, [], name="a.html", options=options, page_text=page.page_text)
        # a copy of the text: the layer keeps the last page's text ready for its next block
        prepared.append((documents, (page.page_text + " ")[:-1]))

    def page_layer_only(item: tuple[list[Any], str]) -> None:
        documents, text = item
        for document in documents:
            if document.graph is not None:
                list(page_layer.check_graph(document.graph, text))

    def documents_only(item: list[bytes]) -> None:
        for data in item:
            validate_content(data, kind="json", name="a.jsonld", options=no_page)

    median = statistics.median
    extraction_text = median(per_item(html_input.extract, page_bytes))
    extraction = median(per_item(lambda raw: html_input.extract(raw, page_text=False), page_bytes))
    layer = median(per_item(page_layer_only, prepared))
    documents_part = median(per_item(documents_only, blocks))
    whole = median(
        per_item(lambda raw: validate_content(raw, kind="html", options=options), page_bytes)
    )
    whole_no_page = median(
        per_item(lambda raw: validate_content(raw, kind="html", options=no_page), page_bytes)
    )
    return [
        ("HTML: blocks found (decode, Lexbor, positions)", extraction),
        ("HTML: + visible text", extraction_text - extraction),
        ("HTML: page layer (SP6xx) on that text", layer),
        ("HTML part, with the page layer", extraction_text + layer),
        ("HTML part, --ignore SP6", extraction),
        ("JSON-LD documents of the page (all but SP6)", documents_part),
        ("whole page, all layers", whole),
        ("whole page, --ignore SP6", whole_no_page),
    ]


def print_pages(page_rows: list[tuple[str, float]], extruct_time: float | None) -> None:
    print()
    title = "one page, parts timed alone (median)"
    extruct_head = "vs extruct" if extruct_time else ""
    print(f"{title:50} {'median':>10} {extruct_head:>11}")
    for what, median in page_rows:
        ratio = f"{median / extruct_time:10.2f}x" if extruct_time else ""
        print(f"{what:50} {fmt_time(median):>10} {ratio:>11}")
    if extruct_time:
        print(f"{'extruct JSON-LD extraction only (json.loads)':50} {fmt_time(extruct_time):>10}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--sample", type=int, default=300, help="items for the slow tools")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--rounds", type=int, default=10, help="start-up runs per command")
    args = parser.parse_args(argv)

    rows: list[tuple[str, str, int, float]] = []  # (what, unit, items, median seconds)
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bench-validate-") as temporary:
        directory = Path(temporary)
        docs, pages = make_corpus(directory, args.documents)
        doc_bytes = [p.read_bytes() for p in docs]
        page_bytes = [p.read_bytes() for p in pages]
        doc_sizes = [len(b) for b in doc_bytes]
        page_sizes = [len(b) for b in page_bytes]
        print(
            f"corpus: {len(docs)} documents, median {statistics.median(doc_sizes) / 1024:.1f} KB "
            f"({min(doc_sizes) / 1024:.1f}-{max(doc_sizes) / 1024:.1f}); pages median "
            f"{statistics.median(page_sizes) / 1024:.1f} KB "
            f"({min(page_sizes) / 1024:.1f}-{max(page_sizes) / 1024:.1f})"
        )
        print(f"layers present: syntax, {', '.join(available_layers())} (profile not run)")
        options = Options()
        sample = doc_bytes[: args.sample]
        parsed_sample = [orjson.loads(b) for b in sample]

        rows.append(
            (
                "orjson.loads (floor)",
                "doc",
                len(doc_bytes),
                statistics.median(per_item(orjson.loads, doc_bytes)),
            )
        )

        ours = per_item(
            lambda raw: validate_content(raw, kind="json", name="a.jsonld", options=options),
            doc_bytes,
        )
        rows.append(("schema-pub, full validation", "doc", len(doc_bytes), statistics.median(ours)))
        findings = sum(
            len(validate_content(raw, kind="json", name="a", options=options).findings)
            for raw in doc_bytes[:200]
        )
        notes.append(f"findings on the first 200 generated documents: {findings}")

        ours_pages = per_item(
            lambda raw: validate_content(raw, kind="html", name="a.html", options=options),
            page_bytes,
        )
        rows.append(
            ("schema-pub, full validation", "page", len(page_bytes), statistics.median(ours_pages))
        )
        page_findings = sum(
            len(validate_content(raw, kind="html", name="a.html", options=options).findings)
            for raw in page_bytes[:200]
        )
        notes.append(f"findings on the first 200 generated pages: {page_findings}")
        page_rows = measure_pages(page_bytes, options)

        try:
            from schema_pub import jsonld

            times = per_item(jsonld.expand, parsed_sample)
            rows.append(
                (
                    "pyld expand (offline loader)",
                    "doc",
                    len(parsed_sample),
                    statistics.median(times),
                )
            )
        except ImportError as exc:
            notes.append(f"pyld expand not measured: {exc}")

        try:
            import jsonschema

            schema = json.loads((ROOT / "schemas" / "graph.schema.json").read_text())
            validator = jsonschema.validators.validator_for(schema)(
                schema, format_checker=jsonschema.FormatChecker()
            )
            times = per_item(lambda d: list(validator.iter_errors(d)), parsed_sample)
            rows.append(
                (
                    "python-jsonschema (one validator)",
                    "doc",
                    len(parsed_sample),
                    statistics.median(times),
                )
            )
        except (ImportError, OSError) as exc:
            notes.append(f"python-jsonschema not measured: {exc}")

        try:
            from extruct.jsonld import JsonLdExtractor

            extractor = JsonLdExtractor()
            page_sample = [b.decode("utf-8") for b in page_bytes[: args.sample]]
            times = per_item(extractor.extract, page_sample)
            rows.append(
                (
                    "extruct JSON-LD extraction only",
                    "page",
                    len(page_sample),
                    statistics.median(times),
                )
            )
        except ImportError as exc:
            notes.append(f"extruct not measured: {exc}")

        corpus_runs: list[tuple[str, int, float]] = []
        for jobs in sorted({1, args.jobs}):
            for label, folder in (("docs", directory / "docs"), ("pages", directory / "pages")):
                started = time.perf_counter()
                report = validate([str(folder)], options=Options(jobs=jobs))
                elapsed = time.perf_counter() - started
                corpus_runs.append(
                    (f"validate {label}/ (--jobs {jobs})", report.summary.files, elapsed)
                )

        memory: list[tuple[int, float]] = []
        import tracemalloc

        for count in sorted({min(200, len(docs)), len(docs)}):
            subset = directory / f"subset-{count}"
            subset.mkdir()
            for doc in docs[:count]:
                (subset / doc.name).symlink_to(doc)
            tracemalloc.start()
            validate([str(subset)], options=Options())
            peak_bytes = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            memory.append((count, peak_bytes / 1024 / 1024))

        small = directory / "small.jsonld"
        small.write_bytes(
            b'{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Hi",'
            b' "datePublished": "2024-05-01T09:30:00+02:00"}'
        )
        exe = Path(sys.executable).parent
        ours_cmd = [str(exe / "schema-pub"), "validate", str(small)]
        startup = [("schema-pub validate small.jsonld", wall(ours_cmd, args.rounds))]
        check = shutil.which("check-jsonschema", path=str(exe)) or shutil.which("check-jsonschema")
        if check:
            schema_file = str(ROOT / "schemas" / "graph.schema.json")
            command = [check, "--schemafile", schema_file, str(small)]
            startup.append(("check-jsonschema on one file", wall(command, args.rounds)))
        else:
            notes.append("check-jsonschema is not installed: start-up comparison skipped")
        python_only = wall([sys.executable, "-c", "pass"], args.rounds)
        startup.append(("python -c pass", python_only))

    print_pages(page_rows, next((r[3] for r in rows if r[0].startswith("extruct")), None))
    ours_doc = next(r[3] for r in rows if r[0].startswith("schema-pub") and r[1] == "doc")
    ours_page = next(r[3] for r in rows if r[0].startswith("schema-pub") and r[1] == "page")
    print()
    print(
        f"{'per item (median)':44} {'unit':5} {'items':>6} {'median':>10} {'items/s':>9} {'vs ours':>8}"
    )
    for what, unit, items, median in rows:
        reference = ours_doc if unit == "doc" else ours_page
        print(
            f"{what:44} {unit:5} {items:6} {fmt_time(median):>10} {1 / median:9.0f} "
            f"{median / reference:7.2f}x"
        )
    print()
    print(f"{'whole corpus (files read from disk)':44} {'files':>6} {'wall':>10} {'files/s':>9}")
    for what, files, elapsed in corpus_runs:
        print(f"{what:44} {files:6} {fmt_time(elapsed):>10} {files / elapsed:9.0f}")
    print()
    for files_count, megabytes in memory:
        print(f"peak traced memory validating {files_count:5} files: {megabytes:6.1f} MB")
    print()
    title = f"start-up (wall, median of {args.rounds})"
    print(f"{title:44} {'median':>10} {'vs ours':>8}")
    ours_start = statistics.median(startup[0][1])
    for what, times in startup:
        median = statistics.median(times)
        print(f"{what:44} {fmt_time(median):>10} {median / ours_start:7.2f}x")
    print()
    floor = next(r[3] for r in rows if r[0].startswith("orjson"))
    expand = next((r[3] for r in rows if r[0].startswith("pyld")), None)
    extruct_time = next((r[3] for r in rows if r[0].startswith("extruct")), None)
    print("goals:")
    print(f"  full validation / orjson.loads: {ours_doc / floor:.1f}x (goal <= 10x)")
    if expand:
        print(f"  pyld expand / full validation: {expand / ours_doc:.1f}x (goal >= 10x)")
    if extruct_time:
        print(f"  page: ours {fmt_time(ours_page)} vs extruct extraction {fmt_time(extruct_time)}")
    if len(startup) > 2:
        print(
            f"  start-up: ours / check-jsonschema = "
            f"{ours_start / statistics.median(startup[1][1]):.2f} (goal <= 0.5)"
        )
    for note in notes:
        print(f"note: {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
