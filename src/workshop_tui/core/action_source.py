"""What the action list (F3) shows, read once per store generation.

A filter change or a cursor move must not read the session again: the live actions, every
action's quality warnings and the actions in each sort order (with the values the filters
compare) are kept until the store holds a change (``SessionStore.generation``). Changing a
filter then only picks the kept, already sorted actions that pass it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from workshop_tui.core.action_list import filter_values, passes, sort_key
from workshop_tui.core.model import Entry, EntryKind
from workshop_tui.core.quality import FollowUp, QualityWarning, check_session
from workshop_tui.core.store import SessionStore


class ActionSource:
    """The live actions of ``store`` as the action list shows them (see module docstring).

    ``today`` and ``follow_up`` give what the warnings are judged by (overdue: by the day,
    or by the follow-up session once this one has ended). Reads raise ``StoreError`` when
    the session file cannot be read."""

    def __init__(
        self,
        store: SessionStore,
        today: Callable[[], dt.date],
        follow_up: Callable[[], FollowUp | None],
    ) -> None:
        self.store = store
        self._today = today
        self._follow_up = follow_up
        self._actions: tuple[int, list[Entry]] = (-1, [])
        self._warnings: tuple[int, dict[str, list[QualityWarning]]] = (-1, {})
        #: (generation, sort) → the actions in that order, each with its filter values
        self._ordered: tuple[tuple[int, str], list[tuple[Entry, dict[str, str]]]] = (
            (-1, ""),
            [],
        )

    def actions(self) -> list[Entry]:
        """The session's live actions, in pane order (takes in another process's save)."""
        generation = self.store.sync()
        if generation != self._actions[0]:
            self._actions = (generation, self.store.entries(kind=EntryKind.ACTION))
        return self._actions[1]

    def warnings(self) -> dict[str, list[QualityWarning]]:
        """Every action's quality warnings."""
        generation = self.store.generation
        if generation != self._warnings[0]:
            warnings = check_session(self.store, self._today(), self._follow_up())
            self._warnings = (self.store.generation, warnings)  # after the read: a change
        return self._warnings[1]

    def shown(self, how: str, chosen: dict[str, list[str]]) -> list[Entry]:
        """The actions that pass the filters ``chosen`` (name → the values kept), sorted
        by ``how`` (:data:`workshop_tui.core.action_list.SORTS`)."""
        actions = self.actions()
        key = (self._actions[0], how)
        if self._ordered[0] != key:
            topic_rank = {t.id: i for i, t in enumerate(self.store.session.agenda.topics)}
            ordered = sorted(actions, key=sort_key(how, topic_rank))
            self._ordered = (key, [(e, filter_values(e)) for e in ordered])
        return [entry for entry, values in self._ordered[1] if passes(values, chosen)]
