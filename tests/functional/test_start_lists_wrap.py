"""The start screen's lists draw every line of a wrapped option at 80x24, also when the
options just loaded make a scrollbar appear (Textual measured them for the wider list)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from workshop_tui.core.agenda import Agenda, Group, Topic
from workshop_tui.core.store import Store
from workshop_tui.ui.app import WorkshopApp

AGENDA = Agenda(
    title="Wrap test", topics=(Topic("legal", "Legal framework"),), groups=(Group("A"),)
)


def lines_of(option_list: OptionList) -> str:
    """Every line the list draws, scrolled from top to bottom, without spaces."""
    seen = []
    for y in range(option_list.virtual_size.height):
        option_list.scroll_to(y=y, animate=False, immediate=True)
        seen.append(option_list.render_line(y - option_list.scroll_offset.y).text)
    return "".join("".join(line.split()) for line in seen)


async def test_every_session_title_is_drawn_whole_at_80x24(tmp_path: Path) -> None:
    store = Store(tmp_path)
    titles = [
        f"National workshop on combating counterfeiting and piracy, session {n} endword{n}"
        for n in range(12)
    ]
    for title in titles:
        store.create_session(AGENDA, title=title)
    app = WorkshopApp(store=Store(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        sessions = app.screen.query_one("#sessions", OptionList)
        assert sessions.show_vertical_scrollbar
        drawn = lines_of(sessions)
        for n in range(12):
            assert f"endword{n}" in drawn, n
        assert drawn.count("C0S0A0") == 12  # each option's last line (its counts) too
