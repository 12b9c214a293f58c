"""Action register screen: from the start screen and F4, filters, opening an action in its
session, export, the place kept."""

from __future__ import annotations

from pathlib import Path

import plenary_helpers  # noqa: F401 - puts tests/unit on sys.path
from plenary_helpers import TODAY, session_screen
from textual.widgets import Input, Select, Static

from workshop_tui.core.model import EntryKind
from workshop_tui.core.store import Store
from workshop_tui.ui.app import WorkshopApp
from workshop_tui.ui.screens.register import PREFS_KEY, RegisterScreen
from workshop_tui.ui.screens.review import SessionsScreen
from workshop_tui.ui.widgets.export_path import ExportPathScreen
from workshop_tui.ui.widgets.table import RowTable

import register_sample  # noqa: E402  isort: skip
from register_sample import THIRD_ID  # noqa: E402  isort: skip


def _app(data: Path) -> WorkshopApp:
    register_sample.build(data)
    return WorkshopApp(store=Store(data), today=lambda: TODAY)


async def _settle(app: WorkshopApp, pilot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()


async def test_register_from_the_start_screen_filters_and_opens_an_action(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await _settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, RegisterScreen)
        table = screen.query_one("#register-table", RowTable)
        assert table.row_count > 0 and all(r.is_open for r in screen.shown)  # default: open
        texts = [r.text for r in screen.shown]
        assert texts.count("Draft an amendment to the customs law") == 1  # one row, 3 sessions
        title = str(screen.query_one("#register-title", Static).content)
        assert "overdue" in title
        screen.query_one("#register-status", Select).value = "overdue"
        await _settle(app, pilot)
        assert screen.shown and all(r.overdue for r in screen.shown)
        await pilot.press("slash", *"port officers", "enter")
        await _settle(app, pilot)
        assert [r.text for r in screen.shown] == ["Run two IPR training sessions for port officers"]
        detail = str(screen.query_one("#register-detail", Static).content)
        assert "not done by the follow-up Workshop 2026 (2026-05-25)" in detail
        row = screen.shown[0]
        await pilot.press("enter")
        await _settle(app, pilot)
        session = session_screen(app)
        assert session.store.id == row.session and session.read_only
        assert session.pane(EntryKind.ACTION).highlighted_id == row.id
        app.pop_screen()
        await pilot.pause()
        assert app.screen is screen
    place = Store(tmp_path).prefs.get(PREFS_KEY, {}, dict)
    assert place["status"] == "overdue" and place["text"] == "port officers"
    assert place["cursor"] == f"{row.session}/{row.id}"


async def test_register_from_f4_and_export(tmp_path: Path) -> None:
    app = _app(tmp_path)
    target = tmp_path / "out" / "register.md"
    target.parent.mkdir()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f4")
        await _settle(app, pilot)
        assert isinstance(app.screen, SessionsScreen)
        await pilot.press("a")
        await _settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, RegisterScreen)
        screen.query_one("#register-status", Select).value = "all"
        await _settle(app, pilot)
        amendment = next(r for r in screen.shown if r.text.startswith("Draft an amendment to the"))
        assert amendment.session == THIRD_ID and len(amendment.history) == 3
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ExportPathScreen)
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        text = target.read_text(encoding="utf-8")
        assert text.startswith("# Action register: ") and "carried over" in text
        await pilot.press("x")
        await pilot.pause()
        app.screen.query_one(Input).value = str(tmp_path / "register.pdf")
        await pilot.press("enter")
        await pilot.pause()
        assert not (tmp_path / "register.pdf").exists()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SessionsScreen)


async def test_f3_of_an_old_session_judges_overdue_by_its_follow_up(tmp_path: Path) -> None:
    import datetime as dt

    from plenary_helpers import EARLIER_ID, make_app

    from workshop_tui.ui.screens.actions import ActionsScreen

    app = make_app(tmp_path, session_id=None, follow_up=True)
    app.today = lambda: dt.date(2033, 1, 1)  # years later: "2,466 days ago" is not the point
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.open_session(EARLIER_ID, read_only=True)
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ActionsScreen) and screen.follow_up is not None
        assert screen.follow_up.title == "Workshop 2026"
        from workshop_tui.core.quality import check_session

        messages = [
            w.message
            for w in check_session(screen.store, screen.today, screen.follow_up)["20250005-ac"]
        ]
        assert any("not done by the follow-up Workshop 2026 (2026-05-25)" in m for m in messages)
        assert not any("days ago" in m for m in messages)


async def test_every_cell_stays_in_its_column_at_80_and_120_columns(tmp_path: Path) -> None:
    """The action's text is a flex column: when the fixed columns fill the screen it keeps
    its least width (the table scrolls sideways) instead of shrinking to nothing and
    spilling over the owner, due date and the rest."""
    for size in ((80, 24), (120, 40)):
        app = _app(tmp_path / f"{size[0]}")
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await pilot.press("a")
            await _settle(app, pilot)
            table = app.screen.query_one("#register-table", RowTable)
            widths = [c.width for c in table.columns]
            assert table.columns[2].key == "text" and widths[2] >= 30
            for index in range(table.row_count):
                cells = table.row_text(index)
                assert [len(cell) for cell in cells] == widths
