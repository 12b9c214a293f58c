"""The projector view: what the room sees on the wall, steered by the facilitator.

Read-only. It shows the facilitator's current topic with its guiding questions, the topic's
timer in large digits (Textual's ``Digits``, coloured like the session screen's timer) and
live counts per group; when the facilitator opens the plenary (F2) it shows the topic ×
group grid instead. Where the facilitator is comes from the session's saved UI state
(:mod:`workshop_tui.core.projector`), read again every second off the event loop.
"""

from __future__ import annotations

import time
from typing import Any, ClassVar

from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Digits, Static

from workshop_tui.core.i18n import _
from workshop_tui.core.plenary import Cell, Grid
from workshop_tui.core.projector import PLENARY_VIEW, ProjectorView, projector_view
from workshop_tui.core.store import SessionStore, StoreError
from workshop_tui.core.timer import RunState, Urgency, countdown_text

POLL_SECONDS = 1.0
TICK_SECONDS = 0.25

_URGENCY_CLASSES = {
    Urgency.WARNING: "-warning",
    Urgency.ERROR: "-error",
    Urgency.OVERTIME: "-overtime",
}


def counts_table(cells: tuple[Cell, ...]) -> Table:
    """Challenges, solutions and actions of the current topic, one row per group."""
    table = Table(expand=False, box=None, pad_edge=False, padding=(0, 2))
    table.add_column(_("Group"), style="bold")
    for heading in (_("Challenges"), _("Solutions"), _("Actions")):
        table.add_column(heading, justify="right")
    for cell in cells:
        table.add_row(cell.group, str(cell.challenges), str(cell.solutions), str(cell.actions))
    return table


def grid_table(grid: Grid, current_topic: str) -> Table:
    """The plenary grid: topics down, groups across, challenges/solutions/actions per cell."""
    table = Table(
        expand=True,
        box=None,
        pad_edge=False,
        padding=(0, 1),
        title=_("Plenary: challenges/solutions/actions per topic and group"),
        title_justify="left",
        title_style="bold",
    )
    table.add_column(_("Topic"), ratio=3, overflow="fold")
    for group in grid.groups:
        table.add_column(group, justify="center", ratio=1, overflow="fold")
    for topic_id, title in grid.topics:
        style = "bold reverse" if topic_id == current_topic else ""
        table.add_row(
            Text(title, style=style), *(grid.cell(topic_id, g).label for g in grid.groups)
        )
    return table


class ProjectorScreen(Screen[None]):
    """The projector view of one session (see module docstring)."""

    DEFAULT_CSS = """
    ProjectorScreen { padding: 0 2; }
    ProjectorScreen #projector-head { color: $text-muted; height: auto; }
    ProjectorScreen #projector-title { text-style: bold; color: $accent; margin-top: 1; }
    ProjectorScreen #projector-questions { margin-bottom: 1; }
    ProjectorScreen #projector-timer-row { height: auto; }
    ProjectorScreen #projector-timer { width: auto; color: $text; }
    ProjectorScreen #projector-timer.-idle, ProjectorScreen #projector-timer.-paused {
        color: $text-muted;
    }
    ProjectorScreen #projector-timer.-warning { color: $warning; }
    ProjectorScreen #projector-timer.-error { color: $error; }
    ProjectorScreen #projector-timer.-overtime { color: $error; text-style: bold; }
    ProjectorScreen #projector-timer-state { padding: 1 2; color: $text-muted; }
    ProjectorScreen #projector-counts { margin-top: 1; height: auto; }
    ProjectorScreen #projector-grid { display: none; margin-top: 1; }
    ProjectorScreen.-plenary #projector-grid { display: block; }
    ProjectorScreen.-plenary #projector-topic-view { display: none; }
    ProjectorScreen #projector-problem { color: $error; display: none; }
    ProjectorScreen #projector-problem.-shown { display: block; }
    """

    BINDINGS: ClassVar[list[BindingType]] = []

    def __init__(self, store: SessionStore) -> None:
        super().__init__()
        self.store = store
        self.shown: ProjectorView | None = None
        self._problem = ""

    def compose(self) -> ComposeResult:
        yield Static(id="projector-head", markup=False)
        yield Static(id="projector-problem", markup=False)
        with Vertical(id="projector-topic-view"):
            yield Static(id="projector-title", markup=False)
            yield Static(id="projector-questions", markup=False)
            with Horizontal(id="projector-timer-row"):
                yield Digits("", id="projector-timer")
                yield Static(id="projector-timer-state", markup=False)
            yield Static(id="projector-counts")
        yield Static(id="projector-grid")

    def on_mount(self) -> None:
        try:
            self.show(projector_view(self.store, clock=self._clock()))
        except (StoreError, OSError) as err:
            self._show_problem(str(err))
        self.set_interval(POLL_SECONDS, self._poll)
        self.set_interval(TICK_SECONDS, self._tick)

    def _clock(self) -> Any:
        return getattr(self.app, "clock", time.monotonic)

    # -- reading ---------------------------------------------------------------------
    def _poll(self) -> None:
        self._read()

    @work(thread=True, exclusive=True, group="projector-poll")
    def _read(self) -> None:
        try:
            view = projector_view(self.store, clock=self._clock())
        except (StoreError, OSError) as err:
            self.app.call_from_thread(self._show_problem, str(err))
            return
        self.app.call_from_thread(self.show, view)

    def _show_problem(self, message: str) -> None:
        problem = self.query_one("#projector-problem", Static)
        problem.update(message)
        problem.set_class(bool(message), "-shown")

    # -- drawing ---------------------------------------------------------------------
    def show(self, view: ProjectorView) -> None:
        """Draw ``view`` (the timer keeps ticking from it until the next read)."""
        self._show_problem("")
        self.shown = view
        self.set_class(view.view == PLENARY_VIEW, "-plenary")
        self.query_one("#projector-head", Static).update(
            _("{session} · topic {number} of {count} · projector (read-only)").format(
                session=view.session_title, number=view.topic_number, count=view.topic_count
            )
        )
        self.query_one("#projector-title", Static).update(view.topic.title)
        self.query_one("#projector-questions", Static).update(
            "\n".join(f"• {q}" for q in view.topic.questions)
        )
        self.query_one("#projector-counts", Static).update(counts_table(view.counts))
        self.query_one("#projector-grid", Static).update(grid_table(view.grid, view.topic.id))
        self._tick()

    def _tick(self) -> None:
        if self.shown is None:
            return
        timer = self.shown.timer
        digits = self.query_one("#projector-timer", Digits)
        digits.update(countdown_text(timer))
        phase = timer.phase
        for name in ("-idle", "-running", "-paused", *_URGENCY_CLASSES.values()):
            digits.remove_class(name)
        digits.add_class(f"-{phase.state.value}")
        if phase.urgency in _URGENCY_CLASSES and phase.state is not RunState.IDLE:
            digits.add_class(_URGENCY_CLASSES[phase.urgency])
        self.query_one("#projector-timer-state", Static).update(_(phase.state.label))
