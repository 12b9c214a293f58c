"""The session-wide parking lot: every parked point of every topic × group in one table, so
nothing parked is forgotten at the end of the day (the plenary's *Parking lot* tab)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Static

from workshop_tui.core.agenda import Agenda
from workshop_tui.core.i18n import _, ngettext
from workshop_tui.core.model import Entry

GROUP_WIDTH = 14  # longer group names are cut ("…")


class ParkingLotView(Vertical):
    """A heading and a table (topic number, group, item); Enter posts :class:`Open`."""

    DEFAULT_CSS = """
    ParkingLotView { height: 1fr; }
    ParkingLotView #parking-heading {
        height: 1; padding: 0 1; color: $text-muted; text-wrap: nowrap; text-overflow: ellipsis;
    }
    ParkingLotView #parking-table { height: 1fr; }
    ParkingLotView #parking-detail { height: auto; max-height: 5; background: $panel; padding: 0 1; }
    """

    @dataclass
    class Open(Message):
        """Open the session at this parking-lot item."""

        entry_id: str

    def compose(self) -> ComposeResult:
        yield Static(id="parking-heading", markup=False)
        yield DataTable(id="parking-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="parking-detail", markup=False)

    def show(self, agenda: Agenda, items: list[Entry], width: int) -> None:
        """Draw ``items`` (already in agenda order) for a screen ``width`` cells wide."""
        self._items = {e.id: e for e in items}
        self._agenda = agenda
        topics = {t.id: (i, t.title) for i, t in enumerate(agenda.topics, 1)}
        cells = len({(e.topic_id, e.group) for e in items})
        self.query_one("#parking-heading", Static).update(
            ngettext(
                "{n} parked point from {cells} topic × group (each topic × group has its own "
                "parking lot; Enter opens it)",
                "{n} parked points from {cells} topic × group cells (each topic × group has its "
                "own parking lot; Enter opens it)",
                len(items),
            ).format(n=len(items), cells=cells)
        )
        table = self.query_one("#parking-table", DataTable)
        cursor = table.cursor_row
        table.clear(columns=True)
        groups = {e.group for e in items}
        group_width = min(max([len(_("Group")), *(len(g) for g in groups)]), GROUP_WIDTH)
        room = width - (len(_("Topic")) + 2) - (group_width + 2) - 2 - 4
        table.add_column(_("Topic"), key="topic")
        table.add_column(_("Group"), key="group", width=group_width)
        table.add_column(_("Parked point"), key="text", width=max(20, room))
        for entry in items:
            number = topics.get(entry.topic_id, (0, ""))[0]
            table.add_row(
                str(number or "?"),
                Text(entry.group, no_wrap=True, overflow="ellipsis"),
                Text(" ".join(entry.text.split()), no_wrap=True, overflow="ellipsis"),
                key=entry.id,
            )
        if table.row_count:
            table.move_cursor(row=min(max(cursor, 0), table.row_count - 1))
        self._show_detail(self._selected())

    def _selected(self) -> str | None:
        table = self.query_one("#parking-table", DataTable)
        if not table.row_count:
            return None
        row_key, _column = table.coordinate_to_cell_key(table.cursor_coordinate)
        return str(row_key.value) if row_key.value else None

    def _show_detail(self, entry_id: str | None) -> None:
        detail = self.query_one("#parking-detail", Static)
        entry = self._items.get(entry_id or "")
        if entry is None:
            detail.update(_("Nothing parked yet: the parking lot of each topic × group is key 4."))
            return
        topic = next((t.title for t in self._agenda.topics if t.id == entry.topic_id), "")
        text = Text(" ".join(entry.text.split()), "bold")
        text.append(f"\n{topic} · {entry.group}")
        detail.update(text)

    @on(DataTable.RowHighlighted, "#parking-table")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail(str(event.row_key.value) if event.row_key.value else None)

    @on(DataTable.RowSelected, "#parking-table")
    def _selected_row(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value:
            self.post_message(self.Open(str(event.row_key.value)))
