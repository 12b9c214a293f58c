"""The timer display and duration prompt, driven by a fake clock (no sleeping)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.message import Message
from textual.widgets import Input, Static

from workshop_tui.core.timer import RunState, TimerBank, TimerPhase, Urgency
from workshop_tui.ui.widgets.timer import DurationPrompt, TimerDisplay


class FakeClock:
    def __init__(self, now: float = 500.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


class TimerApp(App[None]):
    """A stand-in for the session screen: shows one topic's timer, records messages."""

    def __init__(self, bank: TimerBank) -> None:
        super().__init__()
        self.bank = bank
        self.received: list[Message] = []

    def compose(self) -> ComposeResult:
        yield TimerDisplay(self.bank, topic_id="legal", topic_title="Legal framework", id="timer")

    def on_timer_display_changed(self, message: TimerDisplay.Changed) -> None:
        self.received.append(message)

    def on_timer_display_phase_changed(self, message: TimerDisplay.PhaseChanged) -> None:
        self.received.append(message)

    def on_timer_display_expired(self, message: TimerDisplay.Expired) -> None:
        self.received.append(message)
        self.notify(f"Time is up for {message.topic_title}")

    def of_type(self, kind: type[Message]) -> list[Message]:
        return [m for m in self.received if isinstance(m, kind)]


def shown(display: TimerDisplay) -> str:
    return str(display.content)


def make_app(seconds: float = 1000) -> tuple[TimerApp, FakeClock]:
    clock = FakeClock()
    bank = TimerBank(clock=clock, wall_clock=FakeClock(0))
    bank.get("legal", seconds)
    return TimerApp(bank), clock


async def test_countdown_colours_and_overtime() -> None:
    app, clock = make_app(1000)
    async with app.run_test() as pilot:
        display = app.query_one(TimerDisplay)
        assert shown(display) == "Timer 16:40 / 16:40  not started"
        assert display.has_class("-idle")

        display.toggle()
        await pilot.pause()
        assert display.has_class("-running")
        assert not display.has_class("-warning")
        assert "running" in shown(display)

        clock.now += 800  # 20 % left
        display.refresh_display()
        await pilot.pause()
        assert display.has_class("-warning")
        assert shown(display).startswith("Timer 03:20 / 16:40")

        clock.now += 150  # 5 % left
        display.refresh_display()
        await pilot.pause()
        assert display.has_class("-error") and not display.has_class("-warning")

        clock.now += 50 + 75  # 1:15 past zero
        display.refresh_display()
        await pilot.pause()
        assert display.has_class("-overtime") and not display.has_class("-error")
        assert shown(display) == "Timer +01:15 over 16:40  time is up  ▶ running"

        expired = app.of_type(TimerDisplay.Expired)
        assert len(expired) == 1
        assert isinstance(expired[0], TimerDisplay.Expired)
        assert expired[0].topic_id == "legal"
        assert expired[0].topic_title == "Legal framework"
        urgencies = [
            m.phase.urgency
            for m in app.of_type(TimerDisplay.PhaseChanged)
            if isinstance(m, TimerDisplay.PhaseChanged)
        ]
        assert urgencies == [Urgency.OK, Urgency.WARNING, Urgency.ERROR, Urgency.OVERTIME]

        # staying in overtime does not announce again
        clock.now += 30
        display.refresh_display()
        await pilot.pause()
        assert len(app.of_type(TimerDisplay.Expired)) == 1


async def test_interval_reads_the_injected_clock() -> None:
    app, clock = make_app(600)
    async with app.run_test() as pilot:
        display = app.query_one(TimerDisplay)
        display.toggle()
        clock.now += 599
        # no explicit refresh: the display's own interval picks the new time up
        await pilot.wait_for_scheduled_animations()
        for _ in range(20):
            await pilot.pause(0.1)
            if display.has_class("-error"):
                break
        assert display.has_class("-error")
        assert shown(display).startswith("Timer 00:01 / 10:00")


async def test_toggle_reset_and_set_duration_post_changed() -> None:
    app, clock = make_app(600)
    async with app.run_test() as pilot:
        display = app.query_one(TimerDisplay)
        display.toggle()
        clock.now += 100
        display.toggle()
        await pilot.pause()
        timer = display.timer
        assert timer is not None
        assert timer.phase == TimerPhase(RunState.PAUSED, Urgency.OK)
        assert shown(display) == "Timer 08:20 / 10:00  ‖ paused"
        assert display.has_class("-paused")

        display.reset()
        await pilot.pause()
        assert timer.state is RunState.IDLE and timer.remaining == 600

        display.set_duration(2 * 3600)
        await pilot.pause()
        assert shown(display) == "Timer 2:00:00 / 2:00:00  not started"

        changed = app.of_type(TimerDisplay.Changed)
        assert len(changed) == 4
        # what the screen saves survives a round trip
        assert app.bank.to_dict()["legal"]["duration"] == 7200


async def test_each_topic_keeps_its_timer_and_background_expiry_is_announced() -> None:
    app, clock = make_app(60)
    async with app.run_test() as pilot:
        display = app.query_one(TimerDisplay)
        display.toggle()  # legal runs ...
        display.show_topic("ops", "Operational procedures", 1800)  # ... while we look at ops
        await pilot.pause()
        assert shown(display) == "Timer 30:00 / 30:00  not started"

        clock.now += 61
        display.refresh_display()
        await pilot.pause()
        expired = app.of_type(TimerDisplay.Expired)
        assert [m.topic_title for m in expired if isinstance(m, TimerDisplay.Expired)] == [
            "Legal framework"
        ]
        assert not display.has_class("-overtime")  # ops is fine

        display.show_topic("legal", "Legal framework", 999)
        await pilot.pause()
        assert display.has_class("-overtime")
        assert shown(display).startswith("Timer +00:01 over 01:00")


async def test_duration_prompt_keeps_bad_input_and_applies_good() -> None:
    app, clock = make_app(600)
    async with app.run_test() as pilot:
        display = app.query_one(TimerDisplay)
        display.prompt_duration()
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, DurationPrompt)
        field = prompt.query_one("#duration-input", Input)
        assert field.value == "10m"

        field.value = ""
        await pilot.press(*"25:75", "enter")
        await pilot.pause()
        assert app.screen is prompt  # still open
        error = prompt.query_one("#duration-error", Static)
        assert error.has_class("-shown")
        assert "seconds must be 00-59" in str(error.content)
        assert field.value == "25:75"

        await pilot.press("backspace", "backspace", "0", "0", "enter")
        await pilot.pause()
        assert app.screen is not prompt
        timer = display.timer
        assert timer is not None and timer.duration == 1500
        assert shown(display) == "Timer 25:00 / 25:00  not started"
        assert len(app.of_type(TimerDisplay.Changed)) == 1


async def test_duration_prompt_escape_changes_nothing() -> None:
    app, clock = make_app(600)
    async with app.run_test() as pilot:
        display = app.query_one(TimerDisplay)
        display.prompt_duration()
        await pilot.pause()
        await pilot.press("backspace", "1", "h", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, DurationPrompt)
        timer = display.timer
        assert timer is not None and timer.duration == 600
        assert app.of_type(TimerDisplay.Changed) == []
