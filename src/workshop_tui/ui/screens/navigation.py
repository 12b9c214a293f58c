"""Open a session screen at a given topic, group and entry (used by the plenary, action
list, sessions browser, search and follow-up screens)."""

from __future__ import annotations

from typing import Any

from workshop_tui.core.model import EntryKind
from workshop_tui.core.store import SessionStore, StoreError


def current_session(app: Any) -> SessionStore | None:
    """The store of the session screen nearest the top of the screen stack, if any."""
    from workshop_tui.ui.screens.session import SessionScreen

    for screen in reversed(app.screen_stack):
        if isinstance(screen, SessionScreen):
            return screen.store
    return None


def open_entry(
    app: Any,
    session_id: str,
    *,
    topic_id: str | None = None,
    group: str | None = None,
    entry_id: str | None = None,
    read_only: bool | None = None,
) -> None:
    """Push the session screen for ``session_id`` showing ``topic_id`` × ``group`` with
    ``entry_id`` selected. ``read_only`` None: read-only when the session has ended."""
    from workshop_tui.ui.screens.session import SessionScreen

    kind: EntryKind | None = None
    if read_only is None or entry_id:
        try:
            store = app.store.open_session(session_id)
            if read_only is None:
                read_only = bool(store.session.ended)
            if entry_id:
                entry = store.get(entry_id)
                topic_id, group, kind = entry.topic_id, entry.group, entry.kind
        except (StoreError, KeyError):
            pass  # open_session below reports an unreadable session
    app.open_session(session_id, group=app.locked_group, read_only=bool(read_only))
    screen = app.screen_stack[-1]
    if not isinstance(screen, SessionScreen):
        return

    def go_there() -> None:
        if topic_id and topic_id in [t.id for t in screen.agenda.topics]:
            screen.set_topic(topic_id)
        if group and group != screen.group and not screen.locked_group:
            screen.set_group(group)
        if kind is not None and entry_id:
            screen._focus_kind(kind)
            pane = screen.pane(kind)
            pane.highlight(entry_id)
            pane.entry_list.focus()

    # Messages to a screen run after its mount handler: the screen restores its saved
    # place first, then moves here.
    screen.call_later(go_there)
