"""Read-only raw access to session files, for whole-history scans (search).

Parsing every entry into :class:`~workshop_tui.core.model.Entry` objects is the slow part
of reading a thousand sessions; a scan only needs a few fields of each entry document, so
it gets the documents as stored. Nothing here writes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workshop_tui.core.store.session_store import ENTRIES_TABLE, SESSION_TABLE
from workshop_tui.core.store.storage import CorruptDataError, load_json_file

FileStamp = tuple[int, int, int, int]


@dataclass(frozen=True)
class RawSession:
    """One session file as stored: the session record and the entry documents."""

    id: str
    stamp: FileStamp
    session: dict[str, Any]
    entries: list[dict[str, Any]]


def file_stamp(path: Path) -> FileStamp | None:
    """(inode, size, mtime_ns, ctime_ns) of ``path``; None when it does not exist."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def read_raw_session(path: Path) -> RawSession:
    """Read one session file without building model objects. Raises CorruptDataError."""
    stamp = file_stamp(path)
    if stamp is None:
        raise CorruptDataError(path, "session file is missing")
    data = load_json_file(path)
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
    return RawSession(id=str(session["id"]), stamp=stamp, session=session, entries=entries)
