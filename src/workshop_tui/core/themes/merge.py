"""Merging themes between bundles: the same laws as entries (docs/merge.md).

* A theme's own fields (title, kind, topic, deletion) come from the version with the greatest
  ``(updated, canonical JSON of those fields)`` — a deletion is a version and wins when newer.
* Membership is joined per entry: the latest join or removal (``member_stamps``) wins, so
  Group A's scribe adding an entry and the facilitator renaming the theme on another laptop
  both survive; members end in the order they joined.
* Plenary dots are joined per group: the latest change of that group's count wins.

Each part keeps the maximum of a total order, so the join is idempotent, commutative and
associative.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import orjson

from workshop_tui.core.join import join_maps
from workshop_tui.core.model import stamp_key
from workshop_tui.core.themes.model import Theme

_PER_KEY = ("members", "member_stamps", "votes", "vote_stamps")


def _own_key(theme: Theme) -> tuple[Any, bytes]:
    data = theme.to_dict()
    for name in _PER_KEY:
        data.pop(name)
    return (stamp_key(theme.updated), orjson.dumps(data, option=orjson.OPT_SORT_KEYS))


def join_theme(a: Theme, b: Theme) -> Theme:
    """Join two versions of one theme (same id). Pure."""
    winner = a if _own_key(a) >= _own_key(b) else b
    member_stamps: dict[str, str] = {}
    joined: list[tuple[Any, str]] = []
    for member in sorted(a.member_stamps.keys() | b.member_stamps.keys()):
        best = max(
            (stamp_key(t.member_stamps[member]), member in t.members)
            for t in (a, b)
            if member in t.member_stamps
        )
        member_stamps[member] = best[0][1]
        if best[1]:
            joined.append((best[0], member))
    members = [member for _, member in sorted(joined)]
    vote_stamps: dict[str, str] = {}
    votes: dict[str, int] = {}
    for voter in sorted(a.vote_stamps.keys() | b.vote_stamps.keys()):
        stamp, count = max(
            (stamp_key(t.vote_stamps[voter]), t.votes.get(voter, 0))
            for t in (a, b)
            if voter in t.vote_stamps
        )
        vote_stamps[voter] = stamp[1]
        if count > 0:
            votes[voter] = count
    return replace(
        winner,
        members=members,
        member_stamps=member_stamps,
        votes=votes,
        vote_stamps=vote_stamps,
    )


def merge_themes(a: Mapping[str, Theme], b: Mapping[str, Theme]) -> dict[str, Theme]:
    """Join two theme sets (id → theme, deleted ones included). Pure."""
    return join_maps(a, b, join_theme)
