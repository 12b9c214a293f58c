"""A yes / no question over the current screen (End session, reopen a session, ...)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from workshop_tui.core.i18n import N_, _


class ConfirmScreen(ModalScreen[bool]):
    """Yes / no question; y (or the first button) confirms, Escape, n or Enter on the
    focused Cancel button cancels."""

    # here, not in SessionsScreen's CSS: opened from another screen first (End session), the
    # buttons' row took the whole height and the dialog filled the screen
    DEFAULT_CSS = """
    ConfirmScreen #confirm-question { width: 100%; }
    ConfirmScreen #confirm-buttons { height: auto; padding-top: 1; }
    ConfirmScreen Button { margin-right: 2; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", N_("Yes"), id="confirm.yes"),
        Binding("escape,n", "answer(False)", N_("No"), id="confirm.no"),
    ]

    def __init__(self, question: str, yes: str = "") -> None:
        super().__init__()
        self.question = question
        self.yes = yes or _("Yes")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = _("Please confirm")
            yield Label(self.question, id="confirm-question")  # wraps (full width)
            with Horizontal(id="confirm-buttons"):
                yield Button(self.yes, variant="warning", id="confirm-yes")
                yield Button(_("Cancel"), id="confirm-no")
            yield Static(_("y: yes · n / Esc: cancel"), classes="dialog-help")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
