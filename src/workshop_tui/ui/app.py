"""The Textual application: owns the store and opens the start or the session screen."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from workshop_tui.core.i18n import (
    N_,
    _,
    available_languages,
    current_language,
    language_name,
    set_language,
    ui_language,
)
from workshop_tui.core.store import SessionStore, Store, StoreError
from workshop_tui.ui.commands import WorkshopCommands
from workshop_tui.ui.covered import CoveredScreensHidden
from workshop_tui.ui.keys import KeysInOrder, route_escape_digits_to_panes
from workshop_tui.ui.router import REVIEW_BINDINGS, Router
from workshop_tui.ui.screens.help import HelpScreen
from workshop_tui.ui.screens.start import StartScreen
from workshop_tui.ui.textual_leaks import release_on_screen_change
from workshop_tui.ui.translate import (
    Footer,
    TranslatedCommandPalette,
    translated_system_commands,
)

#: a clock returns monotonic seconds; tests inject a fake one (timers read it)
Clock = Callable[[], float]

#: the preference that remembers the language chosen in the app
LANGUAGE_PREF = "ui.language"
#: screens rebuilt by their app action when the language changes while they are on top
#: (the start, session and help screens re-word themselves: ``language_changed``)
REOPENED_ON_LANGUAGE = {
    "PlenaryScreen": "plenary",
    "ActionsScreen": "action_list",
    "SessionsScreen": "sessions",
    "SearchScreen": "search",
    "FollowUpScreen": "follow_up",
}

LIGHT_THEME = "textual-light"
DARK_THEME = "textual-dark"


class WorkshopApp(KeysInOrder, Router, CoveredScreensHidden, App[int]):
    """Workshop facilitation app.

    ``store`` is injected (tests pass a store on a temp dir). With ``session_id`` the session
    screen opens directly; without it the start screen lists agendas and sessions. ``group``
    locks this laptop to one breakout group (a scribe's laptop).
    """

    TITLE = N_("Workshop")
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {WorkshopCommands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+q",
            "quit",
            N_("Quit"),
            id="app.quit",
            priority=True,
            show=False,
            tooltip=N_("Quit (everything is already saved)"),
        ),
        Binding(
            "f1", "help", N_("Help"), id="app.help", tooltip=N_("Show/close this list of keys")
        ),
        Binding(
            "ctrl+t",
            "toggle_theme",
            N_("Light/dark"),
            id="app.toggle_theme",
            show=False,
            tooltip=N_("Switch between the light and dark theme"),
        ),
        Binding(
            "f9",
            "next_language",
            N_("Language"),
            id="app.language",
            show=False,
            tooltip=N_("Switch the language of the app (English, Bahasa Indonesia)"),
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
        language: str | None = None,
        served: bool = False,
        projector: bool = False,
    ) -> None:
        super().__init__()
        route_escape_digits_to_panes()
        if served:
            # a browser tab: its choices stay in this process, not in the laptop's prefs.json
            from workshop_tui.core.prefs import TabPreferences

            store.prefs = TabPreferences(store.prefs_path)
        self.store = store
        self.initial_session_id = session_id
        self.locked_group = group
        self.clock: Clock = clock or time.monotonic
        #: today's date for due-date checks; tests inject a fixed one
        self.today: Callable[[], dt.date] = today or dt.date.today
        #: ``--lang`` beats the language remembered from an earlier run (core.i18n.ui_language)
        set_language(ui_language(language, store.prefs.get(LANGUAGE_PREF, None, str)))
        #: started by ``workshop-tui serve`` for a browser: the served session only, no
        #: file of this machine (see ui/served.py)
        self.served = served
        #: the read-only projector view, steered by the facilitator's app
        self.projector = projector
        self.title = _(self.TITLE)

    def get_default_screen(self) -> Screen[Any]:
        # The start screen is the bottom of the stack itself (pushing it over Textual's blank
        # default screen mounted and laid out one screen more at start-up).
        if self.served or self.projector:
            from workshop_tui.ui.served import default_screen

            return default_screen(self)
        return StartScreen()

    def on_mount(self) -> None:
        release_on_screen_change(self)
        if not self.projector and not self.locked_group:
            from workshop_tui.ui.steer import steer_projector

            steer_projector(self)
        if self.initial_session_id and not self.projector:
            self.open_session(self.initial_session_id, group=self.locked_group)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        from workshop_tui.ui.served import allows

        return allows(self, action)

    # -- navigation ------------------------------------------------------------------------
    def open_session(
        self, session_id: str, *, group: str | None = None, read_only: bool | None = None
    ) -> None:
        """Open the session screen for ``session_id`` (a notification when it cannot be read).

        ``read_only`` None: read-only when the session has ended.
        """
        try:
            session_store: SessionStore = self.store.open_session(session_id)
            session = session_store.session
        except StoreError as err:
            self.notify(str(err), title=_("Cannot open session"), severity="error", timeout=10)
            return
        if not session.agenda.topics:
            self.notify(
                _("“{title}” has no topics in its agenda: nothing to capture.").format(
                    title=session.title
                ),
                title=_("Cannot open session"),
                severity="error",
                timeout=10,
            )
            return
        if read_only is None:
            read_only = bool(session.ended)
            if read_only:
                self.notify(
                    _("“{title}” has ended: it opens read-only (f4 can reopen it).").format(
                        title=session.title
                    ),
                    timeout=6,
                )
        self.open_session_screen(session_store, group=group, read_only=read_only, clock=self.clock)
        if not read_only and not self.served:
            self.start_followup_if_due(session_store)

    # -- actions ---------------------------------------------------------------------------
    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
            return
        self.push_screen(HelpScreen(self.screen))

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT_THEME if self.current_theme.dark else DARK_THEME

    def action_command_palette(self) -> None:
        # Textual's palette with its placeholder and "No matches found" translated
        if self.use_command_palette and not TranslatedCommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(TranslatedCommandPalette(id="--command-palette"))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from translated_system_commands(super().get_system_commands(screen))
        for language in available_languages():
            if language != current_language():
                yield SystemCommand(
                    _("Language: {name}").format(name=language_name(language)),
                    _("Show the app in {name} (remembered)").format(name=language_name(language)),
                    partial(self.switch_language, language),
                )

    # -- language --------------------------------------------------------------------------
    def action_next_language(self) -> None:
        """Switch to the next language with a catalog (English ↔ Bahasa Indonesia)."""
        languages = available_languages()
        current = current_language()
        index = languages.index(current) if current in languages else -1
        self.switch_language(languages[(index + 1) % len(languages)])

    def switch_language(self, language: str) -> None:
        """Show the app in ``language`` at once and remember it (``ui.language``)."""
        used = set_language(language)
        self.store.prefs.set(LANGUAGE_PREF, used)  # a browser tab's stays in its process
        self.title = _(self.TITLE)
        top = self.screen
        reopen = REOPENED_ON_LANGUAGE.get(type(top).__name__)
        if reopen is not None and len(self.screen_stack) > 1:
            # a review screen is built in one go: build it again, in the new language
            self.pop_screen()
            self.call_later(self.run_action, reopen)
        for screen in list(self.screen_stack):
            if screen is top and reopen is not None:
                continue
            # each screen re-renders its own words (its Footer and help follow the bindings)
            hook = getattr(screen, "language_changed", None)
            if callable(hook):
                screen.call_later(hook)
            for widget in screen.query("*"):
                widget_hook = getattr(widget, "language_changed", None)
                if callable(widget_hook):
                    widget_hook()  # words set once (a border title, a placeholder)
                widget.refresh()  # widgets that word their content in render()
            for footer in screen.query(Footer):
                footer.refresh(recompose=True)
            screen.refresh_bindings()
        self.notify(_("Language: {name}").format(name=language_name(used)), timeout=3)
