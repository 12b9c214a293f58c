"""Property tests: bundle merge is a join (idempotent, commutative, associative), never
resurrects a deleted entry from an older bundle, and ends every vote and link at its latest
change made anywhere.

Several scribes (replicas) of one session edit, delete, undo, vote, un-vote, link and unlink,
and now and then import each other's bundle; a global clock hands out strictly increasing
timestamps. Every replica's final state (and snapshots taken on the way, i.e. older bundles)
goes through the bundle dict format before it is merged.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from workshop_tui.core.agenda import Agenda, Group, Topic
from workshop_tui.core.bundle import BUNDLE_FORMAT, parse_bundle
from workshop_tui.core.merge import bundle_entries, import_bundles, merge_entries, merge_session
from workshop_tui.core.model import Entry, EntryKind, Session
from workshop_tui.core.store import Store

AGENDA = Agenda(
    title="Laws",
    topics=(Topic("legal", "Legal framework"),),
    groups=(Group("Group A"), Group("Group B"), Group("Group C")),
)
GROUPS = [g.name for g in AGENDA.groups]
ENTRY_IDS = ["e0", "e1", "e2", "e3"]
REPLICAS = 3

Entries = dict[str, Entry]


def stamp(tick: int) -> str:
    seconds, micros = divmod(tick, 1_000_000)
    return f"2026-11-27T09:{seconds // 60:02d}:{seconds % 60:02d}.{micros:06d}+00:00"


op = st.one_of(
    st.tuples(
        st.just("edit"),
        st.integers(0, REPLICAS - 1),
        st.sampled_from(ENTRY_IDS),
        st.text(max_size=8),
    ),
    st.tuples(
        st.just("delete"), st.integers(0, REPLICAS - 1), st.sampled_from(ENTRY_IDS), st.just("")
    ),
    st.tuples(
        st.just("undo"), st.integers(0, REPLICAS - 1), st.sampled_from(ENTRY_IDS), st.just("")
    ),
    st.tuples(
        st.just("vote"), st.integers(0, REPLICAS - 1), st.sampled_from(ENTRY_IDS), st.just("")
    ),
    st.tuples(
        st.just("link"),
        st.integers(0, REPLICAS - 1),
        st.sampled_from(ENTRY_IDS),
        st.sampled_from(ENTRY_IDS),
    ),
    st.tuples(
        st.just("import"), st.integers(0, REPLICAS - 1), st.integers(0, REPLICAS - 1), st.just("")
    ),
    st.tuples(st.just("snapshot"), st.integers(0, REPLICAS - 1), st.just(""), st.just("")),
)


@dataclass
class History:
    """The replicas' final entries, older snapshots, and the last change made anywhere to
    each (entry, voter) count and each (entry, target) link."""

    replicas: list[Entries]
    snapshots: list[Entries]
    last_vote: dict[tuple[str, str], int] = field(default_factory=dict)
    last_link: dict[tuple[str, str], bool] = field(default_factory=dict)


def run_history(ops: list[tuple[str, Any, Any, str]]) -> History:
    """Play the operations (entries change through ``Entry.touched``, as the app's do)."""
    history = History([{} for _ in range(REPLICAS)], [])
    replicas = history.replicas
    tick = 0
    for kind, r, target, arg in ops:
        tick += 1
        now = stamp(tick)
        mine = replicas[r]
        if kind == "import":
            replicas[r] = merge_entries(mine, replicas[target])
        elif kind == "snapshot":
            history.snapshots.append(dict(mine))
        elif kind == "edit":
            current = mine.get(target)
            if current is None:
                mine[target] = Entry(
                    kind=EntryKind.CHALLENGE,
                    topic_id="legal",
                    group=GROUPS[r],
                    text=arg,
                    id=target,
                    created=now,
                )
            else:
                mine[target] = current.touched(at=now, text=arg)
        elif target in mine:
            current = mine[target]
            if kind == "delete":
                mine[target] = current.touched(at=now, deleted=True)
            elif kind == "undo":
                mine[target] = current.touched(at=now, deleted=False)
            elif kind == "link":  # toggle a link to another entry id
                links = [t for t in current.links if t != arg]
                linked = len(links) == len(current.links)
                mine[target] = current.touched(at=now, links=links + [arg] * linked)
                history.last_link[target, arg] = linked
            else:  # vote: this group's dots go 0 → 1 → 2 → 0 (so un-votes happen too)
                votes = dict(current.votes)
                count = (votes.get(GROUPS[r], 0) + 1) % 3
                votes.pop(GROUPS[r], None)
                if count:
                    votes[GROUPS[r]] = count
                mine[target] = current.touched(at=now, votes=votes)
                history.last_vote[target, GROUPS[r]] = count
    return history


def bundle_document(session: Session, entries: Entries) -> dict[str, Any]:
    return {
        "format": BUNDLE_FORMAT,
        "version": 1,
        "exported": stamp(0),
        "session": session.to_dict(),
        "entries": [e.to_dict() for e in entries.values()],
    }


def through_bundle(entries: Entries, *, older_writer: bool = False) -> Entries:
    """Round-trip through the bundle dict format, as an import would see it; with
    ``older_writer`` as a workshop-tui from before the vote and link stamps wrote it."""
    session = Session(title="Laws", agenda=AGENDA, id="s", started=stamp(0))
    document = bundle_document(session, entries)
    if older_writer:
        for raw in document["entries"]:
            for name in PER_KEY_STAMPS:
                raw.pop(name, None)
    return bundle_entries(parse_bundle(document, "replica.json"))


PER_KEY_STAMPS = ("vote_stamps", "link_stamps", "stamps_base")


def canon(entries: Entries) -> dict[str, dict[str, Any]]:
    return {k: v.to_dict() for k, v in sorted(entries.items())}


def own_fields(entry: Entry) -> dict[str, Any]:
    data = entry.to_dict()
    for name in ("votes", "links", *PER_KEY_STAMPS):
        data.pop(name, None)
    return data


def assert_join_laws(a: Entries, b: Entries, c: Entries) -> None:
    ab = merge_entries(a, b)
    assert canon(merge_entries(a, a)) == canon(a)
    assert canon(merge_entries(ab, b)) == canon(ab)
    assert canon(ab) == canon(merge_entries(b, a))
    assert canon(merge_entries(ab, c)) == canon(merge_entries(a, merge_entries(b, c)))


#: the facilitator creates every entry and each scribe imports them (so votes, links and
#: edits often meet on shared entries); without it the scribes create entries themselves
HANDED_OUT: list[tuple[str, Any, Any, str]] = [
    *(("edit", 0, entry_id, "handed out") for entry_id in ENTRY_IDS),
    *(("import", r, 0, "") for r in range(1, REPLICAS)),
]
histories = st.builds(
    lambda handed_out, ops: (HANDED_OUT if handed_out else []) + ops,
    st.booleans(),
    st.lists(op, min_size=1, max_size=40),
)


@settings(max_examples=150, deadline=None)
@given(histories)
def test_merge_is_idempotent_commutative_associative(ops: list[tuple[str, Any, Any, str]]) -> None:
    history = run_history(ops)
    assert_join_laws(*(through_bundle(r) for r in history.replicas))


@settings(max_examples=100, deadline=None)
@given(histories, st.lists(st.booleans(), min_size=REPLICAS, max_size=REPLICAS))
def test_bundles_of_an_older_writer_keep_the_laws(
    ops: list[tuple[str, Any, Any, str]], older: list[bool]
) -> None:
    """Bundles without stamps (older workshop-tui) merge with stamped ones as a join too."""
    history = run_history(ops)
    replicas = [
        through_bundle(r, older_writer=old) for r, old in zip(history.replicas, older, strict=True)
    ]
    assert_join_laws(*replicas)
    everything: Entries = {}
    for replica in replicas:
        everything = merge_entries(everything, replica)
    for entry in everything.values():
        assert len(entry.links) == len(set(entry.links))
        assert all(count > 0 for count in entry.votes.values())


@settings(max_examples=150, deadline=None)
@given(histories)
def test_older_bundles_never_resurrect_or_revert(ops: list[tuple[str, Any, Any, str]]) -> None:
    history = run_history(ops)
    everything: Entries = {}
    for replica in history.replicas:
        everything = merge_entries(everything, through_bundle(replica))
    for old in history.snapshots:
        # a replica's state only moves forward, so every snapshot is dominated
        assert canon(merge_entries(everything, through_bundle(old))) == canon(everything)
        assert canon(merge_entries(through_bundle(old), everything)) == canon(everything)
    for entry_id, merged in everything.items():
        # own fields: the most recent version anywhere (timestamps are unique here)
        versions = [r[entry_id] for r in history.replicas if entry_id in r]
        latest = max(versions, key=lambda e: e.updated)
        assert own_fields(merged) == own_fields(latest)
        assert merged.deleted == latest.deleted
        # votes and links: each voter's and each target's latest change anywhere, so a vote
        # survives another group's later edit and a newer un-vote or unlink survives too
        assert merged.votes == {
            voter: count
            for (eid, voter), count in history.last_vote.items()
            if eid == entry_id and count
        }
        made = {t for (eid, t), linked in history.last_link.items() if eid == entry_id and linked}
        assert sorted(merged.links) == sorted(made)  # and each only once
        assert merged.links == sorted(merged.links, key=lambda t: merged.link_stamps[t])


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 3), st.text(max_size=4), st.booleans(), st.integers(0, 2)),
        min_size=1,
        max_size=6,
    )
)
def test_ties_on_updated_still_give_one_answer(versions: list[tuple[int, str, bool, int]]) -> None:
    """Equal timestamps (clock granularity, copies of a bundle) are broken deterministically."""
    singles = [
        {
            "e": Entry(
                kind=EntryKind.SOLUTION,
                topic_id="legal",
                group="Group A",
                text=text,
                id="e",
                created=stamp(0),
                updated=stamp(tick),
                deleted=deleted,
                votes={"Group A": votes} if votes else {},
            )
        }
        for tick, text, deleted, votes in versions
    ]
    forward: Entries = {}
    for single in singles:
        forward = merge_entries(forward, single)
    backward: Entries = {}
    for single in reversed(singles):
        backward = merge_entries(single, backward)
    assert canon(forward) == canon(backward)
    sessions = [
        Session(title=text, agenda=AGENDA, id="s", started=stamp(0), updated=stamp(tick))
        for tick, text, _, _ in versions
    ]
    first = sessions[0]
    for other in sessions[1:]:
        assert merge_session(first, other).to_dict() == merge_session(other, first).to_dict()


@settings(max_examples=30, deadline=None)
@given(histories, st.permutations(range(REPLICAS)))
def test_importing_bundles_into_a_store_equals_the_pure_join(
    ops: list[tuple[str, Any, Any, str]], order: list[int]
) -> None:
    """The store-level import (files, lock, one write) ends where the pure join does, in any
    order, and importing everything again changes nothing."""
    history = run_history(ops)
    replicas, snapshots = history.replicas, history.snapshots
    session = Session(title="Laws", agenda=AGENDA, id="s", started=stamp(0))
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for n, entries in enumerate([*replicas, *snapshots]):
            path = Path(tmp) / f"replica-{n}.json"
            path.write_text(json.dumps(bundle_document(session, entries)), encoding="utf-8")
            paths.append(path)
        store = Store(Path(tmp) / "data")
        import_bundles(store, [paths[i] for i in order] + paths[REPLICAS:])
        stored = {e.id: e for e in store.open_session("s").entries(include_deleted=True)}
        expected: Entries = {}
        for entries in replicas:
            expected = merge_entries(expected, entries)
        assert canon(stored) == canon(expected)
        again = import_bundles(store, list(reversed(paths)))
        assert all(r.added == r.updated == r.deleted == 0 for r in again)
