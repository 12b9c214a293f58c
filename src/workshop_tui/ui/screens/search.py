"""Full-text search across all sessions (F5 / ctrl+f): type words, and ``key:value`` filters
to narrow (:mod:`workshop_tui.core.search_query`: kind, status, owner, group, topic, agenda,
session, date / since / until); the hits come newest session first.

The search runs in a worker thread (the first search reads every session file) and the box
is debounced, so typing stays fluid. The first 200 hits are shown and counted all ("23,807
matches — narrow or load more"); ``ctrl+n`` loads 200 more. Enter in the box opens the
highlighted hit (the first one, unless ↑ ↓ picked another) in its session, read-only when the
session has ended. The query and the selected hit are kept in the preferences
(``search.last``): back from a hit, in a new F5 or the next run, the search is where it was.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input

from workshop_tui.core.history import FilterError
from workshop_tui.core.i18n import N_, _, ngettext
from workshop_tui.core.search import SearchHit, index_for
from workshop_tui.core.search_query import SearchQuery, parse_search
from workshop_tui.core.store import StoreError
from workshop_tui.ui.navigation import open_entry
from workshop_tui.ui.translate import Footer
from workshop_tui.ui.widgets.table import Column, RowTable
from workshop_tui.ui.widgets.table.info import InfoBox
from workshop_tui.ui.widgets.table.place import KeptPlace

PAGE = 200
DEBOUNCE_S = 0.25
PREFS_KEY = "search.last"
#: (key, label, width, flex, drop): a narrow screen leaves out the columns with a drop, the
#: highest first (the line under the table has all of the hit)
COLUMNS = (
    ("kind", N_("Kind"), 9, False, 0),
    ("text", N_("Text"), 0, True, 0),
    ("topic", N_("Topic"), 30, False, 1),
    ("group", N_("Group"), 10, False, 3),
    ("date", N_("Date"), 10, False, 2),
    ("session", N_("Session"), 24, False, 4),
)


def hit_key(hit: SearchHit) -> str:
    return f"{hit.session_id}/{hit.entry_id}"


class SearchScreen(KeptPlace, Screen[None]):
    """Search every session (see module docstring)."""

    PLACE_KEY = PREFS_KEY

    DEFAULT_CSS = """
    SearchScreen #search-input { margin: 0 0; }
    SearchScreen #search-status { height: 1; padding: 0 1; color: $text-muted; }
    SearchScreen #search-results { height: 1fr; }
    SearchScreen #search-detail { height: auto; max-height: 4; background: $panel; padding: 0 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+l,slash", "focus_input", N_("Search box"), id="search.focus_input"),
        Binding("ctrl+n", "more", N_("More"), id="search.more"),
        Binding("up", "pick(-1)", show=False, id="search.up"),
        Binding("down", "pick(1)", show=False, id="search.down"),
        Binding("escape", "close", N_("Back"), id="search.close"),
    ]

    def __init__(self, query: str = "") -> None:
        super().__init__()
        place = self.read_place() if not query else {}
        self.initial_query = query or str(place.get("query") or "")
        self._want = str(place.get("hit") or "")
        self.hits: list[SearchHit] = []
        self.total: int | None = None  # all matches, once counted
        self.limit = PAGE
        self._debounce: Timer | None = None
        self._shown_for: str | None = None  # the text the hits shown belong to
        self._open_first = False  # Enter was pressed before the hits came

    def compose(self) -> ComposeResult:
        yield Input(
            value=self.initial_query,
            placeholder=_(
                "search all sessions: words (all must match), kind:action status:open "
                "owner:… group:… topic:… date:2025-06 since:2024"
            ),
            id="search-input",
        )
        yield InfoBox(_("Type words to search."), id="search-status")
        yield RowTable[SearchHit](_cell, id="search-results")
        yield InfoBox(id="search-detail")
        yield Footer()

    @property
    def table(self) -> RowTable[SearchHit]:
        return self.query_one("#search-results", RowTable)

    def on_mount(self) -> None:
        # what matched comes first and is wide enough to read (at 80 columns the group, date
        # and session are left out; the line under the table has all of the hit)
        width = self.app.size.width
        text_width = max(24, min(50, width - 40))
        self.table.set_columns(
            [
                Column(
                    key,
                    _(label),
                    (20 if width < 120 else 30) if key == "topic" else width_,
                    flex=flex,
                    min_width=text_width,
                    drop=drop,
                )
                for key, label, width_, flex, drop in COLUMNS
            ]
        )
        self.query_one("#search-input", Input).focus()
        if self.initial_query:
            self.run_search(self.initial_query)

    # -- place ---------------------------------------------------------------------------
    def place(self) -> dict[str, Any]:
        current = self.table.current
        return {
            "query": self.query_one("#search-input", Input).value,
            "hit": hit_key(current) if current else self._want,
        }

    # -- searching -----------------------------------------------------------------------
    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        if self._debounce is not None:
            self._debounce.stop()
        value = event.value
        self._debounce = self.set_timer(DEBOUNCE_S, lambda: self.run_search(value))

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        if event.value == self._shown_for and self.hits:
            self._open_current()
            return
        if self._debounce is not None:
            self._debounce.stop()
        self._open_first = True  # once the hits are in
        self.run_search(event.value)

    def run_search(self, text: str, limit: int = PAGE) -> None:
        if self._debounce is not None:
            self._debounce.stop()  # this search replaces the one waiting for typing to stop
            self._debounce = None
        try:
            query = parse_search(text)
        except FilterError as err:
            self._show_status(Text(str(err), "yellow"))
            self._open_first = False
            return
        if not query.words and query.filter.is_empty:
            self._show(text, [], None, [])
            return
        self.limit = limit
        self._show_status(_("Searching…"))
        self._search(text, query, limit)

    @work(thread=True, exclusive=True, group="search", description="search")
    def _search(self, text: str, query: SearchQuery, limit: int) -> None:
        index = index_for(self.app.store)  # type: ignore[attr-defined]
        try:
            hits = index.search(query.text, limit=limit, flt=query.filter)
        except StoreError as err:
            self.app.call_from_thread(self.notify, str(err), severity="error", timeout=12)
            return
        total = len(hits) if len(hits) < limit else None
        self.app.call_from_thread(self._show, text, hits, total, list(index.problems))
        if total is None:  # a full page: count them all (reads what the page did not)
            try:
                total = index.count(query.text, query.filter)
            except StoreError:
                return
            self.app.call_from_thread(self._counted, text, total)

    def _show(
        self, text: str, hits: list[SearchHit], total: int | None, problems: list[str]
    ) -> None:
        if text != self.query_one("#search-input", Input).value:
            return  # an older search finished after the text changed
        current = self.table.current
        if current is not None and self._shown_for == text:
            self._want = hit_key(current)  # load more: stay on the hit
        self.hits = hits
        self.total = total
        self._shown_for = text
        keys = [hit_key(h) for h in hits]
        cursor = keys.index(self._want) if self._want in keys else 0
        self.table.set_rows(hits, cursor=cursor)
        self._show_detail()
        self._update_status()
        self.remember_place()
        if self._open_first:
            self._open_first = False
            if hits:
                self._open_current()
        for problem in problems:
            self.notify(
                problem, title=_("A session file could not be read"), severity="error", timeout=12
            )

    def _counted(self, text: str, total: int) -> None:
        if text == self._shown_for:
            self.total = total
            self._update_status()

    def _show_status(self, message: str | Text) -> None:
        self.query_one("#search-status", InfoBox).show(message)

    def _update_status(self) -> None:
        text = self._shown_for or ""
        shown = len(self.hits)
        if not text.strip():
            self._show_status(_("Type words to search."))
        elif not shown:
            self._show_status(
                Text(_("No entry matches “{text}”.").format(text=text.strip()), "yellow")
            )
        elif self.total is None or self.total > shown:
            total = (
                _("counting…")
                if self.total is None
                else ngettext("{n:,} match", "{n:,} matches", self.total).format(n=self.total)
            )
            self._show_status(
                _(
                    "{total} — the newest {shown:,} shown: narrow with filters or load more (^n)"
                ).format(total=total, shown=shown)
            )
        else:
            self._show_status(
                ngettext(
                    "{n:,} match · Enter opens it in its session",
                    "{n:,} matches · Enter opens the highlighted one in its session",
                    shown,
                ).format(n=shown)
            )

    def _show_detail(self) -> None:
        detail = self.query_one("#search-detail", InfoBox)
        hit = self.table.current
        if hit is None:
            detail.show("")
            detail.display = False
            return
        text = Text(" ".join(hit.text.split()), "bold")
        text.append(
            f"\n{_(hit.kind)} · {hit.topic_title} · {hit.group} · "
            f"{hit.session_title} ({hit.started[:10]})",
            "dim",
        )
        detail.show(text)
        detail.display = True

    # -- keys and events -------------------------------------------------------------------
    @on(RowTable.Highlighted, "#search-results")
    def _highlighted(self) -> None:
        self._show_detail()
        current = self.table.current
        if current is not None:
            self._want = hit_key(current)
            self.remember_place()

    @on(RowTable.Selected, "#search-results")
    def _selected(self) -> None:
        self._open_current()

    def _open_current(self) -> None:
        hit = self.table.current
        if hit is None:
            return
        self._want = hit_key(hit)
        self.save_place()
        open_entry(self.app, hit.session_id, entry_id=hit.entry_id)

    def action_pick(self, delta: int) -> None:
        """↑ ↓ in the search box pick another hit (the box keeps the focus)."""
        self.table.action_cursor(delta)

    def action_more(self) -> None:
        """Load the next 200 hits."""
        if self._shown_for and self.total is not None and self.total <= len(self.hits):
            self.notify(_("Every match is shown."), timeout=3)
            return
        if self._shown_for:
            self.run_search(self._shown_for, limit=len(self.hits) + PAGE)

    def action_focus_input(self) -> None:
        self.query_one("#search-input", Input).focus()

    def action_close(self) -> None:
        self.dismiss()


def _cell(hit: SearchHit, key: str) -> str:
    if key == "kind":
        return _(hit.kind)
    if key == "topic":
        return hit.topic_title
    if key == "date":
        return hit.started[:10]
    if key == "session":
        return hit.session_title
    return str(getattr(hit, key))
