"""Sessions browser: list, filters, read-only opening of an ended session, confirmed reopen."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from plenary_helpers import EARLIER_ID, NEW_ID, make_app, session_screen
from textual.widgets import Input, Select, Static

from workshop_tui.core.store import Store
from workshop_tui.ui.screens.review import ConfirmScreen, SessionsScreen
from workshop_tui.ui.widgets.table import RowTable


async def open_browser(app, pilot) -> SessionsScreen:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.press("f4")
    await app.workers.wait_for_complete()
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, SessionsScreen)
    return screen


async def test_list_and_filters(tmp_path: Path) -> None:
    app = make_app(tmp_path, session_id=None)
    other = Store(tmp_path)
    from plenary_sample import agenda

    other.create_session(replace(agenda("Team retrospective"), name="retro"), title="Retro March")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_browser(app, pilot)
        table = screen.query_one("#sessions-table", RowTable)
        assert table.row_count == 3
        assert [s.title for s in screen.shown][1:] == ["Workshop 2026", "Workshop 2025"]
        screen.query_one("#sessions-agenda", Select).value = "ipr-test"
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [s.title for s in screen.shown] == ["Workshop 2026", "Workshop 2025"]
        await pilot.press("slash")
        await pilot.press(*"2025")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [s.title for s in screen.shown] == ["Workshop 2025"]
        detail = str(screen.query_one("#session-detail", Static).content)
        assert "1. Legal framework" in detail and "Groups: Group A, Group B, Group C" in detail
        screen.query_one("#sessions-text", Input).value = "no such thing"
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert table.row_count == 0
        assert "No sessions match." in str(screen.query_one("#session-detail", Static).content)


async def test_agenda_shown_is_the_snapshot(tmp_path: Path) -> None:
    """Changing the agenda afterwards does not change what a past session shows."""
    app = make_app(tmp_path, session_id=None)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_browser(app, pilot)
        await pilot.press("down")  # Workshop 2025
        await pilot.pause()
        detail = str(screen.query_one("#session-detail", Static).content)
        assert "Information recordation at customs" in detail
        assert "(ipr-test)" in detail


async def test_ended_session_opens_read_only_and_reopen_needs_confirmation(tmp_path: Path) -> None:
    app = make_app(tmp_path, session_id=None)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_browser(app, pilot)
        await pilot.press("down", "enter")
        await pilot.pause()
        session = session_screen(app)
        assert session.store.id == EARLIER_ID and session.read_only
        await pilot.press("escape")  # back: session screens do not bind escape
        app.pop_screen()
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # cancelled: still ended
        await pilot.pause()
        assert Store(tmp_path).open_session(EARLIER_ID).session.ended
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        await pilot.pause()
        assert Store(tmp_path).open_session(EARLIER_ID).session.ended == ""
        session = session_screen(app)
        assert session.store.id == EARLIER_ID and not session.read_only


async def test_in_progress_session_opens_for_editing(tmp_path: Path) -> None:
    app = make_app(tmp_path, session_id=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_browser(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        session = session_screen(app)
        assert session.store.id == NEW_ID and not session.read_only


async def test_confirm_dialog_is_compact_when_the_sessions_browser_was_never_opened(
    tmp_path: Path,
) -> None:
    """End session asks from the session screen: a small dialog with its buttons and keys,
    not a box filling the screen (its CSS used to come with the sessions browser)."""
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        session_screen(app)
        app.push_screen(ConfirmScreen("End the session?", yes="End session"))
        await pilot.pause()
        dialog = app.screen.query_one(".dialog")
        assert dialog.outer_size.height <= 10
        buttons = app.screen.query_one("#confirm-buttons")
        assert buttons.region.bottom <= dialog.region.bottom
        assert "y: yes" in str(app.screen.query_one(".dialog-help", Static).content)


async def test_dates_and_counts_fit_80_columns(tmp_path: Path) -> None:
    """A long title is cut; the dates and the C/S/A/open counts stay on screen at 80x24."""
    app = make_app(tmp_path, session_id=None)
    Store(tmp_path).open_session(EARLIER_ID).update_session(
        title="National Workshop on Combating Counterfeiting and Piracy, Jakarta, March 2026"
    )
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_browser(app, pilot)
        table = screen.query_one("#sessions-table", RowTable)
        right_edge = 0
        for column in table.columns:
            right_edge += column.width + table.gap
            if column.key == "open":
                break
        assert right_edge <= 80
        assert [c.key for c in table.columns][:3] == ["state", "title", "started"]
        row = table.row_text(1)
        assert row[1].startswith("National Workshop") and row[2].startswith("2025-11-24")


async def test_a_long_confirm_question_wraps(tmp_path: Path) -> None:
    """The whole question is readable at 80 columns (it was cut at the dialog's edge)."""
    from textual.widgets import Label

    app = make_app(tmp_path)
    question = (
        "“National Workshop on Combating Counterfeiting and Piracy” ended on 2026-03-06. "
        "Reopen it for editing?"
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(ConfirmScreen(question, yes="Reopen"))
        await pilot.pause()
        label = app.screen.query_one("#confirm-question", Label)
        assert label.size.height >= 2
        assert label.region.right <= app.screen.query_one(".dialog").region.right
