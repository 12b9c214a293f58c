"""``latest`` is the session the user last started, resumed or captured into (recorded in
prefs.json), not the file written last."""

from __future__ import annotations

import json
from pathlib import Path

from workshop_tui.core.agenda import Agenda, Group, Topic
from workshop_tui.core.model import EntryKind
from workshop_tui.core.store import LATEST_KEY, Store

AGENDA_SMALL = Agenda(
    title="Latest test",
    name="latest",
    topics=(Topic("legal", "Legal framework"),),
    groups=(Group("Group A"),),
)


def test_the_recorded_session_wins_over_the_file_written_last(tmp_path: Path) -> None:
    store = Store(tmp_path)
    first = store.create_session(AGENDA_SMALL).id
    second = store.create_session(AGENDA_SMALL).id
    assert store.mark_latest(first)
    # a follow-up review writes the other session's statuses: its file is the newest
    store.open_session(second).add_entry(EntryKind.ACTION, "legal", "Group A", "Review")
    assert store.resolve("latest") == first
    assert Store(tmp_path).resolve("latest") == first  # another process reads the record
    raw = json.loads((tmp_path / "prefs.json").read_text(encoding="utf-8"))
    assert first in json.dumps(raw)


def test_without_a_record_or_with_a_stale_one_the_newest_file_is_latest(tmp_path: Path) -> None:
    store = Store(tmp_path)
    first = store.create_session(AGENDA_SMALL).id
    second = store.create_session(AGENDA_SMALL).id
    store.open_session(first).add_entry(EntryKind.CHALLENGE, "legal", "Group A", "Newest")
    assert store.resolve("latest") == first
    store.prefs.set(LATEST_KEY, "../../etc/passwd")  # hand-edited: not a session id
    assert store.resolve("latest") == first
    store.mark_latest(second)
    store.delete_session(second)
    assert store.resolve("latest") == first
