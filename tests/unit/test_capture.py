"""Capture operations: numbering, voting budget, reordering, linking, multi-level undo."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_tui.core.agenda import Agenda, Group, Topic
from workshop_tui.core.capture import (
    Capture,
    CaptureError,
    link_candidates,
    pane_labels,
    votes_left,
    votes_used,
)
from workshop_tui.core.model import ActionFields, ActionStatus, EntryKind
from workshop_tui.core.store import SessionStore, Store

C, S, A = EntryKind.CHALLENGE, EntryKind.SOLUTION, EntryKind.ACTION
AGENDA = Agenda(
    title="Unit",
    topics=(Topic("t1", "One"), Topic("t2", "Two")),
    groups=(Group("A"), Group("B")),
)


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return Store(tmp_path).create_session(AGENDA, votes_per_group=3)


def texts(store: SessionStore, kind: EntryKind, group: str = "A") -> list[str]:
    return [e.text for e in store.entries(topic_id="t1", group=group, kind=kind)]


def test_labels_number_each_kind_in_pane_order_skipping_tombstones(store: SessionStore) -> None:
    capture = Capture(store)
    c1 = capture.add(C, "t1", "A", "c one")
    c2 = capture.add(C, "t1", "A", "c two")
    s1 = capture.add(S, "t1", "A", "s one")
    capture.delete(c1.id)
    labels = pane_labels(store.entries(topic_id="t1", group="A", include_deleted=True))
    assert labels == {c2.id: "C1", s1.id: "S1"}


def test_add_refuses_empty_text_and_strips(store: SessionStore) -> None:
    capture = Capture(store)
    with pytest.raises(CaptureError):
        capture.add(C, "t1", "A", "   ")
    assert capture.add(C, "t1", "A", "  padded  ").text == "padded"
    assert not capture.add(C, "t1", "A", "x").deleted


def test_votes_budget_per_topic_and_group(store: SessionStore) -> None:
    capture = Capture(store)
    c = capture.add(C, "t1", "A", "c")
    s = capture.add(S, "t1", "A", "s")
    other_topic = capture.add(C, "t2", "A", "elsewhere")
    capture.vote(c.id, "A")
    capture.vote(c.id, "A")
    capture.vote(s.id, "A")
    assert votes_used(store, "t1", "A") == 3 and votes_left(store, "t1", "A") == 0
    with pytest.raises(CaptureError, match="used all 3 votes"):
        capture.vote(s.id, "A")
    capture.vote(other_topic.id, "A")  # another topic has its own budget
    capture.vote(c.id, "B")  # another group too
    assert store.get(c.id).votes == {"A": 2, "B": 1}
    capture.unvote(c.id, "A")
    assert votes_left(store, "t1", "A") == 1
    with pytest.raises(CaptureError):
        capture.unvote(s.id, "B")
    action = capture.add(A, "t1", "A", "act")
    with pytest.raises(CaptureError, match="only challenges and solutions"):
        capture.vote(action.id, "A")


def test_move_reorders_and_undo_restores(store: SessionStore) -> None:
    capture = Capture(store)
    for text in ("a", "b", "c"):
        capture.add(C, "t1", "A", text)
    first = store.entries(topic_id="t1", group="A", kind=C)[0]
    assert capture.move(first.id, 2)
    assert texts(store, C) == ["b", "c", "a"]
    assert not capture.move(first.id, 1)  # already last
    capture.undo()
    assert texts(store, C) == ["a", "b", "c"]


def test_links_and_candidates(store: SessionStore) -> None:
    capture = Capture(store)
    c1 = capture.add(C, "t1", "A", "c1")
    capture.add(C, "t1", "B", "other group")
    s1 = capture.add(S, "t1", "A", "s1")
    a1 = capture.add(A, "t1", "A", "a1")
    assert [e.text for e in link_candidates(store, s1)] == ["c1"]
    assert [e.text for e in link_candidates(store, a1)] == ["s1", "c1"]
    assert link_candidates(store, c1) == []
    capture.toggle_link(s1.id, c1.id)
    assert [e.id for e in store.linked_from(c1.id)] == [s1.id]
    capture.toggle_link(s1.id, c1.id)
    assert store.get(s1.id).links == []


def test_undo_several_levels_in_reverse_order(store: SessionStore) -> None:
    capture = Capture(store)
    entry = capture.add(C, "t1", "A", "original")
    capture.edit_text(entry.id, "edited")
    capture.delete(entry.id)
    assert texts(store, C) == []
    assert capture.undo().description == "delete"  # type: ignore[union-attr]
    assert texts(store, C) == ["edited"]
    assert capture.undo().description == "edit"  # type: ignore[union-attr]
    assert texts(store, C) == ["original"]
    assert capture.undo().description == "add challenge"  # type: ignore[union-attr]
    assert texts(store, C) == []
    assert store.get(entry.id).deleted  # an undone add is a tombstone, never a hard delete
    assert capture.undo() is None and not capture.can_undo


def test_set_action_fields_and_text_then_undo(store: SessionStore) -> None:
    capture = Capture(store)
    action = capture.add(A, "t1", "A", "draft")
    fields = ActionFields(owner="Ana", due="2026-12-31", status=ActionStatus.IN_PROGRESS)
    capture.set_action(action.id, fields, text="Draft the procedure")
    saved = store.get(action.id)
    assert saved.text == "Draft the procedure" and saved.action == fields
    capture.undo()
    restored = store.get(action.id)
    assert restored.text == "draft" and restored.action == ActionFields()


def test_undo_history_is_bounded(store: SessionStore) -> None:
    capture = Capture(store, max_undo=2)
    for text in ("a", "b", "c"):
        capture.add(C, "t1", "A", text)
    capture.undo()
    capture.undo()
    assert not capture.can_undo
    assert texts(store, C) == ["a"]
