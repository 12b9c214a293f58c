"""Ask for the file an export goes to (the name's suffix picks the format)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from workshop_tui.core.i18n import N_, _


class ExportPathScreen(ModalScreen[str | None]):
    """A file name box: Enter gives the name, Esc None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel"), id="export_path.cancel"),
    ]

    def __init__(self, default: str, title: str, hint: str) -> None:
        super().__init__()
        self.default = default
        self.title_text = title
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = self.title_text
            yield Static(self.hint)
            yield Input(value=self.default, id="export-path")
            yield Static(_("Enter: write · Esc: cancel"), classes="dialog-help")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
