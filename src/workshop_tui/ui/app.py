"""The Textual application: owns the store and opens the start or the session screen."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from workshop_tui.core.store import SessionStore, Store, StoreError
from workshop_tui.ui.commands import WorkshopCommands

#: a clock returns monotonic seconds; tests inject a fake one (timers read it)
Clock = Callable[[], float]

LIGHT_THEME = "textual-light"
DARK_THEME = "textual-dark"


class WorkshopApp(App[int]):
    """Workshop facilitation app.

    ``store`` is injected (tests pass a store on a temp dir). With ``session_id`` the session
    screen opens directly; without it the start screen lists agendas and sessions. ``group``
    locks this laptop to one breakout group (a scribe's laptop).
    """

    TITLE = "Workshop"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {WorkshopCommands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True),
        Binding("f1", "help", "Help", id="app.help"),
        Binding("ctrl+t", "toggle_theme", "Light/dark", id="app.toggle_theme", show=False),
    ]

    def __init__(
        self,
        store: Store,
        session_id: str | None = None,
        group: str | None = None,
        clock: Clock | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.initial_session_id = session_id
        self.locked_group = group
        self.clock: Clock = clock or time.monotonic

    def on_mount(self) -> None:
        from workshop_tui.ui.screens.start import StartScreen

        self.push_screen(StartScreen())
        if self.initial_session_id:
            self.open_session(self.initial_session_id, group=self.locked_group)

    # -- navigation ------------------------------------------------------------------------
    def open_session(
        self, session_id: str, *, group: str | None = None, read_only: bool = False
    ) -> None:
        """Open the session screen for ``session_id`` (a notification when it cannot be read)."""
        from workshop_tui.ui.screens.session import SessionScreen

        try:
            session_store: SessionStore = self.store.open_session(session_id)
            session_store.session  # noqa: B018 - read now so a corrupt file is reported here
        except StoreError as err:
            self.notify(str(err), title="Cannot open session", severity="error", timeout=10)
            return
        self.push_screen(
            SessionScreen(session_store, group=group, read_only=read_only, clock=self.clock)
        )

    # -- actions ---------------------------------------------------------------------------
    def action_help(self) -> None:
        from workshop_tui.ui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
            return
        self.push_screen(HelpScreen(self.screen))

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT_THEME if self.current_theme.dark else DARK_THEME
