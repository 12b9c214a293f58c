"""The sessions history as table columns and cells (sessions browser)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from workshop_tui.core.i18n import N_, _
from workshop_tui.core.summary import SessionSummary
from workshop_tui.ui.widgets.table import Cell, Column

#: (key, label, justify); keys are core.history sort keys. Dates and counts come before the
#: agenda, facilitator and location: on a narrow screen those are left out (:data:`DROP`)
#: and the detail box under the table shows them.
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("state", "", "left"),
    ("title", N_("Title"), "left"),
    ("started", N_("Dates"), "left"),
    ("challenges", N_("C"), "right"),
    ("solutions", N_("S"), "right"),
    ("actions", N_("A"), "right"),
    ("open", N_("Open"), "right"),
    ("agenda", N_("Agenda"), "left"),
    ("facilitator", N_("Facilitator"), "left"),
    ("location", N_("Location"), "left"),
    ("groups", N_("Groups"), "right"),
)
#: widest a text column gets (longer values end in an ellipsis)
CAPS = {"agenda": 28, "facilitator": 20, "location": 18}
#: the columns a narrow table leaves out, the highest first (see ``table.Column.drop``)
DROP = {"groups": 4, "location": 3, "facilitator": 2, "agenda": 1}


def date_span(summary: SessionSummary) -> str:
    """``2025-06-02→06-06``; across years ``2025-12-30→2026-01-02``; open: the start day."""
    first, last = summary.started[:10], summary.ended[:10]
    if not last or last == first:
        return first
    if last[:4] == first[:4]:
        return f"{first}→{last[5:]}"
    return f"{first}→{last}"


def history_cell(summary: SessionSummary, key: str, marked: frozenset[str] = frozenset()) -> Cell:
    """What the column ``key`` shows for a session."""
    if key == "state":
        mark = "◆" if summary.id in marked else " "
        return Text(mark, "bold") + (Text("✓", "dim") if summary.ended else Text("●", "bold"))
    if key == "title":
        return summary.title
    if key == "started":
        return date_span(summary)
    if key == "agenda":
        return summary.agenda_title or summary.agenda_name
    if key == "facilitator":
        return summary.facilitator
    if key == "location":
        return summary.location
    if key == "groups":
        return str(len(summary.groups))
    if key == "open":
        return str(summary.open_actions)
    return str(getattr(summary, key))


def history_columns(
    sessions: Sequence[SessionSummary], sort: str, descending: bool
) -> list[Column]:
    """Columns wide enough for every session of the history (not only those shown), so the
    widths stay put while a filter is typed; the sort column's label has an arrow."""
    out = []
    for key, label, justify in COLUMNS:
        shown = _(label) if label else ""
        if key == sort or (key == "started" and sort == "ended"):
            shown = f"{shown}{'↓' if descending else '↑'}"
        if key == "title":
            longest = max((len(s.title) for s in sessions), default=10)
            # titles tell sessions apart: other columns are left out before a title is cut
            out.append(Column(key, shown, max(longest, 10), flex=True, min_width=24))
            continue
        if key == "state":
            width = 2
        else:
            values = [history_cell(s, key) for s in sessions]
            width = max((len(str(v)) for v in values), default=1)
            width = min(width, CAPS.get(key, width))
        out.append(Column(key, shown, max(width, len(shown)), justify, drop=DROP.get(key, 0)))
    return out
