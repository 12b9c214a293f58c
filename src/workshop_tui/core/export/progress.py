"""Progress report: what became of an earlier session's actions, per responsible unit.

Exported from the follow-up session (``export NEW --what progress``): for each responsible
unit (the action's unit, else its owner, else "(no unit)") the earlier session's actions
in one section each, by the first rule that applies:

1. **Done** — status done;
2. **Dropped** — status dropped;
3. **Overdue** — due date before today and not done: for an action carried over, the
   due date and status of its copy in the new session count;
4. **Moved** — in progress, or carried over into the new session;
5. **Not reviewed** — still open, no review yet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from workshop_tui.core.export.base import Exporter, ExportError, ExportOptions, Render
from workshop_tui.core.export.markup import h, html_page, html_table, md_table, md_text
from workshop_tui.core.export.plan import running_header, show_date
from workshop_tui.core.followup import carried_copy, earlier_session, last_review
from workshop_tui.core.i18n import N_, Translator, _, format_date, translator
from workshop_tui.core.labels import status_label
from workshop_tui.core.model import ActionStatus, Entry, EntryKind
from workshop_tui.core.store import SessionStore, StoreError

#: section keys (English, marked N_): shown in the export's language
SECTIONS = (N_("Done"), N_("Dropped"), N_("Overdue"), N_("Moved"), N_("Not reviewed"))
HEADERS = (
    N_("Action"),
    N_("Owner"),
    N_("Due"),
    N_("Status"),
    N_("Review comment"),
    N_("Topic"),
    N_("Group"),
)
NO_UNIT = N_("(no unit)")


@dataclass(frozen=True)
class ProgressItem:
    section: str
    unit: str
    entry: Entry
    status: str  # as shown: "carried over → open" for a carried action
    due: str
    comment: str


def _section(status: ActionStatus, due: dt.date | None, today: dt.date) -> str:
    if status == ActionStatus.DONE:
        return N_("Done")
    if status == ActionStatus.DROPPED:
        return N_("Dropped")
    if due is not None and due < today:
        return N_("Overdue")
    if status in (ActionStatus.IN_PROGRESS, ActionStatus.CARRIED_OVER):
        return N_("Moved")
    return N_("Not reviewed")


def progress_items(
    new: SessionStore, earlier: SessionStore, today: dt.date, t: Translator | None = None
) -> list[ProgressItem]:
    """Every live action of ``earlier`` with its section, unit and latest review comment
    (the shown status in ``t``'s language, English by default)."""
    t = t or translator("en")
    items: list[ProgressItem] = []
    topic_rank = {t.id: i for i, t in enumerate(earlier.session.agenda.topics)}
    actions = sorted(
        earlier.entries(kind=EntryKind.ACTION),
        key=lambda e: (topic_rank.get(e.topic_id, len(topic_rank)), e.group, e.position),
    )
    for entry in actions:
        fields = entry.action
        assert fields is not None
        status, due = fields.status, fields.due_date
        shown_status, shown_due = status_label(status, t), fields.due
        effective = status
        if status == ActionStatus.CARRIED_OVER:
            copy = carried_copy(new, earlier.id, entry.id)
            if copy is not None and copy.action is not None:
                due = copy.action.due_date
                shown_due = copy.action.due
                shown_status = t.gettext("carried over → {status}").format(
                    status=status_label(copy.action.status, t)
                )
                if copy.action.status in (ActionStatus.DONE, ActionStatus.DROPPED):
                    effective = copy.action.status
        review = last_review(entry, new.id)
        unit = " ".join((fields.unit or fields.owner).split()) or NO_UNIT
        items.append(
            ProgressItem(
                section=_section(effective, due, today),
                unit=unit,
                entry=entry,
                status=shown_status,
                due=shown_due,
                comment=(review or {}).get("comment", ""),
            )
        )
    return items


def by_unit(items: list[ProgressItem]) -> list[tuple[str, list[ProgressItem]]]:
    units: dict[str, list[ProgressItem]] = {}
    for item in items:
        units.setdefault(item.unit, []).append(item)
    return sorted(units.items(), key=lambda kv: (kv[0] == NO_UNIT, kv[0].casefold()))


def unit_name(unit: str, t: Translator) -> str:
    """A unit's heading: its name, or "(no unit)" in ``t``'s language."""
    return t.gettext(unit) if unit == NO_UNIT else unit


def progress_cells(item: ProgressItem, topics: dict[str, str], language: str = "") -> list[str]:
    """One row of a progress table; with ``language``, the due date as it writes dates."""
    fields = item.entry.action
    assert fields is not None
    return [
        item.entry.text,
        fields.owner,
        show_date(item.due, language) if language else item.due,
        item.status,
        item.comment,
        topics.get(item.entry.topic_id, item.entry.topic_id),
        item.entry.group,
    ]


def render_progress(
    new: SessionStore,
    earlier: SessionStore,
    fmt: str,
    today: dt.date,
    language: str | None = None,
    options: ExportOptions | None = None,
) -> bytes:
    """The progress report of ``earlier``'s actions as seen from ``new``; fmt md or html;
    ``language``: of headings, labels and dates (default: the new session's agenda)."""
    if fmt not in ("md", "html"):
        raise ExportError(
            _("format {fmt!r} is not available for progress (formats: md, html)").format(fmt=fmt)
        )
    lang = language or new.session.agenda.language or "en"
    t = translator(lang)
    items = progress_items(new, earlier, today, t)
    topics = {topic.id: topic.title for topic in earlier.session.agenda.topics}
    title = t.gettext("Progress — {title}").format(title=new.session.title)
    started = earlier.session.started[:10]
    try:
        started = format_date(dt.date.fromisoformat(started), t.language)
    except ValueError:
        pass
    since = t.gettext("Since: {title} ({started}) · as of {today}").format(
        title=earlier.session.title, started=started, today=format_date(today, t.language)
    )
    counts = {s: sum(1 for i in items if i.section == s) for s in SECTIONS}
    summary = " · ".join(f"{t.gettext(s)}: {n}" for s, n in counts.items())
    headers = [t.gettext(name) for name in HEADERS]

    if fmt == "md":
        lines = [f"# {md_text(title)}", "", md_text(since), "", md_text(summary), ""]
        if not items:
            lines.append("_" + md_text(t.gettext("The earlier session has no actions.")) + "_\n")
        for unit, unit_items in by_unit(items):
            lines += [f"## {md_text(unit_name(unit, t))}", ""]
            for section in SECTIONS:
                rows = [progress_cells(i, topics, lang) for i in unit_items if i.section == section]
                if rows:
                    lines += [
                        f"### {md_text(t.gettext(section))} ({len(rows)})",
                        "",
                        md_table(headers, rows),
                    ]
        return "\n".join(lines).encode("utf-8")
    body = [f"<h1>{h(title)}</h1>", f'<p class="meta">{h(since)}</p>', f"<p>{h(summary)}</p>"]
    if not items:
        body.append(f'<p class="muted">{h(t.gettext("The earlier session has no actions."))}</p>')
    for unit, unit_items in by_unit(items):
        body.append(f"<h2>{h(unit_name(unit, t))}</h2>")
        for section in SECTIONS:
            rows = [progress_cells(i, topics, lang) for i in unit_items if i.section == section]
            if rows:
                body.append(f"<h3>{h(t.gettext(section))} ({len(rows)})</h3>")
                body.append(html_table(headers, rows))
    options = options or ExportOptions(now=f"{today.isoformat()}T00:00:00+00:00", language=lang)
    page = html_page(
        title,
        "\n".join(body),
        lang=lang,
        landscape=options.layout.landscape,
        running=running_header(new.session, options, t),
    )
    return page.encode("utf-8")


def today_of(options: ExportOptions) -> dt.date:
    return dt.date.fromisoformat(options.stamp[:10])


def _render(fmt: str) -> Render:
    def render(store: SessionStore, options: ExportOptions) -> bytes:
        try:
            earlier = earlier_session(store)
        except StoreError as err:
            raise ExportError(str(err)) from None
        return render_progress(
            store, earlier, fmt, today_of(options), options.language_for(store.session), options
        )

    return render


EXPORTERS = (
    Exporter(
        "progress",
        "md",
        _render("md"),
        "md",
        N_("Progress of the earlier session's actions (Markdown)"),
        document=True,
    ),
    Exporter(
        "progress",
        "html",
        _render("html"),
        "html",
        N_("Progress of the earlier session's actions (web page, A4)"),
        document=True,
        paged=True,
    ),
)
