"""Follow-up review: go one by one through the earlier session's open actions and record
what became of each (done, in progress, dropped, carried over) with a comment.

Shown when a session that follows up an earlier one is opened, until the facilitator
finishes it (key f; with actions still to review it asks first). Escape closes it for now; it
comes back the next time the session is opened. Every review is saved at once
(:func:`workshop_tui.core.followup.record_review`).

Typing on the status list starts the comment: a key that is not one of the screen's keys
moves to the comment box with that character, so a comment typed straight away is neither
lost nor taken as commands (a stray "f" used to finish the review and send the rest of the
words to the session screen).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from workshop_tui.core.followup import (
    REVIEW_STATUSES,
    earlier_session,
    followup_finished,
    last_review,
    record_review,
    review_queue,
    set_followup_finished,
)
from workshop_tui.core.i18n import N_, _
from workshop_tui.core.labels import level_label, priority_label, status_label
from workshop_tui.core.model import ActionStatus, Entry
from workshop_tui.core.store import SessionStore, StoreError
from workshop_tui.ui.dates import today_of
from workshop_tui.ui.navigation import SessionsChanged
from workshop_tui.ui.translate import Footer
from workshop_tui.ui.widgets.confirm import ConfirmScreen

STATUS_KEYS = {
    "1": ActionStatus.DONE,
    "2": ActionStatus.IN_PROGRESS,
    "3": ActionStatus.DROPPED,
    "4": ActionStatus.CARRIED_OVER,
}


class StatusList(OptionList):
    """The status choices. A printable key that is not in ``command_keys`` starts a comment:
    ``type_into`` gets the character (it moves the focus to the comment box). Keys that were
    already on their way here when the focus moved (a fast typist, a burst of keys) follow
    the first one into the comment instead of choosing a status or finishing the review.
    Pasted text goes to the comment too."""

    def __init__(
        self,
        *options: Option,
        command_keys: frozenset[str],
        type_into: Callable[[str], None],
        id: str,  # noqa: A002 - Textual's name
    ) -> None:
        super().__init__(*options, id=id)
        self.command_keys = command_keys
        self.type_into = type_into

    def on_key(self, event: events.Key) -> None:
        char = event.character
        late = self.screen.focused is not self  # the comment box has the focus already
        if late:
            event.stop()
            event.prevent_default()
            if char and event.is_printable:
                self.type_into(char)
            return
        if not char or not event.is_printable or char.isspace() or event.key in self.command_keys:
            return
        event.stop()
        event.prevent_default()
        self.type_into(char)

    def on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()
        if event.text:
            self.type_into(" ".join(event.text.splitlines()))  # one line


class FollowUpScreen(Screen[None]):
    """Review the earlier session's open actions one by one (see module docstring)."""

    DEFAULT_CSS = """
    FollowUpScreen #followup-title { height: 1; background: $panel; padding: 0 1; }
    FollowUpScreen #followup-card { height: 1fr; border: round $primary; padding: 0 1; }
    FollowUpScreen #followup-comment { margin: 0 0; }
    FollowUpScreen #followup-status { height: 6; border: round $primary-muted; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        # 1-4 are printed in the status list itself; off the footer so that Finish, Later
        # and Help fit on an 80-column screen
        Binding("1", "review('done')", N_("Done"), id="followup.done", show=False),
        Binding(
            "2", "review('in_progress')", N_("In progress"), id="followup.in_progress", show=False
        ),
        Binding("3", "review('dropped')", N_("Dropped"), id="followup.dropped", show=False),
        Binding(
            "4", "review('carried_over')", N_("Carry over"), id="followup.carried_over", show=False
        ),
        Binding("n,right", "move(1)", N_("Next"), id="followup.next"),
        Binding("p,left", "move(-1)", N_("Prev"), id="followup.prev", show=False),
        Binding("c", "focus_comment", N_("Comment"), id="followup.comment", show=False),
        Binding("f", "finish", N_("Finish"), id="followup.finish"),
        Binding("escape", "later", N_("Later"), id="followup.later"),
    ]

    def __init__(
        self, new: SessionStore, earlier: SessionStore, *, today: dt.date | None = None
    ) -> None:
        super().__init__()
        self.new = new
        self.earlier = earlier
        self._today = today
        self.queue: list[Entry] = review_queue(new, earlier)
        pending = [i for i, e in enumerate(self.queue) if last_review(e, new.id) is None]
        self.index = pending[0] if pending else 0

    @property
    def today(self) -> dt.date:
        return self._today or today_of(self.app)

    def compose(self) -> ComposeResult:
        yield Static(id="followup-title")
        yield VerticalScroll(Static(id="followup-text"), id="followup-card")
        yield Input(
            placeholder=_("comment (optional), then choose the status below"),
            id="followup-comment",
            select_on_focus=False,  # typing on the list moves here: keep what was typed
        )
        yield StatusList(
            *[
                Option(f"{key}  {status_label(status)}", id=status.value)
                for key, status in STATUS_KEYS.items()
            ],
            command_keys=_binding_keys(self.BINDINGS),
            type_into=self._type_into_comment,
            id="followup-status",
        )
        yield Footer()

    def on_mount(self) -> None:
        self._show()
        self.query_one("#followup-status", OptionList).focus()

    # -- drawing -----------------------------------------------------------------------------
    @property
    def current(self) -> Entry | None:
        return self.queue[self.index] if self.queue else None

    def _show(self) -> None:
        reviewed = sum(1 for e in self.queue if last_review(e, self.new.id) is not None)
        earlier = self.earlier.session
        # the progress first: after a long session title it was cut off at 80-100 columns
        title = Text.assemble(
            (_("Follow-up"), "bold"),
            _(" · {reviewed}/{count} reviewed").format(reviewed=reviewed, count=len(self.queue)),
        )
        entry = self.current
        if entry is not None:
            title.append(
                _(" · action {value} of {count}").format(
                    value=self.index + 1, count=len(self.queue)
                )
            )
        title.append(
            _(" · of {title} ({started})").format(title=earlier.title, started=earlier.started[:10])
        )
        self.query_one("#followup-title", Static).update(title)
        card = self.query_one("#followup-text", Static)
        comment = self.query_one("#followup-comment", Input)
        if entry is None or entry.action is None:
            card.update(
                _("The earlier session has no open actions: nothing to review. Press f to finish.")
            )
            return
        fields = entry.action
        agenda = earlier.agenda
        topic = next((t.title for t in agenda.topics if t.id == entry.topic_id), entry.topic_id)
        text = Text(" ".join(entry.text.split()) + "\n", "bold")
        text.append(
            _("{topic} · {group} · {level} · priority {priority}").format(
                topic=topic,
                group=entry.group,
                level=level_label(fields.level),
                priority=priority_label(fields.priority),
            )
            + "\n",
            "dim",
        )
        text.append(
            _("Owner: {owner}   Unit: {unit}").format(
                owner=fields.owner or "—", unit=fields.unit or "—"
            )
            + "\n"
        )
        due = fields.due_date
        text.append(
            _("Due: {value}").format(
                value=fields.due or (fields.timeframe.value if fields.timeframe else "—")
            )
        )
        if due is not None and due < self.today and fields.status.is_open:
            text.append("  " + _("OVERDUE"), "bold red")
        text.append(_("\nIndicator: {value}\n").format(value=fields.indicator or "—"))
        text.append(_("Status now: "))
        text.append(status_label(fields.status), "bold")
        mine = last_review(entry, self.new.id)
        if mine is not None:
            text.append(_("  (reviewed in this session)"), "green")
        if fields.reviews:
            text.append(_("\nReview history:"), "bold")
            for review in fields.reviews:
                note = f": {review.get('comment')}" if review.get("comment") else ""
                text.append(
                    f"\n  {review.get('at', '')[:10]} {review.get('status', '').replace('_', ' ')}{note}"
                )
        card.update(text)
        comment.value = (mine or {}).get("comment", "")

    # -- actions -----------------------------------------------------------------------------
    def action_review(self, status: str) -> None:
        entry = self.current
        if entry is None:
            return
        comment = self.query_one("#followup-comment", Input).value
        try:
            result = record_review(self.new, self.earlier, entry.id, status, comment)
        except (StoreError, ValueError) as err:
            self.notify(_("Not saved: {err}").format(err=err), severity="error", timeout=12)
            return
        self.queue[self.index] = result.origin
        label = status_label(status)
        extra = " — " + _("a copy is now an open action of this session") if result.carried else ""
        self.notify(f"{label}{extra}", timeout=3)
        pending = [i for i, e in enumerate(self.queue) if last_review(e, self.new.id) is None]
        after = [i for i in pending if i > self.index] or pending
        if after:
            self.index = after[0]
        self._show()
        self.query_one("#followup-status", OptionList).focus()
        if not pending:
            self.notify(_("All actions reviewed: press f to finish."), timeout=5)

    @on(OptionList.OptionSelected, "#followup-status")
    def _status_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.action_review(event.option.id)

    def _type_into_comment(self, text: str) -> None:
        comment = self.query_one("#followup-comment", Input)
        if self.focused is not comment:
            comment.cursor_position = len(comment.value)
            self.set_focus(comment)
        comment.insert_text_at_cursor(text)

    @on(Input.Submitted, "#followup-comment")
    def _comment_done(self) -> None:
        self.query_one("#followup-status", OptionList).focus()

    def action_move(self, delta: int) -> None:
        if self.queue:
            self.index = (self.index + delta) % len(self.queue)
            self._show()

    def action_focus_comment(self) -> None:
        self.query_one("#followup-comment", Input).focus()

    def action_finish(self) -> None:
        pending = sum(1 for e in self.queue if last_review(e, self.new.id) is None)
        if not pending:
            self._finish()
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._finish()

        self.app.push_screen(
            ConfirmScreen(
                _(
                    "{pending} of {count} actions are not reviewed yet. Finish the follow-up anyway? (It will not open by itself again; f6 shows it.)"
                ).format(pending=pending, count=len(self.queue)),
                yes=_("Finish"),
            ),
            answered,
        )

    def _finish(self) -> None:
        try:
            set_followup_finished(self.new)
        except StoreError as err:
            self.notify(_("Not saved: {err}").format(err=err), severity="error", timeout=12)
            return
        self.dismiss()

    def action_later(self) -> None:
        if self.focused is self.query_one("#followup-comment", Input):
            self.query_one("#followup-status", OptionList).focus()
            return
        self.dismiss()


def _binding_keys(bindings: list[BindingType]) -> frozenset[str]:
    keys: set[str] = set()
    for binding in bindings:
        if isinstance(binding, Binding):
            keys.update(key.strip() for key in binding.key.split(","))
    return frozenset(keys)


def followup_screen_for(new: SessionStore, *, force: bool = False) -> FollowUpScreen | None:
    """The follow-up screen for ``new`` when it follows up a session and the review is not
    finished (``force``: even when finished). None otherwise."""
    if not new.session.follow_up_of:
        return None
    if not force and followup_finished(new):
        return None
    return FollowUpScreen(new, earlier_session(new))


def start_followup(app: Any, new: SessionStore, *, force: bool = False) -> None:
    """Push the follow-up review over the session screen when it is due (errors notified)."""
    try:
        screen = followup_screen_for(new, force=force)
    except StoreError as err:
        app.notify(str(err), title=_("Follow-up"), severity="warning", timeout=10)
        return
    if screen is None:
        if force:
            app.notify(_("This session does not follow up an earlier one."), severity="warning")
        return

    def closed(_: object = None) -> None:
        app.post_message(SessionsChanged())  # carried-over actions appear at once

    app.push_screen(screen, closed)


__all__ = ["REVIEW_STATUSES", "FollowUpScreen", "followup_screen_for", "start_followup"]
