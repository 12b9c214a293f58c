"""Follow-up reviews: status + history on the origin, carried-over copies, re-reviews."""

from __future__ import annotations

from pathlib import Path

import pytest
from plenary_sample import EARLIER_ID, NEW_ID, build

from workshop_tui.core.followup import (
    carried_copy,
    earlier_session,
    followup_finished,
    open_actions,
    record_review,
    review_queue,
    reviewed_ids,
    set_followup_finished,
)
from workshop_tui.core.model import ActionStatus, EntryKind
from workshop_tui.core.store import Store, StoreError

AMEND = "20250003-ac"  # Legal department, open
DATABASE = "20250004-ac"  # IT unit, open
TRAINING = "20250005-ac"  # Training academy, open
LEAFLET = "20250006-ac"  # already done
FORM = "20250007-ac"  # IT unit, open


def test_open_actions_in_agenda_order(tmp_path: Path) -> None:
    _, earlier, _ = build(tmp_path)
    assert [e.id for e in open_actions(earlier)] == [AMEND, DATABASE, FORM, TRAINING]


def test_review_sets_status_and_appends_history(tmp_path: Path) -> None:
    store, earlier, current = build(tmp_path)
    result = record_review(
        current,
        earlier,
        AMEND,
        "done",
        "  Sent to the ministry in March ",
        at="2026-05-25T10:00:00+00:00",
    )
    assert result.carried is None
    again = Store(tmp_path).open_session(EARLIER_ID).get(AMEND)  # durable, read back
    assert again.action is not None
    assert again.action.status == ActionStatus.DONE
    assert again.action.reviews == [
        {
            "at": "2026-05-25T10:00:00+00:00",
            "status": "done",
            "comment": "Sent to the ministry in March",
            "session": NEW_ID,
        }
    ]
    assert reviewed_ids(current, earlier) == {AMEND}
    # reviewed actions stay in the queue (to change a review), closed unreviewed ones do not
    assert [e.id for e in review_queue(current, earlier)] == [AMEND, DATABASE, FORM, TRAINING]
    assert LEAFLET not in {e.id for e in review_queue(current, earlier)}
    # a second review keeps the history
    record_review(current, earlier, AMEND, ActionStatus.IN_PROGRESS, "reopened by the ministry")
    fields = earlier.get(AMEND).action
    assert fields is not None and [r["status"] for r in fields.reviews] == ["done", "in_progress"]
    assert fields.status == ActionStatus.IN_PROGRESS


def test_carry_over_creates_a_linked_open_copy(tmp_path: Path) -> None:
    _, earlier, current = build(tmp_path)
    record_review(current, earlier, DATABASE, "in progress", "tender running")
    result = record_review(current, earlier, DATABASE, "carried over", "needs budget in 2027")
    copy = result.carried
    assert copy is not None
    origin = earlier.get(DATABASE)
    assert origin.action is not None and copy.action is not None
    assert origin.action.status == ActionStatus.CARRIED_OVER
    assert [r["comment"] for r in origin.action.reviews] == [
        "tender running",
        "needs budget in 2027",
    ]
    assert copy.id != origin.id
    assert (copy.kind, copy.text, copy.topic_id, copy.group) == (
        EntryKind.ACTION,
        origin.text,
        "recordation",
        "Group B",
    )
    assert copy.action.carried_from == {"session": EARLIER_ID, "entry": DATABASE}
    assert copy.action.status == ActionStatus.OPEN
    assert copy.action.reviews == []
    assert (copy.action.owner, copy.action.unit, copy.action.due, copy.action.indicator) == (
        "Bob",
        "IT unit",
        "2026-09-30",
        "Database online",
    )
    assert carried_copy(current, EARLIER_ID, DATABASE) == current.get(copy.id)
    # carrying over again does not duplicate
    record_review(current, earlier, DATABASE, "carried_over", "")
    carried = [
        e for e in current.entries(kind=EntryKind.ACTION) if e.action and e.action.carried_from
    ]
    assert len(carried) == 1


def test_changing_a_carry_over_tombstones_then_restores_the_copy(tmp_path: Path) -> None:
    _, earlier, current = build(tmp_path)
    copy = record_review(current, earlier, FORM, "carried_over").carried
    assert copy is not None
    record_review(current, earlier, FORM, "dropped", "no longer needed")
    assert carried_copy(current, EARLIER_ID, FORM) is None
    assert current.get(copy.id).deleted  # a tombstone, not lost
    again = record_review(current, earlier, FORM, "carried_over").carried
    assert again is not None and again.id == copy.id and not again.deleted


def test_carried_action_lands_in_a_valid_cell_of_a_different_agenda(tmp_path: Path) -> None:
    from dataclasses import replace

    from plenary_sample import agenda

    from workshop_tui.core.agenda import Group

    store, earlier, _ = build(tmp_path)
    other = replace(agenda("Other"), groups=(Group("Plenary"),))
    new = store.create_session(other, title="Small follow-up", follow_up_of=EARLIER_ID)
    copy = record_review(new, earlier, TRAINING, "carried_over").carried
    assert copy is not None and (copy.topic_id, copy.group) == ("training", "Plenary")


@pytest.mark.parametrize(
    ("status", "message"), [("open", "a review sets one of"), ("finished", "unknown status")]
)
def test_bad_status_is_refused_and_nothing_changes(
    tmp_path: Path, status: str, message: str
) -> None:
    _, earlier, current = build(tmp_path)
    before = earlier.get(AMEND)
    with pytest.raises(ValueError, match=message):
        record_review(current, earlier, AMEND, status)
    assert earlier.get(AMEND) == before


def test_unknown_or_foreign_action_is_refused(tmp_path: Path) -> None:
    _, earlier, current = build(tmp_path)
    with pytest.raises(StoreError, match="not in session"):
        record_review(current, earlier, "nope", "done")
    with pytest.raises(StoreError, match="not a live action"):
        record_review(current, earlier, "20250001-ch", "done")
    with pytest.raises(ValueError, match="its own actions"):
        record_review(earlier, earlier, AMEND, "done")


def test_earlier_session_and_finished_flag(tmp_path: Path) -> None:
    store, earlier, current = build(tmp_path)
    assert earlier_session(current).id == EARLIER_ID
    with pytest.raises(StoreError, match="does not follow up"):
        earlier_session(earlier)
    assert not followup_finished(current)
    set_followup_finished(current)
    assert followup_finished(Store(tmp_path).open_session(NEW_ID))
    store.delete_session(EARLIER_ID)
    with pytest.raises(StoreError, match="not in this data folder"):
        earlier_session(current)
