"""The session screen with Pilot: every test checks both what is shown and what is stored."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from session_fixtures import (
    AGENDA,
    Notes,
    capture,
    new_app,
    new_session,
    pane_texts,
    saved,
    screen_of,
    select,
    shown_lines,
    type_text,
)
from textual.widgets import Input, Static, Tabs

from workshop_tui.core.model import EntryKind, now_iso
from workshop_tui.core.store import SessionStore, Store, StoreWriteError
from workshop_tui.ui.widgets.action_form import ActionEditor
from workshop_tui.ui.widgets.entries import LinkPicker
from workshop_tui.ui.widgets.topics import SessionHeader, TopicNavigator

SIZE = (120, 40)
C, S, A, P, N = (
    EntryKind.CHALLENGE,
    EntryKind.SOLUTION,
    EntryKind.ACTION,
    EntryKind.PARKING,
    EntryKind.NOTE,
)


def stored(data_dir: Path, session_id: str, **filters: object) -> list[str]:
    """Texts stored for the filters (a fresh Store: what another process would read)."""
    return [e.text for e in Store(data_dir).open_session(session_id).entries(**filters)]  # type: ignore[arg-type]


async def test_capture_in_every_pane_for_two_groups_and_two_topics(tmp_path: Path) -> None:
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        for topic in ("legal", "risk"):
            for group in ("Group A", "Group B"):
                screen.set_topic(topic)
                screen.set_group(group)
                await pilot.pause()
                for kind in (C, S, A, P, N):
                    await capture(pilot, kind, f"{kind.value} {topic} {group}")
        # what the screen shows now: topic risk, Group B
        assert screen.topic_id == "risk" and screen.group == "Group B"
        for kind in (C, S, A, P, N):
            assert pane_texts(app, kind) == [f"{kind.value} risk Group B"]
        assert shown_lines(app, C)[0].startswith("C1 challenge risk Group B")
        navigator = screen.query_one(TopicNavigator)
        assert navigator.counts["legal"].challenges == 1 and navigator.counts["risk"].actions == 1
        # switching back shows that topic × group's own entries only
        await pilot.press("escape", "left_curly_bracket", "left_square_bracket")
        await pilot.pause()
        assert (screen.topic_id, screen.group) == ("legal", "Group A")
        assert pane_texts(app, S) == ["solution legal Group A"]
    for topic in ("legal", "risk"):
        for group in ("Group A", "Group B"):
            for kind in (C, S, A, P, N):
                assert stored(tmp_path, session_id, topic_id=topic, group=group, kind=kind) == [
                    f"{kind.value} {topic} {group}"
                ]


async def test_unicode_text_is_shown_and_stored(tmp_path: Path) -> None:
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    text = "Kurangnya koordinasi 协调不足 連携不足 🚢📦"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("1", "i")
        field = screen_of(app).pane(C).capture_input
        field.value = text  # pasted
        await pilot.press("enter")
        await saved(pilot)
        assert pane_texts(app, C) == [text]
        assert text in shown_lines(app, C)[0]
    assert stored(tmp_path, session_id, kind=C) == [text]


async def test_edit_in_place(tmp_path: Path) -> None:
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await capture(pilot, C, "Slow release", typed=True)
        await select(pilot, C, 0)
        await pilot.press("e")
        pane = screen_of(app).pane(C)
        assert app.focused is pane.capture_input and pane.capture_input.value == "Slow release"
        assert "editing" in str(pane.border_subtitle)
        await type_text(pilot, " of goods")
        await pilot.press("enter")
        await saved(pilot)
        assert pane_texts(app, C) == ["Slow release of goods"]
        assert pane.editing is None and pane.capture_input.value == ""
        # Escape cancels an edit without saving
        await select(pilot, C, 0)
        await pilot.press("enter")
        await type_text(pilot, "XX")
        await pilot.press("escape")
        await pilot.pause()
        assert pane_texts(app, C) == ["Slow release of goods"]
    assert stored(tmp_path, session_id, kind=C) == ["Slow release of goods"]


async def test_delete_and_undo_two_levels(tmp_path: Path) -> None:
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for text in ("first", "second", "third"):
            await capture(pilot, C, text)
        await select(pilot, C, 0)
        await pilot.press("x")  # delete "first"
        await saved(pilot)
        await select(pilot, C, 0)
        await pilot.press("e")
        await type_text(pilot, "!")
        await pilot.press("enter")  # "second" -> "second!"
        await saved(pilot)
        await select(pilot, C, 1)
        await pilot.press("delete")  # delete "third"
        await saved(pilot)
        assert pane_texts(app, C) == ["second!"]
        assert stored(tmp_path, session_id, kind=C) == ["second!"]
        tombstones = Store(tmp_path).open_session(session_id).entries(kind=C, include_deleted=True)
        assert sorted(e.text for e in tombstones if e.deleted) == ["first", "third"]

        await pilot.press("ctrl+z")  # brings "third" back
        await saved(pilot)
        assert pane_texts(app, C) == ["second!", "third"]
        assert stored(tmp_path, session_id, kind=C) == ["second!", "third"]
        await pilot.press("ctrl+z")  # restores the previous text
        await saved(pilot)
        assert pane_texts(app, C) == ["second", "third"]
        await pilot.press("ctrl+z")  # brings "first" back
        await saved(pilot)
        assert pane_texts(app, C) == ["first", "second", "third"]
        assert shown_lines(app, C)[0].startswith("C1 first")
    assert stored(tmp_path, session_id, kind=C) == ["first", "second", "third"]


async def test_reorder_with_shift_and_ctrl_arrows(tmp_path: Path) -> None:
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for text in ("one", "two", "three"):
            await capture(pilot, S, text)
        await select(pilot, S, 0)
        await pilot.press("shift+down", "shift+down")
        await saved(pilot)
        assert pane_texts(app, S) == ["two", "three", "one"]
        assert screen_of(app).pane(S).highlighted_id is not None
        await pilot.press("ctrl+up")
        await saved(pilot)
        assert pane_texts(app, S) == ["two", "one", "three"]
        await pilot.press("ctrl+z")
        await saved(pilot)
        assert pane_texts(app, S) == ["two", "three", "one"]
    assert stored(tmp_path, session_id, kind=S) == ["two", "three", "one"]


async def test_link_solution_to_challenge_visible_both_ways(tmp_path: Path) -> None:
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await capture(pilot, C, "No ex officio powers")
        await capture(pilot, C, "Weak recordation")
        await capture(pilot, S, "Amend the customs code")
        await select(pilot, S, 0)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LinkPicker)
        await pilot.press("down", "enter")  # tick C2
        await saved(pilot)
        await pilot.press("up", "space")  # tick C1
        await saved(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert shown_lines(app, S) == ["S1 Amend the customs code  →C2,C1"]
        assert shown_lines(app, C) == ["C1 No ex officio powers  ←S1", "C2 Weak recordation  ←S1"]
        session = Store(tmp_path).open_session(session_id)
        solution = session.entries(kind=S)[0]
        challenges = session.entries(kind=C)
        assert solution.links == [challenges[1].id, challenges[0].id]
        # untick C2 again: saved at once
        await select(pilot, S, 0)
        await pilot.press("l", "down", "enter", "escape")
        await saved(pilot)
        assert shown_lines(app, C)[1] == "C2 Weak recordation"
    assert Store(tmp_path).open_session(session_id).entries(kind=S)[0].links == [challenges[0].id]


async def test_link_action_to_solution_and_challenge(tmp_path: Path) -> None:
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await capture(pilot, C, "Backlog")
        await capture(pilot, S, "Hire staff")
        await capture(pilot, A, "Request budget")
        await select(pilot, A, 0)
        await pilot.press("l")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, LinkPicker)
        assert [c.text for c in picker.candidates] == ["Hire staff", "Backlog"]
        await pilot.press("enter", "down", "enter", "escape")
        await saved(pilot)
        assert "→S1,C1" in shown_lines(app, A)[0]
        assert shown_lines(app, S) == ["S1 Hire staff  ←A1"]
        assert shown_lines(app, C) == ["C1 Backlog  ←A1"]
    action = Store(tmp_path).open_session(session_id).entries(kind=A)[0]
    assert len(action.links) == 2


async def test_action_editor_bad_then_good_input(tmp_path: Path) -> None:
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
        editor.query_one("#field-owner", Input).value = "Amina Diallo"
        editor.query_one("#field-due", Input).value = "2026-02-31"
        await pilot.press("ctrl+s")
        await saved(pilot)
        assert app.screen is editor  # refused: the form stays open with the typed text
        assert editor.query_one("#field-due", Input).value == "2026-02-31"
        assert "28 days" in str(editor.query_one("#error-due", Static).content)
        assert Store(tmp_path).open_session(session_id).entries(kind=A)[0].action.due == ""  # type: ignore[union-attr]
        editor.query_one("#field-due", Input).value = "2026-03-31"
        await pilot.press("ctrl+s")
        await saved(pilot)
        assert app.screen is screen_of(app)
        line = shown_lines(app, A)[0]
        assert "Amina Diallo · due 2026-03-31 · open" in line
    action = Store(tmp_path).open_session(session_id).entries(kind=A)[0]
    assert action.action is not None
    assert (action.action.owner, action.action.due) == ("Amina Diallo", "2026-03-31")


async def test_dot_voting_budget_and_sort(tmp_path: Path) -> None:
    session_id = new_session(tmp_path, votes_per_group=3)
    app = new_app(tmp_path, session_id=session_id)
    notes = Notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await capture(pilot, C, "alpha")
        await capture(pilot, C, "beta")
        await select(pilot, C, 1)
        await pilot.press("v", "v")
        await select(pilot, C, 0)
        await pilot.press("v")
        await saved(pilot)
        votes = screen_of(app).query_one(SessionHeader)
        assert "votes 0/3" in votes.plain
        await pilot.press("v")  # budget spent: refused
        await saved(pilot)
        assert any("used all 3 votes" in m for m in notes.messages("warning"))
        assert [e.vote_count for e in Store(tmp_path).open_session(session_id).entries(kind=C)] == [
            1,
            2,
        ]
        await pilot.press("s")  # sort by votes
        await pilot.pause()
        assert pane_texts(app, C) == ["beta", "alpha"]
        assert shown_lines(app, C)[0] == "C2 beta  ●2"
        assert str(screen_of(app).pane(C).border_title).endswith("↓●")
        await select(pilot, C, 0)
        await pilot.press("V", "V")  # remove beta's two votes
        await saved(pilot)
        assert pane_texts(app, C) == ["alpha", "beta"]
        assert "votes 2/3" in votes.plain
        # Group B has its own budget
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert "Group B: votes 3/3" in votes.plain
    entries = Store(tmp_path).open_session(session_id).entries(kind=C)
    assert [(e.text, e.votes) for e in entries] == [("alpha", {"Group A": 1}), ("beta", {})]


async def test_quit_and_resume_restore_topic_group_pane_and_entries(tmp_path: Path) -> None:
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.focused is screen_of(app).pane(C).entry_list  # a digit switches panes
        await pilot.press("alt+down", "alt+right")  # work while typing
        await capture(pilot, S, "Joint risk profiles")
        await capture(pilot, C, "No shared database")
        await pilot.press("escape", "2", "o")  # solutions pane, show parking/notes
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
    state = Store(tmp_path).open_session(session_id).get_state()
    assert (state["topic"], state["group"], state["pane"]) == ("risk", "Group B", "solution")

    again = new_app(tmp_path, session_id=session_id)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = screen_of(again)
        assert (screen.topic_id, screen.group, screen.current_kind) == ("risk", "Group B", S)
        assert screen.query_one("#extra-panes").display is True
        assert pane_texts(again, S) == ["Joint risk profiles"]
        assert pane_texts(again, C) == ["No shared database"]
        assert again.focused is screen.pane(S).entry_list
        tabs = screen.query_one("#group-tabs", Tabs)
        assert tabs.active == "group-1"


async def test_read_only_session_refuses_capture_and_edits(tmp_path: Path) -> None:
    session_id = new_session(tmp_path)
    store = Store(tmp_path).open_session(session_id)
    store.add_entry(C, "legal", "Group A", "Old challenge")
    store.update_session(ended=now_iso())
    app = new_app(tmp_path)
    notes = Notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_session(session_id, read_only=True)
        await pilot.pause()
        screen = screen_of(app)
        assert screen.read_only
        assert "READ-ONLY" in screen.query_one(SessionHeader).plain
        assert screen.pane(C).capture_input.disabled
        await select(pilot, C, 0)
        for key in ("i", "e", "x", "v", "ctrl+z"):  # hidden and inert in a read-only session
            await pilot.press(key)
            await pilot.pause()
        assert app.focused is screen.pane(C).entry_list  # i did not start typing
        assert not notes.messages("error")
        assert pane_texts(app, C) == ["Old challenge"]
    entries = Store(tmp_path).open_session(session_id).entries(include_deleted=True)
    assert [(e.text, e.deleted, e.votes) for e in entries] == [("Old challenge", False, {})]


async def test_write_error_keeps_the_typed_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    notes = Notes(app)

    def refuse(self: SessionStore, *args: object, **kwargs: object) -> None:
        raise StoreWriteError(self.path, OSError(errno.ENOSPC, "No space left on device"))

    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        monkeypatch.setattr(SessionStore, "add_entry", refuse)
        await capture(pilot, C, "Important point")
        pane = screen_of(app).pane(C)
        assert pane.capture_input.value == "Important point"
        assert app.focused is pane.capture_input
        errors = notes.messages("error")
        assert errors and "disk is full" in errors[0]
        assert pane_texts(app, C) == []
        monkeypatch.undo()
        await pilot.press("enter")  # retry once the disk has room
        await saved(pilot)
        assert pane.capture_input.value == ""
        assert pane_texts(app, C) == ["Important point"]
    assert stored(tmp_path, session_id, kind=C) == ["Important point"]


async def test_locked_group_cannot_switch(tmp_path: Path) -> None:
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id, group="Group B")
    notes = Notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        assert screen.group == "Group B"
        tabs = screen.query_one("#group-tabs", Tabs)
        assert tabs.disabled and "locked" in str(tabs.active_tab.label)  # type: ignore[union-attr]
        await capture(pilot, C, "Scribe B")
        await pilot.press("escape", "right_square_bracket")
        await pilot.pause()
        assert screen.group == "Group B"
        assert any("locked to Group B" in m for m in notes.messages("warning"))
    assert stored(tmp_path, session_id, group="Group B") == ["Scribe B"]
    assert stored(tmp_path, session_id, group="Group A") == []
    state = Store(tmp_path).open_session(session_id).get_state()
    assert "group" not in state  # the facilitator's place is not moved by a scribe's laptop
    assert state["scribe:Group B"]["group"] == "Group B"


async def test_scribe_laptop_starts_at_the_facilitators_topic(tmp_path: Path) -> None:
    session_id = new_session(tmp_path)
    Store(tmp_path).open_session(session_id).set_state(topic="risk", group="Group A")
    app = new_app(tmp_path, session_id=session_id, group="Group B")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        assert (screen.topic_id, screen.group) == ("risk", "Group B")
        await pilot.press("alt+up")
        await pilot.pause()
        assert screen.topic_id == "legal"
    state = Store(tmp_path).open_session(session_id).get_state()
    assert (state["topic"], state["group"]) == ("risk", "Group A")
    assert state["scribe:Group B"]["topic"] == "legal"


async def test_entries_written_by_another_process_appear(tmp_path: Path) -> None:
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await capture(pilot, C, "mine")
        other = Store(tmp_path).open_session(session_id)  # a second scribe's process
        other.add_entry(C, "legal", "Group A", "theirs")
        screen_of(app)._check_disk()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert pane_texts(app, C) == ["mine", "theirs"]


async def test_topic_navigator_and_description_toggle(tmp_path: Path) -> None:
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        info = screen.query_one("#topic-info-text", Static)
        assert "Which TRIPS obligations are met?" in str(info.content)
        await pilot.press("escape", "t", "down", "enter")
        await saved(pilot)
        assert screen.topic_id == "risk"
        assert "Targeting shipments." in str(info.content)
        await pilot.press("escape", "d")
        await pilot.pause()
        assert screen.query_one("#topic-info").display is False
    assert Store(tmp_path).open_session(session_id).get_state()["show_info"] is False


async def test_small_terminal_hides_description_but_keeps_panes(tmp_path: Path) -> None:
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        assert screen.query_one("#topic-info").display is False
        # stacked at 80 columns: the open pane's input and the others' summary lines are
        # all on screen, above the footer; each digit opens its pane
        for digit, kind in (("1", C), ("2", S), ("3", A)):
            await pilot.press(digit)
            await pilot.pause()
            region = screen.pane(kind).capture_input.region
            assert region.height == 1 and region.bottom <= 23, (kind, region)
            for other in {C, S, A} - {kind}:
                line = screen.query_one(f"#summary-{other.value}").region
                assert line.height == 1 and line.bottom <= 23, (other, line)
        await pilot.press("escape", "d")
        await pilot.pause()
        assert screen.query_one("#topic-info").display is True
        assert AGENDA.topics[0].title in str(screen.query_one("#topic-info-text", Static).content)


async def test_end_session_after_confirming_makes_it_read_only(tmp_path: Path) -> None:
    from workshop_tui.ui.commands import WorkshopCommands, palette_commands_for

    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await capture(pilot, C, "Last point")
        screen = screen_of(app)
        commands = palette_commands_for(WorkshopCommands(screen))
        end = next(c for c in commands if c.title.startswith("End session"))
        end.run()
        await pilot.pause()
        await pilot.press("n")  # changed my mind
        await pilot.pause()
        assert not screen.read_only
        assert Store(tmp_path).open_session(session_id).session.ended == ""
        end.run()
        await pilot.pause()
        await pilot.press("y")
        await saved(pilot)
        assert screen.read_only and screen.pane(C).capture_input.disabled
        assert "READ-ONLY" in screen.query_one(SessionHeader).plain
        assert pane_texts(app, C) == ["Last point"]
    assert Store(tmp_path).open_session(session_id).session.ended != ""


async def test_topic_timer_runs_per_topic_and_survives_resume(tmp_path: Path) -> None:
    from workshop_tui.ui.widgets.timer import TimerDisplay

    now = [1000.0]
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id, clock=lambda: now[0])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape", "p")  # start the Legal framework timer (30 min)
        now[0] += 60
        display = screen_of(app).query_one(TimerDisplay)
        display.refresh_display()
        await pilot.pause()
        assert "29:00 / 30:00" in str(display.content)
        await pilot.press("right_curly_bracket")  # Risk analysis keeps its own timer
        await pilot.pause()
        assert display.topic_id == "risk" and "45:00 / 45:00" in str(display.content)
        await pilot.press("q")
    timers = Store(tmp_path).open_session(session_id).get_state()["timers"]
    assert timers["legal"]["state"] == "running" and timers["risk"]["state"] == "idle"

    again = new_app(tmp_path, session_id=session_id, clock=lambda: now[0])
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = screen_of(again)
        assert screen.topic_id == "risk"
        legal = screen.timers.find("legal")
        assert legal is not None and legal.running
        assert 28 * 60 < legal.remaining <= 29 * 60


async def test_mouse_switches_group_and_topic_and_opens_an_action(tmp_path: Path) -> None:
    session_id = new_session(tmp_path)
    store = Store(tmp_path).open_session(session_id)
    store.add_entry(A, "risk", "Group B", "Share risk profiles")
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        await pilot.click("#group-tabs #group-1")
        await pilot.pause()
        assert screen.group == "Group B"
        navigator = screen.query_one(TopicNavigator)
        await pilot.click(navigator, offset=(6, 4))  # second topic's title row
        await pilot.pause()
        assert screen.topic_id == "risk"
        assert pane_texts(app, A) == ["Share risk profiles"]
        await pilot.click(screen.pane(A).entry_list, offset=(5, 0))
        await pilot.pause()
        assert isinstance(app.screen, ActionEditor)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
    state = Store(tmp_path).open_session(session_id).get_state()
    assert (state["topic"], state["group"]) == ("risk", "Group B")


async def test_a_burst_of_keys_with_enters_saves_each_entry_in_order(tmp_path: Path) -> None:
    """Keys queued behind a stalled event loop: each Enter saves exactly what preceded it."""
    from textual import events

    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        field = screen_of(app).pane(C).capture_input
        await pilot.press("i")
        assert app.focused is field
        for key in ["a", "b", "enter", "c", "d", "enter", "e"]:
            char = None if key == "enter" else key
            field.post_message(events.Key(key, char))
        await pilot.pause()
        await pilot.pause()
        assert pane_texts(app, C) == ["ab", "cd"]
        assert field.value == "e"
    assert stored(tmp_path, session_id, kind=C) == ["ab", "cd"]


async def test_resuming_an_ended_session_opens_it_read_only(tmp_path: Path) -> None:
    session_id = new_session(tmp_path)
    Store(tmp_path).open_session(session_id).update_session(ended=now_iso())
    app = new_app(tmp_path, session_id=session_id)  # as `workshop-tui resume` does
    notes = Notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert screen_of(app).read_only
        assert any("has ended" in m for m in notes.messages())


async def test_a_damaged_session_file_is_reported_not_fatal(tmp_path: Path) -> None:
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    notes = Notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await capture(pilot, C, "Kept on screen")
        path = Store(tmp_path).session_path(session_id)
        good = path.read_bytes()
        path.write_bytes(b'{"session": {')  # another program damaged it
        screen_of(app)._check_disk()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("left untouched" in m for m in notes.messages("error"))
        assert pane_texts(app, C) == ["Kept on screen"]
        await capture(pilot, C, "Not lost")
        assert screen_of(app).pane(C).capture_input.value == "Not lost"  # refused, kept
        assert path.read_bytes() == b'{"session": {'  # never overwritten
        path.write_bytes(good)
    assert stored(tmp_path, session_id, kind=C) == ["Kept on screen"]


async def test_resetting_a_timer_that_has_run_needs_a_second_r(tmp_path: Path) -> None:
    """One stray shifted key in front of the room must not wipe the time used."""
    from workshop_tui.ui.widgets.timer import TimerDisplay

    now = [1000.0]
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id, clock=lambda: now[0])
    notes = Notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        display = screen_of(app).query_one(TimerDisplay)
        await pilot.press("escape", "R")  # not started: resets at once, nothing to lose
        await pilot.pause()
        assert notes.messages() == []
        await pilot.press("p")
        now[0] += 125
        await pilot.press("R")
        await pilot.pause()
        assert display.timer is not None and display.timer.elapsed == 125  # kept
        assert any("2:05 of 30:00 used: press R again" in m for m in notes.messages())
        await pilot.press("right_curly_bracket", "R")  # another topic: the first R is void
        await pilot.press("left_curly_bracket", "R")
        await pilot.pause()
        assert display.timer.elapsed == 125
        await pilot.press("R")  # the second R
        await pilot.pause()
        assert display.timer.elapsed == 0 and not display.timer.running
        assert "30:00 / 30:00" in str(display.content)
