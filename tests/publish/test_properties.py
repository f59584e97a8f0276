"""Property tests: any article the strategies build publishes to JSON-LD that
validates against schemas/, expands with pyld, and survives its <script> embedding."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import html5lib
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schema_pub import contract, jsonld
from schema_pub.models.licenses import catalogue
from schema_pub.publish.build import build_article
from tests.conftest import CONTENT

# Text an editor might write, hostile markup and odd characters included.
_pieces = st.one_of(
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=8),
    st.sampled_from(
        [
            "<",
            ">",
            "&",
            "</script>",
            "</SCRIPT >",
            "<!--<script>",
            "&amp;",
            "\u2028",
            "\u2029",
            '"',
            "\\",
        ]
    ),
)
text = st.lists(_pieces, min_size=1, max_size=5).map("".join).map(str.strip).filter(bool)
RESERVED = {
    "wire",
    "example-news",
    "nbc-news",
    "associated-press",
}  # declared by the test or site.yaml
keys = st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True).filter(lambda k: k not in RESERVED)
dates = st.datetimes(
    min_value=__import__("datetime").datetime(2000, 1, 1),
    max_value=__import__("datetime").datetime(2030, 1, 1),
).map(lambda d: d.replace(microsecond=0).isoformat() + "Z")


@st.composite
def articles(draw: st.DrawFn) -> dict[str, Any]:
    people_keys = draw(st.lists(keys, min_size=1, max_size=4, unique=True))
    people = {
        k: draw(
            st.one_of(
                st.fixed_dictionaries({"name": text}), st.fixed_dictionaries({"description": text})
            )
        )
        for k in people_keys
    }
    orgs = {"wire": {"name": draw(text), "type": "NewsMediaOrganization"}}
    source: dict[str, Any] = {
        "headline": draw(text),
        "description": draw(text),
        "people": people,
        "organizations": orgs,
        "authors": draw(
            st.lists(st.sampled_from(people_keys), min_size=1, max_size=2, unique=True)
        ),
        "mentions": draw(st.lists(st.sampled_from(people_keys), max_size=3, unique=True)),
        "quotations": draw(
            st.lists(
                st.fixed_dictionaries(
                    {"text": text, "speaker": st.sampled_from(people_keys)},
                    optional={"source": st.just("wire")},
                ),
                max_size=4,
            )
        ),
        "citations": draw(
            st.lists(
                st.fixed_dictionaries({"headline": text}, optional={"publisher": st.just("wire")}),
                max_size=2,
            )
        ),
        "keywords": draw(st.lists(text, max_size=3)),
    }
    published = draw(dates)
    source["date_published"] = published
    if draw(st.booleans()):
        source["image"] = {
            "url": "https://img.example.com/" + draw(keys) + ".jpg",
            "caption": draw(text),
            "creator": draw(st.sampled_from(people_keys)),
            "license": draw(st.sampled_from([lic.short for lic in catalogue()])),
            "credit": draw(text),
            "width": draw(st.integers(1, 5000)),
            "height": draw(st.integers(1, 5000)),
        }
    if not people_keys:
        source.pop("authors")
    return source


def scripts(page: str) -> list[Any]:
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    return [el for el in tree.iter("script") if el.get("type") == "application/ld+json"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_generated_articles_publish_valid_jsonld(source: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        shutil.copy(CONTENT / "site.yaml", folder / "site.yaml")
        path = folder / "story.yaml"
        path.write_text(yaml.safe_dump(source, allow_unicode=True), encoding="utf-8")
        article = build_article(path)
    document = article.document
    assert contract.errors(document) == []
    assert len(jsonld.expand(document)) == len(document["@graph"])
    page = (
        "<!doctype html><html><head>"
        + article.files["head.html"].decode()
        + "</head><body></body></html>"
    )
    found = scripts(page)
    assert len(found) == 1
    assert json.loads(found[0].text) == document
    # and the file bytes are the graph itself
    assert json.loads(article.files["article.jsonld"]) == document
