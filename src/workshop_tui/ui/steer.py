"""The facilitator's app steers the projector: it saves which view it shows.

Whenever the facilitator's screen changes between the session screen and the plenary, the
view (:data:`workshop_tui.core.projector.VIEW_KEY`) is saved in the session's UI state, next
to the topic the session screen already saves; every projector reads both. Scribes' apps
(locked to a group) and projectors never steer.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen

from workshop_tui.core.i18n import _
from workshop_tui.core.projector import PLENARY_VIEW, TOPIC_VIEW, VIEW_KEY
from workshop_tui.ui.writer import store_writer

#: screens (by class name: the app routes, it does not import screens) and the view each is
SCREEN_VIEWS = {"SessionScreen": TOPIC_VIEW, "PlenaryScreen": PLENARY_VIEW}


def _session_store(app: Any) -> Any:
    current = getattr(app, "current_session", None)  # the app's router
    return current() if callable(current) else None


def save_view(store: Any, view: str) -> None:
    """Save ``view`` unless the session already says so (no saved view means the topic)."""
    if (store.get_state().get(VIEW_KEY) or TOPIC_VIEW) != view:
        store.set_state(**{VIEW_KEY: view})


def steer_projector(app: Any) -> None:
    """Save the facilitator's view each time ``app`` shows another screen."""

    def screen_changed(screen: Screen[Any]) -> None:
        view = SCREEN_VIEWS.get(type(screen).__name__)
        if view is None or getattr(screen, "read_only", False):
            return
        store = getattr(screen, "store", None) or _session_store(app)
        if store is None:
            return
        # soon, not now: opening F2 (or going back) is not held up by a rewrite of the
        # session file, and a quick F2 + Esc saves nothing (the view is as it was)
        store_writer(app).submit_soon(
            "projector-view", _("Projector view"), lambda: save_view(store, view), notify=False
        )

    app.screen_change_signal.subscribe(app, screen_changed)
