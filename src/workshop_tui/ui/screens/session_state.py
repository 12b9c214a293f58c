"""Where the facilitator is, kept in the session file: the topic, group and pane, the toggles,
the panes sorted by votes, the timers and the unsent drafts (the screen's UI state).

A scribe's laptop (locked to one group) keeps its own under its own key, so that several
laptops sharing one session file never move the facilitator. Saving goes through the app's
writer like every change; after a run of switches only the newest is written
(``StoreWriter.submit_soon``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workshop_tui.core.i18n import _
from workshop_tui.core.store import SessionStore, StoreError

if TYPE_CHECKING:
    from workshop_tui.ui.screens.session import SessionScreen


def scribe_key(group: str) -> str:
    return f"scribe:{group}"


def load_state(store: SessionStore, locked_group: str | None) -> dict[str, Any]:
    """The saved UI state; a scribe's laptop (locked group) keeps its own under its key,
    starting from the facilitator's topic and timers the first time."""
    try:
        state = store.get_state()
    except StoreError:
        return {}
    if locked_group:
        own = state.get(scribe_key(locked_group))
        return {**state, **own} if isinstance(own, dict) else dict(state)
    return state


class StateSaver:
    """Saves one session screen's UI state (see module docstring)."""

    def __init__(self, screen: SessionScreen) -> None:
        self.screen = screen
        self._error_shown = False

    def save(self, *, soon: bool = False, **extra: Any) -> None:
        """Save where the facilitator is (best effort: one notification if it fails); with
        ``soon``, once a run of switches has stopped (StoreWriter.submit_soon)."""
        screen = self.screen
        if screen.read_only:
            return
        state = {
            "topic": screen.topic_id,
            "group": screen.group,
            "pane": screen.current_kind.value,
            "show_extra": screen.show_extra,
            "show_info": screen.show_info,
            "sorted_by_votes": sorted(screen.sorted_kinds),
            "timers": screen.timers.to_dict(),
            "drafts": screen.drafts.to_state(),
            **extra,
        }
        store = screen.store
        locked = screen.locked_group
        saved_as = {scribe_key(locked): state} if locked else state

        def failed(err: Exception) -> None:
            if not self._error_shown:
                self._error_shown = True
                screen.notify(
                    _("Could not save the screen position: {error}").format(error=err),
                    severity="error",
                    timeout=12,
                )

        # queued with the captures: a slow disk never stalls switching topics or groups
        change, what = (lambda: store.set_state(**saved_as)), _("Screen position")
        writer = screen.writer
        if soon:
            writer.submit_soon("position", what, change, failed=failed, owner=screen)
            return
        writer.cancel_soon("position")  # this one is newer
        writer.submit(what, change, failed=failed, owner=screen, notify=False)
