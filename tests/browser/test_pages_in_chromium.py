"""Built pages in a real browser: headless Chromium driven by Selenium, served on 127.0.0.1.

Needs Debian's ``chromium`` and ``chromium-driver`` (``/usr/bin/chromium``,
``/usr/bin/chromedriver``); nothing downloads a browser. Skipped when they are absent.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from schema_pub.publish.build import build_article
from schema_pub.publish.head import meta_tags
from schema_pub.publish.site import build_site
from schema_pub.publish.synthetic import variant_site

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "content" / "weinstein-mistrial.md"
SITE = ROOT / "content" / "site.yaml"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)
HOSTILE = [
    "</script><script>window.__pwned=1</script>",
    "</SCRIPT ><script>window.__pwned=2</script>",
    "<!--<script>window.__pwned=3</script>",
    "<!--<script>",
    "&amp; &lt;b&gt;",
    "line\u2028separator\u2029paragraph",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.enable_socket,
    pytest.mark.allow_hosts(["127.0.0.1"]),
    pytest.mark.skipif(
        not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
        reason="headless Chromium not installed (apt-get install chromium chromium-driver)",
    ),
]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def guess_type(self, path: str | Any) -> str:
        # head.html is a fragment for a page that declares its encoding; served
        # alone, the server says UTF-8 for it. index.html declares its own.
        if str(path).endswith("head.html"):
            return "text/html; charset=utf-8"
        return super().guess_type(path)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A folder served over HTTP on 127.0.0.1: (base URL, folder)."""
    root = tmp_path_factory.mktemp("www")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", root
    finally:
        server.shutdown()
        server.server_close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Chromium through chromedriver, which we start ourselves on 127.0.0.1."""
    from selenium import webdriver

    profile = tmp_path_factory.mktemp("chromium-profile")
    port = _free_port()
    driver_proc = subprocess.Popen(
        [str(CHROMEDRIVER), f"--port={port}", "--allowed-ips=127.0.0.1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        options = webdriver.ChromeOptions()
        options.binary_location = str(CHROMIUM)
        for flag in FLAGS:
            options.add_argument(flag)
        options.add_argument(f"--user-data-dir={profile}")
        driver = webdriver.Remote(command_executor=f"http://127.0.0.1:{port}", options=options)
        try:
            yield driver
        finally:
            driver.quit()
    finally:
        driver_proc.terminate()
        driver_proc.wait(timeout=10)
    shutil.rmtree(profile, ignore_errors=True)


READ_JSONLD = """
return Array.from(document.querySelectorAll('script[type="application/ld+json"]'))
  .map(s => JSON.parse(s.textContent));
"""
READ_META = """
return Array.from(document.querySelectorAll('meta[property], meta[name]'))
  .map(m => [m.hasAttribute('property') ? 'property' : 'name',
             m.getAttribute('property') || m.getAttribute('name'), m.content]);
"""


def test_jsonld_read_through_the_dom_equals_article_jsonld(
    browser: Any, served: tuple[str, Path]
) -> None:
    base, root = served
    report = build_site([ROOT / "content"], root / "seed")
    assert report.ok
    expected = json.loads((root / "seed" / "weinstein-mistrial" / "article.jsonld").read_bytes())
    for page in ("index.html", "head.html"):
        browser.get(f"{base}seed/weinstein-mistrial/{page}")
        assert browser.execute_script(READ_JSONLD) == [expected], page


def test_open_graph_read_through_the_dom_equals_the_model(
    browser: Any, served: tuple[str, Path], tmp_path: Path
) -> None:
    base, root = served
    changes = {"authors": ["example-news"], "section": "Crime & Courts"}
    article = build_article(variant_site(tmp_path, model=SEED, site_file=SITE, changes=changes))
    folder = root / "og"
    folder.mkdir()
    (folder / "index.html").write_bytes(article.files["index.html"])
    browser.get(f"{base}og/index.html")
    found = [tuple(row) for row in browser.execute_script(READ_META) if row[1] != "viewport"]
    assert article.facts is not None
    assert found == meta_tags(article.facts)
    graph = {n["@id"]: n for n in article.document["@graph"]}
    node = graph[article.facts.id]
    by_key = {key: value for _, key, value in found}
    assert by_key["og:title"] == node["headline"]
    assert by_key["og:description"] == node["description"]
    assert by_key["article:published_time"] == node["datePublished"]
    image = graph[node["image"][0]["@id"]]
    page = graph[node["mainEntityOfPage"]["@id"]]
    site = graph[page["isPartOf"]["@id"]]
    assert by_key["og:image"] == by_key["twitter:image"] == image["contentUrl"]
    assert by_key["og:image:alt"] == by_key["twitter:image:alt"] == image["caption"]
    assert by_key["og:url"] == page["url"]
    assert by_key["og:site_name"] == site["name"]
    assert by_key["og:locale"] == node["inLanguage"]
    assert by_key["article:modified_time"] == node["dateModified"]
    assert by_key["article:section"] == node["articleSection"]
    assert [v for _, k, v in found if k == "article:tag"] == node["keywords"]
    assert by_key["article:author"] == graph[node["author"][0]["@id"]]["url"]
    assert by_key["twitter:card"] == "summary_large_image"
    assert by_key["robots"] == "max-image-preview:large"


@pytest.mark.parametrize(
    "hostile", HOSTILE, ids=["script", "SCRIPT-space", "comment", "open-comment", "entity", "u2028"]
)
def test_hostile_text_does_not_run_and_round_trips(
    browser: Any, served: tuple[str, Path], tmp_path: Path, hostile: str
) -> None:
    base, root = served
    changes = {
        "headline": f"H {hostile} end",
        "people": {
            "georges-biard": {"name": f"G {hostile} end"},
            "speaker": {"name": f"S {hostile} end"},
        },
        "authors": ["speaker"],
        "mentions": None,
        "about": None,
        "image": {
            "url": "https://news.example.com/i.jpg",
            "caption": f"C {hostile} end",
            "creator": "georges-biard",
            "license": "CC BY-SA 3.0",
        },
        "quotations": [{"text": f"Q {hostile} end", "speaker": "speaker", "source": "nbc-news"}],
    }
    slug = "hostile-" + str(HOSTILE.index(hostile))
    variant_site(tmp_path / "c", model=SEED, site_file=SITE, changes={**changes, "slug": slug})
    assert build_site([tmp_path / "c"], root / slug).ok
    expected = json.loads((root / slug / slug / "article.jsonld").read_bytes())
    browser.get(f"{base}{slug}/{slug}/index.html")
    assert browser.execute_script("return typeof window.__pwned") == "undefined"
    assert browser.execute_script("return document.scripts.length") == 1
    assert browser.execute_script(READ_JSONLD) == [expected]
    shown = browser.execute_script(
        """
        return {
          h1: document.querySelector('h1').textContent,
          alt: document.querySelector('figure img').getAttribute('alt'),
          quote: Array.from(document.querySelectorAll('blockquote p')).map(p => p.textContent),
          byline: document.querySelector('.byline a[rel=author], .byline').textContent,
          title: document.querySelector('meta[property="og:title"]').content,
        };
        """
    )
    assert shown["h1"] == f"H {hostile} end"
    assert shown["title"] == f"H {hostile} end"
    assert shown["alt"] == f"C {hostile} end"
    assert f"Q {hostile} end" in shown["quote"]
    assert f"S {hostile} end" in shown["byline"]
    # The head file alone is safe too.
    browser.get(f"{base}{slug}/{slug}/head.html")
    assert browser.execute_script("return typeof window.__pwned") == "undefined"
    assert browser.execute_script(READ_JSONLD) == [expected]
