"""One TinyDB file per session: the session record, its entries and its UI state.

Every write happens under a file lock (``<file>.lock``) around read-modify-write, and the
storage re-reads the file when another process changed it, so two processes capturing into
the same session never lose an update. Reads need no lock: files are replaced atomically.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from tinydb import TinyDB

from workshop_tui.core.i18n import _
from workshop_tui.core.model import Entry, EntryKind, Session, now_iso
from workshop_tui.core.schema.records import derived_stamp_problems, record_problems
from workshop_tui.core.schema.validator import Problem, and_more, shown
from workshop_tui.core.store.cells import CellIndex, Cells, pane_order
from workshop_tui.core.store.storage import (
    AtomicJSONStorage,
    CorruptDataError,
    FileStamp,
    StoreError,
    StoreWriteError,
)
from workshop_tui.core.summary import SessionSummary, summarise

SESSION_TABLE = "session"
ENTRIES_TABLE = "entries"
STATE_TABLE = "state"
LOCK_TIMEOUT_S = 10.0


def doc_id_for(entry_id: str) -> int:
    """Stable TinyDB doc id for an entry id, the same in every process and every bundle."""
    return int.from_bytes(hashlib.blake2b(entry_id.encode(), digest_size=6).digest(), "big") + 1


def _parse_session_file(path: Path, data: dict[str, Any]) -> tuple[Session, dict[str, Entry]]:
    """The session and its entries from a session file's documents, all or nothing.

    A session file may have been edited by hand or restored from a backup: every record is
    checked against the session format (docs/session-format.md) first, and a bad one is
    reported by file and field (``entries["123"].updated: expected a time ...``); nothing is
    loaded half-way and the caller never writes over it."""
    session_docs = data.get(SESSION_TABLE) or {}
    if not session_docs:
        raise CorruptDataError(path, "has no session record")
    session_key, session_doc = next(iter(session_docs.items()))
    entry_docs = data.get(ENTRIES_TABLE) or {}
    problems = record_problems(session_key, session_doc, entry_docs)
    if not problems and path.suffix == ".json" and session_doc["id"] != path.stem:
        problems = [
            Problem(
                f'{SESSION_TABLE}["{session_key}"].id',
                _("holds session {id}, but the file is named for session {name}").format(
                    id=shown(session_doc["id"]), name=shown(path.stem)
                ),
            )
        ]
    if problems:
        raise _invalid(path, problems)
    try:
        session = Session.from_dict(session_doc)
        entries: dict[str, Entry] = {}
        for key, doc in entry_docs.items():
            entry = Entry.from_dict(doc)
            problems += derived_stamp_problems(entry, doc, ((None, ENTRIES_TABLE), key))
            entries[entry.id] = entry
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as err:
        raise CorruptDataError(
            path, f"has an invalid record ({type(err).__name__}: {err})"
        ) from None
    if problems:
        raise _invalid(path, problems)
    return session, entries


def _invalid(path: Path, problems: list[Problem]) -> CorruptDataError:
    first = problems[0]
    reason = f"{first.path}: {first.message}" + and_more(len(problems) - 1)
    return CorruptDataError(path, _("has an invalid record ({reason})").format(reason=reason))


class SessionStore:
    """Durable storage of one session. Create through :class:`workshop_tui.core.store.Store`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._storage_holder: list[AtomicJSONStorage] = []
        self._db = TinyDB(path, storage=self._make_storage)
        self._storage = self._storage_holder[0]
        self._lock = FileLock(str(path) + ".lock", timeout=LOCK_TIMEOUT_S)
        #: the file version ``_session``/``_entries`` were parsed from (None: parse again)
        self._parsed_stamp: FileStamp | None = None
        self._entries: dict[str, Entry] = {}
        self._session: Session | None = None
        #: counts changes to what this object holds (a re-parse or an own save)
        self._generation = 0
        # The UI thread, a background writer and a poller share one store: this lock keeps
        # (stamp, session, entries, generation) in step. It is never held while writing.
        self._parsed_lock = threading.RLock()
        #: live entries by (topic, group) in pane order, for the entries table they are of
        self._cells = CellIndex()

    def _make_storage(self, path: Path) -> AtomicJSONStorage:
        storage = AtomicJSONStorage(path)
        self._storage_holder.append(storage)
        return storage

    # -- locking -----------------------------------------------------------------------
    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the session's cross-process write lock (re-entrant within this process)."""
        try:
            self._lock.acquire()
        except Timeout:
            raise StoreError(
                _(
                    "{path}: another program has held the session lock for {LOCK_TIMEOUT_S:.0f}s"
                ).format(path=self.path, LOCK_TIMEOUT_S=LOCK_TIMEOUT_S)
            ) from None
        except OSError as err:
            raise StoreWriteError(self.path, err) from err
        try:
            yield
        finally:
            self._lock.release()

    # -- reading -----------------------------------------------------------------------
    def _refresh(self) -> None:
        """Re-parse entries when the file changed since we last looked."""
        with self._parsed_lock:
            data, stamp = self._storage.read_versioned()
            if stamp == self._parsed_stamp and self._session is not None:
                return
            if data is None:
                raise CorruptDataError(self.path, "session file is missing")
            try:
                session, entries = _parse_session_file(self.path, data)
            except CorruptDataError:
                self._parsed_stamp = None
                raise
            # swapped in whole: a reader on another thread never sees a half-built table
            self._session, self._entries = session, entries
            self._cells.forget()
            self._parsed_stamp = stamp
            self._generation += 1

    def sync(self) -> int:
        """Take in what another process saved; returns :attr:`generation` (for pollers).

        Raises :class:`StoreError` when the file cannot be read.
        """
        self._refresh()
        return self._generation

    @property
    def generation(self) -> int:
        """Changes whenever what this store holds changes: another process's save taken in
        (by any read or write, not only :meth:`sync`) or a save of our own. A view that
        remembers the generation it drew knows whether it is out of date."""
        return self._generation

    @property
    def session(self) -> Session:
        self._refresh()
        assert self._session is not None
        return self._session

    @property
    def id(self) -> str:
        return self.session.id

    def get(self, entry_id: str) -> Entry:
        self._refresh()
        return self._entries[entry_id]

    def entries(
        self,
        *,
        topic_id: str | None = None,
        group: str | None = None,
        kind: EntryKind | Iterable[EntryKind] | None = None,
        include_deleted: bool = False,
    ) -> list[Entry]:
        """Entries filtered by topic, group and kind, in pane order (position, created)."""
        self._refresh()
        kinds: set[EntryKind] | None
        if kind is None:
            kinds = None
        elif isinstance(kind, EntryKind):
            kinds = {kind}
        else:
            kinds = set(kind)
        if topic_id is not None and not include_deleted:
            # one topic × group (what a switch or a capture draws), or a topic's groups (its
            # votes): from the index, not a pass over every entry of the session
            cells = self._cell_index()
            if group is not None:
                cell = cells.get((topic_id, group), [])
            else:
                cell = [e for (topic, _), of in cells.items() if topic == topic_id for e in of]
                cell.sort(key=pane_order)
            return [e for e in cell if kinds is None or e.kind in kinds]
        found = [
            e
            for e in self._entries.values()
            if (include_deleted or not e.deleted)
            and (topic_id is None or e.topic_id == topic_id)
            and (group is None or e.group == group)
            and (kinds is None or e.kind in kinds)
        ]
        found.sort(key=pane_order)
        return found

    def _cell_index(self) -> Cells:
        return self._cells.of(self._entries)  # read once: a writer thread may swap it

    def linked_from(self, entry_id: str) -> list[Entry]:
        """Live entries whose links point at ``entry_id`` (the other direction of a link)."""
        self._refresh()
        return [e for e in self._entries.values() if not e.deleted and entry_id in e.links]

    def summary(self) -> SessionSummary:
        self._refresh()
        return summarise(self.session, list(self._entries.values()))

    def get_state(self) -> dict[str, Any]:
        """The UI state saved with the session (current topic, group, timers, ...)."""
        data = self._storage.read() or {}
        docs = data.get(STATE_TABLE) or {}
        return dict(next(iter(docs.values()))) if docs else {}

    # -- writing -----------------------------------------------------------------------
    def _upsert_docs(
        self, table_name: str, docs: list[tuple[int, dict[str, Any]]]
    ) -> FileStamp | None:
        """Save ``docs`` into ``table_name`` in one durable write; returns the new stamp."""
        return self._upsert_tables({table_name: docs})

    def _upsert_tables(
        self, tables: dict[str, list[tuple[int, dict[str, Any]]]]
    ) -> FileStamp | None:
        """Save documents into one or more tables in one durable write; returns the stamp.

        One read-modify-write for any number of documents (Table.upsert writes once per doc),
        straight on the storage's data: Table._update_table would also turn every doc id of
        the table into an int and back, ~0.9 ms of a capture into 2,000 entries. The changed
        tables and the top level are copies: another thread may be parsing the cached ones.
        """
        read, before = self._storage.read_versioned()
        data = dict(read or {})
        for table_name, docs in tables.items():
            table = dict(data.get(table_name) or {})
            for doc_id, doc in docs:
                table[str(doc_id)] = doc
            data[table_name] = table
        stamp = self._storage.write_versioned(data)
        for table_name in tables:
            self._db.table(table_name).clear_cache()
        if set(tables) == {STATE_TABLE}:
            # the UI state is not parsed: what we hold is still what is on disk
            with self._parsed_lock:
                if self._parsed_stamp == before and before is not None:
                    self._parsed_stamp = stamp
        return stamp

    def _entry_doc_id(self, entry: Entry) -> int:
        data = self._storage.read() or {}
        raw = data.get(ENTRIES_TABLE) or {}
        doc_id = doc_id_for(entry.id)
        while (doc := raw.get(str(doc_id))) is not None and doc.get("id") != entry.id:
            doc_id += 1  # hash collision with another entry: probe on
        return doc_id

    def write_session(self, session: Session) -> None:
        """Replace the session record (never in a session file whose records are invalid)."""
        with self.locked():
            self._refresh()
            self._upsert_docs(SESSION_TABLE, [(1, session.to_dict())])
            with self._parsed_lock:
                self._parsed_stamp = None  # entries may be another session's: parse again

    def update_session(self, **changes: Any) -> Session:
        """Change session fields (title, facilitator, ended, ...) and save."""
        with self.locked():
            self._refresh()
            session = self.session
            before = dict(vars(session))
            try:
                for key, value in changes.items():
                    if not hasattr(session, key):
                        raise AttributeError(key)
                    setattr(session, key, value)
                session.updated = now_iso()
                self._upsert_docs(SESSION_TABLE, [(1, session.to_dict())])
            except BaseException:
                # Not saved: put the fields back, so the open store shows what is on disk.
                vars(session).update(before)
                raise
            with self._parsed_lock:
                self._parsed_stamp = None
            return session

    def save_entries(self, entries: list[Entry]) -> list[Entry]:
        """Insert or replace entries as given (timestamps untouched) in one durable write."""
        if not entries:
            return []
        with self.locked():
            self._refresh()
            docs = [(self._entry_doc_id(e), e.to_dict()) for e in entries]
            stamp = self._upsert_docs(ENTRIES_TABLE, docs)
            # Our own write: keep the parsed cache in step instead of re-parsing everything.
            # A new dict swapped in whole: the UI thread may be iterating the old one while
            # a writer thread saves.
            with self._parsed_lock:
                before = self._entries
                updated = dict(before)
                updated.update((entry.id, entry) for entry in entries)
                self._cells.saved(before, updated, entries)
                self._entries = updated
                self._parsed_stamp = stamp
                self._generation += 1
        return entries

    def save_merged(
        self,
        session: Session | None,
        entries: list[Entry],
        further: dict[str, dict[str, dict[str, Any]]] | None = None,
    ) -> None:
        """The session record (unless None), ``entries`` and the documents of ``further``
        tables (table → doc id → document: the themes) in one durable write: a bundle
        import changes a session all at once or not at all."""
        further = {name: docs for name, docs in (further or {}).items() if docs}
        if session is None and not entries and not further:
            return
        with self.locked():
            self._refresh()
            tables = {ENTRIES_TABLE: [(self._entry_doc_id(e), e.to_dict()) for e in entries]}
            if session is not None:
                tables[SESSION_TABLE] = [(1, session.to_dict())]
            for name, docs in further.items():
                tables[name] = [(int(doc_id), doc) for doc_id, doc in docs.items()]
            stamp = self._upsert_tables(tables)
            # our own write, from objects that came from a checked file and checked bundles:
            # hold them as what the file now says instead of parsing it all again
            with self._parsed_lock:
                merged = dict(self._entries)
                merged.update((entry.id, entry) for entry in entries)
                self.hold(session or self._session, merged, stamp)

    def storage_write(self, document: dict[str, Any]) -> FileStamp | None:
        """Write a whole new session file (``Store.add_session``, under :meth:`locked`)."""
        return self._storage.write_versioned(document)

    def hold(
        self, session: Session | None, entries: dict[str, Entry], stamp: FileStamp | None
    ) -> None:
        """Take ``session`` and ``entries`` as what file version ``stamp`` holds: they were
        just written from these very objects, so the next read need not parse the file."""
        with self._parsed_lock:
            if session is None or stamp is None:
                self._parsed_stamp = None  # parse what was written on the next read
            else:
                self._session, self._entries = session, entries
                self._cells.forget()
                self._parsed_stamp = stamp
            self._generation += 1

    def save_entry(self, entry: Entry) -> Entry:
        """Insert or replace one entry (``updated`` as given). Returns it once it is on disk."""
        return self.save_entries([entry])[0]

    def add_entry(
        self,
        kind: EntryKind,
        topic_id: str,
        group: str,
        text: str,
        *,
        author: str = "",
        links: list[str] | None = None,
        **fields: Any,
    ) -> Entry:
        """Capture a new entry at the end of its pane; durable when this returns."""
        with self.locked():
            pane = self.entries(topic_id=topic_id, group=group, kind=kind)
            position = (pane[-1].position + 1.0) if pane else 1.0
            entry = Entry(
                kind=kind,
                topic_id=topic_id,
                group=group,
                text=text,
                author=author,
                links=list(links or []),
                position=position,
                **fields,
            )
            return self.save_entry(entry)

    def modify_entry(self, entry_id: str, change: Callable[[Entry], Entry]) -> Entry:
        """Apply ``change`` to the current version of an entry under the lock and save it.

        Reading the latest version inside the lock means a concurrent change by another
        process is not overwritten with stale fields.
        """
        with self.locked():
            current = self.get(entry_id)
            updated = change(current)
            updated.updated = now_iso()
            return self.save_entry(updated)

    def update_entry(self, entry_id: str, **changes: Any) -> Entry:
        """Change fields of an entry (text, links, votes, position, action, ...)."""
        return self.modify_entry(entry_id, lambda e: e.touched(**changes))

    def delete_entry(self, entry_id: str) -> Entry:
        """Delete an entry, keeping a tombstone (so merges never resurrect it)."""
        return self.update_entry(entry_id, deleted=True)

    def restore_entry(self, entry_id: str) -> Entry:
        """Undo a delete."""
        return self.update_entry(entry_id, deleted=False)

    def set_state(self, **state: Any) -> dict[str, Any]:
        """Merge ``state`` into the saved UI state and save it (never over a session file
        whose records have become invalid: :class:`CorruptDataError`, the file untouched)."""
        with self.locked():
            self._refresh()
            merged = self.get_state()
            merged.update(state)
            self._upsert_docs(STATE_TABLE, [(1, merged)])
            return merged

    # -- further tables (themes) --------------------------------------------------------
    def read_table(self, name: str) -> tuple[dict[str, Any], FileStamp | None]:
        """The raw documents of a further table of the session file (doc id → document) and
        the file version they were read from; :mod:`workshop_tui.core.themes.book` parses them."""
        data, stamp = self._storage.read_versioned()
        table = (data or {}).get(name) or {}
        return (dict(table) if isinstance(table, dict) else {}), stamp

    def save_table_docs(self, name: str, docs: dict[str, dict[str, Any]]) -> None:
        """Insert or replace documents of a further table in one durable write (call under
        :meth:`locked`). Entries stay parsed; views see the change through :attr:`generation`."""
        if name in (SESSION_TABLE, ENTRIES_TABLE, STATE_TABLE):
            raise ValueError(_("{name} is not a further table").format(name=name))
        with self.locked():
            self._refresh()  # never written into a session file whose records are invalid
            before = self._storage.read_versioned()[1]
            stamp = self._upsert_docs(name, [(int(k), doc) for k, doc in docs.items()])
            with self._parsed_lock:
                if self._parsed_stamp == before and before is not None:
                    self._parsed_stamp = stamp  # the entries did not change
                self._generation += 1

    def close(self) -> None:
        self._db.close()
