"""What the action list shows is read once per store generation (core.action_source): a
filter change reads nothing again; a change saved here or by another process is taken in."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from plenary_sample import NEW_ID, TODAY, build

from workshop_tui.core.action_list import matches, sort_key
from workshop_tui.core.action_source import ActionSource
from workshop_tui.core.model import ActionStatus, EntryKind
from workshop_tui.core.store import SessionStore, Store


def source_of(store: SessionStore) -> ActionSource:
    return ActionSource(store, lambda: TODAY, lambda: None)


def test_shown_is_the_filtered_sorted_actions(tmp_path: Path) -> None:
    _store, _earlier, current = build(tmp_path)
    source = source_of(current)
    actions = current.entries(kind=EntryKind.ACTION)
    rank = {t.id: i for i, t in enumerate(current.session.agenda.topics)}
    for how in ("due", "priority", "owner"):
        for chosen in ({}, {"group": ["Group A"]}, {"status": ["open", "in_progress"]}):
            expected = sorted((e for e in actions if matches(e, chosen)), key=sort_key(how, rank))
            assert [e.id for e in source.shown(how, chosen)] == [e.id for e in expected]


def test_read_once_per_generation(tmp_path: Path) -> None:
    _store, _earlier, current = build(tmp_path)
    source = source_of(current)
    first = source.actions()
    warnings = source.warnings()
    shown = source.shown("due", {})
    assert source.actions() is first  # nothing changed: nothing read again
    assert source.warnings() is warnings
    assert source.shown("due", {"group": ["Group A"]}) == [e for e in shown if e.group == "Group A"]


def test_a_change_here_or_elsewhere_is_taken_in(tmp_path: Path) -> None:
    _store, _earlier, current = build(tmp_path)
    source = source_of(current)
    before = {e.id: e for e in source.shown("due", {"status": ["done"]})}
    warnings = source.warnings()
    action = next(e for e in source.actions() if e.id not in before)
    assert action.action is not None
    # saved through the same store (the session screen, the writer)
    current.save_entry(replace(action, action=replace(action.action, status=ActionStatus.DONE)))
    assert action.id in {e.id for e in source.shown("due", {"status": ["done"]})}
    assert source.warnings() is not warnings
    # saved by another process: the next read takes it in
    other = Store(tmp_path).open_session(NEW_ID)
    again = other.get(action.id)
    assert again.action is not None
    other.save_entry(replace(again, action=replace(again.action, status=ActionStatus.OPEN)))
    assert action.id not in {e.id for e in source.shown("due", {"status": ["done"]})}
