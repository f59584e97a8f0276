"""Validate schema.org JSON-LD in files and pages, offline.

Library first: :func:`validate` returns a :class:`Report` (findings per file);
:func:`validate_data` checks one document held in memory. The command line only
formats what these return.
"""

from __future__ import annotations

from schema_pub.validate.config import ConfigError, Options, load_options
from schema_pub.validate.document import Document
from schema_pub.validate.findings import Finding, Rule, Severity
from schema_pub.validate.inputs import InputError
from schema_pub.validate.pipeline import iter_validate, validate, validate_data
from schema_pub.validate.result import FileReport, Report, Summary

__all__ = [
    "ConfigError",
    "Document",
    "FileReport",
    "Finding",
    "InputError",
    "Options",
    "Report",
    "Rule",
    "Severity",
    "Summary",
    "iter_validate",
    "load_options",
    "validate",
    "validate_data",
]
