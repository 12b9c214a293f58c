"""Sessions browser: every session with its agenda, dates and counts; filter by agenda and
text; open a session (an ended one read-only); reopen an ended session after confirming.

The agenda shown is the snapshot stored in the session, not the YAML file as it is today.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, DataTable, Input, Label, Select, Static

from workshop_tui.core.model import SessionSummary
from workshop_tui.core.store import StoreError
from workshop_tui.core.textnorm import words
from workshop_tui.ui.screens.navigation import open_entry
from workshop_tui.ui.translate import Footer


def matches(summary: SessionSummary, agenda: str | None, text: str) -> bool:
    """Does the session pass the agenda filter and contain every word of ``text``?"""
    if agenda and summary.agenda_name != agenda:
        return False
    hay = " ".join(
        words(f"{summary.title} {summary.agenda_title} {summary.agenda_name} {summary.id}")
    )
    return all(w in hay for w in words(text))


class ConfirmScreen(ModalScreen[bool]):
    """Yes / no question; y (or the first button) confirms, Escape, n or Enter on the
    focused Cancel button cancels."""

    # here, not in SessionsScreen's CSS: opened from another screen first (End session), the
    # buttons' row took the whole height and the dialog filled the screen
    DEFAULT_CSS = """
    ConfirmScreen #confirm-question { width: 100%; }
    ConfirmScreen #confirm-buttons { height: auto; padding-top: 1; }
    ConfirmScreen Button { margin-right: 2; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("escape,n", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str, yes: str = "Yes") -> None:
        super().__init__()
        self.question = question
        self.yes = yes

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = "Please confirm"
            yield Label(self.question, id="confirm-question")  # wraps (full width)
            with Horizontal(id="confirm-buttons"):
                yield Button(self.yes, variant="warning", id="confirm-yes")
                yield Button("Cancel", id="confirm-no")
            yield Static("y: yes · n / Esc: cancel", classes="dialog-help")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class SessionsScreen(Screen[None]):
    """Browse all sessions (see module docstring)."""

    DEFAULT_CSS = """
    SessionsScreen #sessions-title { height: 1; background: $panel; padding: 0 1; }
    SessionsScreen #sessions-filters { height: auto; }
    SessionsScreen #sessions-agenda { width: 40; }
    SessionsScreen #sessions-text { width: 1fr; }
    SessionsScreen #sessions-table { height: 1fr; }
    SessionsScreen #session-detail { height: auto; max-height: 9; background: $panel; padding: 0 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open", id="sessions.open", show=False),
        Binding("e", "reopen", "Reopen", id="sessions.reopen"),
        Binding("slash", "focus_text", "Filter", key_display="/", id="sessions.filter"),
        Binding("r", "reload", "Refresh", id="sessions.reload", show=False),
        Binding("escape", "close", "Back", id="sessions.close"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.sessions: list[SessionSummary] = []
        self.shown: list[SessionSummary] = []

    def compose(self) -> ComposeResult:
        yield Static(Text("Sessions", "bold"), id="sessions-title")
        with Horizontal(id="sessions-filters"):
            yield Select[str]([], prompt="agenda: all", id="sessions-agenda", compact=True)
            yield Input(placeholder="filter by title (all words)", id="sessions-text", compact=True)
        yield DataTable(id="sessions-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="session-detail")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#sessions-table", DataTable).focus()
        self.action_reload()

    def on_screen_resume(self) -> None:
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
        self.app.call_from_thread(self._loaded, listing.sessions, listing.problems)

    def _loaded(self, sessions: list[SessionSummary], problems: list[str]) -> None:
        self.sessions = sessions
        agendas = sorted({(s.agenda_title or s.agenda_name, s.agenda_name) for s in sessions})
        select = self.query_one("#sessions-agenda", Select)
        value = select.value
        with self.prevent(Select.Changed):
            select.set_options([(f"{title} ({name})", name) for title, name in agendas])
            if value != Select.NULL and value in {n for _, n in agendas}:
                select.value = value
        self._fill()
        for problem in problems:
            self.notify(
                problem, title="A session file could not be read", severity="error", timeout=12
            )

    def _fill(self) -> None:
        agenda = self.query_one("#sessions-agenda", Select).value
        text = self.query_one("#sessions-text", Input).value
        chosen = agenda if isinstance(agenda, str) else None
        self.shown = [s for s in self.sessions if matches(s, chosen, text)]
        table = self.query_one("#sessions-table", DataTable)
        selected = self._selected()
        keep = selected.id if selected else None
        table.clear(columns=True)
        # dates and counts fit 80 columns: the title is cut to what is left, the agenda comes
        # last (the detail below shows it); long titles used to push everything else off
        width = self.app.size.width
        table.add_column("", key="state")
        table.add_column("Title", key="title", width=max(20, min(50, width - 50)))
        table.add_columns("Started", "Ended", "C", "S", "A", "Open")
        table.add_column("Agenda", key="agenda", width=30)
        for s in self.shown:
            table.add_row(
                Text("✓", "dim") if s.ended else Text("●", "bold"),
                _cell(s.title),
                s.started[:10],
                s.ended[:10] or "—",
                str(s.challenges),
                str(s.solutions),
                str(s.actions),
                str(s.open_actions),
                _cell(s.agenda_title),
                key=s.id,
            )
        ids = [s.id for s in self.shown]
        if keep in ids:
            table.move_cursor(row=ids.index(keep))
        self.query_one("#sessions-title", Static).update(
            Text.assemble(
                ("Sessions", "bold"),
                f" · {len(self.shown)} of {len(self.sessions)} · ● in progress · ✓ ended (opens read-only)",
            )
        )
        self._show_detail()

    def _selected(self) -> SessionSummary | None:
        table = self.query_one("#sessions-table", DataTable)
        if not table.row_count or not self.shown:
            return None
        row = table.cursor_row
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def _show_detail(self) -> None:
        detail = self.query_one("#session-detail", Static)
        summary = self._selected()
        if summary is None:
            detail.update("No sessions match." if self.sessions else "No sessions yet.")
            return
        try:
            session = self.app.store.open_session(summary.id).session  # type: ignore[attr-defined]
        except StoreError as err:
            detail.update(Text(str(err), "red"))
            return
        agenda = session.agenda  # the snapshot stored with the session
        text = Text.assemble(
            (agenda.title, "bold"), f"  (agenda {session.agenda_source or agenda.name})"
        )
        who = [
            f"facilitator {session.facilitator}" if session.facilitator else "",
            session.location,
        ]
        if any(who):
            text.append("\n" + " · ".join(w for w in who if w))
        text.append("\nGroups: " + ", ".join(agenda.group_names))
        for number, topic in enumerate(agenda.topics, 1):
            text.append(f"\n {number}. {topic.title} ({topic.timebox} min)")
        if session.follow_up_of:
            text.append(f"\nFollows up session {session.follow_up_of[:8]}", "italic")
        detail.update(text)

    # -- events ------------------------------------------------------------------------------
    @on(Select.Changed, "#sessions-agenda")
    @on(Input.Changed, "#sessions-text")
    def _filter_changed(self) -> None:
        self._fill()

    @on(Input.Submitted, "#sessions-text")
    def _text_submitted(self) -> None:
        self.query_one("#sessions-table", DataTable).focus()

    @on(DataTable.RowHighlighted, "#sessions-table")
    def _highlighted(self) -> None:
        self._show_detail()

    @on(DataTable.RowSelected, "#sessions-table")
    def _row_selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        summary = self._selected()
        if summary is not None:
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
                self.notify(f"Not reopened: {err}", severity="error", timeout=12)
                return
            self.notify(f"Reopened {summary.title} for editing.", timeout=4)
            open_entry(self.app, summary.id, read_only=False)

        self.app.push_screen(
            ConfirmScreen(
                f"“{summary.title}” ended on {summary.ended[:10]}. Reopen it for editing?",
                yes="Reopen",
            ),
            answered,
        )

    def action_focus_text(self) -> None:
        self.query_one("#sessions-text", Input).focus()

    def action_close(self) -> None:
        focused = self.focused
        if isinstance(focused, Input | Select):
            self.query_one("#sessions-table", DataTable).focus()
            return
        self.dismiss()


def _cell(text: str) -> Text:
    """One line, cut with an ellipsis to the column's width."""
    return Text(" ".join(text.split()), no_wrap=True, overflow="ellipsis")
