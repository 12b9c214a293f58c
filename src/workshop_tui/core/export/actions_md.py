"""Action list as a Markdown (GFM) table, with a short heading saying what it holds."""

from __future__ import annotations

from workshop_tui.core.export.base import Exporter, ExportOptions
from workshop_tui.core.export.markup import md_table, md_text
from workshop_tui.core.export.rows import COLUMNS, ActionRow, action_rows
from workshop_tui.core.model import ActionStatus, Session
from workshop_tui.core.store import SessionStore


def actions_title(title: str, options: ExportOptions) -> str:
    """ "Actions — <session>" plus the split subtitle, if any."""
    return f"Actions — {title}" + (f" — {options.subtitle}" if options.subtitle else "")


#: the filter fields as the columns of the action list name them
_FILTER_LABELS = {
    "groups": "group",
    "topics": "topic",
    "owners": "owner",
    "units": "responsible unit",
    "levels": "level",
    "statuses": "status",
}


def filter_line(session: Session, options: ExportOptions) -> str:
    """ "topic: Legal framework; status: open or in progress" — the filter in the words the
    user sees in the app and the table (topic titles, status labels), empty when there is
    none. (The JSON export keeps the internal values: ids and ``in_progress``.)"""
    titles = {t.id: t.title for t in session.agenda.topics}

    def shown(name: str, value: str) -> str:
        if name == "topics":
            return titles.get(value, value)
        if name == "statuses":
            return ActionStatus(value).label
        return value or f"(no {_FILTER_LABELS[name]})"

    described = options.filters.resolved(session).describe().items()
    return "; ".join(
        f"{_FILTER_LABELS[name]}: {' or '.join(shown(name, v) for v in values)}"
        for name, values in described
    )


def md_action_table(rows: list[ActionRow], keys: tuple[str, ...] | None = None) -> str:
    columns = [c for c in COLUMNS if keys is None or c.key in keys]
    if keys is not None:
        columns.sort(key=lambda c: keys.index(c.key))
    chosen = tuple(c.key for c in columns)
    return md_table([c.header for c in columns], (row.cells(chosen) for row in rows))


def render(store: SessionStore, options: ExportOptions) -> bytes:
    session = store.session
    rows = action_rows(store, options.filters)
    lines = [f"# {md_text(actions_title(session.title, options))}", ""]
    lines += [f"Exported {options.stamp[:16].replace('T', ' ')} UTC · {len(rows)} action(s)", ""]
    if filters := filter_line(session, options):
        lines += [f"Filter: {md_text(filters)}", ""]
    lines.append(md_action_table(rows) if rows else "_No actions._\n")
    return "\n".join(lines).encode("utf-8")


EXPORTER = Exporter("actions", "md", render, "md", "Markdown table (GFM)", takes_filters=True)
