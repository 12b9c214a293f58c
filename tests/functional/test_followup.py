"""Follow-up review at the start of a follow-up session: statuses, comments, carry-over."""

from __future__ import annotations

from pathlib import Path

from plenary_helpers import EARLIER_ID, NEW_ID, TODAY, make_app, session_screen
from textual.widgets import Input, Static

from workshop_tui.core.model import ActionStatus, EntryKind
from workshop_tui.core.store import Store
from workshop_tui.ui.app import WorkshopApp
from workshop_tui.ui.screens.followup import FollowUpScreen
from workshop_tui.ui.screens.review import ConfirmScreen


def earlier_status(data_dir: Path, entry_id: str) -> ActionStatus:
    fields = Store(data_dir).open_session(EARLIER_ID).get(entry_id).action
    assert fields is not None
    return fields.status


async def test_review_one_by_one_with_comment_and_carry_over(tmp_path: Path) -> None:
    app = make_app(tmp_path, follow_up=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FollowUpScreen)  # shown at the start of the session
        card = str(screen.query_one("#followup-text", Static).content)
        assert card.startswith("Draft an amendment to the customs law")
        assert "OVERDUE" in card  # due 2026-03-31, today 2026-06-01
        await pilot.press("c")
        await pilot.press(*"sent in May")
        await pilot.press("enter", "1")  # done
        await pilot.pause()
        assert earlier_status(tmp_path, "20250003-ac") == ActionStatus.DONE
        review = Store(tmp_path).open_session(EARLIER_ID).get("20250003-ac").action.reviews[-1]  # type: ignore[union-attr]
        assert (review["comment"], review["session"]) == ("sent in May", NEW_ID)
        # moved on to the next action, comment box empty again
        assert str(screen.query_one("#followup-text", Static).content).startswith(
            "Create a recordation database"
        )
        assert screen.query_one("#followup-comment", Input).value == ""
        await pilot.press("4")  # carry over
        await pilot.pause()
        assert earlier_status(tmp_path, "20250004-ac") == ActionStatus.CARRIED_OVER
        await pilot.press("2", "3")  # in progress, dropped
        await pilot.pause()
        assert earlier_status(tmp_path, "20250007-ac") == ActionStatus.IN_PROGRESS
        assert earlier_status(tmp_path, "20250005-ac") == ActionStatus.DROPPED
        assert "4/4 reviewed" in str(screen.query_one("#followup-title", Static).content)
        await pilot.press("f")  # finish
        await pilot.pause()
        session = session_screen(app)
        session.set_topic("recordation")
        session.set_group("Group B")
        await pilot.pause()
        carried = [
            e for e in session.pane(EntryKind.ACTION).entries if e.action and e.action.carried_from
        ]
        assert [e.text for e in carried] == ["Create a recordation database for trademarks"]
    # finished: not shown again when the session is opened again
    again = WorkshopApp(store=Store(tmp_path), session_id=NEW_ID, today=lambda: TODAY)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        session_screen(again)
        await pilot.press("f6")  # but it can be opened on purpose
        await pilot.pause()
        assert isinstance(again.screen, FollowUpScreen)


async def test_later_brings_it_back_and_navigation(tmp_path: Path) -> None:
    app = make_app(tmp_path, follow_up=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FollowUpScreen)
        await pilot.press("n", "n")
        await pilot.pause()
        assert "action 3 of 4" in str(screen.query_one("#followup-title", Static).content)
        await pilot.press("p")
        await pilot.pause()
        assert "action 2 of 4" in str(screen.query_one("#followup-title", Static).content)
        await pilot.press("escape")
        await pilot.pause()
        session_screen(app)
    again = WorkshopApp(store=Store(tmp_path), session_id=NEW_ID, today=lambda: TODAY)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, FollowUpScreen)


async def test_no_follow_up_for_a_plain_session(tmp_path: Path) -> None:
    app = make_app(tmp_path, follow_up=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        session_screen(app)
        await pilot.press("f6")
        await pilot.pause()
        session_screen(app)
        assert any("does not follow up" in n.message for n in app._notifications)


async def test_typing_on_the_status_list_starts_the_comment(tmp_path: Path) -> None:
    """A facilitator types the comment straight away: the words go into the comment box
    (not the "f"inish, "n"ext... keys), nothing leaks to the session screen below."""
    app = make_app(tmp_path, follow_up=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FollowUpScreen)
        await pilot.press(*"Draft sent", "enter")  # 'f', 'n' inside the words
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one("#followup-comment", Input).value == "Draft sent"
        await pilot.press("2")  # Enter went back to the list: 2 = in progress
        await pilot.pause()
        assert earlier_status(tmp_path, "20250003-ac") == ActionStatus.IN_PROGRESS
        review = Store(tmp_path).open_session(EARLIER_ID).get("20250003-ac").action.reviews[-1]  # type: ignore[union-attr]
        assert review["comment"] == "Draft sent"


async def test_finish_with_actions_left_asks_first(tmp_path: Path) -> None:
    app = make_app(tmp_path, follow_up=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FollowUpScreen)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "4 of 4 actions are not reviewed" in str(app.screen.question)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("f", "y")
        await pilot.pause()
        session_screen(app)
    again = WorkshopApp(store=Store(tmp_path), session_id=NEW_ID, today=lambda: TODAY)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        session_screen(again)  # finished: not shown by itself any more


async def test_a_burst_of_keys_all_goes_into_the_comment(tmp_path: Path) -> None:
    """Keys that reach the status list before the focus has moved (a fast typist, a burst)
    follow the first one into the comment: no "f"inish, no "1" = done, no lost spaces."""
    from textual import events
    from textual.widgets import OptionList

    app = make_app(tmp_path, follow_up=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FollowUpScreen)
        status = screen.query_one("#followup-status", OptionList)
        text = "Draft final, 1 left"
        for char in text:
            key = "space" if char == " " else ("comma" if char == "," else char)
            status.post_message(events.Key(key, char))
        status.post_message(events.Key("enter", "\r"))  # late Enter: does not choose a status
        await pilot.pause()
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one("#followup-comment", Input).value == text
        assert earlier_status(tmp_path, "20250003-ac") == ActionStatus.OPEN
        status.post_message(events.Paste(" — sent to\nthe minister"))
        await pilot.pause()
        comment = screen.query_one("#followup-comment", Input).value
        assert comment == text + " — sent to the minister"


async def test_progress_is_at_the_start_of_the_title(tmp_path: Path) -> None:
    app = make_app(tmp_path, follow_up=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FollowUpScreen)
        title = str(screen.query_one("#followup-title", Static).content)
        assert title.startswith("Follow-up · 0/4 reviewed · action 1 of 4 · of Workshop 2025")
