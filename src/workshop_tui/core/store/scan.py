"""Read-only raw access to session files, for whole-history scans (search).

Parsing every entry into :class:`~workshop_tui.core.model.Entry` objects is the slow part
of reading a thousand sessions; a scan only needs a few fields of each entry document, so
it gets the file's bytes (to skip files cheaply) and the documents as stored. Nothing here
writes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from workshop_tui.core.store.session_store import ENTRIES_TABLE, SESSION_TABLE
from workshop_tui.core.store.storage import (
    CorruptDataError,
    FileStamp,
    load_json_file,
    read_data_file,
    stamp_of,
)


@dataclass(frozen=True)
class RawSession:
    """One session file as stored: the session record and the entry documents."""

    id: str
    path: Path
    stamp: FileStamp
    session: dict[str, Any]
    entries: list[dict[str, Any]]


@dataclass(frozen=True)
class SessionFile:
    """The bytes of one session file, read once, with the stamp taken before reading."""

    path: Path
    stamp: FileStamp
    data: bytes

    def parse(self) -> RawSession:
        """The session record and entry documents. Raises CorruptDataError."""
        if not self.data.strip():
            raise CorruptDataError(self.path, "is empty (truncated?)")
        try:
            data = orjson.loads(self.data)
        except orjson.JSONDecodeError as err:
            raise CorruptDataError(self.path, f"is not valid JSON ({err})") from None
        return _raw_session(self.path, self.stamp, data)


def file_stamp(path: Path) -> FileStamp | None:
    """(inode, size, mtime_ns, ctime_ns) of ``path``; None when it does not exist."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return stamp_of(st)


def read_session_file(path: Path) -> SessionFile:
    """Read a session file's bytes. Raises CorruptDataError when it is missing or unreadable."""
    stamp = file_stamp(path)
    if stamp is None:
        raise CorruptDataError(path, "session file is missing")
    try:
        data = read_data_file(path)
    except FileNotFoundError:
        raise CorruptDataError(path, "session file is missing") from None
    return SessionFile(path=path, stamp=stamp, data=data)


def read_raw_session(path: Path) -> RawSession:
    """Read one session file without building model objects. Raises CorruptDataError."""
    stamp = file_stamp(path)
    if stamp is None:
        raise CorruptDataError(path, "session file is missing")
    return _raw_session(path, stamp, load_json_file(path))


def _raw_session(path: Path, stamp: FileStamp, data: Any) -> RawSession:
    if not isinstance(data, dict):
        raise CorruptDataError(path, "does not hold workshop-tui data (unexpected JSON structure)")
    session_docs = data.get(SESSION_TABLE)
    entry_docs = data.get(ENTRIES_TABLE) or {}
    if not isinstance(session_docs, dict) or not session_docs or not isinstance(entry_docs, dict):
        raise CorruptDataError(path, "has no session record")
    session = next(iter(session_docs.values()))
    if not isinstance(session, dict) or "id" not in session:
        raise CorruptDataError(path, "has an invalid session record")
    entries = [doc for doc in entry_docs.values() if isinstance(doc, dict)]
    return RawSession(
        id=str(session["id"]), path=path, stamp=stamp, session=session, entries=entries
    )
