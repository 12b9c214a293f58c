"""Entry panes: the entries of one kind for the current topic × group, with quick capture."""

from workshop_tui.ui.widgets.entries.link_picker import LinkPicker
from workshop_tui.ui.widgets.entries.pane import PANE_TITLES, CaptureInput, EntryList, EntryPane

__all__ = ["PANE_TITLES", "CaptureInput", "EntryList", "EntryPane", "LinkPicker"]
