"""Draft book-keeping and timer control, without Textual."""

from __future__ import annotations

import datetime as dt

from workshop_tui.core.drafts import Draft, DraftBook
from workshop_tui.core.timer import RunState, TimerBank
from workshop_tui.ui.widgets.timer.control import ResetGuard, stop_all, stopped_bank


def test_a_draft_is_kept_per_topic_group_and_pane_and_taken_back() -> None:
    book = DraftBook()
    kept = book.stash(
        "legal", "Group A", [("challenge", Draft("No ex officio")), ("solution", Draft("  "))]
    )
    assert kept == ["challenge"]
    assert book.take("legal", "Group B", "challenge") is None
    assert book.take("legal", "Group A", "challenge") == Draft("No ex officio")
    assert len(book) == 0


def test_an_emptied_input_drops_the_older_draft_but_an_edit_begun_is_kept() -> None:
    book = DraftBook({("legal", "Group A", "challenge"): Draft("old")})
    book.stash("legal", "Group A", [("challenge", Draft("")), ("action", Draft("", "e1"))])
    assert book.kept == {("legal", "Group A", "action"): Draft("", "e1")}


def test_what_was_typed_is_kept_when_the_inputs_are_gone() -> None:
    book = DraftBook()
    book.typed("note", "Ask the legal unit", None)
    book.typed("challenge", "   ", None)
    book.stash_typing("risk", "Group C")
    assert book.kept == {("risk", "Group C", "note"): Draft("Ask the legal unit")}


def test_the_saved_form_round_trips_and_malformed_rows_are_left_out() -> None:
    book = DraftBook({("legal", "Group A", "action"): Draft("Draft a fee rule", "e7")})
    saved = book.to_state()
    assert DraftBook.from_state(saved).kept == book.kept
    assert DraftBook.from_state([*saved, ["x"], [1, 2, 3, 4, 5], "junk"]).kept == book.kept
    assert DraftBook.from_state({"not": "a list"}).kept == {}


def test_pending_lists_drafts_in_agenda_order_with_their_first_words() -> None:
    book = DraftBook(
        {
            ("risk", "Group A", "solution"): Draft("one two three four five six seven"),
            ("legal", "Group B", "challenge"): Draft("short"),
        }
    )
    rows = book.pending(["legal", "risk"])
    assert [(r.topic_id, r.group, r.kind) for r in rows] == [
        ("legal", "Group B", "challenge"),
        ("risk", "Group A", "solution"),
    ]
    assert rows[1].draft.preview() == "one two three four five six…"
    assert rows[0].draft.preview() == "short"


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_reset_of_a_timer_that_has_run_needs_a_second_press_soon_after() -> None:
    clock = FakeClock()
    guard = ResetGuard(clock, window=4)
    assert guard.confirm("legal", elapsed=0.5)  # never run: at once
    assert not guard.confirm("legal", elapsed=300)
    clock.now += 2
    assert guard.confirm("legal", elapsed=300)
    assert not guard.confirm("legal", elapsed=300)
    clock.now += 10  # too late: asks again
    assert not guard.confirm("legal", elapsed=300)
    assert not guard.confirm("risk", elapsed=300)  # another topic: its own first press


def test_an_ended_session_shows_the_time_used_up_to_its_end() -> None:
    ended = dt.datetime(2026, 3, 2, 10, 30, tzinfo=dt.UTC)
    saved_at = (ended - dt.timedelta(minutes=10)).timestamp()
    saved = {
        "legal": {"duration": 1800, "state": "running", "remaining": 1200, "saved_at": saved_at},
        "risk": {"duration": 900, "state": "paused", "elapsed": 60},
    }
    later = (ended + dt.timedelta(hours=5)).timestamp()
    bank = stopped_bank(saved, ended.isoformat(), wall_clock=lambda: later)
    legal = bank.find("legal")
    assert legal is not None and legal.state is RunState.PAUSED
    assert abs(legal.elapsed - (600 + 600)) < 1  # 10 min before saving + 10 until the end
    risk = bank.find("risk")
    assert risk is not None and risk.elapsed == 60
    assert bank.running() == []


def test_stop_all_pauses_the_running_timers() -> None:
    bank = TimerBank()
    bank.get("legal", 60).start()
    bank.get("risk", 60)
    assert stop_all(bank)
    assert bank.running() == []
    assert not stop_all(bank)
