"""The topic timer display: a one-line countdown that turns warning/error colours and counts
overtime.

The display shows the timer of one topic out of a :class:`TimerBank` (all topics keep their
own timer while the facilitator switches topics) and watches every timer of the bank, so it
can say "time is up" for a topic that is not on screen. It sends messages up and never
writes: the session screen saves ``bank.to_dict()`` with ``SessionStore.set_state(timers=...)``
when it receives :class:`TimerDisplay.Changed`.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from workshop_tui.core.i18n import _
from workshop_tui.core.timer import (
    RunState,
    TimerBank,
    TimerPhase,
    TopicTimer,
    Urgency,
    countdown_text,
    format_clock,
)
from workshop_tui.ui.widgets.timer.prompt import DurationPrompt

#: how often the display re-reads the clock (seconds)
REFRESH_INTERVAL = 0.5

_URGENCY_CLASSES = {
    Urgency.WARNING: "-warning",
    Urgency.ERROR: "-error",
    Urgency.OVERTIME: "-overtime",
}


@dataclass
class TimerMessage(Message):
    """What every message of a :class:`TimerDisplay` carries: the display and the topic."""

    timer_display: TimerDisplay
    topic_id: str

    @property
    def control(self) -> TimerDisplay:
        return self.timer_display


class TimerDisplay(Static):
    """Countdown of the current topic's timer: ``Timer 04:12 / 25:00  running``.

    CSS classes: ``-warning`` (≤ 20 % left), ``-error`` (≤ 5 % left), ``-overtime`` (time is
    up, counting ``+MM:SS``), plus ``-idle`` / ``-running`` / ``-paused``.
    """

    DEFAULT_CSS = """
    TimerDisplay {
        width: auto;
        height: 1;
        padding: 0 1;
        color: $text;
        background: $boost;
    }
    TimerDisplay.-idle, TimerDisplay.-paused {
        color: $text-muted;
    }
    TimerDisplay.-warning {
        color: $warning;
        text-style: bold;
    }
    TimerDisplay.-error {
        color: $error;
        text-style: bold;
    }
    TimerDisplay.-overtime {
        background: $error;
        color: $background;
        text-style: bold;
    }
    """

    @dataclass
    class Changed(TimerMessage):
        """The facilitator started, paused, reset or re-timed a timer: save the bank."""

        timer: TopicTimer

    @dataclass
    class PhaseChanged(TimerMessage):
        """A timer's run state or urgency changed (e.g. it entered the warning zone)."""

        phase: TimerPhase
        previous: TimerPhase

    @dataclass
    class Expired(TimerMessage):
        """A running timer reached zero ("Time is up for <topic_title>")."""

        topic_title: str

    def __init__(
        self,
        bank: TimerBank | None = None,
        *,
        topic_id: str = "",
        topic_title: str = "",
        default_seconds: float = 30 * 60,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__("", markup=False, name=name, id=id, classes=classes)
        self._bank = bank if bank is not None else TimerBank()
        self._topic_id = ""
        self._titles: dict[str, str] = {}
        self._phases: dict[str, TimerPhase] = {}
        self._shown: Content | None = None  # what is drawn (see _show)
        #: the session has ended: the timers are stopped for good and shown as time used
        self.ended = False
        if topic_id:
            self.show_topic(topic_id, topic_title, default_seconds)

    # -- what is shown ----------------------------------------------------------------
    @property
    def bank(self) -> TimerBank:
        return self._bank

    @bank.setter
    def bank(self, bank: TimerBank) -> None:
        """Swap in another bank (e.g. one restored from the store)."""
        self._bank = bank
        self._phases.clear()
        self.refresh_display()

    @property
    def topic_id(self) -> str:
        return self._topic_id

    @property
    def timer(self) -> TopicTimer | None:
        """The timer of the shown topic (None before any topic is shown)."""
        return self._bank.find(self._topic_id) if self._topic_id else None

    def show_topic(
        self, topic_id: str, title: str = "", default_seconds: float = 30 * 60
    ) -> TopicTimer:
        """Show ``topic_id``'s timer, creating it with ``default_seconds`` if it has none."""
        timer = self._bank.get(topic_id, default_seconds)
        self._topic_id = topic_id
        if title:
            self._titles[topic_id] = title
        self.refresh_display()
        return timer

    def show_ended(self) -> None:
        """The session has ended: show the time each topic used, stopped."""
        self.ended = True
        self.refresh_display()

    # -- controls (the session screen's bindings call these) --------------------------
    def toggle(self) -> None:
        """Start the shown timer, or pause it if it is running."""
        timer = self.timer
        if timer is not None:
            timer.toggle()
            self._changed(timer)

    def reset(self) -> None:
        """Back to the full duration, not running."""
        timer = self.timer
        if timer is not None:
            timer.reset()
            self._changed(timer)

    def set_duration(self, seconds: float) -> None:
        """Count ``seconds`` down from now (a running timer keeps running)."""
        timer = self.timer
        if timer is not None:
            timer.set_duration(seconds)
            self._changed(timer)

    def prompt_duration(self) -> None:
        """Ask for a new duration in a :class:`DurationPrompt` and apply it."""
        timer = self.timer
        if timer is None:
            return
        topic_id = self._topic_id

        def apply(seconds: int | None) -> None:
            # the facilitator may have switched topics meanwhile: re-time the asked-for topic
            target = self._bank.find(topic_id)
            if seconds is not None and target is not None:
                target.set_duration(seconds)
                self._changed(target, topic_id)

        prompt = DurationPrompt(timer.duration, topic_title=self._titles.get(topic_id, ""))
        self.app.push_screen(prompt, apply)

    def _changed(self, timer: TopicTimer, topic_id: str | None = None) -> None:
        self.refresh_display()
        self.post_message(self.Changed(self, topic_id or self._topic_id, timer))

    # -- refreshing -------------------------------------------------------------------
    def on_mount(self) -> None:
        self.set_interval(REFRESH_INTERVAL, self.refresh_display)
        self.refresh_display()

    def language_changed(self) -> None:
        """The app's language changed: word the timer again now, not at its next tick."""
        self.refresh_display()

    def refresh_display(self) -> None:
        """Re-read the clock: update the text and classes, send phase/expiry messages."""
        self._watch_bank()
        timer = self.timer
        if timer is None:
            self._show(Content.assemble((_("Timer"), "bold"), " --:--"))
            self._show_state_classes("-idle")
            return
        self._show(render_timer(timer, ended=self.ended))
        phase = timer.phase
        classes = [f"-{phase.state.value}"]
        if phase.urgency in _URGENCY_CLASSES:
            classes.append(_URGENCY_CLASSES[phase.urgency])
        self._show_state_classes(*classes)

    def _show(self, content: Content) -> None:
        """Draw ``content`` unless it is drawn already, with a layout only when its width
        changed (twice a second and on every topic switch: a layout redraws the screen)."""
        shown = self._shown
        if shown is not None and (content.plain, content.spans) == (shown.plain, shown.spans):
            return
        self._shown = content
        self.update(content, layout=shown is None or content.cell_length != shown.cell_length)

    def _show_state_classes(self, *wanted_classes: str) -> None:
        """Replace this widget's state classes, keeping any others it was given."""
        wanted = set(wanted_classes)
        ours = {"-idle", "-running", "-paused", *_URGENCY_CLASSES.values()}
        for name in ours - wanted:
            self.remove_class(name)
        self.add_class(*wanted)

    def _watch_bank(self) -> None:
        """Post PhaseChanged / Expired for every timer of the bank whose phase moved."""
        for topic_id, timer in self._bank.items():
            phase = timer.phase
            previous = self._phases.get(topic_id)
            self._phases[topic_id] = phase
            if previous == phase:
                continue
            if previous is not None:
                self.post_message(self.PhaseChanged(self, topic_id, phase, previous))
            was_over = previous is not None and previous.urgency is Urgency.OVERTIME
            if phase == (RunState.RUNNING, Urgency.OVERTIME) and not was_over:
                title = self._titles.get(topic_id, topic_id)
                self.post_message(self.Expired(self, topic_id, title))


def render_timer(timer: TopicTimer, *, ended: bool = False) -> Content:
    """``Timer 04:12 / 25:00  running`` or ``Timer +01:05 over 25:00  running``; for an
    ended session the time used, stopped: ``Timer 20:48 used of 25:00  stopped``."""
    if ended:
        return Content.assemble(
            (_("Timer "), "bold"),
            (format_clock(timer.elapsed), "bold"),
            _(" used of {total}  stopped").format(total=format_clock(timer.duration)),
        )
    state = {
        RunState.IDLE: _("not started"),
        RunState.RUNNING: "▶ " + _("running"),
        RunState.PAUSED: "‖ " + _("paused"),
    }[timer.state]
    total = format_clock(timer.duration)
    if timer.expired:
        return Content.assemble(
            (_("Timer") + " ", "bold"),
            (countdown_text(timer), "bold"),
            " " + _("over {total}  time is up  {state}").format(total=total, state=state),
        )
    return Content.assemble(
        (_("Timer") + " ", "bold"), (countdown_text(timer), "bold"), f" / {total}  {state}"
    )
