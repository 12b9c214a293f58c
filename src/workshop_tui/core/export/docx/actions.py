"""The action plan as a Word document: title, the workshop's metadata, one table per section
(the document columns of :mod:`workshop_tui.core.export.plan`), A4 with a running header.
Split by owner or unit, each file is addressed to its owner or unit: a digest."""

from __future__ import annotations

from workshop_tui.core.export.base import Exporter, ExportOptions
from workshop_tui.core.export.docx.builder import DocxDocument
from workshop_tui.core.export.plan import Plan, build_plan
from workshop_tui.core.export.rows import action_rows
from workshop_tui.core.i18n import N_
from workshop_tui.core.store import SessionStore


def plan_tables(document: DocxDocument, plan: Plan, level: int = 1) -> None:
    """The plan's sections: a heading each (a new page from the second on) and its table."""
    weights = [c.weight for c in plan.columns]
    nowrap = [c.nowrap for c in plan.columns]
    for i, section in enumerate(plan.sections):
        if section.title:
            document.heading(section.title, level, new_page=i > 0)
        document.table(
            plan.headers,
            (plan.cells(n, row) for n, row in section.rows),
            weights=weights,
            nowrap=nowrap,
        )


def docx_plan(plan: Plan, *, stamp: str, author: str = "") -> bytes:
    document = DocxDocument(
        title=plan.title,
        running=plan.running,
        language=plan.language,
        landscape=plan.landscape,
        stamp=stamp,
        author=author,
        subject=plan.tr.gettext("Action plan"),
    )
    document.title(plan.title)
    document.facts(plan.facts)
    if plan.count:
        plan_tables(document, plan)
    else:
        document.paragraph(plan.tr.gettext("No actions."))
    return document.to_bytes()


def render(store: SessionStore, options: ExportOptions) -> bytes:
    session = store.session
    plan = build_plan(session, action_rows(store, options.filters), options)
    return docx_plan(plan, stamp=options.stamp, author=session.facilitator)


EXPORTER = Exporter(
    "actions",
    "docx",
    render,
    "docx",
    N_("action plan to edit (Word document, A4)"),
    binary=True,
    takes_filters=True,
    document=True,
    paged=True,
)
