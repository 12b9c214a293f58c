"""Action list (F3): ctrl+z undoes the status changes (and edits) made on the list."""

from __future__ import annotations

from pathlib import Path

from plenary_helpers import EARLIER_ID, NEW_ID, column_of, current_id, make_app
from session_fixtures import saved
from textual.widgets import Input

from workshop_tui.core.model import ActionStatus, EntryKind
from workshop_tui.core.store import Store
from workshop_tui.ui.screens.actions import ActionsScreen
from workshop_tui.ui.widgets.action_form import ActionEditor
from workshop_tui.ui.widgets.table import RowTable

DRAFT = "Draft an amendment to article 12 of the customs law"  # A1 of legal × Group A


def on_disk(tmp_path: Path, entry_id: str) -> tuple[ActionStatus, str]:
    entry = Store(tmp_path).open_session(NEW_ID).get(entry_id)
    assert entry.action is not None
    return entry.action.status, entry.action.owner


def messages(app: object) -> list[str]:
    return [n.message for n in app._notifications]  # type: ignore[attr-defined]


async def test_ctrl_z_undoes_the_last_status_changes_one_by_one(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ActionsScreen)
        table = screen.query_one("#actions-table", RowTable)
        await pilot.press("down")  # the open "Draft an amendment …"
        await pilot.pause()
        entry_id = current_id(table)
        assert screen.store.get(entry_id).text == DRAFT
        await pilot.press("space", "space")  # open → in progress → done
        await saved(pilot)
        assert on_disk(tmp_path, entry_id)[0] == ActionStatus.DONE

        await pilot.press("ctrl+z")
        await saved(pilot)
        assert on_disk(tmp_path, entry_id)[0] == ActionStatus.IN_PROGRESS
        assert "Undone: status of A1 back to in progress" in messages(app)
        await pilot.press("ctrl+z")
        await saved(pilot)
        assert on_disk(tmp_path, entry_id)[0] == ActionStatus.OPEN
        assert "Undone: status of A1 back to open" in messages(app)
        # the table shows it, the cursor stayed on the action
        assert current_id(table) == entry_id
        assert column_of(table, "status")[table.cursor_row] == "open"

        await pilot.press("ctrl+z")
        await saved(pilot)
        assert on_disk(tmp_path, entry_id)[0] == ActionStatus.OPEN
        assert "Nothing to undo here." in messages(app)
        assert app.screen is screen


async def test_ctrl_z_undoes_an_edit_made_from_the_list(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f3", "down", "space")  # a status change, then an edit
        await saved(pilot)
        screen = app.screen
        assert isinstance(screen, ActionsScreen)
        table = screen.query_one("#actions-table", RowTable)
        entry_id = current_id(table)
        await pilot.press("e")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, ActionEditor)
        editor.query_one("#field-owner", Input).value = "Dewi Lestari"
        await pilot.press("ctrl+s")
        await saved(pilot)
        assert app.screen is screen
        assert on_disk(tmp_path, entry_id) == (ActionStatus.IN_PROGRESS, "Dewi Lestari")

        await pilot.press("ctrl+z")
        await saved(pilot)
        assert on_disk(tmp_path, entry_id) == (ActionStatus.IN_PROGRESS, "Ana")
        assert "Undone: edit of A1" in messages(app)
        await pilot.press("ctrl+z")
        await saved(pilot)
        assert on_disk(tmp_path, entry_id) == (ActionStatus.OPEN, "Ana")


async def test_ctrl_z_in_a_read_only_session_changes_nothing(tmp_path: Path) -> None:
    app = make_app(tmp_path, session_id=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.open_session(EARLIER_ID, read_only=True)
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        before = Store(tmp_path).open_session(EARLIER_ID).entries(kind=EntryKind.ACTION)
        await pilot.press("ctrl+z")
        await saved(pilot)
        assert Store(tmp_path).open_session(EARLIER_ID).entries(kind=EntryKind.ACTION) == before
        # read-only: undo is not offered (not in the footer, the key does nothing)
        screen = app.screen
        assert not any(
            b.binding.action == "undo" and b.enabled for b in screen.active_bindings.values()
        )


async def test_undo_is_in_the_command_palette_and_the_keys(tmp_path: Path) -> None:
    from types import SimpleNamespace

    from workshop_tui.ui.commands import palette_commands_for

    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        commands = {
            c.title: c.help
            for c in palette_commands_for(SimpleNamespace(screen=app.screen, app=app))  # type: ignore[arg-type]
        }
        assert commands["Undo the last change on the action list"] == "key ctrl+z"
        assert "undo" in app.screen.active_bindings["ctrl+z"].binding.action
