"""A theme: entries of one kind from several groups that say the same thing, under one title.

Themes live in the session file (table ``themes``) and in bundles, and merge like entries
(:mod:`.merge`): the theme's own fields (title, kind, topic, deletion) come from the latest
version; **membership merges per entry** and **plenary votes per group**, each by the time of
its last change (``member_stamps`` / ``vote_stamps``, kept after a removal or an un-vote so
the removal survives an older bundle). An entry's theme is the one that took it last
(:func:`theme_of_entries`), so two laptops moving one entry into different themes agree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from workshop_tui.core.i18n import _
from workshop_tui.core.model import EntryKind, new_id, now_iso, stamp_key

#: the kinds a theme can gather
THEME_KINDS = (EntryKind.CHALLENGE, EntryKind.SOLUTION, EntryKind.ACTION)
#: plenary dots each group may place on the themes of a session, unless the session says
DEFAULT_THEME_DOTS = 3
MAX_TITLE = 200


def _time(value: str, name: str) -> str:
    """``value`` if it is an ISO-8601 time with a zone (merges compare them as instants)."""
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise ValueError(
            _("{name} must be a time with a zone, like {example}").format(
                name=name, example="2026-06-01T10:00:00+00:00"
            )
        )
    return value


def _stamp_map(value: Any, name: str) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and k and isinstance(v, str) and v for k, v in value.items()
    ):
        raise ValueError(_("{name} must map names to timestamps").format(name=name))
    for stamp in value.values():
        _time(stamp, name)
    return dict(value)


def _text(value: Any, name: str, *, required: bool = False) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise ValueError(_("{name} must be text").format(name=name))
    return value


@dataclass
class Theme:
    """A theme of the plenary (see the module docstring)."""

    kind: EntryKind
    title: str
    topic_id: str = ""  # "" = across topics
    id: str = field(default_factory=new_id)
    created: str = field(default_factory=now_iso)
    updated: str = ""
    deleted: bool = False
    #: entry ids in the order they joined (only entries that are in the theme now)
    members: list[str] = field(default_factory=list)
    #: per entry ever in the theme: time of its last join or removal
    member_stamps: dict[str, str] = field(default_factory=dict)
    #: plenary dots per group (only groups with dots)
    votes: dict[str, int] = field(default_factory=dict)
    #: per group that ever voted: time of its last change (kept at 0 dots)
    vote_stamps: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.updated:
            self.updated = self.created
        for member in self.members:
            if member not in self.member_stamps:
                self.member_stamps = {**self.member_stamps, member: self.updated}
        # one order for one membership (the order they joined), so equal themes compare equal
        stamps = self.member_stamps
        self.members = sorted(dict.fromkeys(self.members), key=lambda m: (stamp_key(stamps[m]), m))
        for voter in self.votes:
            if voter not in self.vote_stamps:
                self.vote_stamps = {**self.vote_stamps, voter: self.updated}
        self.votes = {v: c for v, c in self.votes.items() if c > 0}

    @property
    def vote_count(self) -> int:
        return sum(self.votes.values())

    def touched(self, *, at: str = "", **changes: Any) -> Theme:
        """A copy with ``changes`` applied. Members joining or leaving and groups whose dots
        change are stamped now (or ``at``); ``updated`` (the time of the own fields: title,
        topic, deletion) moves only when one of those changes, so a vote on one laptop never
        brings back a theme dissolved on another."""
        now = at or now_iso()
        members = changes.get("members")
        if members is not None:
            members = list(dict.fromkeys(members))
            stamps = dict(self.member_stamps)
            for member in set(self.members) ^ set(members):
                stamps[member] = now
            changes["members"], changes["member_stamps"] = members, stamps
        votes = changes.get("votes")
        if votes is not None:
            stamps = dict(self.vote_stamps)
            for voter in set(self.votes) | set(votes):
                if self.votes.get(voter, 0) != votes.get(voter, 0):
                    stamps[voter] = now
            changes["votes"] = {v: c for v, c in votes.items() if c > 0}
            changes["vote_stamps"] = stamps
        own = set(changes) - {"members", "member_stamps", "votes", "vote_stamps"}
        return replace(self, **changes, updated=now if own else self.updated)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind.value,
            "title": self.title,
            "topic_id": self.topic_id,
            "created": self.created,
            "updated": self.updated,
            "deleted": self.deleted,
            "members": list(self.members),
            "member_stamps": dict(self.member_stamps),
            "votes": dict(self.votes),
            "vote_stamps": dict(self.vote_stamps),
        }

    @classmethod
    def from_dict(cls, data: Any) -> Theme:
        """Strictly typed (a theme comes from a file or a bundle): ValueError names the field."""
        if not isinstance(data, dict):
            raise ValueError(_("a theme must be an object"))
        kind = data.get("kind")
        if kind not in {k.value for k in THEME_KINDS}:
            raise ValueError(
                _("kind {kind!r} is not challenge, solution or action").format(kind=kind)
            )
        members = data.get("members") or []
        if not isinstance(members, list) or not all(isinstance(m, str) and m for m in members):
            raise ValueError(_("members must be a list of entry ids"))
        votes = data.get("votes") or {}
        if not isinstance(votes, dict) or not all(
            isinstance(k, str) and type(v) is int and 0 <= v <= 1000 for k, v in votes.items()
        ):
            raise ValueError(_("votes must map group names to whole numbers of dots"))
        deleted = data.get("deleted", False)
        if not isinstance(deleted, bool):
            raise ValueError(_("deleted must be true or false"))
        theme_id = _text(data.get("id"), "id", required=True)
        created = _text(data.get("created"), "created", required=True)
        if not theme_id or not created:
            raise ValueError(_("a theme needs an id and a created time"))
        _time(created, "created")
        if data.get("updated"):
            _time(_text(data.get("updated"), "updated"), "updated")
        title = _text(data.get("title"), "title", required=True)
        return cls(
            id=theme_id,
            kind=EntryKind(kind),
            title=title[:MAX_TITLE],
            topic_id=_text(data.get("topic_id"), "topic_id"),
            created=created,
            updated=_text(data.get("updated"), "updated") or created,
            deleted=deleted,
            members=list(members),
            member_stamps=_stamp_map(data.get("member_stamps"), "member_stamps"),
            votes=dict(votes),
            vote_stamps=_stamp_map(data.get("vote_stamps"), "vote_stamps"),
        )


def theme_of_entries(themes: list[Theme]) -> dict[str, str]:
    """Entry id → id of the live theme it belongs to (the one that took it last)."""
    best: dict[str, tuple[Any, str]] = {}
    for theme in themes:
        if theme.deleted:
            continue
        for member in theme.members:
            key = (stamp_key(theme.member_stamps.get(member, theme.updated)), theme.id)
            if member not in best or key > best[member]:
                best[member] = key
    return {member: theme_id for member, (_, theme_id) in best.items()}


def ranking(themes: list[Theme]) -> list[Theme]:
    """Live themes by plenary dots (most first), then by size, then by title."""
    live = [t for t in themes if not t.deleted]
    return sorted(live, key=lambda t: (-t.vote_count, -len(t.members), t.title.casefold(), t.id))
