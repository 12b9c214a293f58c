"""Domain model: sessions, entries (challenge / solution / action / ...), action-plan fields.

Everything here is plain data with ``to_dict``/``from_dict`` so the store, the exporters and
the bundle format share one representation. Timestamps are ISO-8601 UTC strings with
microseconds (``2026-11-27T09:30:00.000000+00:00``); they sort as strings.
"""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from workshop_tui.core.agenda import Agenda
from workshop_tui.core.i18n import _


class EntryKind(StrEnum):
    CHALLENGE = "challenge"
    SOLUTION = "solution"
    ACTION = "action"
    PARKING = "parking"  # parking-lot item: off-topic but worth keeping
    NOTE = "note"  # facilitator note

    @property
    def label(self) -> str:
        return {
            "challenge": "Challenge",
            "solution": "Solution",
            "action": "Action",
            "parking": "Parking lot",
            "note": "Facilitator note",
        }[self.value]


#: kinds that can receive dot votes
VOTABLE_KINDS = frozenset({EntryKind.CHALLENGE, EntryKind.SOLUTION})


class ActionLevel(StrEnum):
    INSTITUTIONAL = "institutional"
    INDIVIDUAL = "individual"


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"
    CARRIED_OVER = "carried_over"  # reviewed at a follow-up and carried into a new session

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")

    @property
    def is_open(self) -> bool:
        return self in (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)

    @classmethod
    def parse(cls, text: str) -> ActionStatus:
        """Accept ``in progress``, ``In-Progress``, ``in_progress`` ... ; raise ValueError."""
        key = text.strip().lower().replace("-", "_").replace(" ", "_")
        try:
            return cls(key)
        except ValueError:
            choices = ", ".join(s.label for s in cls)
            raise ValueError(
                _("unknown status {text!r} (choose one of: {choices})").format(
                    text=text, choices=choices
                )
            ) from None


class Priority(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def rank(self) -> int:
        return {"high": 0, "medium": 1, "low": 2}[self.value]


class Timeframe(StrEnum):
    SHORT = "short"
    MEDIUM = "medium"
    LONG = "long"


_clock_lock = threading.Lock()
_last_stamp = ""


def now_iso() -> str:
    """Current UTC time as ISO string; strictly increasing within this process."""
    global _last_stamp
    with _clock_lock:
        stamp = dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
        if stamp <= _last_stamp:
            last = dt.datetime.fromisoformat(_last_stamp)
            stamp = (last + dt.timedelta(microseconds=1)).isoformat(timespec="microseconds")
        _last_stamp = stamp
        return stamp


def new_id() -> str:
    return str(uuid.uuid4())


def parse_date(text: str) -> dt.date | None:
    """Parse an ISO date (``2026-12-31``); empty means None. Raise ValueError with a reason."""
    text = text.strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(
            _("{text!r} is not a valid date (use YYYY-MM-DD, e.g. 2026-12-31)").format(text=text)
        ) from None


@dataclass
class ActionFields:
    """The action-plan fields of an action entry."""

    owner: str = ""  # one accountable person
    unit: str = ""  # responsible unit / institution
    level: ActionLevel = ActionLevel.INSTITUTIONAL
    start: str = ""  # ISO date or ""
    due: str = ""  # ISO date or ""
    timeframe: Timeframe | None = None
    priority: Priority = Priority.MEDIUM
    status: ActionStatus = ActionStatus.OPEN
    indicator: str = ""  # success indicator
    verification: str = ""  # how the indicator will be verified
    partners: list[str] = field(default_factory=list)
    resources: str = ""
    notes: str = ""
    #: for an action carried over at a follow-up: {"session": id, "entry": id} of its origin
    carried_from: dict[str, str] | None = None
    #: follow-up review comments: [{"at": iso, "status": ..., "comment": ..., "session": id}]
    reviews: list[dict[str, str]] = field(default_factory=list)
    #: plenary synthesis (docs/themes.md): the consolidated action this one was merged into
    merged_into: str = ""
    #: of a consolidated action: the actions merged into it, and the theme it answers
    merged_from: list[str] = field(default_factory=list)
    theme: str = ""

    @property
    def due_date(self) -> dt.date | None:
        try:
            return dt.date.fromisoformat(self.due) if self.due else None
        except ValueError:
            return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "owner": self.owner,
            "unit": self.unit,
            "level": self.level.value,
            "start": self.start,
            "due": self.due,
            "timeframe": self.timeframe.value if self.timeframe else None,
            "priority": self.priority.value,
            "status": self.status.value,
            "indicator": self.indicator,
            "verification": self.verification,
            "partners": list(self.partners),
            "resources": self.resources,
            "notes": self.notes,
            "carried_from": dict(self.carried_from) if self.carried_from else None,
            "reviews": [dict(r) for r in self.reviews],
        } | self._synthesis()

    def _synthesis(self) -> dict[str, Any]:
        # written only when set: every action of every session before themes stays as it was
        data: dict[str, Any] = {}
        if self.merged_into:
            data["merged_into"] = self.merged_into
        if self.merged_from:
            data["merged_from"] = list(self.merged_from)
        if self.theme:
            data["theme"] = self.theme
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ActionFields:
        timeframe = data.get("timeframe")
        return cls(
            owner=data.get("owner") or "",
            unit=data.get("unit") or "",
            level=ActionLevel(data.get("level") or "institutional"),
            start=data.get("start") or "",
            due=data.get("due") or "",
            timeframe=Timeframe(timeframe) if timeframe else None,
            priority=Priority(data.get("priority") or "medium"),
            status=ActionStatus(data.get("status") or "open"),
            indicator=data.get("indicator") or "",
            verification=data.get("verification") or "",
            partners=list(data.get("partners") or []),
            resources=data.get("resources") or "",
            notes=data.get("notes") or "",
            carried_from=data.get("carried_from") or None,
            reviews=list(data.get("reviews") or []),
            merged_into=_id_text(data.get("merged_into"), "merged_into"),
            merged_from=_id_list(data.get("merged_from"), "merged_from"),
            theme=_id_text(data.get("theme"), "theme"),
        )


def _id_text(value: Any, name: str) -> str:
    if value is None or value == "":
        return ""
    if not isinstance(value, str):
        raise ValueError(_("{name} must be an id").format(name=name))
    return value


def _id_list(value: Any, name: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ValueError(_("{name} must be a list of ids").format(name=name))
    return list(value)


#: the action-plan fields a facilitator fills in, in form and export order
ACTION_PLAN_FIELDS: tuple[str, ...] = (
    "owner",
    "unit",
    "level",
    "start",
    "due",
    "timeframe",
    "priority",
    "status",
    "indicator",
    "verification",
    "partners",
    "resources",
    "notes",
)


_BEFORE_ALL = dt.datetime.min.replace(tzinfo=dt.UTC)


def stamp_key(stamp: str) -> tuple[dt.datetime, str]:
    """Sort key of a timestamp: its instant (no zone read as UTC; ``""`` before all), then
    the text, so that two spellings of one instant still compare one way."""
    if not stamp:
        return (_BEFORE_ALL, stamp)
    value = dt.datetime.fromisoformat(stamp)
    return (value if value.tzinfo else value.replace(tzinfo=dt.UTC), stamp)


def _earlier(stamp: str, micros: int) -> str:
    """``stamp`` moved ``micros`` microseconds back (``stamp`` itself for 0)."""
    if not micros:
        return stamp
    value = dt.datetime.fromisoformat(stamp) - dt.timedelta(microseconds=micros)
    return value.isoformat(timespec="microseconds")


@dataclass
class Entry:
    """One captured item for one topic and one group.

    ``links`` point from a solution to the challenges it answers, and from an action to the
    solutions/challenges it comes from, in the order they were made. ``votes`` maps a voter
    (group name) to dot count. ``deleted`` entries are tombstones: kept so a merge never
    brings them back.

    Votes and links merge per voter and per target (docs/merge.md), so each carries the time
    of its last change: ``vote_stamps[voter]`` (kept at 0 votes, so an un-vote survives) and
    ``link_stamps[target]`` (kept after an unlink). :meth:`touched` keeps them up to date.
    ``stamps_base`` is ``""`` except for entries written before there were stamps: then it is
    their ``updated``, the instant at which a voter or target without a stamp was absent.
    """

    kind: EntryKind
    topic_id: str
    group: str
    text: str
    id: str = field(default_factory=new_id)
    author: str = ""
    created: str = field(default_factory=now_iso)
    updated: str = ""
    links: list[str] = field(default_factory=list)
    votes: dict[str, int] = field(default_factory=dict)
    position: float = 0.0  # order within its pane (topic, group, kind)
    deleted: bool = False
    action: ActionFields | None = None
    vote_stamps: dict[str, str] = field(default_factory=dict)
    link_stamps: dict[str, str] = field(default_factory=dict)
    stamps_base: str = ""

    def __post_init__(self) -> None:
        if not self.updated:
            self.updated = self.created
        if self.kind == EntryKind.ACTION and self.action is None:
            self.action = ActionFields()
        self._normalise_votes_and_links()

    def _normalise_votes_and_links(self) -> None:
        """Every voter and target gets a stamp; links become unique and in stamp order.

        A voter or target given without a stamp (data written before stamps existed, or a
        change made without :meth:`touched`) is stamped with ``updated``; links so stamped
        get one microsecond apart, going back from ``updated``, to keep their order. The
        dicts may be shared with the entry this one was copied from: changed copies only."""
        stamps = self.vote_stamps
        if self.votes and not all(c > 0 and v in stamps for v, c in self.votes.items()):
            self.vote_stamps = stamps = dict(stamps)
            for voter, count in self.votes.items():
                if count <= 0 or voter not in stamps:
                    stamps.setdefault(voter, self.updated)
            self.votes = {voter: count for voter, count in self.votes.items() if count > 0}
        links = self.links
        if not links or (len(links) == 1 and links[0] in self.link_stamps):
            return
        links = list(dict.fromkeys(links))
        unstamped = [t for t in links if t not in self.link_stamps]
        if unstamped:
            self.link_stamps = dict(self.link_stamps)
            for back, target in enumerate(reversed(unstamped)):
                self.link_stamps[target] = _earlier(self.updated, back)
        if len(links) > 1:
            link_stamps = self.link_stamps
            links.sort(key=lambda t: (stamp_key(link_stamps[t]), t))
        if links != self.links:
            self.links = links

    @property
    def vote_count(self) -> int:
        return sum(self.votes.values())

    def touched(self, *, at: str = "", **changes: Any) -> Entry:
        """A copy with ``changes`` applied and ``updated`` set to now (or ``at``).

        Voters whose count changes and links made or removed are stamped with the same time
        (links made in one change one microsecond apart, in the order given)."""
        votes = changes.get("votes")
        if votes is not None and "vote_stamps" not in changes:
            now = at or now_iso()
            stamps = dict(self.vote_stamps)
            for voter in set(self.votes) | set(votes):
                if self.votes.get(voter, 0) != votes.get(voter, 0):
                    stamps[voter] = now
            changes["vote_stamps"] = stamps
        links = changes.get("links")
        if links is not None and "link_stamps" not in changes:
            links = list(dict.fromkeys(links))
            stamps = dict(self.link_stamps)
            made = [t for t in links if t not in self.links]
            now = at or now_iso()
            for target in set(self.links) - set(links):
                stamps[target] = now
            for back, target in enumerate(reversed(made)):
                stamps[target] = _earlier(now, back)
            changes["links"] = links
            changes["link_stamps"] = stamps
        return replace(self, **changes, updated=at or now_iso())

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind.value,
            "topic_id": self.topic_id,
            "group": self.group,
            "text": self.text,
            "author": self.author,
            "created": self.created,
            "updated": self.updated,
            "links": list(self.links),
            "votes": dict(self.votes),
            "position": self.position,
            "deleted": self.deleted,
            "action": self.action.to_dict() if self.action else None,
            "stamps_base": self.stamps_base,
        }
        # omitted when empty (most entries): every session save writes every entry
        if self.vote_stamps:
            data["vote_stamps"] = dict(self.vote_stamps)
        if self.link_stamps:
            data["link_stamps"] = dict(self.link_stamps)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entry:
        action = data.get("action")
        updated = data.get("updated") or data["created"]
        return cls(
            id=data["id"],
            kind=EntryKind(data["kind"]),
            topic_id=data["topic_id"],
            group=data["group"],
            text=data.get("text") or "",
            author=data.get("author") or "",
            created=data["created"],
            updated=updated,
            links=list(data.get("links") or []),
            votes={str(k): int(v) for k, v in (data.get("votes") or {}).items()},
            position=float(data.get("position") or 0.0),
            deleted=bool(data.get("deleted")),
            action=ActionFields.from_dict(action) if action else None,
            vote_stamps=_stamps(data.get("vote_stamps"), "vote_stamps"),
            link_stamps=_stamps(data.get("link_stamps"), "link_stamps"),
            # written before stamps: votes and links were exactly as listed at ``updated``
            stamps_base=str(data["stamps_base"] or "") if "stamps_base" in data else updated,
        )


def _stamps(value: Any, name: str) -> dict[str, str]:
    if not value:
        if value is None or value == {}:
            return {}
    elif isinstance(value, dict):
        for key, stamp in value.items():
            if not (isinstance(key, str) and isinstance(stamp, str) and stamp):
                break
        else:
            return dict(value)
    raise ValueError(_("{name} must map names to timestamps").format(name=name))


@dataclass
class Session:
    """One run of a workshop, with the agenda snapshot it was started from."""

    title: str
    agenda: Agenda
    id: str = field(default_factory=new_id)
    facilitator: str = ""
    location: str = ""
    agenda_source: str = ""  # bundled name or file path the agenda came from
    started: str = field(default_factory=now_iso)
    ended: str = ""
    updated: str = ""
    follow_up_of: str = ""  # id of the earlier session whose actions this one follows up
    votes_per_group: int = 5  # dot votes each group may cast per topic

    def __post_init__(self) -> None:
        if not self.updated:
            self.updated = self.started

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "agenda": self.agenda.to_dict(),
            "facilitator": self.facilitator,
            "location": self.location,
            "agenda_source": self.agenda_source,
            "started": self.started,
            "ended": self.ended,
            "updated": self.updated,
            "follow_up_of": self.follow_up_of,
            "votes_per_group": self.votes_per_group,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Session:
        return cls(
            id=data["id"],
            title=data.get("title") or "",
            agenda=Agenda.from_dict(data["agenda"]),
            facilitator=data.get("facilitator") or "",
            location=data.get("location") or "",
            agenda_source=data.get("agenda_source") or "",
            started=data["started"],
            ended=data.get("ended") or "",
            updated=data.get("updated") or data["started"],
            follow_up_of=data.get("follow_up_of") or "",
            votes_per_group=int(data.get("votes_per_group") or 5),
        )
