"""find_sources: one scandir per folder, the same files as a search with Path.rglob."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from schema_pub.publish.build import SITE_FILE, SOURCE_SUFFIXES, find_sources


def rglob_sources(paths: list[Path]) -> list[Path]:
    """The former search, kept as the reference."""
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            for candidate in path.rglob("*"):
                if (
                    candidate.is_file()
                    and candidate.suffix.lower() in SOURCE_SUFFIXES
                    and candidate.name != SITE_FILE
                    and not any(part.startswith(".") for part in candidate.relative_to(path).parts)
                    and candidate.name.lower() != "readme.md"
                ):
                    found.add(candidate)
        else:
            found.add(path)
    return sorted(found)


FILES = [
    "a.md",
    "b.YAML",
    "c.txt",
    "site.yaml",
    "README.md",
    "readme.MD",
    "x.Markdown",
    "no-suffix",
    "sub/d.yml",
    "sub/.e.md",
    "sub/.hidden/f.md",
    ".h2/g.md",
    "real/h.md",
    "real/deeper/i.yaml",
    "dotted.name.md",
]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    for name in FILES:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x", encoding="utf-8")
    (root / "folder.md").mkdir()  # a folder named like a source
    os.symlink(root / "real", root / "linked-folder")  # not followed
    os.symlink(root / "a.md", root / "link.md")  # a link to a file counts
    os.symlink(root / "missing.md", root / "broken.md")  # a broken link does not
    return root


SEARCHES = [
    ("folder", ["."]),
    ("sub-folder", ["sub"]),
    ("hidden-folder-given", ["sub/.hidden"]),
    ("file-and-folders", ["a.md", "real", "sub"]),
    ("overlapping", [".", "real"]),
    ("file-as-given", ["c.txt"]),
]


@pytest.mark.parametrize(("name", "given"), SEARCHES, ids=[s[0] for s in SEARCHES])
def test_same_sources_as_rglob(site: Path, name: str, given: list[str]) -> None:
    paths = [site / g if g != "." else site for g in given]
    assert find_sources(paths) == rglob_sources(paths)
    assert find_sources(paths)  # the case finds something


def test_relative_paths(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(site.parent)
    paths = [Path("content"), Path("content/sub/")]
    assert find_sources(paths) == rglob_sources(paths)
