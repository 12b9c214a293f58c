"""The progress report as a Word document: what became of an earlier session's actions, one
Heading 1 per responsible unit and a table per kind of progress (done, dropped, overdue,
moved, not reviewed), as in :mod:`workshop_tui.core.export.progress`."""

from __future__ import annotations

from workshop_tui.core.export.base import Exporter, ExportError, ExportOptions
from workshop_tui.core.export.docx.builder import DocxDocument, Run
from workshop_tui.core.export.plan import export_language, running_header, show_date, tr_for
from workshop_tui.core.export.progress import (
    HEADERS,
    SECTIONS,
    by_unit,
    progress_cells,
    progress_items,
    today_of,
    unit_name,
)
from workshop_tui.core.followup import earlier_session
from workshop_tui.core.i18n import N_
from workshop_tui.core.store import SessionStore, StoreError

#: relative widths of HEADERS: action, owner, due, status, review comment, topic, group
_WEIGHTS = (30, 12, 10, 12, 22, 12, 8)
_NOWRAP = (False, False, True, False, False, False, False)


def render(store: SessionStore, options: ExportOptions) -> bytes:
    try:
        earlier = earlier_session(store)
    except StoreError as err:
        raise ExportError(str(err)) from None
    session = store.session
    tr = tr_for(session, options)
    language = export_language(session, options)
    today = today_of(options)
    items = progress_items(store, earlier, today, tr)
    topics = {t.id: t.title for t in earlier.session.agenda.topics}
    title = tr.gettext("Progress — {title}").format(title=session.title)
    document = DocxDocument(
        title=title,
        running=running_header(session, options, tr),
        language=language,
        landscape=options.layout.landscape,
        stamp=options.stamp,
        author=session.facilitator,
        subject=tr.gettext("Progress report"),
    )
    document.title(title)
    document.facts(
        [
            (
                tr.gettext("Since"),
                f"{earlier.session.title} ({show_date(earlier.session.started[:10], language)})",
            ),
            (tr.gettext("As of"), show_date(today.isoformat(), language)),
        ]
        + [(tr.gettext(s), str(sum(1 for i in items if i.section == s))) for s in SECTIONS]
    )
    if not items:
        document.paragraph([Run(tr.gettext("The earlier session has no actions."), italic=True)])
    headers = [tr.gettext(h) for h in HEADERS]
    for index, (unit, unit_items) in enumerate(by_unit(items)):
        document.heading(unit_name(unit, tr), 1, new_page=index > 0)
        for section in SECTIONS:
            rows = [progress_cells(i, topics, language) for i in unit_items if i.section == section]
            if rows:
                document.heading(f"{tr.gettext(section)} ({len(rows)})", 2)
                document.table(headers, rows, weights=_WEIGHTS, nowrap=_NOWRAP)
    return document.to_bytes()


EXPORTER = Exporter(
    "progress",
    "docx",
    render,
    "docx",
    N_("Progress of the earlier session's actions (Word document, A4)"),
    binary=True,
    document=True,
    paged=True,
)
