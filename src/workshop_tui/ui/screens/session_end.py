"""End session: confirm, and never leave typed text stranded in a read-only session.

Drafts (text typed and not sent, in any topic × group) are listed — topic · group · pane ·
first words — with three ways out: save them as entries, discard them, or cancel. The
timers are stopped and saved before the session is marked ended, so it shows the time each
topic used. Everything goes through the app's writer, in this order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workshop_tui.core.drafts import PendingDraft
from workshop_tui.core.i18n import _, ngettext
from workshop_tui.core.model import EntryKind, now_iso
from workshop_tui.ui.widgets.confirm import ConfirmScreen
from workshop_tui.ui.widgets.entries import PANE_TITLES, EntryPane
from workshop_tui.ui.widgets.entries.unsent import DISCARD, SAVE, UnsentDraftsDialog
from workshop_tui.ui.widgets.timer import TimerDisplay
from workshop_tui.ui.widgets.timer.control import stop_all

if TYPE_CHECKING:
    from workshop_tui.ui.screens.session import SessionScreen


def describe_draft(screen: SessionScreen, pending: PendingDraft) -> str:
    """``2. Risk analysis · Group B · Solutions · Joint risk profiles with…``."""
    ids = [t.id for t in screen.agenda.topics]
    if pending.topic_id in ids:
        topic = screen.agenda.topic(pending.topic_id)
        where = f"{ids.index(pending.topic_id) + 1}. {topic.title}"
    else:
        where = pending.topic_id
    try:
        pane = _(PANE_TITLES[EntryKind(pending.kind)])
    except ValueError:
        pane = pending.kind
    words = pending.draft.preview() or _("(emptied)")
    if pending.draft.editing:
        words = _("edit: {words}").format(words=words)
    return f"{where} · {pending.group} · {pane} · {words}"


def end_session(screen: SessionScreen) -> None:
    """Ask, then end the session (see module docstring)."""
    screen._stash_drafts()  # what the inputs hold joins the drafts kept elsewhere
    pending = screen.drafts.pending([t.id for t in screen.agenda.topics])
    title = screen.store.session.title

    if not pending:

        def confirmed(yes: bool | None) -> None:
            if yes:
                _finish(screen)

        screen.app.push_screen(
            ConfirmScreen(
                _("End “{title}”? It becomes read-only.").format(title=title),
                yes=_("End session"),
            ),
            confirmed,
        )
        return

    def answered(choice: str | None) -> None:
        if choice == SAVE:
            screen.controller.save_drafts(pending)
        if choice in (SAVE, DISCARD):
            screen.drafts.clear()
            _finish(screen)
        else:
            screen._restore_drafts()  # cancelled: the inputs hold what they held

    question = ngettext(
        "End “{title}”? {n} draft was typed and not sent:",
        "End “{title}”? {n} drafts were typed and not sent:",
        len(pending),
    ).format(title=title, n=len(pending))
    rows = [describe_draft(screen, p) for p in pending]
    screen.app.push_screen(UnsentDraftsDialog(question, rows), answered)


def _finish(screen: SessionScreen) -> None:
    """Stop the timers, save the place, mark the session ended (queued in that order)."""
    if stop_all(screen.timers):
        screen.query_one(TimerDisplay).refresh_display()
    screen.save_state()
    store = screen.store

    def ended(_result: object) -> None:
        show_read_only(screen)
        screen.notify(_("Session ended: it is now read-only."))

    screen.controller.queue(_("End session"), lambda: store.update_session(ended=now_iso()), ended)


def show_read_only(screen: SessionScreen) -> None:
    """The session has ended: nothing can be typed, the timers show the time used, and the
    keys that would change something leave the footer, the help and the palette."""
    screen.read_only = True
    screen.add_class("read-only")
    for pane in screen.query(EntryPane):
        pane.make_read_only()
    screen.query_one(TimerDisplay).show_ended()
    screen._show_timer()  # a timer never used is hidden (the header shows the dates)
    screen.refresh_all()
    screen.refresh_bindings()
