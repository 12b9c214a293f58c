"""The session screen: capture challenges, solutions and actions per topic × group.

Layout: a bar (session, topic, group, timer), the topic navigator on the left, the topic's
description and guiding questions, group tabs, three capture panes (Challenges, Solutions,
Actions) and a toggled row with the parking lot and facilitator notes.

The screen lays out, navigates and draws; the jobs that are not about the screen live apart:
the panes' requests are applied by :class:`~workshop_tui.ui.screens.session_capture.
CaptureController` (every change through :class:`workshop_tui.core.capture.Capture`, saved
off the event loop by the app's :class:`workshop_tui.ui.writer.StoreWriter`, in the order
made), unsent text by :class:`workshop_tui.core.drafts.DraftBook`, the timer's rules by
``ui/widgets/timer/control.py``, its keys and palette commands by ``session_keys.py``.
The UI state (topic, group, focused pane, toggles, timers, drafts) is saved with
``SessionStore.set_state`` so quitting and ``workshop-tui resume`` come back to the same place.

Nothing made in code comes back as if the user did it: a group switch sets the tabs with
their ``TabActivated`` message prevented (it would call :meth:`set_group` again).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Tab, Tabs, TextArea

from workshop_tui.core.drafts import DraftBook
from workshop_tui.core.i18n import _
from workshop_tui.core.model import Entry, EntryKind
from workshop_tui.core.store import SessionStore
from workshop_tui.core.timer import TimerBank
from workshop_tui.ui.commands import PaletteCommand
from workshop_tui.ui.navigation import OpenExportDialog, OpenImportDialog
from workshop_tui.ui.polling import view_is_stale
from workshop_tui.ui.quiet_resize import QuietResizeScreen
from workshop_tui.ui.screens.session_capture import CaptureController
from workshop_tui.ui.screens.session_drafts import DraftControl
from workshop_tui.ui.screens.session_end import end_session
from workshop_tui.ui.screens.session_keys import SESSION_BINDINGS, session_palette_commands
from workshop_tui.ui.screens.session_memory import hold_long_lived, screen_closed, screen_opened
from workshop_tui.ui.screens.session_state import StateSaver, load_state
from workshop_tui.ui.screens.session_view import EXTRA_KINDS, MAIN_KINDS, SessionView
from workshop_tui.ui.served import allows
from workshop_tui.ui.translate import Footer
from workshop_tui.ui.widgets.entries import CaptureInput, EntryPane
from workshop_tui.ui.widgets.entries.prompt_cache import SHARED
from workshop_tui.ui.widgets.entries.summary import PaneSummary
from workshop_tui.ui.widgets.table.info import InfoBox
from workshop_tui.ui.widgets.timer import TimerDisplay
from workshop_tui.ui.widgets.timer.control import TimerControl, stopped_bank
from workshop_tui.ui.widgets.topics import SessionHeader, TopicNavigator
from workshop_tui.ui.widgets.topics.group_tabs import GroupTabs
from workshop_tui.ui.writer import StoreWriter, store_writer

#: below this terminal height the topic description starts hidden (toggle with "d")
COMPACT_HEIGHT = 30
#: below this terminal width the topic navigator gets narrower
NARROW_WIDTH = 100
POLL_SECONDS = 1.5

#: screen actions that change the session (unbound when it is read-only: the footer, the
#: help and the palette leave them out, and their keys do nothing)
EDITING_ACTIONS = frozenset({"undo", "import_bundles", "timer", "end_session"})


class SessionScreen(QuietResizeScreen):
    """Facilitation screen for one session (see module docstring)."""

    BINDINGS: ClassVar[list[BindingType]] = SESSION_BINDINGS

    def __init__(
        self,
        store: SessionStore,
        *,
        group: str | None = None,
        read_only: bool = False,
        clock: Callable[[], float] | None = None,
    ) -> None:
        super().__init__(classes="read-only" if read_only else "")
        self.store = store
        self.controller = CaptureController(self)
        self.capture = self.controller.capture
        self.read_only = read_only
        self.clock = clock
        session = store.session
        self.agenda = session.agenda
        self.groups = session.agenda.group_names
        self.locked_group = group if group in self.groups else None
        state = load_state(store, self.locked_group)
        topic_ids = [t.id for t in self.agenda.topics]
        saved_topic = str(state.get("topic") or "")
        self.topic_id: str = saved_topic if saved_topic in topic_ids else topic_ids[0]
        saved_group = str(state.get("group") or "")
        self.group: str = self.locked_group or (
            saved_group if saved_group in self.groups else self.groups[0]
        )
        self.current_kind = (
            EntryKind(state["pane"])
            if state.get("pane") in EntryKind._value2member_map_
            else EntryKind.CHALLENGE
        )
        self.show_extra: bool = bool(state.get("show_extra")) or self.current_kind in EXTRA_KINDS
        self.show_info: bool | None = (
            state.get("show_info") if isinstance(state.get("show_info"), bool) else None
        )
        self.sorted_kinds: set[str] = {
            k for k in state.get("sorted_by_votes") or [] if isinstance(k, str)
        }
        monotonic = clock or time.monotonic
        if read_only:
            # an ended session's timers are stopped: the time each topic used
            self.timers = stopped_bank(state.get("timers"), session.ended, clock=monotonic)
        else:
            self.timers = TimerBank.from_dict(state.get("timers"), clock=monotonic)
        self.timer_control: TimerControl | None = None  # made on the first timer key
        self.state_saver = StateSaver(self)
        self._restored = False
        #: text typed (or an edit begun) and not sent, kept with its topic × group × pane
        #: while the facilitator looks elsewhere; saved with the UI state
        self.drafts = DraftBook.from_state(state.get("drafts"))
        self.draft_control = DraftControl(self, self.drafts)
        self.view = SessionView(self)

    # -- layout ------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        screen_opened()  # the app and the parsed session: out of the collector's full passes
        SHARED.follow(self.store.id)  # prompts drawn when it was last open are drawn again
        with Horizontal(id="session-bar"):
            yield SessionHeader(id="bar-title")
            yield TimerDisplay(self.timers, id="topic-timer")
        with Horizontal(id="session-body"):
            yield TopicNavigator(self.agenda.topics, id="topics")
            with Vertical(id="session-main"):
                yield VerticalScroll(InfoBox(id="topic-info-text"), id="topic-info")
                if self.locked_group:
                    label = _("{group} (locked)").format(group=self.locked_group)
                    tabs = [Tab(label, id="group-0")]
                    active = "group-0"
                else:
                    tabs = [Tab(name, id=f"group-{i}") for i, name in enumerate(self.groups)]
                    active = f"group-{self.groups.index(self.group)}"
                # start on the restored group: the Tabs' first activation message must not
                # switch the screen back to the first group
                yield GroupTabs(*tabs, id="group-tabs", active=active)
                with Horizontal(id="main-panes"):
                    for kind in MAIN_KINDS:
                        yield EntryPane(kind, read_only=self.read_only)
                with Horizontal(id="extra-panes"):
                    for kind in EXTRA_KINDS:
                        yield EntryPane(kind, read_only=self.read_only)
        # compact: at 80 columns the entry keys, [ ] { } ^z and f1 Help fit beside ^p palette
        yield Footer(compact=True)

    def on_mount(self) -> None:
        tabs = self.query_one("#group-tabs", Tabs)
        tabs.can_focus = False  # a click or [ ] switches; Tab moves between panes
        if self.locked_group:
            tabs.disabled = True
        for pane in self.query(EntryPane):
            pane.sort_by_votes = pane.kind.value in self.sorted_kinds
            pane.capture_input.disabled = self.read_only
        if self.read_only:
            self.query_one(TimerDisplay).show_ended()
        self._apply_toggles()
        self._restore_drafts()
        self.refresh_all()
        self._focus_kind(self.current_kind)
        self._restored = True
        if not self.read_only:
            self.controller.mark_latest()  # started or resumed: what "latest" means
        self._show_timer()
        self.set_interval(POLL_SECONDS, self._poll_disk)
        self.call_after_refresh(hold_long_lived)  # and the widgets and drawings just made

    def on_resize(self, event: events.Resize) -> None:
        self._apply_toggles()

    def _apply_toggles(self) -> None:
        self.set_class(self.app.size.width < NARROW_WIDTH, "-narrow")
        show_info = (
            self.show_info if self.show_info is not None else self.app.size.height >= COMPACT_HEIGHT
        )
        self.query_one("#topic-info").display = show_info
        self.query_one("#extra-panes").display = self.show_extra
        self.view.stack()

    # -- helpers -----------------------------------------------------------------------
    def pane(self, kind: EntryKind) -> EntryPane:
        return self.view.pane(kind)

    @property
    def topic(self) -> Any:
        return self.agenda.topic(self.topic_id)

    @property
    def topic_number(self) -> int:
        return [t.id for t in self.agenda.topics].index(self.topic_id) + 1

    @property
    def writer(self) -> StoreWriter:
        return store_writer(self.app)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A read-only session unbinds the keys that would change it (footer, help, palette);
        the plain-key moves (``key_*``, see session_keys) stand aside while typing."""
        if self.read_only and action in EDITING_ACTIONS:
            return False
        if not allows(self.app, action):  # served to a browser: nothing of this laptop
            return False
        if action == "key_leave_input":
            return isinstance(self.focused, CaptureInput)
        if action.startswith("key_") and isinstance(self.focused, Input | TextArea):
            return False
        return True

    def action_key_leave_input(self) -> None:
        focused = self.focused
        if isinstance(focused, CaptureInput):
            focused.action_leave()

    def action_key_focus_pane(self, kind: str) -> None:
        self.action_focus_pane(kind)

    def action_key_group(self, delta: int) -> None:
        self.action_group(delta)

    def action_key_topic(self, delta: int) -> None:
        self.action_topic(delta)

    # -- rendering (what is drawn: session_view) ---------------------------------------
    def refresh_all(self) -> None:
        """Re-read the current topic × group from the store and redraw everything."""
        self.view.refresh_all()

    def show_saved(self, entry: Entry) -> None:
        """An entry of ours was added or edited: draw its pane (session_view)."""
        self.view.show_saved(entry)

    # -- UI state (session_state) --------------------------------------------------------
    def save_state(self, *, soon: bool = False, **extra: Any) -> None:
        self.state_saver.save(soon=soon, **extra)

    @on(events.DescendantFocus)
    def _focus_changed(self, event: events.DescendantFocus) -> None:
        for node in event.widget.ancestors_with_self:
            if isinstance(node, EntryPane):
                if node.kind != self.current_kind:
                    self.current_kind = node.kind
                    self.view.stack()
                    if self._restored:
                        self.save_state()
                if isinstance(event.widget, PaneSummary):  # a folded pane's line: open it
                    self._focus_kind(node.kind)
                return

    def _focus_kind(self, kind: EntryKind) -> None:
        if kind in EXTRA_KINDS and not self.show_extra:
            self.show_extra = True
            self._apply_toggles()
        # always the list, even an empty one: a digit then switches panes instead of being
        # typed; i or Enter starts typing (see docs/tui.md, "Keys")
        # at once, not deferred like Widget.focus(): keys already queued behind this one (a
        # fast "3i…", a burst) must reach the pane they were meant for
        self.view.stack(kind)  # opened first when stacked: a folded pane's list is not shown
        self.set_focus(self.pane(kind).entry_list)

    # -- navigation --------------------------------------------------------------------
    def set_topic(self, topic_id: str) -> None:
        if topic_id == self.topic_id:
            return
        note = self._stash_drafts()
        self.topic_id = topic_id
        self._restore_drafts(note)
        self.refresh_all()
        self.view.one("#topics", TopicNavigator).highlight_current()
        self._show_timer()
        self.save_state(soon=True)

    def set_group(self, group: str) -> None:
        if group == self.group or group not in self.groups:
            return
        if self.locked_group:
            self._say_locked()
            return
        note = self._stash_drafts()
        self.group = group
        self._restore_drafts(note)
        self.refresh_all()
        self.save_state(soon=True)

    def _say_locked(self) -> None:
        self.notify(
            _("This laptop is locked to {group}.").format(group=self.locked_group),
            severity="warning",
        )

    def go_to(self, **place: Any) -> None:
        """Show a topic × group with an entry selected (the router's OpenEntry)."""
        self.view.go_to(**place)

    def action_topic(self, delta: int) -> None:
        ids = [t.id for t in self.agenda.topics]
        index = (ids.index(self.topic_id) + delta) % len(ids)
        self.set_topic(ids[index])

    def action_group(self, delta: int) -> None:
        if self.locked_group:
            self._say_locked()
            return
        index = (self.groups.index(self.group) + delta) % len(self.groups)
        self.set_group(self.groups[index])

    def action_focus_topics(self) -> None:
        navigator = self.query_one(TopicNavigator)
        navigator.highlight_current()
        self.set_focus(navigator)

    def action_focus_pane(self, kind: str) -> None:
        self._focus_kind(EntryKind(kind))

    def action_toggle_extra(self) -> None:
        self.show_extra = not self.show_extra
        if not self.show_extra and self.current_kind in EXTRA_KINDS:
            self._focus_kind(EntryKind.CHALLENGE)
        self._apply_toggles()
        self.save_state()

    def action_toggle_info(self) -> None:
        shown = self.query_one("#topic-info").display
        self.show_info = not shown
        self._apply_toggles()
        self.save_state()

    @on(TopicNavigator.TopicChosen)
    def _topic_chosen(self, event: TopicNavigator.TopicChosen) -> None:
        self.set_topic(event.topic_id)
        self._focus_kind(self.current_kind)

    @on(Tabs.TabActivated, "#group-tabs")
    def _group_tab(self, event: Tabs.TabActivated) -> None:
        # only a click comes here: the screen's own changes to the tabs post nothing
        if self.locked_group or event.tab.id is None:
            return
        if event.tabs.active != event.tab.id:
            # stale: the Tabs' first activation (the group it was composed with) arriving
            # after open_entry moved to another group (it switched the screen back)
            return
        index = int(event.tab.id.removeprefix("group-"))
        self.set_group(self.groups[index])

    # -- drafts ------------------------------------------------------------------------
    @on(Input.Changed, ".capture-input")
    def _typed(self, event: Input.Changed) -> None:
        for node in event.input.ancestors:
            if isinstance(node, EntryPane):
                self.draft_control.typed(node, event.value)
                return

    def _stash_drafts(self) -> str:
        return self.draft_control.stash()

    def _restore_drafts(self, note: str = "") -> None:
        self.draft_control.restore(note)

    # -- timer -------------------------------------------------------------------------
    def _show_timer(self) -> None:
        topic = self.topic
        display = self.view.one("#topic-timer", TimerDisplay)
        timer = display.show_topic(topic.id, topic.title, max(1, topic.timebox) * 60)
        if self.read_only:
            # an ended session shows the time a topic used, stopped; a timer never used has
            # nothing to say, and its place goes to the header (the session's dates)
            display.display = timer.elapsed >= 1

    def action_timer(self, operation: str) -> None:
        if self.timer_control is None:
            self.timer_control = TimerControl(
                self.query_one(TimerDisplay), self.notify, clock=self.clock or time.monotonic
            )
        self.timer_control.apply(operation)

    @on(TimerDisplay.Changed)
    def _timer_changed(self, event: TimerDisplay.Changed) -> None:
        self.save_state()

    @on(TimerDisplay.Expired)
    def _timer_expired(self, event: TimerDisplay.Expired) -> None:
        self.notify(
            _("Time is up for {topic}.").format(topic=event.topic_title),
            title=_("Timer"),
            severity="warning",
            timeout=10,
        )

    def language_changed(self) -> None:
        """Redraw every word in the new UI language (the app calls this on a switch)."""
        # the panes and the topic list re-word themselves (the app calls their hooks)
        if self.locked_group:
            label = _("{group} (locked)").format(group=self.locked_group)
            self.query_one("#group-tabs", Tabs).query_one(Tab).label = label
        self.refresh_all()

    # -- the session as a whole ----------------------------------------------------------
    def on_unmount(self) -> None:
        # ctrl+q, closing the terminal tab, the end of a test: keep the place (timers too);
        # the workers are cancelled as the app stops, so what is queued is saved right here;
        # text typed and not sent is kept as a draft
        self._stash_drafts()
        self.save_state()
        self.writer.flush()
        screen_closed()

    def action_end_session(self) -> None:
        """Mark the session ended (after confirming, and asking about unsent drafts)."""
        if not allows(self.app, "end_session"):  # a scribe's browser
            return
        end_session(self)

    def action_close_session(self) -> None:
        self.save_state()
        if len(self.app.screen_stack) > 1:
            self.dismiss(None)

    def action_quit(self) -> None:
        self.save_state()
        self.app.exit()

    def action_export(self) -> None:
        self.app.post_message(OpenExportDialog(self, self.store.id))

    def action_import_bundles(self) -> None:
        if self.read_only:
            self.notify(_("This session is read-only: reopen it first (f4)."), severity="warning")
            return
        self.app.post_message(OpenImportDialog(self, self.store.id))

    # -- capture (the controller applies what the panes ask) ------------------------------
    @on(EntryPane.Submitted)
    def _submitted(self, event: EntryPane.Submitted) -> None:
        self.controller.submitted(event.pane, event.text, event.editing, event.release)

    @on(EntryPane.Requested)
    def _requested(self, event: EntryPane.Requested) -> None:
        self.controller.requested(event.pane, event.operation, event.entry_id)

    def toggle_sort(self, pane: EntryPane) -> None:
        pane.sort_by_votes = not pane.sort_by_votes
        self.sorted_kinds.symmetric_difference_update({pane.kind.value})
        self.refresh_all()
        self.save_state()

    def action_undo(self) -> None:
        self.controller.undo()

    # -- other processes ---------------------------------------------------------------
    def _poll_disk(self) -> None:
        self._check_disk()

    @work(thread=True, exclusive=True, group="disk-poll")
    def _check_disk(self) -> None:
        """Redraw when the store holds something the panes do not show yet."""
        if view_is_stale(self.store, self.view.shown_generation, self.view.read_error):
            self.app.call_from_thread(self.refresh_all)

    # -- command palette ---------------------------------------------------------------
    def palette_commands(self) -> list[PaletteCommand]:
        return session_palette_commands(self)
