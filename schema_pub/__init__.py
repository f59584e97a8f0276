"""schema_pub: publish and validate schema.org JSON-LD for news sites, offline."""

from __future__ import annotations

__version__ = "0.1.0"

from schema_pub import _native

_native.install()
