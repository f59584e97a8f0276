"""Compile the hot modules with mypyc, in place, and write their manifest.

Run by ``make`` after the install (``make compile`` to run it alone). The modules are
listed in ``schema_pub/_native.py``; they are strictly typed Python, compiled as one
group, and Python imports the extension modules instead of the sources only while the
manifest written here says they were built from the sources beside them. Without a C
compiler (or mypy), this says why and leaves the pure-Python package, which gives the
same findings, slower; ``--require`` makes that an error (CI).

Nothing is done when the manifest says the modules are up to date (``--force`` to
compile anyway). Usage: ``.venv/bin/python tools/compile.py [--require] [--clean]``.
"""

from __future__ import annotations

import argparse
import ast
import importlib.machinery
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from schema_pub import _native  # noqa: E402


def built_files() -> list[Path]:
    """Every extension module in the package: all of them come from this script."""
    package = ROOT / "schema_pub"
    return sorted(
        {
            path
            for suffix in importlib.machinery.EXTENSION_SUFFIXES
            for path in package.rglob("*" + suffix)
        }
    )


def dependencies(modules: tuple[str, ...]) -> list[str]:
    """The package's modules that ``modules`` import, directly or not (not themselves)."""
    seen: set[str] = set()
    todo = list(modules)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        tree = ast.parse(_native.source_of(name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            found: list[str] = []
            if isinstance(node, ast.Import):
                found = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            for candidate in found:
                if candidate != "schema_pub" and not candidate.startswith("schema_pub."):
                    continue
                # a module, or a package (its __init__); a name imported from a module is neither
                for name in (candidate, candidate + ".__init__"):
                    if name != "schema_pub" and _native.source_of(name).is_file():
                        todo.append(name)
                        break
    return sorted(seen - set(modules))


def clean() -> None:
    (ROOT / "schema_pub" / _native.MANIFEST).unlink(missing_ok=True)
    for path in built_files():
        path.unlink()


def compile_modules() -> None:
    from mypyc.build import mypycify
    from setuptools import setup

    # the sources as they are when compilation starts
    recorded = _native.manifest(depends=dependencies(_native.MODULES))
    sources = [str(_native.source_of(name).relative_to(ROOT)) for name in _native.MODULES]
    os.chdir(ROOT)
    extensions = mypycify(
        sources,
        opt_level="3",
        group_name=_native.GROUP,
        target_dir=str(Path("build") / "mypyc"),
    )
    setup(
        name="schema-pub-native",
        ext_modules=extensions,
        script_args=["--quiet", "build_ext", "--inplace", "--build-temp", "build/mypyc-temp"],
    )
    manifest = ROOT / "schema_pub" / _native.MANIFEST
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=manifest.parent, prefix=".native-", delete=False
    ) as out:
        out.write(recorded)
    os.replace(out.name, manifest)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--require", action="store_true", help="fail when compiling fails")
    parser.add_argument("--clean", action="store_true", help="remove the compiled modules")
    parser.add_argument("--force", action="store_true", help="compile even when up to date")
    args = parser.parse_args()
    if not (args.clean or args.force) and _native.verdict({}, environ={}) == "compiled":
        print(f"compile: up to date ({len(_native.MODULES)} modules)")
        return 0
    clean()
    if args.clean:
        print("compile: removed the compiled modules; the package runs as pure Python")
        return 0
    print(f"compile: compiling {len(_native.MODULES)} modules with mypyc (a minute or two)")
    try:
        compile_modules()
    except (Exception, SystemExit) as exc:  # setuptools exits on a compiler error
        clean()
        print(
            f"compile: mypyc could not compile the hot modules ({exc}); "
            "schema-pub runs as pure Python: the same findings, slower.",
            file=sys.stderr,
        )
        return 1 if args.require else 0
    print(f"compile: {len(_native.MODULES)} modules compiled with mypyc")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
