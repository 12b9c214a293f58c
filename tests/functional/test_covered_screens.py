"""A screen covered by an opaque one is not repainted onto it (ui.covered): the session
screen under F3 handling a message (its disk poll) left the action list repainting."""

from __future__ import annotations

from pathlib import Path

from plenary_helpers import make_app, session_screen
from textual.app import App, ComposeResult
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from workshop_tui.ui.screens.actions import ActionsScreen


class Plain(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("below")


async def test_textual_lists_a_covered_screen_as_background() -> None:
    """What ui.covered works around (Textual 8.2.8): the screen right under an opaque top
    screen is a "background" screen, drawn on every change of its own."""
    app = Plain()
    async with app.run_test() as pilot:
        below = app.screen
        await app.push_screen(Screen())
        await pilot.pause()
        assert app.screen.styles.background.a == 1
        assert app._background_screens == [below]


async def test_no_screen_is_drawn_under_the_action_list(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        session = session_screen(app)
        await pilot.press("f3")
        await pilot.pause()
        actions = app.screen
        assert isinstance(actions, ActionsScreen)
        assert app._background_screens == []
        assert not session.is_current
        repaints = 0
        draw = actions._compositor_refresh

        def counted() -> None:
            nonlocal repaints
            repaints += 1
            draw()

        actions._compositor_refresh = counted  # type: ignore[method-assign]
        session.refresh()  # the covered screen has something to draw (its poll, a timer)
        await pilot.pause()
        await pilot.pause()
        assert repaints == 0
        # a dialog (not opaque) over the list still shows the list under it
        await app.push_screen(ModalScreen())
        await pilot.pause()
        assert app._background_screens == [actions]
        app.pop_screen()
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is session and session.is_current


async def test_the_covered_session_screen_hears_of_a_new_terminal_size(tmp_path: Path) -> None:
    """Resized while F2 is open, the session screen is in its narrow layout when it shows
    again (it picks the layout on Resize)."""
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        session = session_screen(app)
        assert not session.has_class("-narrow")
        await pilot.press("f2")
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert session.has_class("-narrow")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is session and session.has_class("-narrow")
        assert session.size == app.size
