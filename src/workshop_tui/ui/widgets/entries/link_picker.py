"""Pick which challenges/solutions an entry answers: each toggle is saved at once."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, SelectionList
from textual.widgets.selection_list import Selection

from workshop_tui.core.model import Entry


class LinkPicker(ModalScreen[None]):
    """Lists candidate entries with the current links ticked.

    ``on_toggle(target_id)`` is called for every toggle and returns whether it was taken
    (when not, the tick is put back at once). A save that fails later (it runs off the event
    loop) calls :meth:`put_back`.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,l", "close", "Done", id="links.close"),
    ]

    def __init__(
        self,
        entry: Entry,
        entry_label: str,
        candidates: list[Entry],
        labels: dict[str, str],
        on_toggle: Callable[[str], bool],
    ) -> None:
        super().__init__(classes="picker-screen")
        self.entry = entry
        self.entry_label = entry_label
        self.candidates = candidates
        self.labels = labels
        self.on_toggle = on_toggle

    def compose(self) -> ComposeResult:
        with Vertical(id="link-dialog", classes="dialog") as dialog:
            dialog.border_title = f"Link {self.entry_label} to…"
            yield Label(Content(f"{self.entry_label} {self.entry.text}"), id="link-entry")
            selections = [
                Selection(
                    Content(f"{self.labels.get(c.id, '?')} {c.text}"),
                    c.id,
                    c.id in self.entry.links,
                )
                for c in self.candidates
            ]
            yield SelectionList[str](*selections, id="link-list")
            yield Label("Space/Enter: toggle (saved at once) · Esc: done", classes="dialog-help")

    @on(SelectionList.SelectionToggled)
    def _toggled(self, event: SelectionList.SelectionToggled[str]) -> None:
        target = event.selection.value
        if not self.on_toggle(target):
            self.put_back(target)

    def put_back(self, target_id: str) -> None:
        """Undo a tick the store did not take (without calling ``on_toggle`` again)."""
        if not self.is_attached:
            return
        selection_list = self.query_one("#link-list", SelectionList)
        # toggle() posts SelectionToggled: it would save the link again
        with selection_list.prevent(SelectionList.SelectionToggled):
            selection_list.toggle(target_id)

    def action_close(self) -> None:
        self.dismiss(None)
