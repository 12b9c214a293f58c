"""Pick which challenges/solutions an entry answers: each toggle is saved at once."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.strip import Strip
from textual.widgets import Label, OptionList, SelectionList
from textual.widgets.selection_list import Selection

from workshop_tui.core.i18n import N_, _
from workshop_tui.core.model import Entry
from workshop_tui.ui.widgets.entries.fit import remeasure_options

#: the box of a ticked candidate; an unticked one is empty (not told apart by colour only)
TICKED = "✓"


class LinkList(SelectionList[str]):
    """The candidates: ``▐✓▌`` when linked, ``▐ ▌`` when not; a long one wraps.

    Textual's SelectionList draws ``▐X▌`` for both (only the colour differs) and, as it
    takes each screen line for an option, cannot wrap: its long entries are cut (…).
    """

    def watch_show_vertical_scrollbar(self) -> None:
        remeasure_options(self)  # many candidates: wrapped ones must keep all their lines

    def render_line(self, y: int) -> Strip:
        line = OptionList.render_line(self, y)  # the prompt, without SelectionList's box
        try:
            index, line_in_option = self._lines[self.scroll_offset.y + y]
            selection = self.get_option_at_index(index)
        except (IndexError, LookupError):
            return line
        base = next(iter(line)).style or self.rich_style
        if line_in_option:  # a wrapped line: under the text, not under the box
            return Strip([Segment(" " * self._get_left_gutter_width(), base), *line])
        ticked = selection.value in self.selected
        component = "selection-list--button"
        if ticked:
            component += "-selected"
        if self.highlighted == index:
            component += "-highlighted"
        meta = Style(meta={"option": index})  # a click on the box toggles this option
        button = self.get_component_rich_style(component) + meta
        side = Style.from_color(button.bgcolor, base.bgcolor) + meta
        return Strip(
            [
                Segment("▐", side),
                Segment(TICKED if ticked else " ", button),
                Segment("▌", side),
                Segment(" ", base),
                *line,
            ]
        )


class LinkPicker(ModalScreen[None]):
    """Lists candidate entries with the current links ticked.

    ``on_toggle(target_id)`` is called for every toggle and returns whether it was taken
    (when not, the tick is put back at once). A save that fails later (it runs off the event
    loop) calls :meth:`put_back`.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,l", "close", N_("Done"), id="links.close"),
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
            dialog.border_title = _("Link {entry_label} to…").format(entry_label=self.entry_label)
            yield Label(Content(f"{self.entry_label} {self.entry.text}"), id="link-entry")
            selections = [
                Selection(
                    Content(f"{self.labels.get(c.id, '?')} {c.text}"),
                    c.id,
                    c.id in self.entry.links,
                )
                for c in self.candidates
            ]
            yield LinkList(*selections, id="link-list")
            yield Label(_("Space/Enter: toggle (saved at once) · Esc: done"), classes="dialog-help")

    @on(SelectionList.SelectionToggled)
    def _toggled(self, event: SelectionList.SelectionToggled[str]) -> None:
        target = event.selection.value
        if not self.on_toggle(target):
            self.put_back(target)

    def put_back(self, target_id: str) -> None:
        """Undo a tick the store did not take (without calling ``on_toggle`` again)."""
        if not self.is_attached:
            return
        selection_list = self.query_one("#link-list", LinkList)
        # toggle() posts SelectionToggled: it would save the link again
        with selection_list.prevent(SelectionList.SelectionToggled):
            selection_list.toggle(target_id)

    def action_close(self) -> None:
        self.dismiss(None)
