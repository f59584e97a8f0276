"""A document under validation: one parsed JSON value and where it came from."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from schema_pub.validate.findings import JsonPath

Locator = Callable[[JsonPath], "tuple[int, int] | None"]


@dataclass
class Document:
    """One JSON-LD document: a ``.jsonld``/``.json`` file or one script block of a page.

    ``data`` is the parsed JSON value (None when it did not parse: later layers
    skip). ``locate`` maps a JSON path to a 1-based (line, column) in ``file``.
    ``page_ids`` holds every ``@id`` declared by any block of the same page (or
    by the document itself), since Google reads the blocks of a page as one
    graph. ``graph`` is set by the jsonld layer: its interpretation of the
    document (nodes with schema.org types and properties) that the vocabulary,
    google and newsroom layers read; None when the document is not JSON-LD the
    layer could interpret.
    """

    data: Any
    file: str | None = None
    block: int | None = None
    locate: Locator | None = None
    page_ids: frozenset[str] = frozenset()
    page_text: str | None = None
    graph: Any = None
    options: dict[str, Any] = field(default_factory=dict)
