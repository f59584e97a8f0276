"""Helpers shared by the importer tests."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from schema_pub.importer import ImportResult, write_draft
from schema_pub.publish.build import Article, build_article, load_site
from schema_pub.publish.source import SiteSource

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "weinstein-mistrial.txt"
ARTICLES = Path(__file__).resolve().parent / "articles"
SITE_YAML = ROOT / "content" / "site.yaml"


def label(result: ImportResult, key: str) -> str:
    """The name of a person or organization of the draft, or an unnamed person's description."""
    people: dict[str, Any] = result.data.get("people", {})
    orgs: dict[str, Any] = result.data.get("organizations", {})
    entry = people.get(key) or orgs.get(key)
    assert entry is not None, f"{key} is not declared in the draft"
    return str(entry.get("name") or entry.get("description"))


def quotations(result: ImportResult) -> list[tuple[str, str, str | None]]:
    """(text, speaker label, outlet name) for each attributed quotation of the draft."""
    out = []
    for q in result.data.get("quotations", []):
        source = q.get("source")
        out.append(
            (q["text"], label(result, q["speaker"]), label(result, source) if source else None)
        )
    return out


def site() -> SiteSource:
    """The project's site.yaml, as the command line finds it beside the draft."""
    return load_site(SITE_YAML)


def build_draft(result: ImportResult, folder: Path, name: str) -> Article:
    """Write the draft beside a copy of the project's site.yaml and build it."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(SITE_YAML, folder / "site.yaml")
    path = folder / f"{name}.md"
    write_draft(result, path)
    return build_article(path)


def error_findings(jsonld: bytes) -> list[str]:
    """Error findings of the validator on ``jsonld``; skips while the validator is not there."""
    import pytest

    from schema_pub.validate.findings import Severity

    validate = pytest.importorskip("schema_pub.validate")
    if not hasattr(validate, "validate_data"):
        pytest.skip("schema_pub.validate.validate_data is not there yet")
    findings = validate.validate_data(jsonld, file="article.jsonld")
    return [f"{f.code} {f.message}" for f in findings if f.severity == Severity.ERROR]
