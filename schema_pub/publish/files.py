"""Atomic file writes: a reader sees the old file or the new one, never half of one.

Every file is written to a temporary file in the same folder and renamed over
the target. A process killed part-way (even with SIGKILL) leaves either the old
file or the new complete one, plus at worst a stray temporary file, which
:func:`remove_stale_temporaries` deletes. ``durable=True`` also flushes the
data to the disk before the rename, which protects against a power cut as well
(at the cost of one ``fsync`` per file).
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import IO

TEMP_SUFFIX = ".tmp"
_TEMP_NAME = re.compile(r"^\..+\.[A-Za-z0-9_]{6,}\.tmp$")


_counter = itertools.count()
_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)


def _temporary(path: Path) -> tuple[int, str]:
    """A new temporary file beside ``path``, mode 0644: ``(fd, name)``.

    The name is ``.<name>.<pid>_<n>.tmp``; one left by a killed process with the
    same id is skipped (``O_EXCL``), and its folder is made when missing.
    """
    folder = os.fspath(path.parent)
    prefix = f"{folder}{os.sep}.{path.name}.{os.getpid():06d}_"
    for _attempt in range(10_000):
        name = f"{prefix}{next(_counter)}{TEMP_SUFFIX}"
        try:
            fd = os.open(name, _FLAGS, 0o644)
        except FileExistsError:
            continue
        except FileNotFoundError:
            os.makedirs(folder, exist_ok=True)
            continue
        try:
            os.fchmod(fd, 0o644)  # whatever the umask, as the published files always were
        except BaseException:
            os.close(fd)
            os.unlink(name)
            raise
        return fd, name
    raise FileExistsError(f"no free temporary name beside {path}")


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def write_atomic(path: Path, data: bytes, *, durable: bool = True) -> bool:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    Returns False (and leaves the file alone) when it already holds ``data``.
    """
    try:
        if os.stat(path).st_size == len(data) and path.read_bytes() == data:
            return False
    except OSError:
        pass
    fd, tmp = _temporary(path)
    try:
        try:
            _write_all(fd, data)
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return True


class AtomicStream:
    """A text file written piece by piece and renamed into place when closed.

    Use as a context manager: on a clean exit the file replaces ``path``; on an
    exception the temporary file is removed and ``path`` is left as it was.
    """

    def __init__(self, path: Path, *, durable: bool = True) -> None:
        self.path = path
        self.durable = durable
        fd, self._tmp = _temporary(path)
        self._handle: IO[str] = os.fdopen(fd, "w", encoding="utf-8", newline="\n")

    def write(self, text: str) -> None:
        self._handle.write(text)

    def commit(self) -> None:
        self._handle.flush()
        if self.durable:
            os.fsync(self._handle.fileno())
        self._handle.close()
        os.replace(self._tmp, self.path)

    def abort(self) -> None:
        self._handle.close()
        with contextlib.suppress(OSError):
            os.unlink(self._tmp)

    def __enter__(self) -> AtomicStream:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()


def remove_stale_temporaries(folder: Path, *, recursive: bool = True) -> list[Path]:
    """Delete temporary files a killed build left under ``folder`` (only in
    ``folder`` itself unless ``recursive``); return them."""
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    walk = os.walk(folder) if recursive else [(os.fspath(folder), [], os.listdir(folder))]
    for directory, _dirs, names in walk:
        for name in names:
            if name.endswith(TEMP_SUFFIX) and _TEMP_NAME.match(name):
                stale = Path(directory) / name
                try:
                    stale.unlink()
                    removed.append(stale)
                except OSError:
                    pass
    return sorted(removed)


__all__ = ["AtomicStream", "remove_stale_temporaries", "write_atomic"]


# --- one build at a time per output folder -----------------------------------------

LOCK_NAME = ".lock"


class FolderBusy(Exception):
    """Another process holds the folder's build lock."""


@contextlib.contextmanager
def exclusive(folder: Path) -> Iterator[None]:
    """Hold ``folder``'s build lock (an exclusive ``flock`` on ``folder/.lock``).

    Two builds writing one output folder at once would append to the same
    record pack and overwrite each other's state; the second one is refused with
    :class:`FolderBusy` instead of waiting. The lock goes with the process, so a
    killed build never leaves it held. Where ``fcntl`` is missing (Windows) no
    lock is taken.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise FolderBusy(f"another schema-pub build is writing {folder.parent}") from None
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
