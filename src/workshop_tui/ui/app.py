"""The Textual application: owns the store and opens the start or the session screen."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import Any, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from workshop_tui.core.store import SessionStore, Store, StoreError
from workshop_tui.ui.commands import WorkshopCommands
from workshop_tui.ui.keys import route_escape_digits_to_panes
from workshop_tui.ui.screens.navigation import REVIEW_BINDINGS, ReviewActions

#: a clock returns monotonic seconds; tests inject a fake one (timers read it)
Clock = Callable[[], float]

LIGHT_THEME = "textual-light"
DARK_THEME = "textual-dark"


class WorkshopApp(ReviewActions, App[int]):
    """Workshop facilitation app.

    ``store`` is injected (tests pass a store on a temp dir). With ``session_id`` the session
    screen opens directly; without it the start screen lists agendas and sessions. ``group``
    locks this laptop to one breakout group (a scribe's laptop).
    """

    TITLE = "Workshop"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {WorkshopCommands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+q",
            "quit",
            "Quit",
            id="app.quit",
            priority=True,
            show=False,
            tooltip="Quit (everything is already saved)",
        ),
        Binding("f1", "help", "Help", id="app.help", tooltip="Show/close this list of keys"),
        Binding(
            "ctrl+t",
            "toggle_theme",
            "Light/dark",
            id="app.toggle_theme",
            show=False,
            tooltip="Switch between the light and dark theme",
        ),
    ]
    BINDINGS = [*BINDINGS, *REVIEW_BINDINGS]  # plenary, actions, sessions, search, follow-up

    def __init__(
        self,
        store: Store,
        session_id: str | None = None,
        group: str | None = None,
        clock: Clock | None = None,
        today: Callable[[], dt.date] | None = None,
    ) -> None:
        super().__init__()
        route_escape_digits_to_panes()
        self.store = store
        self.initial_session_id = session_id
        self.locked_group = group
        self.clock: Clock = clock or time.monotonic
        #: today's date for due-date checks; tests inject a fixed one
        self.today: Callable[[], dt.date] = today or dt.date.today

    def get_default_screen(self) -> Screen[Any]:
        # The start screen is the bottom of the stack itself (pushing it over Textual's blank
        # default screen mounted and laid out one screen more at start-up).
        from workshop_tui.ui.screens.start import StartScreen

        return StartScreen()

    def on_mount(self) -> None:
        if self.initial_session_id:
            self.open_session(self.initial_session_id, group=self.locked_group)

    # -- navigation ------------------------------------------------------------------------
    def open_session(
        self, session_id: str, *, group: str | None = None, read_only: bool | None = None
    ) -> None:
        """Open the session screen for ``session_id`` (a notification when it cannot be read).

        ``read_only`` None: read-only when the session has ended.
        """
        from workshop_tui.ui.screens.session import SessionScreen

        try:
            session_store: SessionStore = self.store.open_session(session_id)
            session = session_store.session
        except StoreError as err:
            self.notify(str(err), title="Cannot open session", severity="error", timeout=10)
            return
        if not session.agenda.topics:
            self.notify(
                f"“{session.title}” has no topics in its agenda: nothing to capture.",
                title="Cannot open session",
                severity="error",
                timeout=10,
            )
            return
        if read_only is None:
            read_only = bool(session.ended)
            if read_only:
                self.notify(
                    f"“{session.title}” has ended: it opens read-only (f4 can reopen it).",
                    timeout=6,
                )
        self.push_screen(
            SessionScreen(session_store, group=group, read_only=read_only, clock=self.clock)
        )
        if not read_only:
            self.start_followup_if_due(session_store)

    # -- actions ---------------------------------------------------------------------------
    def action_help(self) -> None:
        from workshop_tui.ui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
            return
        self.push_screen(HelpScreen(self.screen))

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT_THEME if self.current_theme.dark else DARK_THEME
