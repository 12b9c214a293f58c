"""The one-line summary a pane shows when the session screen is narrow (below 100 columns):
the panes are stacked, the focused one at full width and each other one as a single line —
its digit, name, count and last entry — that a click, Tab or its digit opens."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from workshop_tui.core.i18n import _
from workshop_tui.core.model import Entry, EntryKind

#: the key that focuses each pane (also shown on its summary line)
PANE_DIGITS: dict[EntryKind, str] = {
    EntryKind.CHALLENGE: "1",
    EntryKind.SOLUTION: "2",
    EntryKind.ACTION: "3",
    EntryKind.PARKING: "4",
    EntryKind.NOTE: "5",
}


def summary_text(kind: EntryKind, title: str, entries: list[Entry], labels: dict[str, str]) -> Text:
    """``2 Solutions 3 · S3 Waive fees for SMEs``: digit, name, count and the latest entry
    written (cut with "…" by the line's CSS when it does not fit)."""
    text = Text.assemble(
        (PANE_DIGITS.get(kind, "?"), "bold reverse"),
        " ",
        (f"{title} {len(entries)}", "bold"),
        no_wrap=True,
        overflow="ellipsis",
    )
    if entries:
        last = max(entries, key=lambda e: e.created)  # the latest written
        label = labels.get(last.id, "")
        text.append(" · ")
        if label:
            text.append(f"{label} ", "bold")
        text.append(" ".join(last.text.split()))
    else:
        text.append(" · ")
        text.append(_("empty"), "dim")
    return text


class PaneSummary(Static, can_focus=True):
    """A stacked pane's line; focusing it (Tab, a click) opens its pane (the screen does)."""

    DEFAULT_CSS = """
    PaneSummary {
        height: 1;
        width: 1fr;
        padding: 0 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        color: $text-muted;
    }
    PaneSummary:hover, PaneSummary:focus { background: $boost; color: $text; }
    """
