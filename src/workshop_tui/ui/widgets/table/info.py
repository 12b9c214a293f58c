"""A title line or detail box beside a table that changes on every filter keystroke.

``Static.update`` asks for a layout of the whole screen each time (15–25 ms with a table of
the history on it, more than the rest of the keystroke). :class:`InfoBox` redraws in place and
asks for a layout only when the number of lines it takes changes.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

_NOTHING = object()


class InfoBox(Static):
    """A :class:`Static` whose :meth:`show` skips what is already shown and lays the screen
    out again only when its height changes."""

    def __init__(self, content: Text | str = "", *, id: str | None = None) -> None:
        super().__init__(content, id=id, markup=False)
        self._shown: object = _NOTHING

    def show(self, content: Text | str) -> None:
        """Show ``content`` (a Rich ``Text`` or plain text, no markup)."""
        if content == self._shown:
            return
        self._shown = content.copy() if isinstance(content, Text) else content
        width, before = self.content_region.width, self.content_region.height
        self.update(content, layout=False)
        if not self.is_mounted or width <= 0 or self._height_changes(width, before):
            self.refresh(layout=True)

    def _height_changes(self, width: int, before: int) -> bool:
        height = self.styles.height
        if height is not None and not height.is_auto:
            return False  # a fixed height (the title line): the text never moves anything
        wanted = self.get_content_height(self.size, self.size, width)
        limit = self.styles.max_height
        if limit is not None and limit.is_cells:
            wanted = min(wanted, int(limit.value) - self.styles.gutter.height)
        return wanted != before
