"""Property tests: themes merge with the entries' laws — idempotent, commutative,
associative; a deletion is never undone by an older bundle; every membership and every
group's plenary dots end at their latest change made anywhere.

Replicas (scribes' laptops and the facilitator's) rename, dissolve, restore, add and remove
entries and vote on two themes, now and then import each other's themes; a global clock hands
out strictly increasing times. Everything goes through the JSON form of a bundle.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from workshop_tui.core.model import EntryKind
from workshop_tui.core.themes.merge import join_theme, merge_themes
from workshop_tui.core.themes.model import Theme

THEME_IDS = ["t0", "t1"]
ENTRY_IDS = ["e0", "e1", "e2"]
GROUPS = ["Group A", "Group B"]
REPLICAS = 3
Themes = dict[str, Theme]


def stamp(tick: int) -> str:
    seconds, micros = divmod(tick, 1_000_000)
    return f"2026-11-30T10:{seconds // 60:02d}:{seconds % 60:02d}.{micros:06d}+00:00"


replica = st.integers(0, REPLICAS - 1)
op = st.one_of(
    st.tuples(st.just("rename"), replica, st.sampled_from(THEME_IDS), st.text(max_size=5)),
    st.tuples(st.just("dissolve"), replica, st.sampled_from(THEME_IDS), st.just("")),
    st.tuples(st.just("restore"), replica, st.sampled_from(THEME_IDS), st.just("")),
    st.tuples(st.just("add"), replica, st.sampled_from(THEME_IDS), st.sampled_from(ENTRY_IDS)),
    st.tuples(st.just("remove"), replica, st.sampled_from(THEME_IDS), st.sampled_from(ENTRY_IDS)),
    st.tuples(st.just("vote"), replica, st.sampled_from(THEME_IDS), st.sampled_from(GROUPS)),
    st.tuples(st.just("unvote"), replica, st.sampled_from(THEME_IDS), st.sampled_from(GROUPS)),
    st.tuples(st.just("import"), replica, replica, st.just("")),
    st.tuples(st.just("snapshot"), replica, st.just(""), st.just("")),
)
histories = st.lists(op, max_size=40)


@dataclass
class History:
    replicas: list[Themes]
    snapshots: list[Themes]
    members: dict[tuple[str, str], bool]  # (theme, entry) -> in it after the latest change
    votes: dict[tuple[str, str], int]  # (theme, group) -> dots after the latest change
    deleted: dict[str, bool]  # theme -> deleted in the latest version of its own fields


def through_bundle(themes: Themes) -> Themes:
    """Themes as a bundle carries them (JSON text) and reads them back."""
    text = json.dumps([t.to_dict() for t in themes.values()])
    return {d["id"]: Theme.from_dict(d) for d in json.loads(text)}


def run(ops: list[tuple[str, Any, Any, str]]) -> History:
    tick = 0
    base = {
        tid: Theme(kind=EntryKind.CHALLENGE, title=tid, id=tid, created=stamp(0))
        for tid in THEME_IDS
    }
    replicas: list[Themes] = [dict(base) for _ in range(REPLICAS)]
    history = History(replicas, [], {}, {}, {})
    for name, who, what, arg in ops:
        tick += 1
        at = stamp(tick)
        mine = replicas[who]
        if name == "import":
            replicas[who] = merge_themes(mine, through_bundle(replicas[what]))
            continue
        if name == "snapshot":
            history.snapshots.append(through_bundle(mine))
            continue
        theme = mine[what]
        if name == "rename":  # the latest version of the own fields wins, deletion included
            mine[what] = theme.touched(at=at, title=arg)
            history.deleted[what] = theme.deleted
        elif name in ("dissolve", "restore"):
            mine[what] = theme.touched(at=at, deleted=name == "dissolve")
            history.deleted[what] = name == "dissolve"
        elif name in ("add", "remove"):
            members = [m for m in theme.members if m != arg]
            if name == "add":
                members.append(arg)
            if set(members) != set(theme.members):
                mine[what] = theme.touched(at=at, members=members)
                history.members[(what, arg)] = name == "add"
        else:
            count = max(0, theme.votes.get(arg, 0) + (1 if name == "vote" else -1))
            if count != theme.votes.get(arg, 0):
                mine[what] = theme.touched(at=at, votes={**theme.votes, arg: count})
                history.votes[(what, arg)] = count
    return history


def canon(themes: Themes) -> dict[str, dict[str, Any]]:
    return {tid: t.to_dict() for tid, t in sorted(themes.items())}


@settings(max_examples=150, deadline=None)
@given(histories)
def test_theme_merge_is_idempotent_commutative_associative(ops: list[Any]) -> None:
    history = run(ops)
    a, b, c = (through_bundle(r) for r in history.replicas)
    assert canon(merge_themes(a, a)) == canon(a)
    assert canon(merge_themes(a, b)) == canon(merge_themes(b, a))
    left = merge_themes(merge_themes(a, b), c)
    right = merge_themes(a, merge_themes(b, c))
    assert canon(left) == canon(right)
    for tid in THEME_IDS:
        assert join_theme(a[tid], a[tid]) == a[tid]


@settings(max_examples=150, deadline=None)
@given(histories)
def test_every_membership_and_vote_ends_at_its_latest_change(ops: list[Any]) -> None:
    history = run(ops)
    merged: Themes = {}
    for themes in [*history.snapshots, *history.replicas]:  # older bundles too, in any order
        merged = merge_themes(merged, through_bundle(themes))
    for (tid, entry), present in history.members.items():
        assert (entry in merged[tid].members) == present
    for (tid, group), count in history.votes.items():
        assert merged[tid].votes.get(group, 0) == count
    for tid, deleted in history.deleted.items():
        assert merged[tid].deleted == deleted  # an older bundle never undoes a dissolve


def test_a_later_rename_and_a_concurrent_member_both_survive() -> None:
    base = Theme(kind=EntryKind.SOLUTION, title="Online filing", id="t", created=stamp(0))
    laptop = base.touched(at=stamp(1), members=["e1"])
    facilitator = base.touched(at=stamp(2), title="Electronic recordation")
    merged = join_theme(laptop, facilitator)
    assert (merged.title, merged.members) == ("Electronic recordation", ["e1"])
    assert join_theme(facilitator, laptop) == merged
