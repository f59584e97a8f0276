"""JSON-LD embedded in <script> survives hostile text, read as a browser parser reads it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import html5lib
import pytest
import yaml

from schema_pub.graph import script_json
from schema_pub.publish.build import build_article
from schema_pub.publish.errors import SourceError

HOSTILE = [
    "</script><script>window.__pwned=1</script>",
    "</SCRIPT >",
    "</script\t>",
    "<!--<script>",
    "<!-- --> -->",
    "&amp; &lt; &#x3C; & <",
    "line\u2028separator\u2029paragraph",
    "]]><![CDATA[",
    "\"quoted\" 'single' \\backslash",
    "<\u0000>",
]


def scripts(page: str) -> list[Any]:
    """The ld+json script elements of a page, parsed as the HTML standard says."""
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    return [
        el for el in tree.iter("script") if (el.get("type") or "").lower() == "application/ld+json"
    ]


@pytest.mark.parametrize("text", HOSTILE)
def test_script_json_never_closes_the_element(text: str) -> None:
    document = {"@context": "https://schema.org", "@type": "Thing", "name": text}
    embedded = script_json(document)
    lowered = embedded.lower()
    assert "</script" not in lowered and "<!--" not in lowered and "<script" not in lowered
    assert not {"<", ">", "&", "\u2028", "\u2029"} & set(embedded)
    page = f'<!doctype html><head><script type="application/ld+json">{embedded}</script></head><body><p>after</p>'
    (element,) = scripts(page)
    assert json.loads(element.text) == document


@pytest.mark.parametrize("text", HOSTILE)
def test_built_head_round_trips_hostile_values(site_dir: Path, text: str) -> None:
    source = {
        "headline": f"Headline {text}",
        "description": f"Description {text}",
        "image": {
            "url": "https://x.example/a.jpg",
            "caption": f"Caption {text}",
            "creator": "ann",
            "license": "CC BY 4.0",
            "credit": f"Credit {text}",
        },
        "people": {"ann": {"name": f"Ann {text}"}},
        "authors": ["ann"],
        "quotations": [{"text": f"Quote {text}", "speaker": "ann"}],
    }
    path = site_dir / "hostile.yaml"
    path.write_text(yaml.safe_dump(source, allow_unicode=True), encoding="utf-8")
    if "\u0000" in text:
        # a control character is refused with the field named, never published
        with pytest.raises(SourceError, match="control characters"):
            build_article(path)
        return
    article = build_article(path)
    head = article.files["head.html"].decode("utf-8")
    page = f"<!doctype html><html><head>{head}</head><body><p id=end>end</p></body></html>"
    found = scripts(page)
    assert len(found) == 1, "the script element count must be exactly what was written"
    assert json.loads(found[0].text) == article.document
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    assert tree.find(".//p[@id='end']") is not None
    metas = {m.get("name"): m.get("content") for m in tree.iter("meta") if m.get("name")}
    assert metas["description"] == f"Description {text}".strip()
