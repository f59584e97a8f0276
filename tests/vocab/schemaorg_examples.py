"""Read the JSON-LD examples out of schema.org's ``examples.txt``.

The file is a sequence of examples, each opened by a ``TYPES:`` line carrying its
id (``#eg-0001``) and split into sections headed ``PRE-MARKUP:``, ``MICRODATA:``,
``RDFA:`` and ``JSON:``. Only the ``JSON:`` sections matter here; their text may be
wrapped in one or more ``<script type="application/ld+json">`` elements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_SECTION = re.compile(r"^(TYPES|PRE-MARKUP|MICRODATA|RDFA|JSON|URL):", re.MULTILINE)
_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
_EXAMPLE_ID = re.compile(r"#(eg-\d+)")


@dataclass(frozen=True)
class JsonExample:
    example_id: str  # "eg-0001", with "/2" etc. appended for a second block
    text: str


def json_examples(path: Path) -> list[JsonExample]:
    """Every JSON block of the file's ``JSON:`` sections, in file order."""
    source = path.read_text(encoding="utf-8")
    marks = list(_SECTION.finditer(source))
    out: list[JsonExample] = []
    current_id = "unknown"
    counter = 0
    for i, mark in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(source)
        body = source[mark.end() : end]
        if mark.group(1) == "TYPES":
            counter += 1
            found = _EXAMPLE_ID.search(body.split("\n", 1)[0])
            current_id = found.group(1) if found else f"example-{counter}"
        elif mark.group(1) == "JSON":
            scripts = _SCRIPT.findall(body)
            blocks = scripts if scripts else [body]
            blocks = [b.strip() for b in blocks if b.strip()]
            for n, block in enumerate(blocks, start=1):
                suffix = "" if n == 1 else f"/{n}"
                out.append(JsonExample(current_id + suffix, block))
    return out
