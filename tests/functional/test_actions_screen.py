"""Action list: rows, filters, sorting, inline status, jump to source, read-only."""

from __future__ import annotations

from pathlib import Path

from plenary_helpers import (
    EARLIER_ID,
    NEW_ID,
    choose,
    column_of,
    current_id,
    make_app,
    session_screen,
)
from session_fixtures import saved
from textual.widgets import Static

from workshop_tui.core.model import ActionStatus, EntryKind
from workshop_tui.core.store import Store
from workshop_tui.ui.screens.actions import ActionsScreen
from workshop_tui.ui.widgets.table import RowTable


async def test_list_filter_sort_and_status(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ActionsScreen)
        table = screen.query_one("#actions-table", RowTable)
        # sorted by due date: dated first, then timeframe-only, then none
        assert column_of(table, "due") == ["2026-04-30", "2026-09-30", "short", "—"]
        assert column_of(table, "warnings") == [
            "overdue",
            "ok",
            "2: no success indicator, vague wording",
            "5: no owner, no due date, no success indicator, vague wording, linked to nothing",
        ]
        await pilot.press("o")  # sort by priority
        await pilot.pause()
        assert column_of(table, "prio") == ["high", "med", "med", "low"]
        await pilot.press("o")  # by owner: people first, no owner last
        await pilot.pause()
        assert column_of(table, "owner") == ["Ana", "Chen", "Eli", "—"]
        # filter by unit, then by group as well
        choose(screen, "unit", "Legal department")
        await pilot.pause()
        assert column_of(table, "owner") == ["Ana", "—"]
        choose(screen, "group", "Group B")
        await pilot.pause()
        assert column_of(table, "action") == ["Improve cooperation with the courts"]
        await pilot.press("c")  # clear filters
        await pilot.pause()
        assert table.row_count == 4
        # inline status: space cycles open → in progress → done, saved at once
        await pilot.press("space")
        await saved(pilot)
        entry_id = current_id(table)
        assert (
            Store(tmp_path).open_session(NEW_ID).get(entry_id).action.status
            == ActionStatus.IN_PROGRESS
        )  # type: ignore[union-attr]
        await pilot.press("space")
        await saved(pilot)
        assert Store(tmp_path).open_session(NEW_ID).get(entry_id).action.status == ActionStatus.DONE  # type: ignore[union-attr]
        # the cursor stayed on the row it was on when the filters were cleared
        assert column_of(table, "action")[table.cursor_row] == "Improve cooperation with the courts"
        choose(screen, "status", "done")
        await pilot.pause()
        assert column_of(table, "action") == ["Improve cooperation with the courts"]
        assert current_id(table) == entry_id


async def test_enter_jumps_to_the_source_solution(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("down", "enter")  # "Draft an amendment …" comes from solution S1
        await pilot.pause()
        await pilot.pause()
        session = session_screen(app)
        assert (session.topic_id, session.group) == ("legal", "Group A")
        pane = session.pane(EntryKind.SOLUTION)
        assert pane.highlighted_id == "20260003-so"
        assert app.focused is pane.entry_list
        # the session screen below was reused: no second copy on the stack
        assert sum(isinstance(s, type(session)) for s in app.screen_stack) == 1


async def test_read_only_session_refuses_status_change(tmp_path: Path) -> None:
    app = make_app(tmp_path, session_id=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.open_session(EARLIER_ID, read_only=True)
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ActionsScreen) and screen.read_only
        before = Store(tmp_path).open_session(EARLIER_ID).entries(kind=EntryKind.ACTION)
        await pilot.press("space", "e", "ctrl+z")
        await saved(pilot)
        assert Store(tmp_path).open_session(EARLIER_ID).entries(kind=EntryKind.ACTION) == before
        assert app.screen is screen  # no editor opened
        # the footer shows no editing key (space, e, ^z), only what works read-only
        shown = {b.binding.action for b in screen.active_bindings.values() if b.enabled}
        assert not shown & {"cycle_status", "edit", "undo"}
        assert {"cycle_sort", "focus_filters", "close"} <= shown


async def test_title_shows_counts_and_read_only_before_a_long_session_title(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path, session_id=None)
    Store(tmp_path).open_session(EARLIER_ID).update_session(
        title="National Workshop on Combating Counterfeiting and Piracy, Jakarta, March 2026"
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.open_session(EARLIER_ID, read_only=True)
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ActionsScreen)
        title = str(screen.query_one("#actions-title", Static).content)
        assert title.startswith("Actions · 5 of 5 · sorted by due READ-ONLY · National")


async def test_detail_says_where_the_action_comes_from_at_80_columns(tmp_path: Path) -> None:
    """At 80 columns the unit, topic and group columns are off screen: the detail line under
    the table names them."""
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ActionsScreen)
        table = screen.query_one("#actions-table", RowTable)
        entry = screen.store.get(current_id(table))
        assert entry.action is not None
        number = [t.id for t in screen.agenda.topics].index(entry.topic_id) + 1
        detail = str(screen.query_one("#action-detail", Static).content)
        title = screen.agenda.topic(entry.topic_id).title
        assert f"{number}. {title} · {entry.group} · unit {entry.action.unit or '—'}" in detail


async def test_a_failed_save_keeps_the_editor_open_with_the_typed_fields(tmp_path: Path) -> None:
    """Disk full while saving an action from the list: the reason is shown and the editor
    stays open with everything typed; once the disk is back, ctrl+s saves it."""
    from textual.widgets import Input

    from workshop_tui.core.store import StoreWriteError
    from workshop_tui.ui.widgets.action_form import ActionEditor

    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ActionsScreen)
        await pilot.press("e")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, ActionEditor)
        editor.query_one("#field-owner", Input).value = "Dewi Lestari"
        real = screen.capture.set_action

        def disk_full(*args: object, **kwargs: object) -> object:
            raise StoreWriteError(tmp_path / "s.json", OSError(28, "No space left on device"))

        screen.capture.set_action = disk_full  # type: ignore[method-assign]
        await pilot.press("ctrl+s")
        await saved(pilot)
        assert app.screen is editor
        assert editor.query_one("#field-owner", Input).value == "Dewi Lestari"
        assert any(n.severity == "error" for n in app._notifications)
        screen.capture.set_action = real  # type: ignore[method-assign]
        await pilot.press("ctrl+s")
        await saved(pilot)
        assert app.screen is screen
        assert "Dewi Lestari" in column_of(screen.query_one("#actions-table", RowTable), "owner")
