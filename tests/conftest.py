"""Shared fixtures. Sockets are disabled for the whole suite (pyproject addopts)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCHEMAORG = SHARED / "schemaorg" / "30.0"
SEED = SHARED / "seed" / "weinstein-mistrial.txt"
CONTENT = ROOT / "content"
OUTPUT = ROOT / "output"


def need_shared(path: Path) -> Path:
    """Skip the calling test when a file of ../shared is absent (a user's clone)."""
    if not path.exists():
        pytest.skip(
            f"{path} is absent: ../shared (schema.org release, seed) is only in the project's CI"
        )
    return path


def tree(folder: Path, leave_out: str | None = None) -> dict[str, bytes]:
    """Every file below ``folder`` (but those inside a folder named ``leave_out``),
    by its relative path: two builds are compared through it."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and leave_out not in path.relative_to(folder).parts
    }


@pytest.fixture
def site_dir(tmp_path: Path) -> Path:
    """A content folder with the project's site.yaml and no articles."""
    folder = tmp_path / "content"
    folder.mkdir()
    shutil.copy(CONTENT / "site.yaml", folder / "site.yaml")
    return folder
