"""Words typed and not sent are never lost or carried into another group (issue 3).

A facilitator switches group or topic mid-sentence, or mid-edit, or quits: the text stays
with its own topic × group × pane and comes back there, in the same state (new entry or edit).
"""

from __future__ import annotations

from pathlib import Path

from session_fixtures import (
    Notes,
    capture,
    new_app,
    new_session,
    pane_texts,
    saved,
    screen_of,
    select,
)

from workshop_tui.core.model import EntryKind
from workshop_tui.core.store import Store

SIZE = (120, 40)
C, S = EntryKind.CHALLENGE, EntryKind.SOLUTION


def texts(data_dir: Path, session_id: str, kind: EntryKind, group: str) -> list[str]:
    session = Store(data_dir).open_session(session_id)
    return [e.text for e in session.entries(kind=kind, group=group)]


async def test_an_edit_begun_survives_a_group_switch_and_is_saved_on_return(
    tmp_path: Path,
) -> None:
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    notes = Notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await capture(pilot, S, "Joint task force with police")
        await select(pilot, S, 0)
        await pilot.press("e", "end", *" and courts")  # an edit begun, not sent
        pane = screen_of(app).pane(S)
        assert pane.editing is not None
        await pilot.press("alt+right")  # Group B, while typing
        await pilot.pause()
        screen = screen_of(app)
        assert screen.group == "Group B"
        assert pane.capture_input.value == "" and pane.editing is None
        assert any("solution text stays with Group A, topic 1" in m for m in notes.messages())
        await pilot.press("alt+left")  # back to Group A: the edit is there, still an edit
        await pilot.pause()
        assert pane.capture_input.value == "Joint task force with police and courts"
        assert pane.editing == Store(tmp_path).open_session(session_id).entries(kind=S)[0].id
        await pilot.press("enter")
        await saved(pilot)
        assert pane_texts(app, S) == ["Joint task force with police and courts"]
    assert texts(tmp_path, session_id, S, "Group A") == ["Joint task force with police and courts"]


async def test_a_new_entry_draft_stays_with_its_group_and_topic(tmp_path: Path) -> None:
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("2", "i", *"unsaved idea")
        pane = screen_of(app).pane(S)
        await pilot.press("alt+right")  # Group B
        await pilot.pause()
        assert pane.capture_input.value == ""  # not carried into Group B's pane
        await pilot.press("enter")  # Enter in Group B saves nothing
        await pilot.press("alt+down")  # another topic, still Group B
        await pilot.pause()
        assert pane.capture_input.value == ""
        await pilot.press("alt+up", "alt+left")  # back to legal × Group A
        await pilot.pause()
        assert pane.capture_input.value == "unsaved idea"
        assert pane.editing is None
        await pilot.press("enter")
        await saved(pilot)
    assert texts(tmp_path, session_id, S, "Group A") == ["unsaved idea"]
    assert texts(tmp_path, session_id, S, "Group B") == []


async def test_text_not_sent_is_back_after_quit_and_resume(tmp_path: Path) -> None:
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("1", "i", *"Half a thought")
        await pilot.press("alt+right")  # kept for Group A
        await pilot.press("escape", "2", "i", *"Group B typing")  # still in the input at quit
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    again = new_app(tmp_path, session_id=session_id)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = screen_of(again)
        assert screen.group == "Group B"
        assert screen.pane(S).capture_input.value == "Group B typing"
        await pilot.press("escape", "left_square_bracket")
        await pilot.pause()
        assert screen.pane(C).capture_input.value == "Half a thought"
    assert Store(tmp_path).open_session(session_id).entries() == []  # drafts are not entries
