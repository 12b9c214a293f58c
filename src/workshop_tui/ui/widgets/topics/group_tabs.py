"""The session screen's group tabs: Textual's ``Tabs`` with the underline moved at once.

``Tabs`` slides its underline to a newly active tab over 0.3 s. A group switch is a key the
facilitator expects answered within a frame; the slide kept the screen busy (and every
test and benchmark that waits for animations waiting) for 0.3 s after the panes were
already drawn. The underline jumps instead, as it does when the tabs are first shown.
"""

from __future__ import annotations

from textual.widgets import Tabs


class GroupTabs(Tabs):
    """``Tabs`` whose underline moves without an animation (see module docstring)."""

    def _highlight_active(self, animate: bool = True) -> None:
        # Tabs._highlight_active is private API (Textual 8.2.8), the only hook for this: the
        # underline's own animation cannot be turned off without the app's animation_level
        super()._highlight_active(animate=False)
