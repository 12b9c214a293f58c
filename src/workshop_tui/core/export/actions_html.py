"""Action list as one standalone, printable HTML page (embedded CSS, nothing external)."""

from __future__ import annotations

from workshop_tui.core.export.actions_md import actions_title, exported_line, filter_line
from workshop_tui.core.export.base import Exporter, ExportOptions
from workshop_tui.core.export.markup import h, html_page, html_table
from workshop_tui.core.export.rows import COLUMNS, ActionRow, action_rows
from workshop_tui.core.i18n import N_, Translator
from workshop_tui.core.store import SessionStore


def html_action_table(
    rows: list[ActionRow], keys: tuple[str, ...] | None = None, t: Translator | None = None
) -> str:
    chosen = keys or tuple(c.key for c in COLUMNS)
    headers = {c.key: c.heading(t) for c in COLUMNS}
    return html_table(
        [headers[k] for k in chosen], (row.cells(chosen, t) for row in rows), css_class="actions"
    )


def render(store: SessionStore, options: ExportOptions) -> bytes:
    session = store.session
    t = options.translator_for(session)
    rows = action_rows(store, options.filters)
    title = actions_title(session.title, options, t)
    body = [f'<h1 dir="auto">{h(title)}</h1>']
    meta = exported_line(options.stamp, len(rows), t)
    if filters := filter_line(session, options, t):
        meta += " · " + t.gettext("Filter: {filter}").format(filter=filters)
    body.append(f'<p class="meta" dir="auto">{h(meta)}</p>')
    if rows:
        body.append(html_action_table(rows, t=t))
    else:
        body.append(f'<p class="muted">{h(t.gettext("No actions."))}</p>')
    return html_page(title, "\n".join(body), lang=options.language_for(session)).encode("utf-8")


EXPORTER = Exporter("actions", "html", render, "html", N_("printable web page"), takes_filters=True)
