"""Plenary: the grid explains its marks; the warnings tab says them in words."""

from __future__ import annotations

from pathlib import Path

import pytest
from plenary_helpers import column_of, make_app
from plenary_helpers import column_texts as column
from rich.cells import cell_len
from textual.widgets import DataTable, Static, TabbedContent

from workshop_tui.ui.screens.plenary import PlenaryScreen
from workshop_tui.ui.widgets.table import RowTable


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_grid_has_a_legend_that_fits(tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlenaryScreen)
        legend = screen.query_one("#grid-legend", Static)
        text = str(legend.content)
        assert "challenges/solutions/actions" in text
        assert "! no action" in text
        assert "⚠ none in any group" in text
        assert "●votes" in text
        # on screen, whole, above the grid
        assert legend.region.width > 0 and legend.region.height == 1
        assert cell_len(text) <= legend.content_region.width
        assert legend.region.y < screen.query_one("#plenary-grid").region.y


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_warnings_tab_names_the_warnings_in_words_and_fits(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    """The tab is named like its key (w Warnings); its rows say "no owner", not "no-owner",
    and the action column starts on screen at 80 columns too."""
    app = make_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("f2", "w")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlenaryScreen)
        tabs = screen.query_one(TabbedContent)
        assert tabs.active == "tab-quality"
        assert str(tabs.get_tab("tab-quality").label) == "Warnings"
        table = screen.query_one("#quality", DataTable)
        assert column(table, 2) == [
            "ok",
            "5: no owner, no due date, no success indicator, vague wording, linked to nothing",
            "overdue",
            "2: no success indicator, vague wording",
        ]
        assert not any("no-" in text or "unlinked" in text for text in column(table, 2))
        widths = [c.get_render_width(table) for c in table.ordered_columns]
        assert sum(widths) <= table.scrollable_content_region.width
        assert str(table.ordered_columns[2].label) == "Warnings"


async def test_action_list_warnings_in_words(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        table = app.screen.query_one("#actions-table", RowTable)
        assert column_of(table, "warnings") == [
            "overdue",
            "ok",
            "2: no success indicator, vague wording",
            "5: no owner, no due date, no success indicator, vague wording, linked to nothing",
        ]
