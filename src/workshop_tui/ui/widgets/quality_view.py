"""The plenary's *Warnings* tab: every action with its quality warnings in words, and the
highlighted one's full messages in a box below (:mod:`workshop_tui.core.quality`)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Static

from workshop_tui.core.agenda import Agenda
from workshop_tui.core.i18n import _
from workshop_tui.core.model import Entry
from workshop_tui.core.quality import QualityWarning, warning_labels

GROUP_WIDTH = 14  # longer group names are cut ("…")


class QualityView(Vertical):
    """A table (topic number, group, warnings, action) and a detail box; Enter posts
    :class:`Open`."""

    DEFAULT_CSS = """
    QualityView { height: 1fr; }
    QualityView #quality { height: 1fr; }
    QualityView #quality-detail {
        height: auto; max-height: 6; background: $panel; padding: 0 1;
    }
    """

    @dataclass
    class Open(Message):
        """Open the session at this action."""

        entry_id: str

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.warnings: dict[str, list[QualityWarning]] = {}
        self._entries: dict[str, Entry] = {}

    def compose(self) -> ComposeResult:
        yield DataTable(id="quality", cursor_type="row", zebra_stripes=True)
        yield Static(id="quality-detail")

    def show(
        self,
        agenda: Agenda,
        actions: list[Entry],
        warnings: dict[str, list[QualityWarning]],
        width: int,
    ) -> None:
        """Draw ``actions`` (the live ones, ``warnings`` per id) for a screen ``width`` wide."""
        self.warnings = warnings
        self._entries = {e.id: e for e in actions if e.id in warnings}
        table = self.query_one("#quality", DataTable)
        table.clear(columns=True)
        number = {t.id: i for i, t in enumerate(agenda.topics, 1)}
        groups = agenda.group_names
        # both text columns fit the screen: the warnings in words (cut with "…" after their
        # count), the action in the rest; the box below the table has both in full
        group_width = min(max((len(g) for g in groups), default=5), GROUP_WIDTH)
        room = width - (len(_("Topic")) + 2) - (group_width + 2) - 2 - 4
        labels = {i: warning_labels(found) for i, found in warnings.items()}
        longest = max((len(label) for label in labels.values()), default=8)
        warnings_width = min(max(longest, len(_("Warnings"))), max(20, room * 2 // 5))
        table.add_column(_("Topic"))
        table.add_column(_("Group"), width=group_width)
        table.add_column(_("Warnings"), width=warnings_width)
        table.add_column(_("Action"), width=max(20, room - warnings_width))
        ordered = sorted(
            self._entries.values(),
            key=lambda e: (
                number.get(e.topic_id, 99),
                groups.index(e.group) if e.group in groups else 99,
                e.position,
            ),
        )
        for entry in ordered:
            style = "red" if warnings[entry.id] else "green"
            table.add_row(
                f"{number.get(entry.topic_id, '?')}",
                Text(entry.group, no_wrap=True, overflow="ellipsis"),
                Text(labels[entry.id], style, no_wrap=True, overflow="ellipsis"),
                Text(" ".join(entry.text.split()), no_wrap=True, overflow="ellipsis"),
                key=entry.id,
            )
        self._show_detail(ordered[0].id if ordered else None)

    def _show_detail(self, entry_id: str | None) -> None:
        detail = self.query_one("#quality-detail", Static)
        entry = self._entries.get(entry_id or "")
        if entry is None:
            detail.update(_("No actions yet."))
            return
        found = self.warnings.get(entry.id, [])
        text = Text(" ".join(entry.text.split()), "bold")
        for warning in found:
            text.append(f"\n ⚠ {warning.message}", "red")
        if not found:
            text.append(_("\n ✓ no warnings"), "green")
        detail.update(text)

    @on(DataTable.RowHighlighted, "#quality")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value:
            self._show_detail(str(event.row_key.value))

    @on(DataTable.RowSelected, "#quality")
    def _selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value:
            self.post_message(self.Open(str(event.row_key.value)))
