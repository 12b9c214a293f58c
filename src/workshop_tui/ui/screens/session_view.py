"""Drawing the session screen from the store: the five panes of the current topic × group,
the topic navigator's counts, the header and the topic's description.

The screen decides *when* (a switch, a saved change, another laptop's change found by the
poll); this decides *what* is read and drawn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from rich.text import Text
from textual.widget import Widget
from textual.widgets import Tabs

from workshop_tui.core.capture import pane_labels, votes_left
from workshop_tui.core.i18n import _
from workshop_tui.core.model import Entry, EntryKind
from workshop_tui.core.store import StoreError
from workshop_tui.ui.widgets.entries import EntryPane
from workshop_tui.ui.widgets.entries.stack import apply_stack, is_stacked
from workshop_tui.ui.widgets.table.info import InfoBox
from workshop_tui.ui.widgets.topics import HeaderInfo, SessionHeader, TopicCounts, TopicNavigator

if TYPE_CHECKING:
    from workshop_tui.ui.screens.session import SessionScreen

MAIN_KINDS = (EntryKind.CHALLENGE, EntryKind.SOLUTION, EntryKind.ACTION)
EXTRA_KINDS = (EntryKind.PARKING, EntryKind.NOTE)

W = TypeVar("W", bound=Widget)


class SessionView:
    """Draws one session screen (see module docstring)."""

    def __init__(self, screen: SessionScreen) -> None:
        self.screen = screen
        self.store = screen.store
        #: the read problem last reported (None: none)
        self.read_error: str | None = None
        #: the store generation the panes were drawn from
        self.shown_generation = -1
        #: the topic's description as drawn (redrawn only when it changes: a layout)
        self._info_shown: Text | None = None
        self._found: dict[tuple[str, type[Widget]], Widget] = {}

    def one(self, selector: str, expect: type[W]) -> W:
        """``query_one``, kept: the screen's widgets are composed once and never replaced,
        and a switch looked a dozen of them up in a DOM of ~90 nodes."""
        found = self._found.get((selector, expect))
        if found is None:
            found = self._found[(selector, expect)] = self.screen.query_one(selector, expect)
        assert isinstance(found, expect)
        return found

    def pane(self, kind: EntryKind) -> EntryPane:
        return self.one(f"#pane-{kind.value}", EntryPane)

    def panes(self) -> list[EntryPane]:
        """The five panes, in screen order."""
        return [self.pane(kind) for kind in (*MAIN_KINDS, *EXTRA_KINDS)]

    def stack(self, kind: EntryKind | None = None) -> None:
        """Below 100 columns the focused pane is open at full width and the others are one
        line each (:mod:`workshop_tui.ui.widgets.entries.stack`)."""
        screen = self.screen
        apply_stack(
            screen,
            kind or screen.current_kind,
            stacked=is_stacked(screen.app.size.width),
            rows=[
                (screen.query_one("#main-panes"), MAIN_KINDS),
                (screen.query_one("#extra-panes"), EXTRA_KINDS),
            ],
        )

    def refresh_all(self) -> None:
        """Re-read the current topic × group from the store and redraw everything."""
        screen = self.screen
        # taken before reading: a change that lands while we read makes the poll draw again
        generation = self.store.generation
        try:
            here = self.store.entries(topic_id=screen.topic_id, group=screen.group)
            mine = {
                topic.id: self.store.entries(topic_id=topic.id, group=screen.group, kind=MAIN_KINDS)
                for topic in screen.agenda.topics
            }
        except StoreError as err:
            # once per problem: the poll redraws every 1.5 s and would repeat it forever
            if str(err) != self.read_error:
                self.read_error = str(err)
                screen.notify(
                    str(err), title=_("Cannot read the session"), severity="error", timeout=12
                )
            return
        if self.read_error is not None:
            self.read_error = None
            screen.notify(_("The session file can be read again."), title=_("Session"), timeout=4)
        self.shown_generation = generation
        labels = pane_labels(here)
        backlinks: dict[str, list[Entry]] = {}
        for entry in here:
            for target in entry.links:
                backlinks.setdefault(target, []).append(entry)
        for kind in (*MAIN_KINDS, *EXTRA_KINDS):
            self.pane(kind).show([e for e in here if e.kind == kind], labels, backlinks)
        counts: dict[str, TopicCounts] = {}
        for topic in screen.agenda.topics:
            of_topic = mine[topic.id]
            counts[topic.id] = TopicCounts(
                challenges=sum(e.kind == EntryKind.CHALLENGE for e in of_topic),
                solutions=sum(e.kind == EntryKind.SOLUTION for e in of_topic),
                actions=sum(e.kind == EntryKind.ACTION for e in of_topic),
            )
        self.one("#topics", TopicNavigator).update(screen.topic_id, counts)
        self.render_header()

    def show_saved(self, entry: Entry) -> None:
        """One entry of ours was added or edited: redraw its pane and the counts, not the
        whole screen (the other panes are as they were: a new entry links to nothing yet,
        and an edit changes only its own text)."""
        screen = self.screen
        if entry.topic_id != screen.topic_id or entry.group != screen.group:
            self.refresh_all()  # saved after a switch: the place it went is not on screen
            return
        generation = self.store.generation
        try:
            here = self.store.entries(topic_id=screen.topic_id, group=screen.group)
            of_topic = self.store.entries(
                topic_id=screen.topic_id, group=screen.group, kind=MAIN_KINDS
            )
        except StoreError:
            self.refresh_all()  # says what is wrong, once
            return
        if self.shown_generation != generation - 1:
            self.refresh_all()  # something else changed since the panes were drawn
            return
        self.shown_generation = generation
        labels = pane_labels(here)
        backlinks: dict[str, list[Entry]] = {}
        for other in here:
            for target in other.links:
                backlinks.setdefault(target, []).append(other)
        self.pane(entry.kind).show([e for e in here if e.kind == entry.kind], labels, backlinks)
        if entry.kind in MAIN_KINDS:
            navigator = self.one("#topics", TopicNavigator)
            counts = dict(navigator.counts)
            counts[screen.topic_id] = TopicCounts(
                challenges=sum(e.kind == EntryKind.CHALLENGE for e in of_topic),
                solutions=sum(e.kind == EntryKind.SOLUTION for e in of_topic),
                actions=sum(e.kind == EntryKind.ACTION for e in of_topic),
            )
            navigator.update(screen.topic_id, counts)

    def render_header(self) -> None:
        screen = self.screen
        topic = screen.topic
        number = screen.topic_number
        try:
            left = votes_left(self.store, screen.topic_id, screen.group)
        except StoreError:
            left = 0
        # READ-ONLY, the topic and the votes first: the session title is what gets cut
        self.one("#bar-title", SessionHeader).show(
            HeaderInfo(
                session_title=self.store.session.title,
                topic_number=number,
                topic_count=len(screen.agenda.topics),
                topic_title=topic.title,
                group=screen.group,
                votes_left=left,
                votes_budget=self.store.session.votes_per_group,
                read_only=screen.read_only,
                dates=session_dates(self.store.session) if screen.read_only else "",
            )
        )
        info = Text.assemble(
            (f"{number}. {topic.title}", "bold"),
            _("  ({timebox} min)").format(timebox=topic.timebox),
        )
        if topic.description:
            info.append(f"\n{topic.description.strip()}")
        if topic.questions:
            info.append("\n" + _("Guiding questions:"), "bold")
            for question in topic.questions:
                info.append(f"\n • {question}")
        if info != self._info_shown:  # a group switch leaves the topic's text as it is
            self._info_shown = info
            self.one("#topic-info-text", InfoBox).show(info)
        tabs = self.one("#group-tabs", Tabs)
        tab_id = "group-0" if screen.locked_group else f"group-{screen.groups.index(screen.group)}"
        if tabs.active != tab_id:
            # a change made here must not come back as a click: TabActivated would call
            # set_group again, and two switches in one burst (]]) then chased each other
            with tabs.prevent(Tabs.TabActivated):
                tabs.active = tab_id

    def go_to(
        self,
        *,
        topic_id: str | None = None,
        group: str | None = None,
        kind: EntryKind | None = None,
        entry_id: str | None = None,
    ) -> None:
        """Show ``topic_id`` × ``group`` with ``entry_id`` (of ``kind``) selected (the
        router calls it for the plenary, action list, sessions browser and search)."""
        screen = self.screen
        if topic_id and topic_id in [t.id for t in screen.agenda.topics]:
            screen.set_topic(topic_id)
        if group and group != screen.group:
            if screen.locked_group:
                # a scribe's laptop never leaves its group: say why the cell is not shown
                screen.notify(
                    _(
                        "This laptop is locked to {locked}: {group}'s work is not shown here."
                    ).format(locked=screen.locked_group, group=group),
                    severity="warning",
                    timeout=6,
                )
            else:
                screen.set_group(group)
        if kind is not None and entry_id:
            screen._focus_kind(kind)
            pane = self.pane(kind)
            pane.highlight(entry_id)
            pane.entry_list.focus()


def session_dates(session: Any) -> str:
    """``2025-11-24→11-28`` (an ended session's days, for the read-only header)."""
    first, last = session.started[:10], session.ended[:10]
    if not last or last == first:
        return first
    return f"{first}→{last[5:]}" if last[:4] == first[:4] else f"{first}→{last}"
