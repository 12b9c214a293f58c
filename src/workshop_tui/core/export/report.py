"""The session report in Markdown and HTML: workshop facts, participants and groups, each
topic's challenges / solutions / actions per group, a count table, the full action table."""

from __future__ import annotations

from workshop_tui.core.export.actions_html import html_action_table
from workshop_tui.core.export.actions_md import md_action_table
from workshop_tui.core.export.base import Exporter, ExportOptions
from workshop_tui.core.export.markup import h, html_page, html_table, md_table, md_text
from workshop_tui.core.export.report_data import CountRow, GroupSection, ReportData, report_data
from workshop_tui.core.export.rows import REPORT_COLUMNS, ActionRow
from workshop_tui.core.store import SessionStore

COUNT_HEADERS = ("Topic", "Group", "Challenges", "Solutions", "Actions", "Open actions")


def _count_cells(row: CountRow) -> list[str]:
    return [
        row.topic,
        row.group,
        str(row.challenges),
        str(row.solutions),
        str(row.actions),
        str(row.open_actions),
    ]


def _votes(n: int) -> str:
    return f"{n} vote" + ("" if n == 1 else "s")


def action_summary(row: ActionRow) -> str:
    """ "owner (unit) · due 2026-12-31 · high · open" — one line under an action."""
    f = row.fields
    who = f.owner + (f" ({f.unit})" if f.owner and f.unit else f.unit)
    when = f"due {f.due}" if f.due else (f"{f.timeframe.value} term" if f.timeframe else "")
    return " · ".join(
        p
        for p in (who or "no owner yet", when, f"{f.priority.value} priority", f.status.label)
        if p
    )


def _participants(data: ReportData) -> list[list[str]]:
    return [[p.name, p.organisation, p.group] for p in data.session.agenda.participants]


# -- Markdown -----------------------------------------------------------------------------
def _md_group(section: GroupSection) -> list[str]:
    out = [f"### {md_text(section.group)}", ""]
    blocks: list[tuple[str, list[str]]] = [
        (
            "Challenges",
            [f"{md_text(t)} — **{_votes(v)}**" if v else md_text(t) for t, v in section.challenges],
        ),
        (
            "Solutions",
            [
                (md_text(s.text) + (f" — **{_votes(s.votes)}**" if s.votes else ""))
                + (
                    f"<br>_answers:_ {'; '.join(md_text(a) for a in s.answers)}"
                    if s.answers
                    else ""
                )
                for s in section.solutions
            ],
        ),
        (
            "Actions",
            [f"{md_text(a.text)}<br>_{md_text(action_summary(a))}_" for a in section.actions],
        ),
        ("Parking lot", [md_text(t) for t in section.parking]),
    ]
    for title, items in blocks:
        if items:
            out += [f"**{title}**", ""] + [f"- {item}" for item in items] + [""]
    return out


def render_md(store: SessionStore, options: ExportOptions) -> bytes:
    data = report_data(store)
    session = data.session
    out = [
        f"# {md_text(session.title)}",
        "",
        f"Session report · exported {options.stamp[:16].replace('T', ' ')} UTC",
        "",
    ]
    out += [f"- **{label}:** {md_text(value)}" for label, value in data.facts] + [""]
    out += ["## Participants and groups", ""]
    for group in session.agenda.groups:
        members = ", ".join(md_text(m) for m in group.members)
        out.append(f"- **{md_text(group.name)}**" + (f": {members}" if members else ""))
    out.append("")
    if participants := _participants(data):
        out += [md_table(("Name", "Organisation", "Group"), participants)]
    for topic in data.topics:
        out += [f"## {md_text(topic.title)}", ""]
        if topic.description:
            out += [md_text(topic.description), ""]
        if topic.questions:
            out += ["Guiding questions:", ""] + [f"- {md_text(q)}" for q in topic.questions] + [""]
        if not topic.groups:
            out += ["_Nothing captured._", ""]
        for section in topic.groups:
            out += _md_group(section)
    out += [
        "## Summary",
        "",
        md_table(COUNT_HEADERS, [_count_cells(c) for c in [*data.counts, data.totals]]),
    ]
    out += ["## All actions", ""]
    out.append(md_action_table(data.actions, REPORT_COLUMNS) if data.actions else "_No actions._\n")
    return "\n".join(out).encode("utf-8")


# -- HTML ---------------------------------------------------------------------------------
def _html_list(items: list[str]) -> str:
    return "<ul>" + "".join(f'<li dir="auto">{item}</li>' for item in items) + "</ul>"


def _html_group(section: GroupSection) -> str:
    out = [f'<h3 dir="auto">{h(section.group)}</h3>']
    vote = '<span class="votes">{}</span>'
    blocks: list[tuple[str, list[str]]] = [
        (
            "Challenges",
            [h(t) + (" — " + vote.format(_votes(v)) if v else "") for t, v in section.challenges],
        ),
        (
            "Solutions",
            [
                h(s.text)
                + (" — " + vote.format(_votes(s.votes)) if s.votes else "")
                + (
                    f'<br><span class="muted">answers: {"; ".join(h(a) for a in s.answers)}</span>'
                    if s.answers
                    else ""
                )
                for s in section.solutions
            ],
        ),
        (
            "Actions",
            [
                f'{h(a.text)}<br><span class="muted">{h(action_summary(a))}</span>'
                for a in section.actions
            ],
        ),
        ("Parking lot", [h(t) for t in section.parking]),
    ]
    for title, items in blocks:
        if items:
            out.append(f"<p><strong>{title}</strong></p>{_html_list(items)}")
    return "\n".join(out)


def render_html(store: SessionStore, options: ExportOptions) -> bytes:
    data = report_data(store)
    session = data.session
    out = [
        f'<h1 dir="auto">{h(session.title)}</h1>',
        f'<p class="meta">Session report · exported {h(options.stamp[:16].replace("T", " "))} UTC</p>',
        '<dl class="meta">'
        + "".join(
            f'<dt>{h(label)}</dt><dd dir="auto">{h(value)}</dd>' for label, value in data.facts
        )
        + "</dl>",
        "<h2>Participants and groups</h2>",
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
        out.append(html_table(("Name", "Organisation", "Group"), participants))
    for topic in data.topics:
        out.append(f'<section class="topic"><h2 dir="auto">{h(topic.title)}</h2>')
        if topic.description:
            out.append(f'<p dir="auto">{h(topic.description)}</p>')
        if topic.questions:
            out.append("<p>Guiding questions:</p>" + _html_list([h(q) for q in topic.questions]))
        if not topic.groups:
            out.append('<p class="muted">Nothing captured.</p>')
        out += [_html_group(section) for section in topic.groups]
        out.append("</section>")
    out.append("<h2>Summary</h2>")
    out.append(
        html_table(
            COUNT_HEADERS,
            [_count_cells(c) for c in [*data.counts, data.totals]],
            css_class="counts",
        )
    )
    out.append("<h2>All actions</h2>")
    out.append(
        html_action_table(data.actions, REPORT_COLUMNS)
        if data.actions
        else '<p class="muted">No actions.</p>'
    )
    page = html_page(
        f"{session.title} — session report", "\n".join(out), lang=session.agenda.language
    )
    return page.encode("utf-8")


EXPORTERS = (
    Exporter("report", "md", render_md, "md", "session report (Markdown)"),
    Exporter("report", "html", render_html, "html", "printable session report (web page)"),
)
