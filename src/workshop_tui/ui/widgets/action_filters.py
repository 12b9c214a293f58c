"""Several-value filters for the action list: a one-line chip per filter and a tick list.

A :class:`FilterChip` shows its name and the chosen values ("status: open, in progress");
Enter, Space or a click opens a :class:`FilterPicker` (Space ticks, Enter or Esc is done),
and the chip posts :class:`FilterChip.Changed` with the new values.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Label, Static
from textual.widgets.selection_list import Selection

from workshop_tui.core.i18n import N_, _
from workshop_tui.ui.widgets.entries.link_picker import LinkList


class FilterPicker(ModalScreen[list[str] | None]):
    """Tick the values a filter keeps; dismisses with them (in the offered order)."""

    DEFAULT_CSS = """
    FilterPicker { align: center middle; }
    FilterPicker > #filter-dialog {
        width: 60; max-width: 100%; height: auto; max-height: 90%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    FilterPicker #filter-list { height: auto; max-height: 16; }
    FilterPicker .dialog-help { color: $text-muted; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,escape", "done", N_("Done"), id="filter_picker.done", priority=True),
        Binding("c", "clear", N_("None ticked"), id="filter_picker.clear"),
    ]

    def __init__(self, title: str, options: list[tuple[str, str]], chosen: list[str]) -> None:
        super().__init__()
        self.title_text = title
        self.options = options
        self.chosen = list(chosen)
        self._done_pressed = False  # Enter or Esc pressed: the next ones do nothing

    def compose(self) -> ComposeResult:
        with Vertical(id="filter-dialog") as dialog:
            dialog.border_title = self.title_text
            yield LinkList(
                *(
                    Selection(Content(label), value, value in self.chosen)
                    for label, value in self.options
                ),
                id="filter-list",
            )
            yield Label(
                _("Space: tick · c: untick all (= all) · Enter/Esc: done"), classes="dialog-help"
            )

    def action_clear(self) -> None:
        self.query_one("#filter-list", LinkList).deselect_all()

    def action_done(self) -> None:
        # Enter and Esc are priority keys, handled as they reach the app: a Space typed just
        # before (one burst: "Space Enter") may still be on its way to the list, through this
        # screen's queue and then the list's. The ticks are read once both have handled it.
        if self._done_pressed:
            return
        self._done_pressed = True
        listing = self.query_one("#filter-list", LinkList)
        self.call_later(listing.call_later, self._finish)

    def _finish(self) -> None:
        ticked = set(self.query_one("#filter-list", LinkList).selected)
        self.dismiss([value for _label, value in self.options if value in ticked])


class FilterChip(Static, can_focus=True):
    """One filter of the action list: its name and the chosen values (none chosen: all)."""

    DEFAULT_CSS = """
    FilterChip { width: 1fr; height: 1; padding: 0 1; background: $boost; margin-right: 1; }
    FilterChip:focus { background: $accent; color: $text; text-style: bold; }
    FilterChip.-active { text-style: italic; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,space", "pick", N_("Choose"), id="filter_chip.pick", show=False),
    ]

    @dataclass
    class Changed(Message):
        chip: FilterChip
        values: list[str]

    def __init__(self, name: str, title: str, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, markup=False)
        self.filter_name = name
        self.title_text = title
        self.options: list[tuple[str, str]] = []
        self.values: list[str] = []

    def set_options(self, options: list[tuple[str, str]], values: list[str]) -> None:
        """Offer ``options`` (label, value); keep the chosen ``values`` that are offered."""
        self.options = list(options)
        offered = {value for _label, value in options}
        self.values = [value for value in values if value in offered]
        self._show()

    def set_values(self, values: list[str]) -> None:
        self.set_options(self.options, values)

    def labels(self) -> list[str]:
        names = dict((value, label) for label, value in self.options)
        return [names.get(value, value) for value in self.values]

    def _show(self) -> None:
        self.set_class(bool(self.values), "-active")
        self.refresh()

    def render(self) -> Text:
        # cut to the chip with an ellipsis (a longer language or many values must not be
        # clipped mid-word): Textual's Static crops a no-wrap Text without one
        chosen = ", ".join(self.labels()) or _("all")
        text = f"{self.title_text}: {chosen}"
        room = self.content_size.width
        if room > 0 and cell_len(text) > room:
            text = set_cell_size(text, room - 1) + "…"
        return Text(text, no_wrap=True)

    def on_click(self) -> None:
        self.action_pick()

    def action_pick(self) -> None:
        def picked(values: list[str] | None) -> None:
            if values is not None and values != self.values:
                self.set_values(values)
                self.post_message(self.Changed(self, list(self.values)))

        self.app.push_screen(FilterPicker(self.title_text, self.options, self.values), picked)
