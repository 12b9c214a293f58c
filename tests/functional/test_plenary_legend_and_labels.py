"""Plenary: the grid explains its marks; the warnings tab says them in words."""

from __future__ import annotations

from pathlib import Path

import pytest
from plenary_helpers import make_app
from rich.cells import cell_len
from textual.widgets import Static

from workshop_tui.ui.screens.plenary import PlenaryScreen


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
        assert "⚠ no action in any group" in text
        # on screen, whole, above the grid
        assert legend.region.width > 0 and legend.region.height == 1
        assert cell_len(text) <= legend.content_region.width
        assert legend.region.y < screen.query_one("#plenary-grid").region.y
