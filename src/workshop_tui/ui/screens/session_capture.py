"""The session screen's capture controller: what the panes ask for, applied to the store.

A pane only shows and collects (``EntryPane.Submitted``, ``EntryPane.Requested``); this
controller turns those into :class:`workshop_tui.core.capture.Capture` changes queued on the
app's writer (captures, edits, deletes, votes, moves, links, an action's fields, undo) and
tells the screen what to redraw once each is saved. It opens the link picker and the action
editor (widgets, not screens of their own room). Kept apart from ``session.py`` so the screen
is about layout and navigation.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, TypeVar

from workshop_tui.core.capture import Capture, UndoStep, link_candidates, pane_labels
from workshop_tui.core.drafts import PendingDraft
from workshop_tui.core.i18n import _, ngettext
from workshop_tui.core.model import Entry, EntryKind
from workshop_tui.core.store import Store, StoreError
from workshop_tui.ui.widgets.action_form import ActionEditor, ActionEditResult
from workshop_tui.ui.widgets.entries import EntryPane, LinkPicker

if TYPE_CHECKING:
    from workshop_tui.ui.screens.session import SessionScreen

T = TypeVar("T")

READ_ONLY_MESSAGE = "This session has ended: it is read-only."


class CaptureController:
    """Applies the panes' requests for one session screen (see module docstring)."""

    def __init__(self, screen: SessionScreen) -> None:
        self.screen = screen
        self.store = screen.store
        self.capture = Capture(screen.store)

    # -- plumbing ----------------------------------------------------------------------
    def queue(
        self,
        what: str,
        change: Callable[[], T],
        done: Callable[[T], None] | None = None,
        *,
        failed: Callable[[Exception], None] | None = None,
        lost: str = "",
    ) -> None:
        """Save ``change`` off the event loop, after every change queued before it;
        ``done``/``failed`` run on the UI thread while the screen is still mounted."""
        self.screen.writer.submit(what, change, done, failed=failed, lost=lost, owner=self.screen)

    def refuse_if_read_only(self) -> bool:
        screen = self.screen
        if screen.read_only:
            screen.notify(_(READ_ONLY_MESSAGE), severity="warning")
        return screen.read_only

    def _labels(self, entry: Entry) -> dict[str, str]:
        return pane_labels(self.store.entries(topic_id=entry.topic_id, group=entry.group))

    def _mark_latest(self) -> None:
        """Record this session as ``latest`` (in the writer's thread; never raises)."""
        app = self.screen.app
        if getattr(app, "served", False) or getattr(app, "projector", False):
            return  # a browser's or the projector's app writes nothing else of the laptop
        data = getattr(app, "store", None)
        if isinstance(data, Store):
            data.mark_latest(self.store.id)

    def mark_latest(self) -> None:
        """The session was started or resumed: it is ``latest`` now (saved off the loop)."""
        self.queue(_("Latest session"), self._mark_latest)

    # -- typing ------------------------------------------------------------------------
    def submitted(
        self,
        pane: EntryPane,
        text: str,
        editing: str | None,
        release: Callable[[], None] = lambda: None,
    ) -> None:
        """Enter in a pane's input: a new entry, or the new text of ``editing``.

        ``release`` ends the hold on repaints the pane began as it emptied its input
        (:func:`~workshop_tui.ui.writer.hold_repaints`): once the entry is drawn, or at once
        when nothing is saved."""
        screen = self.screen
        if self.refuse_if_read_only():
            pane.give_back(text, editing)
            pane.saving_done()
            release()
            return
        if not text.strip():
            pane.give_back(text, editing)
            pane.saving_done()
            release()
            screen.notify(
                _("The text is empty; press x on the entry to delete it."), severity="warning"
            )
            return
        # saved in a worker: typing goes on meanwhile (the input is already empty)
        change: Callable[[], Entry]
        if editing:
            entry_id = editing
            what = _("Edit")

            def change() -> Entry:
                return self.capture.edit_text(entry_id, text)
        else:
            kind, topic_id, group = pane.kind, screen.topic_id, screen.group
            what = _("Add {noun}").format(noun=pane.noun)

            def change() -> Entry:
                entry = self.capture.add(kind, topic_id, group, text)
                self._mark_latest()  # "latest": the session last captured into
                return entry

        def done(saved: Entry) -> None:
            screen.show_saved(saved)
            pane.highlight(saved.id)
            pane.saving_done()
            release()

        def failed(_error: Exception) -> None:
            pane.give_back(text, editing)  # the typed text is never lost
            if editing:
                pane.focus_input()  # the edit is open again, to retry
            pane.saving_done()
            release()

        self.queue(
            what, change, done, failed=failed, lost=_("the text was: {text}").format(text=text)
        )

    # -- keys on an entry ----------------------------------------------------------------
    def requested(self, pane: EntryPane, operation: str, entry_id: str | None) -> None:
        """A key on a pane's list asked for ``operation`` on the highlighted entry."""
        screen = self.screen
        if operation == "sort":
            screen.toggle_sort(pane)
            return
        if operation == "capture" or (operation == "open" and entry_id is None):
            # i (or Enter on an empty list) starts typing a new entry
            if not self.refuse_if_read_only():
                pane.focus_input()
            return
        if entry_id is None:
            screen.notify(
                _("No {noun} selected: type one in the box below and press Enter.").format(
                    noun=pane.noun
                ),
                severity="warning",
            )
            return
        if self.refuse_if_read_only():
            return
        try:
            entry = self.store.get(entry_id)
        except (KeyError, StoreError):
            screen.refresh_all()  # it is gone (another laptop, a damaged file): show what is there
            return
        if operation == "open":
            operation = "action" if pane.kind == EntryKind.ACTION else "edit"
        if operation == "edit":
            pane.begin_edit(entry)
        elif operation == "delete":
            self.delete(entry)
        elif operation in ("vote", "unvote"):
            vote = self.capture.vote if operation == "vote" else self.capture.unvote
            group = screen.group
            self.queue(_("Vote"), lambda: vote(entry.id, group), lambda _r: screen.refresh_all())
        elif operation in ("move_up", "move_down"):
            self.move(pane, entry, -1 if operation == "move_up" else 1)
        elif operation == "link":
            self.open_link_picker(entry)
        elif operation == "action":
            self.open_action_editor(entry)

    def delete(self, entry: Entry) -> None:
        label = self._labels(entry).get(entry.id, "")
        screen = self.screen

        def done(_result: object) -> None:
            screen.refresh_all()
            screen.notify(_("Deleted {label} — ctrl+z undoes").format(label=label), timeout=4)

        self.queue(_("Delete"), lambda: self.capture.delete(entry.id), done)

    def move(self, pane: EntryPane, entry: Entry, delta: int) -> None:
        screen = self.screen
        if pane.sort_by_votes:
            screen.notify(
                _("Sorted by votes: press s to go back to your own order, then move."),
                severity="warning",
            )
            return

        def done(moved: object) -> None:
            if moved:
                screen.refresh_all()
                pane.highlight(entry.id)

        self.queue(_("Move"), lambda: self.capture.move(entry.id, delta), done)

    def undo(self) -> None:
        screen = self.screen
        if self.refuse_if_read_only():
            return
        if not self.capture.can_undo and not screen.writer.in_flight:
            screen.notify(_("Nothing to undo."), severity="warning", timeout=3)
            return

        def done(step: UndoStep | None) -> None:
            if step is None:  # the saves queued before it added nothing to undo
                screen.notify(_("Nothing to undo."), severity="warning", timeout=3)
                return
            screen.refresh_all()
            screen.notify(_("Undone: {what}").format(what=_(step.description)), timeout=3)

        self.queue(_("Undo"), self.capture.undo, done)

    def save_drafts(self, drafts: list[PendingDraft]) -> None:
        """Save unsent drafts as entries (an edit begun: as the entry's new text), in one
        queued change, before anything queued after it (the end of the session)."""
        screen = self.screen

        def change() -> int:
            saved = 0
            for pending in drafts:
                text, editing = pending.draft.text, pending.draft.editing
                if not text.strip():
                    continue  # an edit emptied: nothing to save (x deletes an entry)
                if editing:
                    try:
                        if not self.store.get(editing).deleted:
                            self.capture.edit_text(editing, text)
                            saved += 1
                            continue
                    except KeyError:
                        pass  # gone meanwhile: the text is kept as a new entry
                kind = EntryKind(pending.kind)
                self.capture.add(kind, pending.topic_id, pending.group, text)
                saved += 1
            return saved

        def done(saved: int) -> None:
            screen.refresh_all()
            screen.notify(
                ngettext(
                    "Saved {n} draft as an entry.", "Saved {n} drafts as entries.", saved
                ).format(n=saved),
                timeout=4,
            )

        self.queue(_("Save drafts"), change, done)

    # -- linking -----------------------------------------------------------------------
    def open_link_picker(self, entry: Entry) -> None:
        screen = self.screen
        if entry.kind not in (EntryKind.SOLUTION, EntryKind.ACTION):
            screen.notify(
                _("Link from a solution or an action to what it answers."), severity="warning"
            )
            return
        candidates = link_candidates(self.store, entry)
        if not candidates:
            if entry.kind == EntryKind.SOLUTION:
                message = _("No challenges in this topic for {group} yet.")
            else:
                message = _("No solutions or challenges in this topic for {group} yet.")
            screen.notify(message.format(group=screen.group), severity="warning")
            return
        labels = self._labels(entry)

        def toggle(target_id: str) -> bool:
            self.queue(
                _("Link"),
                lambda: self.capture.toggle_link(entry.id, target_id),
                lambda _r: screen.refresh_all(),
                failed=lambda _err: picker.put_back(target_id),
            )
            return True

        picker = LinkPicker(entry, labels.get(entry.id, "?"), candidates, labels, toggle)
        screen.app.push_screen(picker)

    # -- actions -----------------------------------------------------------------------
    def open_action_editor(self, entry: Entry) -> None:
        screen = self.screen
        if entry.kind != EntryKind.ACTION:
            screen.notify(_("Only actions have owner, due date and status."), severity="warning")
            return
        labels = self._labels(entry)
        context = f"{labels.get(entry.id, '')} · {screen.topic.title} · {entry.group}"

        def save(result: ActionEditResult) -> Awaitable[str | None]:
            # the editor writes through this (queued after the captures) and closes only once
            # it is saved: a failed save (disk full, damaged file) keeps every typed field
            return screen.writer.reason_not_saved(
                _("Action"),
                lambda: self.capture.set_action(entry.id, result.fields, text=result.text),
            )

        def saved(result: ActionEditResult | None) -> None:
            if result is not None:
                screen.refresh_all()
                screen.pane(EntryKind.ACTION).highlight(entry.id)

        editor = ActionEditor.for_entry(entry, screen.agenda, context=context, save=save)
        screen.app.push_screen(editor, saved)
