"""An ``OptionList`` that redraws only the lines that changed.

Textual's ``OptionList`` (8.2.8) repaints every line on screen whenever anything changes:
``set_options`` drops its drawn options, and moving the highlight repaints the whole list. The
session screen's lists change on every key of a live session (a topic or group switch sets
five lists and the topic navigator, a capture appends one entry, ``j``/``k`` move the
highlight), and at 120×40 repainting them was most of what a key cost.

:class:`KeptLinesOptionList` keeps the drawn lines of each option across ``set_options``
(keyed by the option object, the style, the width and its place in the list, so a drawing
is never reused where it would differ: the prompt caches give a changed entry a new
option), and :meth:`~KeptLinesOptionList.replace_options` changes only what differs:

- the same options: nothing is touched (cursor and scroll position stay);
- one or more appended: they are added, the rest stays drawn;
- the same number of options with the same heights (the topic navigator on a topic
  switch, a vote in a pane): changed options are swapped in place and only their lines
  are repainted;
- otherwise: ``set_options``, with the kept drawings reused.

Moving the highlight repaints the lines of the option left and of the option reached only.
Its scrollbar keeps what it drew for each place (:class:`KeptScrollBar`): a switch moves it
between a few, and Textual draws a bar line by line through the whole styling pipeline.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

from textual.cache import LRUCache
from textual.geometry import Region
from textual.reactive import Reactive
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from textual.css.styles import RulesMap

#: drawn options kept per list (a pane of a large session, a few topics' worth)
KEPT_DRAWINGS = 2048
#: drawn bars kept per scrollbar (a few places in each of a few topic × group cells)
KEPT_BARS = 64


class KeptScrollBar(ScrollBar):
    """A scrollbar that keeps its drawn lines by what they show: the bar's colours (its
    state and its list's focus are in them), sizes and position."""

    def render_lines(self, crop: Region) -> list[Strip]:
        bar = self.render()
        if not isinstance(bar, ScrollBarRender):  # no bar drawn (a transparent scrollbar)
            return super().render_lines(crop)
        key = (
            crop,
            self.size,
            bar.virtual_size,
            bar.window_size,
            bar.position,
            bar.thickness,
            bar.vertical,
            bar.style,
        )
        kept: LRUCache[tuple[object, ...], list[Strip]] | None = self.__dict__.get("_kept")
        if kept is None:
            kept = self.__dict__["_kept"] = LRUCache(KEPT_BARS)
        lines = kept.get(key)
        if lines is None:
            lines = super().render_lines(crop)
            kept.set(key, lines)
        return lines


class KeptScrollBars(Widget):
    """A widget whose scrollbars are :class:`KeptScrollBar`s: Textual's own, made so
    (``Widget.vertical_scrollbar`` / ``horizontal_scrollbar``, 8.2.8). A second base, after
    the widget class: Textual takes a widget's CSS and component classes from its first."""

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        if self._vertical_scrollbar is None:
            self._vertical_scrollbar = self._kept_bar(True, self.scrollbar_size_vertical)
        return self._vertical_scrollbar

    @property
    def horizontal_scrollbar(self) -> ScrollBar:
        if self._horizontal_scrollbar is None:
            self._horizontal_scrollbar = self._kept_bar(False, self.scrollbar_size_horizontal)
        return self._horizontal_scrollbar

    def _kept_bar(self, vertical: bool, thickness: int) -> ScrollBar:
        name = "vertical" if vertical else "horizontal"
        bar = KeptScrollBar(vertical=vertical, name=name, thickness=thickness)
        bar.display = False
        self.app._start_widget(self, bar)
        return bar


class KeptLinesOptionList(OptionList, KeptScrollBars):
    """See the module docstring."""

    #: a repaint of the two options concerned (see ``_watch_highlighted``), not of the list
    highlighted: Reactive[int | None] = Reactive(None, repaint=False)

    @property
    def _kept(self) -> LRUCache[tuple[object, ...], list[Strip]]:
        kept: LRUCache[tuple[object, ...], list[Strip]] | None = self.__dict__.get("_kept_drawings")
        if kept is None:
            kept = self.__dict__["_kept_drawings"] = LRUCache(KEPT_DRAWINGS)
        return kept

    def _get_option_render(self, option: Option, style: Style) -> list[Strip]:
        padding = self.get_component_styles("option-list--option").padding
        key = (
            option,
            style,
            self.scrollable_content_region.width,
            self._option_to_index.get(option),  # the click target is drawn into the line
            option._divider,
            padding,
        )
        kept = self._kept
        strips = kept.get(key)
        if strips is None:
            # Textual's own drawing of it may carry another place (an option swapped in
            # where another one was): drawn anew
            self._option_render_cache.discard((option, style, padding))
            strips = super()._get_option_render(option, style)
            kept.set(key, strips)
        return strips

    def forget_drawings(self) -> None:
        """Drop every kept drawing (what an option draws has changed without a new
        option: a language or theme switch)."""
        self._kept.clear()
        self._clear_caches()

    def _watch_highlighted(self, old: int | None, new: int | None) -> None:
        for index in (old, new):
            self._repaint_option(index)

    def _repaint_option(self, index: int | None) -> None:
        if index is None or not self.is_mounted or index >= self.option_count:
            return
        line = self._index_to_line.get(index)
        if line is None:
            self.refresh()
            return
        height = self._heights.get(index, 1)
        top = line - self.scroll_offset.y
        self.refresh(Region(0, top, self.scrollable_content_region.width, height))

    def replace_options(self, options: Sequence[Option]) -> bool:
        """Show ``options``, redrawing only what changed (see the module docstring).
        False when they are the options shown (nothing touched: cursor and scroll kept)."""
        shown = self.options
        same_length = len(options) == len(shown)
        if same_length and all(a is b for a, b in zip(options, shown, strict=True)):
            return False
        if not self.is_mounted or not self.scrollable_content_region:
            self.set_options(options)
        elif len(options) > len(shown) and all(
            a is b for a, b in zip(options, shown, strict=False)
        ):
            self.add_options(options[len(shown) :])
        elif not (same_length and self._swap_in_place(options)):
            self.set_options(options)
        return True

    def _swap_in_place(self, options: Sequence[Option]) -> bool:
        """Swap changed options of equal height in place; False when one's height differs
        or an id would be taken twice (then the caller sets them all)."""
        shown = self.options
        changed = [i for i, (a, b) in enumerate(zip(options, shown, strict=True)) if a is not b]
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        padding = self.get_component_styles("option-list--option").padding
        heights = self._heights
        rules = cast("RulesMap", self.styles)
        for index in changed:
            option = options[index]
            if option._divider or shown[index]._divider:
                return False
            height = self._get_visual(option).get_height(rules, width - padding.width)
            if height != heights.get(index):
                return False
        changed_set = set(changed)
        new_ids = {i for i in (options[c].id for c in changed) if i is not None}
        old_ids = {i for i in (shown[c].id for c in changed) if i is not None}
        unchanged_ids = {o.id for i, o in enumerate(shown) if i not in changed_set}
        if new_ids & unchanged_ids:
            return False
        # all the old ones out before the new ones in: a reordering moves an option that
        # is both (taken out at one place, put in at another)
        for index in changed:
            self._option_to_index.pop(shown[index], None)
        for option_id in old_ids:
            self._id_to_option.pop(option_id, None)
        for index in changed:
            option = self._options[index] = options[index]
            self._option_to_index[option] = index
            if option.id is not None:
                self._id_to_option[option.id] = option
        for index in changed:
            self._repaint_option(index)
        return True
