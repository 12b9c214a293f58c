"""A TinyDB storage that never leaves a torn file, plus the errors the store raises.

Each write serialises the whole database, writes it to a temp file in the same folder, fsyncs
it, ``os.replace``-s it over the old file and fsyncs the folder: a crash at any moment leaves
either the old or the new file, never half of one. Reads keep a write-through cache of the
parsed data, re-read only when the file on disk changed (another process wrote it).

The stock ``CachingMiddleware`` is deliberately not used: it keeps up to 999 inserts in
memory only, and a crash loses them.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import threading
import time
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from workshop_tui.core.store.reading import FileRefused, read_regular_file

TMP_SUFFIX = ".tmp"


class StoreError(Exception):
    """A problem with the data directory, worded for the user."""


class CorruptDataError(StoreError):
    """A data file exists but cannot be read as what it should be. It is never overwritten."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason} (the file was left untouched)")


class StoreWriteError(StoreError):
    """Saving failed (read-only folder, disk full, ...); the previous state is intact."""

    def __init__(self, path: Path, err: OSError) -> None:
        self.path = path
        self.errno = err.errno
        hint = {
            errno.ENOSPC: "the disk is full",
            errno.EACCES: "permission denied (is the data folder read-only?)",
            errno.EROFS: "the file system is read-only",
            errno.EPERM: "operation not permitted",
            errno.EDQUOT: "disk quota exceeded",
        }.get(err.errno or 0, err.strerror or str(err))
        super().__init__(
            f"could not save {path}: {hint}; nothing was lost, the last saved state is intact"
        )


#: identity of one version of a file: (inode, size, mtime_ns, ctime_ns)
FileStamp = tuple[int, int, int, int]


def stamp_of(st: os.stat_result) -> FileStamp:
    """The :data:`FileStamp` of a stat result; an atomic replace always changes it."""
    return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (no-op where directories cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, payload: bytes) -> None:
    """Write ``payload`` to ``path`` atomically and durably (temp file, fsync, replace).

    Raises :class:`StoreWriteError`; on failure the old file is untouched and no temp file
    is left behind.
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}{TMP_SUFFIX}")
    fd = -1
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        view = memoryview(payload)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
        os.close(fd)
        fd = -1
        os.replace(tmp, path)
    except OSError as err:
        if fd >= 0:
            os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise StoreWriteError(path, err) from err
    fsync_dir(path.parent)


def clean_stale_temp_files(folder: Path, max_age_s: float = 3600.0) -> int:
    """Remove temp files left by a crashed writer. Returns how many were removed.

    A temp file is stale when the process that wrote it is gone, or it is older than
    ``max_age_s`` seconds.
    """
    removed = 0
    try:
        names = os.listdir(folder)
    except OSError:
        return 0
    now = time.time()
    for name in names:
        if not (name.startswith(".") and name.endswith(TMP_SUFFIX)):
            continue
        path = folder / name
        parts = name.split(".")
        pid_alive = False
        with contextlib.suppress(ValueError, IndexError):
            pid = int(parts[-3])
            try:
                os.kill(pid, 0)
                # Our own pid: another thread of this process may be mid-save right now.
                pid_alive = True
            except ProcessLookupError:
                pid_alive = False
            except PermissionError:
                pid_alive = True
        try:
            old = now - path.stat().st_mtime > max_age_s
        except OSError:
            continue
        if not pid_alive or old:
            with contextlib.suppress(OSError):
                path.unlink()
                removed += 1
    return removed


def read_data_file(path: Path) -> bytes:
    """The bytes of a data file, read bounded (:func:`reading.read_regular_file`).

    Raises :class:`CorruptDataError` with the reason (a folder, a FIFO or device, too large,
    unreadable) and ``FileNotFoundError`` when it is not there."""
    try:
        return read_regular_file(path)
    except FileRefused as err:
        raise CorruptDataError(path, err.reason) from None
    except PermissionError:
        raise CorruptDataError(path, "cannot be read: permission denied") from None
    except FileNotFoundError:
        raise
    except OSError as err:
        raise CorruptDataError(path, f"cannot be read ({err.strerror or err})") from None


def load_json_file(path: Path) -> Any:
    """Read and parse a JSON data file, raising :class:`CorruptDataError` with the reason."""
    raw = read_data_file(path)
    if not raw.strip():
        raise CorruptDataError(path, "is empty (truncated?)")
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as err:
        raise CorruptDataError(path, f"is not valid JSON ({err})") from None


class AtomicJSONStorage(Storage):
    """TinyDB storage: atomic durable writes, cached reads, corrupt files never overwritten."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._cache: dict[str, dict[str, Any]] | None = None
        self._stamp: FileStamp | None = None
        # Guards the (cache, stamp) pair: the UI thread, a background writer and a poller
        # of one process share this object. Never held during file I/O.
        self._pair_lock = threading.Lock()

    def disk_stamp(self) -> FileStamp | None:
        try:
            return stamp_of(os.stat(self.path))
        except FileNotFoundError:
            return None

    def read(self) -> dict[str, dict[str, Any]] | None:
        return self.read_versioned()[0]

    def read_versioned(self) -> tuple[dict[str, dict[str, Any]] | None, FileStamp | None]:
        """The parsed data and the stamp of the file version it came from, as one pair.

        The data is shared with the cache: treat it as read-only (writers build new dicts).
        """
        stamp = self.disk_stamp()
        with self._pair_lock:
            if stamp is None:
                self._cache, self._stamp = None, None
                return None, None
            if self._cache is not None and stamp == self._stamp:
                return self._cache, stamp
        try:
            data = load_json_file(self.path)
            if not isinstance(data, dict) or not all(
                isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())
                for table in data.values()
            ):
                raise CorruptDataError(
                    self.path, "does not hold workshop-tui data (unexpected JSON structure)"
                )
        except CorruptDataError:
            self.invalidate()  # nothing cached: every read of a damaged file raises again
            raise
        with self._pair_lock:
            self._cache, self._stamp = data, stamp
        return data, stamp

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self.write_versioned(data)

    def write_versioned(self, data: dict[str, dict[str, Any]]) -> FileStamp | None:
        """Write ``data`` atomically; returns the stamp of the file version written."""
        try:
            payload = orjson.dumps(data)
        except TypeError:
            self.invalidate()
            raise
        try:
            atomic_write_bytes(self.path, payload)
        except StoreWriteError:
            # TinyDB mutated the cached dict in place before calling us: drop it so the next
            # read reflects what is really on disk.
            self.invalidate()
            raise
        stamp = self.disk_stamp()
        with self._pair_lock:
            self._cache, self._stamp = data, stamp
        return stamp

    def invalidate(self) -> None:
        with self._pair_lock:
            self._cache, self._stamp = None, None

    def close(self) -> None:
        self.invalidate()
