"""Ending a session with unsent drafts: list them and ask what becomes of them."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from workshop_tui.core.i18n import N_, _

#: what the dialog answers: save the drafts as entries, or discard them (None: cancel)
SAVE = "save"
DISCARD = "discard"


class UnsentDraftsDialog(ModalScreen[str | None]):
    """``question``, the drafts (one line each: topic · group · pane · first words), and
    three buttons: save them as entries and end, discard them and end, cancel.
    s / d / Esc are their keys; the focus starts on Cancel, so Enter changes nothing."""

    DEFAULT_CSS = """
    UnsentDraftsDialog #unsent-question { width: 100%; }
    UnsentDraftsDialog #unsent-list { height: auto; max-height: 12; margin-top: 1; }
    UnsentDraftsDialog #unsent-buttons { height: auto; padding-top: 1; }
    UnsentDraftsDialog Button { margin-right: 2; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "answer('save')", N_("Save as entries"), id="unsent.save"),
        Binding("d", "answer('discard')", N_("Discard"), id="unsent.discard"),
        Binding("escape", "cancel", N_("Cancel"), id="unsent.cancel"),
    ]

    def __init__(self, question: str, rows: list[str]) -> None:
        super().__init__()
        self.question = question
        self.rows = rows

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = _("Unsent drafts")
            yield Label(self.question, id="unsent-question")
            with VerticalScroll(id="unsent-list"):
                for row in self.rows:
                    yield Static(f"• {row}", classes="unsent-draft", markup=False)
            with Horizontal(id="unsent-buttons"):
                yield Button(_("Save as entries and end"), variant="primary", id="unsent-save")
                yield Button(_("Discard and end"), variant="warning", id="unsent-discard")
                yield Button(_("Cancel"), id="unsent-cancel")
            yield Static(_("s: save · d: discard · Esc: cancel"), classes="dialog-help")

    def on_mount(self) -> None:
        self.query_one("#unsent-cancel", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        answer = {"unsent-save": SAVE, "unsent-discard": DISCARD}.get(event.button.id or "")
        self.dismiss(answer)

    def action_answer(self, answer: str) -> None:
        self.dismiss(answer)

    def action_cancel(self) -> None:
        self.dismiss(None)
