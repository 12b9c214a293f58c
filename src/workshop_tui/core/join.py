"""The join of two versions of a session's records (see :mod:`workshop_tui.core.merge` for
the rules): pure functions of entries and session records, with no store and no files.

An entry's own fields come from the version with the greatest ``(updated, canonical JSON)``;
votes are joined per voter and links per target by their change stamps; the session record
by ``(updated, canonical JSON)``. Each part keeps the maximum of a total order, so the join
is idempotent, commutative and associative.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any, TypeVar

import orjson

from workshop_tui.core.i18n import _
from workshop_tui.core.model import Entry, Session, stamp_key

V = TypeVar("V")

__all__ = [
    "join_maps",
    "PER_KEY_FIELDS",
    "canonical",
    "join_entry",
    "merge_entries",
    "merge_session",
    "newer_entry",
    "version_key",
]


def _instant(stamp: str) -> dt.datetime:
    value = dt.datetime.fromisoformat(stamp)
    if value.tzinfo is None:
        raise ValueError(_("timestamp {stamp!r} has no time zone").format(stamp=stamp))
    return value


def canonical(data: dict[str, Any]) -> bytes:
    return orjson.dumps(data, option=orjson.OPT_SORT_KEYS)


def version_key(updated: str, data: dict[str, Any]) -> tuple[dt.datetime, bytes]:
    # Equal keys mean equal records, so "the greater key" is a total order on versions.
    return (_instant(updated), canonical(data))


#: the entry fields joined per voter / per target instead of taken from the winning version
PER_KEY_FIELDS = ("votes", "vote_stamps", "links", "link_stamps", "stamps_base")


def _entry_key(entry: Entry) -> tuple[dt.datetime, bytes]:
    data = entry.to_dict()
    for name in PER_KEY_FIELDS:
        data.pop(name, None)
    return version_key(entry.updated, data)


def newer_entry(a: Entry, b: Entry) -> Entry:
    """The version whose own fields (text, position, deletion, action fields, ...) win: later
    ``updated``; ties broken by canonical JSON. Votes and links are not compared."""
    return a if _entry_key(a) >= _entry_key(b) else b


def _vote(entry: Entry, voter: str) -> tuple[dt.datetime, str, int]:
    stamp = entry.vote_stamps.get(voter, entry.stamps_base)
    instant, text = stamp_key(stamp)
    return (instant, text, entry.votes.get(voter, 0))


def _link(entry: Entry, target: str) -> tuple[dt.datetime, str, bool]:
    stamp = entry.link_stamps.get(target, entry.stamps_base)
    instant, text = stamp_key(stamp)
    return (instant, text, target in entry.links)


def join_entry(a: Entry, b: Entry) -> Entry:
    """Join two versions of one entry: the own fields of :func:`newer_entry`; per voter the
    latest change of its count, per target the latest link or unlink (ties: more votes, a
    link). Links end in the order they were made. Pure; returns the winning version itself
    when its votes and links are the join already."""
    winner = newer_entry(a, b)
    votes: dict[str, int] = {}
    vote_stamps: dict[str, str] = {}
    for voter in sorted(a.vote_stamps.keys() | b.vote_stamps.keys()):
        _instant, stamp, count = max(_vote(a, voter), _vote(b, voter))
        vote_stamps[voter] = stamp
        if count > 0:
            votes[voter] = count
    link_stamps: dict[str, str] = {}
    made: list[tuple[tuple[dt.datetime, str], str]] = []
    for target in sorted(a.link_stamps.keys() | b.link_stamps.keys()):
        instant, stamp, present = max(_link(a, target), _link(b, target))
        link_stamps[target] = stamp
        if present:
            made.append(((instant, stamp), target))
    links = [target for _when, target in sorted(made)]
    base = max(a.stamps_base, b.stamps_base, key=stamp_key)
    joined = (votes, vote_stamps, links, link_stamps, base)
    w = winner
    if joined == (w.votes, w.vote_stamps, w.links, w.link_stamps, w.stamps_base):
        return winner
    return replace(
        winner,
        votes=votes,
        vote_stamps=vote_stamps,
        links=links,
        link_stamps=link_stamps,
        stamps_base=base,
    )


def join_maps(a: Mapping[str, V], b: Mapping[str, V], join: Callable[[V, V], V]) -> dict[str, V]:
    """Join two sets of records by id: a record in one only is kept, one in both is
    ``join(ours, theirs)``. Pure; inputs are not changed (entries, themes)."""
    merged = dict(a)
    for key, theirs in b.items():
        ours = merged.get(key)
        merged[key] = theirs if ours is None else join(ours, theirs)
    return merged


def merge_entries(a: Mapping[str, Entry], b: Mapping[str, Entry]) -> dict[str, Entry]:
    """Join two entry sets (id → entry, tombstones included). Pure; inputs are not changed."""
    return join_maps(a, b, join_entry)


def merge_session(a: Session, b: Session) -> Session:
    """Join two versions of one session record (same id): later ``updated`` wins."""
    if a.id != b.id:
        raise ValueError(
            _("cannot merge different sessions {id} and {id2}").format(id=a.id, id2=b.id)
        )
    key_a = version_key(a.updated, a.to_dict())
    key_b = version_key(b.updated, b.to_dict())
    return a if key_a >= key_b else b
