"""The session screen's group tabs: Textual's ``Tabs`` with the underline moved at once.

``Tabs`` slides its underline to a newly active tab over 0.3 s. A group switch is a key the
facilitator expects answered within a frame; the slide kept the screen busy (and every
test and benchmark that waits for animations waiting) for 0.3 s after the panes were
already drawn. The underline jumps instead, as it does when the tabs are first shown, and in
the same frame as the panes: Textual moves it only after the next refresh (a frame of its
own), to read where the tab is; a group switch does not move the tabs, so where the tab
already is laid out is used at once (and checked again after the refresh, as Textual does).
"""

from __future__ import annotations

from textual.css.query import NoMatches
from textual.widgets import Tab, Tabs
from textual.widgets._tabs import Underline


class GroupTabs(Tabs):
    """``Tabs`` whose underline moves without an animation (see module docstring)."""

    def _highlight_active(self, animate: bool = True) -> None:
        # Tabs._highlight_active is private API (Textual 8.2.8), the only hook for this: the
        # underline's own animation cannot be turned off without the app's animation_level
        try:
            tab = self.query_one("#tabs-list > Tab.-active", Tab)
            underline = self.query_one(Underline)
        except NoMatches:
            tab = None
        if tab is not None and tab.virtual_region.width:
            start, end = tab.virtual_region.shrink(tab.styles.gutter).column_span
            underline.show_highlight = True
            underline.highlight_start = start
            underline.highlight_end = end
        super()._highlight_active(animate=False)
