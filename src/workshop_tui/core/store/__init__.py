"""Durable storage: a data directory with one TinyDB file per session plus a catalog.

Layout of the data directory::

    catalog.json            TinyDB: one summary row per session (a cache, validated by stat)
    prefs.json              TinyDB: recent agenda files and other preferences
    sessions/<id>.json      TinyDB: the session record, entries, UI state
    sessions/<id>.json.lock cross-process write lock

A capture writes only its own session file, so its cost does not grow with the history.
The catalog stores each session file's (inode, size, mtime) next to its counts; listing
sessions re-summarises only the files whose stamp changed.
"""

from __future__ import annotations

import os
import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from workshop_tui.core.agenda import Agenda
from workshop_tui.core.i18n import _
from workshop_tui.core.ids import is_valid_id
from workshop_tui.core.model import Entry, Session
from workshop_tui.core.store.scan import (
    FileStamp,
    RawSession,
    SessionFile,
    file_stamp,
    read_raw_session,
    read_session_file,
)
from workshop_tui.core.store.session_store import (
    ENTRIES_TABLE,
    LOCK_TIMEOUT_S,
    SESSION_TABLE,
    SessionStore,
    doc_id_for,
)
from workshop_tui.core.store.storage import (
    AtomicJSONStorage,
    CorruptDataError,
    StoreError,
    StoreWriteError,
    clean_stale_temp_files,
    stamp_of,
)
from workshop_tui.core.summary import SessionSummary

__all__ = [
    "CorruptDataError",
    "RawSession",
    "SessionFile",
    "SessionExistsError",
    "SessionListing",
    "SessionStore",
    "Store",
    "StoreError",
    "StoreWriteError",
]

CATALOG_TABLE = "sessions"
RECENT_TABLE = "recent_agendas"
MAX_RECENT = 10
#: catalog rows written with another version are summarised again (2: facilitator, location,
#: groups, topic titles and follow-up link added for the sessions browser)
SUMMARY_VERSION = 2


#: the prefs key holding the session ``latest`` means (see Store.mark_latest)
LATEST_KEY = "sessions.latest"


class SessionExistsError(StoreError):
    """A new session's file is already there (another program created it meanwhile)."""


@dataclass
class SessionListing:
    """Sessions newest first, plus one message per session file that could not be read."""

    sessions: list[SessionSummary] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _session_document(
    session: Session,
    entries: Iterable[Entry],
    tables: Mapping[str, dict[str, dict[str, Any]]] | None = None,
) -> dict[str, Any]:
    """The whole TinyDB document of a new session file (entries keyed like ``save_entries``;
    ``tables``: further tables, e.g. a bundle's themes)."""
    table: dict[str, dict[str, Any]] = {}
    for entry in entries:
        doc_id = doc_id_for(entry.id)
        while (doc := table.get(str(doc_id))) is not None and doc["id"] != entry.id:
            doc_id += 1  # hash collision with another entry: probe on, as the store does
        table[str(doc_id)] = entry.to_dict()  # a repeated id: the last one given is kept
    return {SESSION_TABLE: {"1": session.to_dict()}, ENTRIES_TABLE: table, **(tables or {})}


class Store:
    """The data directory. The only way the app and the CLI reach stored data."""

    def __init__(self, data_dir: Path | str) -> None:
        self.data_dir = Path(data_dir).expanduser()
        self.sessions_dir = self.data_dir / "sessions"
        try:
            self.sessions_dir.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            raise StoreError(
                _("cannot use data folder {data_dir}: {sessions_dir} is not a folder").format(
                    data_dir=self.data_dir, sessions_dir=self.sessions_dir
                )
            ) from None
        except OSError as err:
            raise StoreError(
                _("cannot use data folder {data_dir}: {strerror}").format(
                    data_dir=self.data_dir, strerror=err.strerror
                )
            ) from None
        if not self.sessions_dir.is_dir():
            raise StoreError(
                _("cannot use data folder {data_dir}: {sessions_dir} is not a folder").format(
                    data_dir=self.data_dir, sessions_dir=self.sessions_dir
                )
            )
        clean_stale_temp_files(self.sessions_dir)
        clean_stale_temp_files(self.data_dir)
        self.catalog_path = self.data_dir / "catalog.json"
        self._catalog = AtomicJSONStorage(self.catalog_path)
        self._catalog_lock = FileLock(str(self.catalog_path) + ".lock", timeout=LOCK_TIMEOUT_S)
        self.prefs_path = self.data_dir / "prefs.json"
        #: preferences remembered across runs (language, views, export choices, ...)
        # imported here: core.prefs builds on this package's storage module
        from workshop_tui.core.prefs import Preferences

        self.prefs: Preferences = Preferences(self.prefs_path)
        # Weak: a session store lives while a screen (or anything else) uses it, so opening
        # old sessions one after another does not keep each one's entries in memory.
        self._open: weakref.WeakValueDictionary[str, SessionStore] = weakref.WeakValueDictionary()

    # -- sessions ----------------------------------------------------------------------
    def session_path(self, session_id: str) -> Path:
        """The file of a session: ``sessions/<id>.json``, never anywhere else.

        Raises :class:`StoreError` for an id that does not match the id pattern
        (``workshop_tui.core.ids``) or a path that would not lie directly inside ``sessions/``
        (defence in depth: the pattern already rules out ``/``, ``..`` and the like)."""
        if not is_valid_id(session_id):
            raise StoreError(
                _("{id!r} is not a valid session id (1 to 64 letters, digits, - or _)").format(
                    id=str(session_id)[:80]
                )
            )
        path = self.sessions_dir / f"{session_id}.json"
        folder = os.path.abspath(self.sessions_dir)
        if os.path.dirname(os.path.abspath(path)) != folder:
            raise StoreError(
                _("{id!r} would be stored outside {folder}; refused").format(
                    id=session_id, folder=folder
                )
            )
        return path

    def create_session(
        self,
        agenda: Agenda,
        *,
        title: str = "",
        facilitator: str = "",
        location: str = "",
        agenda_source: str = "",
        follow_up_of: str = "",
        votes_per_group: int = 5,
    ) -> SessionStore:
        """Start a new session with a snapshot of ``agenda``; durable when this returns."""
        session = Session(
            title=title or agenda.title,
            agenda=agenda,
            facilitator=facilitator,
            location=location,
            agenda_source=agenda_source or agenda.name,
            follow_up_of=follow_up_of,
            votes_per_group=votes_per_group,
        )
        return self.add_session(session)

    def add_session(
        self,
        session: Session,
        entries: Iterable[Entry] = (),
        tables: Mapping[str, dict[str, dict[str, Any]]] | None = None,
    ) -> SessionStore:
        """Store a new session: its record and ``entries`` in one atomic, durable write.

        The session file appears complete or not at all, so a crash never leaves a session
        without its entries (bundle import creates a session this way). Raises
        :class:`SessionExistsError` when the session's file exists already, and
        :class:`StoreWriteError` when it cannot be written (then nothing was created).
        """
        path = self.session_path(session.id)
        store = SessionStore(path)
        with store.locked():
            if path.exists():
                raise SessionExistsError(
                    _("{path}: session {id} exists already").format(path=path, id=session.id[:8])
                )
            written = list(entries)
            stamp = store.storage_write(_session_document(session, written, tables))
            # what was just written from these objects: no need to parse it back
            store.hold(session, {e.id: e for e in written}, stamp)
        self._open[session.id] = store
        return store

    def session_ids(self) -> list[str]:
        try:
            names = os.listdir(self.sessions_dir)
        except OSError as err:
            raise StoreError(
                _("cannot read {sessions_dir}: {strerror}").format(
                    sessions_dir=self.sessions_dir, strerror=err.strerror
                )
            ) from None
        # A file whose name is not an id is not one of ours (see stray_session_files).
        return [n[:-5] for n in names if n.endswith(".json") and is_valid_id(n[:-5])]

    def stray_session_files(self) -> list[str]:
        """Names of ``.json`` files in ``sessions/`` that cannot be sessions: their name is
        not a session id (renamed by hand, or put there by another program)."""
        try:
            names = os.listdir(self.sessions_dir)
        except OSError:
            return []
        return sorted(
            n
            for n in names
            if n.endswith(".json") and not n.startswith(".") and not is_valid_id(n[:-5])
        )

    def has_session(self, session_id: str) -> bool:
        return is_valid_id(session_id) and self.session_path(session_id).is_file()

    def resolve(self, ref: str) -> str:
        """Session id from an id, a unique id prefix, or ``latest``. Raise StoreError."""
        ref = ref.strip()
        if ref == "latest":
            return self.latest_session_id()
        ids = self.session_ids()
        if ref in ids:
            return ref
        matches = [i for i in ids if i.startswith(ref)] if ref else []
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise StoreError(
                _("no session matches {ref!r} (see 'workshop-tui sessions')").format(ref=ref)
            )
        raise StoreError(
            _("{ref!r} matches {count} sessions; give more of the id").format(
                ref=ref, count=len(matches)
            )
        )

    def mark_latest(self, session_id: str) -> bool:
        """Record ``session_id`` as the one the user last started, resumed or captured into
        (what ``latest`` means), in ``prefs.json`` (atomic, locked). False when it could not
        be saved; never raises."""
        if self.prefs.get(LATEST_KEY, "") == session_id:
            return True
        return self.prefs.set(LATEST_KEY, session_id)

    def latest_session_id(self) -> str:
        """The session the user last started, resumed or captured into (recorded by
        :meth:`mark_latest`), not the file written last: a follow-up review writes the
        earlier session's action statuses, and that must not make it "latest".

        A data folder with no record (from before it was kept, or the recorded session was
        deleted) falls back to the session whose file was written last."""
        recorded = self.prefs.get(LATEST_KEY, "")
        if recorded and self.has_session(recorded):
            return recorded
        newest: tuple[int, str] | None = None
        for session_id in self.session_ids():
            try:
                mtime = self.session_path(session_id).stat().st_mtime_ns
            except OSError:
                continue
            if newest is None or (mtime, session_id) > newest:
                newest = (mtime, session_id)
        if newest is None:
            raise StoreError(_("there are no sessions yet"))
        return newest[1]

    def open_session(self, ref: str) -> SessionStore:
        """Open a session by id, unique prefix or ``latest``; reads it (raises when corrupt)."""
        session_id = self.resolve(ref)
        store = self._open.get(session_id)
        if store is None:
            store = SessionStore(self.session_path(session_id))
            self._open[session_id] = store
        store.session  # noqa: B018 - read now so a corrupt file is reported here
        return store

    def raw_session(self, session_id: str) -> RawSession:
        """Read-only raw view of one session file, for whole-history scans (search)."""
        return read_raw_session(self.session_path(session_id))

    def session_file(self, session_id: str) -> SessionFile:
        """The bytes of one session file (``.parse()`` gives the raw documents)."""
        return read_session_file(self.session_path(session_id))

    def session_stamp(self, session_id: str) -> FileStamp | None:
        """Identity of a session file's current version (changes on every write)."""
        return file_stamp(self.session_path(session_id))

    def delete_session(self, session_id: str) -> None:
        """Remove a session file for good (used by tests and explicit user request)."""
        self._open.pop(session_id, None)
        for path in (
            self.session_path(session_id),
            Path(str(self.session_path(session_id)) + ".lock"),
        ):
            try:
                path.unlink()
            except FileNotFoundError:
                pass
            except OSError as err:
                raise StoreWriteError(path, err) from err

    def list_sessions(self) -> SessionListing:
        """All sessions, newest first, with counts. Unreadable files are reported, not fatal."""
        listing = SessionListing()
        try:
            catalog = self._read_catalog()
            catalog_usable = True
        except CorruptDataError as err:
            # Only a cache: list from the session files, report it, never overwrite it.
            listing.problems.append(str(err))
            catalog, catalog_usable = {}, False
        for name in self.stray_session_files():
            listing.problems.append(
                _(
                    "{path}: the file name is not a session id (1 to 64 letters, digits, - or _ "
                    "before .json); it is not listed"
                ).format(path=self.sessions_dir / name)
            )
        fresh: dict[str, dict[str, Any]] = {}
        changed = False
        for session_id in self.session_ids():
            path = self.session_path(session_id)
            try:
                st = path.stat()
            except OSError:
                continue
            stamp = list(stamp_of(st))  # a list: what JSON gives back
            row = catalog.get(session_id)
            if row is None or row.get("stamp") != stamp or row.get("v") != SUMMARY_VERSION:
                try:
                    summary = SessionStore(path).summary()
                except CorruptDataError as err:
                    listing.problems.append(str(err))
                    continue
                row = {"stamp": stamp, "v": SUMMARY_VERSION, "summary": summary.to_dict()}
                changed = True
            else:
                summary = row["parsed"]
            fresh[session_id] = row
            listing.sessions.append(summary)
        if catalog_usable and (changed or set(fresh) != set(catalog)):
            self._write_catalog(fresh)
        listing.sessions.sort(key=lambda s: s.started, reverse=True)
        return listing

    def _read_catalog(self) -> dict[str, dict[str, Any]]:
        data = self._catalog.read()
        if data is None:
            return {}
        table = data.get(CATALOG_TABLE) or {}
        rows: dict[str, dict[str, Any]] = {}
        for doc in table.values():
            try:
                # A row whose stamp matches is used as is: its summary must be a whole one.
                summary = SessionSummary.from_dict(doc["summary"])
            except (KeyError, TypeError):
                raise CorruptDataError(
                    self.catalog_path,
                    "is not a valid session catalog; delete it to rebuild it from the session files",
                ) from None
            rows[summary.id] = dict(doc, parsed=summary)
        return rows

    def _write_catalog(self, rows: dict[str, dict[str, Any]]) -> None:
        table = {
            str(i): {k: v for k, v in row.items() if k != "parsed"}
            for i, row in enumerate(sorted(rows.values(), key=lambda r: r["summary"]["started"]), 1)
        }
        try:
            with self._catalog_lock:
                self._catalog.write({CATALOG_TABLE: table})
        except (StoreWriteError, OSError, Timeout):
            # The catalog is only a cache: a read-only data dir can still be listed.
            self._catalog.invalidate()

    # -- preferences -------------------------------------------------------------------
    def recent_agendas(self) -> list[str]:
        """Agenda files opened recently, most recent first."""
        paths = self.prefs.read_table(RECENT_TABLE).get("paths")
        if not isinstance(paths, list):
            return []
        return [p for p in paths if isinstance(p, str)]

    def remember_agenda(self, path: str) -> None:
        """Put an agenda file at the top of the recent list (best effort: never fails).

        A damaged prefs file is left untouched, like every other data file."""
        recent = [path] + [p for p in self.recent_agendas() if p != path]
        self.prefs.write_table(RECENT_TABLE, {"paths": recent[:MAX_RECENT]})
