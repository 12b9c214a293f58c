"""What a search asks for: words, plus filters that narrow it.

Typed in the search box (F5) as ``key:value`` next to the words::

    seizure airport kind:action status:open owner:ana
    recordation group:"Group A" topic:legal agenda:ipr-border-enforcement
    leaflet date:2025-06  date:2025-06-01..2025-09-30  since:2024  until:2025-06
    session:e0000000

Values of one key are alternatives (``kind:challenge kind:solution``), different keys must all
hold. ``kind`` is challenge, solution, action, note or parking; ``status`` an action status
(open, in_progress / "in progress", done, dropped, carried_over); ``owner``, ``group`` and
``topic`` (id or title) match a part of the value, case and accents ignored; ``session`` an id
or the start of one; dates match the days a session ran (as in the sessions browser).
The CLI's ``search`` takes the same filters as options.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field, replace

from workshop_tui.core.history import DateRange, FilterError, parse_query
from workshop_tui.core.i18n import _
from workshop_tui.core.model import ActionStatus, EntryKind
from workshop_tui.core.textnorm import fold, words

KEYS = ("kind", "status", "owner", "group", "topic", "agenda", "session", "date", "since", "until")


@dataclass(frozen=True)
class SearchFilter:
    """Narrows a search; empty tuples mean "any"."""

    sessions: tuple[str, ...] = ()  # ids or id prefixes
    agendas: tuple[str, ...] = ()  # agenda names
    ranges: tuple[DateRange, ...] = ()  # each must overlap the session's days
    kinds: tuple[str, ...] = ()  # EntryKind values
    groups: tuple[str, ...] = ()  # folded parts of group names
    topics: tuple[str, ...] = ()  # folded parts of topic ids or titles
    statuses: tuple[str, ...] = ()  # ActionStatus values (only actions pass)
    owners: tuple[str, ...] = ()  # folded parts of the owner ("" = no owner)

    @property
    def is_empty(self) -> bool:
        return self == SearchFilter()

    @property
    def by_session(self) -> bool:
        """Does it narrow which sessions are searched (not only which entries)?"""
        return bool(self.sessions or self.agendas or self.ranges)


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""  # the words, as typed
    filter: SearchFilter = field(default_factory=SearchFilter)

    @property
    def words(self) -> list[str]:
        return words(self.text)


def parse_kind(value: str) -> str:
    key = value.strip().lower()
    for kind in EntryKind:
        if key in (kind.value, kind.value + "s"):
            return kind.value
    choices = ", ".join(k.value for k in EntryKind)
    raise FilterError(
        _("unknown kind {value!r} (choose one of: {choices})").format(value=value, choices=choices)
    )


def parse_status(value: str) -> str:
    try:
        return ActionStatus.parse(value).value
    except ValueError as err:
        raise FilterError(str(err)) from None


def _date(key: str, value: str) -> DateRange:
    text = {"since": f"since {value}", "until": f"until {value}"}.get(key, value)
    ranges = parse_query(text).ranges
    if len(ranges) != 1:
        raise FilterError(
            _("{key}:{value} is not a date (YYYY, YYYY-MM, YYYY-MM-DD or A..B)").format(
                key=key, value=value
            )
        )
    return ranges[0]


def with_value(flt: SearchFilter, key: str, value: str) -> SearchFilter:
    """``flt`` narrowed by one ``key:value`` (raises FilterError for a bad value)."""
    if key == "kind":
        return replace(flt, kinds=(*flt.kinds, parse_kind(value)))
    if key == "status":
        return replace(flt, statuses=(*flt.statuses, parse_status(value)))
    if key in ("date", "since", "until"):
        return replace(flt, ranges=(*flt.ranges, _date(key, value)))
    if key == "session":
        return replace(flt, sessions=(*flt.sessions, value.strip()))
    if key == "agenda":
        return replace(flt, agendas=(*flt.agendas, value.strip()))
    folded = fold(" ".join(value.split()))
    if key == "owner":
        return replace(flt, owners=(*flt.owners, folded))
    if key == "group":
        return replace(flt, groups=(*flt.groups, folded))
    if key == "topic":
        return replace(flt, topics=(*flt.topics, folded))
    raise FilterError(
        _("unknown filter {key!r} (choose from: {choices})").format(
            key=key, choices=", ".join(KEYS)
        )
    )


def _split(text: str) -> list[str]:
    """Words, keeping ``"..."`` together (apostrophes are text: "holder's")."""
    if text.count('"') % 2:
        text += '"'  # an unclosed quote, while typing
    lexer = shlex.shlex(text, posix=True)
    lexer.quotes = '"'
    lexer.whitespace_split = True
    lexer.commenters = ""
    try:
        return list(lexer)
    except ValueError:
        return text.split()


def parse_search(text: str) -> SearchQuery:
    """Split what was typed into words and ``key:value`` filters (see the module doc).

    Raises FilterError for an unknown key or a bad value; a ``key:`` still being typed (no
    value yet) is ignored."""
    tokens = _split(text)
    flt = SearchFilter()
    plain: list[str] = []
    for token in tokens:
        key, sep, value = token.partition(":")
        if sep and key.lower() in KEYS:
            if value.strip():
                flt = with_value(flt, key.lower(), value)
            continue
        plain.append(token)
    return SearchQuery(" ".join(plain), flt)


__all__ = ["KEYS", "SearchFilter", "SearchQuery", "parse_kind", "parse_search", "with_value"]
