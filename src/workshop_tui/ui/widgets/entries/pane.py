"""A capture pane: the entries of one kind for the current topic × group, and a quick-capture input.

The pane only shows and collects; it never writes. It sends messages up (``Submitted``,
``Requested``) and the session screen applies them through the store.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar, Self

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widget import Widget
from textual.widgets import Input, OptionList

from workshop_tui.core.capture import LINK_TARGETS
from workshop_tui.core.i18n import N_, _
from workshop_tui.core.model import VOTABLE_KINDS, Entry, EntryKind
from workshop_tui.ui.widgets.entries.bindings import CAPTURE_KEYS, ENTRY_LIST_BINDINGS
from workshop_tui.ui.widgets.entries.fit import (
    TITLE_FRAME,
    pane_title,
    remeasure_options,
)
from workshop_tui.ui.widgets.entries.prompt_cache import PromptCache
from workshop_tui.ui.widgets.entries.render import entry_prompt
from workshop_tui.ui.widgets.entries.summary import PaneSummary, summary_text
from workshop_tui.ui.widgets.kept_lines import KeptLinesOptionList
from workshop_tui.ui.writer import hold_repaints

#: English (N_); shown with _() in the UI language
PANE_TITLES: dict[EntryKind, str] = {
    EntryKind.CHALLENGE: N_("Challenges"),
    EntryKind.SOLUTION: N_("Solutions"),
    EntryKind.ACTION: N_("Actions"),
    EntryKind.PARKING: N_("Parking lot"),
    EntryKind.NOTE: N_("Facilitator notes"),
}


#: what still works in a read-only (ended) session: sorting by votes only changes the view
READ_ONLY_OPERATIONS = frozenset({"sort"})
#: the capture input of a read-only (ended) session
READ_ONLY_PLACEHOLDER = N_("read-only (ended)")
#: keys that switch panes while typing in an input (the digits alone are typed there)
PANE_SWITCH_KEYS = frozenset(f"alt+{digit}" for digit in "12345")


def operation_applies(operation: str, kind: EntryKind) -> bool:
    """Whether a pane operation applies to entries of ``kind``."""
    if operation in ("vote", "unvote", "sort"):
        return kind in VOTABLE_KINDS
    if operation == "link":
        return kind in LINK_TARGETS
    if operation == "action":
        return kind == EntryKind.ACTION
    return True


def pane_of(widget: Widget) -> EntryPane | None:
    """The pane a widget sits in."""
    for node in widget.ancestors:
        if isinstance(node, EntryPane):
            return node
    return None


class EntryList(KeptLinesOptionList):
    """The entries of a pane; keys act on the highlighted entry."""

    BINDINGS: ClassVar[list[BindingType]] = ENTRY_LIST_BINDINGS

    #: the number of lines changes on every switch and capture: a repaint, not a layout of
    #: the whole screen (Textual's own is ``layout=True``); a scrollbar that appears or goes
    #: still lays the screen out (``show_vertical_scrollbar`` asks for it)
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def watch_show_vertical_scrollbar(self) -> None:
        remeasure_options(self)

    def on_key(self, event: events.Key) -> None:
        # Start typing in key order, not as a binding: a binding runs only once the key has
        # bubbled up to the app, and the keys typed right after "i" (a fast typist, a burst)
        # would reach this list instead of the input. Those that still arrive here once the
        # input has the focus go into it too.
        pane = self.pane
        if pane is None:
            return
        field = pane.capture_input
        focused = self.screen.focused
        if focused is field:
            if event.key == "enter":
                event.stop()
                event.prevent_default()
                field.action_submit_entry()
            elif event.is_printable and event.character:
                event.stop()
                event.prevent_default()
                field.insert_text_at_cursor(event.character)
            return
        starts_typing = event.key in CAPTURE_KEYS or (event.key == "enter" and not pane.entries)
        if focused is self and starts_typing and not field.disabled:
            event.stop()
            event.prevent_default()
            self.screen.set_focus(field)

    def holds_keys(self) -> bool:
        """Keys wait while text typed into this pane is being saved (ui.keys.KeysInOrder):
        typed slowly, they would act on the entry once it is in the list."""
        pane = self.pane
        return pane is not None and pane.saving > 0

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer only what makes sense for this pane's kind, and in a read-only session only
        what changes nothing (hidden from the footer, the help and the palette otherwise)."""
        pane = self.pane
        if action != "request" or pane is None or not parameters:
            return True
        operation = str(parameters[0])
        if pane.read_only and operation not in READ_ONLY_OPERATIONS:
            return False
        return operation_applies(operation, pane.kind)

    def action_request(self, operation: str) -> None:
        pane = self.pane
        if pane is not None:
            pane.request(operation)

    @property
    def pane(self) -> EntryPane | None:
        return pane_of(self)


class CaptureInput(Input):
    """Quick capture: Enter saves the text as a new entry (or the edited text)."""

    #: ``Input`` sets it on every change of its value; a one-line input never needs the
    #: screen laid out for that (Textual's own is ``layout=True``)
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "leave",
            N_("Back"),
            id="capture.leave",
            show=False,
            tooltip=N_("Cancel an edit / back to the list (Enter saves)"),
        ),
        Binding(
            "enter",
            "submit_entry",
            N_("Save"),
            id="capture.save",
            show=False,
            tooltip=N_("Save the typed text as a new entry (or save the edit)"),
        ),
    ]

    async def _on_key(self, event: events.Key) -> None:
        # Enter is taken here, in key order, rather than as a binding: a binding runs only
        # after the key has bubbled up to the app, and keys typed meanwhile (a burst after a
        # stalled event loop) would land in the text being saved.
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.action_submit_entry()
            return
        if event.key in PANE_SWITCH_KEYS:
            return  # not typed: it goes on to the screen's binding (switch pane while typing)
        await super()._on_key(event)

    def action_submit_entry(self) -> None:
        pane = self.pane
        if pane is not None:
            pane.submit_input()

    def action_leave(self) -> None:
        pane = self.pane
        if pane is not None:
            pane.leave_input()

    @property
    def pane(self) -> EntryPane | None:
        return pane_of(self)


class EntryPane(Vertical):
    """One pane of the session screen (Challenges, Solutions, Actions, Parking lot, Notes)."""

    _title_line_only = False  # see refresh()

    @dataclass
    class Submitted(Message):
        """Text was entered: a new entry (``editing`` is None) or new text for ``editing``."""

        pane: EntryPane
        text: str
        editing: str | None
        #: ends the hold on repaints begun as the input was emptied (ui.writer.hold_repaints)
        release: Callable[[], None] = lambda: None

    @dataclass
    class Requested(Message):
        """A key asked for an operation on the highlighted entry (``entry_id`` may be None)."""

        pane: EntryPane
        operation: str
        entry_id: str | None

    def __init__(self, kind: EntryKind, *, read_only: bool = False, id: str | None = None) -> None:
        super().__init__(id=id or f"pane-{kind.value}", classes="entry-pane")
        self.kind = kind
        self.read_only = read_only
        self.editing: str | None = None
        self.sort_by_votes = False
        #: texts submitted from this pane and not saved and drawn yet (see holds_keys)
        self.saving = 0
        self._entries: list[Entry] = []
        self._labels: dict[str, str] = {}
        self._count = 0
        #: the list's options by what they draw, kept across switches (made on first show)
        self._prompts: PromptCache | None = None
        self._titles_shown: tuple[str, str] | None = None  # border title and subtitle
        #: None: side by side with the others; True: the focused one of stacked panes (full
        #: width); False: stacked and folded to its one-line summary
        self.stacked: bool | None = None

    def compose(self) -> ComposeResult:
        yield EntryList(id=f"list-{self.kind.value}", classes="entry-list")
        # short enough for a pane at 80 columns (17 cells)
        placeholder = (
            _(READ_ONLY_PLACEHOLDER) if self.read_only else _("+ add {noun}").format(noun=self.noun)
        )
        yield CaptureInput(
            placeholder=placeholder,
            id=f"input-{self.kind.value}",
            classes="capture-input",
            select_on_focus=False,  # focusing must never let the next key replace typed text
        )
        summary = PaneSummary(id=f"summary-{self.kind.value}", classes="pane-summary")
        summary.display = False
        yield summary

    def on_mount(self) -> None:
        self._update_title()

    # -- accessors ---------------------------------------------------------------------
    @property
    def noun(self) -> str:
        nouns = {
            EntryKind.CHALLENGE: _("challenge"),
            EntryKind.SOLUTION: _("solution"),
            EntryKind.ACTION: _("action"),
            EntryKind.NOTE: _("note"),
            EntryKind.PARKING: _("parking-lot item"),
        }
        return nouns.get(self.kind, self.kind.value)

    @property
    def entry_list(self) -> EntryList:
        return self.query_one(EntryList)

    @property
    def capture_input(self) -> CaptureInput:
        return self.query_one(CaptureInput)

    @property
    def entries(self) -> list[Entry]:
        """The entries as shown (pane order, or by votes when sorted)."""
        return list(self._entries)

    @property
    def highlighted_id(self) -> str | None:
        option = self.entry_list.highlighted_option
        return option.id if option is not None else None

    def highlight(self, entry_id: str | None) -> None:
        entry_list = self.entry_list
        if entry_id is None:
            return
        try:
            entry_list.highlighted = entry_list.get_option_index(entry_id)
        except Exception:  # noqa: BLE001 - OptionDoesNotExist: entry gone, keep the cursor
            return

    # -- showing -----------------------------------------------------------------------
    def show(
        self,
        entries: list[Entry],
        labels: dict[str, str],
        backlinks: dict[str, list[Entry]],
    ) -> None:
        """Replace the shown entries, keeping the highlighted one when it is still there."""
        keep = self.highlighted_id
        old_index = self.entry_list.highlighted
        if self.sort_by_votes:
            entries = sorted(entries, key=lambda e: -e.vote_count)  # stable: pane order within ties
        self._entries = entries
        self._labels = labels
        self._count = len(entries)
        entry_list = self.entry_list
        cache = self._prompts
        if cache is None:
            cache = self._prompts = PromptCache(entry_list)
        options = [
            cache.option(e.id, entry_prompt(e, labels, backlinks.get(e.id, []))) for e in entries
        ]
        if not entry_list.replace_options(options):  # only what changed is drawn again
            # nothing drawn changed (the poll found another pane's change, a redraw of the
            # same cell): the list is left as it is, cursor and scroll position included
            self._update_title()
            return
        ids = [e.id for e in entries]
        if keep in ids:
            entry_list.highlighted = ids.index(keep)
        elif entries:
            entry_list.highlighted = min(old_index or 0, len(entries) - 1)
        self._update_title()

    def on_resize(self) -> None:
        self._update_title()  # the title is fitted to the pane's width

    def set_stacked(self, state: bool | None) -> None:
        """Side by side (None), the open pane of a stack (True), or folded to one line
        (False). Set on the widgets themselves, not only by CSS, so that focusing the list
        right after opening a pane finds it displayed."""
        self.stacked = state
        folded = state is False
        self.set_class(state is True, "-expanded")
        self.set_class(folded, "-collapsed")
        self.entry_list.display = not folded
        self.capture_input.display = not folded
        self.query_one(PaneSummary).display = folded
        self._update_summary()

    def _update_summary(self) -> None:
        if self.stacked is False:
            self.query_one(PaneSummary).update(
                summary_text(self.kind, _(PANE_TITLES[self.kind]), self._entries, self._labels)
            )

    def _update_title(self) -> None:
        self._update_summary()
        room = self.outer_size.width - TITLE_FRAME
        title = pane_title(_(PANE_TITLES[self.kind]), self._count, self.sort_by_votes, room)
        if self.editing:
            subtitle = _("editing · Esc cancels")
        elif self.kind in (EntryKind.PARKING, EntryKind.NOTE):
            # each topic × group has its own parking lot and notes (F2 → p lists every
            # parked point of the session)
            subtitle = _("this topic × group")
        else:
            subtitle = ""
        shown = self._titles_shown
        if (title, subtitle) == shown:
            return  # setting a border title redraws the pane: only when it changed
        self._titles_shown = (title, subtitle)
        if shown is not None and subtitle == shown[1]:
            # a new count: only the top border line is drawn again, not the whole pane
            # (a topic switch changes every pane's count: 7 ms of redrawing borders)
            self._title_line_only = True
            try:
                self.border_title = title
            finally:
                self._title_line_only = False
            return
        self.border_title = title
        self.border_subtitle = subtitle

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        if self._title_line_only and not (regions or layout or recompose):
            # the border title's own refresh (see _update_title): its line, in content
            # coordinates (the border is above and left of the content)
            left, top = self.content_offset
            regions = (Region(-left, -top, self.outer_size.width, 1),)
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def language_changed(self) -> None:
        """Show the title and the input's placeholder in the new UI language."""
        if self.read_only:
            self.capture_input.placeholder = _(READ_ONLY_PLACEHOLDER)
        else:
            self.capture_input.placeholder = _("+ add {noun}").format(noun=self.noun)
        self._update_title()

    def make_read_only(self) -> None:
        """The session has ended: nothing more can be typed here."""
        self.read_only = True
        field = self.capture_input
        field.disabled = True
        field.placeholder = _(READ_ONLY_PLACEHOLDER)

    # -- input -------------------------------------------------------------------------
    def focus_input(self) -> None:
        self.screen.set_focus(self.capture_input)  # at once: the next queued key is typed here

    def begin_edit(self, entry: Entry) -> None:
        self.editing = entry.id
        field = self.capture_input
        field.value = entry.text
        field.cursor_position = len(entry.text)
        self.screen.set_focus(field)
        self._update_title()

    def end_edit(self) -> None:
        self.editing = None
        self.capture_input.value = ""
        self._update_title()

    def leave_input(self) -> None:
        if self.editing:
            self.end_edit()
        self.screen.set_focus(self.entry_list)  # at once: "Esc 2" then goes to pane 2

    def request(self, operation: str) -> None:
        self.post_message(self.Requested(self, operation, self.highlighted_id))

    def submit_input(self) -> None:
        """Take the typed text out of the input (at once) and ask for it to be saved.

        The input is cleared now, so keys typed while saving start the next entry; when
        saving fails the screen calls :meth:`give_back` and nothing typed is lost.
        """
        field = self.capture_input
        text, editing = field.value, self.editing
        if not text.strip() and not editing:
            return
        field.value = ""
        self.editing = None
        self._update_title()
        if editing:
            # an edit done goes back to the list at once, in key order: the keys typed
            # next act on the list whether or not the save has finished
            self.screen.set_focus(self.entry_list)
        self.saving += 1  # the screen calls saving_done once it is saved or given back
        # the emptied input and the saved entry are drawn in one frame
        self.post_message(self.Submitted(self, text, editing, hold_repaints(self.app)))

    def saving_done(self) -> None:
        """A submitted text is saved and drawn (or given back): held keys may go on."""
        self.saving = max(0, self.saving - 1)
        release = getattr(self.app, "keys_may_go", None)
        if callable(release):
            release()

    def give_back(self, text: str, editing: str | None) -> None:
        """Put text that could not be saved back in front of anything typed since."""
        field = self.capture_input
        field.value = text + field.value
        field.cursor_position = len(text)
        self.editing = editing
        self._update_title()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        # A click highlights; on an action it also opens its fields (Enter is the key binding).
        event.stop()
        if self.kind == EntryKind.ACTION:
            self.post_message(self.Requested(self, "open", event.option.id))
