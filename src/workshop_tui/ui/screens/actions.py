"""Action list: every action of a session in one table, with filters, sorting, inline status
changes (ctrl+z undoes them, and edits made here), quality warnings and a jump to the
challenge or solution an action comes from.

The sort and the filters are remembered per session while the app runs: F3 opens the list
as it was left.
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Awaitable
from dataclasses import dataclass, field, replace
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Select, Static

from workshop_tui.core.capture import Capture, pane_labels
from workshop_tui.core.model import ActionLevel, ActionStatus, Entry, EntryKind
from workshop_tui.core.quality import check_session, warning_labels
from workshop_tui.core.store import SessionStore, StoreError
from workshop_tui.ui.commands import PaletteCommand
from workshop_tui.ui.screens.navigation import open_entry, refresh_session_screens
from workshop_tui.ui.screens.plenary import today_of
from workshop_tui.ui.widgets.action_form import ActionEditor, ActionEditResult
from workshop_tui.ui.writer import store_writer

#: the order the status key cycles through
STATUS_CYCLE = (
    ActionStatus.OPEN,
    ActionStatus.IN_PROGRESS,
    ActionStatus.DONE,
    ActionStatus.DROPPED,
)
SORTS = ("due", "priority", "owner")
FILTERS = ("group", "topic", "owner", "unit", "level", "status")
NONE = "\x00none"  # the "(none)" choice for owner / unit
OWNER_WIDTH = 14  # longer owner names are cut ("…"); the detail line has them in full


@dataclass
class ListView:
    """How the action list of one session was last shown: its sort and filters."""

    sort: str = "due"
    filters: dict[str, str] = field(default_factory=dict)


#: per app (a test runs many) and per session id; gone with the app
_VIEWS: weakref.WeakKeyDictionary[App[Any], dict[str, ListView]] = weakref.WeakKeyDictionary()


def remembered_view(app: App[Any], session_id: str) -> ListView:
    """The list view of ``session_id`` kept for this run of ``app`` (made on first use)."""
    return _VIEWS.setdefault(app, {}).setdefault(session_id, ListView())


def next_status(status: ActionStatus) -> ActionStatus:
    if status not in STATUS_CYCLE:
        return ActionStatus.OPEN
    return STATUS_CYCLE[(STATUS_CYCLE.index(status) + 1) % len(STATUS_CYCLE)]


def sort_key(how: str, topic_rank: dict[str, int]) -> Any:
    """Sort key for the action list; ties fall back to agenda order."""

    def base(e: Entry) -> tuple[int, str, float]:
        return (topic_rank.get(e.topic_id, 99), e.group, e.position)

    def key(e: Entry) -> tuple[Any, ...]:
        fields = e.action
        assert fields is not None
        if how == "priority":
            return (fields.priority.rank, fields.due or "9999", *base(e))
        if how == "owner":
            return (fields.owner == "", fields.owner.casefold(), fields.due or "9999", *base(e))
        return (fields.due == "", fields.due, fields.priority.rank, *base(e))

    return key


class ActionsScreen(Screen[None]):
    """All actions of one session (see module docstring)."""

    DEFAULT_CSS = """
    ActionsScreen #actions-title { height: 1; background: $panel; padding: 0 1; }
    ActionsScreen #action-filters { height: auto; }
    ActionsScreen #action-filters Select { width: 1fr; }
    ActionsScreen #actions-table { height: 1fr; overflow-y: scroll; }
    ActionsScreen #action-detail { height: auto; max-height: 8; background: $panel; padding: 0 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "cycle_status", "Status", id="actions.cycle_status"),
        Binding("o", "cycle_sort", "Sort", id="actions.cycle_sort"),
        Binding("e", "edit", "Edit", id="actions.edit"),
        Binding("ctrl+z", "undo", "Undo", id="actions.undo"),
        Binding("enter", "jump", "Go to source", id="actions.jump", show=False),
        Binding("f", "focus_filters", "Filters", id="actions.filters"),
        Binding("c", "clear_filters", "Clear filters", id="actions.clear_filters", show=False),
        Binding("escape,q", "close", "Back", id="actions.close"),
    ]

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
        self.agenda = store.session.agenda
        self.sort = "due"
        self.shown: list[Entry] = []
        self._view = ListView()  # the app's remembered view once mounted

    @property
    def today(self) -> dt.date:
        return self._today or today_of(self.app)

    def compose(self) -> ComposeResult:
        yield Static(id="actions-title")
        with Horizontal(id="action-filters"):
            for name in FILTERS:
                yield Select[str]([], prompt=f"{name}: all", id=f"filter-{name}", compact=True)
        yield DataTable(id="actions-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="action-detail")
        yield Footer()

    def on_mount(self) -> None:
        self._view = remembered_view(self.app, self.store.id)
        self.sort = self._view.sort if self._view.sort in SORTS else "due"
        self._fill_filters(restore=self._view.filters)
        self.refresh_table()
        self.query_one("#actions-table", DataTable).focus()

    # -- data ------------------------------------------------------------------------------
    def _actions(self) -> list[Entry]:
        return self.store.entries(kind=EntryKind.ACTION)

    def _fill_filters(self, restore: dict[str, str] | None = None) -> None:
        """Offer the session's values in the filters; keep (or ``restore``) the chosen ones
        that are still offered."""
        actions = self._actions()
        owners = sorted({e.action.owner for e in actions if e.action}, key=str.casefold)
        units = sorted({e.action.unit for e in actions if e.action}, key=str.casefold)
        choices: dict[str, list[tuple[str, str]]] = {
            "group": [(g, g) for g in self.agenda.group_names],
            "topic": [(f"{i}. {t.title}", t.id) for i, t in enumerate(self.agenda.topics, 1)],
            "owner": [(o or "(no owner)", o or NONE) for o in owners],
            "unit": [(u or "(no unit)", u or NONE) for u in units],
            "level": [(lv.value, lv.value) for lv in ActionLevel],
            "status": [(s.label, s.value) for s in ActionStatus],
        }
        for name, options in choices.items():
            select = self.query_one(f"#filter-{name}", Select)
            value = select.value
            if restore and value == Select.NULL:
                value = restore.get(name, Select.NULL)
            with self.prevent(Select.Changed):
                select.set_options(options)
                if value != Select.NULL and value in {v for _, v in options}:
                    select.value = value

    def filters(self) -> dict[str, str]:
        """The active filters: name → chosen value."""
        found: dict[str, str] = {}
        for name in FILTERS:
            value = self.query_one(f"#filter-{name}", Select).value
            if value != Select.NULL and isinstance(value, str):
                found[name] = value
        return found

    def _matches(self, entry: Entry, chosen: dict[str, str]) -> bool:
        fields = entry.action
        assert fields is not None
        values = {
            "group": entry.group,
            "topic": entry.topic_id,
            "owner": fields.owner or NONE,
            "unit": fields.unit or NONE,
            "level": fields.level.value,
            "status": fields.status.value,
        }
        return all(values[name] == value for name, value in chosen.items())

    def refresh_table(self, keep: str | None = None) -> None:
        try:
            actions = self._actions()
            warnings = check_session(self.store, self.today)
        except StoreError as err:
            self.notify(str(err), title="Cannot read the session", severity="error", timeout=12)
            return
        table = self.query_one("#actions-table", DataTable)
        if keep is None and table.row_count and table.cursor_row >= 0:
            keep = self._selected_id()
        chosen = self.filters()
        self._view.sort, self._view.filters = self.sort, dict(chosen)  # F3 comes back to it
        topic_rank = {t.id: i for i, t in enumerate(self.agenda.topics)}
        self.shown = sorted(
            (e for e in actions if self._matches(e, chosen)), key=sort_key(self.sort, topic_rank)
        )
        number = {t.id: i for i, t in enumerate(self.agenda.topics, 1)}
        table.clear(columns=True)
        labels = {e.id: warning_labels(warnings.get(e.id, [])) for e in self.shown}
        # Status, due, owner, action and warnings fit the screen (80 columns too); the
        # action and the warnings share what is left, cut with "…" (the warnings after their
        # count); the detail line below the table has both in full. Priority, unit, topic
        # and group follow, off a narrow screen (the detail line names them too).
        owners = [len(e.action.owner) for e in self.shown if e.action]
        owner_width = min(max([len("Owner"), *owners]), OWNER_WIDTH)
        # each column pads 1 on both sides; the vertical scrollbar is always there (CSS)
        gutter = table.styles.scrollbar_size_vertical
        room = self.app.size.width - (11 + 2) - (10 + 2) - (owner_width + 2) - gutter - 4
        longest = max((len(label) for label in labels.values()), default=0)
        warnings_width = min(max(longest, len("Warnings")), max(18, room * 2 // 5))
        table.add_column("Status", width=11)
        table.add_column("Due", width=10)
        table.add_column("Owner", width=owner_width)
        table.add_column("Action", width=max(20, room - warnings_width))
        table.add_column("Warnings", width=warnings_width)
        table.add_columns("Prio", "Unit", "T", "Group")
        for entry in self.shown:
            fields = entry.action
            assert fields is not None
            found = warnings.get(entry.id, [])
            table.add_row(
                _status_text(fields.status),
                fields.due or (fields.timeframe.value if fields.timeframe else "—"),
                Text(fields.owner or "—", no_wrap=True, overflow="ellipsis"),
                Text(" ".join(entry.text.split()), no_wrap=True, overflow="ellipsis"),
                Text(
                    labels[entry.id], "red" if found else "green", no_wrap=True, overflow="ellipsis"
                ),
                fields.priority.value,
                fields.unit or "—",
                str(number.get(entry.topic_id, "?")),
                entry.group,
                key=entry.id,
            )
        ids = [e.id for e in self.shown]
        if keep in ids:
            table.move_cursor(row=ids.index(keep))
        filt = " · ".join(f"{k}={'(none)' if v == NONE else v}" for k, v in chosen.items())
        # counts, sort, filters and READ-ONLY before the session title: a long title cut
        # them off at 80-100 columns
        title = Text.assemble(
            ("Actions", "bold"), f" · {len(self.shown)} of {len(actions)} · sorted by {self.sort}"
        )
        if filt:
            title.append(f" · {filt}", "italic")
        if self.read_only:
            title.append(" ")
            title.append("READ-ONLY", "bold reverse")
        title.append(" · ")
        title.append(self.store.session.title, "bold")
        self.query_one("#actions-title", Static).update(title)
        self._show_detail()

    def _selected_id(self) -> str | None:
        table = self.query_one("#actions-table", DataTable)
        if not table.row_count:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return str(row_key.value) if row_key.value else None

    def _show_detail(self) -> None:
        detail = self.query_one("#action-detail", Static)
        entry_id = self._selected_id()
        if entry_id is None:
            detail.update("No actions match." if self.filters() else "No actions yet.")
            return
        entry = self.store.get(entry_id)
        fields = entry.action
        assert fields is not None
        text = Text(" ".join(entry.text.split()), "bold")
        # where it comes from and who: the table's right-hand columns are off an 80-column
        # screen, so the detail says it
        topics = self.agenda.topics
        number = next((i for i, t in enumerate(topics, 1) if t.id == entry.topic_id), 0)
        topic = topics[number - 1].title if number else entry.topic_id
        text.append(
            f"\n{self._label(entry)}{number or '?'}. {topic} · {entry.group} · "
            f"unit {fields.unit or '—'} · "
            f"{fields.level.value} · indicator: {fields.indicator or '—'}"
        )
        for warning in check_session(self.store, self.today).get(entry_id, []):
            text.append(f"\n⚠ {warning.message}", "red")
        detail.update(text)

    # -- actions ---------------------------------------------------------------------------
    @on(DataTable.RowHighlighted, "#actions-table")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    @on(Select.Changed)
    def _filter_changed(self, event: Select.Changed) -> None:
        self.refresh_table()

    @on(DataTable.RowSelected, "#actions-table")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_jump()

    def _editable_selection(self) -> Entry | None:
        """The selected action, or None (with a notice when the session is read-only)."""
        entry_id = self._selected_id()
        if entry_id is None:
            return None
        if self.read_only:
            self.notify("This session has ended: it is read-only.", severity="warning")
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
            self.notify(f"Status: {status.label}", timeout=2)

        store_writer(self.app).submit("Status", cycle, done, owner=self)

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

            return store_writer(self.app).reason_not_saved("Action", change)

        def saved(result: ActionEditResult | None) -> None:
            if result is not None:
                self._changed(entry.id)

        # the same heading as from the session screen: "A1 · Legal framework · Group A"
        context = f"{self._label(entry)}{self.agenda.topic(entry.topic_id).title} · {entry.group}"
        editor = ActionEditor.for_entry(entry, self.agenda, context=context, save=save)
        self.app.push_screen(editor, saved)

    def _label(self, entry: Entry) -> str:
        """The action's number in its pane, as the session screen shows it: "A1 · "."""
        here = self.store.entries(topic_id=entry.topic_id, group=entry.group)
        label = pane_labels(here).get(entry.id)
        return f"{label} · " if label else ""

    def _noted(self, entry_id: str, status: ActionStatus | None) -> None:
        """Say what the undo step just recorded changed (writer thread, right after it)."""
        self._undo_notes.append((entry_id, status))
        del self._undo_notes[: -self.capture.max_undo]

    def action_undo(self) -> None:
        """Undo the latest status change or edit made on this list (saved off the loop)."""
        if self.read_only:
            self.notify("This session has ended: it is read-only.", severity="warning")
            return

        def undo() -> tuple[str, ActionStatus | None] | None:
            # after every change queued before it, so the latest one is what it undoes
            if self.capture.undo() is None:
                return None
            return self._undo_notes.pop() if self._undo_notes else None

        def done(note: tuple[str, ActionStatus | None] | None) -> None:
            if note is None:
                self.notify("Nothing to undo here.", severity="warning", timeout=3)
                return
            entry_id, status = note
            label = self._label(self.store.get(entry_id)).removesuffix(" · ") or "the action"
            self._changed(entry_id)
            what = f"status of {label} back to {status.label}" if status else f"edit of {label}"
            self.notify(f"Undone: {what}", timeout=3)

        store_writer(self.app).submit("Undo", undo, done, owner=self)

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
        self.query_one("#filter-group", Select).focus()

    def action_clear_filters(self) -> None:
        with self.prevent(Select.Changed):
            for name in FILTERS:
                self.query_one(f"#filter-{name}", Select).clear()
        self.refresh_table()

    def action_close(self) -> None:
        """Back to the table from the filters (Esc closing a dropdown stays there), else
        leave the list."""
        focused = self.app.focused
        filters = self.query_one("#action-filters")
        if focused is not None and (focused is filters or filters in focused.ancestors):
            self.query_one("#actions-table", DataTable).focus()
            return
        refresh_session_screens(self.app)  # show what changed here on the session screen
        self.dismiss()

    def palette_commands(self) -> list[PaletteCommand]:
        return [
            PaletteCommand(f"Sort actions by {how}", "key o cycles", _sorter(self, how))
            for how in SORTS
        ] + [
            PaletteCommand("Clear action filters", "key c", self.action_clear_filters),
            PaletteCommand(
                "Undo the last change on the action list", "key ctrl+z", self.action_undo
            ),
        ]


def _status_text(status: ActionStatus) -> Text:
    style = {
        ActionStatus.OPEN: "",
        ActionStatus.IN_PROGRESS: "yellow",
        ActionStatus.DONE: "green",
        ActionStatus.DROPPED: "dim",
        ActionStatus.CARRIED_OVER: "cyan",
    }[status]
    return Text(status.label, style)


def _sorter(screen: ActionsScreen, how: str) -> Any:
    def run() -> None:
        screen.sort = how
        screen.refresh_table()

    return run
