"""Action editor: the "fields to fix" summary follows the fixes; from the action list (F3) it
has the same heading as from the session screen."""

from __future__ import annotations

from pathlib import Path

from plenary_helpers import make_app
from test_action_editor import TEXT, EditorApp, error_text
from textual.widgets import Input, Label, Static

from workshop_tui.core.model import ActionFields
from workshop_tui.ui.widgets.action_form import ActionEditor


def summary(editor: ActionEditor) -> str:
    return str(editor.query_one("#action-summary", Static).content)


async def test_summary_counts_down_as_the_fields_are_fixed() -> None:
    editor = ActionEditor(TEXT, ActionFields())
    app = EditorApp(editor)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        editor.query_one("#field-start", Input).value = "31/02"
        editor.query_one("#field-due", Input).value = "2026-02-31"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert summary(editor) == "2 fields to fix before saving"

        editor.query_one("#field-start", Input).value = "2026-02-01"
        await pilot.pause()
        assert error_text(editor, "start") == ""
        assert summary(editor) == "1 field to fix before saving"
        editor.query_one("#field-due", Input).value = "2026-02-28"
        await pilot.pause()
        assert error_text(editor, "due") == ""
        assert summary(editor) == ""  # nothing left to fix: no stale message
        # an unrelated field edited afterwards leaves the (empty) summary alone
        editor.query_one("#field-owner", Input).value = "Amina"
        await pilot.pause()
        assert summary(editor) == ""


async def test_escape_warning_is_not_replaced_by_the_count() -> None:
    editor = ActionEditor(TEXT, ActionFields())
    app = EditorApp(editor)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        editor.query_one("#field-start", Input).value = "31/02"
        editor.query_one("#field-status", Input).value = "finished"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")  # unsaved changes: warns
        await pilot.pause()
        assert summary(editor).startswith("Unsaved changes")
        editor.query_one("#field-start", Input).value = "2026-01-01"
        await pilot.pause()
        assert summary(editor).startswith("Unsaved changes")


async def test_editor_from_the_action_list_names_the_action_like_the_session(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f3", "down", "e")  # "Draft an amendment …": A1, legal × Group A
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, ActionEditor)
        from_list = str(editor.query_one("#action-context", Label).content)
        assert from_list == "A1 · Legal framework · Group A"
        await pilot.press("escape")
        await pilot.pause()
        detail = str(app.screen.query_one("#action-detail", Static).content)
        assert "\nA1 · 1. Legal framework · Group A · unit" in detail
