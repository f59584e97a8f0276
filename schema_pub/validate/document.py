"""A document under validation: one parsed JSON value and where it came from."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from schema_pub.validate.findings import JsonPath

Locator = Callable[[JsonPath], "tuple[int, int] | None"]


class Document:
    """One JSON-LD document: a ``.jsonld``/``.json`` file or one script block of a page.

    ``data`` is the parsed JSON value (None when it did not parse: later layers
    skip). ``locate`` maps a JSON path to a 1-based (line, column) in ``file``.
    ``page_ids`` holds every ``@id`` declared by any block of the same page (or
    by the document itself), since Google reads the blocks of a page as one
    graph; given as None, it is worked out from ``data`` when first read (the
    ``@id`` of every object that declares a node), so that a lone document whose
    layers never ask pays nothing. ``graph`` is set by the jsonld layer: its
    interpretation of the document (nodes with schema.org types and properties)
    that the vocabulary, google and newsroom layers read; None when the document
    is not JSON-LD the layer could interpret.
    """

    __slots__ = ("_page_ids", "block", "data", "file", "graph", "locate", "options", "page_text")

    def __init__(
        self,
        data: Any,
        file: str | None = None,
        block: int | None = None,
        locate: Locator | None = None,
        page_ids: frozenset[str] | None = frozenset(),
        page_text: str | None = None,
        graph: Any = None,
        options: dict[str, Any] | None = None,
    ) -> None:
        self.data = data
        self.file = file
        self.block = block
        self.locate = locate
        self._page_ids = page_ids
        self.page_text = page_text
        self.graph = graph
        self.options: dict[str, Any] = {} if options is None else options

    @property
    def page_ids(self) -> frozenset[str]:
        ids = self._page_ids
        if ids is None:
            if self.data is None:
                ids = frozenset()
            else:
                from schema_pub.validate.layers.syntax import collect_ids

                ids = frozenset(collect_ids(self.data))
            self._page_ids = ids
        return ids

    @page_ids.setter
    def page_ids(self, ids: frozenset[str]) -> None:
        self._page_ids = ids

    def page_ids_from_data(self) -> None:
        """Let ``page_ids`` be worked out from ``data`` when first read (not before)."""
        self._page_ids = None

    def page_ids_known(self) -> bool:
        """Whether ``page_ids`` is already worked out (reading it costs nothing then)."""
        return self._page_ids is not None

    def __repr__(self) -> str:
        return f"Document(file={self.file!r}, block={self.block!r}, data={self.data!r})"
