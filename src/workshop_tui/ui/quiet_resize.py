"""A screen that is not laid out twice when it opens.

Textual (8.2.8) sends a screen a ``Resize`` when its first layout is done, and the screen
answers it by laying itself out again (``Screen._screen_resized``) at the size it has just
been laid out at: a second full layout and a full repaint of every widget. On a 2,000-entry
session that was 15–20 ms of opening the session screen (measured), for nothing.

:class:`QuietResizeScreen` skips a "resize" to the size its compositor was last laid out at;
a real resize (another size), a resume after one (``Screen._on_screen_resume`` compares the
sizes itself) and any pending layout (it runs on the screen's update timer anyway) are as
before.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.screen import Screen


class QuietResizeScreen(Screen[None]):
    """See the module docstring."""

    def _screen_resized(self, size: Size) -> None:
        if self.is_attached and self._compositor.size == size:
            return  # laid out at this size already
        super()._screen_resized(size)
