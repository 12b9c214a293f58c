"""Start screen: start a session from an agenda, resume one in progress, open a past one.

Reading the agendas and the sessions list happens in a worker thread; results come back to
the event loop with ``call_from_thread``. The sessions column shows the most recent
:data:`RECENT_SESSIONS` (in progress first); a last option opens the sessions browser with
all of them, so a long history does not slow the first screen down.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from workshop_tui.core.agenda import Agenda
from workshop_tui.core.i18n import N_, _
from workshop_tui.core.store import StoreError
from workshop_tui.core.summary import SessionSummary
from workshop_tui.ui.commands import PaletteCommand
from workshop_tui.ui.navigation import OpenImportDialog
from workshop_tui.ui.translate import Footer
from workshop_tui.ui.widgets.entries.fit import remeasure_options

AGENDA_PREFIX = "agenda:"
RECENT_PREFIX = "recent:"
SESSION_PREFIX = "session:"
ALL_SESSIONS_ID = "all-sessions"
#: sessions listed on the start screen; the sessions browser (F4) lists every one
RECENT_SESSIONS = 30


class WrappedOptionList(OptionList):
    """Two-line options that may wrap: measured again when a scrollbar comes or goes."""

    def watch_show_vertical_scrollbar(self) -> None:
        remeasure_options(self)  # a scrollbar that comes later would cut wrapped lines


@dataclass(frozen=True)
class StartData:
    bundled: list[tuple[str, str]]
    recent: list[str]
    sessions: list[SessionSummary]
    problems: list[str]


def _day(stamp: str) -> str:
    return stamp[:16].replace("T", " ")


def session_prompt(summary: SessionSummary) -> Text:
    done = bool(summary.ended)
    text = Text.assemble(
        ("✓ " if done else "● ", "dim" if done else "bold"), (summary.title, "bold")
    )
    if done:
        when = _("ended {when}").format(when=_day(summary.ended))
    else:
        when = _("started {when}").format(when=_day(summary.started))
    text.append("\n  " + when, "dim")
    open_actions = (
        " " + _("({n} open)").format(n=summary.open_actions) if summary.open_actions else ""
    )
    # Translators: C, S, A: counts of challenges, solutions, actions (one letter each)
    counts = _("C{challenges} S{solutions} A{actions}").format(
        challenges=summary.challenges, solutions=summary.solutions, actions=summary.actions
    )
    text.append("\n  " + counts + open_actions, "dim")
    return text


def recent_sessions(sessions: list[SessionSummary]) -> list[SessionSummary]:
    """What the start screen lists: sessions in progress, then ended ones, newest first
    (the order ``list_sessions`` gives), at most :data:`RECENT_SESSIONS`."""
    ordered = [s for s in sessions if not s.ended] + [s for s in sessions if s.ended]
    return ordered[:RECENT_SESSIONS]


class _Footer(Footer):
    """A footer that rebuilds its keys only when the keys it shows change.

    The stock footer rebuilds every key widget on each binding change, and mounting a
    screen, focusing its first widget and filling its lists send several that change
    nothing shown: that was a third of the start screen's start-up time.
    """

    _recompose_pending = False
    _shown: tuple[object, ...] | None = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._recompose_pending:
            self._recompose_pending = True
            self.call_after_refresh(self._recompose_if_changed)

    def _keys_shown(self) -> tuple[object, ...]:
        palette = self.app.COMMAND_PALETTE_BINDING
        return tuple(
            (binding.key, binding.action, binding.description, binding.group, enabled, tooltip)
            for _node, binding, enabled, tooltip in self.screen.active_bindings.values()
            if binding.show or binding.key == palette
        )

    async def _recompose_if_changed(self) -> None:
        self._recompose_pending = False
        if not self.is_attached:
            return
        shown = self._keys_shown()
        if shown != self._shown:
            self._shown = shown
            await self.recompose()


class StartScreen(Screen[None]):
    """Choose an agenda to start a session, or a session to resume or review."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "question_mark",
            "app.help",
            N_("Help"),
            id="start.help",
            show=False,
            tooltip=N_("Show this list of keys (also f1)"),
        ),
        Binding(
            "n",
            "focus('#agendas')",
            N_("Agendas"),
            id="start.focus_agendas",
            tooltip=N_("Go to the agendas (Enter starts a session)"),
        ),
        Binding(
            "s",
            "focus('#sessions')",
            N_("Sessions"),
            id="start.focus_sessions",
            tooltip=N_("Go to the sessions (Enter resumes or reviews)"),
        ),
        Binding(
            "o",
            "focus('#agenda-path')",
            N_("Open file"),
            id="start.open_file",
            tooltip=N_("Type the path of an agenda file"),
        ),
        Binding(
            "r",
            "reload",
            N_("Refresh"),
            id="start.reload",
            tooltip=N_("Re-read agendas and sessions"),
        ),
        Binding(
            "i",
            "import_bundles",
            N_("Import"),
            id="start.import",
            tooltip=N_("Merge session bundles from scribes' laptops (export --what bundle)"),
        ),
        Binding(
            "a",
            "app.register",
            N_("Action register"),
            id="start.register",
            show=False,
            tooltip=N_("Every action of every session: owner, status, overdue, history"),
        ),
        Binding("q", "app.quit", N_("Quit"), id="start.quit", tooltip=N_("Quit")),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.data = StartData([], [], [], [])
        #: whether the sessions list has been read once (until then it says it is reading)
        self._sessions_shown = False

    def compose(self) -> ComposeResult:
        yield Label(Text(_("Workshop facilitation"), "bold"), id="start-title")
        with Horizontal(id="start-columns"):
            with Vertical(id="start-new", classes="start-column") as new:
                new.border_title = _("New session from an agenda")
                yield WrappedOptionList(id="agendas")
                yield Input(placeholder=_("agenda file path, then Enter"), id="agenda-path")
            with Vertical(id="start-sessions", classes="start-column") as old:
                old.border_title = _("Sessions (● open · ✓ ended)")
                yield WrappedOptionList(id="sessions")
        yield _Footer(compact=True)  # at 80 columns every key, f1 Help and ^p palette fit

    def on_mount(self) -> None:
        self.query_one("#agendas", OptionList).focus()

    async def language_changed(self) -> None:
        """Compose again in the new UI language, then fill the lists again."""
        await self.recompose()
        self.query_one("#agendas", OptionList).focus()
        self.action_reload()

    def on_screen_resume(self) -> None:
        # Also sent when the screen is first shown: the one place that loads the lists.
        self.action_reload()

    # -- loading -------------------------------------------------------------------------
    def action_reload(self) -> None:
        self._load()

    def action_import_bundles(self) -> None:
        self.app.post_message(OpenImportDialog(self))

    @work(thread=True, exclusive=True, group="start-load")
    def _load(self) -> None:
        """The agendas first (a few files), then the sessions (the catalog; after a copy or
        a crash it is rebuilt from every session file, which takes seconds with a long
        history): starting a new session never waits for the history."""
        from workshop_tui.core.bundled import bundled_agendas

        store = self.app.store  # type: ignore[attr-defined]
        self.app.call_from_thread(self._show_agendas, bundled_agendas(), store.recent_agendas())
        problems: list[str] = []
        try:
            listing = store.list_sessions()
            sessions, problems = listing.sessions, list(listing.problems)
        except StoreError as err:
            sessions, problems = [], [str(err)]
        self.app.call_from_thread(self._show_sessions, sessions, problems)

    def _show_agendas(self, bundled: list[tuple[str, str]], recent: list[str]) -> None:
        self.data = data = replace(self.data, bundled=bundled, recent=recent)
        agendas = self.query_one("#agendas", OptionList)
        options: list[Option | None] = [
            Option(Text.assemble((title, "bold"), (f"\n  {name}", "dim")), id=AGENDA_PREFIX + name)
            for name, title in data.bundled
        ]
        for index, path in enumerate(data.recent):
            options.append(
                Option(
                    Text.assemble((Path(path).name, "bold"), ("\n  " + path, "dim")),
                    id=f"{RECENT_PREFIX}{index}",
                )
            )
        _replace_options(agendas, options)
        sessions = self.query_one("#sessions", OptionList)
        if not self._sessions_shown:
            sessions.set_options([Option(_("Reading the sessions…"), disabled=True)])

    def _show_sessions(self, listed: list[SessionSummary], problems: list[str]) -> None:
        self.data = data = replace(self.data, sessions=listed, problems=problems)
        self._sessions_shown = True
        sessions = self.query_one("#sessions", OptionList)
        shown = recent_sessions(data.sessions)
        session_options: list[Option | None] = [
            Option(session_prompt(s), id=SESSION_PREFIX + s.id) for s in shown
        ]
        if len(data.sessions) > len(shown):
            session_options.append(
                Option(
                    Text.assemble(
                        (_("All {count:,} sessions…").format(count=len(data.sessions)), "bold"),
                        ("\n  " + _("F4: the sessions browser"), "dim"),
                    ),
                    id=ALL_SESSIONS_ID,
                )
            )
        _replace_options(sessions, session_options)
        if not shown:
            sessions.set_options(
                [Option(_("no sessions yet: pick an agenda to start one"), disabled=True)]
            )
        for problem in data.problems:
            self.notify(
                problem, title=_("A session file could not be read"), severity="error", timeout=12
            )

    # -- choosing ------------------------------------------------------------------------
    @on(OptionList.OptionSelected, "#agendas")
    def _agenda_chosen(self, event: OptionList.OptionSelected) -> None:
        option_id = event.option.id or ""
        if option_id.startswith(AGENDA_PREFIX):
            self.start_session(option_id.removeprefix(AGENDA_PREFIX))
        elif option_id.startswith(RECENT_PREFIX):
            self.start_session(self.data.recent[int(option_id.removeprefix(RECENT_PREFIX))])

    @on(Input.Submitted, "#agenda-path")
    def _path_entered(self, event: Input.Submitted) -> None:
        path = event.value.strip()
        if not path:
            self.notify(_("Type the path of an agenda YAML file first."), severity="warning")
            return
        if not Path(path).expanduser().is_file():
            self.notify(
                _("No such file: {path}").format(path=path),
                title=_("Open agenda"),
                severity="error",
            )
            return
        self.start_session(str(Path(path).expanduser().resolve()))

    @on(OptionList.OptionSelected, "#sessions")
    def _session_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id == ALL_SESSIONS_ID:
            self.app.action_sessions()  # type: ignore[attr-defined]
            return
        session_id = (event.option.id or "").removeprefix(SESSION_PREFIX)
        summary = next((s for s in self.data.sessions if s.id == session_id), None)
        if summary is not None:
            self.open_session(summary)

    def open_session(self, summary: SessionSummary) -> None:
        app = self.app
        app.open_session(summary.id, group=app.locked_group, read_only=bool(summary.ended))  # type: ignore[attr-defined]

    def start_session(self, ref: str) -> None:
        """Load the agenda (bundled name or file path) and start a new session from it."""
        self.notify(_("Starting a session from {name}…").format(name=Path(ref).name), timeout=2)
        self._start(ref)

    @work(thread=True, exclusive=True, group="start-session")
    def _start(self, ref: str) -> None:
        from workshop_tui.core.agenda_yaml import AgendaError, load_agenda

        store = self.app.store  # type: ignore[attr-defined]
        try:
            agenda: Agenda = load_agenda(ref)
            session = store.create_session(agenda, agenda_source=ref)
        except AgendaError as err:
            problems = "\n".join(str(p) for p in err.problems[:5])
            self.app.call_from_thread(
                self.notify,
                problems,
                title=_("The agenda has problems"),
                severity="error",
                timeout=15,
            )
            return
        except StoreError as err:
            self.app.call_from_thread(
                self.notify, str(err), title=_("Cannot start"), severity="error", timeout=12
            )
            return
        if Path(ref).is_file():
            store.remember_agenda(ref)
        self.app.call_from_thread(self._started, session.id)

    def _started(self, session_id: str) -> None:
        self.query_one("#agenda-path", Input).value = ""
        self.app.open_session(session_id, group=self.app.locked_group)  # type: ignore[attr-defined]

    def palette_commands(self) -> list[PaletteCommand]:
        commands = [
            PaletteCommand(
                _("Start session: {title}").format(title=title),
                _("bundled agenda {name}").format(name=name),
                _starter(self, name),
            )
            for name, title in self.data.bundled
        ]
        commands.extend(
            PaletteCommand(
                _("Start session from {name}").format(name=Path(p).name), p, _starter(self, p)
            )
            for p in self.data.recent
        )
        for summary in self.data.sessions:
            if summary.ended:
                name = _("Review session: {title}").format(title=summary.title)
            else:
                name = _("Resume session: {title}").format(title=summary.title)
            commands.append(
                PaletteCommand(
                    name,
                    _day(summary.started),
                    _opener(self, summary),
                )
            )
        return commands


def _starter(screen: StartScreen, ref: str) -> Callable[[], None]:
    return lambda: screen.start_session(ref)


def _opener(screen: StartScreen, summary: SessionSummary) -> Callable[[], None]:
    return lambda: screen.open_session(summary)


def _replace_options(option_list: OptionList, options: list[Option | None]) -> None:
    """Set the options, keeping the highlighted one where it still exists."""
    keep = option_list.highlighted_option.id if option_list.highlighted_option else None
    option_list.set_options(o for o in options if o is not None)
    ids = [o.id for o in options if o is not None]
    if keep in ids:
        option_list.highlighted = ids.index(keep)
    elif ids:
        option_list.highlighted = 0
