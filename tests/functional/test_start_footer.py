"""The start screen's footer at 80 columns (QA trial in tmux: it ended in a bare ``f1▏``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from session_fixtures import new_app, new_session, saved


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_every_start_key_is_drawn_whole_in_the_footer(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    new_session(tmp_path)
    app = new_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await saved(pilot)
        footer = app.screen._compositor.render_strips()[-1].text
        keys = ["n Agendas", "s Sessions", "o Open file", "r Refresh", "i Import", "q Quit"]
        for key in [*keys, "f1 Help", "^p palette"]:
            assert key in footer, footer
        assert "f1▏" not in footer and "…" not in footer, footer
        positions = [footer.index(key) for key in keys]
        assert positions == sorted(positions), footer
