"""A screen under an opaque screen is not drawn (Textual 8.2.8 draws it, then the top one).

Textual's ``App._background_screens`` lists the screen right under the top one as "may be
visible" whatever the top screen's background. When that covered screen handles any message
(the session screen under F2 or F3: its disk poll every 1.5 s, its timers), it repaints its
whole region on the top screen, and marks itself for a repaint again each time
(``Screen._compositor_refresh``): two full repaints of the plenary or the action list, 5-10 ms
of CPU, every 1.5 s, landing in whatever key the facilitator is typing. Under an opaque top
screen nothing below can be seen, so none is listed. A screen that is not listed is laid
out and drawn again when it is shown (``Screen._on_screen_resume``), as any screen deeper
in the stack. ``tests/functional/test_covered_screens.py`` pins the Textual behaviour.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import events

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

    _AppBase = App[Any]
else:
    _AppBase = object


class CoveredScreensHidden(_AppBase):
    """App mixin: no background screens under an opaque top screen."""

    @property
    def _background_screens(self) -> list[Screen[Any]]:
        if self._top_is_opaque():
            return []
        return super()._background_screens  # type: ignore[misc, no-any-return]

    def _top_is_opaque(self) -> bool:
        stack = self._screen_stack
        return bool(stack) and stack[-1].styles.background.a == 1

    def on_resize(self, event: events.Resize) -> None:
        """The screen right under an opaque one hears of a new terminal size, as Textual
        tells its background screens (a deeper one lays itself out when it is shown)."""
        stack = self._screen_stack
        if len(stack) > 1 and self._top_is_opaque():
            stack[-2].post_message(
                events.Resize(event.size, event.virtual_size, event.container_size)
            )
