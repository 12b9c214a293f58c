"""The list of topics: number, title, timebox and C/S/A counts for the current group."""

from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len, chop_cells
from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from workshop_tui.core.agenda import Topic
from workshop_tui.core.i18n import N_, _
from workshop_tui.ui.widgets.entries.fit import remeasure_options
from workshop_tui.ui.widgets.entries.prompt_cache import CachedVisual
from workshop_tui.ui.widgets.kept_lines import KeptLinesOptionList


def wrap_title(title: str, width: int) -> list[str]:
    """``title`` in lines of at most ``width`` cells, broken at spaces and after hyphens.

    ``Information-sharing among customs officers`` at 14 cells is ``Information-`` /
    ``sharing among`` / ``customs officers``, not ``Information-…`` (Rich only breaks at
    spaces). A piece longer than a line (text without spaces) is folded.
    """
    lines: list[str] = []
    line = ""
    for word in title.split():
        for index, piece in enumerate(re.split(r"(?<=-)(?=[^-])", word)):
            joined = (line + " " + piece) if line and index == 0 else line + piece
            if cell_len(joined) <= width:
                line = joined
                continue
            if line:
                lines.append(line)
            chunks = chop_cells(piece, max(width, 1))
            lines.extend(chunks[:-1])
            line = chunks[-1]
    if line or not lines:
        lines.append(line)
    return lines


class HyphenWrapped:
    """A Rich renderable: a title wrapped by :func:`wrap_title` at the width it is given."""

    def __init__(self, text: str, style: str = "") -> None:
        self.text = text
        self.style = style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in wrap_title(self.text, options.max_width):
            yield Text(line, self.style)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        pieces = re.split(r"\s+|(?<=-)", self.text)
        longest = max((cell_len(piece) for piece in pieces), default=1)
        return Measurement(min(longest, options.max_width), cell_len(self.text))


@dataclass(frozen=True)
class TopicCounts:
    challenges: int = 0
    solutions: int = 0
    actions: int = 0


class TopicNavigator(KeptLinesOptionList):
    """Enter or a click opens the highlighted topic."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "select",
            N_("Open topic"),
            id="topics.open",
            tooltip=N_("Open the highlighted topic (a click too)"),
        ),
    ]

    @dataclass
    class TopicChosen(Message):
        topic_id: str

    def __init__(self, topics: tuple[Topic, ...], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.topics = topics
        self.current: str = topics[0].id if topics else ""
        self.counts: dict[str, TopicCounts] = {}
        #: options by what they show (see _option); every topic × a few groups' counts
        self._options_by_key: LRUCache[Hashable, Option] = LRUCache(max(64, 8 * len(topics)))

    def on_mount(self) -> None:
        self.border_title = _("Topics")

    def language_changed(self) -> None:
        self.border_title = _("Topics")
        self._options_by_key.clear()  # a prompt in words of the old language (none today)
        self._render_topics()

    def watch_show_vertical_scrollbar(self) -> None:
        remeasure_options(self)  # a scrollbar that comes later would cut wrapped titles

    def update(self, current: str, counts: dict[str, TopicCounts]) -> None:
        """Show ``current`` as the open topic and refresh the counts."""
        if current == self.current and counts == self.counts and self.option_count:
            return  # as drawn (a redraw of the same topic × group)
        self.current = current
        self.counts = counts
        self._render_topics()

    def _render_topics(self) -> None:
        highlighted = self.highlighted
        # a topic switch changes two options, a group switch the counts: only those drawn
        self.replace_options([self._option(i, t) for i, t in enumerate(self.topics, 1)])
        if highlighted is None:
            highlighted = next((i for i, t in enumerate(self.topics) if t.id == self.current), 0)
        if self.topics:
            self.highlighted = min(highlighted, len(self.topics) - 1)

    def highlight_current(self) -> None:
        for index, topic in enumerate(self.topics):
            if topic.id == self.current:
                self.highlighted = index

    def _option(self, number: int, topic: Topic) -> Option:
        """The topic's option: kept while what it shows is the same (a topic switch changes
        two of them, a group switch the counts), so only changed ones are measured and drawn."""
        counts = self.counts.get(topic.id, TopicCounts())
        key = (topic.id, number, topic.title, topic.timebox, counts, topic.id == self.current)
        option = self._options_by_key.get(key)
        if option is None:
            option = Option(CachedVisual(self, self._prompt(number, topic)), id=topic.id)
            self._options_by_key.set(key, option)
        return option

    def _prompt(self, number: int, topic: Topic) -> Table:
        counts = self.counts.get(topic.id, TopicCounts())
        is_current = topic.id == self.current
        style = "bold" if is_current else ""
        body = Group(
            HyphenWrapped(topic.title, style),
            Text(
                f"{topic.timebox}′ C{counts.challenges} S{counts.solutions} A{counts.actions}",
                "dim",
            ),
        )
        grid = Table.grid(padding=(0, 1), expand=True)
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1)
        grid.add_row(Text(f"{'▶' if is_current else ' '}{number}", style), body)
        return grid

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.TopicChosen(event.option.id))
