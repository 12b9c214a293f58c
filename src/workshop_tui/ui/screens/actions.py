"""Action list: every action of a session in one table, with filters (each takes several
values), sorting, inline status changes (ctrl+z undoes them, and edits made here), quality
warnings and a jump to the challenge or solution an action comes from.

The sort and the filters are remembered per session across runs (the preferences file,
:data:`workshop_tui.core.action_list.PREF_KEY`): F3 opens the list as it was left.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable
from dataclasses import replace
from typing import Any, ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal

from workshop_tui.core.action_list import FILTERS, PREF_KEY, SORTS, ListView, next_status
from workshop_tui.core.action_source import ActionSource
from workshop_tui.core.capture import Capture, pane_labels
from workshop_tui.core.i18n import N_, _, pgettext
from workshop_tui.core.labels import status_label
from workshop_tui.core.model import ActionStatus, Entry
from workshop_tui.core.quality import FollowUp, QualityWarning
from workshop_tui.core.store import SessionStore, Store, StoreError
from workshop_tui.ui.action_view import (
    action_palette_commands,
    filter_choices,
    filter_title,
    follow_up_of,
    remembered_view,
    sort_title,
)
from workshop_tui.ui.commands import PaletteCommand
from workshop_tui.ui.dates import today_of
from workshop_tui.ui.navigation import open_entry, refresh_session_screens
from workshop_tui.ui.quiet_resize import QuietResizeScreen
from workshop_tui.ui.translate import Footer
from workshop_tui.ui.widgets.action_filters import FilterChip, FilterPicker
from workshop_tui.ui.widgets.action_form import ActionEditor, ActionEditResult
from workshop_tui.ui.widgets.action_table import (
    GAP,
    OWNER_WIDTH,
    ActionCells,
    action_columns,
    detail_text,
)
from workshop_tui.ui.widgets.table import RowTable
from workshop_tui.ui.widgets.table.info import InfoBox
from workshop_tui.ui.writer import store_writer


class ActionsScreen(QuietResizeScreen):
    """All actions of one session (see module docstring)."""

    #: focused as soon as it is composed (Textual's default, the first filter chip, was
    #: styled and then restyled when the table took the focus: a second layout pass)
    AUTO_FOCUS = "#actions-table"

    DEFAULT_CSS = """
    ActionsScreen #actions-title { height: 1; background: $panel; padding: 0 1; }
    ActionsScreen #action-filters { height: auto; }
    ActionsScreen #actions-table { height: 1fr; overflow-y: scroll; padding-left: 1; }
    ActionsScreen #action-detail { height: auto; max-height: 8; background: $panel; padding: 0 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "cycle_status", N_("Status"), id="actions.cycle_status"),
        Binding("o", "cycle_sort", N_("Sort"), id="actions.cycle_sort"),
        Binding("e", "edit", N_("Edit"), id="actions.edit"),
        Binding("ctrl+z", "undo", N_("Undo"), id="actions.undo"),
        Binding("enter", "jump", N_("Go to source"), id="actions.jump", show=False),
        Binding("f", "focus_filters", N_("Filters"), id="actions.filters"),
        Binding("c", "clear_filters", N_("Clear filters"), id="actions.clear_filters", show=False),
        Binding("escape,q", "close", N_("Back"), id="actions.close"),
    ]

    #: the keys that change actions: hidden from the footer (and off) when read-only
    EDITING_ACTIONS: ClassVar[frozenset[str]] = frozenset({"cycle_status", "edit", "undo"})

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A read-only (ended) session shows no editing keys in the footer."""
        if self.read_only and action in self.EDITING_ACTIONS:
            return False
        return True

    def __init__(
        self, store: SessionStore, *, read_only: bool = False, today: dt.date | None = None
    ) -> None:
        super().__init__()
        self.store = store
        self.capture = Capture(store)
        #: what each step on ``capture``'s undo stack changed: (entry id, previous status,
        #: or None for an edit); pushed and popped with the step, in the writer's thread
        self._undo_notes: list[tuple[str, ActionStatus | None]] = []
        self.read_only = read_only
        self._today = today
        self._follow_up: tuple[FollowUp | None] | None = None  # looked up once
        self.agenda = store.session.agenda
        self.sort = "due"
        self.shown: list[Entry] = []
        self._view = ListView()  # the app's remembered view once mounted
        #: the actions, their warnings and sort orders, read once per store generation
        self.source = ActionSource(store, lambda: self.today, lambda: self.follow_up)
        #: one pane's labels ("A1"), with the generation they were read at
        self._pane_labels: tuple[tuple[int, str, str], dict[str, str]] = ((-1, "", ""), {})
        #: what the table's cells show (the table draws the rows on screen through it)
        self.cells = ActionCells(self.agenda)
        #: the store generation and screen width the table was last drawn for
        self._drawn: tuple[int, int] = (-1, 0)
        self._left = False  # closed (kept for the next F3) since it was last shown

    @property
    def today(self) -> dt.date:
        return self._today or today_of(self.app)

    @property
    def follow_up(self) -> FollowUp | None:
        """The follow-up of this session once it has ended (overdue is judged by it)."""
        if self._follow_up is None:
            self._follow_up = (follow_up_of(self.app, self.store),)
        return self._follow_up[0]

    def compose(self) -> ComposeResult:
        yield InfoBox(id="actions-title")
        with Horizontal(id="action-filters"):
            for name in FILTERS:
                yield FilterChip(name, filter_title(name), id=f"filter-{name}")
        table: RowTable[Entry] = RowTable(self.cells, id="actions-table", cache_lines=True)
        table.gap = GAP
        yield table
        yield InfoBox(id="action-detail")
        yield Footer()

    def on_mount(self) -> None:
        self._view = remembered_view(self.app, self.store.id)
        self.sort = self._view.sort if self._view.sort in SORTS else "due"
        self._fill_filters(restore=self._view.filters)
        self.refresh_table()
        self.table.focus()

    def on_screen_suspend(self) -> None:
        self._left = self not in self.app.screen_stack  # closed, not under a dialog

    def on_screen_resume(self) -> None:
        """Shown again (kept between opens, ui.kept_screens; or a dialog closed): redraw only
        when the store changed (here or in another process) or the screen was resized.
        Opened again, ctrl+z undoes only what is changed from now on, as on a new list (an
        older step could put back an action changed on the session screen meanwhile)."""
        if self._left:
            self._left = False
            self.capture = Capture(self.store)
            self._undo_notes = []
        try:
            generation = self.store.sync()
        except StoreError:
            generation = -1  # refresh_table reports it
        if self._drawn != (generation, self.app.size.width):
            self._follow_up = None  # a follow-up session may have been started meanwhile
            try:
                self._fill_filters()
            except StoreError:
                pass  # refresh_table reports it
            self.refresh_table()

    @property
    def table(self) -> RowTable[Entry]:
        return self.query_one("#actions-table", RowTable)

    # -- data ------------------------------------------------------------------------------
    def _fill_filters(self, restore: dict[str, list[str]] | None = None) -> None:
        """Offer the session's values in the filters; keep (or ``restore``) the chosen ones
        that are still offered."""
        choices = filter_choices(self.agenda, self.source.actions())
        for name, options in choices.items():
            chip = self.query_one(f"#filter-{name}", FilterChip)
            values = chip.values or (restore or {}).get(name, [])
            chip.set_options(options, values)

    def filters(self) -> dict[str, list[str]]:
        """The active filters: name → the values it keeps."""
        found: dict[str, list[str]] = {}
        for name in FILTERS:
            values = self.query_one(f"#filter-{name}", FilterChip).values
            if values:
                found[name] = list(values)
        return found

    def _remember_view(self, chosen: dict[str, list[str]]) -> None:
        """Keep the sort and filters for F3 (this run) and in the preferences (next runs)."""
        view = ListView(self.sort, {name: list(values) for name, values in chosen.items()})
        if view == self._view:
            return
        self._view.sort, self._view.filters = view.sort, view.filters
        store = getattr(self.app, "store", None)
        if isinstance(store, Store):
            self._save_view(store, view.to_pref())

    @work(thread=True, exclusive=True, group="actions-view")
    def _save_view(self, store: Store, value: dict[str, Any]) -> None:
        store.prefs.set_for(PREF_KEY, self.store.id, value)  # best effort: never raises

    def warnings(self) -> dict[str, list[QualityWarning]]:
        """Every action's quality warnings (worked out once per store generation)."""
        return self.source.warnings()

    def refresh_table(self, keep: str | None = None) -> None:
        """Show the actions that pass the filters, in the chosen order (only the rows on
        screen are drawn)."""
        chosen = self.filters()
        try:
            actions = self.source.actions()
            warnings = self.source.warnings()
            self.shown = self.source.shown(self.sort, chosen)
        except StoreError as err:
            self.notify(str(err), title=_("Cannot read the session"), severity="error", timeout=12)
            return
        self._drawn = (self.store.generation, self.app.size.width)
        table = self.table
        if keep is None:
            keep = self._selected_id()
        self._remember_view(chosen)
        cells = self.cells
        if cells.use(warnings):
            table.clear_line_cache()  # the warnings column of every row may have changed
        owners = [len(e.action.owner) for e in self.shown if e.action]
        units = [len(e.action.unit or "—") for e in self.shown if e.action]
        table.set_columns(
            action_columns(
                self.app.size.width,
                table.styles.scrollbar_size_vertical,
                warnings_longest=max((len(cells.label(e)) for e in self.shown), default=0),
                owner_width=min(
                    max([len(pgettext("action list column", "Owner")), *owners]), OWNER_WIDTH
                ),
                unit_width=max(units, default=0),
                groups=self.agenda.group_names,
            )
        )
        ids = [e.id for e in self.shown]
        table.set_rows(self.shown, cursor=ids.index(keep) if keep in ids else 0)
        filt = " · ".join(
            f"{filter_title(name)}: "
            + ", ".join(self.query_one(f"#filter-{name}", FilterChip).labels())
            for name in chosen
        )
        # counts, sort, filters and READ-ONLY before the session title: a long title cut
        # them off at 80-100 columns
        title = Text.assemble(
            (_("Actions"), "bold"),
            _(" · {shown} of {total} · sorted by {sort}").format(
                shown=len(self.shown), total=len(actions), sort=sort_title(self.sort)
            ),
        )
        if filt:
            title.append(f" · {filt}", "italic")
        if self.read_only:
            title.append(" ")
            title.append(_("READ-ONLY"), "bold reverse")
        title.append(" · ")
        title.append(self.store.session.title, "bold")
        self.query_one("#actions-title", InfoBox).show(title)
        self._show_detail()

    def _selected_id(self) -> str | None:
        current = self.table.current
        return current.id if current is not None else None

    def _show_detail(self) -> None:
        """The selected action in full under the table (redrawn only when it changed, and the
        screen laid out again only when its height changed)."""
        self.query_one("#action-detail", InfoBox).show(self._detail_text())

    def _detail_text(self) -> Text:
        entry_id = self._selected_id()
        if entry_id is None:
            return Text(_("No actions match.") if self.filters() else _("No actions yet."))
        entry = self.store.get(entry_id)
        return detail_text(entry, self.agenda, self._label(entry), self.warnings().get(entry_id))

    # -- actions ---------------------------------------------------------------------------
    @on(RowTable.Highlighted, "#actions-table")
    def _highlighted(self, event: RowTable.Highlighted) -> None:
        self._show_detail()

    @on(FilterChip.Changed)
    def _filter_changed(self, event: FilterChip.Changed) -> None:
        self.refresh_table()

    @on(FilterChip.Pick)
    async def _pick(self, event: FilterChip.Pick) -> None:
        """Open the chip's tick list (one picker, mounted the first time)."""
        found = self.query(FilterPicker)
        if found:
            picker = found.first()
        else:
            picker = FilterPicker(id="filter-picker")
            # first: Textual numbers each widget's drawing order by the widgets laid out
            # after it, so one shown or hidden there would move every other widget's number
            # and repaint them all
            await self.mount(picker, before=0)
        picker.open(event.chip)

    def _open_picker(self) -> FilterPicker | None:
        for picker in self.query(FilterPicker):
            if picker.is_open:
                return picker
        return None

    def on_key(self, event: events.Key) -> None:
        """While a tick list is open every key is its (the chip keeps the focus): the list's
        keys and the app's do nothing behind it."""
        picker = self._open_picker()
        if picker is not None:
            event.stop()
            event.prevent_default()
            picker.key(event.key)

    @on(FilterPicker.Done)
    def _picked(self, event: FilterPicker.Done) -> None:
        """A tick list is done: closed, and its values applied, in one redraw."""
        picker, chip = event.picker, event.chip
        if self.app.focused is None:
            chip.focus()
        picker.close()
        if event.values != chip.values:
            chip.set_values(event.values)
            self.refresh_table()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """A click elsewhere while a tick list is open: the list is done (as Enter)."""
        picker = self._open_picker()
        if picker is not None and event.widget is not picker.chip:
            picker.done()

    @on(RowTable.Selected, "#actions-table")
    def _row_selected(self, event: RowTable.Selected) -> None:
        self.action_jump()

    def _editable_selection(self) -> Entry | None:
        """The selected action, or None (with a notice when the session is read-only)."""
        entry_id = self._selected_id()
        if entry_id is None:
            return None
        if self.read_only:
            self.notify(_("This session has ended: it is read-only."), severity="warning")
            return None
        return self.store.get(entry_id)

    def action_cycle_status(self) -> None:
        entry = self._editable_selection()
        if entry is None or entry.action is None:
            return
        entry_id = entry.id

        def cycle() -> ActionStatus:
            # the status at the time of saving: pressing the key again before the first save
            # has landed moves it on by one more
            current = self.store.get(entry_id)
            assert current.action is not None
            status = next_status(current.action.status)
            self.capture.set_action(entry_id, replace(current.action, status=status))
            self._noted(entry_id, current.action.status)
            return status

        def done(status: ActionStatus) -> None:
            self._changed(entry_id)
            self.notify(_("Status: {label}").format(label=status_label(status)), timeout=2)

        store_writer(self.app).submit(_("Status"), cycle, done, owner=self)

    def _changed(self, entry_id: str) -> None:
        self._fill_filters()
        self.refresh_table(keep=entry_id)

    def action_edit(self) -> None:
        entry = self._editable_selection()
        if entry is None:
            return

        def save(result: ActionEditResult) -> Awaitable[str | None]:
            # queued after every other change; the editor stays open with what was typed
            # when it is not saved
            def change() -> None:
                self.capture.set_action(entry.id, result.fields, text=result.text)
                self._noted(entry.id, None)

            return store_writer(self.app).reason_not_saved(_("Action"), change)

        def saved(result: ActionEditResult | None) -> None:
            if result is not None:
                self._changed(entry.id)

        # the same heading as from the session screen: "A1 · Legal framework · Group A"
        context = f"{self._label(entry)}{self.agenda.topic(entry.topic_id).title} · {entry.group}"
        editor = ActionEditor.for_entry(entry, self.agenda, context=context, save=save)
        self.app.push_screen(editor, saved)

    def _label(self, entry: Entry) -> str:
        """The action's number in its pane, as the session screen shows it: "A1 · "."""
        pane = (self.store.generation, entry.topic_id, entry.group)
        if self._pane_labels[0] != pane:
            here = self.store.entries(topic_id=entry.topic_id, group=entry.group)
            self._pane_labels = (pane, pane_labels(here))
        label = self._pane_labels[1].get(entry.id)
        return f"{label} · " if label else ""

    def _noted(self, entry_id: str, status: ActionStatus | None) -> None:
        """Say what the undo step just recorded changed (writer thread, right after it)."""
        self._undo_notes.append((entry_id, status))
        del self._undo_notes[: -self.capture.max_undo]

    def action_undo(self) -> None:
        """Undo the latest status change or edit made on this list (saved off the loop)."""
        if self.read_only:
            self.notify(_("This session has ended: it is read-only."), severity="warning")
            return

        def undo() -> tuple[str, ActionStatus | None] | None:
            # after every change queued before it, so the latest one is what it undoes
            if self.capture.undo() is None:
                return None
            return self._undo_notes.pop() if self._undo_notes else None

        def done(note: tuple[str, ActionStatus | None] | None) -> None:
            if note is None:
                self.notify(_("Nothing to undo here."), severity="warning", timeout=3)
                return
            entry_id, status = note
            label = self._label(self.store.get(entry_id)).removesuffix(" · ") or _("the action")
            self._changed(entry_id)
            if status:
                what = _("status of {label} back to {status}").format(
                    label=label, status=status_label(status)
                )
            else:
                what = _("edit of {label}").format(label=label)
            self.notify(_("Undone: {what}").format(what=what), timeout=3)

        store_writer(self.app).submit(_("Undo"), undo, done, owner=self)

    def action_cycle_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.refresh_table()

    def action_jump(self) -> None:
        """Open the session at the challenge/solution the action comes from (else the action)."""
        entry_id = self._selected_id()
        if entry_id is None:
            return
        entry = self.store.get(entry_id)
        target = entry.id
        for link in entry.links:
            try:
                source = self.store.get(link)
            except KeyError:
                continue
            if not source.deleted:
                target = source.id
                break
        open_entry(self.app, self.store.id, entry_id=target, read_only=self.read_only)

    def action_focus_filters(self) -> None:
        self.query_one("#filter-group", FilterChip).focus()

    def action_clear_filters(self) -> None:
        for name in FILTERS:
            self.query_one(f"#filter-{name}", FilterChip).set_values([])
        self.refresh_table()

    def action_close(self) -> None:
        """Back to the table from the filters (Esc closing a filter's list stays there), else
        leave the list."""
        focused = self.app.focused
        filters = self.query_one("#action-filters")
        if focused is not None and (focused is filters or filters in focused.ancestors):
            self.table.focus()
            return
        refresh_session_screens(self.app)  # show what changed here on the session screen
        self.dismiss()

    def palette_commands(self) -> list[PaletteCommand]:
        return action_palette_commands(self)
