"""Inputs: discovery of files, directories, globs and stdin; reading with limits."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest

from schema_pub.validate.inputs import (
    InputError,
    Source,
    discover,
    kind_of,
    read_source,
    resolve_type,
    sniff_kind,
)


@pytest.mark.parametrize(
    ("name", "kind", "gzipped"),
    [
        ("a.jsonld", "json", False),
        ("a.JSON", "json", False),
        ("x.html", "html", False),
        ("x.htm", "html", False),
        ("c.json.gz", "json", True),
        ("p.HTML.GZ", "html", True),
        ("d.py", None, False),
        ("e.gz", None, True),
        ("jsonld", None, False),
    ],
)
def test_kind_of(name: str, kind: str | None, gzipped: bool) -> None:
    assert kind_of(name) == (kind, gzipped)


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"  <!doctype html>", "html"),
        (b"{}", "json"),
        (b"\xef\xbb\xbf<html>", "html"),
        (b"", "json"),
    ],
)
def test_sniff_kind(head: bytes, kind: str) -> None:
    assert sniff_kind(head) == kind


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    files = [
        "b.jsonld",
        "a.json",
        "page.html",
        "notes.txt",
        "sub/c.htm",
        "sub/d.jsonld.gz",
        "sub/deeper/e.json",
        ".hidden/f.jsonld",
        "node_modules/g.json",
    ]
    for name in files:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"{}")
    return tmp_path


def names(sources: list[Source], root: Path) -> list[str]:
    return [Path(s.name).relative_to(root).as_posix() for s in sources]


def test_directory_is_walked_sorted_skipping_hidden(tree: Path) -> None:
    found = names(list(discover([str(tree)])), tree)
    assert found == [
        "a.json",
        "b.jsonld",
        "page.html",
        "sub/c.htm",
        "sub/d.jsonld.gz",
        "sub/deeper/e.json",
    ]


def test_globs_and_duplicates(tree: Path) -> None:
    args = [str(tree / "**" / "*.json"), str(tree / "a.json"), str(tree / "*.jsonld")]
    # a pattern takes what it matches (hidden directories aside), each file once
    assert names(list(discover(args)), tree) == [
        "a.json",
        "node_modules/g.json",
        "sub/deeper/e.json",
        "b.jsonld",
    ]


def test_explicit_file_with_any_name_is_taken(tree: Path) -> None:
    (source,) = discover([str(tree / "notes.txt")])
    assert (source.kind, source.sniff) == ("json", True)


@pytest.mark.parametrize("type_name", ["html", "HTML", "jsonld", "json"])
def test_type_override(tree: Path, type_name: str) -> None:
    (source,) = discover([str(tree / "b.jsonld")], type_override=type_name)
    assert source.kind == ("html" if type_name.lower() == "html" else "json")
    assert not source.sniff


@pytest.mark.parametrize("arg", ["missing.jsonld", "missing/*.html", "no-dir/"])
def test_missing_arguments_raise(tree: Path, arg: str) -> None:
    with pytest.raises(InputError):
        list(discover([str(tree / "b.jsonld"), str(tree / arg)]))


def test_unknown_type_raises() -> None:
    with pytest.raises(InputError):
        resolve_type("xml")


def test_stdin_source() -> None:
    (source,) = discover(["-"])
    assert (source.name, source.path, source.sniff) == ("<stdin>", None, True)
    data, findings, sniffed = read_source(source, max_size=100, stdin=io.BytesIO(b"<html></html>"))
    assert (data, findings, sniffed.kind) == (b"<html></html>", [], "html")


def test_gzipped_stdin_is_decompressed() -> None:
    (source,) = discover(["-"])
    data, _, _ = read_source(source, max_size=100, stdin=io.BytesIO(gzip.compress(b"[1]")))
    assert data == b"[1]"


@pytest.mark.parametrize(
    ("content", "name", "max_size", "codes", "data"),
    [
        (b"[1]", "a.jsonld", 10, [], b"[1]"),
        (b"[1, 2, 3, 4]", "a.jsonld", 5, ["SP013"], None),
        (gzip.compress(b"[1]"), "a.jsonld.gz", 10, [], b"[1]"),
        (gzip.compress(b"[" + b"0," * 1000 + b"0]"), "a.jsonld.gz", 100, ["SP013"], None),
        (b"not gzip", "a.jsonld.gz", 100, ["SP021"], None),
        (gzip.compress(b"[1]")[:-6], "a.jsonld.gz", 100, ["SP021"], None),
    ],
)
def test_read_source(
    tmp_path: Path, content: bytes, name: str, max_size: int, codes: list[str], data: bytes | None
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    (source,) = discover([str(path)])
    got, findings, _ = read_source(source, max_size=max_size)
    assert got == data
    assert [f.code for f in findings] == codes
    assert all(f.file == source.name for f in findings)


def test_unreadable_file(tmp_path: Path) -> None:
    source = Source(str(tmp_path / "gone.jsonld"), tmp_path / "gone.jsonld", "json")
    data, findings, _ = read_source(source, max_size=10)
    assert data is None
    assert [f.code for f in findings] == ["SP020"]
