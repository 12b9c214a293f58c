"""The action editor: a modal form for all action-plan fields of an action.

It validates with :func:`workshop_tui.core.action_form.validate_action_form` and dismisses
only with a valid :class:`ActionEditResult` (Escape dismisses with None; with unsaved changes
the first Escape only warns, a second one discards them). A field with a problem gets an
inline message under it; what was typed stays in the form.

With ``save``, the editor writes the result itself and dismisses only once it is saved: when
saving fails (disk full, read-only folder, damaged file) the reason is shown and everything
typed stays in the form to try again. ``save`` may return an awaitable (the screens save off
the event loop): the form says "Saving…" meanwhile and stays usable.
"""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import ClassVar, TypeAlias

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from workshop_tui.core.action_form import (
    FORM_FIELDS,
    ActionEditResult,
    action_form_values,
    validate_action_form,
)
from workshop_tui.core.agenda import Agenda
from workshop_tui.core.dates import describe_date, read_date
from workshop_tui.core.i18n import N_, _
from workshop_tui.core.labels import level_label, priority_label, status_label, timeframe_label
from workshop_tui.core.model import (
    ActionFields,
    ActionLevel,
    ActionStatus,
    Entry,
    Priority,
    Timeframe,
)
from workshop_tui.ui.translate import Footer
from workshop_tui.ui.widgets.action_form.suggest import ListItemSuggester, unique

#: label shown before each field
FIELD_LABELS = {
    "text": N_("Action"),
    "owner": N_("Owner"),
    "unit": N_("Resp. unit"),
    "level": N_("Level"),
    "start": N_("Start date"),
    "due": N_("Due date"),
    "timeframe": N_("Timeframe"),
    "priority": N_("Priority"),
    "status": N_("Status"),
    "indicator": N_("Indicator"),
    "verification": N_("Verified by"),
    "partners": N_("Partners"),
    "resources": N_("Resources"),
    "notes": N_("Notes"),
}

_PLACEHOLDERS = {
    "text": N_("a concrete, measurable step, e.g. draft a recordation procedure for trademarks"),
    "owner": N_("one accountable person"),
    "unit": N_("responsible unit or institution"),
    "start": N_("e.g. 30 Jun 2026, 2026-06-30, friday, +2w, end of month"),
    "due": N_("e.g. 30 Jun 2026, 2026-06-30, friday, +2w, end of month"),
    "status": N_("open, in progress, done, dropped, carried over"),
    "indicator": N_("how success will be recognised"),
    "verification": N_("how the indicator will be checked"),
    "partners": N_("comma-separated, e.g. right holders, police"),
    "resources": N_("people, budget, equipment needed"),
    "notes": N_("comments"),
}

#: the fields whose typed date is read back beside them
DATE_FIELDS = ("start", "due")


def _select_options(name: str) -> list[tuple[str, str]]:
    """The choices of a select field, labelled in the UI language."""
    if name == "level":
        return [(level_label(level).capitalize(), level.value) for level in ActionLevel]
    if name == "timeframe":
        return [(timeframe_label(tf).capitalize(), tf.value) for tf in Timeframe]
    return [(priority_label(p).capitalize(), p.value) for p in Priority]


SELECT_FIELDS = ("level", "timeframe", "priority")


#: saves an edited action: None once saved, else the reason it was not (or an awaitable of it)
ActionSaver: TypeAlias = Callable[[ActionEditResult], "str | None | Awaitable[str | None]"]


class ActionEditor(ModalScreen[ActionEditResult | None]):
    """Edit an action's text and every action-plan field.

    ``people`` feed owner suggestions (participant names), ``units`` the responsible-unit
    and partner suggestions (organisations, groups). ``context`` is a line shown under the
    title (e.g. topic and group). Save with ctrl+s or the Save button; Escape cancels.
    """

    DEFAULT_CSS = """
    ActionEditor {
        align: center middle;
    }
    ActionEditor > #action-dialog {
        width: 100;
        max-width: 100%;
        height: 100%;
        max-height: 40;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    ActionEditor #action-title {
        text-style: bold;
        width: 1fr;
    }
    ActionEditor #action-context {
        color: $text-muted;
        width: 1fr;
    }
    ActionEditor #action-form {
        height: 1fr;
        margin-top: 1;
        scrollbar-size-vertical: 1;
    }
    ActionEditor .field-row {
        height: auto;
        margin-bottom: 1;
    }
    ActionEditor .field-label {
        width: 13;
        color: $text-muted;
    }
    ActionEditor .field-row:focus-within .field-label {
        color: $text;
        text-style: bold;
    }
    ActionEditor .field-row > Input, ActionEditor .field-row > Select {
        width: 1fr;
    }
    ActionEditor .field-row > Input {
        background: $boost;
    }
    ActionEditor #field-text {
        width: 1fr;
        height: 3;
        background: $boost;
    }
    ActionEditor .field-error {
        display: none;
        color: $text-error;
        padding-left: 13;
        margin-top: -1;
        margin-bottom: 1;
    }
    ActionEditor .field-error.-shown {
        display: block;
    }
    ActionEditor .field-row.-invalid .field-label {
        color: $text-error;
        text-style: bold;
    }
    ActionEditor #action-buttons {
        height: auto;
        align-horizontal: right;
    }
    ActionEditor #action-buttons Button {
        margin-left: 1;
        min-width: 10;
    }
    ActionEditor .date-understood {
        width: 26;
        padding-left: 1;
        color: $text-muted;
    }
    ActionEditor .date-understood.-past {
        color: $text-warning;
        text-style: bold;
    }
    ActionEditor #action-summary {
        color: $text-error;
        width: 1fr;
        height: 3;
        content-align-vertical: middle;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", N_("Save"), id="action_editor.save", priority=True),
        Binding("escape", "cancel", N_("Cancel"), id="action_editor.cancel"),
    ]

    def __init__(
        self,
        text: str = "",
        fields: ActionFields | None = None,
        *,
        people: Iterable[str] = (),
        units: Iterable[str] = (),
        context: str = "",
        title: str = N_("Edit action"),
        save: ActionSaver | None = None,
        language: str = "en",
    ) -> None:
        super().__init__()
        #: the agenda's language: how typed dates are read (day/month order, month names)
        self.language = language
        self._saver = save
        self._saving = False  # a save is under way: ctrl+s again does nothing
        self._base = fields or ActionFields()
        self._initial = action_form_values(text, self._base)
        self._people = unique(people)
        self._units = unique(units)
        self._context_line = context
        self._heading = title
        self._checked: dict[str, str] = {}  # the values at the last save attempt
        self._counting = False  # the summary says how many fields are left to fix
        # the form as it was at the Escape that warned: a second Escape discards just that
        self._warned: dict[str, str] | None = None

    @classmethod
    def for_entry(
        cls,
        entry: Entry,
        agenda: Agenda | None = None,
        context: str = "",
        save: ActionSaver | None = None,
    ) -> ActionEditor:
        """An editor for an action entry, suggesting the agenda's participants and groups."""
        people: list[str] = []
        units: list[str] = []
        if agenda is not None:
            people = [p.name for p in agenda.participants]
            people += [member for group in agenda.groups for member in group.members]
            units = [p.organisation for p in agenda.participants if p.organisation]
            units += [group.name for group in agenda.groups]
        return cls(
            entry.text,
            entry.action,
            people=people,
            units=units,
            context=context,
            save=save,
            language=agenda.language if agenda is not None else "en",
        )

    # -- layout -----------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Vertical(id="action-dialog"):
            yield Label(_(self._heading), id="action-title", markup=False)
            if self._context_line:
                yield Label(self._context_line, id="action-context", markup=False)
            with VerticalScroll(id="action-form"):
                for name in FORM_FIELDS:
                    with Horizontal(classes="field-row", id=f"row-{name}"):
                        yield Label(_(FIELD_LABELS[name]), classes="field-label")
                        yield self._field_widget(name)
                        if name in DATE_FIELDS:
                            yield Static(
                                "", classes="date-understood", id=f"understood-{name}", markup=False
                            )
                    yield Static("", classes="field-error", id=f"error-{name}", markup=False)
            with Horizontal(id="action-buttons"):
                yield Static("", id="action-summary", markup=False)
                yield Button(_("Save"), variant="primary", id="action-save")
                yield Button(_("Cancel"), id="action-cancel")
        yield Footer()

    def _field_widget(self, name: str) -> Widget:
        value = self._initial[name]
        widget_id = f"field-{name}"
        if name == "text":
            area = TextArea(value, id=widget_id, soft_wrap=True, tab_behavior="focus", compact=True)
            area.placeholder = _(_PLACEHOLDERS["text"])
            return area
        if name in SELECT_FIELDS:
            allow_blank = name == "timeframe"
            return Select(
                _select_options(name),
                id=widget_id,
                value=value if value else Select.NULL,
                allow_blank=allow_blank,
                prompt=_("(none)") if allow_blank else _("Select"),
                compact=True,
            )
        suggestions: Sequence[str] = ()
        if name == "owner":
            suggestions = self._people
        elif name == "unit":
            suggestions = self._units
        elif name == "partners" and self._units:
            return Input(
                value,
                id=widget_id,
                placeholder=_(_PLACEHOLDERS[name]),
                suggester=ListItemSuggester(self._units),
                compact=True,
            )
        elif name == "status":
            suggestions = [status_label(status) for status in ActionStatus]
        return Input(
            value,
            id=widget_id,
            placeholder=_(_PLACEHOLDERS.get(name, "")),
            suggester=SuggestFromList(suggestions, case_sensitive=False) if suggestions else None,
            compact=True,
        )

    def on_mount(self) -> None:
        for name in DATE_FIELDS:
            self._read_date(name, self._initial[name])
        area = self.query_one("#field-text", TextArea)
        area.focus()
        area.move_cursor(area.document.end)  # typing adds to the action, not before it

    # -- reading and checking ---------------------------------------------------------
    def form_values(self) -> dict[str, str]:
        """What is typed/selected in the form now, as strings."""
        values: dict[str, str] = {}
        for name in FORM_FIELDS:
            widget = self.query_one(f"#field-{name}")
            if isinstance(widget, TextArea):
                values[name] = widget.text
            elif isinstance(widget, Select):
                values[name] = "" if widget.value is Select.NULL else str(widget.value)
            elif isinstance(widget, Input):
                values[name] = widget.value
        return values

    def show_errors(self, errors: dict[str, str]) -> None:
        """Show each message under its field (and clear the others)."""
        for name in FORM_FIELDS:
            message = errors.get(name, "")
            error = self.query_one(f"#error-{name}", Static)
            error.update(message)
            error.set_class(bool(message), "-shown")
            self.query_one(f"#row-{name}").set_class(bool(message), "-invalid")
        self._show_fix_count(len(errors))
        if errors:
            first = next(name for name in FORM_FIELDS if name in errors)
            field = self.query_one(f"#field-{first}")
            field.focus(scroll_visible=False)
            field.scroll_visible(animate=False)

    def _show_fix_count(self, count: int) -> None:
        """The summary by the buttons: how many fields still have a problem (none: empty)."""
        self._counting = bool(count)
        self._summary(
            f"{count} field{'s' if count > 1 else ''} to fix before saving" if count else ""
        )

    def _summary(self, text: str) -> None:
        self.query_one("#action-summary", Static).update(text)

    @on(Button.Pressed, "#action-save")
    def action_save(self) -> None:
        """Dismiss with the edited action if the form is valid; otherwise show why not."""
        if self._saving:
            return
        values = self.form_values()
        self._checked = values
        result = validate_action_form(
            values, base=self._base, today=self.today, language=self.language
        )
        if isinstance(result, dict):
            self.show_errors(result)
            return
        if self._saver is None:
            self.dismiss(result)
            return
        problem = self._saver(result)
        if inspect.isawaitable(problem):
            self._saving = True
            self._counting = False
            self._summary("Saving…")
            self._await_save(result, problem)
        else:
            self._saved(result, problem)

    @work(group="action-save")
    async def _await_save(self, result: ActionEditResult, saving: Awaitable[str | None]) -> None:
        try:
            problem = await saving
        finally:
            self._saving = False
        self._saved(result, problem)

    def _saved(self, result: ActionEditResult, problem: str | None) -> None:
        if problem:
            self._counting = False
            self._summary(f"Not saved: {problem}")
            self.notify(problem, title=_("Action not saved"), severity="error", timeout=12)
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        """Escape: close without saving; with unsaved changes, warn first (a second Escape
        discards them), so a habitual Escape does not throw away a filled-in form."""
        values = self.form_values()
        if values == self._initial or values == self._warned:
            self.dismiss(None)
            return
        self._warned = values  # typing more before the next Escape warns again
        self._counting = False
        self._summary("Unsaved changes: Esc again discards them, ctrl+s saves")

    @on(Button.Pressed, "#action-cancel")
    def _cancel_pressed(self) -> None:
        self.dismiss(None)  # a deliberate click/Enter on Cancel

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        """Enter in a one-line field moves on, like Tab (ctrl+s saves)."""
        event.stop()
        self.focus_next()

    @on(Input.Changed)
    @on(Select.Changed)
    @on(TextArea.Changed)
    def _clear_error(self, event: Input.Changed | Select.Changed | TextArea.Changed) -> None:
        """Editing a field with a problem hides its message until the next save, and the
        summary counts the fields still to fix (empty once none is left)."""
        widget_id = event.control.id if event.control is not None else None
        if not widget_id or not widget_id.startswith("field-"):
            return
        name = widget_id.removeprefix("field-")
        error = self.query_one(f"#error-{name}", Static)
        # compare with the checked value: a late Changed from before the save must not hide it
        if error.has_class("-shown") and self.form_values().get(name) != self._checked.get(name):
            error.remove_class("-shown")
            self.query_one(f"#row-{name}").remove_class("-invalid")
            if self._counting:
                self._show_fix_count(len(self.query(".field-row.-invalid")))

    # -- dates as typed ----------------------------------------------------------------
    @property
    def today(self) -> dt.date:
        """The app's date (tests fix it), else the real one."""
        today = getattr(self.app, "today", None)
        return today() if callable(today) else dt.date.today()

    @on(Input.Changed, "#field-start")
    @on(Input.Changed, "#field-due")
    def _date_typed(self, event: Input.Changed) -> None:
        name = (event.input.id or "").removeprefix("field-")
        self._read_date(name, event.value)

    def _read_date(self, name: str, typed: str) -> None:
        """Show the date ``typed`` means beside its field (read off the event loop: the
        date library loads on first use)."""
        if not typed.strip():
            self._show_understood(name, typed, "", past=False)
            return
        self._understand(name, typed, self.today)

    @work(thread=True, group="action-dates")
    def _understand(self, name: str, typed: str, today: dt.date) -> None:
        try:
            day = read_date(typed, today=today, language=self.language)
        except (ValueError, OverflowError, TypeError, LookupError):
            self.app.call_from_thread(self._show_understood, name, typed, _("→ ?"), past=False)
            return
        if day is None:
            return
        text = "→ " + describe_date(day)
        past = name == "due" and day < today
        if past:
            text = _("→ {date} (past)").format(date=describe_date(day))
        self.app.call_from_thread(self._show_understood, name, typed, text, past=past)

    def _show_understood(self, name: str, typed: str, text: str, *, past: bool) -> None:
        """Update the line beside ``name`` unless the field changed meanwhile."""
        found = self.query(f"#understood-{name}").results(Static)
        label = next(iter(found), None)
        field = next(iter(self.query(f"#field-{name}").results(Input)), None)
        if label is None or field is None or field.value != typed:
            return  # closed, or typed on meanwhile
        label.update(text)
        label.set_class(past, "-past")
        if past:
            label.tooltip = _("The due date is in the past: it is saved anyway.")
        else:
            label.tooltip = None
