"""Full-text search across every session in the data directory.

Matching is case- and accent-insensitive (:func:`workshop_tui.core.textnorm.fold`): every
query word must occur (as a substring, so "record" finds "recordation") in the entry's text,
author or action fields (owner, unit, indicator, ...). Hits come newest session first, then
in agenda order: topic, group, kind, position.

Speed (1,000 sessions × 200 entries in well under a second, cold):

* sessions are searched newest first — the start time is read off the file's first bytes —
  and the search stops once ``limit`` hits are found;
* a session file whose folded text lacks a query word is skipped without parsing it (the
  whole file folds at C speed, :func:`~workshop_tui.core.textnorm.fold_utf8`; while
  most files fail that check; for common words it is dropped);
* files are parsed raw (orjson, no model objects) and folded a session at a time;
* the folded text of each parsed session is kept in an index per :class:`Store`, keyed by
  file stamp, so later searches read only files that changed.
"""

from __future__ import annotations

import gc
import re
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from workshop_tui.core.model import EntryKind
from workshop_tui.core.search_query import SearchFilter
from workshop_tui.core.store import CorruptDataError, RawSession, SessionFile, Store
from workshop_tui.core.store.scan import FileStamp
from workshop_tui.core.textnorm import fold, fold_utf8, words

DEFAULT_LIMIT = 200
_KIND_ORDER = {kind.value: rank for rank, kind in enumerate(EntryKind)}
_ACTION_TEXT_FIELDS = ("owner", "unit", "indicator", "verification", "resources", "notes")
_PRECHECK_SAMPLE = 16  # files pre-checked before deciding whether pre-checking pays
_SEP = "\x00"  # joins the texts of a session so they fold in one call; never in a query word


@dataclass(frozen=True)
class SearchHit:
    """One matching entry and where it lives."""

    session_id: str
    session_title: str
    topic_id: str
    topic_title: str
    group: str
    kind: str
    entry_id: str
    text: str
    started: str = ""  # the session's start (ISO), for display and ordering

    def to_dict(self) -> dict[str, str]:
        return {
            "session_id": self.session_id,
            "session_title": self.session_title,
            "started": self.started,
            "topic_id": self.topic_id,
            "topic_title": self.topic_title,
            "group": self.group,
            "kind": self.kind,
            "entry_id": self.entry_id,
            "text": self.text,
        }


# A live entry in the index: (id, topic_id, group, kind, text, position, created, action
# status ("" for other kinds), folded owner).
_Row = tuple[str, str, str, str, str, float, str, str, str]


@dataclass
class _IndexedSession:
    stamp: FileStamp
    session_id: str
    title: str
    started: str
    ended: str
    agenda: str
    topic_rank: dict[str, int]
    topic_title: dict[str, str]
    group_rank: dict[str, int]
    hays: list[str]  # folded searchable text, one per row
    rows: list[_Row]

    def matches(self, terms: list[str], flt: SearchFilter | None = None) -> list[SearchHit]:
        picked = self._picked(terms, flt)
        picked.sort(key=self._order)
        return [self._hit(row) for row in picked]

    def count(self, terms: list[str], flt: SearchFilter | None = None) -> int:
        return len(self._picked(terms, flt))

    def _picked(self, terms: list[str], flt: SearchFilter | None) -> list[_Row]:
        if not terms:
            picked = list(self.rows)
        elif len(terms) == 1:
            term = terms[0]
            picked = [row for row, hay in zip(self.rows, self.hays, strict=True) if term in hay]
        else:
            picked = [
                row
                for row, hay in zip(self.rows, self.hays, strict=True)
                if all(t in hay for t in terms)
            ]
        if flt is not None and not flt.is_empty:
            picked = [row for row in picked if self._passes(row, flt)]
        return picked

    def _passes(self, row: _Row, flt: SearchFilter) -> bool:
        if flt.kinds and row[3] not in flt.kinds:
            return False
        if flt.statuses and row[7] not in flt.statuses:
            return False
        if flt.owners and not any((o in row[8]) if o else not row[8] for o in flt.owners):
            return False
        if flt.groups and not any(g in fold(row[2]) for g in flt.groups):
            return False
        if flt.topics:
            title = fold(f"{row[1]}\n{self.topic_title.get(row[1], '')}")
            if not any(t in title for t in flt.topics):
                return False
        return True

    def _order(self, row: _Row) -> tuple[int, int, int, float, str]:
        return (
            self.topic_rank.get(row[1], len(self.topic_rank)),
            self.group_rank.get(row[2], len(self.group_rank)),
            _KIND_ORDER.get(row[3], len(_KIND_ORDER)),
            row[5],
            row[6],
        )

    def _hit(self, row: _Row) -> SearchHit:
        return SearchHit(
            session_id=self.session_id,
            session_title=self.title,
            topic_id=row[1],
            topic_title=self.topic_title.get(row[1], row[1]),
            group=row[2],
            kind=row[3],
            entry_id=row[0],
            text=row[4],
            started=self.started,
        )


def _searchable(doc: dict[str, Any]) -> str:
    """The text an entry is found by: its text and, for an action, its action fields."""
    text = doc.get("text") or ""
    action = doc.get("action")
    if not action:
        return str(text)
    parts = [
        text,
        *(action.get(name) or "" for name in _ACTION_TEXT_FIELDS),
        *(action.get("partners") or ()),
    ]
    return "\n".join(str(p) for p in parts if p)


def _index_session(raw: RawSession) -> _IndexedSession:
    session = raw.session
    agenda = session.get("agenda")
    if not isinstance(agenda, dict):
        agenda = {}
    topics = [t for t in agenda.get("topics") or [] if isinstance(t, dict)]
    live = [d for d in raw.entries if not d.get("deleted") and "id" in d]
    try:
        # Hot loop over every entry of the history: no per-field conversions here.
        rows: list[_Row] = [
            (
                d["id"],
                d["topic_id"],
                d["group"],
                d["kind"],
                d.get("text") or "",
                d.get("position") or 0.0,
                d["created"],
                str((d.get("action") or {}).get("status") or "") if d["kind"] == "action" else "",
                fold(str((d.get("action") or {}).get("owner") or "")),
            )
            for d in live
        ]
        texts = [_searchable(d) for d in live]
    except (KeyError, TypeError, AttributeError) as err:
        raise CorruptDataError(
            raw.path, f"has an invalid entry ({type(err).__name__}: {err})"
        ) from None
    folded = fold(_SEP.join(texts))  # one call per session: far cheaper than one per entry
    hays = folded.split(_SEP) if texts else []
    if len(hays) != len(rows):  # folding never creates or removes _SEP; be safe anyway
        hays = [fold(t) for t in texts]
    return _IndexedSession(
        stamp=raw.stamp,
        session_id=raw.id,
        title=str(session.get("title") or ""),
        started=str(session.get("started") or ""),
        ended=str(session.get("ended") or ""),
        agenda=str(agenda.get("name") or session.get("agenda_source") or ""),
        topic_rank={str(t.get("id")): i for i, t in enumerate(topics)},
        topic_title={str(t.get("id")): str(t.get("title") or "") for t in topics},
        group_rank={
            str(g.get("name")): i
            for i, g in enumerate(agenda.get("groups") or [])
            if isinstance(g, dict)
        },
        hays=hays,
        rows=rows,
    )


# The session record comes first in the files the store writes and has no nested "started"
# before its own; JSON strings cannot contain an unescaped quote, so entry text never matches.
_STARTED = re.compile(
    rb'"session"\s*:\s*\{\s*"[^"]*"\s*:\s*\{.*?"started"\s*:\s*"(\d{4}-\d\d-\d\dT[0-9:.+\-Z]*)"',
    re.DOTALL,
)


def _peek_started(data: bytes) -> str | None:
    """The session's start time read off the raw bytes (None: parse the file instead)."""
    match = _STARTED.search(data)
    return match.group(1).decode("ascii") if match else None


def _may_match(file: SessionFile, terms: list[str]) -> bool:
    """Cheap pre-check on the file's bytes: False only when no entry can match."""
    data = file.data
    if b"\\u" in data:
        return True  # JSON \\uXXXX escapes hide characters from a byte-level check
    folded = fold_utf8(data)  # C-speed string operations, well under 1 ms per MB
    if folded is None:
        return True  # not UTF-8: parsing reports it
    return all(t in folded for t in terms)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic GC while indexing: the index is hundreds of thousands of acyclic
    tuples and strings, and repeated full collections over them would double the time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _IndexData:
    """What a search index keeps between searches. It does not reference the store: the
    cache in :func:`index_for` maps each store weakly to its data, so a store that is no
    longer used is freed together with its index."""

    def __init__(self) -> None:
        self.sessions: dict[str, _IndexedSession] = {}
        self.started: dict[str, tuple[FileStamp, str]] = {}  # peeked start times, by stamp
        self.lock = threading.Lock()


class SearchIndex:
    """Folded entry text of the sessions of one store, refreshed by file stamp.

    Thread-safe: the search screen runs searches in a worker thread. The handles that
    :func:`index_for` returns for one store share their indexed data.
    """

    def __init__(self, store: Store, data: _IndexData | None = None) -> None:
        self._store = store
        self._data = data if data is not None else _IndexData()
        self._sessions = self._data.sessions
        self._started = self._data.started
        self._lock = self._data.lock
        self.problems: list[str] = []  # unreadable session files seen by the last search

    def search(
        self, text: str, limit: int | None = DEFAULT_LIMIT, flt: SearchFilter | None = None
    ) -> list[SearchHit]:
        """Entries matching every word of ``text`` and passing ``flt`` (see the module doc);
        [] for no words and no filter."""
        terms = sorted(set(words(text)), key=len, reverse=True)  # rarest (longest) first
        if not terms and (flt is None or flt.is_empty):
            return []
        with self._lock, _gc_paused():
            found = self._search(terms, limit, flt or SearchFilter(), count_only=False)
        assert isinstance(found, list)
        return found

    def count(self, text: str, flt: SearchFilter | None = None) -> int:
        """How many entries :meth:`search` would find with no limit (no hits are built)."""
        terms = sorted(set(words(text)), key=len, reverse=True)
        if not terms and (flt is None or flt.is_empty):
            return 0
        with self._lock, _gc_paused():
            found = self._search(terms, None, flt or SearchFilter(), count_only=True)
        assert isinstance(found, int)
        return found

    def _search(
        self, terms: list[str], limit: int | None, flt: SearchFilter, count_only: bool
    ) -> list[SearchHit] | int:
        problems: list[str] = []
        order: list[tuple[str, str]] = []  # (started, session id)
        current: dict[str, _IndexedSession] = {}
        # Pass 1: when each session started, from the index or a peek at the file, so the
        # newest sessions are searched first and a full page of hits stops the search.
        for session_id in self._store.session_ids():
            stamp = self._store.session_stamp(session_id)
            if stamp is None:
                continue
            cached = self._sessions.get(session_id)
            if cached is not None and cached.stamp == stamp:
                current[session_id] = cached
                order.append((cached.started, session_id))
                continue
            peeked = self._started.get(session_id)
            if peeked is not None and peeked[0] == stamp:
                order.append((peeked[1], session_id))
                continue
            try:
                file = self._store.session_file(session_id)
                started = _peek_started(file.data)
                if started is None:  # a layout we did not write: parse it now
                    parsed = _index_session(file.parse())
                    current[session_id] = self._sessions[session_id] = parsed
                    started = parsed.started
            except CorruptDataError as err:
                problems.append(str(err))
                continue
            self._started[session_id] = (file.stamp, started)
            order.append((started, session_id))
        order.sort(reverse=True)
        live = {session_id for _, session_id in order}
        if flt.by_session:
            order = [(started, i) for started, i in order if _may_pass(i, started, flt)]
        # Pass 2: newest first, indexing files on the way.
        found: list[SearchHit] = []
        counted = 0
        checked = passed = 0
        for _, session_id in order:
            session = current.get(session_id)
            if session is None:
                try:
                    file = self._store.session_file(session_id)
                    # The byte pre-check pays off for rare words only: once most files pass
                    # it, indexing every file directly is cheaper.
                    if terms and (checked < _PRECHECK_SAMPLE or passed * 2 <= checked):
                        checked += 1
                        if not _may_match(file, terms):
                            continue  # not indexed: a search with other words reads it
                        passed += 1
                    session = self._sessions[session_id] = _index_session(file.parse())
                except CorruptDataError as err:
                    problems.append(str(err))
                    continue
            if flt.by_session and not _session_passes(session, flt):
                continue
            if count_only:
                counted += session.count(terms, flt)
                continue
            found.extend(session.matches(terms, flt))
            if limit is not None and len(found) >= limit:
                break
        for gone in [i for i in self._sessions if i not in live]:
            del self._sessions[gone]
        self.problems = problems
        if count_only:
            return counted
        return found[:limit] if limit is not None else found


_indexes: weakref.WeakKeyDictionary[Store, _IndexData] = weakref.WeakKeyDictionary()
_indexes_lock = threading.Lock()


def index_for(store: Store) -> SearchIndex:
    """The search index of ``store``: what earlier searches indexed is kept while the store
    lives."""
    with _indexes_lock:
        data = _indexes.get(store)
        if data is None:
            data = _indexes[store] = _IndexData()
    return SearchIndex(store, data)


def search(
    store: Store, text: str, limit: int | None = DEFAULT_LIMIT, flt: SearchFilter | None = None
) -> list[SearchHit]:
    """Search every session of ``store``; see the module doc for the matching rules."""
    return index_for(store).search(text, limit=limit, flt=flt)


def _may_pass(session_id: str, started: str, flt: SearchFilter) -> bool:
    """Can a session pass ``flt``, judged by its id and start only (before reading it)?"""
    if flt.sessions and not any(session_id.startswith(p) for p in flt.sessions):
        return False
    day = started[:10]
    return not any(r.end is not None and day > r.end.isoformat() for r in flt.ranges)


def _session_passes(session: _IndexedSession, flt: SearchFilter) -> bool:
    if flt.agendas and session.agenda not in flt.agendas:
        return False
    first = session.started[:10]
    last = session.ended[:10] or first
    return all(r.overlaps(first, last) for r in flt.ranges)


__all__ = [
    "DEFAULT_LIMIT",
    "SearchFilter",
    "SearchHit",
    "SearchIndex",
    "index_for",
    "search",
]
