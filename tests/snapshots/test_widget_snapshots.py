"""Snapshots of the reusable widgets: action editor (80×24, 120×40) and topic timer states.

Clocks are fixed fakes and cursors do not blink, so the pictures are stable.
Regenerate after a reviewed change with ``pytest tests/snapshots --snapshot-update``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.pilot import Pilot
from textual.widgets import Input, Label, TextArea

from workshop_tui.core.model import ActionFields, ActionStatus, Priority, Timeframe
from workshop_tui.core.timer import TimerBank
from workshop_tui.ui.widgets.action_form import ActionEditor
from workshop_tui.ui.widgets.timer import DurationPrompt, TimerDisplay

SnapCompare = Callable[..., bool]


class FixedClock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def no_blink(app: App[Any]) -> None:
    for widget in app.screen.query(Input):
        widget.cursor_blink = False
    for area in app.screen.query(TextArea):
        area.cursor_blink = False


class EditorApp(App[None]):
    def __init__(self, editor: ActionEditor) -> None:
        super().__init__()
        self.editor = editor

    def today(self) -> dt.date:  # fixed: a due date is marked "(past)" relative to it
        return dt.date(2026, 6, 1)

    def on_mount(self) -> None:
        self.push_screen(self.editor)


def sample_editor() -> ActionEditor:
    return ActionEditor(
        "Draft a recordation procedure for right holders' trademarks and publish it",
        ActionFields(
            owner="Amina Diallo",
            unit="IPR Unit, Customs HQ",
            start="2026-12-01",
            due="2027-03-31",
            timeframe=Timeframe.SHORT,
            priority=Priority.HIGH,
            status=ActionStatus.IN_PROGRESS,
            indicator="Procedure approved and in use at 3 border posts",
            verification="Signed circular; recordation register",
            partners=["right holders", "police"],
            resources="2 staff weeks",
        ),
        people=["Amina Diallo"],
        context="Information recordation at customs · Group B",
    )


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    no_blink(pilot.app)
    for _round in range(3):  # the editor reads its dates in a thread, once a field is filled
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_action_editor(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    assert snap_compare(EditorApp(sample_editor()), terminal_size=size, run_before=settle)


def test_action_editor_with_errors_80x24(snap_compare: SnapCompare) -> None:
    async def bad_input(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        editor = pilot.app.screen
        assert isinstance(editor, ActionEditor)
        editor.query_one("#field-start", Input).value = "2026-02-31"
        editor.query_one("#field-status", Input).value = "finished"
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.press("ctrl+s")
        await pilot.pause()

    assert snap_compare(EditorApp(sample_editor()), terminal_size=(80, 24), run_before=bad_input)


class TimersApp(App[None]):
    """One display per state, all reading the same fixed clock."""

    CSS = """
    Horizontal { height: 1; margin-bottom: 1; }
    Label { width: 12; }
    """

    #: (label, duration, seconds counted, running)
    CASES = [
        ("idle", 1500, 0, False),
        ("running", 1500, 300, True),
        ("paused", 1500, 300, False),
        ("warning", 1500, 1260, True),
        ("error", 1500, 1440, True),
        ("overtime", 1500, 1573, True),
        ("long", 5400, 60, True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.clock = FixedClock(10_000.0)
        self.bank = TimerBank(clock=self.clock, wall_clock=FixedClock(0))
        for name, duration, counted, running in self.CASES:
            timer = self.bank.get(name, duration)
            self.clock.now -= counted  # start in the past, so `counted` seconds have passed
            timer.start()
            self.clock.now += counted
            if not running:
                timer.pause()
            if counted == 0:
                timer.reset()

    def compose(self) -> ComposeResult:
        with Vertical():
            for name, *_ in self.CASES:
                with Horizontal():
                    yield Label(name)
                    yield TimerDisplay(self.bank, topic_id=name, id=f"timer-{name}")


def test_timer_states(snap_compare: SnapCompare) -> None:
    assert snap_compare(TimersApp(), terminal_size=(70, 15))


def test_duration_prompt_with_error(snap_compare: SnapCompare) -> None:
    class PromptApp(App[None]):
        def on_mount(self) -> None:
            self.push_screen(DurationPrompt(1500, topic_title="Legal framework"))

    async def bad_duration(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        # the current duration is selected on focus: typing replaces it
        await pilot.press(*"25:75", "enter")
        await pilot.pause()

    assert snap_compare(PromptApp(), terminal_size=(80, 16), run_before=bad_duration)
