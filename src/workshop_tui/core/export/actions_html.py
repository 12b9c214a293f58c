"""Action list as one standalone, printable HTML page (embedded CSS, nothing external)."""

from __future__ import annotations

from workshop_tui.core.export.actions_md import actions_title, filter_line
from workshop_tui.core.export.base import Exporter, ExportOptions
from workshop_tui.core.export.markup import h, html_page, html_table
from workshop_tui.core.export.rows import COLUMNS, ActionRow, action_rows
from workshop_tui.core.store import SessionStore


def html_action_table(rows: list[ActionRow], keys: tuple[str, ...] | None = None) -> str:
    chosen = keys or tuple(c.key for c in COLUMNS)
    headers = {c.key: c.header for c in COLUMNS}
    return html_table(
        [headers[k] for k in chosen], (row.cells(chosen) for row in rows), css_class="actions"
    )


def render(store: SessionStore, options: ExportOptions) -> bytes:
    session = store.session
    rows = action_rows(store, options.filters)
    title = actions_title(session.title, options)
    body = [f'<h1 dir="auto">{h(title)}</h1>']
    meta = f"Exported {options.stamp[:16].replace('T', ' ')} UTC · {len(rows)} action(s)"
    if filters := filter_line(session, options):
        meta += f" · Filter: {filters}"
    body.append(f'<p class="meta" dir="auto">{h(meta)}</p>')
    body.append(html_action_table(rows) if rows else '<p class="muted">No actions.</p>')
    return html_page(title, "\n".join(body), lang=session.agenda.language).encode("utf-8")


EXPORTER = Exporter("actions", "html", render, "html", "printable web page", takes_filters=True)
