"""The action register: every action of every session, one row per action followed across
follow-ups.

An action carried over at a follow-up becomes a new action in the follow-up session, linked
to its origin by ``carried_from``; the register joins those copies into one row: the row is
the *latest* copy (its ``id`` and ``session``: where the action stands now; opening the row
goes there) with the origin's session, topic and group, and a ``history`` of every session
the action went through and what each follow-up review made of it.

Overdue: an open (or in progress) action is overdue when

* its session has ended and a follow-up session of it exists, and the action was not done by
  then (its due date, if it has one, was on or before the follow-up's first day): "not done
  by the follow-up" — not "2,466 days ago";
* otherwise, when its due date is before ``today``.

Reading is raw and one file at a time (orjson, no model objects), so the whole history fits
in well under a second and little memory.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import orjson

from workshop_tui.core.model import ActionStatus
from workshop_tui.core.store import CorruptDataError, Store, StoreError
from workshop_tui.core.store.storage import atomic_write_bytes
from workshop_tui.core.textnorm import fold

OPEN_STATUSES = frozenset({ActionStatus.OPEN.value, ActionStatus.IN_PROGRESS.value})


class Step(NamedTuple):
    """One session an action went through, and its review at the next one (if any)."""

    session: str
    session_title: str
    started: str
    entry: str
    status: str  # the status it has in that session now
    review: dict[str, str]  # its latest review: {at, status, comment, session} or {}

    def to_dict(self) -> dict[str, Any]:
        return {
            "session": self.session,
            "session_title": self.session_title,
            "started": self.started,
            "id": self.entry,
            "status": self.status,
            "review": dict(self.review),
        }


class RegisterRow(NamedTuple):
    """One action of the register (see the module doc)."""

    id: str  # the latest copy's entry id
    session: str  # the latest copy's session id
    session_title: str
    started: str  # the latest copy's session start (ISO)
    ended: str
    agenda: str  # agenda name of the origin session
    origin_session: str
    origin_title: str
    origin_started: str
    topic_id: str
    topic_title: str
    group: str
    text: str
    owner: str
    unit: str
    level: str
    due: str
    priority: str
    status: str
    overdue: bool = False
    overdue_by: str = ""  # why: "due" (due date passed) or "follow-up" (not done by then)
    follow_up: str = ""  # id of the follow-up session of the latest copy's session
    follow_up_title: str = ""
    follow_up_started: str = ""
    history: tuple[Step, ...] = ()

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "session": self.session,
            "session_title": self.session_title,
            "started": self.started,
            "ended": self.ended,
            "agenda": self.agenda,
            "origin_session": self.origin_session,
            "origin_title": self.origin_title,
            "origin_started": self.origin_started,
            "topic_id": self.topic_id,
            "topic_title": self.topic_title,
            "group": self.group,
            "text": self.text,
            "owner": self.owner,
            "unit": self.unit,
            "level": self.level,
            "due": self.due,
            "priority": self.priority,
            "status": self.status,
            "overdue": self.overdue,
            "overdue_by": self.overdue_by,
            "follow_up": self.follow_up,
            "follow_up_title": self.follow_up_title,
            "follow_up_started": self.follow_up_started,
            "history": [s.to_dict() for s in self.history],
        }


# -- reading, with a cache ------------------------------------------------------------------
# A session as the register needs it: [title, started, ended, follow_up_of, agenda, topics]
# and its actions: [id, topic_id, group, text, owner, unit, level, due, priority, status,
# carried_from_session, carried_from_entry, last_review]. Kept in register-cache.json next to
# the catalog, keyed by each session file's stamp, so a new process re-reads only the files
# that changed (a cache: damaged or foreign content is ignored and rebuilt).
CACHE_NAME = "register-cache.json"
CACHE_VERSION = 1
_ACTION_FIELDS = 13


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _review(fields: dict[str, Any]) -> dict[str, str]:
    reviews = fields.get("reviews")
    if isinstance(reviews, list) and reviews and isinstance(reviews[-1], dict):
        return {str(k): _text(v) for k, v in reviews[-1].items()}
    return {}


def _read(store: Store, session_id: str) -> tuple[list[Any], list[list[Any]]]:
    raw = store.session_file(session_id).parse()
    record = raw.session
    found = record.get("agenda")
    agenda: dict[str, Any] = found if isinstance(found, dict) else {}
    topics = {
        str(t.get("id")): _text(t.get("title"))
        for t in (agenda.get("topics") or [])
        if isinstance(t, dict)
    }
    session = [
        _text(record.get("title")),
        _text(record.get("started")),
        _text(record.get("ended")),
        _text(record.get("follow_up_of")),
        _text(agenda.get("name")) or _text(record.get("agenda_source")),
        topics,
    ]
    actions = []
    for d in raw.entries:
        fields = d.get("action")
        if d.get("kind") != "action" or d.get("deleted") or not isinstance(fields, dict):
            continue
        origin = fields.get("carried_from")
        origin = origin if isinstance(origin, dict) else {}
        actions.append(
            [
                _text(d.get("id")),
                _text(d.get("topic_id")),
                _text(d.get("group")),
                _text(d.get("text")),
                _text(fields.get("owner")),
                _text(fields.get("unit")),
                _text(fields.get("level")),
                _text(fields.get("due")),
                _text(fields.get("priority")),
                _text(fields.get("status")) or ActionStatus.OPEN.value,
                _text(origin.get("session")),
                _text(origin.get("entry")),
                _review(fields),
            ]
        )
    return session, [a for a in actions if a[0]]


def _valid_entry(entry: Any) -> bool:
    """Is a cache entry of the shape we write? (a cheap check of the outline: a wrong type
    deeper down makes :func:`build_register` drop the cache and read the files)"""
    return (
        type(entry) is list
        and len(entry) == 3
        and type(entry[1]) is list
        and len(entry[1]) == 6
        and type(entry[2]) is list
        and all(type(a) is list and len(a) == _ACTION_FIELDS for a in entry[2])
    )


def _load_cache(path: Path) -> dict[str, Any]:
    try:
        data = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return {}
    if not isinstance(data, dict) or data.get("v") != CACHE_VERSION:
        return {}
    sessions = data.get("sessions")
    return sessions if isinstance(sessions, dict) else {}


def _read_all(
    store: Store, problems: list[str], use_cache: bool = True
) -> dict[str, tuple[list[Any], list[list[Any]]]]:
    path = store.data_dir / CACHE_NAME
    cache = _load_cache(path) if use_cache else {}
    out: dict[str, tuple[list[Any], list[list[Any]]]] = {}
    fresh: dict[str, Any] = {}
    changed = False
    for session_id in store.session_ids():
        stamp = store.session_stamp(session_id)
        if stamp is None:
            continue
        entry = cache.get(session_id)
        if entry is not None and _valid_entry(entry) and entry[0] == list(stamp):
            out[session_id] = (entry[1], entry[2])
            fresh[session_id] = entry
            continue
        try:
            session, actions = _read(store, session_id)
        except CorruptDataError as err:
            problems.append(str(err))
            continue
        out[session_id] = (session, actions)
        fresh[session_id] = [list(stamp), session, actions]
        changed = True
    if changed or set(fresh) != set(cache):
        try:
            atomic_write_bytes(path, orjson.dumps({"v": CACHE_VERSION, "sessions": fresh}))
        except (StoreError, OSError):
            pass  # only a cache: a read-only data folder still gets its register
    return out


@dataclass
class Register:
    """Every action of a data folder (see the module doc), plus unreadable files."""

    rows: list[RegisterRow] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def build_register(store: Store, today: dt.date | None = None) -> Register:
    """Read every session of ``store`` and join carried-over copies (see the module doc)."""
    today_iso = (today or dt.date.today()).isoformat()
    register = Register()
    try:
        _build(register, _read_all(store, register.problems), today_iso)
    except (TypeError, AttributeError, KeyError, IndexError, ValueError):
        # a damaged cache (the outline check passed, a value had a wrong type): read the files
        register = Register()
        _build(register, _read_all(store, register.problems, use_cache=False), today_iso)
    return register


def _build(
    register: Register, sessions: dict[str, tuple[list[Any], list[list[Any]]]], today_iso: str
) -> None:
    newest_first = sorted(sessions, key=lambda sid: sessions[sid][0][1], reverse=True)
    # the earliest follow-up of each session (newest first: the earliest is written last)
    follow_ups: dict[str, str] = {}
    for sid in newest_first:
        if sessions[sid][0][3]:
            follow_ups[sessions[sid][0][3]] = sid
    actions: dict[tuple[str, str], list[Any]] = {}
    where: dict[int, str] = {}
    for sid, (_record, found) in sessions.items():
        for a in found:
            actions[(sid, a[0])] = a
            where[id(a)] = sid
    children: dict[tuple[str, str], list[list[Any]]] = {}
    roots: dict[str, list[list[Any]]] = {}  # by origin session
    for a in actions.values():
        parent = (a[10], a[11])
        if a[10] and parent in actions:
            children.setdefault(parent, []).append(a)
        else:
            roots.setdefault(where[id(a)], []).append(a)
    for kids in children.values():
        if len(kids) > 1:  # two copies of one action (merged bundles): the first continues
            kids.sort(key=lambda a: sessions[where[id(a)]][0][1])
            for extra in kids[1:]:
                roots.setdefault(where[id(extra)], []).append(extra)
            del kids[1:]
    rows = register.rows
    # newest origin first; within a session by topic, group and id
    for origin_id in newest_first:
        for root in sorted(roots.get(origin_id, ()), key=lambda a: (a[1], a[2], a[0])):
            chain = [root]
            key = (origin_id, root[0])
            seen = {key}
            while (more := children.get(key)) is not None:
                key = (where[id(more[0])], more[0][0])
                if key in seen:
                    break
                seen.add(key)
                chain.append(more[0])
            ids = [where[id(a)] for a in chain]
            rows.append(_row(chain, ids, sessions, follow_ups, today_iso))


def _row(
    chain: list[list[Any]],
    session_ids: list[str],
    sessions: dict[str, tuple[list[Any], list[list[Any]]]],
    follow_ups: dict[str, str],
    today: str,
) -> RegisterRow:
    origin, latest = chain[0], chain[-1]
    first, last = sessions[session_ids[0]][0], sessions[session_ids[-1]][0]
    status, due = latest[9], latest[7]
    follow_id = follow_ups.get(session_ids[-1], "")
    follow = sessions[follow_id][0] if follow_id else None
    overdue_by = ""
    if status in OPEN_STATUSES:
        if last[2] and follow is not None and (not due or due <= follow[1][:10]):
            overdue_by = "follow-up"
        elif due and due < today:
            overdue_by = "due"
    if len(chain) == 1:
        history: tuple[Step, ...] = (
            Step(session_ids[0], first[0], first[1], origin[0], origin[9], origin[12]),
        )
    else:
        history = tuple(
            Step(sid, sessions[sid][0][0], sessions[sid][0][1], a[0], a[9], a[12])
            for sid, a in zip(session_ids, chain, strict=True)
        )
    return RegisterRow(
        latest[0],
        session_ids[-1],
        last[0],
        last[1],
        last[2],
        first[4],
        session_ids[0],
        first[0],
        first[1],
        origin[1],
        first[5].get(origin[1], origin[1]),
        origin[2],
        latest[3],
        latest[4],
        latest[5],
        latest[6],
        due,
        latest[8],
        status,
        bool(overdue_by),
        overdue_by,
        follow_id,
        follow[0] if follow else "",
        follow[1] if follow else "",
        history,
    )


@dataclass(frozen=True)
class RegisterFilter:
    """What the register is narrowed by; values of one filter are alternatives."""

    statuses: tuple[str, ...] = ()
    owners: tuple[str, ...] = ()  # folded substrings of the owner
    units: tuple[str, ...] = ()
    agendas: tuple[str, ...] = ()
    since: str = ""  # ISO day: rows with a session on or after it
    overdue: bool = False
    text: str = ""  # words in the action, owner, unit, topic, group or session title

    def matches(self, row: RegisterRow) -> bool:
        if self.statuses and row.status not in self.statuses:
            return False
        if self.overdue and not row.overdue:
            return False
        if self.agendas and row.agenda not in self.agendas:
            return False
        if self.since and max(s.started[:10] for s in row.history) < self.since:
            return False
        if self.owners and not _any_in(self.owners, row.owner):
            return False
        if self.units and not _any_in(self.units, row.unit):
            return False
        if self.text:
            hay = fold(
                " ".join(
                    (row.text, row.owner, row.unit, row.topic_title, row.group, row.session_title)
                )
            )
            return all(word in hay for word in fold(self.text).split())
        return True


def _any_in(wanted: Iterable[str], value: str) -> bool:
    folded = fold(value)
    return any((fold(w) in folded) if w else not value for w in wanted)


def select(rows: Iterable[RegisterRow], flt: RegisterFilter) -> list[RegisterRow]:
    """The rows passing ``flt``, in order."""
    return [row for row in rows if flt.matches(row)]


__all__ = [
    "OPEN_STATUSES",
    "Register",
    "RegisterFilter",
    "RegisterRow",
    "Step",
    "build_register",
    "select",
]
