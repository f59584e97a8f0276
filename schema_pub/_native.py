"""Compiled modules: which ones, and the guard that keeps a stale build out.

The hot modules of the validator and the publisher are plain, fully typed Python.
``tools/compile.py`` (run by ``make``) compiles them with mypyc into extension modules
beside their sources, then writes a manifest (``_native.txt``): the size and CRC-32 of
each source it compiled and of each package module those import. Python would import
an extension module in preference to its ``.py`` file even after the source had been
edited; so, when the package is imported, this module checks the manifest, and unless
every compiled module is still built from the sources beside it (and for this
interpreter), it routes all of them to their sources. The modules are compiled as one
group that shares native classes, so it is all or none.

``SCHEMA_PUB_PURE=1`` in the environment asks for the sources as well: the tests use
it to hold both builds to the same findings.

Only the standard library is imported here: this runs on every start-up.
"""

from __future__ import annotations

import importlib.machinery
import os
import sys
import zlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import ModuleType
from typing import Final

#: The modules ``tools/compile.py`` compiles, as one mypyc group.
MODULES: Final = (
    "schema_pub.graph.build",
    "schema_pub.graph.nquads",
    "schema_pub.graph.serialize",
    "schema_pub.publish.feeds",
    "schema_pub.publish.load",
    "schema_pub.publish.markup",
    "schema_pub.publish.page",
    "schema_pub.publish.resolve",
    "schema_pub.validate.document",
    "schema_pub.validate.html",
    "schema_pub.validate.pipeline",
    "schema_pub.validate.layers._graph",
    "schema_pub.validate.layers.google",
    "schema_pub.validate.layers.jsonld",
    "schema_pub.validate.layers.newsroom",
    "schema_pub.validate.layers.page",
    "schema_pub.validate.layers.syntax",
    "schema_pub.validate.layers.vocabulary",
)
#: The group's shared library (``schema_pub/_native__mypyc...so``).
GROUP: Final = "schema_pub._native"
MANIFEST: Final = "_native.txt"
PURE_ENV: Final = "SCHEMA_PUB_PURE"
FORMAT: Final = 1

_PACKAGE = Path(__file__).resolve().parent

#: What the guard decided at import: "compiled", or "pure: <why>".
status = "pure: not checked"


def source_of(module: str, package: Path = _PACKAGE) -> Path:
    """The ``.py`` file of a module of the package (in ``package``, its folder)."""
    parts = module.split(".")[1:]
    return package.joinpath(*parts[:-1], parts[-1] + ".py")


def digest(path: Path) -> str:
    """What the manifest records of a source: its size and CRC-32 (a check for edits)."""
    data = path.read_bytes()
    return f"{len(data)}:{zlib.crc32(data):08x}"


def extension_suffix() -> str:
    return importlib.machinery.EXTENSION_SUFFIXES[0]


def manifest(
    modules: Sequence[str] = MODULES, package: Path = _PACKAGE, depends: Sequence[str] = ()
) -> str:
    """The manifest of a build of ``modules`` from the sources as they are now.

    A line ``format N``, a line ``suffix EXT_SUFFIX``, then ``module SIZE:CRC`` lines,
    and a ``+module SIZE:CRC`` line for each module of the package that the compiled
    ones import (their types and constants were compiled in, so an edit to one of
    them makes the build stale too).
    """
    lines = [f"format {FORMAT}", f"suffix {extension_suffix()}"]
    lines += [f"{name} {digest(source_of(name, package))}" for name in modules]
    lines += [f"+{name} {digest(source_of(name, package))}" for name in depends]
    return "\n".join(lines) + "\n"


def verdict(
    recorded: dict[str, str],
    *,
    package: Path = _PACKAGE,
    modules: Sequence[str] = MODULES,
    environ: Mapping[str, str] = os.environ,
) -> str:
    """Whether the compiled ``modules`` in ``package`` can be used.

    Returns "compiled" when the manifest matches the sources as they are now, else
    "pure: " and why; ``recorded`` receives the manifest's module lines.
    """
    if environ.get(PURE_ENV, "") not in ("", "0"):
        return f"pure: {PURE_ENV} is set"
    try:
        text = (package / MANIFEST).read_text(encoding="utf-8")
    except FileNotFoundError:
        return "pure: not compiled (run tools/compile.py)"
    except (OSError, ValueError) as exc:
        return f"pure: unreadable {MANIFEST} ({exc})"
    for line in text.splitlines():
        key, _, value = line.partition(" ")
        recorded[key] = value
    if recorded.pop("format", None) != str(FORMAT):
        return f"pure: {MANIFEST} is of another format"
    if recorded.pop("suffix", None) != extension_suffix():
        return "pure: compiled for another Python"
    if {name for name in recorded if not name.startswith("+")} != set(modules):
        return "pure: compiled from another list of modules"
    for key in recorded:
        name = key.removeprefix("+")
        source = source_of(name, package)
        try:
            now = digest(source)
        except OSError:
            return f"pure: {source.name} is missing"
        if recorded[key] != now:
            return f"pure: {source.name} changed since it was compiled"
    return "compiled"


class _SourceFinder:
    """Finds each compiled module's ``.py`` file before the path finder's extension."""

    def __init__(self, modules: Sequence[str]) -> None:
        self.sources = {name: source_of(name) for name in modules}

    def find_spec(
        self, fullname: str, path: object = None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        source = self.sources.get(fullname)
        if source is None:
            return None
        loader = importlib.machinery.SourceFileLoader(fullname, str(source))
        spec = importlib.machinery.ModuleSpec(fullname, loader, origin=str(source))
        spec.has_location = True
        return spec


def install() -> str:
    """Decide between the compiled modules and their sources, once per process."""
    global status
    if any(isinstance(finder, _SourceFinder) for finder in sys.meta_path) or status == "compiled":
        return status
    recorded: dict[str, str] = {}
    status = verdict(recorded)
    if status != "compiled":
        # a module compiled by an older list is routed to its source as well
        others = [name for name in recorded if name.startswith("schema_pub.")]
        sys.meta_path.insert(0, _SourceFinder(sorted({*MODULES, *others})))
    return status


def compiled(module: ModuleType) -> bool:
    """True when ``module`` was loaded from an extension module."""
    return isinstance(getattr(module, "__loader__", None), importlib.machinery.ExtensionFileLoader)


def describe() -> str:
    """One line for ``schema-pub --version``: compiled, or pure and why."""
    if status == "compiled":
        return f"compiled with mypyc: {len(MODULES)} modules"
    return status.replace("pure: ", "pure Python: ", 1)
