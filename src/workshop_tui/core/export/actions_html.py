"""Action plan as one standalone, print-ready HTML page (embedded CSS, nothing external).

A4 portrait by default (landscape on request), the workshop and export date atop every
printed page, table headers repeated on each page, rows never split across pages, each
section on a new page, and words never broken inside (see :mod:`markup`)."""

from __future__ import annotations

from workshop_tui.core.export.base import Exporter, ExportOptions
from workshop_tui.core.export.markup import h, html_page, html_table
from workshop_tui.core.export.plan import Plan, build_plan
from workshop_tui.core.export.rows import COLUMNS, ActionRow, action_rows
from workshop_tui.core.i18n import N_, Translator
from workshop_tui.core.store import SessionStore


def html_action_table(
    rows: list[ActionRow], keys: tuple[str, ...] | None = None, t: Translator | None = None
) -> str:
    """A table of :data:`~workshop_tui.core.export.rows.COLUMNS` (all, or ``keys``)."""
    chosen = keys or tuple(c.key for c in COLUMNS)
    headers = {c.key: c.heading(t) for c in COLUMNS}
    return html_table(
        [headers[k] for k in chosen],
        (row.cells(chosen, t) for row in rows),
        css_class="actions",
        nowrap=[k in ("due", "start") for k in chosen],
    )


def html_plan_tables(plan: Plan, level: int = 2) -> list[str]:
    """The plan's sections: each a ``<section>`` (a new printed page) with its table."""
    out: list[str] = []
    nowrap = [c.nowrap for c in plan.columns]
    widths = [c.weight for c in plan.columns]
    for section in plan.sections:
        table = html_table(
            plan.headers,
            (plan.cells(n, row) for n, row in section.rows),
            css_class="plan",
            nowrap=nowrap,
            widths=widths,
        )
        if section.title:
            out.append(
                f'<section class="section"><h{level} dir="auto">{h(section.title)}</h{level}>'
                f"\n{table}\n</section>"
            )
        else:
            out.append(table)
    return out


def html_facts(facts: list[tuple[str, str]]) -> str:
    return (
        '<dl class="meta">'
        + "".join(f'<dt>{h(label)}</dt><dd dir="auto">{h(value)}</dd>' for label, value in facts)
        + "</dl>"
    )


def html_plan(plan: Plan) -> str:
    body = [f'<h1 dir="auto">{h(plan.title)}</h1>', html_facts(plan.facts)]
    if plan.count:
        body += html_plan_tables(plan)
    else:
        body.append(f'<p class="muted">{h(plan.tr.gettext("No actions."))}</p>')
    return html_page(
        plan.title,
        "\n".join(body),
        lang=plan.language,
        landscape=plan.landscape,
        running=plan.running,
    )


def render(store: SessionStore, options: ExportOptions) -> bytes:
    rows = action_rows(store, options.filters)
    return html_plan(build_plan(store.session, rows, options)).encode("utf-8")


EXPORTER = Exporter(
    "actions",
    "html",
    render,
    "html",
    N_("action plan to print (web page, A4)"),
    takes_filters=True,
    document=True,
    paged=True,
)
