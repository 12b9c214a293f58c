"""Preferences: one small file in the data folder (``prefs.json``), written atomically.

What belongs here is what a facilitator expects the app to remember across runs: the UI
language, the action list's sort and filters per session, the last export choices and folder,
the sessions browser's and search's places. Each feature owns a *key* (a dotted name such as
``"ui.language"`` or ``"actions.view"``) and stores one JSON value under it; a per-session
value is stored under ``key`` as a dict keyed by session id (:meth:`Preferences.get_for` /
:meth:`Preferences.set_for`).

The file is read from outside (it may be hand-edited or damaged): a value that is not of the
type a caller asks for is ignored (the default is used), never coerced. Saving is best effort:
a read-only data folder or a damaged file never stops the app (a damaged file is left
untouched). Writes hold a cross-process lock and re-read the file, so two app windows on one
data folder keep each other's keys.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, TypeVar

import orjson
from filelock import FileLock, Timeout

from workshop_tui.core.store.storage import (
    AtomicJSONStorage,
    CorruptDataError,
    StoreWriteError,
)

PREFS_TABLE = "prefs"
#: the whole preferences document may not grow past this (it is read at every start)
MAX_PREFS_BYTES = 256 * 1024
#: per-session values kept under one key (oldest dropped first)
MAX_SESSIONS_PER_KEY = 50
LOCK_TIMEOUT_S = 2.0

T = TypeVar("T")


class Preferences:
    """Typed get/set of small JSON values in ``prefs.json`` (TinyDB layout: one table, doc 1).

    Other tables in the same file (the recent agenda list) are kept as they are.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._storage = AtomicJSONStorage(self.path)
        self._lock = FileLock(str(self.path) + ".lock", timeout=LOCK_TIMEOUT_S)
        self._thread_lock = threading.Lock()

    # -- reading ---------------------------------------------------------------------
    def _document(self) -> dict[str, dict[str, Any]]:
        try:
            return self._storage.read() or {}
        except (CorruptDataError, OSError):
            return {}

    def _values(self) -> dict[str, Any]:
        doc = (self._document().get(PREFS_TABLE) or {}).get("1")
        return doc if isinstance(doc, dict) else {}

    def get(self, key: str, default: T, kind: type | tuple[type, ...] | None = None) -> T:
        """The value under ``key`` if it is an instance of ``kind`` (default: the type of
        ``default``), else ``default``. ``bool`` is never taken for ``int``."""
        value = self._values().get(key)
        want = kind if kind is not None else type(default)
        if value is None or not isinstance(value, want):
            return default
        if isinstance(value, bool) and want in (int, float, (int, float)):
            return default
        return value  # type: ignore[no-any-return,return-value]

    def get_for(self, key: str, session_id: str, default: T, kind: type | None = None) -> T:
        """A per-session value (see :meth:`set_for`)."""
        table: dict[str, Any] = self.get(key, {}, dict)
        value = table.get(session_id)
        want = kind if kind is not None else type(default)
        if value is None or not isinstance(value, want):
            return default
        return value  # type: ignore[no-any-return,return-value]

    # -- writing ---------------------------------------------------------------------
    def set(self, key: str, value: Any) -> bool:
        """Store ``value`` (JSON: dict/list/str/int/float/bool/None; ``None`` removes the key).
        Returns False when it could not be saved (never raises)."""
        return self.update({key: value})

    def set_for(self, key: str, session_id: str, value: Any) -> bool:
        """Store a per-session value; at most :data:`MAX_SESSIONS_PER_KEY` sessions are kept."""
        with self._thread_lock:
            table: dict[str, Any] = dict(self.get(key, {}, dict))
        table.pop(session_id, None)
        if value is not None:
            table[session_id] = value
        while len(table) > MAX_SESSIONS_PER_KEY:
            table.pop(next(iter(table)))
        return self.set(key, table)

    def update(self, changes: dict[str, Any]) -> bool:
        """Apply several key changes in one atomic write."""
        with self._thread_lock:
            try:
                with self._lock:
                    try:
                        document = dict(self._storage.read() or {})
                    except CorruptDataError:
                        return False  # a damaged file is never overwritten
                    values = dict((document.get(PREFS_TABLE) or {}).get("1") or {})
                    for key, value in changes.items():
                        if value is None:
                            values.pop(key, None)
                        else:
                            values[key] = value
                    try:
                        size = len(orjson.dumps(values))
                    except TypeError:
                        return False
                    if size > MAX_PREFS_BYTES:
                        return False
                    document[PREFS_TABLE] = {"1": values}
                    self._storage.write(document)
                    return True
            except (StoreWriteError, OSError, Timeout):
                return False

    def write_table(self, table: str, doc: dict[str, Any]) -> bool:
        """Replace one other table of the file (doc 1), keeping the rest. Best effort."""
        with self._thread_lock:
            try:
                with self._lock:
                    try:
                        document = dict(self._storage.read() or {})
                    except CorruptDataError:
                        return False
                    document[table] = {"1": doc}
                    self._storage.write(document)
                    return True
            except (StoreWriteError, OSError, Timeout, TypeError):
                return False

    def read_table(self, table: str) -> dict[str, Any]:
        doc = (self._document().get(table) or {}).get("1")
        return doc if isinstance(doc, dict) else {}


class TabPreferences(Preferences):
    """The preferences of one browser tab in room mode (``workshop-tui serve``): it reads the
    laptop's file, but what the tab changes (its language, its action list's sort and filters,
    its places) stays in this process's memory. Every tab is its own app process on the
    facilitator's laptop: a scribe's choices must not become the facilitator's."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self._own: dict[str, Any] = {}
        self._own_tables: dict[str, dict[str, Any]] = {}

    def _values(self) -> dict[str, Any]:
        values = dict(super()._values())
        for key, value in self._own.items():
            if value is None:
                values.pop(key, None)
            else:
                values[key] = value
        return values

    def update(self, changes: dict[str, Any]) -> bool:
        try:
            size = len(orjson.dumps({**self._values(), **changes}))
        except TypeError:
            return False
        if size > MAX_PREFS_BYTES:
            return False
        with self._thread_lock:
            self._own.update(changes)
        return True

    def write_table(self, table: str, doc: dict[str, Any]) -> bool:
        with self._thread_lock:
            self._own_tables[table] = dict(doc)
        return True

    def read_table(self, table: str) -> dict[str, Any]:
        own = self._own_tables.get(table)
        return dict(own) if own is not None else super().read_table(table)
