"""Sessions browser (F4): the history of sessions as a table — title, dates, counts, agenda,
facilitator, location, groups — sorted by any column and filtered by words, dates, agenda and
open / ended (the filter language: :mod:`workshop_tui.core.history`). Enter opens a session
(an ended one read-only), ``e`` reopens an ended one after confirming, ``m`` marks two
sessions and ``c`` compares them, ``a`` opens the action register across sessions.

Filtering runs in a worker thread and only the visible rows are drawn, so a keystroke stays
quick with a thousand sessions. The sort, filters and highlighted session are kept in the
preferences (``history.browser``): back from a session, or in the next run, F4 is where it was.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Input, Select

from workshop_tui.core.history import (
    DEFAULT_SORT,
    SORT_KEYS,
    FilterError,
    HistoryFilter,
    HistoryIndex,
    filter_and_sort,
)
from workshop_tui.core.i18n import N_, _, ngettext
from workshop_tui.core.store import StoreError
from workshop_tui.core.summary import SessionSummary
from workshop_tui.ui.navigation import open_entry
from workshop_tui.ui.translate import Footer
from workshop_tui.ui.widgets.confirm import ConfirmScreen
from workshop_tui.ui.widgets.table import FILTER_WORK, RowTable
from workshop_tui.ui.widgets.table.history import (
    COLUMNS,
    date_span,
    history_cell,
    history_columns,
)
from workshop_tui.ui.widgets.table.info import InfoBox
from workshop_tui.ui.widgets.table.place import KeptPlace

PREFS_KEY = "history.browser"
#: sort keys whose natural order is A→Z / smallest first (the others: newest / largest first)
ASCENDING_FIRST = {"title", "agenda", "facilitator", "location", "state"}
STATES = (("", N_("open and ended")), ("open", N_("open")), ("ended", N_("ended")))


class SessionsScreen(KeptPlace, Screen[None]):
    """Browse all sessions (see module docstring)."""

    PLACE_KEY = PREFS_KEY

    DEFAULT_CSS = """
    SessionsScreen #sessions-title { height: 1; background: $panel; padding: 0 1; }
    SessionsScreen #sessions-filters { height: auto; }
    SessionsScreen #sessions-agenda { width: 30; }
    SessionsScreen #sessions-state { width: 18; }
    SessionsScreen #sessions-text { width: 1fr; }
    SessionsScreen #sessions-table { height: 1fr; }
    SessionsScreen #session-detail { height: auto; max-height: 7; background: $panel; padding: 0 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "reopen", N_("Reopen"), id="sessions.reopen"),
        # the filter box is on screen with its hint; "/" is in help (at 80 columns the
        # footer keeps Back and Help instead)
        Binding(
            "slash", "focus_text", N_("Filter"), key_display="/", id="sessions.filter", show=False
        ),
        Binding("s", "sort_next", N_("Sort"), id="sessions.sort"),
        # not in the footer either: help lists it; a click on the sorted header reverses too
        Binding("S", "sort_reverse", N_("Reverse"), id="sessions.sort_reverse", show=False),
        Binding("m", "mark", N_("Mark"), id="sessions.mark"),
        Binding("c", "compare", N_("Compare"), id="sessions.compare"),
        Binding("a", "register", N_("Actions"), id="sessions.register"),
        Binding("r", "reload", N_("Refresh"), id="sessions.reload", show=False),
        Binding("escape", "close", N_("Back"), id="sessions.close"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.sessions: list[SessionSummary] = []
        self.shown: list[SessionSummary] = []
        self.index = HistoryIndex()
        self.marked: list[str] = []  # at most two session ids, for compare
        place = self.read_place()
        self.sort: str = str(place["sort"]) if place.get("sort") in SORT_KEYS else DEFAULT_SORT
        self.descending: bool = bool(place.get("descending", True))
        self._start = place  # the filters to start from
        self._want_cursor: str = str(place.get("cursor") or "")
        self._filter_error = ""

    # -- the place kept across visits and runs (KeptPlace) ---------------------------------
    def place(self) -> dict[str, Any]:
        """Sort, filters and highlighted session, as saved in the preferences."""
        current = self._selected()
        agenda = self.query_one("#sessions-agenda", Select).value
        state = self.query_one("#sessions-state", Select).value
        return {
            "sort": self.sort,
            "descending": self.descending,
            "text": self.query_one("#sessions-text", Input).value,
            "agenda": agenda if isinstance(agenda, str) else "",
            "state": state if isinstance(state, str) else "",
            "cursor": current.id if current else self._want_cursor,
        }

    def compose(self) -> ComposeResult:
        yield InfoBox(Text(_("Sessions"), "bold"), id="sessions-title")
        with Horizontal(id="sessions-filters"):
            yield Select[str]([], prompt=_("agenda: all"), id="sessions-agenda", compact=True)
            yield Select[str](
                [(_(label), value) for value, label in STATES],
                value=str(self._start.get("state") or ""),
                allow_blank=False,
                id="sessions-state",
                compact=True,
            )
            yield Input(
                value=str(self._start.get("text") or ""),
                placeholder=_("filter: words, 2025-06, 2025-06-01..2025-09-30, since 2024"),
                id="sessions-text",
                compact=True,
            )
        yield RowTable[SessionSummary](self._cell, id="sessions-table")
        yield InfoBox(id="session-detail")
        yield Footer(compact=True)  # compact: at 80 columns the keys, Back and Help fit

    def _cell(self, summary: SessionSummary, key: str) -> Any:
        return history_cell(summary, key, frozenset(self.marked))

    @property
    def table(self) -> RowTable[SessionSummary]:
        return self.query_one("#sessions-table", RowTable)

    def on_mount(self) -> None:
        self.table.focus()
        self.action_reload()

    def on_screen_resume(self) -> None:
        if self.sessions:  # not on the first show: on_mount loads
            self.action_reload()

    # -- loading -----------------------------------------------------------------------------
    def action_reload(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, group="sessions-load")
    def _load(self) -> None:
        try:
            listing = self.app.store.list_sessions()  # type: ignore[attr-defined]
        except StoreError as err:
            self.app.call_from_thread(self.notify, str(err), severity="error", timeout=12)
            return
        index = HistoryIndex.build(listing.sessions)
        self.app.call_from_thread(self._loaded, index, listing.problems)

    def _loaded(self, index: HistoryIndex, problems: list[str]) -> None:
        first = not self.sessions
        self.index = index
        self.sessions = index.sessions
        agendas = sorted({(s.agenda_title or s.agenda_name, s.agenda_name) for s in self.sessions})
        select = self.query_one("#sessions-agenda", Select)
        value = select.value if not first else self._start.get("agenda")
        with self.prevent(Select.Changed):
            select.set_options([(f"{title} ({name})", name) for title, name in agendas])
            if isinstance(value, str) and value in {n for _t, n in agendas}:
                select.value = value
        self._set_columns()
        self._refilter()
        for problem in problems:
            self.notify(
                problem, title=_("A session file could not be read"), severity="error", timeout=12
            )

    def _set_columns(self) -> None:
        self.table.set_columns(history_columns(self.sessions, self.sort, self.descending))

    def current_filter(self) -> HistoryFilter:
        agenda = self.query_one("#sessions-agenda", Select).value
        state = self.query_one("#sessions-state", Select).value
        return HistoryFilter(
            text=self.query_one("#sessions-text", Input).value,
            agenda=agenda if isinstance(agenda, str) else "",
            state=state if isinstance(state, str) else "",
        )

    def _refilter(self) -> None:
        current = self._selected()
        if current is not None:
            self._want_cursor = current.id
        self._filter(self.index, self.current_filter(), self.sort, self.descending)

    @work(thread=True, exclusive=True, group="sessions-filter", description=FILTER_WORK)
    def _filter(self, index: HistoryIndex, flt: HistoryFilter, sort: str, desc: bool) -> None:
        try:
            rows = filter_and_sort(index, flt, sort, desc)
            error = ""
        except FilterError as err:
            rows, error = [], str(err)
        self.app.call_from_thread(self._show_rows, flt, rows, error)

    def _show_rows(self, flt: HistoryFilter, rows: list[SessionSummary], error: str) -> None:
        if flt != self.current_filter():
            return  # the filter changed since: a newer result is on its way
        self._filter_error = error
        if error:
            self.notify(error, severity="warning", timeout=4)
            return  # keep the last rows while a date is being typed
        self.shown = rows
        ids = [s.id for s in rows]
        cursor = ids.index(self._want_cursor) if self._want_cursor in ids else 0
        self.table.set_rows(rows, cursor=cursor)
        self._show_title()
        self._show_detail()
        self.remember_place()

    def _show_title(self) -> None:
        arrow = "↓" if self.descending else "↑"
        text = Text.assemble(
            (_("Sessions"), "bold"),
            " · ",
            _("{shown} of {total}").format(shown=len(self.shown), total=len(self.sessions)),
            " · ",
            _("sort: {column} {arrow}").format(column=sort_label(self.sort), arrow=arrow),
            " · ",
            _("● in progress · ✓ ended"),
        )
        if self.marked:
            text.append(" · ")
            text.append(
                ngettext("◆ {n} marked", "◆ {n} marked", len(self.marked)).format(
                    n=len(self.marked)
                ),
                "bold",
            )
        self.query_one("#sessions-title", InfoBox).show(text)

    def _selected(self) -> SessionSummary | None:
        if not self.is_mounted:
            return None
        return self.table.current

    def _by_id(self, session_id: str) -> SessionSummary | None:
        return next((s for s in self.sessions if s.id == session_id), None)

    def _show_detail(self) -> None:
        detail = self.query_one("#session-detail", InfoBox)
        summary = self._selected()
        if summary is None:
            detail.show(_("No sessions match.") if self.sessions else _("No sessions yet."))
            return
        # the snapshot stored with the session, not the agenda file as it is today
        text = Text.assemble(
            (summary.title, "bold"),
            "  ",
            date_span(summary),
            "  ",
            (_("ended") if summary.ended else _("in progress"), "dim"),
        )
        text.append(
            "\n"
            + _("Agenda: {title} ({name})").format(
                title=summary.agenda_title, name=summary.agenda_name
            )
        )
        who = [
            _("facilitator {name}").format(name=summary.facilitator) if summary.facilitator else "",
            summary.location,
            _("Groups: {names}").format(names=", ".join(summary.groups)) if summary.groups else "",
        ]
        if any(who):
            text.append("\n" + " · ".join(w for w in who if w))
        if summary.topics:
            text.append(
                "\n"
                + _("Topics: {titles}").format(
                    titles="; ".join(f"{n}. {t}" for n, t in enumerate(summary.topics, 1))
                )
            )
        links = []
        if summary.follow_up_of:
            earlier = self._by_id(summary.follow_up_of)
            links.append(
                _("follows up {title}").format(
                    title=earlier.title if earlier else summary.follow_up_of[:8]
                )
            )
        later = [s.title for s in self.sessions if s.follow_up_of == summary.id]
        if later:
            links.append(_("followed up by {titles}").format(titles=", ".join(later)))
        if links:
            text.append("\n" + " · ".join(links), "italic")
        detail.show(text)

    # -- events ------------------------------------------------------------------------------
    @on(Select.Changed, "#sessions-agenda")
    @on(Select.Changed, "#sessions-state")
    @on(Input.Changed, "#sessions-text")
    def _filter_changed(self) -> None:
        self._refilter()

    @on(Input.Submitted, "#sessions-text")
    def _text_submitted(self) -> None:
        self.table.focus()

    @on(RowTable.Highlighted, "#sessions-table")
    def _highlighted(self) -> None:
        current = self._selected()
        if current is not None:
            self._want_cursor = current.id
        self._show_detail()
        self.remember_place()

    @on(RowTable.Selected, "#sessions-table")
    def _row_selected(self) -> None:
        self.action_open()

    @on(RowTable.HeaderClicked, "#sessions-table")
    def _header_clicked(self, event: RowTable.HeaderClicked) -> None:
        if event.key == self.sort:
            self.descending = not self.descending
        else:
            self.sort = event.key
            self.descending = event.key not in ASCENDING_FIRST
        self._resort()

    def _resort(self) -> None:
        self._set_columns()
        self._refilter()

    def action_sort_next(self) -> None:
        """Sort by the next column (the title line says which)."""
        keys = list(SORT_KEYS)
        self.sort = (
            keys[(keys.index(self.sort) + 1) % len(keys)] if self.sort in keys else DEFAULT_SORT
        )
        self.descending = self.sort not in ASCENDING_FIRST
        self._resort()

    def action_sort_reverse(self) -> None:
        self.descending = not self.descending
        self._resort()

    def action_mark(self) -> None:
        """Mark (or unmark) the highlighted session for a comparison; two at most."""
        summary = self._selected()
        if summary is None:
            return
        if summary.id in self.marked:
            self.marked.remove(summary.id)
        else:
            self.marked = [*self.marked, summary.id][-2:]
        self.table.refresh()
        self._show_title()

    def action_compare(self) -> None:
        """Compare the two marked sessions (or the marked one with the highlighted one)."""
        ids = list(self.marked)
        current = self._selected()
        if len(ids) == 1 and current is not None and current.id not in ids:
            ids.append(current.id)
        if len(ids) != 2:
            self.notify(
                _("Mark two sessions with m (or one, then highlight the other), then press c."),
                severity="warning",
                timeout=6,
            )
            return
        self.save_place()
        self.app.open_compare(ids[0], ids[1])  # type: ignore[attr-defined]

    def action_register(self) -> None:
        """Open the action register (actions of every session)."""
        self.save_place()
        self.app.action_register()  # type: ignore[attr-defined]

    def action_open(self) -> None:
        summary = self._selected()
        if summary is not None:
            self.save_place()
            open_entry(self.app, summary.id, read_only=bool(summary.ended))

    def action_reopen(self) -> None:
        summary = self._selected()
        if summary is None:
            return
        if not summary.ended:
            open_entry(self.app, summary.id, read_only=False)
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.app.store.open_session(summary.id).update_session(ended="")  # type: ignore[attr-defined]
            except StoreError as err:
                self.notify(
                    _("Not reopened: {error}").format(error=err), severity="error", timeout=12
                )
                return
            self.notify(_("Reopened {title} for editing.").format(title=summary.title), timeout=4)
            open_entry(self.app, summary.id, read_only=False)

        self.app.push_screen(
            ConfirmScreen(
                _("“{title}” ended on {day}. Reopen it for editing?").format(
                    title=summary.title, day=summary.ended[:10]
                ),
                yes=_("Reopen"),
            ),
            answered,
        )

    def action_focus_text(self) -> None:
        self.query_one("#sessions-text", Input).focus()

    def action_close(self) -> None:
        focused = self.focused
        if isinstance(focused, Input | Select):
            self.table.focus()
            return
        self.dismiss()


def sort_label(key: str) -> str:
    """The name of a sort key as the title line shows it."""
    labels = {k: label for k, label, _j in COLUMNS}
    labels.update(started=N_("Started"), ended=N_("Ended"), state=N_("Open / ended"))
    return _(labels.get(key, key))
