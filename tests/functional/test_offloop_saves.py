"""Every save the screens make runs off the event loop, in order: a slow disk never freezes
the facilitator's screen (issue 3), whether it is a capture, a topic switch (the screen
position), a link, an action's fields or a status change in the action list."""

from __future__ import annotations

import errno
import threading
from pathlib import Path
from typing import Any

import pytest
from session_fixtures import (
    Notes,
    capture,
    new_app,
    new_session,
    saved,
    screen_of,
    select,
    shown_lines,
)
from textual.pilot import Pilot
from textual.widgets import Input, SelectionList, Static

from workshop_tui.core.model import ActionStatus, EntryKind
from workshop_tui.core.store import Store, StoreWriteError
from workshop_tui.core.store.storage import AtomicJSONStorage
from workshop_tui.ui.screens.actions import ActionsScreen
from workshop_tui.ui.widgets.action_form import ActionEditor
from workshop_tui.ui.widgets.entries import LinkPicker

SIZE = (120, 40)
C, S, A = EntryKind.CHALLENGE, EntryKind.SOLUTION, EntryKind.ACTION


class Disk:
    """Watches every session-file write: which thread ran it; can hold writes back or fail them."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.on_event_loop: list[str] = []
        self.writes = 0
        self.open = threading.Event()
        self.open.set()
        self.waiting = threading.Event()
        self.fail = False
        original = AtomicJSONStorage.write_versioned

        def write(storage: AtomicJSONStorage, data: dict[str, Any]) -> Any:
            if threading.current_thread() is threading.main_thread():
                self.on_event_loop.append(", ".join(sorted(data)))
            if not self.open.is_set():
                self.waiting.set()
                assert self.open.wait(20), "the test never let the write through"
            if self.fail:
                raise StoreWriteError(storage.path, OSError(errno.ENOSPC, "No space left"))
            self.writes += 1
            return original(storage, data)

        monkeypatch.setattr(AtomicJSONStorage, "write_versioned", write)

    def hold(self) -> None:
        self.waiting.clear()
        self.open.clear()

    async def wait_held(self, pilot: Pilot[Any]) -> None:
        for _ in range(200):
            if self.waiting.is_set():
                return
            await pilot.pause(0.01)
        raise AssertionError("no write reached the disk")


async def test_nothing_is_written_on_the_event_loop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        disk = Disk(monkeypatch)
        await capture(pilot, C, "Fees too high")
        await capture(pilot, S, "Waive fees for SMEs")
        await capture(pilot, A, "Draft a fee regulation")
        await pilot.press("escape", "right_curly_bracket", "right_square_bracket")  # topic, group
        await saved(pilot)
        await pilot.press("left_curly_bracket", "left_square_bracket")
        await saved(pilot)
        await select(pilot, S, 0)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LinkPicker)
        await pilot.press("enter")  # tick C1
        await saved(pilot)
        await pilot.press("escape")
        await select(pilot, A, 0)
        await pilot.press("enter")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, ActionEditor)
        editor.query_one("#field-owner", Input).value = "Amina Diallo"
        await pilot.press("ctrl+s")
        await saved(pilot)
        assert app.screen is screen_of(app)
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, ActionsScreen)
        await pilot.press("space")
        await saved(pilot)
        assert disk.writes >= 8
        assert disk.on_event_loop == []
    session = Store(tmp_path).open_session(session_id)
    (solution,) = session.entries(kind=S)
    (action,) = session.entries(kind=A)
    assert solution.links == [session.entries(kind=C)[0].id]
    assert action.action is not None
    assert (action.action.owner, action.action.status) == ("Amina Diallo", ActionStatus.IN_PROGRESS)


async def test_switching_topics_answers_at_once_while_the_disk_is_slow(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        disk = Disk(monkeypatch)
        disk.hold()
        await pilot.press("right_curly_bracket")  # next topic: its position save is stuck
        await disk.wait_held(pilot)
        await pilot.press("right_square_bracket")  # the screen goes on answering keys
        await pilot.pause()
        screen = screen_of(app)
        assert (screen.topic_id, screen.group) == ("risk", "Group B")
        assert Store(tmp_path).open_session(session_id).get_state() == {}
        disk.open.set()
        await saved(pilot)
        state = Store(tmp_path).open_session(session_id).get_state()
        assert (state["topic"], state["group"]) == ("risk", "Group B")


async def test_the_action_editor_stays_usable_while_it_saves_then_closes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await capture(pilot, A, "Draft a recordation procedure")
        await select(pilot, A, 0)
        await pilot.press("enter")
        await saved(pilot)
        editor = app.screen
        assert isinstance(editor, ActionEditor)
        disk = Disk(monkeypatch)
        disk.hold()
        editor.query_one("#field-owner", Input).value = "Amina Diallo"
        await pilot.press("ctrl+s")
        await disk.wait_held(pilot)
        assert app.screen is editor
        assert "Saving" in str(editor.query_one("#action-summary", Static).content)
        await pilot.press("ctrl+s")  # a second ctrl+s while saving does not save twice
        await pilot.pause()
        disk.open.set()
        await saved(pilot)
        assert app.screen is screen_of(app)
        assert "Amina Diallo" in shown_lines(app, A)[0]
        assert disk.on_event_loop == []
    fields = Store(tmp_path).open_session(session_id).entries(kind=A)[0].action
    assert fields is not None and fields.owner == "Amina Diallo"


async def test_a_link_the_disk_refuses_is_unticked_and_reported_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    notes = Notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await capture(pilot, C, "Weak recordation")
        await capture(pilot, S, "Amend the customs code")
        await select(pilot, S, 0)
        await pilot.press("l")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, LinkPicker)
        disk = Disk(monkeypatch)
        disk.fail = True
        await pilot.press("enter")  # tick C1: the save fails
        await saved(pilot)
        selection = picker.query_one("#link-list", SelectionList)
        assert selection.selected == []  # the tick is put back
        errors = [m for m in notes.messages("error") if "disk is full" in m]
        assert len(errors) == 1  # putting the tick back does not save (and fail) again
        disk.fail = False
        await pilot.press("enter")  # the disk has room again
        await saved(pilot)
        assert len(selection.selected) == 1
        await pilot.press("escape")
        await pilot.pause()
    session = Store(tmp_path).open_session(session_id)
    assert session.entries(kind=S)[0].links == [session.entries(kind=C)[0].id]


async def test_status_pressed_twice_quickly_moves_on_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await capture(pilot, A, "Train officers on recordation")
        await pilot.press("escape", "f3")
        await pilot.pause()
        assert isinstance(app.screen, ActionsScreen)
        disk = Disk(monkeypatch)
        disk.hold()
        await pilot.press("space")
        await disk.wait_held(pilot)
        await pilot.press("space")  # before the first status is on disk
        await pilot.pause()
        disk.open.set()
        await saved(pilot)
    action = Store(tmp_path).open_session(session_id).entries(kind=A)[0].action
    assert action is not None and action.status == ActionStatus.DONE


async def test_a_capture_is_drawn_in_one_frame_and_a_slow_disk_does_not_hold_the_screen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Enter empties the input at once and the entry appears once saved: the two are drawn
    in one frame (repaints are held for the save, ui.writer.hold_repaints). A save stuck on
    a slow disk is not waited for: the hold ends by itself and the emptied input is drawn,
    then the entry once it is saved."""
    from textual.screen import Screen

    from workshop_tui.ui.writer import HOLD_S

    frames: list[str] = []
    original = Screen._compositor_refresh

    def counted(screen: Screen[Any]) -> None:
        frames.append(type(screen).__name__)
        original(screen)

    monkeypatch.setattr(Screen, "_compositor_refresh", counted)
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=SIZE) as pilot:
        await saved(pilot)
        await capture(pilot, C, "Fees too high")
        await saved(pilot)
        pane = screen_of(app).pane(C)
        pane.capture_input.insert_text_at_cursor("Officers lack product knowledge")
        await saved(pilot)
        frames.clear()
        await pilot.press("enter")
        await saved(pilot)
        assert shown_lines(app, C)[-1] == "C2 Officers lack product knowledge"
        assert pane.capture_input.value == ""
        assert len(frames) == 1, f"the emptied input and the entry in one frame: {frames}"
        assert app._batch_count == 0

        disk = Disk(monkeypatch)
        disk.hold()
        pane.capture_input.insert_text_at_cursor("No database of right holders")
        await pilot.pause()
        frames.clear()
        await pilot.press("enter")
        await disk.wait_held(pilot)
        # the save is stuck: the hold ends by itself and the screen is drawn meanwhile
        await pilot.pause(HOLD_S * 2)
        await pilot.pause()
        assert app._batch_count == 0
        assert frames, "the screen was drawn while the save was stuck"
        assert not disk.open.is_set()
        assert pane.capture_input.value == ""
        assert len(shown_lines(app, C)) == 2
        disk.open.set()
        await saved(pilot)
        assert shown_lines(app, C)[-1] == "C3 No database of right holders"
        assert app._batch_count == 0
