"""Whole-site builds: incremental, parallel, failures, consistency, crash safety."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from schema_pub.cli import cli
from schema_pub.publish.feeds import FEED_FILES
from schema_pub.publish.site import STATE_DIR, build_site
from schema_pub.publish.synthetic import split_markdown, synthetic_site, variant_site
from tests.conftest import tree

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "content" / "weinstein-mistrial.md"
SITE = ROOT / "content" / "site.yaml"


def make(folder: Path, count: int) -> list[Path]:
    return synthetic_site(folder, count, model=SEED, site_file=SITE, step=timedelta(hours=6))


def test_incremental_builds_skip_what_did_not_change(tmp_path: Path) -> None:
    sources = make(tmp_path / "c", 4)
    out = tmp_path / "o"
    first = build_site([tmp_path / "c"], out)
    assert (len(first.built), len(first.skipped), len(first.failed)) == (4, 0, 0)
    assert len(first.feeds_written) == len(FEED_FILES)
    before = tree(out)

    again = build_site([tmp_path / "c"], out)
    assert (len(again.built), len(again.skipped)) == (0, 4)
    assert again.feeds_written == []
    assert tree(out) == before

    sources[1].write_text(
        sources[1].read_text().replace("Juror Walkout", "Juror Exit"), encoding="utf-8"
    )
    changed = build_site([tmp_path / "c"], out)
    assert [r.source for r in changed.built] == [str(sources[1])]
    assert "Juror Exit" in (out / "feed.ndjson").read_text()

    (out / "article-00002" / "index.html").unlink()
    repaired = build_site([tmp_path / "c"], out)
    assert [r.source for r in repaired.built] == [str(sources[2])]
    assert (out / "article-00002" / "index.html").is_file()

    forced = build_site([tmp_path / "c"], out, force=True)
    assert len(forced.built) == 4

    site = tmp_path / "c" / "site.yaml"
    site.write_text(site.read_text().replace("name: Example News  ", "name: Example Daily  ", 1))
    config = build_site([tmp_path / "c"], out)
    assert len(config.built) == 4
    assert '"Example Daily"' in (out / "article-00000" / "article.jsonld").read_text()


def test_jobs_do_not_change_the_bytes(tmp_path: Path) -> None:
    make(tmp_path / "c", 6)
    one = build_site([tmp_path / "c"], tmp_path / "one", jobs=1)
    two = build_site([tmp_path / "c"], tmp_path / "two", jobs=2)
    assert one.ok and two.ok and len(two.built) == 6
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


def test_a_failing_article_does_not_stop_the_others(tmp_path: Path) -> None:
    make(tmp_path / "c", 3)
    broken = tmp_path / "c" / "broken.md"
    broken.write_text("---\nslug: broken\nauthors: [nobody]\n---\nText.\n", encoding="utf-8")
    duplicate = tmp_path / "c" / "zz-duplicate.md"
    duplicate.write_text((tmp_path / "c" / "article-00000.md").read_text(), encoding="utf-8")
    report = build_site([tmp_path / "c"], tmp_path / "o")
    assert len(report.built) == 3
    assert sorted(r.source for r in report.failed) == [str(broken), str(duplicate)]
    assert not (tmp_path / "o" / "broken").exists()
    assert "already used" in str(
        next(r for r in report.failed if r.source == str(duplicate)).problems[0]
    )
    assert len((tmp_path / "o" / "feed.ndjson").read_text().splitlines()) == 3

    result = CliRunner().invoke(
        cli, ["build", str(tmp_path / "c"), "-o", str(tmp_path / "o2"), "-q"]
    )
    assert result.exit_code == 1
    assert "3 article(s) built, 2 failed, 0 unchanged" in result.output
    assert "Building" not in result.output  # no progress bar off a terminal


def test_cli_builds_and_rejects_a_bad_now(tmp_path: Path) -> None:
    make(tmp_path / "c", 2)
    runner = CliRunner()
    ok = runner.invoke(
        cli, ["build", str(tmp_path / "c"), "-o", str(tmp_path / "o"), "--jobs", "2"]
    )
    assert ok.exit_code == 0, ok.output
    assert "2 article(s) built, 0 failed, 0 unchanged" in ok.output
    bad = runner.invoke(
        cli, ["build", str(tmp_path / "c"), "-o", str(tmp_path / "o"), "--now", "yesterday"]
    )
    assert bad.exit_code == 2


CONSISTENCY_CASES = [
    (
        "conflicting-person",
        {"people": {"alvin-bragg": {"name": "Alvin Bragg", "job_title": "Mayor"}}},
        ["conflicting-entity"],
    ),
    (
        "dangling-citation",
        {"citations": [{"headline": "Earlier story", "url": "https://news.example.com/nowhere/"}]},
        ["dangling-link"],
    ),
    (
        "citation-of-another-article",
        {
            "citations": [
                {"headline": "Earlier story", "url": "https://news.example.com/article-00000/"}
            ]
        },
        [],
    ),
]


@pytest.mark.parametrize(
    ("name", "changes", "codes"), CONSISTENCY_CASES, ids=[c[0] for c in CONSISTENCY_CASES]
)
def test_site_wide_consistency(
    tmp_path: Path, name: str, changes: dict[str, object], codes: list[str]
) -> None:
    make(tmp_path / "c", 1)
    header, _ = split_markdown(SEED.read_text(encoding="utf-8"))
    people = dict(header["people"])
    people.update(changes.get("people", {}))  # type: ignore[call-overload]
    variant_site(
        tmp_path / "c",
        model=SEED,
        site_file=SITE,
        changes={**changes, "people": people, "slug": "other"},
        name="other",
    )
    report = build_site([tmp_path / "c"], tmp_path / "o")
    assert report.ok
    assert [f.code for f in report.findings] == codes
    again = build_site([tmp_path / "c"], tmp_path / "o")
    assert [f.code for f in again.findings] == codes  # kept when nothing was rebuilt


def test_stale_temporary_files_are_removed(tmp_path: Path) -> None:
    make(tmp_path / "c", 1)
    stale = tmp_path / "o" / "article-00000" / ".index.html.k2j3h4g5.tmp"
    stale.parent.mkdir(parents=True)
    stale.write_text("<html><bo")
    build_site([tmp_path / "c"], tmp_path / "o")
    assert not stale.exists()


def check_complete(out: Path, headlines: set[str]) -> None:
    """Every output file parses, and every article holds one of the expected versions."""
    for path in out.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.suffix == ".jsonld" or path.parent.name == "records":
            document = json.loads(data)
            if path.name == "article.jsonld":
                assert document["@graph"][0]["headline"].rsplit(" (", 1)[0] in headlines
        elif path.suffix == ".xml":
            ET.fromstring(data)
        elif path.name == "index.html":
            assert data.endswith(b"</html>\n")
        elif path.suffix == ".ndjson":
            assert all(json.loads(line) for line in data.splitlines())
        elif path.suffix == ".nq":
            assert data.endswith(b" .\n")


def test_sigkill_mid_build_leaves_old_or_new_files_and_the_next_build_repairs(
    tmp_path: Path,
) -> None:
    count = 60
    sources = make(tmp_path / "c", count)
    out = tmp_path / "o"
    assert build_site([tmp_path / "c"], out).ok
    for source in sources:
        source.write_text(source.read_text().replace("Juror Walkout Triggers", "Juror Exit Forces"))
    script = (
        "import sys; from pathlib import Path; from schema_pub.publish.site import build_site; "
        "build_site([Path(sys.argv[1])], Path(sys.argv[2]), force=True)"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", script, str(tmp_path / "c"), str(out)], env=env)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            written = sum("Juror Exit" in p.read_text() for p in out.glob("*/head.html"))
            if written >= 5:
                break
            time.sleep(0.01)
        assert proc.poll() is None, "the build ended before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    old, new = (
        "Juror Walkout Triggers Mistrial in Weinstein Rape Case",
        "Juror Exit Forces Mistrial in Weinstein Rape Case",
    )
    check_complete(out, {old, new})
    versions = {
        json.loads(p.read_bytes())["@graph"][0]["headline"].split(" (")[0]
        for p in out.glob("*/article.jsonld")
    }
    assert versions == {old, new}  # killed part-way: some articles are new, some still old

    report = build_site([tmp_path / "c"], out)
    assert report.ok
    assert not list(out.rglob("*.tmp"))
    clean = tmp_path / "clean"
    build_site([tmp_path / "c"], clean)
    assert tree(out) == tree(clean)


def test_committed_output_is_reproducible(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    result = CliRunner().invoke(cli, ["build", "content", "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    built = {k: v for k, v in tree(tmp_path / "out").items() if not k.startswith(STATE_DIR)}
    committed = {k: v for k, v in tree(ROOT / "output").items() if not k.startswith(STATE_DIR)}
    assert sorted(built) == sorted(committed)
    for name, data in built.items():
        assert data == committed[name], name


def test_one_build_publishes_one_site(tmp_path: Path) -> None:
    make(tmp_path / "a", 1)
    make(tmp_path / "b", 1)
    report = build_site([tmp_path / "a", tmp_path / "b"], tmp_path / "o")
    assert [r.source for r in report.built] == [str(tmp_path / "a" / "article-00000.md")]
    (failed,) = report.failed
    assert "another site" in str(failed.problems[0])


def test_progress_bar_only_on_a_terminal(tmp_path: Path) -> None:
    import pty

    make(tmp_path / "c", 2)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [
        sys.executable,
        "-m",
        "schema_pub",
        "build",
        str(tmp_path / "c"),
        "-o",
        str(tmp_path / "o"),
    ]
    leader, follower = pty.openpty()
    try:
        proc = subprocess.run(
            command, stderr=follower, stdout=subprocess.PIPE, env=env, timeout=120
        )
        os.close(follower)
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    finally:
        os.close(leader)
    assert proc.returncode == 0
    assert b"Building" in seen and b"2/2" not in proc.stdout
    piped = subprocess.run(command, capture_output=True, env=env, timeout=120)
    assert piped.returncode == 0
    assert (
        b"Building" not in piped.stderr
        and b"0 article(s) built, 0 failed, 2 unchanged" in piped.stdout
    )


def test_a_rebuild_with_nothing_to_do_loads_neither_models_nor_templates(tmp_path: Path) -> None:
    make(tmp_path / "c", 3)
    out = tmp_path / "o"
    assert build_site([tmp_path / "c"], out).ok
    script = (
        "import sys; from pathlib import Path; from schema_pub.publish.site import build_site; "
        "r = build_site([Path(sys.argv[1])], Path(sys.argv[2])); "
        "heavy = sorted(m for m in ('pydantic', 'jinja2', 'yaml', 'schema_pub.models', "
        "'schema_pub.validate') if m in sys.modules); "
        "print(len(r.skipped), len(r.built), r.feeds_written, heavy)"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "c"), str(out)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert run.stdout.strip() == "3 0 [] []"
    # a changed site configuration is read again, and every article rebuilt
    site = tmp_path / "c" / "site.yaml"
    site.write_text(site.read_text().replace("name: Example News", "name: Other News", 1))
    report = build_site([tmp_path / "c"], out)
    assert len(report.built) == 3
    assert "Other News" in (out / "atom.xml").read_text()
