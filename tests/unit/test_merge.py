"""Unit tests of bundle merge: the join, validation, and importing into a store."""

from __future__ import annotations

import itertools
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from workshop_tui.core.agenda import Agenda, Group, Topic
from workshop_tui.core.bundle import BUNDLE_FORMAT, parse_bundle
from workshop_tui.core.merge import (
    MergeError,
    bundle_entries,
    import_bundles,
    merge_entries,
    merge_session,
    newer_entry,
)
from workshop_tui.core.model import Entry, EntryKind, Session
from workshop_tui.core.store import SessionStore, Store, StoreError

AGENDA = Agenda(
    title="IPR border enforcement",
    name="test",
    topics=(Topic("legal", "Legal framework"), Topic("risk", "Risk analysis")),
    groups=(Group("Group A"), Group("Group B")),
)

T0 = "2026-11-27T09:00:00.000000+00:00"


def stamp(minute: int) -> str:
    return f"2026-11-27T09:{minute:02d}:00.000000+00:00"


def entry(eid: str, minute: int, text: str = "text", **fields: Any) -> Entry:
    fields.setdefault("group", "Group A")
    return Entry(
        kind=fields.pop("kind", EntryKind.CHALLENGE),
        topic_id=fields.pop("topic_id", "legal"),
        text=text,
        id=eid,
        created=T0,
        updated=stamp(minute),
        **fields,
    )


def session(**fields: Any) -> Session:
    base = {"title": "Day 1", "agenda": AGENDA, "id": "s-1", "started": T0}
    base.update(fields)
    return Session(**base)


def bundle_dict(sess: Session, entries: list[Entry]) -> dict[str, Any]:
    return {
        "format": BUNDLE_FORMAT,
        "version": 1,
        "exported": T0,
        "session": sess.to_dict(),
        "entries": [e.to_dict() for e in entries],
    }


def write_bundle(path: Path, sess: Session, entries: list[Entry]) -> Path:
    path.write_text(json.dumps(bundle_dict(sess, entries)), encoding="utf-8")
    return path


def as_dicts(entries: dict[str, Entry]) -> dict[str, dict[str, Any]]:
    return {k: v.to_dict() for k, v in entries.items()}


# -- the join -----------------------------------------------------------------------------
def test_newer_version_wins_both_ways() -> None:
    old, new = entry("e", 1, "old"), entry("e", 2, "new")
    assert newer_entry(old, new).text == "new"
    assert newer_entry(new, old).text == "new"


def test_tie_on_updated_is_broken_the_same_way_in_both_orders() -> None:
    a, b = entry("e", 1, "apple"), entry("e", 1, "banana")
    assert newer_entry(a, b) is newer_entry(b, a) or newer_entry(a, b) == newer_entry(b, a)
    assert merge_entries({"e": a}, {"e": b})["e"] == merge_entries({"e": b}, {"e": a})["e"]


def test_tombstone_beats_older_live_version_and_undo_beats_tombstone() -> None:
    live = entry("e", 1, "fees too high")
    tomb = replace(live, deleted=True, updated=stamp(2))
    assert merge_entries({"e": live}, {"e": tomb})["e"].deleted
    assert merge_entries({"e": tomb}, {"e": live})["e"].deleted  # older bundle: no resurrection
    undo = replace(tomb, deleted=False, updated=stamp(3))
    assert not merge_entries({"e": tomb}, {"e": undo})["e"].deleted
    assert not merge_entries({"e": undo}, {"e": tomb})["e"].deleted


def test_votes_and_links_merge_per_voter_and_per_target() -> None:
    base = entry("e", 0, votes={"Group A": 2}, links=["c1"])
    a = base.touched(at=stamp(1), votes={"Group A": 1}, links=["c1", "c2"])  # un-vote, link
    b = base.touched(at=stamp(2), text="edited later", votes={"Group A": 2, "Group B": 1})
    merged = merge_entries({"e": a}, {"e": b})["e"]
    assert merged.text == "edited later"
    assert merged.votes == {"Group A": 1, "Group B": 1}
    assert merged.links == ["c1", "c2"]
    assert merged == merge_entries({"e": b}, {"e": a})["e"]


def test_merge_entries_is_pure_and_keeps_both_sides() -> None:
    a = {"x": entry("x", 1)}
    b = {"y": entry("y", 2)}
    merged = merge_entries(a, b)
    assert set(merged) == {"x", "y"}
    assert set(a) == {"x"} and set(b) == {"y"}


def test_session_record_last_writer_wins() -> None:
    early = session(title="Day 1", updated=stamp(1))
    late = session(title="Day 1 — IPR", ended=stamp(5), updated=stamp(5))
    assert merge_session(early, late).title == "Day 1 — IPR"
    assert merge_session(late, early).ended == stamp(5)
    with pytest.raises(ValueError):
        merge_session(early, session(id="other"))


# -- bundles ------------------------------------------------------------------------------
def test_a_repeated_id_in_one_bundle_keeps_the_winning_version() -> None:
    data = bundle_dict(
        session(), [entry("e", 2, "new"), entry("e", 1, "old"), entry("e", 2, "a tie")]
    )
    forward = bundle_entries(parse_bundle(data, "x.json"))["e"]
    data["entries"].reverse()
    assert bundle_entries(parse_bundle(data, "x.json"))["e"] == forward
    assert forward.updated == stamp(2)


# -- importing into a store ---------------------------------------------------------------
@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "data")


def test_import_creates_the_session_then_is_idempotent(store: Store, tmp_path: Path) -> None:
    path = write_bundle(tmp_path / "a.json", session(), [entry("e1", 1), entry("e2", 2)])
    [report] = import_bundles(store, [path])
    assert report.created and report.added == 2 and report.unchanged == 0
    assert {e.id for e in store.open_session("s-1").entries()} == {"e1", "e2"}
    [again] = import_bundles(store, [path])
    assert not again.created
    assert (again.added, again.updated, again.deleted, again.unchanged) == (0, 0, 0, 2)


def test_two_scribes_merge_and_report_per_bundle(store: Store, tmp_path: Path) -> None:
    store.add_session(session())
    shared = entry("shared", 1, "from facilitator")
    a = write_bundle(
        tmp_path / "a.json",
        session(),
        [
            shared,
            entry("a1", 2, "No ex officio power"),
            replace(shared, text="edited by A", updated=stamp(3)),
        ],
    )
    b = write_bundle(
        tmp_path / "b.json",
        session(),
        [shared, entry("b1", 4, "Recordation fees", group="Group B")],
    )
    ra, rb = import_bundles(store, [a, b])
    assert (ra.added, ra.updated, ra.deleted, ra.unchanged) == (2, 0, 0, 0)
    # its "shared" is an older edit (updated after created): the newer local edit is kept
    assert (rb.added, rb.updated, rb.deleted, rb.unchanged, rb.kept_local) == (1, 0, 0, 0, 1)
    assert rb.groups == ["Group A", "Group B"]
    entries = {e.id: e for e in store.open_session("s-1").entries()}
    assert entries["shared"].text == "edited by A"
    assert {e.group for e in entries.values()} == {"Group A", "Group B"}
    assert "1 added" in rb.line() and "b.json" in rb.line()


def test_deleted_entry_stays_deleted_when_an_older_bundle_is_imported(
    store: Store, tmp_path: Path
) -> None:
    live = entry("e", 1, "duplicate")
    old = write_bundle(tmp_path / "old.json", session(), [live])
    new = write_bundle(
        tmp_path / "new.json", session(), [replace(live, deleted=True, updated=stamp(2))]
    )
    import_bundles(store, [old])
    [report] = import_bundles(store, [new])
    assert report.deleted == 1
    [report] = import_bundles(store, [old])
    # the old bundle's version (an edit: updated after created) loses to the local deletion
    assert (report.unchanged, report.kept_local) == (0, 1)
    assert store.open_session("s-1").entries() == []
    assert store.open_session("s-1").get("e").deleted


def test_tombstone_of_an_unknown_entry_is_kept_and_guards_against_resurrection(
    store: Store, tmp_path: Path
) -> None:
    live = entry("e", 1)
    tomb = write_bundle(
        tmp_path / "t.json", session(), [replace(live, deleted=True, updated=stamp(2))]
    )
    [report] = import_bundles(store, [tomb])
    assert report.unchanged == 1 and report.added == 0
    import_bundles(store, [write_bundle(tmp_path / "old.json", session(), [live])])
    assert store.open_session("s-1").entries() == []


def test_local_edits_newer_than_the_bundle_survive(store: Store, tmp_path: Path) -> None:
    path = write_bundle(tmp_path / "a.json", session(), [entry("e", 1, "first")])
    import_bundles(store, [path])
    store.open_session("s-1").update_entry("e", text="edited here later")
    [report] = import_bundles(store, [path])
    assert (report.unchanged, report.kept_local) == (0, 1)
    assert "1 kept the newer local edit" in report.line()
    assert store.open_session("s-1").get("e").text == "edited here later"


def test_import_order_does_not_matter(tmp_path: Path) -> None:
    base = entry("e", 1, "base")
    bundles = [
        write_bundle(tmp_path / "a.json", session(updated=stamp(1)), [base, entry("a", 2)]),
        write_bundle(
            tmp_path / "b.json",
            session(title="Renamed", updated=stamp(6)),
            [replace(base, deleted=True, updated=stamp(3)), entry("b", 4)],
        ),
        write_bundle(
            tmp_path / "c.json",
            session(updated=stamp(2)),
            [replace(base, text="undo", updated=stamp(5))],
        ),
    ]
    results = []
    for n, order in enumerate(itertools.permutations(bundles)):
        target = Store(tmp_path / f"data{n}")
        import_bundles(target, list(order))
        s = target.open_session("s-1")
        results.append(
            (s.session.to_dict(), {e.id: e.to_dict() for e in s.entries(include_deleted=True)})
        )
    assert all(r == results[0] for r in results)
    assert results[0][0]["title"] == "Renamed"
    assert results[0][1]["e"]["text"] == "undo" and not results[0][1]["e"]["deleted"]


def test_any_bad_bundle_leaves_the_store_untouched(store: Store, tmp_path: Path) -> None:
    good = write_bundle(tmp_path / "good.json", session(), [entry("e", 1)])
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    newer = tmp_path / "v2.json"
    newer.write_text(json.dumps({**bundle_dict(session(), []), "version": 2}), encoding="utf-8")
    with pytest.raises(MergeError) as info:
        import_bundles(store, [good, bad, newer, tmp_path / "missing.json"])
    problems = info.value.problems
    assert len(problems) == 3
    assert any(p.startswith(str(bad)) for p in problems)
    assert any(p.startswith(str(newer)) and "version 2" in p for p in problems)
    assert any(p.startswith(str(tmp_path / "missing.json")) for p in problems)
    assert store.session_ids() == []


def test_agenda_mismatch_is_refused(store: Store, tmp_path: Path) -> None:
    store.add_session(session())
    other_agenda = replace(AGENDA, topics=(Topic("legal", "Legal framework"),))
    path = write_bundle(tmp_path / "x.json", session(agenda=other_agenda), [entry("e", 1)])
    with pytest.raises(MergeError, match="different agenda snapshot"):
        import_bundles(store, [path])
    assert store.open_session("s-1").entries(include_deleted=True) == []


def test_two_bundles_of_one_session_with_different_agendas_are_refused(
    store: Store, tmp_path: Path
) -> None:
    other_agenda = replace(AGENDA, groups=(Group("Group A"),))
    a = write_bundle(tmp_path / "a.json", session(), [entry("a", 1)])
    b = write_bundle(tmp_path / "b.json", session(agenda=other_agenda), [entry("b", 1)])
    with pytest.raises(MergeError, match=r"b.json: .*different agenda snapshot than in .*a.json"):
        import_bundles(store, [a, b])
    assert store.session_ids() == []


# -- --into: scribes who each started their own session -----------------------------------
def test_into_merges_entries_of_other_sessions_and_keeps_the_target_record(
    store: Store, tmp_path: Path
) -> None:
    store.add_session(session(title="Facilitator's session"))
    a = write_bundle(tmp_path / "a.json", session(id="s-a", title="A's own"), [entry("a1", 1)])
    b = write_bundle(
        tmp_path / "b.json",
        session(id="s-b", title="B's own", updated=stamp(9)),
        [entry("b1", 2, group="Group B"), replace(entry("b2", 3), deleted=True)],
    )
    ra, rb = import_bundles(store, [a, b], into="s-")  # a unique prefix works too
    assert (ra.session_id, ra.title, ra.created, ra.added) == (
        "s-1",
        "Facilitator's session",
        False,
        1,
    )
    assert (rb.added, rb.unchanged) == (1, 1)
    assert store.session_ids() == ["s-1"]
    target = store.open_session("s-1")
    assert target.session.title == "Facilitator's session"
    assert {e.id for e in target.entries()} == {"a1", "b1"}
    assert target.get("b2").deleted
    again = import_bundles(store, [b, a], into="s-1")
    assert all(r.added == r.updated == r.deleted == 0 for r in again)


def test_into_refuses_topics_or_groups_the_target_agenda_lacks(
    store: Store, tmp_path: Path
) -> None:
    store.add_session(session())
    other = replace(AGENDA, topics=(Topic("training", "IPR training"),), groups=(Group("Group D"),))
    path = write_bundle(
        tmp_path / "x.json",
        session(id="s-x", agenda=other),
        [entry("x1", 1, topic_id="training", group="Group D")],
    )
    with pytest.raises(
        MergeError, match=r"x.json: has entries for topic 'training', group 'Group D'"
    ):
        import_bundles(store, [path], into="s-1")
    assert store.open_session("s-1").entries(include_deleted=True) == []


def test_into_an_unknown_session_is_an_error(store: Store, tmp_path: Path) -> None:
    path = write_bundle(tmp_path / "a.json", session(), [entry("a1", 1)])
    with pytest.raises(StoreError, match="no session matches"):
        import_bundles(store, [path], into="nope")
    assert store.session_ids() == []


# -- a new session from a bundle: one write ----------------------------------------------
def test_a_new_session_is_created_with_its_entries_in_one_write(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workshop_tui.core.store import storage

    path = write_bundle(
        tmp_path / "a.json",
        session(),
        [entry("e1", 1), entry("e2", 2, group="Group B"), replace(entry("e3", 3), deleted=True)],
    )
    writes: list[Path] = []
    real_write = storage.atomic_write_bytes

    def counting_write(target: Path, payload: bytes) -> None:
        writes.append(target)
        real_write(target, payload)

    monkeypatch.setattr(storage, "atomic_write_bytes", counting_write)
    [report] = import_bundles(store, [path])
    assert writes == [store.session_path("s-1")]
    assert report.created and (report.added, report.unchanged) == (2, 1)
    assert report.groups == ["Group A", "Group B"]
    opened = store.open_session("s-1")
    assert {e.id for e in opened.entries(include_deleted=True)} == {"e1", "e2", "e3"}
    [listed] = store.list_sessions().sessions
    assert (listed.id, listed.title, listed.challenges) == ("s-1", "Day 1", 2)
    # the entries sit under the doc ids save_entries uses: a later save replaces, not adds
    opened.update_entry("e1", text="edited")
    assert len(opened.entries(include_deleted=True)) == 3
    assert store.list_sessions().sessions[0].challenges == 2


def test_a_failed_create_leaves_no_session_behind(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workshop_tui.core.store import StoreWriteError, storage

    path = write_bundle(tmp_path / "a.json", session(), [entry("e1", 1), entry("e2", 2)])
    real_write = storage.atomic_write_bytes

    def full_disk(target: Path, payload: bytes) -> None:
        raise StoreWriteError(target, OSError(28, "No space left on device"))

    monkeypatch.setattr(storage, "atomic_write_bytes", full_disk)
    with pytest.raises(StoreWriteError, match="the disk is full"):
        import_bundles(store, [path])
    assert store.session_ids() == []
    assert store.list_sessions().sessions == []
    assert not [p for p in store.sessions_dir.iterdir() if p.name.endswith(".json")]
    monkeypatch.setattr(storage, "atomic_write_bytes", real_write)
    [report] = import_bundles(store, [path])  # run it again: all of it arrives
    assert report.created and report.added == 2
    assert store.list_sessions().sessions[0].challenges == 2


def test_a_session_created_meanwhile_is_merged_into_not_overwritten(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = Store(store.data_dir)  # another program on the same data folder
    path = write_bundle(tmp_path / "a.json", session(), [entry("e1", 1)])
    real_add = Store.add_session

    def racing_add(self: Store, *args: Any) -> SessionStore:
        if self is store:  # the other program gets there between our check and our write
            real_add(other, session(), [entry("theirs", 2)])
        return real_add(self, *args)

    monkeypatch.setattr(Store, "add_session", racing_add)
    [report] = import_bundles(store, [path])
    assert not report.created and report.added == 1
    assert {e.id for e in store.open_session("s-1").entries()} == {"e1", "theirs"}
    with pytest.raises(StoreError, match="exists already"):
        real_add(store, session())


def test_a_hand_edited_time_in_the_stored_session_is_a_clear_error(
    store: Store, tmp_path: Path
) -> None:
    """Bundles are checked when read; the session file a merge goes into may have been
    edited by hand: the merge names that file, changes nothing and never raises a bare
    ValueError (a traceback on the command line)."""
    path = write_bundle(tmp_path / "a.json", session(), [entry("e1", 1)])
    import_bundles(store, [path])
    session_file = store.session_path(session().id)
    data = json.loads(session_file.read_text())
    for doc in data["entries"].values():
        doc["updated"] = "yesterday afternoon"
    session_file.write_text(json.dumps(data))
    before = session_file.read_bytes()
    newer = write_bundle(tmp_path / "b.json", session(), [entry("e1", 5, "newer")])
    with pytest.raises(StoreError, match=r"invalid record.*yesterday afternoon") as caught:
        import_bundles(store, [newer])
    assert str(session_file) in str(caught.value)
    assert session_file.read_bytes() == before
