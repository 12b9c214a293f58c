"""Snapshots of the plenary (grid, side by side, charts, warnings), action list, sessions
browser and follow-up screens at 80×24 and 120×40.

Fixed data (``tests/unit/plenary_sample.py``): fixed ids, titles and timestamps, and today is
injected (2026-06-01), so no temporary path and no current date reaches the screen. Review a
diff before ``--snapshot-update``.
"""

from __future__ import annotations

import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))

import plenary_sample  # noqa: E402

from workshop_tui.core.store import Store  # noqa: E402
from workshop_tui.ui.app import WorkshopApp  # noqa: E402

SIZES = [(80, 24), (120, 40)]


def fixed_clock() -> float:
    return 1000.0


def make_app(data_dir: Path, *, follow_up: bool = False, open_session: bool = True) -> WorkshopApp:
    plenary_sample.build(data_dir, follow_up=follow_up)
    return WorkshopApp(
        store=Store(data_dir),
        session_id=plenary_sample.NEW_ID if open_session else None,
        clock=fixed_clock,
        today=lambda: plenary_sample.TODAY,
    )


def keys(*pressed: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        for key in pressed:
            await pilot.press(key)
            await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
        pilot.app.clear_notifications()  # toasts come and go with time
        await pilot.pause()

    return run_before


size_param = pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")


@size_param
def test_plenary_grid(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=size, run_before=keys("f2"))


@size_param
def test_plenary_side_by_side(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=size, run_before=keys("f2", "s"))


@size_param
def test_plenary_charts(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=size, run_before=keys("f2", "c"))


@size_param
def test_plenary_warnings(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=size, run_before=keys("f2", "w", "down"))


@size_param
def test_action_list(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=size, run_before=keys("f3"))


@size_param
def test_sessions_browser(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(tmp_path, open_session=False)
    assert snap_compare(app, terminal_size=size, run_before=keys("f4", "down"))


@size_param
def test_follow_up(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(tmp_path, follow_up=True)
    assert snap_compare(app, terminal_size=size, run_before=keys("2"))
