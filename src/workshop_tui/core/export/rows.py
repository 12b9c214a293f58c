"""The action rows every action format is made from, built once per export.

A row is one live action with all its action-plan fields plus where it came from: the
session, the topic, the group, and the challenges and solutions it answers (its direct links,
and the challenges its linked solutions answer). Rows are sorted by due date (undated last),
then priority (high first), then agenda order of topic and group, then capture order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from workshop_tui.core.export.base import ActionFilter
from workshop_tui.core.i18n import N_, Translator, translator
from workshop_tui.core.labels import level_label, priority_label, status_label, timeframe_label
from workshop_tui.core.model import ActionFields, Entry, EntryKind, Session
from workshop_tui.core.store import SessionStore


@dataclass(frozen=True)
class Column:
    """A column of the tabular action formats."""

    key: str  # ActionRow attribute (or a derived cell, see ActionRow.cell)
    header: str  # English, marked N_(): shown as ``column.heading(t)`` in the export's language
    kind: str = "text"  # "text" | "long" (wrapped, wide) | "date"
    width: int = 14  # spreadsheet width in characters

    def heading(self, t: Translator | None = None) -> str:
        """The column's header in ``t``'s language (CSV/XLSX headers follow the export)."""
        return (t or _ENGLISH).gettext(self.header)


_ENGLISH = translator("en")


#: every column of the action list, in order (csv, xlsx, md, html)
COLUMNS: tuple[Column, ...] = (
    Column("text", N_("Action"), "long", 48),
    Column("level", N_("Level"), width=13),
    Column("owner", N_("Owner"), width=18),
    Column("unit", N_("Responsible unit"), width=22),
    Column("partners", N_("Partners"), "long", 24),
    Column("start", N_("Start"), "date", 12),
    Column("due", N_("Due"), "date", 12),
    Column("timeframe", N_("Timeframe"), width=11),
    Column("priority", N_("Priority"), width=10),
    Column("status", N_("Status"), width=12),
    Column("indicator", N_("Success indicator"), "long", 32),
    Column("verification", N_("Verification"), "long", 28),
    Column("resources", N_("Resources"), "long", 24),
    Column("notes", N_("Comments"), "long", 28),
    Column("topic_title", N_("Topic"), "long", 24),
    Column("group", N_("Group"), width=14),
    Column("challenges", N_("Challenge(s)"), "long", 40),
    Column("solutions", N_("Solution(s)"), "long", 40),
    Column("session_title", N_("Session"), "long", 24),
    Column("topic_id", N_("Topic id"), width=14),
    Column("reviews", N_("Follow-up reviews"), "long", 32),
    Column("carried_from", N_("Carried from"), width=20),
    Column("author", N_("Captured by"), width=14),
    Column("created", N_("Created"), width=20),
    Column("updated", N_("Last updated"), width=20),
    Column("id", N_("Id"), width=38),
)

#: the shorter table at the end of the session report
REPORT_COLUMNS: tuple[str, ...] = (
    "text",
    "topic_title",
    "group",
    "level",
    "owner",
    "unit",
    "due",
    "priority",
    "status",
    "indicator",
)

COLUMN_BY_KEY = {c.key: c for c in COLUMNS}

#: ActionFields attributes shown as they are
_PLAIN_FIELDS = frozenset(
    {"owner", "unit", "start", "due", "indicator", "verification", "resources", "notes"}
)


@dataclass(frozen=True)
class LinkedText:
    id: str
    text: str


@dataclass(frozen=True)
class ActionRow:
    """One exported action (a flat, format-neutral view of an action entry)."""

    id: str
    text: str
    session_id: str
    session_title: str
    topic_id: str
    topic_title: str
    group: str
    fields: ActionFields
    challenges: tuple[LinkedText, ...] = ()
    solutions: tuple[LinkedText, ...] = ()
    author: str = ""
    created: str = ""
    updated: str = ""
    order: tuple[int, int, float, str] = field(default=(0, 0, 0.0, ""), compare=False)

    # -- typed views -------------------------------------------------------------------
    @property
    def due_date(self) -> dt.date | None:
        return _date(self.fields.due)

    @property
    def start_date(self) -> dt.date | None:
        return _date(self.fields.start)

    def sort_key(self) -> tuple[int, str, int, tuple[int, int, float, str]]:
        due = self.due_date
        return (
            due is None,
            due.isoformat() if due else "",
            self.fields.priority.rank,
            self.order,
        )

    # -- cells -------------------------------------------------------------------------
    def cell(self, key: str, t: Translator | None = None) -> str:
        """The text of one column (lists one item per line; enums as their label in ``t``'s
        language, English by default)."""
        f = self.fields
        t = t or _ENGLISH
        if key == "level":
            return level_label(f.level, t)
        if key == "priority":
            return priority_label(f.priority, t)
        if key == "status":
            return status_label(f.status, t)
        if key == "timeframe":
            return timeframe_label(f.timeframe, t)
        if key == "partners":
            return partners_text(f.partners)
        if key == "challenges":
            return "\n".join(c.text for c in self.challenges)
        if key == "solutions":
            return "\n".join(s.text for s in self.solutions)
        if key == "carried_from":
            if not f.carried_from:
                return ""
            return t.gettext("session {session}, action {action}").format(
                session=f.carried_from.get("session", "")[:8],
                action=f.carried_from.get("entry", "")[:8],
            )
        if key == "reviews":
            return "\n".join(_review_line(r, t) for r in f.reviews)
        if key in _PLAIN_FIELDS:
            return str(getattr(f, key))
        return str(getattr(self, key))

    def cells(self, keys: tuple[str, ...] | None = None, t: Translator | None = None) -> list[str]:
        return [self.cell(k, t) for k in (keys or tuple(c.key for c in COLUMNS))]


#: how partners are written in every export cell: as they are typed in the action editor
PARTNER_SEPARATOR = ", "


def partners_text(partners: list[str]) -> str:
    """Partners in one line, comma-separated (``right holders, police``), as typed in the
    action editor, which splits them back at the commas: the one rule for every export (JSON
    and the bundle keep the list)."""
    return PARTNER_SEPARATOR.join(" ".join(p.split()) for p in partners if p.strip())


def _review_line(review: dict[str, str], t: Translator) -> str:
    at = (review.get("at") or "")[:10]
    status = status_label(review.get("status") or "", t) if review.get("status") else ""
    comment = review.get("comment") or ""
    head = " ".join(part for part in (at, status) if part)
    return f"{head}: {comment}" if head and comment else head or comment


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _sources(store: SessionStore, entry: Entry) -> tuple[list[LinkedText], list[LinkedText]]:
    challenges: dict[str, LinkedText] = {}
    solutions: dict[str, LinkedText] = {}

    def live(entry_id: str) -> Entry | None:
        try:
            linked = store.get(entry_id)
        except KeyError:
            return None
        return None if linked.deleted else linked

    for link in entry.links:
        linked = live(link)
        if linked is None:
            continue
        if linked.kind == EntryKind.CHALLENGE:
            challenges.setdefault(linked.id, LinkedText(linked.id, linked.text))
        elif linked.kind == EntryKind.SOLUTION:
            solutions.setdefault(linked.id, LinkedText(linked.id, linked.text))
            for answered_id in linked.links:
                answered = live(answered_id)
                if answered is not None and answered.kind == EntryKind.CHALLENGE:
                    challenges.setdefault(answered.id, LinkedText(answered.id, answered.text))
    return list(challenges.values()), list(solutions.values())


def make_row(store: SessionStore, session: Session, entry: Entry) -> ActionRow:
    """The row of one action entry."""
    agenda = session.agenda
    topic_index = {t.id: i for i, t in enumerate(agenda.topics)}
    group_index = {g: i for i, g in enumerate(agenda.group_names)}
    try:
        topic_title = agenda.topic(entry.topic_id).title
    except KeyError:
        topic_title = entry.topic_id
    challenges, solutions = _sources(store, entry)
    return ActionRow(
        id=entry.id,
        text=entry.text,
        session_id=session.id,
        session_title=session.title,
        topic_id=entry.topic_id,
        topic_title=topic_title,
        group=entry.group,
        fields=entry.action or ActionFields(),
        challenges=tuple(challenges),
        solutions=tuple(solutions),
        author=entry.author,
        created=entry.created,
        updated=entry.updated,
        order=(
            topic_index.get(entry.topic_id, len(topic_index)),
            group_index.get(entry.group, len(group_index)),
            entry.position,
            entry.created,
        ),
    )


def action_rows(store: SessionStore, filters: ActionFilter | None = None) -> list[ActionRow]:
    """The live (not deleted) actions of a session that pass ``filters``, sorted.

    ``filters`` is validated here (:meth:`ActionFilter.resolved`), so an unknown topic,
    group, level or status raises :class:`~workshop_tui.core.export.base.ExportError`.
    """
    session = store.session
    wanted = (filters or ActionFilter()).resolved(session)
    rows = [
        make_row(store, session, entry)
        for entry in store.entries(kind=EntryKind.ACTION)
        if wanted.matches(entry)
    ]
    rows.sort(key=ActionRow.sort_key)
    return rows
