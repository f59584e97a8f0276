"""Draft article sources from plain text: what ``schema-pub import`` runs.

``import_file(path)`` reads a wire story (plain text or Markdown) and returns
an :class:`ImportResult`: the draft source (Markdown with a YAML header, in
the format of :mod:`schema_pub.publish.source`) and an :class:`ImportReport`
of what was inferred and what a person must check. ``write_draft`` writes it
atomically. Offline, deterministic, rule-based.
"""

from __future__ import annotations

from schema_pub.importer.draft import (
    PLACEHOLDER_DATE,
    PLACEHOLDER_HEADLINE,
    PLACEHOLDER_IMAGE,
    ImportResult,
    import_file,
    import_text,
    write_draft,
)
from schema_pub.importer.report import ImportReport, Note

__all__ = [
    "PLACEHOLDER_DATE",
    "PLACEHOLDER_HEADLINE",
    "PLACEHOLDER_IMAGE",
    "ImportReport",
    "ImportResult",
    "Note",
    "import_file",
    "import_text",
    "write_draft",
]
