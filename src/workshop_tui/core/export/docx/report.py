"""The session report as a Word document, in the order of the HTML report: the workshop's
metadata, participants and groups, each topic (a new page) with each group's challenges,
solutions, actions and parking lot, the count summary and the table of all actions.

Each part is one function of :data:`PARTS` ``(document, data, context)``; a new part of the
report (say, the common understanding reached in plenary) is one more function there."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from workshop_tui.core.export import common_understanding
from workshop_tui.core.export.base import Exporter, ExportOptions
from workshop_tui.core.export.docx.actions import plan_tables
from workshop_tui.core.export.docx.builder import DocxDocument, Run
from workshop_tui.core.export.plan import export_language, running_header, tr_for
from workshop_tui.core.export.report import (
    COUNT_HEADERS,
    action_summary,
    count_cells,
    report_facts,
    report_plan,
    votes_text,
)
from workshop_tui.core.export.report_data import GroupSection, ReportData, report_data
from workshop_tui.core.export.wording import exported_when
from workshop_tui.core.i18n import N_, Translator
from workshop_tui.core.labels import kind_heading
from workshop_tui.core.store import SessionStore


@dataclass(frozen=True)
class Context:
    options: ExportOptions
    tr: Translator
    language: str  # of dates
    store: SessionStore | None = None  # for the parts that read more than ReportData


def _heading_part(document: DocxDocument, data: ReportData, ctx: Context) -> None:
    document.title(data.session.title)
    exported = ctx.tr.gettext("Session report · exported {when}").format(
        when=exported_when(ctx.options.stamp, ctx.tr)
    )
    document.paragraph([Run(exported, italic=True)])
    document.facts(report_facts(data, ctx.tr))


def _participants_part(document: DocxDocument, data: ReportData, ctx: Context) -> None:
    agenda = data.session.agenda
    document.heading(ctx.tr.gettext("Participants and groups"), 1)
    document.bullets(
        [Run(g.name, bold=True)] + ([Run(": " + ", ".join(g.members))] if g.members else [])
        for g in agenda.groups
    )
    if agenda.participants:
        tr = ctx.tr
        document.table(
            (tr.gettext("Name"), tr.gettext("Organisation"), tr.gettext("Group")),
            [[p.name, p.organisation, p.group] for p in agenda.participants],
            weights=(3, 4, 2),
        )


def _group_part(document: DocxDocument, section: GroupSection, ctx: Context) -> None:
    tr = ctx.tr
    document.heading(section.group, 2)
    blocks: list[tuple[str, list[list[Run]]]] = [
        (
            kind_heading("challenge", tr),
            [
                [Run(text)] + ([Run(" — "), Run(votes_text(v, tr), bold=True)] if v else [])
                for text, v in section.challenges
            ],
        ),
        (
            kind_heading("solution", tr),
            [
                [Run(s.text)]
                + ([Run(" — "), Run(votes_text(s.votes, tr), bold=True)] if s.votes else [])
                + (
                    [
                        Run(
                            "\n" + tr.gettext("answers:") + " " + "; ".join(s.answers),
                            italic=True,
                        )
                    ]
                    if s.answers
                    else []
                )
                for s in section.solutions
            ],
        ),
        (
            kind_heading("action", tr),
            [
                [Run(a.text), Run("\n" + action_summary(a, tr), italic=True)]
                for a in section.actions
            ],
        ),
        (kind_heading("parking", tr), [[Run(t)] for t in section.parking]),
    ]
    for title, items in blocks:
        if items:
            document.paragraph([Run(title, bold=True)])
            document.bullets(items)


def _topics_part(document: DocxDocument, data: ReportData, ctx: Context) -> None:
    tr = ctx.tr
    for topic in data.topics:
        document.heading(topic.title, 1, new_page=True)
        if topic.description:
            document.paragraph(topic.description)
        if topic.questions:
            document.paragraph(tr.gettext("Guiding questions:"))
            document.bullets([Run(q)] for q in topic.questions)
        if not topic.groups:
            document.paragraph([Run(tr.gettext("Nothing captured."), italic=True)])
        for section in topic.groups:
            _group_part(document, section, ctx)


def _summary_part(document: DocxDocument, data: ReportData, ctx: Context) -> None:
    tr = ctx.tr
    document.heading(tr.gettext("Summary"), 1, new_page=True)
    document.table(
        [tr.gettext(h) for h in COUNT_HEADERS],
        [count_cells(c, tr) for c in [*data.counts, data.totals]],
        weights=(4, 3, 2, 2, 2, 2),
        nowrap=(False, False, True, True, True, True),
    )


def _actions_part(document: DocxDocument, data: ReportData, ctx: Context) -> None:
    document.heading(ctx.tr.gettext("All actions"), 1)
    if data.actions:
        plan_tables(document, report_plan(data, ctx.options), level=2)
    else:
        document.paragraph([Run(ctx.tr.gettext("No actions."), italic=True)])


Part = Callable[[DocxDocument, ReportData, Context], None]


#: the report's parts, in order
def _common_part(document: DocxDocument, data: ReportData, ctx: Context) -> None:
    if ctx.store is not None:
        common_understanding.docx_section(document, ctx.store, ctx.tr)


PARTS: list[Part] = [
    _heading_part,
    _participants_part,
    _topics_part,
    _common_part,
    _summary_part,
    _actions_part,
]


def render(store: SessionStore, options: ExportOptions) -> bytes:
    data = report_data(store)
    session = data.session
    tr = tr_for(session, options)
    document = DocxDocument(
        title=session.title,
        running=running_header(session, options, tr),
        language=export_language(session, options),
        landscape=options.layout.landscape,
        stamp=options.stamp,
        author=session.facilitator,
        subject=tr.gettext("Session report"),
    )
    ctx = Context(options, tr, export_language(session, options), store)
    for part in PARTS:
        part(document, data, ctx)
    return document.to_bytes()


EXPORTER = Exporter(
    "report",
    "docx",
    render,
    "docx",
    N_("session report to edit (Word document, A4)"),
    binary=True,
    document=True,
    paged=True,
)
