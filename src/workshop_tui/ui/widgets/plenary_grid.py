"""The plenary's topic × group grid (F2): what each cell says and how wide each column is.

The grid is a ``DataTable``: a row per topic (numbered as in the charts), a column per
group, the topic's actions and votes last. A cell says ``challenges/solutions/actions`` and
its dot votes (``3/2/1 ●5``); "!" marks a cell without an action and "⚠" a topic without
any (the legend line above the grid says so).
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widget import Widget
from textual.widgets import DataTable

from workshop_tui.core.i18n import _

GROUP_WIDTH = 14  # widest group column of the grid


class PlenaryGrid(DataTable[Any]):
    """The grid: a ``DataTable`` that keeps its drawings while its look stays the same.

    Textual's DataTable empties every drawing it keeps each time its styles are applied
    again, which happens to every widget of the plenary each time F2 shows it (the screen's
    styles are refreshed when it is shown): each F2 drew the whole grid again (~7 ms). Here
    the drawings are emptied only when what they are drawn with changed: the table's style
    or one of its parts' (a theme switch, the focus)."""

    _drawn_with: tuple[object, ...] | None = None

    def notify_style_update(self) -> None:
        Widget.notify_style_update(self)  # the widget's own style caches, not the drawings
        try:
            drawn_with: tuple[object, ...] | None = (
                self.rich_style,
                *(self.get_component_rich_style(n) for n in sorted(self.COMPONENT_CLASSES)),
            )
        except KeyError:  # styled for the first time: its parts are not styled yet
            drawn_with = None
        if drawn_with is None or drawn_with != self._drawn_with:
            self._drawn_with = drawn_with
            super().notify_style_update()  # DataTable: every drawing made again


def grid_legend() -> Text:
    """What the grid's cells and marks mean (fits an 80-column screen)."""
    return Text.assemble(
        _("cells: challenges/solutions/actions ●votes · "),
        ("!", "bold red"),
        _(" no action · "),
        ("⚠", "bold red"),
        _(" none in any group"),
        no_wrap=True,
        overflow="ellipsis",
    )


def fill_grid(
    table: DataTable[Any],
    grid: Any,
    empty_cells: set[tuple[str, str]],
    empty_topics: set[str],
    screen_width: int,
) -> None:
    """Fill ``table`` with the topic × group ``grid`` (``core.plenary.build_grid``) for a
    screen ``screen_width`` cells wide; ``empty_cells`` / ``empty_topics`` get "!" / "⚠" (no
    action). The cursor stays where it was."""
    cursor = table.cursor_coordinate
    table.clear(columns=True)
    # the topic column takes what the groups and the action total leave (the long titles
    # pushed the action total off an 80-column screen); the numbers match the charts
    # long group names (a port, an airport) are cut to GROUP_WIDTH; a column is as wide
    # as its widest cell ("12/10/3 ! ●15" fits GROUP_WIDTH)
    cell_texts = {
        (topic_id, group): _cell_text(grid.cell(topic_id, group), (topic_id, group) in empty_cells)
        for topic_id, _title in grid.topics
        for group in grid.groups
    }
    group_widths = [
        min(
            max(
                len(group),
                7,
                *(len(cell_texts[(t, group)].plain) for t, _title in grid.topics),
            ),
            GROUP_WIDTH,
        )
        for group in grid.groups
    ]
    totals = {t: _total_text(grid, t) for t, _title in grid.topics}
    total_width = max([len(_("Actions")), *(len(text.plain) for text in totals.values())])
    widths = [width + 2 for width in group_widths] + [total_width + 2]
    room = screen_width - sum(widths) - 4
    longest = max((len(title) + 5 for _tid, title in grid.topics), default=10)
    table.add_column(_("Topic"), key="topic", width=max(20, min(longest, room)))
    for index, (group, width) in enumerate(zip(grid.groups, group_widths, strict=True)):
        label = Text(group, no_wrap=True, overflow="ellipsis")
        table.add_column(label, key=f"g{index}", width=width)
    table.add_column(_("Actions"), key="total", width=total_width)
    for number, (topic_id, title) in enumerate(grid.topics, 1):
        label = Text(f"{number} {title}", no_wrap=True, overflow="ellipsis")
        if topic_id in empty_topics:
            label = Text.assemble(
                ("⚠ ", "bold red"), f"{number} {title}", no_wrap=True, overflow="ellipsis"
            )
        cells: list[Any] = [label]
        cells += [cell_texts[(topic_id, group)] for group in grid.groups]
        cells.append(totals[topic_id])
        table.add_row(*cells, key=topic_id)
    if table.row_count:
        table.cursor_coordinate = table.validate_cursor_coordinate(cursor)


def _cell_text(cell: Any, no_action: bool) -> Text:
    """``3/2/1 ●5``: counts, "!" without an action, the dot votes when there are any."""
    text = Text(cell.label, no_wrap=True, overflow="ellipsis")
    if no_action:
        text.append(" !", "bold red")
    if cell.votes:
        text.append(f" ●{cell.votes}", "bold")
    return text


def _total_text(grid: Any, topic_id: str) -> Text:
    """The topic's actions, and its votes when there are any: ``4 ●9``."""
    text = Text(str(grid.topic_actions(topic_id)), justify="right", no_wrap=True)
    votes = grid.topic_votes(topic_id)
    if votes:
        text.append(f" ●{votes}", "bold")
    return text
