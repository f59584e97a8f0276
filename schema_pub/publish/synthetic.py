"""Synthetic sites for tests and benchmarks: many articles shaped like a real one.

Each article is a copy of a model article (a Markdown source with a YAML header)
with its own slug, headline and publication date, so that a site of thousands
of seed-sized articles can be built from the seed alone.
"""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import yaml

from schema_pub.publish.load import parse_text


def _load(text: str) -> Any:
    """YAML as the source reader reads it (dates stay the text written)."""
    return parse_text(text, "<synthetic>", markdown=False).data


def split_markdown(text: str) -> tuple[dict[str, Any], str]:
    """The YAML header (as data) and the body of a Markdown source."""
    parsed = parse_text(text, "<synthetic>", markdown=True)
    if not isinstance(parsed.data, dict):
        raise ValueError("the Markdown source has no YAML mapping in its header")
    return parsed.data, (parsed.body or "") + "\n"


def markdown_source(header: dict[str, Any], body: str) -> str:
    """A Markdown source from a header mapping and a body."""
    dumped = yaml.safe_dump(header, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{dumped}---\n{body}"


def synthetic_site(
    folder: Path,
    count: int,
    *,
    model: Path,
    site_file: Path,
    start: datetime | None = None,
    step: timedelta = timedelta(hours=1),
) -> list[Path]:
    """Write ``site.yaml`` and ``count`` articles modelled on ``model`` into ``folder``.

    Article ``i`` has slug ``article-<i>``, the model's headline with `` (i)``
    and a publication date ``step * i`` after ``start``; returns the sources.
    """
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(site_file, folder / "site.yaml")
    header, body = split_markdown(model.read_text(encoding="utf-8"))
    base = start or datetime(2025, 1, 1, 9, 0, tzinfo=timezone.utc)
    paths: list[Path] = []
    width = max(5, len(str(count)))
    for index in range(count):
        data = dict(header)
        slug = f"article-{index:0{width}d}"
        data["slug"] = slug
        data["headline"] = f"{header['headline']} ({index})"
        data["date_published"] = (base + step * index).isoformat()
        path = folder / f"{slug}.md"
        path.write_text(markdown_source(data, body), encoding="utf-8")
        paths.append(path)
    return paths


def variant_site(
    folder: Path,
    *,
    model: Path,
    site_file: Path,
    changes: dict[str, Any] | None = None,
    site_changes: dict[str, Any] | None = None,
    name: str | None = None,
) -> Path:
    """Write ``site.yaml`` and one article: ``model`` with header keys replaced by ``changes``.

    ``site_changes`` replaces keys of the site configuration. Returns the article's path.
    """
    folder.mkdir(parents=True, exist_ok=True)
    site = _load(site_file.read_text(encoding="utf-8"))
    site.update(site_changes or {})
    (folder / "site.yaml").write_text(
        yaml.safe_dump(site, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8"
    )
    header, body = split_markdown(model.read_text(encoding="utf-8"))
    for key, value in (changes or {}).items():
        if value is None:
            header.pop(key, None)
        else:
            header[key] = value
    if "body" in header:
        body = ""
    path = folder / f"{name or header.get('slug') or model.stem}.md"
    path.write_text(markdown_source(header, body), encoding="utf-8")
    return path


__all__ = ["markdown_source", "split_markdown", "synthetic_site", "variant_site"]
