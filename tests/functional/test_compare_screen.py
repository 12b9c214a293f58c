"""Compare two workshops from F4: m marks, c compares, x exports."""

from __future__ import annotations

from pathlib import Path

from plenary_helpers import make_app
from textual.widgets import Input, Static

from workshop_tui.ui.screens.compare import CompareScreen
from workshop_tui.ui.screens.review import SessionsScreen
from workshop_tui.ui.widgets.export_path import ExportPathScreen


async def _settle(app, pilot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()


async def test_mark_two_and_compare_then_export(tmp_path: Path) -> None:
    app = make_app(tmp_path, session_id=None)
    target = tmp_path / "comparison.html"
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f4")
        await _settle(app, pilot)
        browser = app.screen
        assert isinstance(browser, SessionsScreen)
        await pilot.press("c")  # nothing marked yet: says what to do
        await pilot.pause()
        assert app.screen is browser
        await pilot.press("m", "down", "m")
        await pilot.pause()
        assert len(browser.marked) == 2
        assert "◆ 2 marked" in str(browser.query_one("#sessions-title", Static).content)
        await pilot.press("c")
        await _settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen) and screen.comparison is not None
        assert screen.comparison.a.title == "Workshop 2025"  # the earlier one on the left
        title = str(screen.query_one("#compare-title", Static).content)
        assert "Workshop 2025 compared with Workshop 2026" in title
        tables = screen.query_one("#compare-tables", Static)
        assert tables.size.height > 20
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ExportPathScreen)
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert "<h2>By topic</h2>" in target.read_text(encoding="utf-8")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is browser


async def test_one_marked_compares_with_the_highlighted(tmp_path: Path) -> None:
    app = make_app(tmp_path, session_id=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f4")
        await _settle(app, pilot)
        await pilot.press("m", "down", "c")
        await _settle(app, pilot)
        assert isinstance(app.screen, CompareScreen)
