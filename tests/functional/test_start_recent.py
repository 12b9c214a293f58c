"""Start screen with a long history: the most recent sessions, then a way to all of them."""

from __future__ import annotations

from pathlib import Path

from session_fixtures import AGENDA, new_app
from textual.widgets import OptionList
from textual.widgets._footer import FooterKey

from workshop_tui.core.model import Session
from workshop_tui.core.store import Store
from workshop_tui.ui.screens.review import SessionsScreen
from workshop_tui.ui.screens.start import ALL_SESSIONS_ID, RECENT_SESSIONS, StartScreen

SIZE = (120, 40)


def option_ids(option_list: OptionList) -> list[str]:
    return [option_list.get_option_at_index(i).id or "" for i in range(option_list.option_count)]


def build(tmp_path: Path, ended: int, running: int) -> tuple[list[str], list[str]]:
    """``ended`` ended sessions (newest last) and ``running`` older ones still in progress."""
    store = Store(tmp_path)
    running_ids = [
        store.add_session(
            Session(
                title=f"Running {i}", agenda=AGENDA, started=f"2025-01-{i + 1:02d}T09:00:00+00:00"
            )
        ).id
        for i in range(running)
    ]
    ended_ids = [
        store.add_session(
            Session(
                title=f"Ended {i}",
                agenda=AGENDA,
                started=f"2026-{1 + i // 28:02d}-{1 + i % 28:02d}T09:00:00+00:00",
                ended=f"2026-{1 + i // 28:02d}-{1 + i % 28:02d}T17:00:00+00:00",
            )
        ).id
        for i in range(ended)
    ]
    return running_ids, ended_ids


async def test_a_long_history_lists_recent_sessions_and_opens_the_browser(tmp_path: Path) -> None:
    running, ended = build(tmp_path, ended=RECENT_SESSIONS + 5, running=2)
    app = new_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        sessions = app.screen.query_one("#sessions", OptionList)
        ids = option_ids(sessions)
        # in progress first (even when older), then the newest ended, then "All … sessions"
        newest_ended = list(reversed(ended))[: RECENT_SESSIONS - len(running)]
        assert ids == [
            *(f"session:{i}" for i in reversed(running)),
            *(f"session:{i}" for i in newest_ended),
            ALL_SESSIONS_ID,
        ]
        last = sessions.get_option_at_index(len(ids) - 1)
        assert f"All {len(running) + len(ended)} sessions" in str(last.prompt)
        assert "F4" in str(last.prompt)
        sessions.focus()
        sessions.highlighted = len(ids) - 1
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionsScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()


async def test_a_short_history_has_no_all_sessions_option(tmp_path: Path) -> None:
    build(tmp_path, ended=RECENT_SESSIONS - 1, running=1)
    app = new_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        ids = option_ids(app.screen.query_one("#sessions", OptionList))
        assert len(ids) == RECENT_SESSIONS and ALL_SESSIONS_ID not in ids


async def test_the_footer_follows_the_focused_widget_and_the_screen(tmp_path: Path) -> None:
    """The start screen's footer skips rebuilds that change nothing, not ones that do."""
    app = new_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StartScreen)

        def footer_keys() -> list[str]:
            return [key.key for key in screen.query(FooterKey)]

        def expected() -> list[str]:
            return [
                b.key
                for _, b, _, _ in screen.active_bindings.values()
                if b.show and b.key != app.COMMAND_PALETTE_BINDING
            ]

        assert footer_keys()[:-1] == expected() and "n" in footer_keys()
        app.bind("f11", "bell", description="Ring")  # a new shown binding must appear
        screen.refresh_bindings()
        await pilot.pause()
        await pilot.pause()
        assert "f11" in footer_keys() and footer_keys()[:-1] == expected()
        screen.query_one("#agenda-path").focus()
        await pilot.pause()
        await pilot.pause()
        assert footer_keys()[:-1] == expected()
