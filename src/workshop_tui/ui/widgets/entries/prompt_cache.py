"""Entry prompts kept drawn across switches: a pane's options, keyed by what they show.

An ``OptionList`` measures the height of every option (by rendering it) whenever its options
are set, and renders the visible ones again; ``set_options`` drops both caches. A topic or
group switch sets every pane's options, so a pane of a large session re-rendered dozens of
unchanged prompts on every key. Here each prompt is an :class:`Option` whose visual keeps
its heights (per width) and its drawn lines (per width and style), and the pane keeps those
options in an LRU keyed by *what is drawn*: the entry's id, its label and the full text of
its body with its styles (votes, links, backlinks, action fields and the UI language are
all in that text). An edit, a vote, a link, another laptop's change or a language switch
therefore changes the key, and the stale drawing is never looked up again (it ages out).

The heights and drawings of entry prompts are also kept for the whole process, by that same
key (:data:`SHARED`, for the session last opened): a session screen opened again (from the
start screen, after a language switch) builds new lists, and measuring and drawing a 2,000-entry session's visible
cells again was most of what opening it cost beyond the 200-entry one. A drawing depends on
the key, the width, the height and the base style only: every entry list has the same CSS
(its text alignment and link style are what Textual's ``post_render`` adds), and no widget is
kept in it.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

from rich.console import RenderableType
from textual.cache import LRUCache
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, RichVisual
from textual.widgets.option_list import Option

from workshop_tui.ui.widgets.entries.render import EntryPrompt

if TYPE_CHECKING:
    from textual.css.styles import RulesMap
    from textual.widget import Widget

#: options a pane keeps (every entry of a kind in a large session fits; a few MB at most)
CACHE_SIZE = 1024
#: drawings one prompt keeps (normal, highlighted, hovered × a width or two)
STRIPS_PER_PROMPT = 8
#: entry prompts' drawings kept for the process (a few MB at most) and their heights
SHARED_DRAWINGS = 2048
SHARED_HEIGHTS = 16384


class SharedDrawings:
    """Entry prompts' heights and drawings by what they draw, for every list of the
    process (see the module docstring)."""

    def __init__(self) -> None:
        self.heights: LRUCache[tuple[Hashable, int], int] = LRUCache(SHARED_HEIGHTS)
        self.strips: LRUCache[tuple[Hashable, int, int | None, Style], list[Strip]] = LRUCache(
            SHARED_DRAWINGS
        )
        #: the session whose prompts are kept (see follow)
        self.session_id = ""

    def clear(self) -> None:
        self.heights.clear()
        self.strips.clear()

    def follow(self, session_id: str) -> None:
        """A session screen opens for ``session_id``: what another session's prompts drew
        is let go (opened again, the same session draws from here; a walk through old
        sessions in review keeps only the last one's drawings)."""
        if session_id != self.session_id:
            self.clear()
            self.session_id = session_id


SHARED = SharedDrawings()


class CachedVisual(RichVisual):
    """A ``RichVisual`` that remembers what it measured and drew.

    For a renderable that never changes (a changed entry gets a new prompt, see the module
    docstring) and whose drawing depends only on the width and the base style it is given
    (and on the widget, which is always the same list)."""

    def __init__(
        self, widget: Widget, renderable: RenderableType, key: Hashable | None = None
    ) -> None:
        super().__init__(widget, renderable)
        self._heights: dict[int, int] = {}
        self._strips: dict[tuple[int, int | None, Style], list[Strip]] = {}
        #: what it draws (an entry prompt's key): heights and drawings shared by that key
        self._key = key

    @property
    def renderable(self) -> RenderableType:
        """What is drawn (an :class:`EntryPrompt` in a pane)."""
        return self._renderable

    def get_height(self, rules: RulesMap, width: int) -> int:
        height = self._heights.get(width)
        if height is None and self._key is not None:
            height = SHARED.heights.get((self._key, width))
        if height is None:
            renderable = self._renderable
            if isinstance(renderable, EntryPrompt):  # counted without drawing it
                height = renderable.height(self._widget.app.console, width)
            else:
                height = super().get_height(rules, width)
            if self._key is not None:
                SHARED.heights.set((self._key, width), height)
        self._heights[width] = height
        return height

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        if options.selection is not None:  # text being selected with the mouse: as drawn now
            return super().render_strips(width, height, style, options)
        key = (width, height, style)
        strips = self._strips.get(key)
        if strips is None:
            if len(self._strips) >= STRIPS_PER_PROMPT:
                self._strips.clear()
            shared_key = None if self._key is None else (self._key, width, height, style)
            if shared_key is not None:
                strips = SHARED.strips.get(shared_key)
            if strips is None:
                strips = super().render_strips(width, height, style, options)
                if shared_key is not None:
                    SHARED.strips.set(shared_key, strips)
            self._strips[key] = strips
        return strips


def prompt_key(entry_id: str, prompt: EntryPrompt) -> Hashable:
    """Everything that decides how a prompt is drawn (the text and its styles)."""
    label, body = prompt.cells
    return (
        entry_id,
        label.plain,
        str(label.style),
        body.plain,
        str(body.style),
        tuple(body.spans),
    )


class PromptCache:
    """A pane's options by what they draw (see module docstring)."""

    def __init__(self, widget: Widget, size: int = CACHE_SIZE) -> None:
        self.widget = widget
        self._options: LRUCache[Hashable, Option] = LRUCache(size)

    def option(self, entry_id: str, prompt: EntryPrompt) -> Option:
        """The option drawing ``prompt`` for ``entry_id``: the one kept, or a new one."""
        key = prompt_key(entry_id, prompt)
        option = self._options.get(key)
        if option is None:
            option = Option(CachedVisual(self.widget, prompt, key), id=entry_id)
            self._options.set(key, option)
        return option

    def clear(self) -> None:
        self._options.clear()

    def __len__(self) -> int:
        return len(self._options)
