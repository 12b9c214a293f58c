"""F2 and F3 show the screen kept from the last open (ui.kept_screens), redrawn when what it
shows is out of date: an entry changed here or by another process, the terminal resized, the
language switched, the session ended; it is let go with its session."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from plenary_helpers import NEW_ID, cell_text, make_app
from textual.widgets import DataTable, TabbedContent

from workshop_tui.core.model import ActionStatus, EntryKind
from workshop_tui.core.store import Store
from workshop_tui.ui.navigation import open_entry
from workshop_tui.ui.screens.actions import ActionsScreen
from workshop_tui.ui.screens.plenary import PlenaryScreen
from workshop_tui.ui.screens.session import SessionScreen
from workshop_tui.ui.widgets.themes import ThemesView


async def _open(pilot: Any, key: str) -> Any:
    await pilot.press(key)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return pilot.app.screen


async def _close(pilot: Any) -> None:
    await pilot.press("escape")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(pilot.app.screen, SessionScreen)


async def test_plenary_is_kept_and_redrawn_after_a_change(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        first = await _open(pilot, "f2")
        assert isinstance(first, PlenaryScreen)
        grid = first.query_one("#plenary-grid", DataTable)
        assert cell_text(grid, 0, 3) == "0/0/0 !"  # legal × Group C
        await pilot.press("s")  # the side-by-side tab
        await pilot.pause()
        await _close(pilot)
        assert first.is_attached  # kept, not removed

        # an entry saved meanwhile by the session (the same store)...
        store = app.current_session()
        assert store is not None
        challenge = next(e for e in store.entries(kind=EntryKind.CHALLENGE))
        store.save_entry(replace(challenge, group="Group C"))
        again = await _open(pilot, "f2")
        assert again is first  # the same screen, on the grid as a new one would be
        assert again.query_one(TabbedContent).active == "tab-grid"
        assert grid.has_focus
        assert cell_text(grid, 0, 3) == "1/0/0 !"  # ... is drawn
        await _close(pilot)

        # ... and one saved by another process (another laptop, a scribe)
        other = Store(tmp_path).open_session(NEW_ID)
        action = next(e for e in other.entries(kind=EntryKind.ACTION) if e.topic_id == "legal")
        other.save_entry(replace(action, group="Group C"))
        assert await _open(pilot, "f2") is first
        assert cell_text(grid, 0, 3) == "1/0/1"


async def test_plenary_reopened_after_a_resize_fits_the_new_width(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        first = await _open(pilot, "f2")
        grid = first.query_one("#plenary-grid", DataTable)
        wide = grid.ordered_columns[0].width
        await _close(pilot)
        await pilot.resize_terminal(64, 24)
        assert await _open(pilot, "f2") is first
        assert grid.ordered_columns[0].width < wide


async def test_action_list_is_kept_and_shows_a_status_changed_elsewhere(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        first = await _open(pilot, "f3")
        assert isinstance(first, ActionsScreen)
        await pilot.press("down")
        await pilot.pause()
        selected = first.table.current
        assert selected is not None and selected.action is not None
        await _close(pilot)

        other = Store(tmp_path).open_session(NEW_ID)
        action = other.get(selected.id)
        assert action.action is not None
        other.save_entry(replace(action, action=replace(action.action, status=ActionStatus.DONE)))
        again = await _open(pilot, "f3")
        assert again is first
        current = first.table.current
        assert current is not None and current.id == selected.id  # the cursor kept its row
        assert current.action is not None and current.action.status is ActionStatus.DONE
        assert first.table.row_text(first.table.cursor_row)[0].strip() == "done"


async def test_a_language_switch_builds_the_screens_again(tmp_path: Path) -> None:
    app = make_app(tmp_path, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        english = await _open(pilot, "f2")
        await _close(pilot)
        app.switch_language("id")
        await pilot.pause()
        indonesian = await _open(pilot, "f2")
        assert isinstance(indonesian, PlenaryScreen) and indonesian is not english
        assert not english.is_attached  # the English one is gone
        await _close(pilot)
        assert await _open(pilot, "f2") is indonesian


async def test_f2_on_the_plenary_does_not_stack_it_again(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        plenary = await _open(pilot, "f2")
        depth = len(app.screen_stack)
        assert await _open(pilot, "f2") is plenary
        assert len(app.screen_stack) == depth
        # the action list over it, then F2 again: a plenary of its own (the kept one is
        # under the action list)
        await _open(pilot, "f3")
        other = await _open(pilot, "f2")
        assert isinstance(other, PlenaryScreen) and other is not plenary
        assert plenary in app.screen_stack


async def test_kept_screens_go_with_their_session(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        plenary = await _open(pilot, "f2")
        await _close(pilot)
        actions = await _open(pilot, "f3")
        await _close(pilot)
        assert app.kept_screens.kept("plenary") is plenary
        await app.pop_screen()  # the session screen closes
        await pilot.pause()
        assert app.kept_screens.kept("plenary") is None
        assert app.kept_screens.kept("actions") is None
        assert not plenary.is_attached and not actions.is_attached


async def test_a_read_only_session_screen_gets_a_read_only_action_list(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        editable = await _open(pilot, "f3")
        assert isinstance(editable, ActionsScreen) and not editable.read_only
        await _close(pilot)
        open_entry(app, NEW_ID, read_only=True)  # the same session (store), read-only
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen) and app.screen.read_only
        read_only = await _open(pilot, "f3")
        assert isinstance(read_only, ActionsScreen) and read_only.read_only
        assert read_only is not editable


async def test_a_closed_plenary_does_not_poll(tmp_path: Path) -> None:
    """Closed, the plenary and its themes tab stop polling the store (each poll could redraw
    while the facilitator types on the session screen); shown again, they poll again."""
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        plenary = await _open(pilot, "f2")
        await pilot.press("t")  # the themes tab polls too
        await app.workers.wait_for_complete()
        await pilot.pause()
        themes = plenary.query_one(ThemesView)
        timers = [plenary._poll_timer, themes._poll_timer]
        # Textual 8.2.8: Timer.pause() clears the event its loop waits on
        assert all(t is not None and t._active.is_set() for t in timers)
        await _close(pilot)
        assert not any(t is not None and t._active.is_set() for t in timers)
        assert await _open(pilot, "f2") is plenary
        assert all(t is not None and t._active.is_set() for t in timers)


async def test_the_kept_action_list_undoes_only_what_was_changed_since_it_opened(
    tmp_path: Path,
) -> None:
    """As on a new list: an older step could put back an action changed meanwhile on the
    session screen."""
    from session_fixtures import saved

    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        actions = await _open(pilot, "f3")
        assert isinstance(actions, ActionsScreen)
        await pilot.press("space")  # a status change
        await saved(pilot)
        assert actions.capture.can_undo
        await _close(pilot)
        assert await _open(pilot, "f3") is actions
        assert not actions.capture.can_undo
        await pilot.press("ctrl+z")
        await saved(pilot)
        assert "Nothing to undo here." in [n.message for n in app._notifications]
        # a dialog over the list (the action editor) keeps what it can undo
        await pilot.press("space")
        await saved(pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is actions and actions.capture.can_undo


async def test_the_grid_keeps_its_drawings_until_its_look_changes(tmp_path: Path) -> None:
    """F2 again draws nothing of the grid again (Textual's DataTable emptied its drawings
    whenever its styles were applied, as on each F2); a theme switch or the focus does."""
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        plenary = await _open(pilot, "f2")
        grid = plenary.query_one("#plenary-grid", DataTable)

        def line_colours() -> list[object]:
            return [segment.style.bgcolor for segment in grid.render_line(2) if segment.style]

        dark = line_colours()
        kept = dict(grid._line_cache)
        assert kept
        await _close(pilot)
        assert await _open(pilot, "f2") is plenary
        assert all(grid._line_cache.get(key) is line for key, line in kept.items())
        await pilot.press("ctrl+t")  # light theme: drawn again in its colours
        await pilot.pause()
        assert line_colours() != dark
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert line_colours() == dark
        cursor_line = [segment.style for segment in grid.render_line(1)]
        grid.blur()  # the cursor's colour follows the focus
        await pilot.pause()
        assert [segment.style for segment in grid.render_line(1)] != cursor_line
