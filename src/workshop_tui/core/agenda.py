"""Workshop agenda: dataclasses and (de)serialisation.

An :class:`Agenda` is what a YAML agenda file describes. A copy of it (``to_dict``) is stored
in every session, so a past session stays reviewable after the YAML file changes.
YAML loading and validation live in :mod:`workshop_tui.core.agenda_yaml`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from workshop_tui.core.themes.glossary import Glossary, check_glossary

FORMAT_VERSION = 1
#: a topic's timebox, in minutes, and the last day of a schedule (checked when an agenda is
#: read, core.agenda_validate, and in a session file, core.schema)
TIMEBOX_MIN, TIMEBOX_MAX = 1, 480
MAX_DAY = 366


@dataclass(frozen=True)
class Group:
    """A breakout group."""

    name: str
    members: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "members": list(self.members)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Group:
        return cls(name=str(data["name"]), members=tuple(data.get("members") or ()))


@dataclass(frozen=True)
class Participant:
    name: str
    organisation: str = ""
    group: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "organisation": self.organisation, "group": self.group}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Participant:
        return cls(
            name=str(data["name"]),
            organisation=str(data.get("organisation") or ""),
            group=str(data.get("group") or ""),
        )


@dataclass(frozen=True)
class Topic:
    """A discussion topic with its guiding questions and timebox (minutes)."""

    id: str
    title: str
    description: str = ""
    questions: tuple[str, ...] = ()
    timebox: int = 30

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "description": self.description,
            "questions": list(self.questions),
            "timebox": self.timebox,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Topic:
        return cls(
            id=str(data["id"]),
            title=str(data["title"]),
            description=str(data.get("description") or ""),
            questions=tuple(data.get("questions") or ()),
            timebox=int(data.get("timebox") or 30),
        )


@dataclass(frozen=True)
class ScheduleItem:
    day: int
    start: str  # "HH:MM"
    topic: str = ""  # topic id, or empty for a non-topic slot
    title: str = ""  # free label (e.g. "Opening", "Plenary")

    def to_dict(self) -> dict[str, Any]:
        return {"day": self.day, "start": self.start, "topic": self.topic, "title": self.title}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ScheduleItem:
        return cls(
            day=int(data["day"]),
            start=str(data["start"]),
            topic=str(data.get("topic") or ""),
            title=str(data.get("title") or ""),
        )


@dataclass(frozen=True)
class Agenda:
    """A workshop agenda. ``name`` is the bundled name or file stem it was loaded from."""

    title: str
    topics: tuple[Topic, ...]
    groups: tuple[Group, ...] = (Group("Plenary"),)
    organiser: str = ""
    venue: str = ""
    start_date: str = ""  # ISO date or ""
    end_date: str = ""
    description: str = ""
    language: str = "en"
    participants: tuple[Participant, ...] = ()
    schedule: tuple[ScheduleItem, ...] = ()
    name: str = ""
    format: int = FORMAT_VERSION
    extra: dict[str, Any] = field(default_factory=dict, compare=False)
    #: synonym groups added to the built-in customs / IPR glossary of theme suggestions
    glossary: Glossary = ()

    def topic(self, topic_id: str) -> Topic:
        for topic in self.topics:
            if topic.id == topic_id:
                return topic
        raise KeyError(topic_id)

    @property
    def group_names(self) -> list[str]:
        return [g.name for g in self.groups]

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "name": self.name,
            "title": self.title,
            "organiser": self.organiser,
            "venue": self.venue,
            "start_date": self.start_date,
            "end_date": self.end_date,
            "description": self.description,
            "language": self.language,
            "groups": [g.to_dict() for g in self.groups],
            "participants": [p.to_dict() for p in self.participants],
            "topics": [t.to_dict() for t in self.topics],
            "schedule": [s.to_dict() for s in self.schedule],
        } | ({"glossary": [list(group) for group in self.glossary]} if self.glossary else {})

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Agenda:
        """Rebuild an agenda from :meth:`to_dict` output (a stored snapshot)."""
        groups = tuple(Group.from_dict(g) for g in data.get("groups") or ())
        return cls(
            format=int(data.get("format") or FORMAT_VERSION),
            name=str(data.get("name") or ""),
            title=str(data["title"]),
            organiser=str(data.get("organiser") or ""),
            venue=str(data.get("venue") or ""),
            start_date=str(data.get("start_date") or ""),
            end_date=str(data.get("end_date") or ""),
            description=str(data.get("description") or ""),
            language=str(data.get("language") or "en"),
            groups=groups or (Group("Plenary"),),
            participants=tuple(Participant.from_dict(p) for p in data.get("participants") or ()),
            topics=tuple(Topic.from_dict(t) for t in data.get("topics") or ()),
            schedule=tuple(ScheduleItem.from_dict(s) for s in data.get("schedule") or ()),
            glossary=_glossary(data.get("glossary")),
        )


def _glossary(value: Any) -> Glossary:
    """A stored snapshot's glossary, checked as strictly as the agenda file's (ValueError)."""
    if value is None:
        return ()
    glossary, problems = check_glossary(value)
    if problems:
        raise ValueError(problems[0])
    return glossary
