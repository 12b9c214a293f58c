"""Unit tests of the durable store: sessions, entries, catalog, errors."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from workshop_tui.core.agenda import Agenda, Group, Topic
from workshop_tui.core.model import ActionStatus, Entry, EntryKind, Session
from workshop_tui.core.paths import ENV_VAR, resolve_data_dir
from workshop_tui.core.store import CorruptDataError, Store, StoreError, StoreWriteError
from workshop_tui.core.store.session_store import doc_id_for
from workshop_tui.core.store.storage import atomic_write_bytes, clean_stale_temp_files

AGENDA = Agenda(
    title="Test workshop",
    name="test",
    topics=(Topic("legal", "Legal framework", timebox=45), Topic("risk", "Risk analysis")),
    groups=(Group("Group A"), Group("Group B")),
)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "data")


def test_create_session_snapshots_agenda_and_is_listed(store: Store) -> None:
    s = store.create_session(AGENDA, title="Day 1", facilitator="Ana")
    assert s.session.agenda == AGENDA
    listing = store.list_sessions()
    assert [x.id for x in listing.sessions] == [s.id]
    assert listing.sessions[0].title == "Day 1"
    assert listing.sessions[0].agenda_title == "Test workshop"
    # a fresh Store (another process) reads the same session back
    again = Store(store.data_dir).open_session(s.id)
    assert again.session.facilitator == "Ana"
    assert again.session.agenda.topic("legal").timebox == 45


def test_capture_is_durable_and_ordered(store: Store) -> None:
    s = store.create_session(AGENDA)
    first = s.add_entry(EntryKind.CHALLENGE, "legal", "Group A", "No ex officio power")
    second = s.add_entry(EntryKind.CHALLENGE, "legal", "Group A", "Fees for recordation 高い 🙂")
    s.add_entry(EntryKind.CHALLENGE, "legal", "Group B", "Other group")
    reopened = Store(store.data_dir).open_session(s.id)
    pane = reopened.entries(topic_id="legal", group="Group A", kind=EntryKind.CHALLENGE)
    assert [e.id for e in pane] == [first.id, second.id]
    assert pane[1].text == "Fees for recordation 高い 🙂"
    assert len(reopened.entries(group="Group B")) == 1


def test_action_fields_round_trip(store: Store) -> None:
    s = store.create_session(AGENDA)
    action = s.add_entry(EntryKind.ACTION, "risk", "Group A", "Draft a risk profile for toys")
    assert action.action is not None and action.action.status is ActionStatus.OPEN
    fields = action.action
    fields.owner, fields.due, fields.partners = "Head of risk unit", "2027-03-31", ["right holders"]
    s.update_entry(action.id, action=fields)
    got = Store(store.data_dir).open_session(s.id).get(action.id)
    assert got.action is not None
    assert got.action.owner == "Head of risk unit"
    assert got.action.due == "2027-03-31"
    assert got.action.partners == ["right holders"]
    assert got.updated > got.created


def test_delete_keeps_tombstone_and_restore_undoes(store: Store) -> None:
    s = store.create_session(AGENDA)
    e = s.add_entry(EntryKind.SOLUTION, "legal", "Group A", "Amend the customs act")
    s.delete_entry(e.id)
    assert s.entries() == []
    assert [x.id for x in s.entries(include_deleted=True)] == [e.id]
    s.restore_entry(e.id)
    assert [x.id for x in s.entries()] == [e.id]


def test_links_visible_both_ways(store: Store) -> None:
    s = store.create_session(AGENDA)
    c = s.add_entry(EntryKind.CHALLENGE, "legal", "Group A", "c")
    sol = s.add_entry(EntryKind.SOLUTION, "legal", "Group A", "s", links=[c.id])
    assert [x.id for x in s.linked_from(c.id)] == [sol.id]


def test_summary_counts_and_newest_first(store: Store) -> None:
    older = store.create_session(AGENDA, title="older")
    newer = store.create_session(AGENDA, title="newer")
    newer.add_entry(EntryKind.CHALLENGE, "legal", "Group A", "c")
    act = newer.add_entry(EntryKind.ACTION, "legal", "Group A", "a")
    newer.add_entry(EntryKind.ACTION, "legal", "Group A", "b")
    assert act.action is not None
    act.action.status = ActionStatus.DONE
    newer.update_entry(act.id, action=act.action)
    rows = store.list_sessions().sessions
    assert [r.title for r in rows] == ["newer", "older"]
    assert (rows[0].challenges, rows[0].actions, rows[0].open_actions) == (1, 2, 1)
    assert older.id == rows[1].id


def test_catalog_refreshes_when_a_session_changes(store: Store) -> None:
    s = store.create_session(AGENDA)
    assert store.list_sessions().sessions[0].challenges == 0
    other_process = Store(store.data_dir).open_session(s.id)
    other_process.add_entry(EntryKind.CHALLENGE, "legal", "Group A", "x")
    assert store.list_sessions().sessions[0].challenges == 1
    # the catalog is a cache: deleting it rebuilds it
    store.catalog_path.unlink()
    assert Store(store.data_dir).list_sessions().sessions[0].challenges == 1


def test_resolve_id_prefix_latest_and_errors(store: Store) -> None:
    a = store.create_session(AGENDA, title="a")
    b = store.create_session(AGENDA, title="b")
    assert store.resolve(a.id) == a.id
    assert store.resolve(b.id[:8]) == b.id
    assert store.resolve("latest") == b.id
    a.add_entry(EntryKind.CHALLENGE, "legal", "Group A", "worked on a again")
    later = store.session_path(b.id).stat().st_mtime_ns + 10**9
    os.utime(store.session_path(a.id), ns=(later, later))  # coarse clocks: make it explicit
    assert store.resolve("latest") == a.id  # latest = worked on most recently
    with pytest.raises(StoreError, match="no session matches"):
        store.resolve("zzz")
    store.add_session(Session(title="x1", agenda=AGENDA, id="cafe-0001"))
    store.add_session(Session(title="x2", agenda=AGENDA, id="cafe-0002"))
    with pytest.raises(StoreError, match="matches 2 sessions"):
        store.resolve("cafe")
    with pytest.raises(StoreError, match="no sessions yet"):
        Store(store.data_dir.parent / "empty").resolve("latest")


def test_ui_state_round_trip(store: Store) -> None:
    s = store.create_session(AGENDA)
    s.set_state(topic="risk", group="Group B")
    s.set_state(timers={"risk": {"remaining": 10}})
    assert Store(store.data_dir).open_session(s.id).get_state() == {
        "topic": "risk",
        "group": "Group B",
        "timers": {"risk": {"remaining": 10}},
    }


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "empty"),
        (b'{"session": {"1": {"id": ', "not valid JSON"),
        (b"[1, 2, 3]", "unexpected JSON structure"),
        (b'{"session": "oops"}', "unexpected JSON structure"),
        (b'{"session": {"1": {"title": "no id"}}}', "invalid record"),
    ],
)
def test_corrupt_session_file_is_reported_and_untouched(
    store: Store, content: bytes, reason: str
) -> None:
    good = store.create_session(AGENDA, title="good")
    bad = store.create_session(AGENDA, title="bad")
    path = store.session_path(bad.id)
    path.write_bytes(content)
    fresh = Store(store.data_dir)
    with pytest.raises(CorruptDataError) as info:
        fresh.open_session(bad.id)
    assert str(path) in str(info.value) and reason in str(info.value)
    listing = fresh.list_sessions()
    assert [s.id for s in listing.sessions] == [good.id]
    assert len(listing.problems) == 1 and str(path) in listing.problems[0]
    assert path.read_bytes() == content  # never overwritten
    fresh.open_session(good.id).add_entry(EntryKind.CHALLENGE, "legal", "Group A", "still works")


@pytest.mark.parametrize("content", [b'{"sessions": {"1": {"nope": 1}}}', b"garbage"])
def test_corrupt_catalog_is_reported_not_overwritten(store: Store, content: bytes) -> None:
    s = store.create_session(AGENDA)
    store.catalog_path.write_bytes(content)
    fresh = Store(store.data_dir)
    listing = fresh.list_sessions()
    # the sessions are still listed (the catalog is only a cache), the problem is reported
    assert [x.id for x in listing.sessions] == [s.id]
    assert len(listing.problems) == 1 and str(store.catalog_path) in listing.problems[0]
    assert fresh.resolve("latest") == s.id
    assert store.catalog_path.read_bytes() == content


def test_failed_write_keeps_previous_state(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    s = store.create_session(AGENDA)
    kept = s.add_entry(EntryKind.CHALLENGE, "legal", "Group A", "kept")
    before = store.session_path(s.id).read_bytes()

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(StoreWriteError, match="disk is full"):
        s.add_entry(EntryKind.CHALLENGE, "legal", "Group A", "lost?")
    monkeypatch.undo()
    assert store.session_path(s.id).read_bytes() == before
    assert [e.id for e in s.entries()] == [kept.id]  # in-memory view matches disk
    assert not [p for p in store.sessions_dir.iterdir() if p.name.endswith(".tmp")]
    # and the next save works once the disk has room again
    s.add_entry(EntryKind.CHALLENGE, "legal", "Group A", "retry")
    assert len(Store(store.data_dir).open_session(s.id).entries()) == 2


def test_unusable_data_dir_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot use data folder"):
        Store(blocker / "data")


def test_atomic_write_into_missing_folder_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(StoreWriteError):
        atomic_write_bytes(tmp_path / "missing" / "x.json", b"{}")
    assert list(tmp_path.iterdir()) == []


def test_stale_temp_files_are_cleaned(tmp_path: Path) -> None:
    stale = tmp_path / ".s.json.999999999.abcd.tmp"
    stale.write_text("half")
    live = tmp_path / f".s.json.{os.getppid()}.abcd.tmp"
    live.write_text("being written")
    ours = tmp_path / f".s.json.{os.getpid()}.abcd.tmp"  # another thread of ours, mid-save
    ours.write_text("being written")
    assert clean_stale_temp_files(tmp_path) == 1
    assert not stale.exists() and live.exists() and ours.exists()


def test_doc_ids_are_stable_and_distinct() -> None:
    assert doc_id_for("abc") == doc_id_for("abc")
    assert doc_id_for("abc") != doc_id_for("abd")
    assert doc_id_for("abc") > 0


def test_files_are_plain_tinydb_json(store: Store) -> None:
    s = store.create_session(AGENDA)
    s.add_entry(EntryKind.CHALLENGE, "legal", "Group A", "x")
    data = json.loads(store.session_path(s.id).read_text())
    assert set(data) >= {"session", "entries"}
    (doc,) = data["entries"].values()
    assert doc["text"] == "x"


def test_data_dir_precedence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env"))
    assert resolve_data_dir(str(tmp_path / "cli")) == tmp_path / "cli"
    assert resolve_data_dir(None) == tmp_path / "env"
    monkeypatch.delenv(ENV_VAR)
    assert "workshop-tui" in str(resolve_data_dir(None))


def test_recent_agendas(store: Store) -> None:
    store.remember_agenda("/a.yaml")
    store.remember_agenda("/b.yaml")
    store.remember_agenda("/a.yaml")
    assert Store(store.data_dir).recent_agendas() == ["/a.yaml", "/b.yaml"]


def test_corrupt_prefs_are_not_overwritten(store: Store) -> None:
    store.prefs_path.write_bytes(b"{not json")
    assert store.recent_agendas() == []
    store.remember_agenda("/a.yaml")
    assert store.prefs_path.read_bytes() == b"{not json"


def test_a_damaged_file_is_refused_until_it_is_replaced(store: Store) -> None:
    s = store.create_session(AGENDA)
    path = store.session_path(s.id)
    shown = s.sync()
    path.write_bytes(b"{broken")
    with pytest.raises(CorruptDataError):
        s.sync()
    with pytest.raises(CorruptDataError):
        s.entries()  # and it is still refused
    assert path.read_bytes() == b"{broken"  # never overwritten
    assert s.generation == shown  # nothing new was taken in
    path.unlink()
    with pytest.raises(CorruptDataError, match="missing"):
        s.sync()


def test_another_process_save_taken_in_by_our_own_write_still_changes_the_generation(
    store: Store,
) -> None:
    """A poller compares generations, not file stamps: when our own write (UI state, a
    capture) re-reads the file under the lock, the other process's entry is taken in and
    the file looks unchanged to a stat, yet the view must redraw."""
    mine = store.create_session(AGENDA)
    theirs = Store(store.data_dir).open_session(mine.id)
    shown = mine.sync()
    theirs.add_entry(EntryKind.CHALLENGE, "legal", "Group A", "Fees from tab one")
    mine.set_state(topic="legal")  # reads the new file under the lock, then writes
    assert mine.sync() != shown
    assert [e.text for e in mine.entries()] == ["Fees from tab one"]
    shown = mine.sync()
    assert mine.sync() == shown  # nothing new: no redraw
    mine.add_entry(EntryKind.CHALLENGE, "legal", "Group A", "Seizures")
    assert mine.generation != shown  # our own save changes what we hold too
    theirs.add_entry(EntryKind.SOLUTION, "legal", "Group A", "Train officers")
    shown = mine.sync()
    mine.add_entry(EntryKind.CHALLENGE, "legal", "Group A", "Delays")  # takes theirs in
    assert mine.generation != shown
    assert len(mine.entries()) == 4


def test_reading_while_another_thread_saves_never_sees_a_changing_table(store: Store) -> None:
    import threading

    s = store.create_session(AGENDA)
    s.save_entries([Entry(EntryKind.CHALLENGE, "legal", "Group A", f"c{i}") for i in range(100)])
    errors: list[BaseException] = []
    done = threading.Event()

    def writer() -> None:
        try:
            for i in range(20):
                s.add_entry(EntryKind.SOLUTION, "legal", "Group A", f"s{i}")
        except BaseException as err:  # noqa: BLE001 - reported below
            errors.append(err)
        finally:
            done.set()

    thread = threading.Thread(target=writer)
    thread.start()
    reads = 0
    while not done.is_set():
        s.entries(topic_id="legal", group="Group A")
        reads += 1
    thread.join()
    assert not errors and reads > 0
    assert len(s.entries(kind=EntryKind.SOLUTION)) == 20


def test_a_cells_entries_come_from_an_index_that_follows_every_change(tmp_path: Path) -> None:
    """entries(topic_id=, group=) reads a per-(topic, group) index; it must follow adds,
    moves, deletes, restores and another process's save, and match a full pass."""
    from workshop_tui.core.model import EntryKind

    store = Store(tmp_path)
    session = store.create_session(AGENDA, title="Index")
    a = session.add_entry(EntryKind.CHALLENGE, "legal", "Group A", "first")
    b = session.add_entry(EntryKind.CHALLENGE, "legal", "Group A", "second")
    session.add_entry(EntryKind.SOLUTION, "legal", "Group B", "elsewhere")

    def full_pass(kind: EntryKind | None = None) -> list[str]:
        return [
            e.id
            for e in session.entries()
            if e.topic_id == "legal" and e.group == "Group A" and (kind is None or e.kind == kind)
        ]

    def cell(kind: EntryKind | None = None) -> list[str]:
        return [e.id for e in session.entries(topic_id="legal", group="Group A", kind=kind)]

    assert cell() == full_pass() == [a.id, b.id]
    session.update_entry(b.id, position=0.5)  # moved up
    assert cell() == full_pass() == [b.id, a.id]
    session.delete_entry(a.id)
    assert cell() == full_pass() == [b.id]
    session.restore_entry(a.id)
    assert cell(EntryKind.CHALLENGE) == full_pass(EntryKind.CHALLENGE) == [b.id, a.id]
    assert cell(EntryKind.SOLUTION) == []
    # another process saves into the same cell: the index is built again from the file
    other = Store(tmp_path).open_session(session.id)
    c = other.add_entry(EntryKind.CHALLENGE, "legal", "Group A", "from the other laptop")
    assert cell() == full_pass() == [b.id, a.id, c.id]
    # saves that move an entry to another cell, and several in one write
    moved = session.get(a.id).touched(topic_id="risk")
    twice = session.get(b.id).touched(text="second, edited")
    session.save_entries([moved, twice])
    assert cell() == full_pass() == [b.id, c.id]
    assert [e.id for e in session.entries(topic_id="risk", group="Group A")] == [a.id]
    assert session.get(b.id).text == "second, edited"
    assert session.entries(topic_id="legal", group="Group A")[0].text == "second, edited"
    # the lists handed out are the caller's own
    cell_list = session.entries(topic_id="legal", group="Group A")
    cell_list.clear()
    assert cell() == [b.id, c.id]


def test_the_cell_index_never_keeps_an_old_entries_table_alive(tmp_path: Path) -> None:
    """A re-parse (another process saved) swaps in a new table of entries: the index of the
    old one must go with it (it held every old entry: a 2,000-entry session twice over)."""
    import gc
    import weakref

    from workshop_tui.core.model import EntryKind

    store = Store(tmp_path)
    session = store.create_session(AGENDA, title="Index memory")
    entry_id = session.add_entry(EntryKind.CHALLENGE, "legal", "Group A", "first").id
    shown = session.entries(topic_id="legal", group="Group A")  # builds the index
    old = weakref.ref(shown[0])
    del shown
    other = Store(tmp_path).open_session(session.id)
    other.update_entry(entry_id, text="changed on another laptop")
    session.sync()  # the new version parsed: a new table
    gc.collect()
    assert old() is None, "the index kept the old table's entry"
    assert session.entries(topic_id="legal", group="Group A")[0].text == "changed on another laptop"
