"""Bar charts for the plenary's Charts tab (plotext, through textual-plotext)."""

from __future__ import annotations

from typing import Any

from plotext import _utility as plotext_utility
from rich.cells import cell_len, set_cell_size
from textual_plotext import PlotextPlot


def _ordered_no_duplicates(data: Any) -> list[Any]:
    return list(dict.fromkeys(data))


# plotext removes duplicate ticks with list(set(...)), so where the axis labels land depends
# on the interpreter's hash seed (a chart looked different on every run). Its own commented
# alternative keeps the order; same result otherwise.
plotext_utility.no_duplicates = _ordered_no_duplicates


class BarChart(PlotextPlot):
    """A bar chart rebuilt from its data on every render.

    Plotext keeps state between builds of one figure, so a figure first drawn at another
    size (while the layout settles) can place its labels differently; rebuilding the whole
    figure each time makes the chart depend only on its data and its current size.
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.series: tuple[str, list[str], list[int]] = ("", [], [])

    def show(self, title: str, labels: list[str], values: list[int]) -> None:
        self.series = (title, list(labels), list(values))
        self.refresh()

    def render(self) -> Any:
        title, labels, values = self.series
        plt = self.plt
        plt.clear_figure()
        # plotext cuts a title wider than the chart without a mark: cut it with "…"
        plt.title(fit_title(title, self.size.width))
        if labels:
            # narrower bars leave a gap between neighbours; whole-number ticks (counts)
            plt.bar(labels, values, width=0.6)
            top = max(values, default=0) or 1
            plt.yticks(list(range(0, top + 1, max(1, -(-top // 4)))))
        return super().render()


def fit_title(title: str, width: int) -> str:
    """``title`` cut to ``width`` cells with "…" at the end when it is longer."""
    if width <= 0 or cell_len(title) <= width:
        return title
    return set_cell_size(title, max(width - 1, 0)).rstrip() + "…"
