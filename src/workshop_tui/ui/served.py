"""Served and projector apps: what they may not do, and what sits under their session.

An app that ``workshop-tui serve`` starts for a browser runs with ``served=True``: it shows
the served session and nothing else of the laptop — no start screen (agendas, a typed path,
other sessions), no sessions browser, search across sessions or follow-up of an earlier
session, no bundle import from the laptop's files; the export dialog hands the file to the
browser as a download (:mod:`workshop_tui.ui.screens.export_download`). A projector app is
read-only and steered by the facilitator.

A screen that reads other sessions or the laptop's files must list its action here.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Static

from workshop_tui.core.i18n import N_, _
from workshop_tui.core.store import StoreError

#: actions that would reach other sessions or this laptop's files
SERVED_BLOCKED_ACTIONS = frozenset(
    {"sessions", "search", "register", "compare", "follow_up", "import_bundles"}
)
#: a projector only shows: none of the review screens either
PROJECTOR_BLOCKED_ACTIONS = SERVED_BLOCKED_ACTIONS | {"plenary", "action_list"}


#: a scribe's browser (served, locked to a group) may not end the session for everyone
SCRIBE_BLOCKED_ACTIONS = frozenset({"end_session"})


def allows(app: Any, action: str) -> bool:
    """May ``app`` run ``action`` (an app or screen action name)?"""
    if getattr(app, "projector", False) and action in PROJECTOR_BLOCKED_ACTIONS:
        return False
    scribe = getattr(app, "served", False) and getattr(app, "locked_group", None)
    if scribe and action in SCRIBE_BLOCKED_ACTIONS:
        return False
    return not (getattr(app, "served", False) and action in SERVED_BLOCKED_ACTIONS)


def is_served(app: Any) -> bool:
    return bool(getattr(app, "served", False))


class ServedHomeScreen(Screen[None]):
    """Under the session screen of a served app (instead of the start screen): leaving the
    session comes here, and Enter goes back."""

    DEFAULT_CSS = """
    ServedHomeScreen { align: center middle; }
    ServedHomeScreen #served-home { width: auto; max-width: 70; height: auto; padding: 1 2;
        border: round $primary; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "reopen", N_("Open the session"), id="served.reopen"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(
            _("This browser tab shows one session. Press Enter to open it again."),
            id="served-home",
            markup=False,
        )

    def action_reopen(self) -> None:
        app: Any = self.app
        if app.initial_session_id:
            app.open_session(app.initial_session_id, group=app.locked_group)


def default_screen(app: Any) -> Screen[Any]:
    """The bottom screen of a served or projector app."""
    if getattr(app, "projector", False) and app.initial_session_id:
        from workshop_tui.ui.screens.projector import ProjectorScreen

        try:
            return ProjectorScreen(app.store.open_session(app.initial_session_id))
        except StoreError as err:
            app.call_later(app.notify, str(err), severity="error", timeout=12)
    return ServedHomeScreen()
