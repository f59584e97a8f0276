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


@pytest.fixture
def site_dir(tmp_path: Path) -> Path:
    """A content folder with the project's site.yaml and no articles."""
    folder = tmp_path / "content"
    folder.mkdir()
    shutil.copy(CONTENT / "site.yaml", folder / "site.yaml")
    return folder
