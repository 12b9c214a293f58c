"""The themes of a stored session: reading, saving and the plenary's operations on them.

Themes are kept in the session file's ``themes`` table, one document per theme (deleted ones
stay as tombstones, as entries do). Every operation reads the latest version under the
session's lock, saves in one durable write and returns what the undo needs.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from workshop_tui.core.capture import CaptureError
from workshop_tui.core.i18n import _, ngettext
from workshop_tui.core.model import EntryKind, now_iso
from workshop_tui.core.store import CorruptDataError, SessionStore
from workshop_tui.core.store.session_store import doc_id_for
from workshop_tui.core.themes.model import (
    DEFAULT_THEME_DOTS,
    MAX_TITLE,
    THEME_KINDS,
    Theme,
    theme_of_entries,
)

THEMES_TABLE = "themes"
#: the session-state key holding the plenary dots per group (set per session)
DOTS_STATE_KEY = "theme_dots_per_group"
MAX_DOTS = 99

_cache_lock = threading.Lock()
_cache: dict[str, tuple[object, dict[str, Theme]]] = {}


class ThemeError(CaptureError):
    """An operation the rules refuse (no dots left, empty title, ...); the message says why."""


def load_themes(store: SessionStore, *, include_deleted: bool = False) -> list[Theme]:
    """The session's themes, oldest first. Raises CorruptDataError naming a bad record."""
    docs, stamp = store.read_table(THEMES_TABLE)
    key = str(store.path)
    with _cache_lock:
        cached = _cache.get(key)
    if cached is not None and cached[0] == stamp and stamp is not None:
        themes = cached[1]
    else:
        themes = {}
        for doc_id, doc in docs.items():
            try:
                theme = Theme.from_dict(doc)
            except ValueError as err:
                raise CorruptDataError(
                    store.path, f'has an invalid record (themes["{doc_id}"]: {err})'
                ) from None
            themes[theme.id] = theme
        with _cache_lock:
            _cache[key] = (stamp, themes)
    found = [t for t in themes.values() if include_deleted or not t.deleted]
    return sorted(found, key=lambda t: (t.created, t.id))


def get_theme(store: SessionStore, theme_id: str) -> Theme:
    for theme in load_themes(store, include_deleted=True):
        if theme.id == theme_id:
            return theme
    raise KeyError(theme_id)


def save_themes(store: SessionStore, themes: Iterable[Theme]) -> None:
    """Insert or replace themes as given, in one durable write."""
    themes = list(themes)
    if not themes:
        return
    with store.locked():
        raw, _ = store.read_table(THEMES_TABLE)
        docs: dict[str, dict[str, object]] = {}
        for theme in themes:
            doc_id = doc_id_for(theme.id)
            while (doc := raw.get(str(doc_id))) is not None and doc.get("id") != theme.id:
                doc_id += 1  # hash collision with another theme: probe on, as entries do
            docs[str(doc_id)] = theme.to_dict()
        store.save_table_docs(THEMES_TABLE, docs)


def dots_per_group(store: SessionStore) -> int:
    """Plenary dots each group may place on this session's themes."""
    value = store.get_state().get(DOTS_STATE_KEY, DEFAULT_THEME_DOTS)
    return value if type(value) is int and 0 <= value <= MAX_DOTS else DEFAULT_THEME_DOTS


def set_dots_per_group(store: SessionStore, dots: int) -> None:
    if not 0 <= dots <= MAX_DOTS:
        raise ThemeError(_("dots per group must be 0 to {max}").format(max=MAX_DOTS))
    store.set_state(**{DOTS_STATE_KEY: dots})


def dots_used(themes: Iterable[Theme], group: str) -> int:
    return sum(t.votes.get(group, 0) for t in themes if not t.deleted)


# -- operations ------------------------------------------------------------------------------
@dataclass(frozen=True)
class ThemeChange:
    """What an operation did: the themes before (None: created) for undo, and a message."""

    message: str
    before: dict[str, Theme | None]


def _clean_title(title: str) -> str:
    title = " ".join(title.split())
    if not title:
        raise ThemeError(_("a theme needs a title"))
    return title[:MAX_TITLE]


def _release(store: SessionStore, entry_ids: set[str], keep: str = "") -> list[Theme]:
    """The live themes (other than ``keep``) that hold any of ``entry_ids``, without them."""
    changed = []
    at = now_iso()
    for theme in load_themes(store):
        if theme.id != keep and entry_ids & set(theme.members):
            remaining = [m for m in theme.members if m not in entry_ids]
            changed.append(theme.touched(at=at, members=remaining))
    return changed


def create_theme(
    store: SessionStore, title: str, entry_ids: list[str], *, topic_id: str | None = None
) -> tuple[Theme, ThemeChange]:
    """A new theme of ``entry_ids`` (all of one theme kind); they leave any theme they were in.
    ``topic_id`` None: the entries' topic when they share one, else across topics."""
    with store.locked():
        entries = [store.get(i) for i in dict.fromkeys(entry_ids)]
        if len(entries) < 1:
            raise ThemeError(_("mark at least one entry for the theme"))
        kinds = {e.kind for e in entries}
        if len(kinds) != 1 or next(iter(kinds)) not in THEME_KINDS:
            raise ThemeError(
                _("a theme gathers entries of one kind: challenges, solutions or actions")
            )
        if topic_id is None:
            topics = {e.topic_id for e in entries}
            topic_id = topics.pop() if len(topics) == 1 else ""
        theme = Theme(
            kind=next(iter(kinds)),
            title=_clean_title(title),
            topic_id=topic_id,
            members=[e.id for e in entries],
        )
        released = _release(store, set(theme.members))
        before: dict[str, Theme | None] = {t.id: get_theme(store, t.id) for t in released}
        before[theme.id] = None
        save_themes(store, [*released, theme])
    return theme, ThemeChange(_("Theme made: {title}").format(title=theme.title), before)


def _change(store: SessionStore, theme_id: str, message: str, **changes: Any) -> ThemeChange:
    with store.locked():
        theme = get_theme(store, theme_id)
        save_themes(store, [theme.touched(**changes)])
    return ThemeChange(message, {theme_id: theme})


def rename_theme(store: SessionStore, theme_id: str, title: str) -> ThemeChange:
    title = _clean_title(title)
    return _change(store, theme_id, _("Renamed: {title}").format(title=title), title=title)


def delete_theme(store: SessionStore, theme_id: str) -> ThemeChange:
    """Dissolve a theme (a tombstone): its entries become unthemed again."""
    return _change(store, theme_id, _("Theme dissolved"), deleted=True)


def move_entry(store: SessionStore, entry_id: str, theme_id: str | None) -> ThemeChange:
    """Put an entry into another theme (of its kind), or out of every theme (None)."""
    with store.locked():
        entry = store.get(entry_id)
        at = now_iso()
        changed = _release(store, {entry_id}, keep=theme_id or "")
        if theme_id is not None:
            target = get_theme(store, theme_id)
            if target.deleted or target.kind != entry.kind:
                raise ThemeError(_("an entry can only join a theme of its own kind"))
            if entry_id not in target.members:
                changed.append(target.touched(at=at, members=[*target.members, entry_id]))
        before: dict[str, Theme | None] = {t.id: get_theme(store, t.id) for t in changed}
        save_themes(store, changed)
    return ThemeChange(_("Moved") if theme_id else _("Taken out of its theme"), before)


def merge_themes_into(store: SessionStore, keep_id: str, other_id: str) -> ThemeChange:
    """Merge theme ``other_id`` into ``keep_id`` (same kind): members join, dots add up
    per group, the other theme is dissolved."""
    if keep_id == other_id:
        raise ThemeError(_("choose two different themes to merge"))
    with store.locked():
        keep, other = get_theme(store, keep_id), get_theme(store, other_id)
        if keep.kind != other.kind:
            raise ThemeError(_("only themes of the same kind can be merged"))
        at = now_iso()
        votes = dict(keep.votes)
        for group, count in other.votes.items():
            votes[group] = votes.get(group, 0) + count
        topic = keep.topic_id if keep.topic_id == other.topic_id else ""
        merged = keep.touched(
            at=at, members=[*keep.members, *other.members], votes=votes, topic_id=topic
        )
        gone = other.touched(at=at, deleted=True, members=[], votes={})
        save_themes(store, [merged, gone])
    return ThemeChange(
        _("Merged into: {title}").format(title=keep.title), {keep_id: keep, other_id: other}
    )


def vote(store: SessionStore, theme_id: str, group: str, delta: int) -> ThemeChange:
    """Add (1) or take back (-1) one of ``group``'s plenary dots on a theme."""
    with store.locked():
        themes = load_themes(store)
        theme = get_theme(store, theme_id)
        count = theme.votes.get(group, 0) + delta
        if count < 0:
            raise ThemeError(_("{group} has no dot on this theme").format(group=group))
        if delta > 0 and dots_used(themes, group) >= dots_per_group(store):
            raise ThemeError(
                _("{group} has used all {n} dots").format(group=group, n=dots_per_group(store))
            )
        save_themes(store, [theme.touched(votes={**theme.votes, group: count})])
    message = ngettext("{group}: {n} dot on {title}", "{group}: {n} dots on {title}", count).format(
        group=group, n=count, title=theme.title
    )
    return ThemeChange(message, {theme_id: theme})


def undo(store: SessionStore, change: ThemeChange) -> None:
    """Put the themes of ``change`` back (a created theme is deleted) — a newer version, so
    it merges like any other change."""
    with store.locked():
        at = now_iso()
        restored = []
        for theme_id, before in change.before.items():
            current = get_theme(store, theme_id)
            if before is None:
                restored.append(current.touched(at=at, deleted=True))
            else:
                restored.append(
                    current.touched(
                        at=at,
                        title=before.title,
                        topic_id=before.topic_id,
                        deleted=before.deleted,
                        members=before.members,
                        votes=before.votes,
                    )
                )
        save_themes(store, restored)


def accept_suggestion(
    store: SessionStore, title: str, entry_ids: list[str], topic_id: str | None
) -> tuple[Theme, ThemeChange]:
    """A suggestion the room accepts becomes a theme (its entries leave other themes)."""
    return create_theme(store, title, entry_ids, topic_id=topic_id)


def unthemed(store: SessionStore, kind: EntryKind, topic_id: str | None) -> list[str]:
    """Live entries of ``kind`` (and topic) in no theme, in store order."""
    taken = theme_of_entries(load_themes(store))
    return [
        e.id
        for e in store.entries(topic_id=topic_id, kind=kind)
        if e.id not in taken and e.text.strip()
    ]
