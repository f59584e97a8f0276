"""What to validate: files, directories, glob patterns and standard input.

:func:`discover` expands the arguments of ``schema-pub validate`` into
:class:`Source` values lazily (a directory of a million pages is walked, never
listed up front), in a stable order. :func:`read_source` reads one of them,
decompressing gzip, within the size limit.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

from schema_pub.validate.findings import Finding, Rule, Severity
from schema_pub.validate.layers.syntax import TOO_LARGE

Kind = Literal["json", "html"]
KINDS: dict[str, Kind] = {
    ".jsonld": "json",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
}
TYPE_NAMES: dict[str, Kind] = {"jsonld": "json", "json": "json", "html": "html", "htm": "html"}
SKIPPED_DIRS = frozenset({"node_modules", "__pycache__"})
STDIN = "-"

UNREADABLE = Rule(
    "SP020", "unreadable-file", Severity.ERROR, "The file could not be read.", "input"
)
BAD_GZIP = Rule(
    "SP021",
    "invalid-gzip",
    Severity.ERROR,
    "A `.gz` file is not valid gzip data.",
    "input",
    "https://www.rfc-editor.org/rfc/rfc1952",
)
TIME_LIMIT = Rule(
    "SP022",
    "time-limit",
    Severity.ERROR,
    "Validating the file took longer than the time limit; the rest of it was skipped.",
    "input",
)

RULES: tuple[Rule, ...] = (UNREADABLE, BAD_GZIP, TIME_LIMIT)


class InputError(Exception):
    """An argument names nothing to validate (missing path, empty glob, bad type)."""


@dataclass(frozen=True)
class Source:
    """One input: ``name`` as reported, ``path`` on disk (None for stdin), its kind."""

    name: str
    path: Path | None
    kind: Kind
    gzipped: bool = False
    sniff: bool = False


def kind_of(name: str) -> tuple[Kind | None, bool]:
    """The kind a file name says (None when it says nothing) and whether it is gzipped."""
    lower = name.lower()
    gzipped = lower.endswith(".gz")
    if gzipped:
        lower = lower[:-3]
    return KINDS.get(os.path.splitext(lower)[1]), gzipped


def sniff_kind(head: bytes) -> Kind:
    """Guess the kind of content without a telling name: markup starts with ``<``."""
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return "html" if stripped[:1] == b"<" else "json"


def _is_glob(arg: str) -> bool:
    return any(char in arg for char in "*?[")


def _display(path: Path) -> str:
    return path.as_posix()


def _walk(root: Path) -> Iterator[Path]:
    """Files under ``root`` with a known suffix, depth first, sorted, hidden dirs skipped.

    Only names are kept while a directory is listed (a directory of many
    thousand pages costs their names, not their directory entries).
    """
    try:
        with os.scandir(root) as listing:
            entries = sorted((entry.name, entry.is_dir(follow_symlinks=False)) for entry in listing)
    except OSError:
        return
    dirs: list[str] = []
    for name, is_dir in entries:
        if is_dir:
            if not name.startswith(".") and name not in SKIPPED_DIRS:
                dirs.append(name)
        elif kind_of(name)[0] is not None:
            yield root / name
    del entries
    for name in dirs:
        yield from _walk(root / name)


def resolve_type(type_name: str | None) -> Kind | None:
    if type_name is None:
        return None
    kind = TYPE_NAMES.get(type_name.lower())
    if kind is None:
        raise InputError(f"unknown --type {type_name!r} (expected jsonld, json or html)")
    return kind


def check_arguments(args: Sequence[str]) -> None:
    """Raise :class:`InputError` for an argument that names nothing, before any work."""
    for arg in args:
        if arg == STDIN:
            continue
        if _is_glob(arg) and not Path(arg).exists():
            import glob

            if not glob.glob(arg, recursive=True):
                raise InputError(f"no file matches {arg!r}")
        elif not Path(arg).exists():
            raise InputError(f"no such file or directory: {arg!r}")


def discover(args: Sequence[str], *, type_override: str | None = None) -> Iterator[Source]:
    """Expand arguments into sources, lazily, each file once, in a stable order.

    Files named explicitly are taken whatever their suffix (their kind is sniffed
    from the content when the name does not tell); directories and glob patterns
    yield only files whose names end in ``.jsonld``, ``.json``, ``.html`` or
    ``.htm``, each optionally followed by ``.gz``.
    """
    forced = resolve_type(type_override)
    check_arguments(args)
    # one argument cannot name a file twice: only several need remembering what was seen
    seen: set[str] | None = set() if len(args) > 1 else None

    def source(path: Path, explicit: bool) -> Source | None:
        kind, gzipped = kind_of(path.name)
        if kind is None and not explicit and forced is None:
            return None
        if seen is not None:
            key = os.path.normcase(os.path.abspath(path))
            if key in seen:
                return None
            seen.add(key)
        sniff = forced is None and kind is None
        return Source(_display(path), path, forced or kind or "json", gzipped, sniff)

    for arg in args:
        if arg == STDIN:
            yield Source("<stdin>", None, forced or "json", sniff=forced is None)
            continue
        path = Path(arg)
        if path.is_dir():
            for found in _walk(path):
                item = source(found, False)
                if item is not None:
                    yield item
        elif path.exists():
            item = source(path, True)
            if item is not None:
                yield item
        else:
            import glob

            for match in sorted(glob.glob(arg, recursive=True)):
                matched = Path(match)
                if matched.is_dir():
                    continue
                item = source(matched, False)
                if item is not None:
                    yield item


def _read_limited(stream: BinaryIO, limit: int) -> bytes:
    return stream.read(limit + 1)


def read_source(
    source: Source, *, max_size: int, stdin: BinaryIO | None = None
) -> tuple[bytes | None, list[Finding], Source]:
    """Read a source's bytes (decompressed), or say why not.

    Returns the bytes (None when unreadable or over ``max_size``), findings, and
    the source (its kind sniffed from the content when the name said nothing).
    """

    import gzip
    import zlib

    def fail(rule: Rule, message: str, hint: str | None = None) -> Finding:
        return rule(message, hint=hint).located(file=source.name, line=None, column=None)

    try:
        if source.path is None:
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = _read_limited(stream, max_size)
            if data[:2] == b"\x1f\x8b":
                data = gzip.decompress(data)
        elif source.gzipped:
            with gzip.open(source.path, "rb") as gz:
                data = _read_limited(gz, max_size)  # type: ignore[arg-type]
        else:
            size = source.path.stat().st_size
            if size > max_size:
                return (
                    None,
                    [
                        TOO_LARGE(
                            f"{size} bytes exceed the limit of {max_size}",
                            hint="Raise `max-size` in [tool.schema-pub] if such files are expected.",
                        ).located(file=source.name, line=1, column=1)
                    ],
                    source,
                )
            data = source.path.read_bytes()
    except (gzip.BadGzipFile, zlib.error, EOFError) as exc:
        return None, [fail(BAD_GZIP, f"not valid gzip data: {exc}")], source
    except OSError as exc:
        return None, [fail(UNREADABLE, f"cannot read the file: {exc.strerror or exc}")], source
    if len(data) > max_size:
        return (
            None,
            [
                TOO_LARGE(
                    f"more than {max_size} bytes (after decompression)",
                    hint="Raise `max-size` in [tool.schema-pub] if such files are expected.",
                ).located(file=source.name, line=1, column=1)
            ],
            source,
        )
    if source.sniff:
        sniffed = sniff_kind(data[:256])
        if sniffed != source.kind:
            source = Source(source.name, source.path, sniffed, source.gzipped)
    return data, [], source
