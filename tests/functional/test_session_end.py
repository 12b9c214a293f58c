"""Ending a session: unsent drafts are listed and saved, discarded or kept (cancel); an
ended session is read-only for real: timers stopped with the time used, timer and editing
keys unbound."""

from __future__ import annotations

from pathlib import Path

from session_fixtures import (
    new_app,
    new_session,
    pane_texts,
    saved,
    screen_of,
    type_text,
)
from textual.widgets import Static

from workshop_tui.core.model import EntryKind
from workshop_tui.core.store import Store
from workshop_tui.ui.widgets.entries.unsent import UnsentDraftsDialog
from workshop_tui.ui.widgets.timer import TimerDisplay

C, S = EntryKind.CHALLENGE, EntryKind.SOLUTION
SIZE = (120, 40)


async def _two_drafts(pilot) -> None:  # type: ignore[no-untyped-def]
    """A draft typed in Group A's Challenges, left by switching group; one in Group B's
    Solutions, still in its input."""
    await pilot.press("i")
    await type_text(pilot, "Unclear ex officio powers at ports")
    await pilot.press("escape", "right_square_bracket", "2", "i")
    await type_text(pilot, "Joint training")
    await pilot.pause()


def _end(app) -> None:  # type: ignore[no-untyped-def]
    screen_of(app).action_end_session()


async def test_end_with_drafts_lists_them_and_saves_them_as_entries(tmp_path: Path) -> None:
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _two_drafts(pilot)
        _end(app)
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, UnsentDraftsDialog)
        rows = [str(s.content) for s in dialog.query(".unsent-draft").results(Static)]
        assert rows == [
            "• 1. Legal framework · Group A · Challenges · Unclear ex officio powers at ports",
            "• 1. Legal framework · Group B · Solutions · Joint training",
        ]
        await pilot.press("s")
        await saved(pilot)
        screen = screen_of(app)
        assert screen.read_only
        assert pane_texts(app, S) == ["Joint training"]
    stored = Store(tmp_path).open_session(session_id)
    assert stored.session.ended
    assert [(e.group, e.kind, e.text) for e in stored.entries()] == [
        ("Group A", C, "Unclear ex officio powers at ports"),
        ("Group B", S, "Joint training"),
    ]
    assert stored.get_state().get("drafts") == []


async def test_end_with_drafts_discard_or_cancel(tmp_path: Path) -> None:
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _two_drafts(pilot)
        _end(app)
        await pilot.pause()
        await pilot.press("escape")  # cancel: nothing ends, the text is where it was
        await saved(pilot)
        screen = screen_of(app)
        assert not screen.read_only
        assert screen.pane(S).capture_input.value == "Joint training"
        assert len(screen.drafts) == 1  # Group A's, kept for when they come back
        _end(app)
        await pilot.pause()
        await pilot.press("d")
        await saved(pilot)
        assert screen.read_only
    stored = Store(tmp_path).open_session(session_id)
    assert stored.session.ended and stored.entries() == []
    assert stored.get_state().get("drafts") == []


async def test_an_ended_session_shows_its_timers_stopped_and_unbinds_editing_keys(
    tmp_path: Path,
) -> None:
    session_id = new_session(tmp_path)
    store = Store(tmp_path).open_session(session_id)
    # a timer saved running, 5 minutes used, when the session was ended
    store.set_state(
        timers={
            "legal": {
                "duration": 1800,
                "state": "running",
                "remaining": 1500,
                "saved_at": 0.0,
            }
        }
    )
    store.update_session(ended="1970-01-01T00:00:00+00:00")
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        assert screen.read_only
        timer_text = str(screen.query_one(TimerDisplay).render())
        assert "05:00 used of 30:00" in timer_text and "stopped" in timer_text
        assert "running" not in timer_text
        for key in ("p", "R", "m", "ctrl+z", "i", "x"):
            await pilot.press(key)
        await pilot.pause()
        assert app.screen is screen  # no prompt opened
        timer = screen.timers.find("legal")
        assert timer is not None and not timer.running
        bound = {b.binding.action for b in screen.active_bindings.values() if b.enabled}
        for action in (
            "timer('toggle')",
            "timer('reset')",
            "timer('set')",
            "undo",
            "import_bundles",
        ):
            assert action not in bound, action
        assert screen.pane(C).capture_input.disabled


async def test_ending_stops_the_running_timer_with_the_time_used(tmp_path: Path) -> None:
    clock = [1000.0]
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id, clock=lambda: clock[0])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("p")
        clock[0] += 125
        _end(app)
        await pilot.pause()
        await pilot.press("y")
        await saved(pilot)
        screen = screen_of(app)
        assert screen.read_only
        assert "02:05 used of 30:00" in str(screen.query_one(TimerDisplay).render())
    state = Store(tmp_path).open_session(session_id).get_state()
    assert state["timers"]["legal"]["state"] == "paused"
    assert abs(state["timers"]["legal"]["elapsed"] - 125) < 1


async def test_resuming_or_capturing_makes_a_session_latest(tmp_path: Path) -> None:
    first = new_session(tmp_path)
    second = new_session(tmp_path)
    app = new_app(tmp_path, session_id=first)
    async with app.run_test(size=SIZE) as pilot:
        await saved(pilot)
        assert Store(tmp_path).resolve("latest") == first
        Store(tmp_path).mark_latest(second)  # another window resumed the other one
        await pilot.press("i")
        await type_text(pilot, "Seizure data not shared")
        await pilot.press("enter")
        await saved(pilot)
    # written last by a follow-up review, the other session is still not "latest"
    Store(tmp_path).open_session(second).add_entry(C, "legal", "Group A", "Carried over")
    assert Store(tmp_path).resolve("latest") == first
