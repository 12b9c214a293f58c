"""Topic navigator: every topic of the agenda with its timebox and live counts."""

from workshop_tui.ui.widgets.topics.navigator import TopicCounts, TopicNavigator

__all__ = ["TopicCounts", "TopicNavigator"]
