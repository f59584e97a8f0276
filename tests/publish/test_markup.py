"""The Python markup of schema_pub.publish.markup against the Jinja2 templates it replaced.

``reference_macros.html``, ``reference_article.html`` and
``reference_atom_content.html`` are the built-in templates as they were before
their loops moved to Python; rendered with the same environment settings they
must give the very same text as the built-in templates and the Python functions,
for the seed, hostile strings and generated bodies, photos and quotations.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import jinja2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from schema_pub.graph.serialize import script_json
from schema_pub.publish.build import build_article
from schema_pub.publish.facts import Agent, PageFacts, Photo, Quote
from schema_pub.publish.markup import (
    agent_html,
    atom_content_html,
    body_html,
    esc,
    inline_html,
    meta_html,
    photo_html,
    quote_block_html,
)
from schema_pub.publish.page import body_blocks, environment, page_context, template_for
from schema_pub.publish.synthetic import variant_site

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SEED = ROOT / "content" / "weinstein-mistrial.md"
SITE = ROOT / "content" / "site.yaml"
HOSTILE = "</script><b a='1' b=\"2\">&amp; \u2028 {{ x }} {% y %}"


def _reference_env() -> jinja2.Environment:
    templates = {
        "macros.html": (HERE / "reference_macros.html").read_text(encoding="utf-8"),
        "article.html": (HERE / "reference_article.html").read_text(encoding="utf-8"),
        "atom_content.html": (HERE / "reference_atom_content.html").read_text(encoding="utf-8"),
    }
    return environment(jinja2.DictLoader(templates))


REFERENCE = _reference_env()
MACROS: Any = REFERENCE.get_template("macros.html").module


@pytest.mark.parametrize(
    ("value", "escaped"),
    [
        ("plain", "plain"),
        ("a & b <c> \"d\" 'e'", "a &amp; b &lt;c&gt; &#34;d&#34; &#39;e&#39;"),
        ("&amp;", "&amp;amp;"),
        (1200, "1200"),
        (None, "None"),
        ("", ""),
    ],
)
def test_escaping_is_jinjas(value: Any, escaped: str) -> None:
    assert esc(value) == escaped
    assert str(jinja2.Environment(autoescape=True).from_string("{{ v }}").render(v=value)) == (
        escaped
    )


def _article(tmp_path: Path, changes: dict[str, Any] | None = None) -> Any:
    path = variant_site(tmp_path, model=SEED, site_file=SITE, changes=changes)
    return build_article(path)


VARIANTS: list[tuple[str, dict[str, Any] | None]] = [
    ("seed", None),
    (
        "hostile",
        {
            "headline": "H " + HOSTILE,
            "description": "D " + HOSTILE,
            "keywords": [HOSTILE, "k"],
            "section": "S " + HOSTILE,
        },
    ),
    ("no-photo", {"image": None, "description": None, "section": None, "keywords": None}),
    ("no-authors", {"authors": None}),
]


@pytest.mark.parametrize(("name", "changes"), VARIANTS, ids=[v[0] for v in VARIANTS])
def test_page_and_atom_content_are_the_reference_templates(
    tmp_path: Path, name: str, changes: dict[str, Any] | None
) -> None:
    article = _article(tmp_path, changes)
    facts = article.facts
    script = script_json(article.document)
    context = page_context(
        facts, article.document, article.markdown, article.resolved.body, script=script
    )
    expected_page = REFERENCE.get_template("article.html").render(context)
    assert template_for(None).render(context) == expected_page
    assert article.files["index.html"].decode("utf-8") == expected_page
    feed_context = page_context(facts, None, article.markdown, article.resolved.body)
    expected_content = REFERENCE.get_template("atom_content.html").render(feed_context)
    blocks, unplaced = body_blocks(article.markdown, facts.quotes)
    assert atom_content_html(facts.photo, blocks, unplaced) == expected_content


_text = st.text(
    alphabet=st.sampled_from(list("ab <>&\"'*_`[]()#>-\n\u201c\u201d\u2028é")), max_size=20
)
_url = st.one_of(st.none(), st.sampled_from(["https://e.org/x?a=1&b=<2>", "/rel", ""]))
_agent = st.builds(Agent, id=st.none(), name=_text, url=_url)
_quote = st.builds(
    Quote,
    text=_text.filter(bool),
    speaker=st.one_of(st.none(), _agent),
    cite=_url,
    source_name=st.one_of(st.none(), _text),
)
_photo = st.builds(
    Photo,
    src=st.sampled_from(["https://e.org/p.jpg", "https://e.org/a&b.jpg"]),
    width=st.one_of(st.none(), st.integers(0, 5000)),
    height=st.one_of(st.none(), st.integers(0, 5000)),
    alt=_text,
    caption=st.one_of(st.none(), _text),
    title=st.one_of(st.none(), _text),
    creator=st.one_of(st.none(), _agent),
    source_url=_url,
    license_url=_url,
    license_name=st.one_of(st.none(), _text),
    credit=st.one_of(st.none(), _text),
    encoding_format=st.none(),
)
_line = st.lists(
    st.one_of(
        _text,
        st.sampled_from(
            [
                "**bold**",
                "*em*",
                "_em_",
                "`code`",
                "[link](https://e.org/?a&b)",
                "[x](javascript:1)",
            ]
        ),
    ),
    max_size=6,
).map(" ".join)
_markdown = st.lists(
    st.one_of(
        _line,
        _line.map(lambda s: "## " + s),
        _line.map(lambda s: "> " + s),
        st.lists(_line, min_size=1, max_size=3).map(lambda xs: "\n".join("- " + x for x in xs)),
        st.lists(_line, min_size=1, max_size=3).map(lambda xs: "\n".join("1. " + x for x in xs)),
    ),
    max_size=6,
).map("\n\n".join)


@settings(max_examples=200, deadline=None)
@given(
    markdown=_markdown,
    quotes=st.lists(_quote, max_size=3),
    photo=_photo,
    agent=_agent,
    rel=st.one_of(
        st.none(), st.just("author"), st.just(5), st.just("a<b")
    ),  # any value a template passes
)
def test_functions_write_what_the_macros_wrote(
    markdown: str, quotes: list[Quote], photo: Photo, agent: Agent, rel: object
) -> None:
    # a quotation that the body holds, so that <q> and block quotes occur
    if quotes and markdown:
        markdown += f' and "{quotes[0].text}".\n\n> {quotes[-1].text}'
    blocks, unplaced = body_blocks(markdown, tuple(quotes))
    assert body_html(blocks, unplaced) == MACROS.body(blocks, unplaced)
    for block in blocks:
        assert inline_html(block.inlines) == MACROS.inline(block.inlines)
    for quote in quotes:
        assert quote_block_html(quote) == MACROS.quote_block(quote)
    assert photo_html(photo) == MACROS.photo(photo)
    assert agent_html(agent, rel) == MACROS.agent(agent, rel)


@settings(max_examples=100, deadline=None)
@given(
    headline=_text.filter(str.strip),
    description=st.one_of(st.none(), _text),
    photo=st.one_of(st.none(), _photo),
    authors=st.lists(_agent, max_size=3),
    keywords=st.lists(_text, max_size=3),
)
def test_whole_pages_are_the_reference(
    headline: str,
    description: str | None,
    photo: Photo | None,
    authors: list[Agent],
    keywords: list[str],
) -> None:
    facts: PageFacts = dataclasses.replace(
        _SEED_FACTS,
        headline=headline,
        description=description,
        photos=(photo,) if photo else (),
        authors=tuple(authors),
        keywords=tuple(keywords),
    )
    context = page_context(facts, None, _SEED_MARKDOWN, None, script="{}")
    assert template_for(None).render(context) == REFERENCE.get_template("article.html").render(
        context
    )
    feed = page_context(facts, None, _SEED_MARKDOWN, None)
    blocks, unplaced = body_blocks(_SEED_MARKDOWN, facts.quotes)
    assert atom_content_html(facts.photo, blocks, unplaced) == REFERENCE.get_template(
        "atom_content.html"
    ).render(feed)
    assert meta_html(feed["meta"]) == "\n".join(
        f'<meta {k}="{esc(key)}" content="{esc(v)}">' for k, key, v in feed["meta"]
    )


_SEED_ARTICLE = build_article(SEED)
assert _SEED_ARTICLE.facts is not None
_SEED_FACTS: PageFacts = _SEED_ARTICLE.facts
_SEED_MARKDOWN = _SEED_ARTICLE.markdown
