"""The action plan as a person reads it: what the *document* formats (html, md, docx) share.

Data formats (csv, xlsx, json, ics) keep every field of every action. Documents show a
handout: by default the row number, action, owner, responsible unit, level, due date, status
and source (topic · group); ``--columns`` chooses others (:data:`PLAN_COLUMNS`, or ``all``)
and ``--group-by`` makes one section per topic, unit, owner, level or status. A document
addressed to one owner or unit (``--split-by``, or a section per owner or unit) is a
*digest*: only that owner's or unit's actions, by due date, with what each answers.

Everything a reader sees goes through the export language's translator (headings, labels,
enum words) and dates are shown the way that language's locale writes them (Babel).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_interval

from workshop_tui.core.export.base import ExportError, ExportOptions, Layout, _key
from workshop_tui.core.export.rows import ActionRow
from workshop_tui.core.export.wording import exported_when, filter_line
from workshop_tui.core.i18n import N_, Translator, _, format_date
from workshop_tui.core.labels import (
    kind_label,
    level_label,
    priority_label,
    status_label,
    timeframe_label,
)
from workshop_tui.core.model import ActionLevel, ActionStatus, Session


@dataclass(frozen=True)
class PlanColumn:
    """A column an action-plan document can show."""

    name: str  # as written after --columns
    header: str  # N_-marked; translated when shown
    #: its share of the width left once every column fits its longest word (docx column
    #: widths, html hints): short labels and dates need no more than that
    weight: float = 12
    #: never wrapped (short values that must stay on one line: numbers, dates)
    nowrap: bool = False


#: every column a document can show, in the order ``all`` prints them
PLAN_COLUMNS: tuple[PlanColumn, ...] = (
    PlanColumn("number", N_("No."), 0.5, nowrap=True),
    PlanColumn("action", N_("Action"), 40),
    PlanColumn("owner", N_("Owner"), 10),
    PlanColumn("unit", N_("Responsible unit"), 14),
    PlanColumn("level", N_("Level"), 2),
    PlanColumn("start", N_("Start"), 2, nowrap=True),
    PlanColumn("due", N_("Due"), 2, nowrap=True),
    PlanColumn("timeframe", N_("Timeframe"), 2),
    PlanColumn("priority", N_("Priority"), 2),
    PlanColumn("status", N_("Status"), 3),
    PlanColumn("source", N_("Source (topic · group)"), 12),
    PlanColumn("answers", N_("Answers"), 36),
    PlanColumn("partners", N_("Partners"), 18),
    PlanColumn("indicator", N_("Success indicator"), 26),
    PlanColumn("verification", N_("Verification"), 22),
    PlanColumn("resources", N_("Resources"), 20),
    PlanColumn("comments", N_("Comments"), 22),
    PlanColumn("topic", N_("Topic"), 16),
    PlanColumn("group", N_("Group"), 3),
    PlanColumn("challenges", N_("Challenge(s)"), 30),
    PlanColumn("solutions", N_("Solution(s)"), 30),
    PlanColumn("session", N_("Session"), 18),
    PlanColumn("topic-id", N_("Topic id"), 12),
    PlanColumn("reviews", N_("Follow-up reviews"), 24),
    PlanColumn("carried-from", N_("Carried from"), 16),
    PlanColumn("captured-by", N_("Captured by"), 12),
    PlanColumn("created", N_("Created"), 14),
    PlanColumn("updated", N_("Last updated"), 14),
    PlanColumn("id", N_("Id"), 26),
)
COLUMN_BY_NAME = {c.name: c for c in PLAN_COLUMNS}

#: what a handout shows unless --columns says otherwise
DEFAULT_COLUMNS = ("number", "action", "owner", "unit", "level", "due", "status", "source")
#: ``--columns all``: every field of an action (``source`` and ``answers`` only combine others)
ALL_COLUMNS = tuple(c.name for c in PLAN_COLUMNS if c.name not in ("source", "answers"))
#: a digest for one owner / one unit: by due date, what each action answers
DIGEST_COLUMNS = {
    "owner": ("number", "due", "action", "answers", "level", "status"),
    "unit": ("number", "due", "action", "owner", "answers", "status"),
}

#: the ways a document can be cut into sections
GROUP_BY = ("topic", "unit", "owner", "level", "status")


def parse_columns(text: str | tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """``"number,action,due"`` (or a list of such pieces) → column names; ``all`` → every
    field. Raise :class:`ExportError` naming the unknown column and the valid ones."""
    pieces = [text] if isinstance(text, str) else list(text)
    names: list[str] = []
    for piece in pieces:
        for raw in piece.split(","):
            name = raw.strip().lower().replace("_", "-").replace(" ", "-")
            if not name:
                continue
            if name == "all":
                names.extend(ALL_COLUMNS)
            elif name in COLUMN_BY_NAME:
                names.append(name)
            else:
                choices = ", ".join(c.name for c in PLAN_COLUMNS)
                raise ExportError(
                    _("unknown column {name!r} (columns: {choices}, or all)").format(
                        name=raw.strip(), choices=choices
                    )
                )
    if not names:
        raise ExportError(_("--columns needs at least one column (or all)"))
    return tuple(dict.fromkeys(names))


def check_layout(layout: Layout) -> None:
    """Raise :class:`ExportError` for an unknown column or section choice."""
    if layout.columns:
        parse_columns(layout.columns)
    if layout.group_by and layout.group_by not in GROUP_BY:
        raise ExportError(
            _("cannot group by {value!r} (choose one of: {choices})").format(
                value=layout.group_by, choices=", ".join(GROUP_BY)
            )
        )


# -- language and dates -------------------------------------------------------------------
def export_language(session: Session, options: ExportOptions) -> str:
    """The language a document is written in (``--lang``, else the agenda's): its dates."""
    return options.language_for(session)


def tr_for(session: Session, options: ExportOptions) -> Translator:
    """The translator of :func:`export_language` (English when it has no catalog)."""
    return options.translator_for(session)


@lru_cache(maxsize=16)
def _locale(language: str) -> Locale:
    try:
        return Locale.parse(language or "en")
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


@lru_cache(maxsize=4096)
def show_date(iso: str, language: str) -> str:
    """An ISO date as the language's locale writes it ("Mar 31, 2026", "31 Mar 2026");
    anything that is not a date is shown as it is."""
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return format_date(day, language, "medium")


def show_dates(start: str, end: str, language: str) -> str:
    """A workshop's dates, "Mar 2 – 6, 2026" (or one date, or empty)."""
    try:
        first = dt.date.fromisoformat(start) if start else None
        last = dt.date.fromisoformat(end) if end else None
    except ValueError:
        return " – ".join(d for d in (start, end) if d)
    if first and last and first < last:
        return format_interval(first, last, "yMMMd", locale=_locale(language))
    day = first or last
    return show_date(day.isoformat(), language) if day else ""


def show_stamp(stamp: str) -> str:
    """An ISO timestamp as "2026-11-27 10:00 UTC" (bookkeeping columns)."""
    return stamp[:16].replace("T", " ") + " UTC" if stamp else ""


# -- cells ----------------------------------------------------------------------------------
def answers_text(row: ActionRow, tr: Translator) -> str:
    """What an action answers: "Challenge: …" and "Solution: …" lines."""
    challenge, solution = kind_label("challenge", tr), kind_label("solution", tr)
    lines = [f"{challenge}: {c.text}" for c in row.challenges]
    lines += [f"{solution}: {s.text}" for s in row.solutions]
    return "\n".join(lines)


_ROW_KEYS = {
    "action": "text",
    "comments": "notes",
    "topic": "topic_title",
    "session": "session_title",
    "topic-id": "topic_id",
    "carried-from": "carried_from",
    "captured-by": "author",
}


_ENUMS = {
    "level": level_label,
    "status": status_label,
    "priority": priority_label,
    "timeframe": timeframe_label,
}


@lru_cache(maxsize=256)  # a few words, looked up for every row
def _enum_word(name: str, value: str, tr: Translator) -> str:
    return _ENUMS[name](value, tr)


def plan_cell(row: ActionRow, name: str, number: int, tr: Translator, language: str) -> str:
    """The text of one document column for one action (``number`` is its row number), in
    the words of ``tr`` and with dates as ``language``'s locale writes them."""
    if name == "number":
        return str(number)
    if name in ("due", "start"):
        return show_date(row.cell(name), language)
    if name in _ENUMS:
        value = getattr(row.fields, name)
        return _enum_word(name, value.value if value is not None else "", tr)
    if name in ("reviews", "carried-from"):
        return row.cell(_ROW_KEYS.get(name, name), tr)
    if name == "source":
        return f"{row.topic_title} · {row.group}"
    if name == "answers":
        return answers_text(row, tr)
    if name in ("created", "updated"):
        return show_stamp(row.cell(name))
    return row.cell(_ROW_KEYS.get(name, name))


# -- the plan -------------------------------------------------------------------------------
@dataclass(frozen=True)
class PlanSection:
    """One section of a handout: a heading (empty for an unsectioned plan) and its rows,
    each with its number in the handout."""

    title: str
    rows: tuple[tuple[int, ActionRow], ...]
    #: the owner or unit a digest section is for ("" for "without one"); None otherwise
    addressee: str | None = None


@dataclass(frozen=True)
class Plan:
    """An action-plan document before it is written in html, md or docx."""

    title: str
    facts: list[tuple[str, str]]  # (label, value), translated, non-empty only
    columns: tuple[PlanColumn, ...]
    headers: tuple[str, ...]  # translated
    sections: list[PlanSection]
    running: str  # the running header: workshop · exported date
    language: str
    landscape: bool
    count: int
    tr: Translator

    def cells(self, number: int, row: ActionRow) -> list[str]:
        return [plan_cell(row, c.name, number, self.tr, self.language) for c in self.columns]


def agreed_at(session: Session, language: str) -> str:
    """ "National Workshop on … (Mar 2 – 6, 2026)": the workshop an action was agreed at."""
    agenda = session.agenda
    dates = show_dates(agenda.start_date, agenda.end_date, language)
    title = agenda.title or session.title
    return f"{title} ({dates})" if dates else title


def addressed_title(tr: Translator, by: str, name: str, workshop: str) -> str:
    """ "Actions for Siti Rahmawati, agreed at …" (or for the actions without one)."""
    if name:
        return tr.gettext("Actions for {name}, agreed at {workshop}").format(
            name=name, workshop=workshop
        )
    if by == "owner":
        return tr.gettext("Actions without an owner, agreed at {workshop}").format(
            workshop=workshop
        )
    return tr.gettext("Actions without a responsible unit, agreed at {workshop}").format(
        workshop=workshop
    )


def _section_key(row: ActionRow, by: str) -> tuple[object, ...]:
    if by == "topic":
        return (row.order[0], row.topic_title)
    if by in ("owner", "unit"):
        value = row.fields.owner if by == "owner" else row.fields.unit
        return (_key(value) == "", _key(value))
    if by == "level":
        return (list(ActionLevel).index(row.fields.level),)
    return (list(ActionStatus).index(row.fields.status),)


def _section_title(row: ActionRow, by: str, tr: Translator) -> tuple[str, str | None]:
    """(heading, addressee) of the section ``row`` opens."""
    if by == "topic":
        return row.topic_title, None
    if by in ("owner", "unit"):
        value = " ".join((row.fields.owner if by == "owner" else row.fields.unit).split())
        if value:
            return value, value
        none = tr.gettext("(no owner)") if by == "owner" else tr.gettext("(no responsible unit)")
        return none, ""
    header = tr.gettext(COLUMN_BY_NAME[by].header)
    return f"{header}: {row.cell(by, tr)}", None


def sections_of(rows: list[ActionRow], by: str, tr: Translator) -> list[PlanSection]:
    """The rows cut into sections (in section order, rows keeping their order), numbered
    1… through the whole handout."""
    if not by:
        return [PlanSection("", tuple(enumerate(rows, 1)))]
    buckets: dict[tuple[object, ...], list[ActionRow]] = {}
    for row in rows:
        buckets.setdefault(_section_key(row, by), []).append(row)
    sections: list[PlanSection] = []
    number = 0
    for key in sorted(buckets):  # one kind of key per `by`: they compare
        members = buckets[key]
        title, addressee = _section_title(members[0], by, tr)
        numbered = tuple((number + i, row) for i, row in enumerate(members, 1))
        number += len(members)
        sections.append(PlanSection(title, numbered, addressee))
    return sections


def running_header(session: Session, options: ExportOptions, tr: Translator) -> str:
    """ "<workshop> · exported Nov 27, 2026", printed at the top of every page."""
    workshop = session.agenda.title or session.title
    exported = tr.gettext("exported {date}").format(date=show_date(options.stamp[:10], tr.language))
    return f"{workshop} · {exported}"


def build_plan(session: Session, rows: list[ActionRow], options: ExportOptions) -> Plan:
    """The handout for ``rows`` (already filtered and sorted) as ``options`` lays it out."""
    layout = options.layout
    check_layout(layout)
    tr = tr_for(session, options)
    language = export_language(session, options)
    by = layout.group_by
    digest_for = options.addressee[0] if options.addressee else by if by in DIGEST_COLUMNS else ""
    if layout.columns:
        names = parse_columns(layout.columns)
    elif digest_for:
        names = DIGEST_COLUMNS[digest_for]
    else:
        names = DEFAULT_COLUMNS
    columns = tuple(COLUMN_BY_NAME[n] for n in names)
    workshop = agreed_at(session, language)
    if options.addressee:
        split_by, name = options.addressee
        title = addressed_title(tr, split_by, name, workshop)
    else:
        title = tr.gettext("Action plan — {title}").format(title=session.title)
    agenda = session.agenda
    facts = [
        (tr.gettext("Workshop"), agenda.title),
        (tr.gettext("Session"), session.title if session.title != agenda.title else ""),
        (tr.gettext("Organiser"), agenda.organiser),
        (tr.gettext("Venue"), agenda.venue),
        (tr.gettext("Dates"), show_dates(agenda.start_date, agenda.end_date, language)),
        (tr.gettext("Facilitator"), session.facilitator),
        (tr.gettext("Exported"), exported_when(options.stamp, tr)),
        (tr.gettext("Actions"), str(len(rows))),
        (tr.gettext("Filter"), filter_line(session, options, tr)),
    ]
    sections = sections_of(rows, by, tr)
    if by in ("owner", "unit"):
        sections = [
            PlanSection(
                addressed_title(tr, by, s.addressee or "", workshop)
                if s.addressee is not None
                else s.title,
                s.rows,
                s.addressee,
            )
            for s in sections
        ]
    return Plan(
        title=title,
        facts=[(label, value) for label, value in facts if value],
        columns=columns,
        headers=tuple(tr.gettext(c.header) for c in columns),
        sections=sections,
        running=running_header(session, options, tr),
        language=language,
        landscape=layout.landscape,
        count=len(rows),
        tr=tr,
    )
