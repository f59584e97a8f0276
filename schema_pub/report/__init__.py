"""Reporters: one module per output format, found by name in :data:`REPORTERS`.

Each reporter turns a :class:`schema_pub.validate.Report` into text; the command
line picks one with ``--format`` and writes what it returns.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import Protocol

from schema_pub.validate.findings import Rule
from schema_pub.validate.result import Report

#: format name -> (module, class)
REPORTERS: dict[str, tuple[str, str]] = {
    "text": ("schema_pub.report.text", "TextReporter"),
    "json": ("schema_pub.report.json", "JsonReporter"),
    "sarif": ("schema_pub.report.sarif", "SarifReporter"),
    "github": ("schema_pub.report.github", "GithubReporter"),
}


class Reporter(Protocol):
    """Renders a whole report; ``rules`` is the rule table (SARIF lists it)."""

    def render(self, report: Report, rules: tuple[Rule, ...]) -> str: ...


def reporter(name: str, *, color: bool = False) -> Reporter:
    """An instance of the reporter for format ``name`` (KeyError when unknown)."""
    module_name, class_name = REPORTERS[name]
    cls = getattr(importlib.import_module(module_name), class_name)
    instance: Reporter = cls(color=color)
    return instance


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the new, never half."""
    import tempfile

    directory = path.parent if str(path.parent) else Path(".")
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
