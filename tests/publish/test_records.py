"""Feed records kept in append-only packs: incremental builds, garbage, repairs."""

from __future__ import annotations

import json
import os
from datetime import timedelta
from pathlib import Path

import pytest

from schema_pub.publish import records
from schema_pub.publish.feeds import FEED_FILES
from schema_pub.publish.records import PackReader, PackWriter, compact, main_pack
from schema_pub.publish.site import BUILDING_MARKER, STATE_DIR, build_site
from schema_pub.publish.synthetic import synthetic_site
from tests.conftest import tree

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "content" / "weinstein-mistrial.md"
SITE = ROOT / "content" / "site.yaml"


def packs(out: Path) -> list[Path]:
    return sorted((out / STATE_DIR).glob(".records-*.pack"))


def state(out: Path) -> dict[str, dict[str, object]]:
    articles: dict[str, dict[str, object]] = json.loads(
        (out / STATE_DIR / ".state.json").read_bytes()
    )["articles"]
    return articles


def make(folder: Path, count: int) -> list[Path]:
    return synthetic_site(folder, count, model=SEED, site_file=SITE, step=timedelta(hours=6))


def edit(source: Path, old: str, new: str) -> None:
    text = source.read_text(encoding="utf-8")
    assert old in text
    source.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_one_pack_holds_every_record_and_a_change_is_appended(tmp_path: Path) -> None:
    sources = make(tmp_path / "c", 3)
    out = tmp_path / "o"
    assert build_site([tmp_path / "c"], out).ok
    # the state folder holds the state, the build lock and one pack: no file per article
    assert sorted(p.name for p in (out / STATE_DIR).iterdir()) == sorted(
        [".lock", ".state.json", packs(out)[0].name]
    )
    (pack,) = packs(out)
    size = pack.stat().st_size
    before = pack.read_bytes()

    edit(sources[1], "Juror Walkout", "Juror Exit")
    report = build_site([tmp_path / "c"], out)
    assert [r.source for r in report.built] == [str(sources[1])]
    assert packs(out) == [pack]
    data = pack.read_bytes()
    assert data[:size] == before  # appended, never rewritten
    entry = state(out)["article-00001.md"]
    assert entry["pack"] == pack.name and entry["at"] == size
    with PackReader(out / STATE_DIR) as reader:
        assert b"Juror Exit" in reader.read(entry)
    assert "Juror Exit" in (out / "feed.ndjson").read_text(encoding="utf-8")


def test_leftovers_of_killed_builds_are_removed_and_ignored(tmp_path: Path) -> None:
    sources = make(tmp_path / "c", 3)
    out = tmp_path / "o"
    assert build_site([tmp_path / "c"], out).ok
    (pack,) = packs(out)
    folder = out / STATE_DIR
    stray = folder / ".records-0123456789abcdef.pack"  # a pack no state names
    stray.write_bytes(b"{}\n")
    legacy = folder / ".article-00000.record.json"  # one file per article, as before
    legacy.write_bytes(b"{}")
    temporary = folder / "..records.pack.123456_0.tmp"
    temporary.write_bytes(b'{"slug":')
    with pack.open("ab") as handle:  # a record cut short at the end of the pack
        handle.write(b'{"atom_entry":"<entry>')

    edit(sources[2], "Juror Walkout", "Juror Exit")
    report = build_site([tmp_path / "c"], out)
    assert [r.source for r in report.built] == [str(sources[2])]
    assert not stray.exists() and not legacy.exists() and not temporary.exists()
    assert packs(out) == [pack]
    clean = tmp_path / "clean"
    assert build_site([tmp_path / "c"], clean).ok
    for name in FEED_FILES:
        assert (out / name).read_bytes() == (clean / name).read_bytes(), name


def test_a_pack_cut_short_rebuilds_the_articles_it_lost(tmp_path: Path) -> None:
    sources = make(tmp_path / "c", 3)
    out = tmp_path / "o"
    assert build_site([tmp_path / "c"], out).ok
    (pack,) = packs(out)
    last = state(out)["article-00002.md"]
    assert isinstance(last["at"], int)
    with pack.open("r+b") as handle:
        handle.truncate(last["at"] + 10)
    report = build_site([tmp_path / "c"], out)
    assert [r.source for r in report.built] == [str(sources[2])]
    clean = tmp_path / "clean"
    assert build_site([tmp_path / "c"], clean).ok
    for name in FEED_FILES:
        assert (out / name).read_bytes() == (clean / name).read_bytes(), name


def test_garbage_is_compacted_into_the_layout_of_a_clean_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(records, "PACK_SLACK", 0)
    sources = make(tmp_path / "c", 3)
    out = tmp_path / "o"
    assert build_site([tmp_path / "c"], out).ok
    first = packs(out)
    sizes = []
    for word in ("Exit", "Departure", "Absence", "Refusal"):
        edit(sources[0], "Juror ", f"Juror {word} ")
        assert len(build_site([tmp_path / "c"], out).built) == 1
        (pack,) = packs(out)
        sizes.append(pack.stat().st_size)
        live = sum(int(e["size"]) + 1 for e in state(out).values())  # type: ignore[call-overload]
        assert sizes[-1] <= 2 * live
    assert packs(out) != first  # compacted at least once
    clean = tmp_path / "clean"
    assert build_site([tmp_path / "c"], clean).ok
    assert tree(out) == tree(clean)


def test_a_full_rebuild_starts_a_new_pack(tmp_path: Path) -> None:
    make(tmp_path / "c", 2)
    out = tmp_path / "o"
    assert build_site([tmp_path / "c"], out).ok
    before = tree(out)
    assert len(build_site([tmp_path / "c"], out, force=True).built) == 2
    assert tree(out) == before  # same records, same pack, same state


WRITER_CASES = [
    ("new", [b'{"a":1}', b'{"b":2}']),
    ("one", [b'{"only":"record"}']),
    ("empty-record", [b"", b"{}"]),
]


@pytest.mark.parametrize(("name", "items"), WRITER_CASES, ids=[c[0] for c in WRITER_CASES])
def test_writer_and_reader_round_trip(tmp_path: Path, name: str, items: list[bytes]) -> None:
    writer = PackWriter(tmp_path)
    places = [writer.append(item) for item in items]
    assert all(p["pack"] is None for p in places)  # named when closed
    writer.close()
    assert len({p["pack"] for p in places}) == 1
    (pack,) = tmp_path.glob(".records-*.pack")
    assert pack.read_bytes() == b"".join(item + b"\n" for item in items)
    more = PackWriter(tmp_path, pack.name)
    extra = more.append(b'{"later":true}')
    more.close()
    with PackReader(tmp_path) as reader:
        assert [reader.read(p) for p in [*places, extra]] == [*items, b'{"later":true}']
    assert main_pack([*places, extra]) == pack.name
    entries = [dict(p) for p in [extra, *places]]
    compact(tmp_path, entries)
    with PackReader(tmp_path) as reader:
        assert [reader.read(e) for e in entries] == [b'{"later":true}', *items]
    assert len(list(tmp_path.glob(".records-*.pack"))) == 2  # the old one is the caller's


def test_an_aborted_new_pack_leaves_nothing(tmp_path: Path) -> None:
    writer = PackWriter(tmp_path)
    writer.append(b"{}")
    writer.abort()
    assert os.listdir(tmp_path) == []


def test_an_interrupted_build_is_followed_by_a_search_for_its_temporaries(
    tmp_path: Path,
) -> None:
    make(tmp_path / "c", 2)
    out = tmp_path / "o"
    assert build_site([tmp_path / "c"], out).ok
    marker = out / STATE_DIR / BUILDING_MARKER
    assert not marker.exists()  # a finished build leaves no marker
    stale = out / "article-00001" / ".index.html.4242_0.tmp"
    stale.write_bytes(b"<html><bo")
    feed_stale = out / ".atom.xml.4242_1.tmp"
    feed_stale.write_bytes(b"<feed")
    marker.touch()  # as a killed build leaves it
    report = build_site([tmp_path / "c"], out)
    assert len(report.skipped) == 2
    assert not stale.exists() and not feed_stale.exists() and not marker.exists()


def test_interleaved_appends_to_one_pack_each_find_their_own_record(tmp_path: Path) -> None:
    first = PackWriter(tmp_path)
    first.append(b'{"slug":"seed"}')
    first.close()
    (pack,) = tmp_path.glob(".records-*.pack")
    a, b = PackWriter(tmp_path, pack.name), PackWriter(tmp_path, pack.name)
    places = [(a.append(b'{"slug":"A-1"}'), b'{"slug":"A-1"}')]
    places.append((b.append(b'{"slug":"B-1"}'), b'{"slug":"B-1"}'))
    places.append((a.append(b'{"slug":"A-2"}'), b'{"slug":"A-2"}'))
    a.close()
    b.close()
    with PackReader(tmp_path) as reader:
        assert [reader.read(place) for place, _ in places] == [record for _, record in places]


def test_a_second_build_of_the_same_folder_is_refused_while_one_runs(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from schema_pub.cli import cli
    from schema_pub.publish.files import FolderBusy, exclusive

    content = tmp_path / "content"
    make(content, 2)
    out = tmp_path / "out"
    with exclusive(out / STATE_DIR):
        with pytest.raises(FolderBusy, match="another schema-pub build is writing"):
            build_site([content], out)
        result = CliRunner().invoke(cli, ["build", str(content), "-o", str(out)])
        assert result.exit_code == 2, result.output
        assert "another schema-pub build is writing" in result.stderr
        assert "Traceback" not in result.output
    assert not (out / "article-00000").exists()
    # released: the next build runs
    assert build_site([content], out).ok
