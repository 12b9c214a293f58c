"""Topic navigator: every topic of the agenda with its timebox and live counts; the session
screen's header line (READ-ONLY, topic, group votes, session title)."""

from workshop_tui.ui.widgets.topics.header import HeaderInfo, SessionHeader
from workshop_tui.ui.widgets.topics.navigator import TopicCounts, TopicNavigator

__all__ = ["HeaderInfo", "SessionHeader", "TopicCounts", "TopicNavigator"]
