"""What the session report says, gathered once for the Markdown and HTML renderers.

The report covers live entries only (deleted ones are left out); facilitator notes are
private and left out too. For each topic, and within it each group with entries:
challenges (most votes first), solutions (with the challenges they answer), actions, and
parking-lot items.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workshop_tui.core.export.rows import ActionRow, action_rows, make_row
from workshop_tui.core.i18n import N_
from workshop_tui.core.model import Entry, EntryKind, Session
from workshop_tui.core.store import SessionStore


@dataclass(frozen=True)
class SolutionItem:
    text: str
    votes: int
    answers: tuple[str, ...]  # texts of the challenges it answers


@dataclass(frozen=True)
class GroupSection:
    group: str
    challenges: tuple[tuple[str, int], ...]  # (text, votes), most votes first
    solutions: tuple[SolutionItem, ...]
    actions: tuple[ActionRow, ...]
    parking: tuple[str, ...]


@dataclass(frozen=True)
class TopicSection:
    id: str
    title: str
    description: str
    questions: tuple[str, ...]
    groups: tuple[GroupSection, ...]


@dataclass(frozen=True)
class CountRow:
    topic: str
    group: str
    challenges: int
    solutions: int
    actions: int
    open_actions: int


@dataclass
class ReportData:
    session: Session
    #: (label, value) of the workshop metadata, non-empty only; labels are English (N_),
    #: dates ISO — the renderers translate them into the export's language
    facts: list[tuple[str, str]]
    topics: list[TopicSection] = field(default_factory=list)
    counts: list[CountRow] = field(default_factory=list)
    actions: list[ActionRow] = field(default_factory=list)

    @property
    def totals(self) -> CountRow:
        return CountRow(
            N_("Total"),
            "",
            sum(c.challenges for c in self.counts),
            sum(c.solutions for c in self.counts),
            sum(c.actions for c in self.counts),
            sum(c.open_actions for c in self.counts),
        )


#: the facts whose values are dates or moments (the renderers write them in the language)
DATE_FACTS = frozenset({N_("Dates")})
MOMENT_FACTS = frozenset({N_("Session started"), N_("Session ended")})


def _facts(session: Session) -> list[tuple[str, str]]:
    agenda = session.agenda
    dates = " – ".join(d for d in (agenda.start_date, agenda.end_date) if d)
    facts = [
        (N_("Workshop"), agenda.title),
        (N_("Session"), session.title if session.title != agenda.title else ""),
        (N_("Organiser"), agenda.organiser),
        (N_("Venue"), agenda.venue),
        (N_("Dates"), dates),
        (N_("Facilitator"), session.facilitator),
        (N_("Location"), session.location),
        (N_("Session started"), session.started),
        (N_("Session ended"), session.ended),
        (N_("Agenda"), session.agenda_source),
        (N_("About"), agenda.description),
    ]
    return [(label, value) for label, value in facts if value]


def _section(
    store: SessionStore, session: Session, topic_id: str, group: str
) -> GroupSection | None:
    entries = store.entries(topic_id=topic_id, group=group)
    if not any(e.kind != EntryKind.NOTE for e in entries):
        return None
    by_id: dict[str, Entry] = {e.id: e for e in store.entries(topic_id=topic_id)}
    challenges = sorted(
        (e for e in entries if e.kind == EntryKind.CHALLENGE),
        key=lambda e: -e.vote_count,  # stable: pane order among equal votes
    )
    solutions = tuple(
        SolutionItem(
            e.text,
            e.vote_count,
            tuple(
                by_id[link].text
                for link in e.links
                if link in by_id and by_id[link].kind == EntryKind.CHALLENGE
            ),
        )
        for e in entries
        if e.kind == EntryKind.SOLUTION
    )
    actions = sorted(
        (make_row(store, session, e) for e in entries if e.kind == EntryKind.ACTION),
        key=ActionRow.sort_key,
    )
    return GroupSection(
        group=group,
        challenges=tuple((e.text, e.vote_count) for e in challenges),
        solutions=solutions,
        actions=tuple(actions),
        parking=tuple(e.text for e in entries if e.kind == EntryKind.PARKING),
    )


def report_data(store: SessionStore) -> ReportData:
    """Gather the session report's content (live entries only)."""
    session = store.session
    agenda = session.agenda
    data = ReportData(session=session, facts=_facts(session))
    groups = list(agenda.group_names)
    # Entries of a group no longer in the agenda snapshot still belong in the report.
    groups += sorted({e.group for e in store.entries()} - set(groups))
    for topic in agenda.topics:
        sections = []
        for group in groups:
            section = _section(store, session, topic.id, group)
            if section is not None:
                sections.append(section)
            counted = section or GroupSection(group, (), (), (), ())
            if section is not None or group in agenda.group_names:
                data.counts.append(
                    CountRow(
                        topic.title,
                        group,
                        len(counted.challenges),
                        len(counted.solutions),
                        len(counted.actions),
                        sum(1 for a in counted.actions if a.fields.status.is_open),
                    )
                )
        data.topics.append(
            TopicSection(topic.id, topic.title, topic.description, topic.questions, tuple(sections))
        )
    data.actions = action_rows(store)
    return data
