"""Snapshots of the plenary's Themes tab (F2, t) at 80×24 and 120×40: suggestions with their
reasons, then an accepted theme with dots. Fixed data: the three groups' risk-analysis
challenges of the labelled set, fixed ids and times."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from workshop_tui.core.agenda import Agenda, Group, Topic
from workshop_tui.core.model import Entry, EntryKind, Session
from workshop_tui.core.store import Store
from workshop_tui.ui.app import WorkshopApp

EVAL = Path(__file__).resolve().parents[1] / "data" / "themes_eval.json"
SIZES = [(80, 24), (120, 40)]
AGENDA = Agenda(
    title="IPR border enforcement",
    topics=(Topic("risk", "Risk analysis"),),
    groups=(Group("Group A"), Group("Group B"), Group("Group C")),
)
SESSION_ID = "themes-snapshot"


def make_app(data_dir: Path) -> WorkshopApp:
    store = Store(data_dir)
    session = Session(
        title="Synthesis day", agenda=AGENDA, id=SESSION_ID, started="2026-06-01T09:00:00+00:00"
    )
    rows = json.loads(EVAL.read_text(encoding="utf-8"))["sets"][0]["entries"]
    entries = [
        Entry(
            kind=EntryKind.CHALLENGE,
            topic_id="risk",
            group=group,
            text=text,
            id=f"c{number:02d}",
            position=float(number),
            created=f"2026-06-01T10:{number:02d}:00.000000+00:00",
        )
        for number, (group, text, _) in enumerate(rows)
    ]
    store.add_session(session, entries)
    return WorkshopApp(store=store, session_id=SESSION_ID, clock=lambda: 1000.0)


def keys(*pressed: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        for key in pressed:
            await pilot.press(key)
            await pilot.pause()
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
        pilot.app.clear_notifications()
        await pilot.pause()

    return run_before


size_param = pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")


@size_param
def test_themes_suggestions(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=size, run_before=keys("f2", "t"))


@size_param
def test_themes_accepted_with_dots(
    snap_compare: Any, tmp_path: Path, size: tuple[int, int]
) -> None:
    run = keys("f2", "t", "enter", "v", "right_square_bracket", "v")
    assert snap_compare(make_app(tmp_path), terminal_size=size, run_before=run)
