"""Several-value filters for the action list: a one-line chip per filter and a tick list.

A :class:`FilterChip` shows its name and the chosen values ("status: open, in progress");
Enter, Space or a click asks the screen to open its :class:`FilterPicker` under the filter
line (Space ticks, Enter or Esc is done: :class:`FilterPicker.Done` with the ticked values).
A chip changed otherwise posts :class:`FilterChip.Changed`.
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
from textual.widgets import Label, Static
from textual.widgets.selection_list import Selection

from workshop_tui.core.i18n import N_, _
from workshop_tui.ui.widgets.entries.link_picker import LinkList


class TickList(LinkList):
    """The picker's list: never focused (the keys reach it through its chip, which keeps
    the focus), drawn as a focused list."""

    can_focus = False

    DEFAULT_CSS = """
    TickList { height: auto; max-height: 16; border: tall $border; background-tint: $foreground 5%; }
    TickList > .option-list--option-highlighted {
        color: $block-cursor-foreground;
        background: $block-cursor-background;
        text-style: $block-cursor-text-style;
    }
    """


class FilterPicker(Vertical):
    """Tick the values a filter keeps: a drop-down over the action list, under the filter
    line. Space ticks, ``c`` unticks all, Enter or Esc is done (:class:`Done`).

    A widget of the screen, not a screen of its own: closing it redraws what it covered and
    what the filter changed, in one frame (a ``ModalScreen`` closing made Textual lay out
    and repaint the whole action list twice, ~15 ms on every filter change, and removed its
    widgets). The screen mounts one picker the first time a filter is opened and reuses it.

    The focus stays on the chip: the screen hands every key to :meth:`key` while the picker
    is open (the list's keys and the app's do nothing behind it, as under a modal). A focus
    moving into the list and back restyled both and repainted the whole screen, and the
    footer (the screen's keys) stays as it is.
    """

    DEFAULT_CSS = """
    FilterPicker {
        display: none; overlay: screen; constrain: inside inside;
        width: 60; max-width: 100%; height: auto;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    FilterPicker .dialog-help { color: $text-muted; }
    """

    #: the keys of the open list and what each does on it
    LIST_ACTIONS: ClassVar[dict[str, str]] = {
        "up": "cursor_up",
        "down": "cursor_down",
        "pageup": "page_up",
        "pagedown": "page_down",
        "home": "first",
        "end": "last",
        "space": "select",
    }

    @dataclass
    class Done(Message):
        """Enter or Esc: ``values`` ticked for ``chip``. The screen closes the picker (with
        :meth:`FilterPicker.close`) and applies them in one go: one redraw, not two."""

        picker: FilterPicker
        chip: FilterChip
        values: list[str]

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.chip: FilterChip | None = None  # the filter being picked; None: closed
        self._done_pressed = False  # Enter or Esc pressed: the next ones do nothing

    def compose(self) -> ComposeResult:
        yield TickList(id="filter-list")
        yield Label(
            _("Space: tick · c: untick all (= all) · Enter/Esc: done"), classes="dialog-help"
        )

    @property
    def is_open(self) -> bool:
        return self.chip is not None

    @property
    def listing(self) -> TickList:
        return self.query_one("#filter-list", TickList)

    def open(self, chip: FilterChip) -> None:
        """Show ``chip``'s values, its chosen ones ticked, under the filter line."""
        self.chip = chip
        self._done_pressed = False
        self.border_title = chip.title_text
        listing = self.listing
        listing.clear_options()
        listing.add_options(
            [
                Selection(Content(label), value, value in chip.values)
                for label, value in chip.options
            ]
        )
        listing.highlighted = 0 if chip.options else None
        # under its chip, inside the screen (constrain keeps it there); the picker is the
        # first of the screen's widgets (see ActionsScreen._pick), at its top left
        origin = self.screen.region.offset
        self.styles.offset = (chip.region.x - origin.x, chip.region.bottom - origin.y)
        # shown and hidden by its display alone: a class would restyle the list each time
        self.display = True

    def key(self, key: str) -> None:
        """A key typed while the picker is open (any other key does nothing)."""
        action = self.LIST_ACTIONS.get(key)
        if action is not None:
            getattr(self.listing, f"action_{action}")()
        elif key == "c":
            self.listing.deselect_all()
        elif key in ("enter", "escape"):
            self.done()

    def done(self) -> None:
        """Enter or Esc: post :class:`Done` with the ticked values."""
        # a Space just before ("Space Enter" in one burst) ticks through a message to the
        # list: the ticks are read once the list has handled it
        if self._done_pressed or self.chip is None:
            return
        self._done_pressed = True
        self.listing.call_later(self._finish)

    def _finish(self) -> None:
        chip = self.chip
        if chip is None:
            return
        ticked = set(self.listing.selected)
        values = [value for _label, value in chip.options if value in ticked]
        self.post_message(self.Done(self, chip, values))

    def close(self) -> None:
        """Hide the list without changing the filter."""
        self.chip = None
        self.display = False


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

    @dataclass
    class Pick(Message):
        """Enter, Space or a click: the screen opens its :class:`FilterPicker` for ``chip``."""

        chip: FilterChip

    def on_click(self) -> None:
        self.action_pick()

    def action_pick(self) -> None:
        self.post_message(self.Pick(self))
