"""Deterministic bytes for JSON-LD documents and safe embedding in HTML."""

from __future__ import annotations

import json
from typing import Any

_SCRIPT_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_SCRIPT_TABLE = str.maketrans(_SCRIPT_ESCAPES)


def dumps(document: Any) -> str:
    """UTF-8-ready JSON text: sorted keys, two-space indent, trailing newline."""
    return (
        json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True, allow_nan=False) + "\n"
    )


def dumps_compact(document: Any) -> str:
    """One line of JSON with sorted keys (for NDJSON feeds)."""
    return json.dumps(
        document, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    )


def script_json(document: Any) -> str:
    """JSON text safe inside ``<script type="application/ld+json">``.

    ``<``, ``>`` and ``&`` become JSON unicode escapes (never HTML entities,
    which a script element does not decode), so no ``</script``, ``<!--`` or
    ``<script`` can appear; U+2028 and U+2029 are escaped as well. The JSON
    value is unchanged: JSON.parse gives back exactly the document.
    """
    return dumps(document).rstrip("\n").translate(_SCRIPT_TABLE)
