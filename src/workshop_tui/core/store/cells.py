"""A session's live entries by topic × group, in pane order.

The session screen reads one topic × group on every switch and every capture, and a topic's
groups for its dots left: kept here, so that none of those passes over a 2,000-entry
session. The index belongs to one entries table (the dict the session store swaps in whole
on every change); an own save updates only the cells its entries leave or join, and any
other new table (a re-parse after another process's save) starts a new index. It is never
kept past its table: it holds that table's entries.
"""

from __future__ import annotations

from workshop_tui.core.model import Entry

#: (topic id, group) → the live entries there, in pane order
Cells = dict[tuple[str, str], list[Entry]]


def pane_order(entry: Entry) -> tuple[float, str]:
    return (entry.position, entry.created)


class CellIndex:
    """The index of the entries table last asked about (see module docstring)."""

    def __init__(self) -> None:
        self._kept: tuple[dict[str, Entry], Cells] | None = None

    def of(self, entries: dict[str, Entry]) -> Cells:
        """The cells of ``entries``: kept, or built (one pass, then each cell sorted)."""
        kept = self._kept
        if kept is not None and kept[0] is entries:
            return kept[1]
        cells: Cells = {}
        for entry in entries.values():
            if not entry.deleted:
                cells.setdefault((entry.topic_id, entry.group), []).append(entry)
        for cell in cells.values():
            cell.sort(key=pane_order)
        self._kept = (entries, cells)
        return cells

    def saved(self, before: dict[str, Entry], after: dict[str, Entry], saved: list[Entry]) -> None:
        """``saved`` replaced their versions in ``before``, giving ``after``: only the cells
        they leave or join are sorted again (a capture changes one cell). Without an index
        of ``before`` there is none of ``after`` either (built when first asked)."""
        kept = self._kept
        if kept is None or kept[0] is not before:
            self._kept = None
            return
        cells = dict(kept[1])
        ids = {entry.id for entry in saved}
        touched = {(entry.topic_id, entry.group) for entry in saved}
        touched.update(
            (old.topic_id, old.group) for old in (before.get(i) for i in ids) if old is not None
        )
        for place in touched:
            cell = [e for e in cells.get(place, []) if e.id not in ids]
            cell.extend(e for e in saved if (e.topic_id, e.group) == place and not e.deleted)
            if cell:
                cell.sort(key=pane_order)
                cells[place] = cell
            else:
                cells.pop(place, None)
        self._kept = (after, cells)

    def forget(self) -> None:
        """A new entries table that is not an own save's: its index is built when asked."""
        self._kept = None
