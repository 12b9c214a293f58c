"""The session screen: capture challenges, solutions and actions per topic × group.

Layout: a bar (session, topic, group, timer), the topic navigator on the left, the topic's
description and guiding questions, group tabs, three capture panes (Challenges, Solutions,
Actions) and a toggled row with the parking lot and facilitator notes.

Every change goes through :class:`workshop_tui.core.capture.Capture` and is saved off the
event loop by the app's :class:`workshop_tui.ui.writer.StoreWriter` — captures, edits,
deletes, votes, moves, undo, links, an action's fields and the UI state alike — one at a time
in the order they were made (an fsync on a slow disk never freezes typing). The result comes
back on the UI thread: the saved entry is shown, or a notification explains the failure and
the typed text is given back to the input. The UI state (topic, group, focused pane, toggles,
timers) is saved with ``SessionStore.set_state`` so quitting and ``workshop-tui resume`` come
back to the same place.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Static, Tab, Tabs, TextArea

from workshop_tui.core.capture import (
    Capture,
    UndoStep,
    link_candidates,
    pane_labels,
    votes_left,
)
from workshop_tui.core.i18n import N_, _
from workshop_tui.core.model import Entry, EntryKind, now_iso
from workshop_tui.core.store import SessionStore, StoreError
from workshop_tui.core.timer import TimerBank, format_clock
from workshop_tui.ui.commands import PaletteCommand
from workshop_tui.ui.screens.navigation import view_is_stale
from workshop_tui.ui.screens.session_keys import SESSION_BINDINGS, session_palette_commands
from workshop_tui.ui.served import allows
from workshop_tui.ui.translate import Footer
from workshop_tui.ui.widgets.action_form import ActionEditor, ActionEditResult
from workshop_tui.ui.widgets.entries import CaptureInput, EntryPane, LinkPicker
from workshop_tui.ui.widgets.timer import TimerDisplay
from workshop_tui.ui.widgets.topics import HeaderInfo, SessionHeader, TopicCounts, TopicNavigator
from workshop_tui.ui.writer import StoreWriter, store_writer

T = TypeVar("T")


MAIN_KINDS = (EntryKind.CHALLENGE, EntryKind.SOLUTION, EntryKind.ACTION)
EXTRA_KINDS = (EntryKind.PARKING, EntryKind.NOTE)
#: below this terminal height the topic description starts hidden (toggle with "d")
COMPACT_HEIGHT = 30
#: below this terminal width the topic navigator gets narrower
NARROW_WIDTH = 100
POLL_SECONDS = 1.5
#: a second R within about this long resets a timer that has run
RESET_CONFIRM_SECONDS = 4
READ_ONLY_MESSAGE = N_("This session has ended: it is read-only.")

#: (topic id, group, pane kind) of a draft
DraftKey = tuple[str, str, str]


@dataclass(frozen=True)
class Draft:
    """Text typed in a pane's input and not sent yet; ``editing``: the entry it edits."""

    text: str
    editing: str | None = None


def drafts_from_state(saved: object) -> dict[DraftKey, Draft]:
    """Drafts as saved with the UI state (rows of topic, group, kind, text, edited id)."""
    drafts: dict[DraftKey, Draft] = {}
    for row in saved if isinstance(saved, list) else []:
        if isinstance(row, list) and len(row) == 5 and all(isinstance(v, str) for v in row):
            topic, group, kind, text, editing = row
            drafts[(topic, group, kind)] = Draft(text, editing or None)
    return drafts


def drafts_to_state(drafts: dict[DraftKey, Draft]) -> list[list[str]]:
    return [[*key, d.text, d.editing or ""] for key, d in sorted(drafts.items())]


#: screen actions that change the session (hidden when it is read-only)
EDITING_ACTIONS = frozenset({"undo", "import_bundles"})


class SessionScreen(Screen[None]):
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
        self.capture = Capture(store)
        self.read_only = read_only
        self.clock = clock
        session = store.session
        self.agenda = session.agenda
        self.groups = session.agenda.group_names
        self.locked_group = group if group in self.groups else None
        state = self._load_state()
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
        self.timers = TimerBank.from_dict(state.get("timers"), clock=clock or time.monotonic)
        self._state_error_shown = False
        self._read_error: str | None = None  # the read problem last reported
        self._shown_generation = -1  # the store generation the panes were drawn from
        self._restored = False
        #: text typed (or an edit begun) and not sent, kept with its topic × group × pane
        #: while the facilitator looks elsewhere; saved with the UI state, so a quit keeps it
        self._drafts: dict[DraftKey, Draft] = drafts_from_state(state.get("drafts"))
        #: what each pane's input holds right now (the widgets are gone by on_unmount)
        self._typing: dict[str, Draft] = {}
        #: (topic, when) of a first R on a timer that has run, waiting for the second
        self._reset_armed: tuple[str, float] | None = None

    @property
    def _scribe_key(self) -> str:
        return f"scribe:{self.locked_group}"

    def _load_state(self) -> dict[str, Any]:
        """The saved UI state; a scribe's laptop (locked group) keeps its own under its key,
        starting from the facilitator's topic and timers the first time."""
        try:
            state = self.store.get_state()
        except StoreError:
            return {}
        if self.locked_group:
            own = state.get(self._scribe_key)
            return {**state, **own} if isinstance(own, dict) else dict(state)
        return state

    # -- layout ------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Horizontal(id="session-bar"):
            yield SessionHeader(id="bar-title")
            yield TimerDisplay(self.timers, id="topic-timer")
        with Horizontal(id="session-body"):
            yield TopicNavigator(self.agenda.topics, id="topics")
            with Vertical(id="session-main"):
                yield VerticalScroll(Static(id="topic-info-text"), id="topic-info")
                if self.locked_group:
                    tabs = [
                        Tab(
                            _("{locked_group} (locked)").format(locked_group=self.locked_group),
                            id="group-0",
                        )
                    ]
                    active = "group-0"
                else:
                    tabs = [Tab(name, id=f"group-{i}") for i, name in enumerate(self.groups)]
                    active = f"group-{self.groups.index(self.group)}"
                # start on the restored group: the Tabs' first activation message must not
                # switch the screen back to the first group
                yield Tabs(*tabs, id="group-tabs", active=active)
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
        # an ended session's timer is not used: its place goes to the header (dates)
        self.query_one(TimerDisplay).display = not self.read_only
        self._apply_toggles()
        self._restore_drafts()
        self.refresh_all()
        self._focus_kind(self.current_kind)
        self._restored = True
        self._show_timer()
        self.set_interval(POLL_SECONDS, self._poll_disk)

    def on_resize(self, event: events.Resize) -> None:
        self._apply_toggles()

    def _apply_toggles(self) -> None:
        self.set_class(self.app.size.width < NARROW_WIDTH, "-narrow")
        show_info = (
            self.show_info if self.show_info is not None else self.app.size.height >= COMPACT_HEIGHT
        )
        self.query_one("#topic-info").display = show_info
        self.query_one("#extra-panes").display = self.show_extra

    # -- helpers -----------------------------------------------------------------------
    def pane(self, kind: EntryKind) -> EntryPane:
        return self.query_one(f"#pane-{kind.value}", EntryPane)

    @property
    def topic(self) -> Any:
        return self.agenda.topic(self.topic_id)

    @property
    def writer(self) -> StoreWriter:
        return store_writer(self.app)

    def _queue_write(
        self,
        what: str,
        change: Callable[[], T],
        done: Callable[[T], None],
        *,
        failed: Callable[[Exception], None] | None = None,
        lost: str = "",
    ) -> None:
        """Save ``change`` off the event loop, after every change queued before it;
        ``done``/``failed`` run on the UI thread while this screen is still mounted."""
        self.writer.submit(what, change, done, failed=failed, lost=lost, owner=self)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A read-only session hides the keys that would change it (footer, help, palette);
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

    def _refuse_if_read_only(self) -> bool:
        if self.read_only:
            self.notify(_(READ_ONLY_MESSAGE), severity="warning")
        return self.read_only

    # -- rendering ---------------------------------------------------------------------
    def refresh_all(self) -> None:
        """Re-read the current topic × group from the store and redraw everything."""
        # taken before reading: a change that lands while we read makes the poll draw again
        generation = self.store.generation
        try:
            here = self.store.entries(topic_id=self.topic_id, group=self.group)
            mine = self.store.entries(group=self.group, kind=MAIN_KINDS)
        except StoreError as err:
            # once per problem: the poll redraws every 1.5 s and would repeat it forever
            if str(err) != self._read_error:
                self._read_error = str(err)
                self.notify(
                    str(err), title=_("Cannot read the session"), severity="error", timeout=12
                )
            return
        if self._read_error is not None:
            self._read_error = None
            self.notify(_("The session file can be read again."), title=_("Session"), timeout=4)
        self._shown_generation = generation
        labels = pane_labels(here)
        backlinks: dict[str, list[Entry]] = {}
        for entry in here:
            for target in entry.links:
                backlinks.setdefault(target, []).append(entry)
        for kind in (*MAIN_KINDS, *EXTRA_KINDS):
            self.pane(kind).show([e for e in here if e.kind == kind], labels, backlinks)
        counts: dict[str, TopicCounts] = {}
        for topic in self.agenda.topics:
            of_topic = [e for e in mine if e.topic_id == topic.id]
            counts[topic.id] = TopicCounts(
                challenges=sum(e.kind == EntryKind.CHALLENGE for e in of_topic),
                solutions=sum(e.kind == EntryKind.SOLUTION for e in of_topic),
                actions=sum(e.kind == EntryKind.ACTION for e in of_topic),
            )
        self.query_one(TopicNavigator).update(self.topic_id, counts)
        self._render_header()

    def _render_header(self) -> None:
        topic = self.topic
        number = [t.id for t in self.agenda.topics].index(topic.id) + 1
        try:
            left = votes_left(self.store, self.topic_id, self.group)
        except StoreError:
            left = 0
        # READ-ONLY, the topic and the votes first: the session title is what gets cut
        self.query_one(SessionHeader).show(
            HeaderInfo(
                session_title=self.store.session.title,
                topic_number=number,
                topic_count=len(self.agenda.topics),
                topic_title=topic.title,
                group=self.group,
                votes_left=left,
                votes_budget=self.store.session.votes_per_group,
                read_only=self.read_only,
                dates=_session_dates(self.store.session) if self.read_only else "",
            )
        )
        info = Text.assemble(
            (f"{number}. {topic.title}", "bold"),
            _("  ({timebox} min)").format(timebox=topic.timebox),
        )
        if topic.description:
            info.append(f"\n{topic.description.strip()}")
        if topic.questions:
            info.append(_("\nGuiding questions:"), "bold")
            for question in topic.questions:
                info.append(f"\n • {question}")
        self.query_one("#topic-info-text", Static).update(info)
        tabs = self.query_one("#group-tabs", Tabs)
        tab_id = "group-0" if self.locked_group else f"group-{self.groups.index(self.group)}"
        if tabs.active != tab_id:
            # a change made here must not come back as a click: TabActivated would call
            # set_group again, and two switches in one burst (]]) then chased each other
            with tabs.prevent(Tabs.TabActivated):
                tabs.active = tab_id

    # -- UI state ----------------------------------------------------------------------
    def save_state(self, **extra: Any) -> None:
        """Save where the facilitator is (best effort: one notification if it fails)."""
        if self.read_only:
            return
        state = {
            "topic": self.topic_id,
            "group": self.group,
            "pane": self.current_kind.value,
            "show_extra": self.show_extra,
            "show_info": self.show_info,
            "sorted_by_votes": sorted(self.sorted_kinds),
            "timers": self.timers.to_dict(),
            "drafts": drafts_to_state(self._drafts),
            **extra,
        }
        store = self.store
        # several laptops share one session file: a scribe never moves the facilitator
        saved_as = {self._scribe_key: state} if self.locked_group else state

        def failed(err: Exception) -> None:
            if not self._state_error_shown:
                self._state_error_shown = True
                self.notify(
                    _("Could not save the screen position: {err}").format(err=err),
                    severity="error",
                    timeout=12,
                )

        # queued with the captures: a slow disk never stalls switching topics or groups
        self.writer.submit(
            _("Screen position"),
            lambda: store.set_state(**saved_as),
            failed=failed,
            owner=self,
            notify=False,
        )

    @on(events.DescendantFocus)
    def _focus_changed(self, event: events.DescendantFocus) -> None:
        for node in event.widget.ancestors_with_self:
            if isinstance(node, EntryPane):
                if node.kind != self.current_kind:
                    self.current_kind = node.kind
                    if self._restored:
                        self.save_state()
                return

    def _focus_kind(self, kind: EntryKind) -> None:
        if kind in EXTRA_KINDS and not self.show_extra:
            self.show_extra = True
            self._apply_toggles()
        # always the list, even an empty one: a digit then switches panes instead of being
        # typed; i or Enter starts typing (see docs/tui.md, "Keys")
        # at once, not deferred like Widget.focus(): keys already queued behind this one (a
        # fast "3i…", a burst) must reach the pane they were meant for
        self.set_focus(self.pane(kind).entry_list)

    # -- navigation actions --------------------------------------------------------------
    def set_topic(self, topic_id: str) -> None:
        if topic_id == self.topic_id:
            return
        note = self._stash_drafts()
        self.topic_id = topic_id
        self._restore_drafts(note)
        self.refresh_all()
        self.query_one(TopicNavigator).highlight_current()
        self._topic_changed()
        self.save_state()

    def _topic_changed(self) -> None:
        self._show_timer()

    # -- timer -------------------------------------------------------------------------
    def _show_timer(self) -> None:
        topic = self.topic
        self.query_one(TimerDisplay).show_topic(topic.id, topic.title, max(1, topic.timebox) * 60)

    def action_timer(self, operation: str) -> None:
        display = self.query_one(TimerDisplay)
        if operation == "toggle":
            display.toggle()
        elif operation == "reset":
            timer = display.timer
            armed, self._reset_armed = self._reset_armed, None
            now = time.monotonic()
            confirmed = (
                armed is not None
                and armed[0] == self.topic_id
                and now - armed[1] <= RESET_CONFIRM_SECONDS
            )
            if timer is not None and timer.elapsed >= 1 and not confirmed:
                # time already used: one stray shifted key must not wipe it in front of the room
                self._reset_armed = (self.topic_id, now)
                self.notify(
                    _("{used} of {length} used: press R again to reset the timer.").format(
                        used=format_clock(timer.elapsed), length=format_clock(timer.duration)
                    ),
                    title=_("Timer"),
                    timeout=RESET_CONFIRM_SECONDS,
                )
                return
            display.reset()
        elif operation == "set":
            display.prompt_duration()

    @on(TimerDisplay.Changed)
    def _timer_changed(self, event: TimerDisplay.Changed) -> None:
        self.save_state()

    @on(TimerDisplay.Expired)
    def _timer_expired(self, event: TimerDisplay.Expired) -> None:
        self.notify(
            _("Time is up for {topic_title}.").format(topic_title=event.topic_title),
            title=_("Timer"),
            severity="warning",
            timeout=10,
        )

    def set_group(self, group: str) -> None:
        if group == self.group or group not in self.groups:
            return
        if self.locked_group:
            self.notify(
                _("This laptop is locked to {locked_group}.").format(
                    locked_group=self.locked_group
                ),
                severity="warning",
            )
            return
        note = self._stash_drafts()
        self.group = group
        self._restore_drafts(note)
        self.refresh_all()
        self.save_state()

    @on(Input.Changed, ".capture-input")
    def _typed(self, event: Input.Changed) -> None:
        for node in event.input.ancestors:
            if isinstance(node, EntryPane):
                if event.value.strip() or node.editing:
                    self._typing[node.kind.value] = Draft(event.value, node.editing)
                else:
                    self._typing.pop(node.kind.value, None)
                return

    def _stash_drafts(self) -> str:
        """Take what each pane's input holds (new text, or an edit begun) into ``_drafts``
        for the current topic × group, and empty the inputs. Returns a note saying where
        the drafts were kept ("" when there were none).

        Switching group or topic mid-sentence must neither lose the words nor carry them
        into another group's pane."""
        kept: list[str] = []
        if not self.is_attached or not self.query(EntryPane):
            # quitting: the inputs are gone, what they held was followed as it was typed
            for kind, draft in self._typing.items():
                self._drafts[(self.topic_id, self.group, kind)] = draft
            return ""
        for pane in self.query(EntryPane):
            key = (self.topic_id, self.group, pane.kind.value)
            text, editing = pane.capture_input.value, pane.editing
            if text.strip() or editing:
                self._drafts[key] = Draft(text, editing)
                kept.append(pane.noun)
            else:
                self._drafts.pop(key, None)
            pane.end_edit()
        if not kept:
            return ""
        number = [t.id for t in self.agenda.topics].index(self.topic_id) + 1
        return _(
            "Your unsent {kinds} text stays with {group}, topic {number}: it is back when you "
            "return."
        ).format(kinds=", ".join(kept), group=self.group, number=number)

    def _restore_drafts(self, note: str = "") -> None:
        """Put the current topic × group's drafts back in their inputs; say where the
        ``note`` (where the ones just stashed went)."""
        for pane in self.query(EntryPane):
            draft = self._drafts.pop((self.topic_id, self.group, pane.kind.value), None)
            if draft is None:
                continue
            editing = draft.editing
            if editing is not None:
                try:
                    if self.store.get(editing).deleted:
                        editing = None  # deleted meanwhile: the text comes back as a new entry
                except (KeyError, StoreError):
                    editing = None
            pane.give_back(draft.text, editing)
        if note:
            self.notify(
                note,
                title=_("Draft kept"),
                timeout=4,
            )

    def action_topic(self, delta: int) -> None:
        ids = [t.id for t in self.agenda.topics]
        index = (ids.index(self.topic_id) + delta) % len(ids)
        self.set_topic(ids[index])

    def action_group(self, delta: int) -> None:
        if self.locked_group:
            self.notify(
                _("This laptop is locked to {locked_group}.").format(
                    locked_group=self.locked_group
                ),
                severity="warning",
            )
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

    def language_changed(self) -> None:
        """Redraw every word in the new UI language (the app calls this on a switch)."""
        # the panes and the topic list re-word themselves (the app calls their hooks)
        if self.locked_group:
            label = _("{locked_group} (locked)").format(locked_group=self.locked_group)
            self.query_one("#group-tabs", Tabs).query_one(Tab).label = label
        self.refresh_all()

    def on_unmount(self) -> None:
        # ctrl+q, closing the terminal tab, the end of a test: keep the place (timers too);
        # the workers are cancelled as the app stops, so what is queued is saved right here;
        # text typed and not sent is kept as a draft
        self._stash_drafts()
        self.save_state()
        self.writer.flush()

    def action_end_session(self) -> None:
        """Mark the session ended (after confirming); it then opens read-only."""
        from workshop_tui.ui.screens.review import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            store = self.store
            self._queue_write(
                _("End session"), lambda: store.update_session(ended=now_iso()), ended
            )

        def ended(_result: object) -> None:
            self.read_only = True
            self.add_class("read-only")
            for pane in self.query(EntryPane):
                pane.make_read_only()
            self.refresh_all()
            self.refresh_bindings()  # the editing keys leave the footer
            self.notify(_("Session ended: it is now read-only."))

        self.app.push_screen(
            ConfirmScreen(
                _("End “{title}”? It becomes read-only.").format(title=self.store.session.title),
                yes=_("End session"),
            ),
            answered,
        )

    def action_close_session(self) -> None:
        self.save_state()
        if len(self.app.screen_stack) > 1:
            self.dismiss(None)

    def action_quit(self) -> None:
        self.save_state()
        self.app.exit()

    def action_export(self) -> None:
        from workshop_tui.ui.screens.export_dialog import open_export_dialog

        open_export_dialog(self, self.store.id)

    def action_import_bundles(self) -> None:
        from workshop_tui.ui.screens.import_dialog import open_import_dialog

        if self.read_only:
            self.notify(_("This session is read-only: reopen it first (f4)."), severity="warning")
            return
        open_import_dialog(self, self.store.id)

    @on(TopicNavigator.TopicChosen)
    def _topic_chosen(self, event: TopicNavigator.TopicChosen) -> None:
        self.set_topic(event.topic_id)
        self._focus_kind(self.current_kind)

    @on(Tabs.TabActivated, "#group-tabs")
    def _group_tab(self, event: Tabs.TabActivated) -> None:
        if self.locked_group or event.tab.id is None:
            return
        if event.tabs.active != event.tab.id:
            # stale: the Tabs' first activation (the group it was composed with) arriving
            # after open_entry moved to another group (it switched the screen back)
            return
        index = int(event.tab.id.removeprefix("group-"))
        self.set_group(self.groups[index])

    # -- capture -----------------------------------------------------------------------
    @on(EntryPane.Submitted)
    def _submitted(self, event: EntryPane.Submitted) -> None:
        pane, text, editing = event.pane, event.text, event.editing
        if self._refuse_if_read_only():
            pane.give_back(text, editing)
            return
        if not text.strip():
            pane.give_back(text, editing)
            self.notify(
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
            kind, topic_id, group = pane.kind, self.topic_id, self.group
            what = _("Add {noun}").format(noun=pane.noun)

            def change() -> Entry:
                return self.capture.add(kind, topic_id, group, text)

        def done(saved: Entry) -> None:
            self.refresh_all()
            pane.highlight(saved.id)
            if editing and not pane.capture_input.value and self.focused is pane.capture_input:
                pane.entry_list.focus()

        self._queue_write(
            what,
            change,
            done,
            failed=lambda _: pane.give_back(text, editing),  # the typed text is never lost
            lost=f"the text was: {text}",
        )

    @on(EntryPane.Requested)
    def _requested(self, event: EntryPane.Requested) -> None:
        pane, operation, entry_id = event.pane, event.operation, event.entry_id
        if operation == "sort":
            self._toggle_sort(pane)
            return
        if operation == "capture" or (operation == "open" and entry_id is None):
            # i (or Enter on an empty list) starts typing a new entry
            if not self._refuse_if_read_only():
                pane.focus_input()
            return
        if entry_id is None:
            self.notify(
                _("No {noun} selected: type one in the box below and press Enter.").format(
                    noun=pane.noun
                ),
                severity="warning",
            )
            return
        if self._refuse_if_read_only():
            return
        try:
            entry = self.store.get(entry_id)
        except (KeyError, StoreError):
            self.refresh_all()  # it is gone (another laptop, a damaged file): show what is there
            return
        if operation == "open":
            operation = "action" if pane.kind == EntryKind.ACTION else "edit"
        if operation == "edit":
            pane.begin_edit(entry)
        elif operation == "delete":
            self._delete(pane, entry)
        elif operation in ("vote", "unvote"):
            vote = self.capture.vote if operation == "vote" else self.capture.unvote
            group = self.group
            self._queue_write(
                _("Vote"), lambda: vote(entry.id, group), lambda _: self.refresh_all()
            )
        elif operation in ("move_up", "move_down"):
            self._move(pane, entry, -1 if operation == "move_up" else 1)
        elif operation == "link":
            self._open_link_picker(entry)
        elif operation == "action":
            self._open_action_editor(entry)

    def _delete(self, pane: EntryPane, entry: Entry) -> None:
        labels = pane_labels(self.store.entries(topic_id=entry.topic_id, group=entry.group))

        def done(_result: object) -> None:
            self.refresh_all()
            self.notify(
                _("Deleted {label} — ctrl+z undoes").format(label=labels.get(entry.id, "")),
                timeout=4,
            )

        self._queue_write(_("Delete"), lambda: self.capture.delete(entry.id), done)

    def _move(self, pane: EntryPane, entry: Entry, delta: int) -> None:
        if pane.sort_by_votes:
            self.notify(
                _("Sorted by votes: press s to go back to your own order, then move."),
                severity="warning",
            )
            return

        def done(moved: object) -> None:
            if moved:
                self.refresh_all()
                pane.highlight(entry.id)

        self._queue_write(_("Move"), lambda: self.capture.move(entry.id, delta), done)

    def _toggle_sort(self, pane: EntryPane) -> None:
        pane.sort_by_votes = not pane.sort_by_votes
        self.sorted_kinds.symmetric_difference_update({pane.kind.value})
        self.refresh_all()
        self.save_state()

    def action_undo(self) -> None:
        if self._refuse_if_read_only():
            return
        if not self.capture.can_undo and not self.writer.in_flight:
            self.notify(_("Nothing to undo."), severity="warning", timeout=3)
            return

        def done(step: UndoStep | None) -> None:
            if step is None:  # the saves queued before it added nothing to undo
                self.notify(_("Nothing to undo."), severity="warning", timeout=3)
                return
            self.refresh_all()
            self.notify(
                _("Undone: {description}").format(description=_(step.description)), timeout=3
            )

        self._queue_write(_("Undo"), self.capture.undo, done)

    # -- linking -----------------------------------------------------------------------
    def _open_link_picker(self, entry: Entry) -> None:
        candidates = link_candidates(self.store, entry)
        if entry.kind not in (EntryKind.SOLUTION, EntryKind.ACTION):
            self.notify(
                _("Link from a solution or an action to what it answers."), severity="warning"
            )
            return
        if not candidates:
            wanted = "challenges" if entry.kind == EntryKind.SOLUTION else "solutions or challenges"
            self.notify(
                _("No {wanted} in this topic for {group} yet.").format(
                    wanted=wanted, group=self.group
                ),
                severity="warning",
            )
            return
        labels = pane_labels(self.store.entries(topic_id=entry.topic_id, group=entry.group))

        def toggle(target_id: str) -> bool:
            self._queue_write(
                _("Link"),
                lambda: self.capture.toggle_link(entry.id, target_id),
                lambda _: self.refresh_all(),
                failed=lambda _: picker.put_back(target_id),
            )
            return True

        picker = LinkPicker(entry, labels.get(entry.id, "?"), candidates, labels, toggle)
        self.app.push_screen(picker)

    # -- actions -----------------------------------------------------------------------
    def _open_action_editor(self, entry: Entry) -> None:
        if entry.kind != EntryKind.ACTION:
            self.notify(_("Only actions have owner, due date and status."), severity="warning")
            return
        labels = pane_labels(self.store.entries(topic_id=entry.topic_id, group=entry.group))
        context = f"{labels.get(entry.id, '')} · {self.topic.title} · {entry.group}"

        def save(result: ActionEditResult) -> Awaitable[str | None]:
            # the editor writes through this (queued after the captures) and closes only once
            # it is saved: a failed save (disk full, damaged file) keeps every typed field
            return self.writer.reason_not_saved(
                _("Action"),
                lambda: self.capture.set_action(entry.id, result.fields, text=result.text),
            )

        def saved(result: ActionEditResult | None) -> None:
            if result is not None:
                self.refresh_all()
                self.pane(EntryKind.ACTION).highlight(entry.id)

        editor = ActionEditor.for_entry(entry, self.agenda, context=context, save=save)
        self.app.push_screen(editor, saved)

    # -- other processes ---------------------------------------------------------------
    def _poll_disk(self) -> None:
        self._check_disk()

    @work(thread=True, exclusive=True, group="disk-poll")
    def _check_disk(self) -> None:
        """Redraw when the store holds something the panes do not show yet."""
        if view_is_stale(self.store, self._shown_generation, self._read_error):
            self.app.call_from_thread(self.refresh_all)

    # -- command palette ---------------------------------------------------------------
    def palette_commands(self) -> list[PaletteCommand]:
        return session_palette_commands(self)


def _session_dates(session: Any) -> str:
    """``2025-11-24→11-28`` (an ended session's days, for the read-only header)."""
    first, last = session.started[:10], session.ended[:10]
    if not last or last == first:
        return first
    return f"{first}→{last[5:]}" if last[:4] == first[:4] else f"{first}→{last}"
