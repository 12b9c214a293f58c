"""The narrow session layout: below :data:`STACK_WIDTH` columns the panes are stacked — the
focused pane at full width, every other one folded to a one-line summary (its digit, name,
count and latest entry), so a sentence is not squeezed into a 17-cell column. The digits,
Tab or a click on a summary line open another pane; at 100 columns and wider the panes stand
side by side as before."""

from __future__ import annotations

from collections.abc import Iterable

from textual.widget import Widget

from workshop_tui.core.model import EntryKind
from workshop_tui.ui.widgets.entries.pane import EntryPane

#: below this terminal width the panes are stacked
STACK_WIDTH = 100


def is_stacked(width: int) -> bool:
    return width < STACK_WIDTH


def apply_stack(
    screen: Widget,
    open_kind: EntryKind,
    *,
    stacked: bool,
    rows: Iterable[tuple[Widget, Iterable[EntryKind]]],
) -> None:
    """Open ``open_kind``'s pane and fold the others (``stacked``), or put every pane side by
    side again. ``rows`` are the pane rows (containers) with the kinds each holds: the row
    with the open pane takes the room, the others only their summary lines."""
    screen.set_class(stacked, "-stacked")
    for pane in screen.query(EntryPane):
        pane.set_stacked((pane.kind == open_kind) if stacked else None)
    for row, kinds in rows:
        row.set_class(stacked and open_kind in set(kinds), "-holds-open")
