"""Three workshops linked by follow-ups, for the action register and compare tests.

Workshop 2025 → Workshop 2026 (follow-up, ended) → Workshop 2027 (follow-up of 2026). At
2026: the amendment is carried over, the database done, the training left open (due
2026-02-28, before the follow-up), the form left open (due 2026-12-31, after it). At 2027:
the carried amendment is carried over again.
"""

from __future__ import annotations

from pathlib import Path

import plenary_sample
from plenary_sample import NEW_ID

from workshop_tui.core.followup import record_review
from workshop_tui.core.model import ActionStatus, Session
from workshop_tui.core.store import Store

THIRD_ID = "a0000000-0000-4000-8000-000000000003"


def build(data: Path) -> Store:
    """Workshop 2025 → Workshop 2026 (follow-up, ended) → Workshop 2027 (follow-up of 2026).

    At 2026: the amendment is carried over, the database done, the training left open (due
    2026-02-28, before the follow-up), the form left open (due 2026-12-31, after it). At 2027:
    the carried amendment is carried over again."""
    store, earlier, current = plenary_sample.build(data, follow_up=True)
    carried = record_review(current, earlier, "20250003-ac", ActionStatus.CARRIED_OVER, "slow")
    record_review(current, earlier, "20250004-ac", ActionStatus.DONE)
    current.update_session(ended="2026-05-29T16:00:00.000000+00:00")
    third = store.add_session(
        Session(
            title="Workshop 2027",
            agenda=plenary_sample.agenda(),
            id=THIRD_ID,
            started="2027-05-24T08:00:00.000000+00:00",
            follow_up_of=NEW_ID,
        )
    )
    assert carried.carried is not None
    record_review(third, current, carried.carried.id, ActionStatus.CARRIED_OVER, "again")
    return Store(data)
