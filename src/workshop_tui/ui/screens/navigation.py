"""Open a session screen at a given topic, group and entry (used by the plenary, action
list, sessions browser, search and follow-up screens); tell a polling view it is out of date."""

from __future__ import annotations

from typing import Any

from workshop_tui.core.i18n import N_, _
from workshop_tui.core.model import EntryKind
from workshop_tui.core.store import SessionStore, StoreError


def view_is_stale(store: SessionStore, shown_generation: int, shown_error: str | None) -> bool:
    """For a poller thread: must a view drawn from ``store`` at ``shown_generation``, and
    showing the read problem ``shown_error`` (None or "" when none), draw again?

    Yes when the store took in a change since (another process's save, whichever read or
    write of ours took it in first; the parse happens here, off the event loop), when a
    problem it shows is gone, or when there is a new problem to report (once)."""
    try:
        return store.sync() != shown_generation or bool(shown_error)
    except (StoreError, OSError) as err:
        return str(err) != shown_error


def current_session(app: Any) -> SessionStore | None:
    """The store of the session screen nearest the top of the screen stack, if any."""
    from workshop_tui.ui.screens.session import SessionScreen

    for screen in reversed(app.screen_stack):
        if isinstance(screen, SessionScreen):
            return screen.store
    return None


def _session_screen(app: Any, session_id: str, read_only: bool) -> Any:
    """The top-most session screen in the stack showing ``session_id`` in that mode."""
    from workshop_tui.ui.screens.session import SessionScreen

    for screen in reversed(app.screen_stack):
        if isinstance(screen, SessionScreen) and screen.store.id == session_id:
            if bool(screen.read_only) == read_only:
                return screen
    return None


def refresh_session_screens(app: Any) -> None:
    """Redraw the session screens in the stack (after a review screen changed entries)."""
    from workshop_tui.ui.screens.session import SessionScreen

    for screen in app.screen_stack:
        if isinstance(screen, SessionScreen):
            screen.refresh_all()


def open_entry(
    app: Any,
    session_id: str,
    *,
    topic_id: str | None = None,
    group: str | None = None,
    entry_id: str | None = None,
    read_only: bool | None = None,
) -> None:
    """Show the session screen for ``session_id`` at ``topic_id`` × ``group`` with
    ``entry_id`` selected: the one already in the screen stack (screens above it are closed)
    or a new one. ``read_only`` None: read-only when the session has ended."""
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
    screen = _session_screen(app, session_id, bool(read_only))
    if screen is not None:
        # Already open below: go back to it rather than stacking another copy.
        while app.screen is not screen:
            app.pop_screen()
        screen.refresh_all()
    else:
        app.open_session(session_id, group=app.locked_group, read_only=bool(read_only))
        screen = _session_screen(app, session_id, bool(read_only))
        if screen is None:
            return
    target: SessionScreen = screen

    def go_there() -> None:
        if topic_id and topic_id in [t.id for t in target.agenda.topics]:
            target.set_topic(topic_id)
        if group and group != target.group:
            if target.locked_group:
                # a scribe's laptop never leaves its group: say why the cell is not shown
                target.notify(
                    _(
                        "This laptop is locked to {locked_group}: {group}'s work is not shown here."
                    ).format(locked_group=target.locked_group, group=group),
                    severity="warning",
                    timeout=6,
                )
            else:
                target.set_group(group)
        if kind is not None and entry_id:
            target._focus_kind(kind)
            pane = target.pane(kind)
            pane.highlight(entry_id)
            pane.entry_list.focus()

    # Messages to a screen run after its mount handler: the screen restores its saved
    # place first, then moves here.
    target.call_later(go_there)


# -- app-level keys for the review screens -------------------------------------------------
def _review_bindings() -> list[Any]:
    from textual.binding import Binding

    return [
        Binding(
            "f2",
            "plenary",
            N_("Plenary"),
            id="app.plenary",
            show=False,
            tooltip=N_("Grid, groups side by side, charts, warnings"),
        ),
        Binding(
            "f3",
            "action_list",
            N_("Action list"),
            id="app.action_list",
            show=False,
            tooltip=N_("All actions: filter, sort, status"),
        ),
        Binding(
            "f4",
            "sessions",
            N_("Sessions"),
            id="app.sessions",
            show=False,
            tooltip=N_("Browse past sessions"),
        ),
        Binding(
            "f5,ctrl+f",
            "search",
            N_("Search"),
            id="app.search",
            show=False,
            tooltip=N_("Search all sessions"),
        ),
        Binding(
            "f6",
            "follow_up",
            N_("Follow-up"),
            id="app.follow_up",
            show=False,
            tooltip=N_("Review the earlier session's actions"),
        ),
    ]


#: added to the app's BINDINGS: the plenary, action list, sessions, search and follow-up keys
REVIEW_BINDINGS = _review_bindings()


class ReviewActions:
    """App actions opening the review screens (mixed into the app class)."""

    def _session_or_warn(self) -> SessionStore | None:
        store = current_session(self)
        if store is None:
            self.notify(_("Open a session first."), severity="warning")  # type: ignore[attr-defined]
        return store

    def _is_read_only(self) -> bool:
        from workshop_tui.ui.screens.session import SessionScreen

        for screen in reversed(self.screen_stack):  # type: ignore[attr-defined]
            if isinstance(screen, SessionScreen):
                return bool(screen.read_only)
        return False

    def action_plenary(self) -> None:
        from workshop_tui.ui.screens.plenary import PlenaryScreen

        store = self._session_or_warn()
        if store is not None:
            self.push_screen(PlenaryScreen(store))  # type: ignore[attr-defined]

    def action_action_list(self) -> None:
        from workshop_tui.ui.screens.actions import ActionsScreen

        store = self._session_or_warn()
        if store is not None:
            self.push_screen(ActionsScreen(store, read_only=self._is_read_only()))  # type: ignore[attr-defined]

    def action_sessions(self) -> None:
        from workshop_tui.ui.screens.review import SessionsScreen

        self.push_screen(SessionsScreen())  # type: ignore[attr-defined]

    def action_search(self) -> None:
        from workshop_tui.ui.screens.search import SearchScreen

        self.push_screen(SearchScreen())  # type: ignore[attr-defined]

    def open_compare(self, first: str, second: str) -> None:
        """Two sessions side by side (F4: m marks two, c compares)."""
        from workshop_tui.ui.screens.compare import CompareScreen

        self.push_screen(CompareScreen(first, second))  # type: ignore[attr-defined]

    def action_register(self) -> None:
        """The action register: every action of every session (start screen, F4)."""
        from workshop_tui.ui.screens.register import RegisterScreen

        self.push_screen(RegisterScreen())  # type: ignore[attr-defined]

    def action_follow_up(self) -> None:
        from workshop_tui.ui.screens.followup import start_followup

        store = self._session_or_warn()
        if store is None:
            return
        if self._is_read_only():
            self.notify(_("This session has ended: it is read-only."), severity="warning")  # type: ignore[attr-defined]
            return
        start_followup(self, store, force=True)

    def start_followup_if_due(self, store: SessionStore) -> None:
        """Show the follow-up review over a session that follows up an unfinished one."""
        from workshop_tui.ui.screens.followup import start_followup

        if store.session.follow_up_of:
            start_followup(self, store)
