"""A small modal to type a timer duration (``15``, ``1h30``, ``25:00`` ...)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from workshop_tui.core.i18n import N_, _
from workshop_tui.core.timer import (
    DURATION_EXAMPLES,
    format_clock,
    format_duration,
    parse_duration,
)


class DurationPrompt(ModalScreen[int | None]):
    """Ask for a duration; dismiss with whole seconds, or None on Escape.

    Bad input shows an inline message and keeps what was typed.
    """

    DEFAULT_CSS = """
    DurationPrompt {
        align: center middle;
    }
    DurationPrompt > #duration-dialog {
        width: 56;
        max-width: 100%;
        height: auto;
        padding: 1 2;
        border: thick $primary;
        background: $surface;
    }
    DurationPrompt #duration-title {
        text-style: bold;
        margin-bottom: 1;
    }
    DurationPrompt #duration-hint {
        color: $text-muted;
    }
    DurationPrompt #duration-error {
        color: $text-error;
        display: none;
    }
    DurationPrompt #duration-error.-shown {
        display: block;
    }
    DurationPrompt #duration-buttons {
        height: auto;
        margin-top: 1;
        align-horizontal: right;
    }
    DurationPrompt #duration-buttons Button {
        margin-left: 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel"), id="duration_prompt.cancel"),
    ]

    def __init__(self, current_seconds: float | None = None, *, topic_title: str = "") -> None:
        super().__init__()
        self._current = current_seconds
        self._topic_title = topic_title

    def compose(self) -> ComposeResult:
        title = _("Set the timer")
        if self._topic_title:
            title = _("Set the timer for {topic}").format(topic=self._topic_title)
        with Vertical(id="duration-dialog"):
            yield Label(title, id="duration-title", markup=False)
            yield Input(
                value=format_duration(self._current) if self._current else "",
                placeholder=f"e.g. {DURATION_EXAMPLES}",
                id="duration-input",
            )
            yield Static("", id="duration-error", markup=False)
            yield Static(self._hint_for(self._current), id="duration-hint", markup=False)
            with Horizontal(id="duration-buttons"):
                yield Button(_("Set"), variant="primary", id="duration-set")
                yield Button(_("Cancel"), id="duration-cancel")

    @staticmethod
    def _hint_for(seconds: float | None) -> str:
        if seconds:
            return f"= {format_clock(seconds)}   (a bare number is minutes)"
        return f"e.g. {DURATION_EXAMPLES}; a bare number is minutes"

    @on(Input.Changed, "#duration-input")
    def _preview(self, event: Input.Changed) -> None:
        self.query_one("#duration-error", Static).remove_class("-shown")
        try:
            seconds: float | None = parse_duration(event.value)
        except ValueError:
            seconds = None
        self.query_one("#duration-hint", Static).update(self._hint_for(seconds))

    @on(Input.Submitted, "#duration-input")
    @on(Button.Pressed, "#duration-set")
    def submit(self) -> None:
        """Dismiss with the typed duration, or show why it is not one."""
        typed = self.query_one("#duration-input", Input).value
        try:
            seconds = parse_duration(typed)
        except ValueError as exc:
            error = self.query_one("#duration-error", Static)
            error.update(str(exc))
            error.add_class("-shown")
            self.query_one("#duration-input", Input).focus()
            return
        self.dismiss(seconds)

    @on(Button.Pressed, "#duration-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
