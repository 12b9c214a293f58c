"""The catalog is only a cache of the session files: a damaged session file is reported while
the others are listed, and a deleted or stale catalog is rebuilt from the files."""

from __future__ import annotations

from dataclasses import replace

import orjson
import pytest
from reliability_helpers import AGENDA

from workshop_tui.core.model import ActionStatus, EntryKind
from workshop_tui.core.store import SessionStore, Store


def _filled(store: Store, title: str, challenges: int, actions: int) -> str:
    session = store.create_session(AGENDA, title=title)
    for n in range(challenges):
        session.add_entry(EntryKind.CHALLENGE, "legal", "Group A", f"challenge {n}")
    for n in range(actions):
        action = session.add_entry(EntryKind.ACTION, "risk", "Group B", f"action {n}")
        if n == 0:
            assert action.action is not None
            done = replace(action.action, status=ActionStatus.DONE)
            session.update_entry(action.id, action=done)
    return session.id


def _rows(store: Store) -> list[dict]:
    return [s.to_dict() for s in store.list_sessions().sessions]


def test_damaged_session_is_a_problem_the_others_are_listed(store: Store) -> None:
    ids = [_filled(store, f"session {n}", n + 1, n) for n in range(4)]
    damaged = store.session_path(ids[1])
    original = damaged.read_bytes()
    damaged.write_bytes(original[:100])

    listing = Store(store.data_dir).list_sessions()
    assert [s.id for s in listing.sessions] == [ids[3], ids[2], ids[0]]  # newest first
    assert len(listing.problems) == 1
    assert str(damaged) in listing.problems[0] and "not valid JSON" in listing.problems[0]
    catalog = orjson.loads(store.catalog_path.read_bytes())
    assert ids[1] not in {row["summary"]["id"] for row in catalog["sessions"].values()}
    assert damaged.read_bytes() == original[:100]

    damaged.write_bytes(original)  # repaired (e.g. restored from a backup): listed again
    listing = Store(store.data_dir).list_sessions()
    assert listing.problems == [] and len(listing.sessions) == 4


def test_deleted_catalog_is_rebuilt_with_the_same_rows(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(5):
        _filled(store, f"session {n}", challenges=n, actions=2)
    before = _rows(store)
    assert [r["open_actions"] for r in before] == [1] * 5 and before[0]["challenges"] == 4

    store.catalog_path.unlink()
    assert _rows(Store(store.data_dir)) == before
    assert store.catalog_path.is_file()

    # A fresh store now lists from the rebuilt catalog without reading any session file.
    def no_summaries(self: SessionStore) -> None:
        raise AssertionError(f"{self.path} was re-read although the catalog is up to date")

    monkeypatch.setattr(SessionStore, "summary", no_summaries)
    assert _rows(Store(store.data_dir)) == before


def test_stale_catalog_follows_the_files(store: Store) -> None:
    keep = _filled(store, "kept", 1, 0)
    gone = _filled(store, "removed later", 1, 0)
    store.list_sessions()

    # Another process captures into one session and removes the other.
    other = Store(store.data_dir)
    other.open_session(keep).add_entry(EntryKind.CHALLENGE, "legal", "Group B", "late")
    other.session_path(gone).unlink()

    rows = _rows(Store(store.data_dir))
    assert [(r["id"], r["challenges"]) for r in rows] == [(keep, 2)]
    catalog = orjson.loads(store.catalog_path.read_bytes())
    assert [row["summary"]["id"] for row in catalog["sessions"].values()] == [keep]


def test_interrupted_catalog_write_leaves_a_temp_file_that_is_cleaned(store: Store) -> None:
    _filled(store, "one", 1, 0)
    store.list_sessions()
    before = store.catalog_path.read_bytes()
    # What a writer killed between writing its temp file and renaming it leaves behind.
    leftover = store.data_dir / ".catalog.json.999999999.0badf00d.tmp"
    leftover.write_bytes(before[:10])
    fresh = Store(store.data_dir)
    assert not leftover.exists()
    assert store.catalog_path.read_bytes() == before
    assert len(fresh.list_sessions().sessions) == 1
