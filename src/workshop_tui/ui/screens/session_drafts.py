"""The session screen's drafts: what the pane inputs hold goes into the session's
:class:`~workshop_tui.core.drafts.DraftBook` when the screen leaves a topic × group, and
comes back when it returns (the book itself knows no widgets)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.css.query import NoMatches

from workshop_tui.core.drafts import Draft, DraftBook
from workshop_tui.core.i18n import _
from workshop_tui.core.store import StoreError
from workshop_tui.ui.widgets.entries import EntryPane

if TYPE_CHECKING:
    from workshop_tui.ui.screens.session import SessionScreen


class DraftControl:
    """Moves drafts between the pane inputs and the book (see module docstring)."""

    def __init__(self, screen: SessionScreen, book: DraftBook) -> None:
        self.screen = screen
        self.book = book

    def typed(self, pane: EntryPane, value: str) -> None:
        self.book.typed(pane.kind.value, value, pane.editing)

    def stash(self) -> str:
        """Keep what each pane's input holds (new text, or an edit begun) with the current
        topic × group, and empty the inputs. Returns a note saying where the drafts were
        kept ("" when there were none).

        Switching group or topic mid-sentence must neither lose the words nor carry them
        into another group's pane."""
        screen = self.screen
        try:
            panes = screen.view.panes() if screen.is_attached else []
        except NoMatches:
            panes = []
        if not panes or not all(pane.is_attached for pane in panes):
            # quitting: the inputs are gone, what they held was followed as it was typed
            self.book.stash_typing(screen.topic_id, screen.group)
            return ""
        inputs = [(p.kind.value, Draft(p.capture_input.value, p.editing)) for p in panes]
        kept = set(self.book.stash(screen.topic_id, screen.group, inputs))
        for pane in panes:
            if pane.editing or pane.capture_input.value:
                pane.end_edit()
        if not kept:
            return ""
        nouns = ", ".join(p.noun for p in panes if p.kind.value in kept)
        return _(
            "Your unsent {nouns} text stays with {group}, topic {number}:"
            " it is back when you return."
        ).format(nouns=nouns, group=screen.group, number=screen.topic_number)

    def restore(self, note: str = "") -> None:
        """Put the current topic × group's drafts back in their inputs; say where the
        ``note`` (where the ones just stashed went)."""
        screen = self.screen
        for pane in screen.view.panes():
            draft = self.book.take(screen.topic_id, screen.group, pane.kind.value)
            if draft is None:
                continue
            editing = draft.editing
            if editing is not None:
                try:
                    if screen.store.get(editing).deleted:
                        editing = None  # deleted meanwhile: the text comes back as a new entry
                except (KeyError, StoreError):
                    editing = None
            pane.give_back(draft.text, editing)
        if note:
            screen.notify(note, title=_("Draft kept"), timeout=4)
