"""Action plan as Markdown: a heading, the workshop's metadata, and one GFM table per section
with the document columns (:mod:`workshop_tui.core.export.plan`)."""

from __future__ import annotations

from workshop_tui.core.export.base import Exporter, ExportOptions
from workshop_tui.core.export.markup import md_table, md_text
from workshop_tui.core.export.plan import Plan, build_plan
from workshop_tui.core.export.rows import COLUMNS, ActionRow, action_rows
from workshop_tui.core.export.wording import (
    actions_title,
    exported_line,
    exported_when,
    filter_line,
)
from workshop_tui.core.i18n import N_, Translator
from workshop_tui.core.store import SessionStore

__all__ = [
    "actions_title",
    "exported_line",
    "exported_when",
    "filter_line",
    "md_action_table",
    "md_plan",
    "md_plan_tables",
    "render",
]


def md_action_table(
    rows: list[ActionRow], keys: tuple[str, ...] | None = None, t: Translator | None = None
) -> str:
    """A table of :data:`~workshop_tui.core.export.rows.COLUMNS` (all, or ``keys``)."""
    columns = [c for c in COLUMNS if keys is None or c.key in keys]
    if keys is not None:
        columns.sort(key=lambda c: keys.index(c.key))
    chosen = tuple(c.key for c in columns)
    return md_table([c.heading(t) for c in columns], (row.cells(chosen, t) for row in rows))


def md_plan_tables(plan: Plan, level: int = 2) -> list[str]:
    """The plan's sections: a heading each (when sectioned) and its table."""
    out: list[str] = []
    for section in plan.sections:
        if section.title:
            out += [f"{'#' * level} {md_text(section.title)}", ""]
        out.append(md_table(plan.headers, (plan.cells(n, row) for n, row in section.rows)))
    return out


def md_plan(plan: Plan) -> str:
    lines = [f"# {md_text(plan.title)}", ""]
    lines += [f"- **{md_text(label)}:** {md_text(value)}" for label, value in plan.facts] + [""]
    if plan.count:
        lines += md_plan_tables(plan)
    else:
        lines.append(f"_{md_text(plan.tr.gettext('No actions.'))}_\n")
    return "\n".join(lines)


def render(store: SessionStore, options: ExportOptions) -> bytes:
    rows = action_rows(store, options.filters)
    return md_plan(build_plan(store.session, rows, options)).encode("utf-8")


EXPORTER = Exporter(
    "actions",
    "md",
    render,
    "md",
    N_("action plan to read (Markdown tables)"),
    takes_filters=True,
    document=True,
)
