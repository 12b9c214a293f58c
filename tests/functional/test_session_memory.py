"""While a session screen is open, the long-lived heap is out of the collector's full passes
(``ui/screens/session_memory.py``); when it closes, everything is handed back, so what the
screen left behind can be collected."""

from __future__ import annotations

import gc
from pathlib import Path

from session_fixtures import new_app, new_session, saved, screen_of

from workshop_tui.ui.screens import session_memory
from workshop_tui.ui.screens.session import SessionScreen


async def test_the_heap_is_frozen_while_a_session_is_open_and_handed_back_after(
    tmp_path: Path,
) -> None:
    gc.unfreeze()
    session_id = new_session(tmp_path)
    app = new_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await saved(pilot)
        assert gc.get_freeze_count() == 0  # the start screen freezes nothing
        app.open_session(session_id)
        await saved(pilot)
        screen = screen_of(app)
        assert gc.get_freeze_count() > 0
        app.pop_screen()
        await saved(pilot)
        assert not isinstance(app.screen, SessionScreen)
        assert gc.get_freeze_count() == 0
        del screen
        # opened again and the app quit with it open: handed back as the screen unmounts
        app.open_session(session_id)
        await saved(pilot)
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0


def test_a_late_hold_after_the_last_screen_closed_freezes_nothing() -> None:
    gc.unfreeze()
    session_memory.screen_opened()
    session_memory.screen_closed()
    session_memory.hold_long_lived()  # a callback that ran after its screen closed
    assert gc.get_freeze_count() == 0
