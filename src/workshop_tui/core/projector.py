"""What the projector shows: the facilitator's current topic and view, read from the session.

The facilitator's app saves where it is in the session's UI state (``topic``, ``timers``,
and :data:`VIEW_KEY` — ``"topic"`` or ``"plenary"``); a projector in another process (a
browser tab in room mode, or ``workshop-tui resume SESSION --projector``) reads it back with
:func:`projector_view` at every poll of the session file. Pure: no Textual.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from workshop_tui.core.agenda import Topic
from workshop_tui.core.plenary import Cell, Grid, build_grid
from workshop_tui.core.store import SessionStore
from workshop_tui.core.timer import Clock, TimerBank, TopicTimer

#: the UI-state key the facilitator's app writes: which view the projector follows
VIEW_KEY = "projector_view"
TOPIC_VIEW = "topic"
PLENARY_VIEW = "plenary"
VIEWS = (TOPIC_VIEW, PLENARY_VIEW)


@dataclass(frozen=True)
class ProjectorView:
    """Everything one projector frame draws."""

    session_title: str
    view: str  # TOPIC_VIEW or PLENARY_VIEW
    topic: Topic
    topic_number: int  # 1-based place in the agenda
    topic_count: int
    timer: TopicTimer  # rebuilt from the saved state; keeps running on this clock
    counts: tuple[Cell, ...]  # the current topic, one per group, in agenda order
    grid: Grid


def facilitator_place(state: dict[str, Any], topic_ids: list[str]) -> tuple[str, str]:
    """(topic id, view) the facilitator is at, from hand-written or old state too: an
    unknown topic falls back to the first, an unknown view to the topic view."""
    topic = state.get("topic")
    topic_id = topic if isinstance(topic, str) and topic in topic_ids else topic_ids[0]
    view = state.get(VIEW_KEY)
    return topic_id, view if view in VIEWS else TOPIC_VIEW


def projector_view(
    store: SessionStore,
    *,
    clock: Clock = time.monotonic,
    wall_clock: Clock = time.time,
) -> ProjectorView:
    """Read the session and the facilitator's saved place (raises StoreError when the file
    cannot be read). The agenda must have at least one topic."""
    session = store.session
    agenda = session.agenda
    topic_ids = [t.id for t in agenda.topics]
    state = store.get_state()
    topic_id, view = facilitator_place(state, topic_ids)
    topic = agenda.topic(topic_id)
    timers = TimerBank.from_dict(state.get("timers"), clock=clock, wall_clock=wall_clock)
    timer = timers.for_topic(topic.id, max(1, topic.timebox))
    grid = build_grid(store)
    return ProjectorView(
        session_title=session.title,
        view=view,
        topic=topic,
        topic_number=topic_ids.index(topic_id) + 1,
        topic_count=len(topic_ids),
        timer=timer,
        counts=tuple(grid.cell(topic.id, g) for g in grid.groups),
        grid=grid,
    )
