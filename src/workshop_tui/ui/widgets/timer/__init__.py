"""Topic timer widgets: the countdown display and the duration prompt."""

from workshop_tui.ui.widgets.timer.display import TimerDisplay, render_timer
from workshop_tui.ui.widgets.timer.prompt import DurationPrompt

__all__ = ["DurationPrompt", "TimerDisplay", "render_timer"]
