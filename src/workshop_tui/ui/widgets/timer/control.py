"""Timer control without Textual: the timer keys, the reset confirmation, an ended session's
timers.

No Textual here, so the rules are tested on their own (tests/unit/test_timer_control.py).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import Any

from workshop_tui.core.i18n import _
from workshop_tui.core.timer import TimerBank, format_clock

#: a second R within about this long resets a timer that has run
RESET_CONFIRM_SECONDS = 4.0


class ResetGuard:
    """A timer that has already run is reset only by a second R on the same topic soon
    after the first: one stray shifted key must not wipe it in front of the room."""

    def __init__(
        self, clock: Callable[[], float] = time.monotonic, window: float = RESET_CONFIRM_SECONDS
    ) -> None:
        self.clock = clock
        self.window = window
        self._armed: tuple[str, float] | None = None

    def confirm(self, topic_id: str, elapsed: float) -> bool:
        """True: reset now. False: the first R on a timer that has run (ask again)."""
        armed, self._armed = self._armed, None
        now = self.clock()
        if elapsed < 1:
            return True
        if armed is not None and armed[0] == topic_id and now - armed[1] <= self.window:
            return True
        self._armed = (topic_id, now)
        return False


def _epoch(iso: str) -> float | None:
    try:
        moment = dt.datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.timestamp()


def stopped_bank(
    saved: dict[str, Any] | None,
    ended: str | None,
    *,
    clock: Callable[[], float] = time.monotonic,
    wall_clock: Callable[[], float] = time.time,
) -> TimerBank:
    """The timers of an ended session, stopped: a timer saved running counts up to the
    moment the session ended (``ended``, ISO time; now when unknown), then stays paused."""
    end = _epoch(ended) if ended else None
    now = wall_clock()
    at_end = min(end, now) if end is not None else now
    bank = TimerBank.from_dict(saved, clock=clock, wall_clock=lambda: at_end)
    for topic_id in bank.running():
        timer = bank.find(topic_id)
        if timer is not None:
            timer.pause()
    bank.wall_clock = wall_clock
    return bank


def stop_all(bank: TimerBank) -> bool:
    """Pause every running timer (the session is ending); True when one was running."""
    running = bank.running()
    for topic_id in running:
        timer = bank.find(topic_id)
        if timer is not None:
            timer.pause()
    return bool(running)


class TimerControl:
    """The session screen's timer keys (p, R, m) applied to its display: start/pause, reset
    (confirmed by a second R once the timer has run), set the length.

    ``display`` is the :class:`~workshop_tui.ui.widgets.timer.TimerDisplay` (anything with
    ``timer``, ``toggle``, ``reset``, ``prompt_duration``); ``notify`` shows a note."""

    def __init__(
        self,
        display: Any,
        notify: Callable[..., Any],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.display = display
        self.notify = notify
        self.guard = ResetGuard(clock)

    def apply(self, operation: str) -> None:
        display = self.display
        if operation == "toggle":
            display.toggle()
        elif operation == "reset":
            timer = display.timer
            if timer is not None and not self.guard.confirm(display.topic_id, timer.elapsed):
                self.notify(
                    _("{used} of {total} used: press R again to reset the timer.").format(
                        used=format_clock(timer.elapsed), total=format_clock(timer.duration)
                    ),
                    title=_("Timer"),
                    timeout=self.guard.window,
                )
                return
            display.reset()
        elif operation == "set":
            display.prompt_duration()
