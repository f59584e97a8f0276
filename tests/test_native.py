"""The compiled modules (mypyc) and the guard that keeps a stale build out.

``SCHEMA_PUB_EXPECT_COMPILED=1`` (set by ``.ci/run``) turns the tests that need a
compiled build from skips into failures, so CI cannot pass on the pure package alone.
"""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from schema_pub import _native
from tests.conftest import tree

ROOT = Path(__file__).resolve().parents[1]
MODULES = ("schema_pub.alpha", "schema_pub.sub.beta")


def need_compiled() -> None:
    if _native.status != "compiled":
        if os.environ.get("SCHEMA_PUB_EXPECT_COMPILED") and not os.environ.get(_native.PURE_ENV):
            pytest.fail(f"a compiled build was expected: {_native.status}")
        pytest.skip(f"the package is not compiled here ({_native.status})")


def run(*args: str, pure: bool) -> subprocess.CompletedProcess[bytes]:
    env = {key: value for key, value in os.environ.items() if key != _native.PURE_ENV}
    if pure:
        env[_native.PURE_ENV] = "1"
    return subprocess.run(
        [sys.executable, "-m", "schema_pub", *args], capture_output=True, env=env, cwd=ROOT
    )


@pytest.fixture
def package(tmp_path: Path) -> Path:
    """A package folder with two modules and an up-to-date manifest."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "alpha.py").write_text("A = 1\n")
    (tmp_path / "sub" / "beta.py").write_text("B = 2\n")
    (tmp_path / "gamma.py").write_text("C: Final = 3\n")  # imported by alpha, not compiled
    manifest = _native.manifest(MODULES, tmp_path, depends=["schema_pub.gamma"])
    (tmp_path / _native.MANIFEST).write_text(manifest)
    return tmp_path


def verdict(package: Path, environ: dict[str, str] | None = None) -> str:
    return _native.verdict({}, package=package, modules=MODULES, environ=environ or {})


def test_an_up_to_date_manifest_means_compiled(package: Path) -> None:
    assert verdict(package) == "compiled"
    assert verdict(package, {_native.PURE_ENV: "0"}) == "compiled"


def rewrite_manifest(package: Path, old: str, new: str) -> None:
    path = package / _native.MANIFEST
    path.write_text(path.read_text().replace(old, new))


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda p: (p / _native.MANIFEST).unlink(), "not compiled"),
        (lambda p: (p / _native.MANIFEST).write_bytes(b"\xff\xfe"), "unreadable"),
        (lambda p: rewrite_manifest(p, "format 1", "format 0"), "another format"),
        (lambda p: rewrite_manifest(p, "suffix ", "suffix .cpython-27"), "another Python"),
        (lambda p: rewrite_manifest(p, "schema_pub.alpha ", "schema_pub.gamma "), "another list"),
        (lambda p: (p / "alpha.py").write_text("A = 3\n"), "alpha.py changed"),
        (lambda p: (p / "sub" / "beta.py").write_text("B = 2\n\n"), "beta.py changed"),
        (lambda p: (p / "sub" / "beta.py").unlink(), "beta.py is missing"),
        (lambda p: (p / "gamma.py").write_text("C: Final = 4\n"), "gamma.py changed"),
    ],
    ids=[
        "no-manifest",
        "unreadable",
        "format",
        "suffix",
        "modules",
        "edit",
        "size",
        "missing",
        "dependency",
    ],
)
def test_anything_stale_means_pure(package: Path, change: object, reason: str) -> None:
    change(package)  # type: ignore[operator]
    found = verdict(package)
    assert found.startswith("pure: ") and reason in found


def test_the_environment_asks_for_the_sources(package: Path) -> None:
    assert verdict(package, {_native.PURE_ENV: "1"}) == f"pure: {_native.PURE_ENV} is set"


def test_pure_runs_import_every_module_from_its_source() -> None:
    probe = (
        "import importlib, schema_pub._native as n\n"
        "for name in n.MODULES:\n"
        "    module = importlib.import_module(name)\n"
        "    assert not n.compiled(module) and module.__file__.endswith('.py'), name\n"
        "print(n.status)\n"
    )
    env = {**os.environ, _native.PURE_ENV: "1"}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, env=env, check=True)
    assert done.stdout.decode().strip() == f"pure: {_native.PURE_ENV} is set"
    assert b"pure Python" in run("--version", pure=True).stdout


def test_compiled_runs_import_every_module_compiled() -> None:
    need_compiled()
    for name in _native.MODULES:
        assert _native.compiled(importlib.import_module(name)), name
    assert b"compiled with mypyc" in run("--version", pure=False).stdout


def test_compiled_and_pure_validators_report_the_same_bytes(tmp_path: Path) -> None:
    """Every case of the corpus and every published page, both builds, every format."""
    need_compiled()
    inputs = ["tests/cases", "output", "content"]
    for form in ("json", "sarif", "text"):
        compiled = run("validate", "--format", form, "--profile", *inputs, pure=False)
        pure = run("validate", "--format", form, "--profile", *inputs, pure=True)
        assert compiled.returncode == pure.returncode == 1
        assert compiled.stdout == pure.stdout, form
        assert compiled.stderr == pure.stderr


def test_compiled_and_pure_builds_write_the_same_bytes(tmp_path: Path) -> None:
    """A site built twice, once by each build: every output file, the report and the
    exit status are the same (a hostile article and a broken one among them)."""
    need_compiled()
    from schema_pub.publish.synthetic import synthetic_site, variant_site

    content = tmp_path / "content"
    model, site = ROOT / "content" / "weinstein-mistrial.md", ROOT / "content" / "site.yaml"
    synthetic_site(content, 12, model=model, site_file=site)
    hostile = "</script><script>window.__pwned=1</script> </SCRIPT > <!--<script> &amp; \u2028"
    changes = {"slug": "hostile", "headline": "Hostile " + hostile, "description": hostile}
    variant_site(content, model=model, site_file=site, changes=changes, name="hostile")
    (content / "broken.md").write_text("---\nheadline: [unclosed\n---\nText.\n", encoding="utf-8")
    outputs = []
    for pure in (False, True):
        out = tmp_path / ("pure" if pure else "compiled")
        done = run(
            "build", str(content), "-o", str(out), "--now", "2026-11-25T12:00:00Z", pure=pure
        )
        files = tree(out, leave_out=".schema-pub")
        report = (done.stdout + done.stderr).replace(str(out).encode(), b"OUT")
        outputs.append((done.returncode, report, files))
    (compiled_code, compiled_report, compiled_files), (pure_code, pure_report, pure_files) = outputs
    assert compiled_code == pure_code == 1  # the broken article fails; the others are built
    assert compiled_report == pure_report
    assert sum(name.endswith("/index.html") for name in compiled_files) == 13
    assert {"feed.nq", "atom.xml", "sitemap.xml"} <= compiled_files.keys()
    assert compiled_files.keys() == pure_files.keys()
    for name, data in compiled_files.items():
        assert data == pure_files[name], name
