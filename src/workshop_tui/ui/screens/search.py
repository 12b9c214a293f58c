"""Full-text search across all sessions: type words, see matching entries, open one.

The search runs in a worker thread (the first search reads every session file); the input
is debounced so typing stays fluid. Enter on a result opens its session (read-only when it
has ended) at the entry.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Input, Static

from workshop_tui.core.search import SearchHit, index_for
from workshop_tui.core.store import StoreError
from workshop_tui.core.textnorm import words
from workshop_tui.ui.screens.navigation import open_entry
from workshop_tui.ui.translate import Footer

LIMIT = 200
DEBOUNCE_S = 0.25


class SearchScreen(Screen[None]):
    """Search every session (see module docstring)."""

    DEFAULT_CSS = """
    SearchScreen #search-input { margin: 0 0; }
    SearchScreen #search-status { height: 1; padding: 0 1; color: $text-muted; }
    SearchScreen #search-results { height: 1fr; }
    SearchScreen #search-detail { height: auto; max-height: 4; background: $panel; padding: 0 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+l,slash", "focus_input", "Search box", id="search.focus_input"),
        Binding("escape", "close", "Back", id="search.close"),
    ]

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.initial_query = query
        self.hits: list[SearchHit] = []
        self._debounce: Timer | None = None
        self._focus_results = False

    def compose(self) -> ComposeResult:
        yield Input(
            value=self.initial_query,
            placeholder="search all sessions: every word must match (case and accents ignored)",
            id="search-input",
        )
        yield Static("Type words to search.", id="search-status")
        yield DataTable(id="search-results", cursor_type="row", zebra_stripes=True)
        yield Static(id="search-detail")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#search-results", DataTable)
        # what matched comes first and narrow enough for 80 columns (the session title used
        # to fill the width); the line below the table has the whole entry and its session
        width = self.app.size.width
        table.add_column("Kind", key="kind")
        table.add_column("Text", key="text", width=max(24, min(60, width - 40)))
        table.add_column("Topic", key="topic", width=20 if width < 120 else 30)
        table.add_columns("Group", "Date", "Session")
        self.query_one("#search-input", Input).focus()
        if self.initial_query:
            self.run_search(self.initial_query)

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        if self._debounce is not None:
            self._debounce.stop()
        value = event.value
        self._debounce = self.set_timer(DEBOUNCE_S, lambda: self.run_search(value))

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        if self._debounce is not None:
            self._debounce.stop()
        self._focus_results = True  # once the results are in
        self.run_search(event.value)

    def run_search(self, text: str) -> None:
        if not words(text):
            self._show(text, [], [])
            return
        self.query_one("#search-status", Static).update("Searching…")
        self._search(text)

    @work(thread=True, exclusive=True, group="search")
    def _search(self, text: str) -> None:
        index = index_for(self.app.store)  # type: ignore[attr-defined]
        try:
            hits = index.search(text, limit=LIMIT)
        except StoreError as err:
            self.app.call_from_thread(self.notify, str(err), severity="error", timeout=12)
            return
        self.app.call_from_thread(self._show, text, hits, list(index.problems))

    def _show(self, text: str, hits: list[SearchHit], problems: list[str]) -> None:
        if text != self.query_one("#search-input", Input).value:
            return  # an older search finished after the text changed
        self.hits = hits
        table = self.query_one("#search-results", DataTable)
        table.clear()
        for number, hit in enumerate(hits):
            table.add_row(
                hit.kind,
                _cell(hit.text),
                _cell(hit.topic_title),
                hit.group,
                hit.started[:10],
                hit.session_title,
                key=str(number),
            )
        self._show_detail(0 if hits else None)
        status = self.query_one("#search-status", Static)
        if not words(text):
            status.update("Type words to search.")
        elif not hits:
            status.update(Text(f"No entry matches “{text.strip()}”.", "yellow"))
        else:
            more = f" (first {LIMIT})" if len(hits) >= LIMIT else ""
            status.update(f"{len(hits)} match(es){more} · Enter opens the entry in its session")
        if self._focus_results and hits:
            table.focus()
        self._focus_results = False
        for problem in problems:
            self.notify(
                problem, title="A session file could not be read", severity="error", timeout=12
            )

    def _show_detail(self, number: int | None) -> None:
        detail = self.query_one("#search-detail", Static)
        if number is None or not 0 <= number < len(self.hits):
            detail.update("")
            detail.display = False
            return
        hit = self.hits[number]
        text = Text(" ".join(hit.text.split()), "bold")
        text.append(
            f"\n{hit.kind} · {hit.topic_title} · {hit.group} · "
            f"{hit.session_title} ({hit.started[:10]})",
            "dim",
        )
        detail.update(text)
        detail.display = True

    @on(DataTable.RowHighlighted, "#search-results")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None:
            self._show_detail(int(str(event.row_key.value)))

    @on(DataTable.RowSelected, "#search-results")
    def _selected(self, event: DataTable.RowSelected) -> None:
        hit = self.hits[int(str(event.row_key.value))]
        open_entry(self.app, hit.session_id, entry_id=hit.entry_id)

    def action_focus_input(self) -> None:
        self.query_one("#search-input", Input).focus()

    def action_close(self) -> None:
        self.dismiss()


def _cell(text: str) -> Text:
    """One line, cut with an ellipsis to the column's width."""
    return Text(" ".join(text.split()), no_wrap=True, overflow="ellipsis")
