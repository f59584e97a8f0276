"""How fast is JSON-LD processing behind schema_pub.jsonld?

Prints median times for a NewsArticle document of about 7 KB (people, an image with
its licence, quotations, citations):

* expansion through ``schema_pub.jsonld.expand`` (the loader tags the schema.org
  context ``static``, so pyld keeps the processed context across calls);
* the same expansion with pyld called directly and the loader's answer untagged, so
  pyld must load and canonicalise the context again on every call;
* ``dropped_properties`` (expansion under the context without ``@vocab``);
* canonical N-Quads (``to_nquads``);
* import of ``schema_pub.jsonld`` and of pyld, and ``schema_pub.vocab.load()``, each
  in a fresh interpreter.

Run: ``.venv/bin/python benchmarks/bench_jsonld.py [--rounds N]``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

from schema_pub import jsonld

SITE = "https://news.example"


def news_article() -> dict[str, Any]:
    """A NewsArticle in the shape schema_pub publishes, about 7 KB of JSON."""
    people = [
        {
            "@type": "Person",
            "@id": f"{SITE}/#person-{i}",
            "name": f"Speaker Number {i}",
            "jobTitle": "Attorney" if i % 2 else "Juror",
            "sameAs": [f"https://www.wikidata.org/wiki/Q{1000 + i}"],
        }
        for i in range(6)
    ]
    quotes = [
        {
            "@type": "Quotation",
            "text": (
                f"Quotation {i}: the jury could not agree on the most serious charges, "
                "and the judge declared a mistrial on those counts after a long day."
            ),
            "about": {"@type": "Event", "name": f"Court session {i}", "startDate": "2020-02-24"},
            "spokenByCharacter": {"@id": f"{SITE}/#person-{i % 6}"},
            "isBasedOn": {"@type": "NewsArticle", "url": f"https://agency.example/story/{i}"},
        }
        for i in range(8)
    ]
    return {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": f"{SITE}/2020/02/mistrial#article",
        "headline": "Jury deadlocks on the most serious charges",
        "alternativeHeadline": "Mistrial declared on two counts",
        "description": "A jury reached a partial verdict after five days of deliberation.",
        "datePublished": "2020-02-24T18:00:00Z",
        "dateModified": "2020-02-25T09:30:00Z",
        "inLanguage": "en",
        "mainEntityOfPage": {"@type": "WebPage", "@id": f"{SITE}/2020/02/mistrial"},
        "url": f"{SITE}/2020/02/mistrial",
        "author": [
            {"@type": "Person", "name": "A. Reporter", "url": f"{SITE}/people/a"},
            {"@type": "Person", "name": "B. Reporter", "url": f"{SITE}/people/b"},
        ],
        "publisher": {
            "@type": "NewsMediaOrganization",
            "@id": f"{SITE}/#org",
            "name": "The Example Times",
            "logo": {"@type": "ImageObject", "url": f"{SITE}/logo.png", "width": 600},
        },
        "image": {
            "@type": "ImageObject",
            "contentUrl": f"{SITE}/img/courthouse.jpg",
            "caption": "The courthouse on the morning of the verdict",
            "license": "https://creativecommons.org/licenses/by-sa/3.0/",
            "acquireLicensePage": "https://commons.example/wiki/File:Courthouse.jpg",
            "creditText": "Photographer Name / CC BY-SA 3.0",
            "creator": {"@type": "Person", "name": "Photographer Name"},
            "copyrightNotice": "Photographer Name",
        },
        "about": people,
        "mentions": quotes,
        "citation": [
            {
                "@type": "CreativeWork",
                "url": f"https://source.example/doc/{i}",
                "name": f"Source {i}: court filing and agency report",
                "datePublished": "2020-02-20",
            }
            for i in range(8)
        ],
        "keywords": ["trial", "jury", "verdict", "court"],
        "articleSection": "US News",
        "wordCount": 1240,
    }


def median_ms(fn: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def fresh_interpreter_ms(code: str, runs: int = 5) -> float:
    program = (
        f"import time\nt = time.perf_counter()\n{code}\nprint((time.perf_counter() - t) * 1000)\n"
    )
    values = [
        float(
            subprocess.run(
                [sys.executable, "-c", program], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(runs)
    ]
    return statistics.median(values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=50)
    args = parser.parse_args()
    rounds: int = args.rounds

    doc = news_article()
    size = len(json.dumps(doc).encode())

    start = time.perf_counter()
    # The comparison below calls pyld directly, without the static tag.
    from pyld import jsonld as pyld_jsonld

    pyld_ms = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    jsonld.expand(doc)
    first_ms = (time.perf_counter() - start) * 1000

    untagged = {"documentLoader": jsonld._untagged_loader}

    static_ms = median_ms(lambda: jsonld.expand(doc), rounds)
    # pyld's context cache is keyed by URL and shared by every caller: forget the
    # static entries, or the untagged loader would never be asked.
    cache = pyld_jsonld._resolved_context_cache
    for url in jsonld.SCHEMA_CONTEXT_URLS:
        cache.pop(url, None)
    untagged_ms = median_ms(lambda: pyld_jsonld.expand(doc, untagged), rounds)
    assert pyld_jsonld.expand(doc, untagged) == jsonld.expand(doc)
    dropped_ms = median_ms(lambda: jsonld.dropped_properties(doc), rounds)
    nquads_ms = median_ms(lambda: jsonld.to_nquads(doc), rounds)

    import_jsonld = fresh_interpreter_ms("import schema_pub.jsonld")
    import_pyld = fresh_interpreter_ms("import pyld.jsonld")
    vocab_load = fresh_interpreter_ms("import schema_pub.vocab as v; v.load()")

    print(f"document: NewsArticle, {size} bytes of JSON; {rounds} rounds, medians")
    print(f"import pyld in this process:                        {pyld_ms:8.1f} ms")
    print(f"first expansion (builds and processes the context): {first_ms:8.1f} ms")
    print(f"expand, context tagged static (schema_pub.jsonld):   {static_ms:8.2f} ms")
    print(f"expand, context untagged (pyld reloads it):         {untagged_ms:8.2f} ms")
    print(f"  speed-up from the static tag:                     {untagged_ms / static_ms:8.1f} x")
    print(f"dropped_properties (context without @vocab):        {dropped_ms:8.2f} ms")
    print(f"to_nquads (URDNA2015):                              {nquads_ms:8.2f} ms")
    print(f"import schema_pub.jsonld (fresh interpreter):       {import_jsonld:8.1f} ms")
    print(f"import pyld.jsonld (fresh interpreter):             {import_pyld:8.1f} ms")
    print(f"import schema_pub.vocab + load() (fresh):           {vocab_load:8.1f} ms")


if __name__ == "__main__":
    main()
