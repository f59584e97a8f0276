"""How fast does ``schema-pub import`` draft sources from plain text?

Generates a few hundred synthetic wire stories (a headline, a photo credit,
subheadings, eight to twelve quotations in the patterns the importer knows:
"...," X said; X told OUTLET, "..."; saying, "..."; split quotes; pronouns;
speakers by role; a References line) from a fixed random seed, then imports
them all in memory with ``schema_pub.importer.import_text``, several rounds.
Prints the median articles per second (goal: at least 200) and the median
time per article; with ``--seed`` also the seed article's time.

Run: ``.venv/bin/python benchmarks/bench_import.py [--articles N] [--rounds N]``.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

from schema_pub.importer import import_text

FIRST = ["Ana", "Marco", "Helen", "Omar", "Priya", "Lena", "Tomas", "Karen", "Ade", "Clara"]
LAST = ["Okafor", "Bellini", "Marsh", "Haddad", "Nair", "Reyes", "Bell", "Vance", "Ortega", "Lopez"]
TITLES = ["Mayor", "Police Commissioner", "State Senator", "Fire Chief", "District Attorney"]
ROLES = ["one witness", "a neighbor", "the building manager", "a spokesperson for the city"]
OUTLETS = ["NBC News", "Reuters", "the Associated Press", "CNN", "The Guardian", "BBC News"]
LICENSES = ["CC BY-SA 3.0", "CC BY 4.0", "CC0", "public domain", "CC BY-NC-SA 2.0"]
FILLER = (
    "the council said on Monday that repairs to the harbor would take longer than planned "
    "because of storms and a shortage of workers across the region this year"
)
WORDS = FILLER.split(" ")


def sentence(rng: random.Random, n: int = 12) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def story(rng: random.Random, index: int) -> str:
    people = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(4)]
    lines = [
        f"Harbor Repairs Delayed Again in District {index}",
        "",
        f"Workers on the pier. Photo by {people[0]} under {rng.choice(LICENSES)}.",
        sentence(rng, 20),
    ]
    for part in range(3):
        lines.append(f"Section Number {part + 1}")
        title = rng.choice(TITLES)
        name = people[part + 1]
        surname = name.split()[-1]
        outlet = rng.choice(OUTLETS)
        lines.append(
            f'{sentence(rng)} "{sentence(rng, 8)[:-1]}," said {title} {name}, according to {outlet}.'
        )
        lines.append(f'{surname} told {rng.choice(OUTLETS)}, "{sentence(rng, 10)}"')
        lines.append(f'"{sentence(rng, 6)[:-1]}," {surname} said. "{sentence(rng, 9)}"')
        lines.append(
            f'{rng.choice(ROLES).capitalize()} said, "{sentence(rng, 7)[:-1]}," according to {outlet}.'
        )
        lines.append(f'He also said, "{sentence(rng, 8)}"')
        lines.append(sentence(rng, 25))
    lines.append("References: First report on the harbor | Second report on the harbor")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument(
        "--seed",
        type=Path,
        default=Path(__file__).resolve().parents[1].parent
        / "shared"
        / "seed"
        / "weinstein-mistrial.txt",
    )
    args = parser.parse_args()
    rng = random.Random(5)
    texts = [story(rng, i) for i in range(args.articles)]
    size = sum(len(t) for t in texts) / len(texts)
    quotes = sum(len(import_text(t).data.get("quotations", [])) for t in texts[:20]) / 20
    rates: list[float] = []
    cpu_rates: list[float] = []
    for _ in range(args.rounds):
        start, cpu = time.perf_counter(), time.process_time()
        for text in texts:
            import_text(text, file="bench.txt")
        rates.append(len(texts) / (time.perf_counter() - start))
        cpu_rates.append(len(texts) / max(time.process_time() - cpu, 1e-9))
    median = statistics.median(rates)
    print(
        f"{args.articles} synthetic articles, {size:.0f} characters "
        f"and {quotes:.1f} quotations each on average"
    )
    print(
        f"import_text: median {median:.0f} articles/s ({1000 / median:.2f} ms per article) "
        f"over {args.rounds} rounds, {statistics.median(cpu_rates):.0f} articles per CPU second; "
        "goal >= 200/s"
    )
    if args.seed.is_file():
        text = args.seed.read_text(encoding="utf-8")
        times = []
        for _ in range(50):
            start = time.perf_counter()
            import_text(text, file=str(args.seed))
            times.append(time.perf_counter() - start)
        print(f"seed article: median {statistics.median(times) * 1000:.2f} ms")


if __name__ == "__main__":
    main()
