"""Votes merge per voter and links per target (docs/merge.md, "How a merge decides"): the
stamps behind it, how the app's changes keep them, old data without them, and what an
import reports."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from workshop_tui.core.agenda import Agenda, Group, Topic
from workshop_tui.core.bundle import BUNDLE_FORMAT, BundleError, bundle_dict, parse_bundle
from workshop_tui.core.capture import Capture
from workshop_tui.core.merge import import_bundles, join_entry, merge_entries
from workshop_tui.core.model import Entry, EntryKind, Session
from workshop_tui.core.store import SessionStore, Store

AGENDA = Agenda(
    title="IPR border enforcement",
    topics=(Topic("legal", "Legal framework"),),
    groups=(Group("Group A"), Group("Group B")),
)
T0 = "2026-11-27T09:00:00.000000+00:00"


def stamp(minute: int) -> str:
    return f"2026-11-27T09:{minute:02d}:00.000000+00:00"


def entry(eid: str = "e", minute: int = 0, **fields: Any) -> Entry:
    return Entry(
        kind=fields.pop("kind", EntryKind.CHALLENGE),
        topic_id="legal",
        group="Group A",
        text=fields.pop("text", "No ex officio power"),
        id=eid,
        created=T0,
        updated=stamp(minute),
        **fields,
    )


def join(a: Entry, b: Entry) -> Entry:
    forward, backward = join_entry(a, b), join_entry(b, a)
    assert forward.to_dict() == backward.to_dict()
    return forward


def old_writer(data: dict[str, Any]) -> dict[str, Any]:
    """An entry dict as a workshop-tui from before the stamps wrote it."""
    return {k: v for k, v in data.items() if k not in ("vote_stamps", "link_stamps", "stamps_base")}


# -- the stamps -----------------------------------------------------------------------------
def test_touched_stamps_the_voters_and_links_that_changed_only() -> None:
    e = entry(votes={"Group A": 1}, links=["c1"])
    assert e.vote_stamps == {"Group A": stamp(0)} and e.link_stamps == {"c1": stamp(0)}
    voted = e.touched(at=stamp(1), votes={"Group A": 1, "Group B": 2})
    assert voted.vote_stamps == {"Group A": stamp(0), "Group B": stamp(1)}
    unvoted = voted.touched(at=stamp(2), votes={"Group B": 2})
    assert unvoted.votes == {"Group B": 2}
    assert unvoted.vote_stamps == {"Group A": stamp(2), "Group B": stamp(1)}  # un-vote kept
    linked = unvoted.touched(at=stamp(3), links=["c1", "c2", "c2"])
    assert linked.links == ["c1", "c2"]
    assert linked.link_stamps == {"c1": stamp(0), "c2": stamp(3)}
    unlinked = linked.touched(at=stamp(4), links=["c2"])
    assert unlinked.links == ["c2"] and unlinked.link_stamps["c1"] == stamp(4)
    edited = unlinked.touched(at=stamp(5), text="edited")
    assert (edited.vote_stamps, edited.link_stamps) == (unlinked.vote_stamps, unlinked.link_stamps)
    assert e.vote_stamps == {"Group A": stamp(0)}  # the original was not changed
    assert Entry.from_dict(unlinked.to_dict()) == unlinked


def test_links_made_together_keep_their_order_and_links_list_in_the_order_made() -> None:
    e = entry().touched(at=stamp(1), links=["zeta", "alpha", "mid"])
    assert e.links == ["zeta", "alpha", "mid"]
    again = e.touched(at=stamp(2), links=["beta", *e.links])  # given first, made last
    assert again.links == ["zeta", "alpha", "mid", "beta"]


def test_capture_vote_unvote_link_and_undo_keep_stamps(tmp_path: Path) -> None:
    store = Store(tmp_path / "data").create_session(AGENDA, title="Day 1")
    capture = Capture(store)
    challenge = capture.add(EntryKind.CHALLENGE, "legal", "Group A", "Fees too high")
    solution = capture.add(EntryKind.SOLUTION, "legal", "Group A", "Waive fees for SMEs")
    voted = capture.vote(challenge.id, "Group B")
    assert voted.vote_stamps["Group B"] <= voted.updated
    unvoted = capture.unvote(challenge.id, "Group B")
    assert unvoted.votes == {} and unvoted.vote_stamps["Group B"] > voted.vote_stamps["Group B"]
    linked = capture.toggle_link(solution.id, challenge.id)
    assert linked.links == [challenge.id] and challenge.id in linked.link_stamps
    capture.undo()  # the link goes: an unlink, stamped
    undone = store.get(solution.id)
    assert (
        undone.links == [] and undone.link_stamps[challenge.id] > linked.link_stamps[challenge.id]
    )
    capture.undo()  # the un-vote is undone: Group B's vote is back, stamped anew
    revoted = store.get(challenge.id)
    assert revoted.votes == {"Group B": 1}
    assert revoted.vote_stamps["Group B"] > unvoted.vote_stamps["Group B"]


def test_data_written_before_stamps_loads_with_updated_as_every_stamp() -> None:
    legacy = old_writer(entry(minute=3, votes={"Group A": 2}, links=["c2", "c1"]).to_dict())
    del legacy["votes"]["Group A"]
    legacy["votes"] = {"Group A": 2, "Group B": 0}
    loaded = Entry.from_dict(legacy)
    assert loaded.stamps_base == stamp(3)
    assert loaded.votes == {"Group A": 2}
    assert loaded.vote_stamps == {"Group A": stamp(3), "Group B": stamp(3)}
    assert loaded.links == ["c2", "c1"]  # the order is kept: stamps 1 µs apart
    assert loaded.link_stamps["c1"] == stamp(3) and loaded.link_stamps["c2"] < stamp(3)
    assert Entry.from_dict(loaded.to_dict()) == loaded


# -- the join ---------------------------------------------------------------------------------
def test_a_vote_survives_another_groups_later_text_edit() -> None:
    handed_out = entry()
    a = handed_out.touched(at=stamp(1), votes={"Group A": 2})  # laptop 1
    b = handed_out.touched(at=stamp(2), text="No ex officio power at the border")  # laptop 2
    merged = join(a, b)
    assert merged.text == "No ex officio power at the border" and merged.updated == stamp(2)
    assert merged.votes == {"Group A": 2}


def test_a_newer_unvote_and_a_newer_unlink_survive_an_older_vote_and_link() -> None:
    handed_out = entry(votes={"Group A": 1}, links=["c1"])
    a = handed_out.touched(at=stamp(1), votes={"Group A": 2}, links=["c1", "c2"])
    b = handed_out.touched(at=stamp(2), votes={}, links=[])
    merged = join(a, b)
    assert merged.votes == {} and merged.links == ["c2"]  # c2: linked on laptop 1 only
    relinked = b.touched(at=stamp(3), links=["c1"])  # linked again after the unlink
    assert join(a, relinked).links == ["c2", "c1"]


def test_concurrent_votes_of_two_groups_and_links_of_two_scribes_both_stay() -> None:
    handed_out = entry(links=["c1"])
    a = handed_out.touched(at=stamp(1), votes={"Group A": 1}, links=["c1", "c2"])
    b = handed_out.touched(at=stamp(2), votes={"Group B": 3}, links=["c1", "c3"])
    merged = join(a, b)
    assert merged.votes == {"Group A": 1, "Group B": 3}
    assert merged.links == ["c1", "c2", "c3"]  # each once, in the order made
    assert join(merged, a).to_dict() == merged.to_dict()  # idempotent


def test_two_versions_from_an_older_writer_merge_as_before() -> None:
    """Without stamps the newer version's votes and links win whole (an un-vote or unlink
    made with an older workshop-tui is not undone by an older bundle)."""
    older = Entry.from_dict(
        old_writer(entry(minute=1, votes={"Group A": 1}, links=["c1"]).to_dict())
    )
    newer = Entry.from_dict(old_writer(entry(minute=2, votes={"Group B": 1}).to_dict()))
    merged = join(older, newer)
    assert merged.votes == {"Group B": 1} and merged.links == []
    # a stamped change made after the upgrade still merges per key with the old version
    voted = older.touched(at=stamp(3), votes={"Group A": 2})
    assert join(voted, newer).votes == {"Group A": 2, "Group B": 1}


def test_merge_entries_returns_the_stored_version_when_nothing_changes() -> None:
    a = entry(votes={"Group A": 1})
    assert merge_entries({"e": a}, {"e": entry(votes={"Group A": 1})})["e"] is a


# -- bundles and import ---------------------------------------------------------------------
def write_bundle(path: Path, entries: list[Entry], *, stamped: bool = True) -> Path:
    raw = [e.to_dict() if stamped else old_writer(e.to_dict()) for e in entries]
    session = Session(title="Day 1", agenda=AGENDA, id="s-1", started=T0)
    document = {
        "format": BUNDLE_FORMAT,
        "version": 1,
        "exported": T0,
        "session": session.to_dict(),
        "entries": raw,
    }
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "data")


def test_import_counts_an_entry_whose_votes_or_links_changed_as_updated(
    store: Store, tmp_path: Path
) -> None:
    handed_out = entry()
    import_bundles(store, [write_bundle(tmp_path / "out.json", [handed_out])])
    session = store.open_session("s-1")
    session.save_entry(handed_out.touched(at=stamp(9), text="edited by the facilitator"))
    a = handed_out.touched(at=stamp(1), votes={"Group A": 2}, links=["c1"])
    [report] = import_bundles(store, [write_bundle(tmp_path / "a.json", [a])])
    assert (report.added, report.updated, report.unchanged) == (0, 1, 0)
    merged = session.get("e")
    assert merged.text == "edited by the facilitator"
    assert (merged.votes, merged.links) == ({"Group A": 2}, ["c1"])
    [again] = import_bundles(store, [tmp_path / "a.json"])
    # nothing changes now; the bundle's older text lost to the facilitator's newer edit
    assert (again.updated, again.unchanged, again.kept_local) == (0, 0, 1)


def test_a_change_of_stamps_alone_is_saved_but_not_counted(store: Store, tmp_path: Path) -> None:
    handed_out = entry(votes={"Group B": 1})
    import_bundles(store, [write_bundle(tmp_path / "out.json", [handed_out])])
    session = store.open_session("s-1")
    edited = session.save_entry(handed_out.touched(at=stamp(9), text="edited here later"))
    # Group B added a dot and took it back on its laptop: a newer stamp, the same count
    back = handed_out.touched(at=stamp(1), votes={"Group B": 2}).touched(
        at=stamp(2), votes={"Group B": 1}
    )
    [report] = import_bundles(store, [write_bundle(tmp_path / "b.json", [back])])
    # no change the user sees; the bundle's older text is reported as lost to the local edit
    assert (report.updated, report.unchanged, report.kept_local) == (0, 0, 1)
    stored = session.get("e")
    assert stored.vote_stamps == {"Group B": stamp(2)}
    assert (stored.text, stored.votes) == (edited.text, {"Group B": 1})


def test_an_older_writers_bundle_does_not_bring_back_a_newer_unvote(
    store: Store, tmp_path: Path
) -> None:
    handed_out = entry(votes={"Group A": 1})
    import_bundles(store, [write_bundle(tmp_path / "out.json", [handed_out])])
    session = store.open_session("s-1")
    Capture(session).unvote("e", "Group A")
    old = write_bundle(tmp_path / "old.json", [handed_out], stamped=False)
    [report] = import_bundles(store, [old])
    assert report.unchanged == 1 and session.get("e").votes == {}


def test_a_session_file_written_before_stamps_merges_per_key(tmp_path: Path) -> None:
    """A data folder from an older workshop-tui: its entries load as of their ``updated``."""
    store = Store(tmp_path / "data")
    session = Session(title="Day 1", agenda=AGENDA, id="s-1", started=T0)
    store.add_session(session, [entry(minute=5, votes={"Group B": 1})])
    path = store.session_path("s-1")
    data = json.loads(path.read_text(encoding="utf-8"))
    for doc in data["entries"].values():
        for name in ("vote_stamps", "link_stamps", "stamps_base"):
            doc.pop(name, None)
    path.write_text(json.dumps(data), encoding="utf-8")
    early_vote = entry(minute=1, votes={"Group A": 1})  # older than the stored version
    late_vote = entry(minute=1).touched(at=stamp(6), votes={"Group A": 1})
    import_bundles(store, [write_bundle(tmp_path / "early.json", [early_vote])])
    assert SessionStore(path).get("e").votes == {"Group B": 1}
    import_bundles(store, [write_bundle(tmp_path / "late.json", [late_vote])])
    assert SessionStore(path).get("e").votes == {"Group A": 1, "Group B": 1}


def test_exported_bundles_carry_the_stamps(store: Store, tmp_path: Path) -> None:
    session = store.create_session(AGENDA, title="Day 1")
    capture = Capture(session)
    challenge = capture.add(EntryKind.CHALLENGE, "legal", "Group A", "Fees too high")
    capture.vote(challenge.id, "Group A")
    document = bundle_dict(session)
    [raw] = document["entries"]
    assert set(raw["vote_stamps"]) == {"Group A"} and raw["stamps_base"] == ""
    assert parse_bundle(document, "x.json").entries_by_id[challenge.id] == session.get(challenge.id)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (
            {"vote_stamps": {"Group A": "yesterday"}},
            r'vote_stamps\["Group A"\]: .*, got "yesterday"',
        ),
        ({"vote_stamps": ["Group A"]}, "vote_stamps: expected an object .*, got a list"),
        (
            {"link_stamps": {"c1": "2026-11-27T09:00:00"}},
            r"link_stamps\.c1: expected a time with a zone",
        ),
        ({"link_stamps": {"c1": 5}}, r"link_stamps\.c1: expected a time .*, got a number \(5\)"),
        ({"stamps_base": None}, "stamps_base: expected a time .*, got null"),
    ],
)
def test_bad_stamps_in_a_bundle_are_refused_with_the_reason(
    change: dict[str, Any], reason: str
) -> None:
    raw = {**entry(votes={"Group A": 1}, links=["c1"]).to_dict(), **change}
    session = Session(title="Day 1", agenda=AGENDA, id="s-1", started=T0)
    document = {
        "format": BUNDLE_FORMAT,
        "version": 1,
        "exported": T0,
        "session": session.to_dict(),
        "entries": [raw],
    }
    with pytest.raises(BundleError, match=re.escape("x.json: entries[0].") + reason):
        parse_bundle(document, "x.json")
