"""Navigation is the app's job: the screens ask (``workshop_tui.ui.navigation`` messages,
app actions bound to f2–f6), the router mixed into the app decides what to push or pop.

This is the one place (with ``app.py``) that knows every screen; no screen imports another.
Each screen's module is imported when it is first opened, not at start-up: the start screen
draws without the plenary, the exports (xlsxwriter, python-docx) and the rest.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from textual.binding import Binding, BindingType

from workshop_tui.core.i18n import N_, _, current_language
from workshop_tui.core.model import EntryKind
from workshop_tui.core.store import SessionStore, StoreError
from workshop_tui.ui.dates import today_of
from workshop_tui.ui.kept_screens import KeptScreens
from workshop_tui.ui.navigation import (
    OpenEntry,
    OpenExportDialog,
    OpenImportDialog,
    SessionsChanged,
)

if TYPE_CHECKING:
    from textual.app import App

    from workshop_tui.ui.screens.session import SessionScreen

    _Base = App[int]
else:
    _Base = object

#: added to the app's BINDINGS: the plenary, action list, sessions, search and follow-up keys
REVIEW_BINDINGS: list[BindingType] = [
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


class Router(_Base):
    """The app's navigation (mixed into :class:`workshop_tui.ui.app.WorkshopApp`)."""

    _kept_screens: KeptScreens | None = None

    # -- the session screens in the stack ------------------------------------------------
    def _session_screens(self) -> list[SessionScreen]:
        """The session screens in the stack, bottom first (none while the session screen's
        module was never imported: none was ever opened)."""
        module = sys.modules.get("workshop_tui.ui.screens.session")
        if module is None:
            return []
        return [s for s in self.screen_stack if isinstance(s, module.SessionScreen)]

    def session_screen(self) -> SessionScreen | None:
        """The session screen nearest the top of the screen stack, if any."""
        screens = self._session_screens()
        return screens[-1] if screens else None

    def current_session(self) -> SessionStore | None:
        screen = self.session_screen()
        return screen.store if screen is not None else None

    def _session_screen_for(self, session_id: str, read_only: bool) -> SessionScreen | None:
        for screen in reversed(self._session_screens()):
            if screen.store.id == session_id and bool(screen.read_only) == read_only:
                return screen
        return None

    def on_sessions_changed(self, _request: SessionsChanged) -> None:
        self.refresh_session_screens()

    def refresh_session_screens(self) -> None:
        """Redraw the session screens in the stack (after a review screen changed entries)."""
        for screen in self._session_screens():
            screen.refresh_all()

    def open_session_screen(
        self, store: SessionStore, *, group: str | None, read_only: bool, clock: Any
    ) -> None:
        from workshop_tui.ui.screens.session import SessionScreen

        self.push_screen(SessionScreen(store, group=group, read_only=read_only, clock=clock))

    # -- requests from the screens ---------------------------------------------------------
    # handlers by name (on_<message>): @on only registers in a MessagePump subclass's body
    def on_open_entry(self, request: OpenEntry) -> None:
        """Show the session screen for the request's session at its topic × group with its
        entry selected: the one already in the screen stack (screens above it are closed)
        or a new one."""
        session_id, topic_id, group = request.session_id, request.topic_id, request.group
        entry_id, read_only = request.entry_id, request.read_only
        kind: EntryKind | None = None
        if read_only is None or entry_id:
            try:
                store = self.store.open_session(session_id)  # type: ignore[attr-defined]
                if read_only is None:
                    read_only = bool(store.session.ended)
                if entry_id:
                    entry = store.get(entry_id)
                    topic_id, group, kind = entry.topic_id, entry.group, entry.kind
            except (StoreError, KeyError):
                pass  # open_session below reports an unreadable session
        screen = self._session_screen_for(session_id, bool(read_only))
        if screen is not None:
            # Already open below: go back to it rather than stacking another copy.
            while self.screen is not screen:
                self.pop_screen()
            screen.refresh_all()
        else:
            self.open_session(  # type: ignore[attr-defined]
                session_id,
                group=self.locked_group,  # type: ignore[attr-defined]
                read_only=bool(read_only),
            )
            screen = self._session_screen_for(session_id, bool(read_only))
            if screen is None:
                return
        target = screen

        def go_there() -> None:
            target.go_to(topic_id=topic_id, group=group, kind=kind, entry_id=entry_id)

        # Messages to a screen run after its mount handler: the screen restores its saved
        # place first, then moves here.
        target.call_later(go_there)

    def on_open_export_dialog(self, request: OpenExportDialog) -> None:
        from workshop_tui.ui.screens.export_dialog import open_export_dialog

        open_export_dialog(request.requester, request.session_id)

    def on_open_import_dialog(self, request: OpenImportDialog) -> None:
        from workshop_tui.ui.screens.import_dialog import open_import_dialog

        open_import_dialog(request.requester, request.session_id)

    # -- app actions (f2-f6) ---------------------------------------------------------------
    def _session_or_warn(self) -> SessionStore | None:
        store = self.current_session()
        if store is None:
            self.notify(_("Open a session first."), severity="warning")
        return store

    def _is_read_only(self) -> bool:
        screen = self.session_screen()
        return bool(screen.read_only) if screen is not None else False

    @property
    def kept_screens(self) -> KeptScreens:
        """The plenary and action list kept between opens (``ui.kept_screens``)."""
        if self._kept_screens is None:
            self._kept_screens = KeptScreens(self)
        return self._kept_screens

    def _kept_key(self, store: SessionStore, *more: Any) -> tuple[Any, ...]:
        return (store, current_language(), today_of(self), *more)

    def action_plenary(self) -> None:
        store = self._session_or_warn()
        if store is not None:
            from workshop_tui.ui.screens.plenary import PlenaryScreen

            screen = self.kept_screens.get(
                "plenary", self._kept_key(store), lambda: PlenaryScreen(store)
            )
            if screen is not None:
                self.push_screen(screen)

    def action_action_list(self) -> None:
        store = self._session_or_warn()
        if store is not None:
            from workshop_tui.ui.screens.actions import ActionsScreen

            read_only = self._is_read_only()
            screen = self.kept_screens.get(
                "actions",
                self._kept_key(store, read_only),
                lambda: ActionsScreen(store, read_only=read_only),
            )
            if screen is not None:
                self.push_screen(screen)

    def action_sessions(self) -> None:
        from workshop_tui.ui.screens.review import SessionsScreen

        self.push_screen(SessionsScreen())

    def action_search(self) -> None:
        from workshop_tui.ui.screens.search import SearchScreen

        self.push_screen(SearchScreen())

    def open_compare(self, first: str, second: str) -> None:
        """Two sessions side by side (F4: m marks two, c compares)."""
        from workshop_tui.ui.screens.compare import CompareScreen

        self.push_screen(CompareScreen(first, second))

    def action_register(self) -> None:
        """The action register: every action of every session (start screen, F4)."""
        from workshop_tui.ui.screens.register import RegisterScreen

        self.push_screen(RegisterScreen())

    def action_follow_up(self) -> None:
        store = self._session_or_warn()
        if store is None:
            return
        if self._is_read_only():
            self.notify(_("This session has ended: it is read-only."), severity="warning")
            return
        from workshop_tui.ui.screens.followup import start_followup

        start_followup(self, store, force=True)

    def start_followup_if_due(self, store: SessionStore) -> None:
        """Show the follow-up review over a session that follows up an unfinished one."""
        if store.session.follow_up_of:
            from workshop_tui.ui.screens.followup import start_followup

            start_followup(self, store)
