"""Topic timers: a countdown per topic that warns near the end and counts overtime.

Pure domain logic (no Textual). A :class:`TopicTimer` has two independent properties:

* its **run state** (:class:`RunState`): ``idle`` (never started since the last reset),
  ``running`` or ``paused``;
* its **urgency** (:class:`Urgency`): ``ok``, ``warning`` (at most 20 % of the duration left),
  ``error`` (at most 5 % left) or ``overtime`` (time is up; the timer keeps counting past zero).

They are kept apart because a paused timer can be in warning, and an idle one is always ok.
The pair is available as :attr:`TopicTimer.phase`.

Time comes from an injectable monotonic ``clock`` (default :func:`time.monotonic`), so tests
advance a fake clock instead of sleeping. Saved state (:meth:`TopicTimer.to_dict`) never
contains monotonic readings — they mean nothing in another process. A running timer is saved
as its remaining seconds plus a wall-clock stamp (``time.time()``, also injectable as
``wall_clock``); :meth:`TopicTimer.from_dict` subtracts the wall time that passed since the
stamp, so a timer that was running when the app quit continues as if it had never stopped.
A wall clock that went backwards counts as no time passed.

A :class:`TimerBank` holds one timer per topic id, so each topic keeps its own countdown
while the facilitator switches topics, and serialises to a plain dict for
``SessionStore.set_state(timers=...)``.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple

from workshop_tui.core.i18n import N_, _

Clock = Callable[[], float]

#: at or below this share of the duration left, the timer warns ...
WARNING_SHARE = 0.20
#: ... and at or below this share, it shows an error
ERROR_SHARE = 0.05

DURATION_EXAMPLES = "15, 15m, 1h30, 90s, 25:00 or 1:30:00"


class RunState(StrEnum):
    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"

    @property
    def label(self) -> str:
        return {"idle": N_("not started"), "running": N_("running"), "paused": N_("paused")}[
            self.value
        ]


class Urgency(StrEnum):
    OK = "ok"
    WARNING = "warning"
    ERROR = "error"
    OVERTIME = "overtime"


class TimerPhase(NamedTuple):
    """What a display needs to decide how the timer looks."""

    state: RunState
    urgency: Urgency


@dataclass
class TopicTimer:
    """A countdown of ``duration`` seconds for one topic.

    ``elapsed`` accumulates over start/pause cycles; while running, the time since the last
    start (read from ``clock``) is added to it.
    """

    duration: float
    clock: Clock = field(default=time.monotonic, repr=False, compare=False)
    wall_clock: Clock = field(default=time.time, repr=False, compare=False)
    _banked: float = field(default=0.0, repr=False)  # elapsed seconds before the current run
    _run_started: float | None = field(default=None, repr=False)  # clock() at the last start
    _state: RunState = field(default=RunState.IDLE, repr=False)

    def __post_init__(self) -> None:
        _check_duration(self.duration)

    # -- reading ----------------------------------------------------------------------
    @property
    def state(self) -> RunState:
        return self._state

    @property
    def running(self) -> bool:
        return self._state is RunState.RUNNING

    @property
    def elapsed(self) -> float:
        """Seconds counted so far (past the duration too)."""
        if self._run_started is None:
            return self._banked
        return self._banked + max(0.0, self.clock() - self._run_started)

    @property
    def remaining(self) -> float:
        """Seconds left; never negative (see :attr:`overtime`)."""
        return max(0.0, self.duration - self.elapsed)

    @property
    def overtime(self) -> float:
        """Seconds counted past zero; 0 while time is left."""
        return max(0.0, self.elapsed - self.duration)

    @property
    def expired(self) -> bool:
        return self.elapsed >= self.duration

    @property
    def urgency(self) -> Urgency:
        left = self.duration - self.elapsed
        if left <= 0:
            return Urgency.OVERTIME
        if left <= self.duration * ERROR_SHARE:
            return Urgency.ERROR
        if left <= self.duration * WARNING_SHARE:
            return Urgency.WARNING
        return Urgency.OK

    @property
    def phase(self) -> TimerPhase:
        return TimerPhase(self._state, self.urgency)

    # -- controlling ------------------------------------------------------------------
    def start(self) -> None:
        """Start or resume counting; no-op when already running."""
        if self._state is RunState.RUNNING:
            return
        self._run_started = self.clock()
        self._state = RunState.RUNNING

    def pause(self) -> None:
        """Stop counting, keeping the time counted so far; no-op unless running."""
        if self._state is not RunState.RUNNING:
            return
        self._banked = self.elapsed
        self._run_started = None
        self._state = RunState.PAUSED

    def toggle(self) -> RunState:
        """Start when idle or paused, pause when running; return the new state."""
        if self.running:
            self.pause()
        else:
            self.start()
        return self._state

    def reset(self) -> None:
        """Back to the full duration, not running."""
        self._banked = 0.0
        self._run_started = None
        self._state = RunState.IDLE

    def set_duration(self, seconds: float) -> None:
        """Count down ``seconds`` from now on: the count restarts, a running timer keeps running.

        Typing a new duration means "this much time from here", so the time already counted
        is dropped. Any positive duration is accepted (no upper bound).
        """
        _check_duration(seconds)
        was_running = self.running
        self.duration = float(seconds)
        self.reset()
        if was_running:
            self.start()

    # -- saving -----------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """Plain data independent of the monotonic clock (see the module docstring)."""
        data: dict[str, Any] = {
            "duration": self.duration,
            "state": self._state.value,
            "elapsed": self.elapsed,
        }
        if self.running:
            data["remaining"] = self.duration - self.elapsed  # negative in overtime
            data["saved_at"] = self.wall_clock()
        return data

    @classmethod
    def from_dict(
        cls,
        data: dict[str, Any],
        *,
        clock: Clock = time.monotonic,
        wall_clock: Clock = time.time,
    ) -> TopicTimer:
        """Rebuild a timer saved by :meth:`to_dict`; raise ValueError on malformed data."""
        try:
            duration = float(data["duration"])
            state = RunState(data.get("state") or "idle")
            if state is RunState.RUNNING:
                remaining = float(data["remaining"])
                passed = max(0.0, wall_clock() - float(data["saved_at"]))
                elapsed = duration - remaining + passed
            else:
                elapsed = float(data.get("elapsed") or 0.0)
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(
                _("malformed timer state {data!r}: {exc}").format(data=data, exc=exc)
            ) from None
        if not math.isfinite(elapsed) or elapsed < 0:
            raise ValueError(
                _("malformed timer state {data!r}: elapsed time {elapsed}").format(
                    data=data, elapsed=elapsed
                )
            )
        timer = cls(duration, clock=clock, wall_clock=wall_clock)
        timer._banked = elapsed
        timer._state = state
        if state is RunState.RUNNING:
            timer._run_started = clock()
        elif state is RunState.IDLE:
            timer._banked = 0.0
        return timer


def _check_duration(seconds: float) -> None:
    if not isinstance(seconds, int | float) or not math.isfinite(seconds) or seconds <= 0:
        raise ValueError(
            _("a timer duration must be a positive number of seconds, not {seconds!r}").format(
                seconds=seconds
            )
        )


class TimerBank:
    """The timers of all topics of a session, keyed by topic id."""

    def __init__(self, *, clock: Clock = time.monotonic, wall_clock: Clock = time.time) -> None:
        self.clock = clock
        self.wall_clock = wall_clock
        self._timers: dict[str, TopicTimer] = {}

    def get(self, topic_id: str, default_seconds: float) -> TopicTimer:
        """The timer of ``topic_id``, created with ``default_seconds`` if it has none yet."""
        timer = self._timers.get(topic_id)
        if timer is None:
            timer = TopicTimer(default_seconds, clock=self.clock, wall_clock=self.wall_clock)
            self._timers[topic_id] = timer
        return timer

    def for_topic(self, topic_id: str, timebox_minutes: int) -> TopicTimer:
        """The timer of a topic, by default as long as its timebox (minutes)."""
        return self.get(topic_id, max(1, timebox_minutes) * 60)

    def find(self, topic_id: str) -> TopicTimer | None:
        return self._timers.get(topic_id)

    def __contains__(self, topic_id: object) -> bool:
        return topic_id in self._timers

    def __iter__(self) -> Iterator[str]:
        return iter(self._timers)

    def __len__(self) -> int:
        return len(self._timers)

    def items(self) -> Iterator[tuple[str, TopicTimer]]:
        return iter(self._timers.items())

    def running(self) -> list[str]:
        """Ids of the topics whose timer is running."""
        return [topic_id for topic_id, timer in self._timers.items() if timer.running]

    def to_dict(self) -> dict[str, dict[str, Any]]:
        return {topic_id: timer.to_dict() for topic_id, timer in self._timers.items()}

    @classmethod
    def from_dict(
        cls,
        data: dict[str, Any] | None,
        *,
        clock: Clock = time.monotonic,
        wall_clock: Clock = time.time,
    ) -> TimerBank:
        """Rebuild a bank; a malformed timer is dropped (that topic starts afresh)."""
        bank = cls(clock=clock, wall_clock=wall_clock)
        if not isinstance(data, dict):
            return bank
        for topic_id, timer_data in data.items():
            if not isinstance(timer_data, dict):
                continue
            try:
                timer = TopicTimer.from_dict(timer_data, clock=clock, wall_clock=wall_clock)
            except ValueError:
                continue
            bank._timers[str(topic_id)] = timer
        return bank


# -- typed durations --------------------------------------------------------------------

_UNIT_SECONDS = {
    "h": 3600,
    "hr": 3600,
    "hrs": 3600,
    "hour": 3600,
    "hours": 3600,
    "m": 60,
    "min": 60,
    "mins": 60,
    "minute": 60,
    "minutes": 60,
    "s": 1,
    "sec": 1,
    "secs": 1,
    "second": 1,
    "seconds": 1,
}
_NUMBER = r"\d+(?:\.\d+)?"
_PART = re.compile(rf"\s*({_NUMBER})\s*([a-z]*)")
_CLOCK = re.compile(r"(\d+):(\d{1,2})(?::(\d{1,2}))?")


def parse_duration(text: str) -> int:
    """Parse a typed duration into whole seconds; raise ValueError with a reason.

    A bare number means minutes (``15``); units may be combined (``1h30``, ``1h 30m``,
    ``2m30s``, ``90s``, ``1.5h``) — a number after hours means minutes, after minutes
    seconds. ``MM:SS`` (``25:00``) and ``H:MM:SS`` (``1:30:00``) are clock forms. There is
    no upper bound; the result must be at least one second.
    """
    raw = text
    text = text.strip().lower()
    if not text:
        raise ValueError(
            _("Type a duration, e.g. {DURATION_EXAMPLES}").format(
                DURATION_EXAMPLES=DURATION_EXAMPLES
            )
        )
    if ":" in text:
        seconds = _parse_clock(raw, text)
    else:
        seconds = _parse_units(raw, text)
    seconds = round(seconds)
    if seconds < 1:
        raise ValueError(
            _("{strip!r} is no time at all: a duration must be at least 1s").format(
                strip=raw.strip()
            )
        )
    return seconds


def _parse_clock(raw: str, text: str) -> float:
    match = _CLOCK.fullmatch(text)
    if not match:
        raise ValueError(
            _("{strip!r} is not a duration: use MM:SS (25:00) or H:MM:SS (1:30:00)").format(
                strip=raw.strip()
            )
        )
    first, second, third = match.groups()
    if third is None:  # MM:SS
        minutes, secs = int(first), int(second)
        if secs > 59:
            raise ValueError(
                _("{strip!r}: seconds must be 00-59 in MM:SS").format(strip=raw.strip())
            )
        return minutes * 60 + secs
    hours, minutes, secs = int(first), int(second), int(third)
    if minutes > 59 or secs > 59:
        raise ValueError(
            _("{strip!r}: minutes and seconds must be 00-59 in H:MM:SS").format(strip=raw.strip())
        )
    return hours * 3600 + minutes * 60 + secs


def _parse_units(raw: str, text: str) -> float:
    bad = ValueError(f"{raw.strip()!r} is not a duration (use e.g. {DURATION_EXAMPLES})")
    total = 0.0
    pos = 0
    last_unit: int | None = None  # seconds per unit of the previous part
    while pos < len(text):
        match = _PART.match(text, pos)
        if not match or match.end() == pos:
            raise bad
        number, unit = float(match.group(1)), match.group(2)
        if unit:
            if unit not in _UNIT_SECONDS:
                raise ValueError(
                    _("{strip!r}: unknown unit {unit!r} (use h, m or s, e.g. 1h30, 90s)").format(
                        strip=raw.strip(), unit=unit
                    )
                )
            scale = _UNIT_SECONDS[unit]
        elif last_unit is None:
            scale = 60  # a bare number is minutes
        elif last_unit > 1:
            scale = last_unit // 60  # "1h30" → 30 minutes, "2m30" → 30 seconds
        else:
            raise bad
        if last_unit is not None and scale >= last_unit:
            raise ValueError(
                _("{strip!r}: put hours before minutes before seconds").format(strip=raw.strip())
            )
        total += number * scale
        last_unit = scale
        pos = match.end()
        if not unit and pos < len(text.rstrip()):
            raise bad  # a unit-less number must be the last part
    return total


def format_clock(seconds: float) -> str:
    """``MM:SS`` below an hour, ``H:MM:SS`` from an hour on (whole seconds)."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes:02d}:{secs:02d}"


def countdown_text(timer: TopicTimer) -> str:
    """What a countdown shows: remaining time rounded up (so it reads 00:00 exactly at the
    end), or ``+MM:SS`` of overtime rounded down once time is up."""
    if timer.expired:
        return "+" + format_clock(math.floor(timer.overtime))
    return format_clock(math.ceil(timer.remaining))


def format_duration(seconds: float) -> str:
    """A typed-back form of a duration that :func:`parse_duration` reads again: ``25m``,
    ``1h30m``, ``90s`` → ``1m30s``."""
    whole = max(0, int(round(seconds)))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    parts = []
    if hours:
        parts.append(f"{hours}h")
    if minutes:
        parts.append(f"{minutes}m")
    if secs or not parts:
        parts.append(f"{secs}s")
    return "".join(parts)
