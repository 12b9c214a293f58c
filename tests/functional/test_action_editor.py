"""The action editor modal: inline errors keep the typed text; only a valid form dismisses."""

from __future__ import annotations

from textual.app import App
from textual.widgets import Input, Select, Static, TextArea

from workshop_tui.core.action_form import ActionEditResult
from workshop_tui.core.agenda import Agenda, Group, Participant, Topic
from workshop_tui.core.model import (
    ActionFields,
    ActionLevel,
    ActionStatus,
    Entry,
    EntryKind,
    Priority,
    Timeframe,
)
from workshop_tui.ui.widgets.action_form import ActionEditor

TEXT = "Draft a recordation procedure for right holders' trademarks"
NO_RESULT = object()


class EditorApp(App[None]):
    """Opens one editor and keeps what it was dismissed with."""

    def __init__(self, editor: ActionEditor) -> None:
        super().__init__()
        self.editor = editor
        self.result: object = NO_RESULT

    def on_mount(self) -> None:
        self.push_screen(self.editor, self._keep)

    def _keep(self, result: ActionEditResult | None) -> None:
        self.result = result


def base_fields() -> ActionFields:
    return ActionFields(
        owner="Amina Diallo",
        unit="IPR Unit",
        priority=Priority.HIGH,
        carried_from={"session": "s0", "entry": "e0"},
    )


def error_text(editor: ActionEditor, name: str) -> str:
    error = editor.query_one(f"#error-{name}", Static)
    return str(error.content) if error.has_class("-shown") else ""


async def test_bad_date_is_shown_and_kept_then_fixed_and_saved() -> None:
    editor = ActionEditor(TEXT, base_fields(), people=["Amina Diallo", "Ben Okoro"])
    app = EditorApp(editor)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        due = editor.query_one("#field-due", Input)
        due.focus()
        await pilot.press(*"2026-02-31")
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert app.screen is editor  # not dismissed
        assert app.result is NO_RESULT
        assert error_text(editor, "due") == (
            "2026-02-31 is not a valid date: February 2026 has 28 days."
        )
        assert due.value == "2026-02-31"  # what was typed stays
        assert editor.query_one("#row-due").has_class("-invalid")
        assert app.focused is due
        assert "1 field to fix" in str(editor.query_one("#action-summary", Static).content)

        # typing in the field hides the message until the next save
        await pilot.press("backspace")
        await pilot.pause()
        assert error_text(editor, "due") == ""

        due.value = "2027-02-28"
        editor.query_one("#field-status", Input).value = "In progress"
        editor.query_one("#field-timeframe", Select).value = "medium"
        editor.query_one("#field-level", Select).value = "individual"
        editor.query_one("#field-partners", Input).value = "right holders, police"
        editor.query_one("#field-indicator", Input).value = "Procedure signed"
        await pilot.press("ctrl+s")
        await pilot.pause()

    assert isinstance(app.result, ActionEditResult)
    fields, text = app.result
    assert text == TEXT
    assert fields == ActionFields(
        owner="Amina Diallo",
        unit="IPR Unit",
        level=ActionLevel.INDIVIDUAL,
        due="2027-02-28",
        timeframe=Timeframe.MEDIUM,
        priority=Priority.HIGH,
        status=ActionStatus.IN_PROGRESS,
        indicator="Procedure signed",
        partners=["right holders", "police"],
        carried_from={"session": "s0", "entry": "e0"},  # kept though not on the form
    )


async def test_short_date_unknown_status_and_start_after_due() -> None:
    editor = ActionEditor(TEXT, ActionFields())
    app = EditorApp(editor)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        editor.query_one("#field-start", Input).value = "31/02"
        editor.query_one("#field-status", Input).value = "finished"
        await pilot.click("#action-save")
        await pilot.pause()
        assert app.screen is editor
        assert "“31/02” is not a date this app can read" in error_text(editor, "start")
        assert error_text(editor, "status").startswith("Unknown status 'finished'")
        assert "2 fields to fix" in str(editor.query_one("#action-summary", Static).content)
        assert editor.query_one("#field-start", Input).value == "31/02"
        assert app.focused is editor.query_one("#field-start", Input)  # the first problem

        editor.query_one("#field-start", Input).value = "2027-06-01"
        editor.query_one("#field-due", Input).value = "2027-01-15"
        editor.query_one("#field-status", Input).value = "done"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is editor
        assert error_text(editor, "start") == ""
        assert error_text(editor, "status") == ""
        assert error_text(editor, "due") == (
            "The due date 2027-01-15 is before the start date 2027-06-01."
        )


async def test_empty_action_text_is_refused() -> None:
    editor = ActionEditor("", ActionFields())
    app = EditorApp(editor)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.focused is editor.query_one("#field-text", TextArea)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is editor
        assert "concrete, measurable step" in error_text(editor, "text")
        await pilot.press(*"Train 10 officers")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert isinstance(app.result, ActionEditResult)
    assert app.result.text == "Train 10 officers"


async def test_escape_cancels_with_none() -> None:
    editor = ActionEditor(TEXT, base_fields())
    app = EditorApp(editor)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape")  # nothing changed: closes at once
        await pilot.pause()
        assert app.screen is not editor
    assert app.result is None


async def test_escape_with_unsaved_changes_warns_then_discards() -> None:
    """A habitual Escape does not throw away a filled-in form: the first one warns (the
    typed text stays), a second one discards; typing in between re-arms the warning."""
    editor = ActionEditor(TEXT, base_fields())
    app = EditorApp(editor)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*" and publish it")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is editor
        assert "Unsaved changes" in str(editor.query_one("#action-summary", Static).content)
        assert editor.query_one("#field-text", TextArea).text == TEXT + " and publish it"
        await pilot.press(*" online", "escape")  # changed since the warning: warns again
        await pilot.pause()
        assert app.screen is editor
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not editor
    assert app.result is None


async def test_escape_warning_then_save_keeps_the_changes() -> None:
    editor = ActionEditor(TEXT, base_fields())
    app = EditorApp(editor)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*" and publish it", "escape", "ctrl+s")
        await pilot.pause()
    assert isinstance(app.result, ActionEditResult)
    assert app.result.text == TEXT + " and publish it"


async def test_form_starts_with_the_action_and_suggests_people() -> None:
    agenda = Agenda(
        title="IPR border enforcement",
        topics=(Topic("recordation", "Information recordation at customs"),),
        groups=(Group("Group A", ("Ben Okoro",)),),
        participants=(Participant("Amina Diallo", "Customs HQ", "Group A"),),
    )
    entry = Entry(
        EntryKind.ACTION,
        "recordation",
        "Group A",
        TEXT,
        action=ActionFields(
            owner="Amina Diallo",
            due="2027-03-31",
            status=ActionStatus.IN_PROGRESS,
            timeframe=Timeframe.SHORT,
            partners=["right holders", "police"],
        ),
    )
    editor = ActionEditor.for_entry(entry, agenda, context="Information recordation · Group A")
    app = EditorApp(editor)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert editor.form_values()["text"] == TEXT
        assert editor.form_values()["status"] == "in progress"
        assert editor.form_values()["timeframe"] == "short"
        assert editor.form_values()["partners"] == "right holders, police"

        owner = editor.query_one("#field-owner", Input)
        owner.focus()
        await pilot.press("enter")  # Enter moves on to the next field
        assert app.focused is editor.query_one("#field-unit", Input)
        owner.focus()
        owner.value = ""
        await pilot.press("b", "e")
        await pilot.pause()
        await pilot.press("right")  # accept the suggestion
        assert owner.value == "Ben Okoro"

        unit = editor.query_one("#field-unit", Input)
        unit.focus()
        unit.value = ""
        await pilot.press("c", "u")
        await pilot.pause()
        await pilot.press("right")
        assert unit.value == "Customs HQ"

        partners = editor.query_one("#field-partners", Input)
        partners.focus()
        await pilot.press("end", ",", " ", "g", "r")
        await pilot.pause()
        await pilot.press("right")
        assert partners.value == "right holders, police, Group A"

        await pilot.press("ctrl+s")
        await pilot.pause()
    assert isinstance(app.result, ActionEditResult)
    assert app.result.fields.owner == "Ben Okoro"
    assert app.result.fields.partners == ["right holders", "police", "Group A"]


async def test_typing_at_once_adds_to_the_end_of_the_action_text() -> None:
    editor = ActionEditor(TEXT, base_fields())
    app = EditorApp(editor)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*" and publish it", "ctrl+s")
        await pilot.pause()
    assert isinstance(app.result, ActionEditResult)
    assert app.result.text == TEXT + " and publish it"
