"""Topic timers: phases, overtime, pause/resume, reset, typed durations, saving."""

from __future__ import annotations

import pytest

from workshop_tui.core.timer import (
    RunState,
    TimerBank,
    TimerPhase,
    TopicTimer,
    Urgency,
    countdown_text,
    format_clock,
    format_duration,
    parse_duration,
)


class FakeClock:
    """A clock that only moves when told to."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def wall() -> FakeClock:
    return FakeClock(1_800_000_000.0)


def make(seconds: float, clock: FakeClock, wall: FakeClock | None = None) -> TopicTimer:
    return TopicTimer(seconds, clock=clock, wall_clock=wall or FakeClock(0))


def test_new_timer_is_idle_and_full(clock: FakeClock) -> None:
    timer = make(600, clock)
    clock.advance(100)
    assert timer.phase == TimerPhase(RunState.IDLE, Urgency.OK)
    assert timer.remaining == 600
    assert timer.elapsed == 0
    assert timer.overtime == 0
    assert countdown_text(timer) == "10:00"


def test_running_timer_counts_down(clock: FakeClock) -> None:
    timer = make(600, clock)
    timer.start()
    clock.advance(61.5)
    assert timer.state is RunState.RUNNING
    assert timer.elapsed == pytest.approx(61.5)
    assert timer.remaining == pytest.approx(538.5)
    # rounded up, so the display reads 00:00 exactly at the end
    assert countdown_text(timer) == "08:59"


def test_warning_at_20_percent_and_error_at_5_percent(clock: FakeClock) -> None:
    timer = make(1000, clock)
    timer.start()
    clock.advance(799)
    assert timer.urgency is Urgency.OK  # 201 s = 20.1 % left
    clock.advance(1)
    assert timer.urgency is Urgency.WARNING  # exactly 20 % left
    clock.advance(149)
    assert timer.urgency is Urgency.WARNING  # 51 s = 5.1 % left
    clock.advance(1)
    assert timer.urgency is Urgency.ERROR  # exactly 5 % left
    clock.advance(49.9)
    assert timer.urgency is Urgency.ERROR
    assert not timer.expired


def test_overtime_counts_past_zero(clock: FakeClock) -> None:
    timer = make(300, clock)
    timer.start()
    clock.advance(300)
    assert timer.expired
    assert timer.urgency is Urgency.OVERTIME
    assert countdown_text(timer) == "+00:00"
    clock.advance(125.7)
    assert timer.remaining == 0
    assert timer.overtime == pytest.approx(125.7)
    assert timer.phase == TimerPhase(RunState.RUNNING, Urgency.OVERTIME)
    assert countdown_text(timer) == "+02:05"


def test_pause_keeps_time_and_resume_continues(clock: FakeClock) -> None:
    timer = make(600, clock)
    timer.start()
    clock.advance(100)
    timer.pause()
    assert timer.state is RunState.PAUSED
    clock.advance(1000)  # a long coffee break does not count
    assert timer.elapsed == 100
    assert timer.toggle() is RunState.RUNNING
    clock.advance(20)
    assert timer.elapsed == 120
    assert timer.toggle() is RunState.PAUSED
    assert timer.elapsed == 120


def test_paused_timer_keeps_its_urgency(clock: FakeClock) -> None:
    timer = make(100, clock)
    timer.start()
    clock.advance(90)
    timer.pause()
    assert timer.phase == TimerPhase(RunState.PAUSED, Urgency.WARNING)


def test_start_and_pause_are_idempotent(clock: FakeClock) -> None:
    timer = make(600, clock)
    timer.pause()
    assert timer.state is RunState.IDLE
    timer.start()
    clock.advance(10)
    timer.start()  # must not restart the run
    clock.advance(10)
    assert timer.elapsed == 20


def test_reset_returns_to_idle_full_duration(clock: FakeClock) -> None:
    timer = make(600, clock)
    timer.start()
    clock.advance(700)
    timer.reset()
    assert timer.phase == TimerPhase(RunState.IDLE, Urgency.OK)
    assert timer.remaining == 600
    clock.advance(50)
    assert timer.elapsed == 0


def test_set_duration_restarts_the_count_and_keeps_running(clock: FakeClock) -> None:
    timer = make(600, clock)
    timer.start()
    clock.advance(590)
    timer.set_duration(10 * 3600)  # no upper bound
    assert timer.state is RunState.RUNNING
    assert timer.remaining == 36000
    clock.advance(60)
    assert timer.remaining == 35940

    timer.pause()
    timer.set_duration(90)
    assert timer.state is RunState.IDLE
    assert timer.remaining == 90


@pytest.mark.parametrize("bad", [0, -5, float("nan"), float("inf")])
def test_bad_durations_are_refused(clock: FakeClock, bad: float) -> None:
    with pytest.raises(ValueError, match="positive number of seconds"):
        make(bad, clock)
    timer = make(60, clock)
    with pytest.raises(ValueError):
        timer.set_duration(bad)
    assert timer.duration == 60


@pytest.mark.parametrize(
    ("typed", "seconds"),
    [
        ("15", 900),
        ("15m", 900),
        ("15 min", 900),
        ("15minutes", 900),
        ("1h30", 5400),
        ("1h30m", 5400),
        ("1h 30m", 5400),
        ("1h", 3600),
        ("1.5h", 5400),
        ("90s", 90),
        ("2m30s", 150),
        ("2m30", 150),
        ("1h0m5s", 3605),
        ("1:30:00", 5400),
        ("25:00", 1500),
        ("0:45", 45),
        ("  25:00 ", 1500),
        ("90", 5400),
        ("600", 36000),  # no cap
        ("12:00:00", 43200),
        ("1H30M", 5400),
    ],
)
def test_parse_duration(typed: str, seconds: int) -> None:
    assert parse_duration(typed) == seconds


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Type a duration"),
        ("   ", "Type a duration"),
        ("abc", "'abc' is not a duration"),
        ("-5", "'-5' is not a duration"),
        ("15 30", "'15 30' is not a duration"),
        ("10x", "unknown unit 'x'"),
        ("30m1h", "hours before minutes before seconds"),
        ("25:75", "seconds must be 00-59"),
        ("1:75:00", "minutes and seconds must be 00-59"),
        ("1:2:3:4", "is not a duration: use MM:SS"),
        ("25:", "is not a duration: use MM:SS"),
        ("0", "at least 1s"),
        ("0:00", "at least 1s"),
        ("30s5", "'30s5' is not a duration"),
    ],
)
def test_parse_duration_errors(typed: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_duration(typed)


@pytest.mark.parametrize("seconds", [1, 59, 60, 90, 1500, 3600, 5400, 3605, 43200])
def test_format_duration_round_trips(seconds: int) -> None:
    assert parse_duration(format_duration(seconds)) == seconds


def test_format_clock() -> None:
    assert format_clock(0) == "00:00"
    assert format_clock(59.9) == "00:59"
    assert format_clock(1500) == "25:00"
    assert format_clock(3599) == "59:59"
    assert format_clock(3600) == "1:00:00"
    assert format_clock(5400) == "1:30:00"
    assert format_clock(-3) == "00:00"


def test_round_trip_idle_and_paused(clock: FakeClock, wall: FakeClock) -> None:
    idle = make(900, clock, wall)
    paused = make(900, clock, wall)
    paused.start()
    clock.advance(300)
    paused.pause()
    wall.advance(5000)  # time passing while saved does not count for a paused timer

    idle2 = TopicTimer.from_dict(idle.to_dict(), clock=FakeClock(5), wall_clock=wall)
    paused2 = TopicTimer.from_dict(paused.to_dict(), clock=FakeClock(5), wall_clock=wall)
    assert idle2.phase == TimerPhase(RunState.IDLE, Urgency.OK)
    assert idle2.remaining == 900
    assert paused2.state is RunState.PAUSED
    assert paused2.elapsed == 300
    assert paused2.duration == 900


def test_running_timer_resumed_later_continues_with_wall_time(
    clock: FakeClock, wall: FakeClock
) -> None:
    timer = make(600, clock, wall)
    timer.start()
    clock.advance(100)
    wall.advance(100)
    saved = timer.to_dict()
    assert "remaining" in saved and "saved_at" in saved
    assert saved["remaining"] == pytest.approx(500)

    # the app quits; 7 minutes later it is started again with a fresh monotonic clock
    wall.advance(420)
    new_clock = FakeClock(3.0)
    resumed = TopicTimer.from_dict(saved, clock=new_clock, wall_clock=wall)
    assert resumed.state is RunState.RUNNING
    assert resumed.remaining == pytest.approx(80)
    assert resumed.urgency is Urgency.WARNING
    new_clock.advance(100)
    assert resumed.urgency is Urgency.OVERTIME
    assert resumed.overtime == pytest.approx(20)


def test_running_timer_saved_in_overtime(clock: FakeClock, wall: FakeClock) -> None:
    timer = make(60, clock, wall)
    timer.start()
    clock.advance(90)
    saved = timer.to_dict()
    assert saved["remaining"] == pytest.approx(-30)
    wall.advance(10)
    resumed = TopicTimer.from_dict(saved, clock=FakeClock(0), wall_clock=wall)
    assert resumed.overtime == pytest.approx(40)


def test_wall_clock_going_back_counts_as_no_time(clock: FakeClock, wall: FakeClock) -> None:
    timer = make(600, clock, wall)
    timer.start()
    clock.advance(100)
    saved = timer.to_dict()
    wall.advance(-3600)  # the laptop's clock was corrected
    resumed = TopicTimer.from_dict(saved, clock=FakeClock(0), wall_clock=wall)
    assert resumed.remaining == pytest.approx(500)


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"duration": "long"},
        {"duration": 0},
        {"duration": 60, "state": "sprinting"},
        {"duration": 60, "state": "running"},  # no remaining / saved_at
        {"duration": 60, "state": "paused", "elapsed": -4},
        {"duration": 60, "state": "paused", "elapsed": "x"},
    ],
)
def test_from_dict_refuses_malformed_state(data: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        TopicTimer.from_dict(data)


def test_bank_keeps_one_timer_per_topic(clock: FakeClock) -> None:
    bank = TimerBank(clock=clock, wall_clock=FakeClock(0))
    legal = bank.for_topic("legal", 30)
    assert legal.duration == 1800
    legal.start()
    clock.advance(60)
    ops = bank.get("ops", 600)
    assert ops.state is RunState.IDLE
    # switching back finds the same, still-running timer
    assert bank.for_topic("legal", 30) is legal
    assert legal.elapsed == 60
    assert bank.running() == ["legal"]
    assert set(bank) == {"legal", "ops"}
    assert "ops" in bank and "risk" not in bank
    assert bank.find("risk") is None
    assert len(bank) == 2


def test_bank_round_trip_through_plain_dict(clock: FakeClock, wall: FakeClock) -> None:
    bank = TimerBank(clock=clock, wall_clock=wall)
    bank.for_topic("legal", 30).start()
    paused = bank.get("ops", 600)
    paused.start()
    clock.advance(120)
    wall.advance(120)
    paused.pause()
    bank.get("risk", 900)
    saved = bank.to_dict()

    wall.advance(60)
    restored = TimerBank.from_dict(saved, clock=FakeClock(0), wall_clock=wall)
    assert set(restored) == {"legal", "ops", "risk"}
    legal = restored.find("legal")
    assert legal is not None and legal.running
    assert legal.elapsed == pytest.approx(180)
    ops = restored.find("ops")
    assert ops is not None and ops.state is RunState.PAUSED and ops.elapsed == 120
    risk = restored.find("risk")
    assert risk is not None and risk.state is RunState.IDLE and risk.duration == 900


def test_bank_from_dict_drops_malformed_timers() -> None:
    saved = {"legal": {"duration": 60}, "bad": {"duration": -1}, "worse": "nonsense"}
    bank = TimerBank.from_dict(saved)
    assert list(bank) == ["legal"]
    assert len(TimerBank.from_dict(None)) == 0
    assert len(TimerBank.from_dict(["not", "a", "dict"])) == 0  # type: ignore[arg-type]
