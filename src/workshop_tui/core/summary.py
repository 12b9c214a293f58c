"""A session's row in the sessions list and the catalog: its title, agenda, dates, people,
groups, topics and counts (:func:`summarise` computes it from the session and its entries)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workshop_tui.core.model import Entry, EntryKind, Session


@dataclass(frozen=True)
class SessionSummary:
    """A row of the sessions list (from the catalog)."""

    id: str
    title: str
    agenda_title: str
    agenda_name: str
    started: str
    ended: str
    challenges: int = 0
    solutions: int = 0
    actions: int = 0
    open_actions: int = 0
    # what the sessions browser shows and filters by (catalog rows before these fields were
    # added are summarised again: see SUMMARY_VERSION in core/store)
    facilitator: str = ""
    location: str = ""
    groups: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()  # topic titles, agenda order
    follow_up_of: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "agenda_title": self.agenda_title,
            "agenda_name": self.agenda_name,
            "started": self.started,
            "ended": self.ended,
            "challenges": self.challenges,
            "solutions": self.solutions,
            "actions": self.actions,
            "open_actions": self.open_actions,
            "facilitator": self.facilitator,
            "location": self.location,
            "groups": list(self.groups),
            "topics": list(self.topics),
            "follow_up_of": self.follow_up_of,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SessionSummary:
        """A catalog row's summary (raises KeyError / TypeError when it is not one)."""
        values = dict(data)
        values["groups"] = tuple(str(g) for g in values.get("groups") or ())
        values["topics"] = tuple(str(t) for t in values.get("topics") or ())
        return cls(**values)


def summarise(session: Session, entries: list[Entry]) -> SessionSummary:
    """Counts for the sessions list; tombstones are not counted."""
    live = [e for e in entries if not e.deleted]
    actions = [e for e in live if e.kind == EntryKind.ACTION]
    return SessionSummary(
        id=session.id,
        title=session.title,
        agenda_title=session.agenda.title,
        agenda_name=session.agenda.name or session.agenda_source,
        started=session.started,
        ended=session.ended,
        challenges=sum(1 for e in live if e.kind == EntryKind.CHALLENGE),
        solutions=sum(1 for e in live if e.kind == EntryKind.SOLUTION),
        actions=len(actions),
        open_actions=sum(1 for e in actions if e.action and e.action.status.is_open),
        facilitator=session.facilitator,
        location=session.location,
        groups=tuple(session.agenda.group_names),
        topics=tuple(t.title for t in session.agenda.topics),
        follow_up_of=session.follow_up_of,
    )
