"""The feed records of a site build, kept in a few append-only pack files.

What each article gives the feeds (a :class:`~schema_pub.publish.feeds.FeedRecord`,
in the bytes of its ``to_bytes``) is kept between builds so the feeds can be written again
without rebuilding unchanged articles. Instead of one small file per article
(a file created, and renamed into place, for every article built) the records
are appended to a pack file, ``OUTDIR/.schema-pub/.records-<hash>.pack``; the
state file names, for each article, the pack, the offset and the length of
its record.

Crash safety rests on two rules:

* a pack is only ever appended to, never rewritten or truncated, so the
  bytes an older state file points to stay as they were;
* a pack that the current state file does not name is garbage: the build
  deletes such packs when it starts (left by a killed build) and once it has
  written its new state (packs the new state no longer needs).

A build killed part-way therefore leaves the old state, whose records are all
intact, plus at worst some unreferenced bytes at the end of a pack; the next
build redoes the articles it did not finish. Garbage is bounded: a build that
rebuilds every article starts a new pack, and when the packs hold more than
twice the bytes still referenced (plus :data:`PACK_SLACK`), the live records
are copied into a new pack. A new pack is named after the hash of its contents,
so a full rebuild (after a killed build, say) leaves the same bytes, state file
included, as a build into an empty folder.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from schema_pub.publish.files import _temporary

PACK_PATTERN = re.compile(r"^\.records-[0-9a-f]{16}\.pack$")
LEGACY_RECORD = re.compile(r"^\..+\.record\.json$")
PACK_SLACK = 4 << 20
"""Unreferenced bytes tolerated in the packs beyond as many as are referenced."""

_APPEND = os.O_WRONLY | os.O_APPEND | getattr(os, "O_CLOEXEC", 0)


def referenced_packs(articles: Iterable[Mapping[str, Any]]) -> set[str]:
    """The packs that the entries of a state file point into."""
    return {e["pack"] for e in articles if isinstance(e.get("pack"), str)}


def remove_unreferenced(folder: Path, keep: set[str]) -> list[str]:
    """Delete the packs of ``folder`` not in ``keep`` (and per-article record
    files of older versions); return the names deleted."""
    removed: list[str] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in sorted(names):
        if (PACK_PATTERN.match(name) and name not in keep) or LEGACY_RECORD.match(name):
            try:
                os.unlink(folder / name)
                removed.append(name)
            except OSError:
                pass
    return removed


def main_pack(entries: Iterable[Mapping[str, Any]]) -> str | None:
    """The pack most entries point into (the one to append to), if any."""
    counts: dict[str, int] = {}
    for entry in entries:
        pack = entry.get("pack")
        if isinstance(pack, str):
            counts[pack] = counts.get(pack, 0) + 1
    return min(counts, key=lambda name: (-counts[name], name)) if counts else None


class PackSizes:
    """The size of each pack file, asked of the file system once."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._sizes: dict[str, int] = {}

    def size(self, name: str) -> int:
        known = self._sizes.get(name)
        if known is None:
            try:
                known = os.stat(self.folder / name).st_size
            except OSError:
                known = -1
            self._sizes[name] = known
        return known

    def holds(self, entry: Mapping[str, Any]) -> bool:
        """Whether the pack ``entry`` points into still holds its record's bytes."""
        pack, at, size = entry.get("pack"), entry.get("at"), entry.get("size")
        if not isinstance(pack, str) or PACK_PATTERN.match(pack) is None:
            return False
        if type(at) is not int or type(size) is not int or at < 0 or size < 0:
            return False
        return self.size(pack) >= at + size


class PackWriter:
    """Appends records to a pack: an existing one, or (``name=None``) a new one.

    A new pack is written under a temporary name and, when closed, renamed after
    the hash of its contents, so a build that rebuilds every article (or a
    compaction) lays the records out exactly as a build in an empty folder does.
    A pack of that name already there holds these bytes followed at most by
    appended ones, so replacing it moves no record an older state points to.

    :meth:`append` returns the record's place as a dict for the state file; the
    ``pack`` of a new pack is filled in by :meth:`close`.
    """

    def __init__(self, folder: Path, name: str | None = None, *, durable: bool = False) -> None:
        self.folder = folder
        self.name = name
        self.durable = durable
        self._fd: int | None = None
        self._tmp: str | None = None
        self._digest = hashlib.sha256()
        self._places: list[dict[str, Any]] = []

    def _open(self) -> int:
        if self.name is None:
            fd, self._tmp = _temporary(self.folder / ".records.pack")
        else:
            self.folder.mkdir(parents=True, exist_ok=True)
            # whatever a killed build left at the end stays there, unreferenced
            fd = os.open(self.folder / self.name, _APPEND)
        self._fd = fd
        return fd

    def append(self, record: bytes) -> dict[str, Any]:
        """Append ``record`` (and a newline); return where it is, for the state file."""
        fd = self._fd if self._fd is not None else self._open()
        data = record + b"\n"
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        # where the system put it: with O_APPEND that is the file's end at the
        # time of the write, which another writer may have moved since _open
        at = os.lseek(fd, 0, os.SEEK_CUR) - len(data)
        place: dict[str, Any] = {"pack": self.name, "at": at, "size": len(record)}
        if self.name is None:
            self._digest.update(data)
            self._places.append(place)
        return place

    def close(self) -> None:
        """Flush (to the disk when ``durable``), close, and name a new pack; call
        before a state file that points into the pack is written."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            if self.durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        if self._tmp is not None:
            tmp, self._tmp = self._tmp, None
            name = f".records-{self._digest.hexdigest()[:16]}.pack"
            try:
                os.replace(tmp, self.folder / name)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
            self.name = name
            for place in self._places:
                place["pack"] = name

    def abort(self) -> None:
        """Close without naming a new pack (its temporary file is deleted)."""
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)
        if self._tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(self._tmp)
            self._tmp = None


class PackReader:
    """Reads records by their place, keeping each pack open while it is needed."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._fds: dict[str, int] = {}

    def read(self, entry: Mapping[str, Any]) -> bytes:
        name = entry["pack"]
        fd = self._fds.get(name)
        if fd is None:
            fd = os.open(self.folder / name, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
            self._fds[name] = fd
        size: int = entry["size"]
        data = os.pread(fd, size, entry["at"])
        if len(data) != size:
            raise OSError(f"the feed record pack {self.folder / name} is shorter than recorded")
        return data

    def close(self) -> None:
        for fd in self._fds.values():
            with contextlib.suppress(OSError):
                os.close(fd)
        self._fds.clear()

    def __enter__(self) -> PackReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def needs_compaction(entries: Iterable[Mapping[str, Any]], sizes: PackSizes) -> bool:
    """Whether the packs ``entries`` point into hold much more than those records."""
    live = 0
    packs: set[str] = set()
    for entry in entries:
        live += entry["size"] + 1
        packs.add(entry["pack"])
    total = sum(max(0, sizes.size(name)) for name in packs)
    return total > 2 * live + PACK_SLACK


def compact(folder: Path, entries: list[dict[str, Any]], *, durable: bool = False) -> None:
    """Copy the records of ``entries``, in that order, into a new pack and, once all
    are copied, point each entry there. The old packs are left for the caller to
    delete once a state file naming the new one is written."""
    writer = PackWriter(folder, durable=durable)
    places: list[tuple[dict[str, Any], dict[str, Any]]] = []
    try:
        with PackReader(folder) as reader:
            for entry in entries:
                places.append((entry, writer.append(reader.read(entry))))
        writer.close()
    except BaseException:
        writer.abort()
        raise
    for entry, place in places:
        entry.update(place)


__all__ = [
    "PACK_SLACK",
    "PackReader",
    "PackSizes",
    "PackWriter",
    "compact",
    "main_pack",
    "needs_compaction",
    "referenced_packs",
    "remove_unreferenced",
]
