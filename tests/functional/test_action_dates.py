"""The action editor reads dates as people type them and shows the date it understood."""

from __future__ import annotations

import datetime as dt

from test_action_editor import TEXT, EditorApp
from textual.widgets import Input, Static

from workshop_tui.core.action_form import ActionEditResult
from workshop_tui.core.agenda import Agenda, Group, Topic
from workshop_tui.core.model import ActionFields, Entry, EntryKind
from workshop_tui.ui.widgets.action_form import ActionEditor

TODAY = dt.date(2026, 6, 1)


class DatedEditorApp(EditorApp):
    def today(self) -> dt.date:  # the app's injected date, as WorkshopApp.today
        return TODAY


def understood(editor: ActionEditor, name: str) -> Static:
    return editor.query_one(f"#understood-{name}", Static)


async def settle(pilot: object, app: EditorApp) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]


async def test_typed_dates_are_shown_as_understood_and_saved_as_iso() -> None:
    agenda = Agenda(
        title="T", topics=(Topic("legal", "Legal"),), groups=(Group("A"),), language="id"
    )
    entry = Entry(
        kind=EntryKind.ACTION, topic_id="legal", group="A", text=TEXT, action=ActionFields()
    )
    editor = ActionEditor.for_entry(entry, agenda)
    assert editor.language == "id"
    app = DatedEditorApp(editor)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        start = editor.query_one("#field-start", Input)
        start.focus()
        await pilot.press(*"3/4/2026")  # Indonesian: day first
        await settle(pilot, app)
        assert str(understood(editor, "start").content) == "→ Fri 3 Apr 2026"
        due = editor.query_one("#field-due", Input)
        due.focus()
        await pilot.press(*"+2w")
        await settle(pilot, app)
        assert str(understood(editor, "due").content) == "→ Mon 15 Jun 2026"
        assert not understood(editor, "due").has_class("-past")
        due.value = "akhir bulan"
        await settle(pilot, app)
        assert str(understood(editor, "due").content) == "→ Tue 30 Jun 2026"
        due.value = "not a date"
        await settle(pilot, app)
        assert str(understood(editor, "due").content) == "→ ?"
        due.value = "end of month"
        await settle(pilot, app)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert isinstance(app.result, ActionEditResult)
    assert (app.result.fields.start, app.result.fields.due) == ("2026-04-03", "2026-06-30")


async def test_a_past_due_date_is_warned_about_but_saved() -> None:
    editor = ActionEditor(TEXT, ActionFields())
    app = DatedEditorApp(editor)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        editor.query_one("#field-due", Input).value = "30 Apr 2026"
        await settle(pilot, app)
        label = understood(editor, "due")
        assert str(label.content) == "→ Thu 30 Apr 2026 (past)"
        assert label.has_class("-past")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert isinstance(app.result, ActionEditResult)
    assert app.result.fields.due == "2026-04-30"


async def test_an_existing_date_is_shown_when_the_editor_opens() -> None:
    editor = ActionEditor(TEXT, ActionFields(due="2026-09-30"))
    app = DatedEditorApp(editor)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        assert str(understood(editor, "due").content) == "→ Wed 30 Sep 2026"
        assert str(understood(editor, "start").content) == ""
