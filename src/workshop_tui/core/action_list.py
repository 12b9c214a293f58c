"""The action list's view: sort, several-value filters, and how they are kept across runs.

Pure functions shared by the action list (F3) and its tests. The view of each session is
kept in the preferences file under :data:`PREF_KEY` (``store.prefs.set_for``), as
``{"sort": "priority", "filters": {"status": ["open", "in_progress"], "group": [...]}}``;
what is read back is checked (the file may be hand-edited): unknown sorts and filter names,
and values that are not strings, are dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from workshop_tui.core.model import ActionStatus, Entry

#: the preferences key of the action list's view (per session)
PREF_KEY = "actions.view"
#: the order the status key cycles through
STATUS_CYCLE = (
    ActionStatus.OPEN,
    ActionStatus.IN_PROGRESS,
    ActionStatus.DONE,
    ActionStatus.DROPPED,
)
SORTS = ("due", "priority", "owner")
FILTERS = ("group", "topic", "owner", "unit", "level", "status")
NONE = "\x00none"  # the "(none)" choice for owner / unit
#: at most this many values per filter are read back from the preferences
MAX_FILTER_VALUES = 200


@dataclass
class ListView:
    """How the action list of one session was last shown: its sort and filters
    (filter name → the values it keeps; a filter with no value keeps everything)."""

    sort: str = "due"
    filters: dict[str, list[str]] = field(default_factory=dict)

    def to_pref(self) -> dict[str, Any]:
        return {
            "sort": self.sort,
            "filters": {name: list(values) for name, values in self.filters.items() if values},
        }

    @classmethod
    def from_pref(cls, value: object) -> ListView:
        """The view stored by :meth:`to_pref`; anything unexpected falls back to the default."""
        if not isinstance(value, dict):
            return cls()
        sort = value.get("sort")
        filters: dict[str, list[str]] = {}
        raw = value.get("filters")
        if isinstance(raw, dict):
            for name in FILTERS:
                values = raw.get(name)
                if isinstance(values, str):  # one value, as an older hand-edit might have it
                    values = [values]
                if isinstance(values, list):
                    kept = [v for v in values[:MAX_FILTER_VALUES] if isinstance(v, str)]
                    if kept:
                        filters[name] = list(dict.fromkeys(kept))
        return cls(sort=sort if sort in SORTS else "due", filters=filters)


def next_status(status: ActionStatus) -> ActionStatus:
    if status not in STATUS_CYCLE:
        return ActionStatus.OPEN
    return STATUS_CYCLE[(STATUS_CYCLE.index(status) + 1) % len(STATUS_CYCLE)]


def sort_key(how: str, topic_rank: dict[str, int]) -> Any:
    """Sort key for the action list; ties fall back to agenda order."""

    def base(e: Entry) -> tuple[int, str, float]:
        return (topic_rank.get(e.topic_id, 99), e.group, e.position)

    def key(e: Entry) -> tuple[Any, ...]:
        fields = e.action
        assert fields is not None
        if how == "priority":
            return (fields.priority.rank, fields.due or "9999", *base(e))
        if how == "owner":
            return (fields.owner == "", fields.owner.casefold(), fields.due or "9999", *base(e))
        return (fields.due == "", fields.due, fields.priority.rank, *base(e))

    return key


def filter_values(entry: Entry) -> dict[str, str]:
    """What each filter compares for ``entry`` (an action)."""
    fields = entry.action
    assert fields is not None
    return {
        "group": entry.group,
        "topic": entry.topic_id,
        "owner": fields.owner or NONE,
        "unit": fields.unit or NONE,
        "level": fields.level.value,
        "status": fields.status.value,
    }


def matches(entry: Entry, chosen: dict[str, list[str]]) -> bool:
    """Whether ``entry`` passes every filter: its value is one of the chosen ones (a filter
    with no chosen value passes everything)."""
    return passes(filter_values(entry), chosen)


def passes(values: dict[str, str], chosen: dict[str, list[str]]) -> bool:
    """:func:`matches` for an action's :func:`filter_values`, worked out once."""
    return all(not kept or values[name] in kept for name, kept in chosen.items())
