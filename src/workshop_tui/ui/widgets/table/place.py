"""The place kept in a history view (sessions browser, action register, search): its filters,
sort and highlighted row, saved in the preferences when the view is left (a session opened
from it, or the app quits) and read back when it opens — in this run or the next."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.css.query import NoMatches


class KeptPlace:
    """Mix into a :class:`~textual.screen.Screen` before it: ``PLACE_KEY`` names the preference,
    :meth:`place` says what the place is now. Call :meth:`remember_place` whenever it changes
    (what is saved if the widgets are already gone when the screen is removed)."""

    PLACE_KEY: ClassVar[str]
    app: Any

    def read_place(self) -> dict[str, Any]:
        """The place saved last ({} without one, or before the screen has an app)."""
        try:
            prefs = self.app.store.prefs
        except Exception:  # noqa: BLE001 - no app yet (a unit test): nothing kept
            return {}
        place: dict[str, Any] = prefs.get(self.PLACE_KEY, {}, dict)
        self._kept_place = place
        return place

    def place(self) -> dict[str, Any]:
        raise NotImplementedError

    def remember_place(self) -> None:
        self._latest_place = self.place()

    def save_place(self) -> None:
        """Save the place if it changed since it was read or saved."""
        try:
            place = self.place()
        except NoMatches:  # being removed (the app quits): what was shown last
            place = getattr(self, "_latest_place", {})
        if place and place != getattr(self, "_kept_place", None):
            self._kept_place = place
            self.app.store.prefs.set(self.PLACE_KEY, place)

    def on_screen_suspend(self) -> None:
        self.save_place()

    def on_unmount(self) -> None:
        self.save_place()
