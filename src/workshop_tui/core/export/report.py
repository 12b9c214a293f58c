"""The session report in Markdown and HTML: workshop facts, participants and groups, each
topic's challenges / solutions / actions per group, a count table, the full action table."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from workshop_tui.core.export import common_understanding
from workshop_tui.core.export.actions_html import html_plan_tables
from workshop_tui.core.export.actions_md import exported_when, md_plan_tables
from workshop_tui.core.export.base import Exporter, ExportOptions, Layout
from workshop_tui.core.export.markup import h, html_page, html_table, md_table, md_text
from workshop_tui.core.export.plan import DEFAULT_COLUMNS, Plan, build_plan, running_header
from workshop_tui.core.export.report_data import (
    DATE_FACTS,
    MOMENT_FACTS,
    CountRow,
    GroupSection,
    ReportData,
    report_data,
)
from workshop_tui.core.export.rows import ActionRow
from workshop_tui.core.i18n import N_, Translator, format_date, translator
from workshop_tui.core.labels import kind_heading, priority_label, status_label, timeframe_label
from workshop_tui.core.store import SessionStore

COUNT_HEADERS = (
    N_("Topic"),
    N_("Group"),
    N_("Challenges"),
    N_("Solutions"),
    N_("Actions"),
    N_("Open actions"),
)
PARTICIPANT_HEADERS = (N_("Name"), N_("Organisation"), N_("Group"))
#: the columns of the report's table of all actions: the action plan's default ones (more
#: do not fit an A4 portrait page with every word whole)
REPORT_PLAN_COLUMNS = DEFAULT_COLUMNS


def report_plan(data: ReportData, options: ExportOptions) -> Plan:
    """The report's table of all actions, laid out as an action-plan document."""
    layout = Layout(columns=REPORT_PLAN_COLUMNS, landscape=options.layout.landscape)
    return build_plan(data.session, data.actions, replace(options, layout=layout))


def _headers(names: tuple[str, ...], t: Translator) -> list[str]:
    return [t.gettext(name) for name in names]


def count_cells(row: CountRow, t: Translator) -> list[str]:
    return [
        t.gettext(row.topic) if row.topic == "Total" else row.topic,
        row.group,
        str(row.challenges),
        str(row.solutions),
        str(row.actions),
        str(row.open_actions),
    ]


def votes_text(n: int, t: Translator) -> str:
    return t.ngettext("{n} vote", "{n} votes", n).format(n=n)


def _fact_value(label: str, value: str, t: Translator) -> str:
    """A fact's value in the export's language: dates written out, moments with UTC."""
    if label in MOMENT_FACTS:
        return exported_when(value, t)
    if label in DATE_FACTS:
        days = []
        for part in value.split(" – "):
            try:
                days.append(format_date(dt.date.fromisoformat(part), t.language))
            except ValueError:
                days.append(part)
        return " – ".join(days)
    return value


def report_facts(data: ReportData, t: Translator) -> list[tuple[str, str]]:
    return [(t.gettext(label), _fact_value(label, value, t)) for label, value in data.facts]


def action_summary(row: ActionRow, t: Translator | None = None) -> str:
    """ "owner (unit) · due 30 June 2026 · high priority · open" — one line under an action."""
    t = t or translator("en")
    f = row.fields
    who = f.owner + (f" ({f.unit})" if f.owner and f.unit else f.unit)
    due = row.due_date
    if due is not None:
        when = t.gettext("due {date}").format(date=format_date(due, t.language))
    elif f.due:
        when = t.gettext("due {date}").format(date=f.due)
    else:
        when = timeframe_label(f.timeframe, t)
    priority = t.gettext("{priority} priority").format(priority=priority_label(f.priority, t))
    return " · ".join(
        p
        for p in (who or t.gettext("no owner yet"), when, priority, status_label(f.status, t))
        if p
    )


def _participants(data: ReportData) -> list[list[str]]:
    return [[p.name, p.organisation, p.group] for p in data.session.agenda.participants]


# -- Markdown -----------------------------------------------------------------------------
def _md_group(section: GroupSection, t: Translator) -> list[str]:
    out = [f"### {md_text(section.group)}", ""]
    answers = t.gettext("answers:")
    blocks: list[tuple[str, list[str]]] = [
        (
            kind_heading("challenge", t),
            [
                f"{md_text(text)} — **{votes_text(v, t)}**" if v else md_text(text)
                for text, v in section.challenges
            ],
        ),
        (
            kind_heading("solution", t),
            [
                (md_text(s.text) + (f" — **{votes_text(s.votes, t)}**" if s.votes else ""))
                + (
                    f"<br>_{answers}_ {'; '.join(md_text(a) for a in s.answers)}"
                    if s.answers
                    else ""
                )
                for s in section.solutions
            ],
        ),
        (
            kind_heading("action", t),
            [f"{md_text(a.text)}<br>_{md_text(action_summary(a, t))}_" for a in section.actions],
        ),
        (kind_heading("parking", t), [md_text(text) for text in section.parking]),
    ]
    for title, items in blocks:
        if items:
            out += [f"**{title}**", ""] + [f"- {item}" for item in items] + [""]
    return out


def _report_line(options: ExportOptions, t: Translator) -> str:
    return t.gettext("Session report · exported {when}").format(
        when=exported_when(options.stamp, t)
    )


def render_md(store: SessionStore, options: ExportOptions) -> bytes:
    data = report_data(store)
    session = data.session
    t = options.translator_for(session)
    out = [f"# {md_text(session.title)}", "", md_text(_report_line(options, t)), ""]
    out += [f"- **{label}:** {md_text(value)}" for label, value in report_facts(data, t)] + [""]
    out += ["## " + md_text(t.gettext("Participants and groups")), ""]
    for group in session.agenda.groups:
        members = ", ".join(md_text(m) for m in group.members)
        out.append(f"- **{md_text(group.name)}**" + (f": {members}" if members else ""))
    out.append("")
    if participants := _participants(data):
        out += [md_table(_headers(PARTICIPANT_HEADERS, t), participants)]
    for topic in data.topics:
        out += [f"## {md_text(topic.title)}", ""]
        if topic.description:
            out += [md_text(topic.description), ""]
        if topic.questions:
            out += [md_text(t.gettext("Guiding questions:")), ""]
            out += [f"- {md_text(q)}" for q in topic.questions] + [""]
        if not topic.groups:
            out += ["_" + md_text(t.gettext("Nothing captured.")) + "_", ""]
        for section in topic.groups:
            out += _md_group(section, t)
    out += common_understanding.md_section(store, t)
    out += [
        "## " + md_text(t.gettext("Summary")),
        "",
        md_table(
            _headers(COUNT_HEADERS, t), [count_cells(c, t) for c in [*data.counts, data.totals]]
        ),
    ]
    out += ["## " + md_text(t.gettext("All actions")), ""]
    if data.actions:
        out += md_plan_tables(report_plan(data, options), level=3)
    else:
        out.append("_" + md_text(t.gettext("No actions.")) + "_\n")
    return "\n".join(out).encode("utf-8")


# -- HTML ---------------------------------------------------------------------------------
def _html_list(items: list[str]) -> str:
    return "<ul>" + "".join(f'<li dir="auto">{item}</li>' for item in items) + "</ul>"


def _html_group(section: GroupSection, t: Translator) -> str:
    out = [f'<h3 dir="auto">{h(section.group)}</h3>']
    vote = '<span class="votes">{}</span>'
    answers = h(t.gettext("answers:"))
    blocks: list[tuple[str, list[str]]] = [
        (
            kind_heading("challenge", t),
            [
                h(text) + (" — " + vote.format(h(votes_text(v, t))) if v else "")
                for text, v in section.challenges
            ],
        ),
        (
            kind_heading("solution", t),
            [
                h(s.text)
                + (" — " + vote.format(h(votes_text(s.votes, t))) if s.votes else "")
                + (
                    f'<br><span class="muted">{answers} {"; ".join(h(a) for a in s.answers)}</span>'
                    if s.answers
                    else ""
                )
                for s in section.solutions
            ],
        ),
        (
            kind_heading("action", t),
            [
                f'{h(a.text)}<br><span class="muted">{h(action_summary(a, t))}</span>'
                for a in section.actions
            ],
        ),
        (kind_heading("parking", t), [h(text) for text in section.parking]),
    ]
    for title, items in blocks:
        if items:
            out.append(f"<p><strong>{h(title)}</strong></p>{_html_list(items)}")
    return "\n".join(out)


def render_html(store: SessionStore, options: ExportOptions) -> bytes:
    data = report_data(store)
    session = data.session
    t = options.translator_for(session)
    out = [
        f'<h1 dir="auto">{h(session.title)}</h1>',
        f'<p class="meta">{h(_report_line(options, t))}</p>',
        '<dl class="meta">'
        + "".join(
            f'<dt>{h(label)}</dt><dd dir="auto">{h(value)}</dd>'
            for label, value in report_facts(data, t)
        )
        + "</dl>",
        f"<h2>{h(t.gettext('Participants and groups'))}</h2>",
    ]
    out.append(
        _html_list(
            [
                f"<strong>{h(g.name)}</strong>"
                + (": " + h(", ".join(g.members)) if g.members else "")
                for g in session.agenda.groups
            ]
        )
    )
    if participants := _participants(data):
        out.append(html_table(_headers(PARTICIPANT_HEADERS, t), participants))
    for topic in data.topics:
        out.append(f'<section class="topic"><h2 dir="auto">{h(topic.title)}</h2>')
        if topic.description:
            out.append(f'<p dir="auto">{h(topic.description)}</p>')
        if topic.questions:
            out.append(
                f"<p>{h(t.gettext('Guiding questions:'))}</p>"
                + _html_list([h(q) for q in topic.questions])
            )
        if not topic.groups:
            out.append(f'<p class="muted">{h(t.gettext("Nothing captured."))}</p>')
        out += [_html_group(section, t) for section in topic.groups]
        out.append("</section>")
    if common := common_understanding.html_section(store, t):
        out.append(common)
    out.append(f"<h2>{h(t.gettext('Summary'))}</h2>")
    out.append(
        html_table(
            _headers(COUNT_HEADERS, t),
            [count_cells(c, t) for c in [*data.counts, data.totals]],
            css_class="counts",
        )
    )
    out.append(f"<h2>{h(t.gettext('All actions'))}</h2>")
    if data.actions:
        out += html_plan_tables(report_plan(data, options), level=3)
    else:
        out.append(f'<p class="muted">{h(t.gettext("No actions."))}</p>')
    page = html_page(
        t.gettext("{title} — session report").format(title=session.title),
        "\n".join(out),
        lang=options.language_for(session),
        landscape=options.layout.landscape,
        running=running_header(session, options, t),
    )
    return page.encode("utf-8")


EXPORTERS = (
    Exporter("report", "md", render_md, "md", N_("session report (Markdown)"), document=True),
    Exporter(
        "report",
        "html",
        render_html,
        "html",
        N_("session report to print (web page, A4)"),
        document=True,
        paged=True,
    ),
)
