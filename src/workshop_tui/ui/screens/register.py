"""Action register: every action of every session, one row per action followed across
follow-ups (:mod:`workshop_tui.core.register`), with where it stands now, its owner and unit,
its due date and whether it is overdue (for an ended session: not done by its follow-up).

Filter by status (open and in progress / overdue / done / dropped / ...) and by words (action,
owner, unit, topic, group, session); Enter opens the action in its session; ``x`` writes the
rows shown to a file (csv, xlsx, md or html, by the name's suffix). The register is built in a
worker thread; the filter and the highlighted action are kept in the preferences
(``register.view``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Input, Select

from workshop_tui.core.i18n import N_, _, current_language, translator
from workshop_tui.core.register import Register, RegisterFilter, RegisterRow, select
from workshop_tui.core.register_export import FORMATS, history_text, overdue_text, render
from workshop_tui.core.store import StoreError
from workshop_tui.ui.navigation import open_entry
from workshop_tui.ui.translate import Footer
from workshop_tui.ui.widgets.table import FILTER_WORK, Column, RowTable
from workshop_tui.ui.widgets.table.export import export_to_file
from workshop_tui.ui.widgets.table.info import InfoBox
from workshop_tui.ui.widgets.table.place import KeptPlace

PREFS_KEY = "register.view"
#: (value, label) of the status choices; "open" = open or in progress
STATUS_CHOICES = (
    ("open", N_("open and in progress")),
    ("overdue", N_("overdue")),
    ("all", N_("every status")),
    ("done", N_("done")),
    ("dropped", N_("dropped")),
    ("carried_over", N_("carried over (no copy here)")),
)
#: the action's text is never narrower than this: a narrow screen leaves out the columns
#: with a drop first, the highest first (the detail box under the table has all of them)
ACTION_MIN_WIDTH = 30
#: (key, label, width, drop); width 0: the action's text, which takes what is left
COLUMNS = (
    ("status", N_("Status"), 11, 0),
    ("overdue", "!", 1, 0),
    ("text", N_("Action"), 0, 0),
    ("owner", N_("Owner"), 16, 0),
    ("due", N_("Due"), 10, 0),
    ("date", N_("Session"), 10, 1),
    ("unit", N_("Unit"), 16, 4),
    ("topic", N_("Topic"), 22, 3),
    ("group", N_("Group"), 10, 2),
    ("session", N_("Session title"), 24, 5),
)


def register_filter(status: str, text: str) -> RegisterFilter:
    if status == "open":
        return RegisterFilter(statuses=("open", "in_progress"), text=text)
    if status == "overdue":
        return RegisterFilter(overdue=True, text=text)
    if status in ("done", "dropped", "carried_over"):
        return RegisterFilter(statuses=(status,), text=text)
    return RegisterFilter(text=text)


class RegisterScreen(KeptPlace, Screen[None]):
    """The action register (see module docstring)."""

    PLACE_KEY = PREFS_KEY

    DEFAULT_CSS = """
    RegisterScreen #register-title { height: 1; background: $panel; padding: 0 1; }
    RegisterScreen #register-filters { height: auto; }
    RegisterScreen #register-status { width: 30; }
    RegisterScreen #register-text { width: 1fr; }
    RegisterScreen #register-table { height: 1fr; }
    RegisterScreen #register-detail { height: auto; max-height: 6; background: $panel;
        padding: 0 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_text", N_("Filter"), key_display="/", id="register.filter"),
        Binding("x", "export", N_("Export"), id="register.export"),
        Binding("r", "reload", N_("Refresh"), id="register.reload", show=False),
        Binding("escape", "close", N_("Back"), id="register.close"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.register = Register()
        self.shown: list[RegisterRow] = []
        place = self.read_place()
        self._start = place  # the filters to start from
        self._want = str(place.get("cursor") or "")

    def compose(self) -> ComposeResult:
        yield InfoBox(Text(_("Action register"), "bold"), id="register-title")
        status = str(self._start.get("status") or "open")
        with Horizontal(id="register-filters"):
            yield Select[str](
                [(_(label), value) for value, label in STATUS_CHOICES],
                value=status if status in {v for v, _l in STATUS_CHOICES} else "open",
                allow_blank=False,
                id="register-status",
                compact=True,
            )
            yield Input(
                value=str(self._start.get("text") or ""),
                placeholder=_("filter: words of the action, owner, unit, topic, group, session"),
                id="register-text",
                compact=True,
            )
        yield RowTable[RegisterRow](self._cell, id="register-table")
        yield InfoBox(id="register-detail")
        yield Footer()

    @property
    def table(self) -> RowTable[RegisterRow]:
        return self.query_one("#register-table", RowTable)

    def on_mount(self) -> None:
        self.table.set_columns(
            [
                Column(
                    key,
                    _(label) if len(label) > 1 else label,
                    width,
                    flex=not width,
                    min_width=0 if width else ACTION_MIN_WIDTH,
                    drop=drop,
                )
                for key, label, width, drop in COLUMNS
            ]
        )
        self.table.focus()
        self.query_one("#register-title", InfoBox).show(
            Text.assemble((_("Action register"), "bold"), " · ", _("reading every session…"))
        )
        self.action_reload()

    def _cell(self, row: RegisterRow, key: str) -> Any:
        if key == "status":
            return _status(row.status)
        if key == "overdue":
            return Text("!", "bold red") if row.overdue else ""
        if key == "date":
            return row.started[:10]
        if key == "topic":
            return row.topic_title
        if key == "session":
            return row.session_title
        if key == "text":
            return row.text
        return str(getattr(row, key))

    # -- the place kept across visits and runs (KeptPlace) ---------------------------------
    def place(self) -> dict[str, Any]:
        status = self.query_one("#register-status", Select).value
        current = self.table.current
        return {
            "status": status if isinstance(status, str) else "open",
            "text": self.query_one("#register-text", Input).value,
            "cursor": f"{current.session}/{current.id}" if current else self._want,
        }

    # -- loading and filtering -------------------------------------------------------------
    def action_reload(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, group="register-load")
    def _load(self) -> None:
        from workshop_tui.core.register import build_register

        today: dt.date = self.app.today()  # type: ignore[attr-defined]
        try:
            register = build_register(self.app.store, today=today)  # type: ignore[attr-defined]
        except StoreError as err:
            self.app.call_from_thread(self.notify, str(err), severity="error", timeout=12)
            return
        self.app.call_from_thread(self._loaded, register)

    def _loaded(self, register: Register) -> None:
        self.register = register
        self._refilter()
        for problem in register.problems:
            self.notify(
                problem, title=_("A session file could not be read"), severity="error", timeout=12
            )

    def _current_filter(self) -> RegisterFilter:
        status = self.query_one("#register-status", Select).value
        text = self.query_one("#register-text", Input).value
        return register_filter(status if isinstance(status, str) else "open", text)

    def _refilter(self) -> None:
        current = self.table.current
        if current is not None:
            self._want = f"{current.session}/{current.id}"
        self._filter(self.register.rows, self._current_filter())

    @work(thread=True, exclusive=True, group="register-filter", description=FILTER_WORK)
    def _filter(self, rows: list[RegisterRow], flt: RegisterFilter) -> None:
        shown = select(rows, flt)
        self.app.call_from_thread(self._show_rows, flt, shown)

    def _show_rows(self, flt: RegisterFilter, rows: list[RegisterRow]) -> None:
        if flt != self._current_filter():
            return
        self.shown = rows
        keys = [f"{r.session}/{r.id}" for r in rows]
        cursor = keys.index(self._want) if self._want in keys else 0
        self.table.set_rows(rows, cursor=cursor)
        overdue = sum(1 for r in rows if r.overdue)
        title = self.query_one("#register-title", InfoBox)
        text = Text.assemble(
            (_("Action register"), "bold"),
            " · ",
            _("{shown} of {total} actions").format(shown=len(rows), total=len(self.register.rows)),
            " · ",
            (_("{n} overdue").format(n=overdue), "red" if overdue else ""),
        )
        hint = " · " + _("Enter opens the action in its session")
        if text.cell_len + len(hint) <= title.content_region.width:  # the hint only if it fits
            text.append(hint)
        title.show(text)
        self._show_detail()
        self.remember_place()

    def _show_detail(self) -> None:
        detail = self.query_one("#register-detail", InfoBox)
        row = self.table.current
        if row is None:
            detail.show(_("No action matches.") if self.register.rows else _("No actions yet."))
            return
        t = translator(current_language())
        text = Text(" ".join(row.text.split()), "bold")
        owner = " / ".join(x for x in (row.owner, row.unit) if x) or _("no owner")
        text.append(
            "\n"
            + _("{status} · {owner} · due {due} · {topic} · {group}").format(
                status=_status(row.status),
                owner=owner,
                due=row.due or "—",
                topic=row.topic_title,
                group=row.group,
            )
        )
        text.append(
            "\n"
            + _("Agreed at {origin} ({day}); now in {session} ({now})").format(
                origin=row.origin_title,
                day=row.origin_started[:10],
                session=row.session_title,
                now=row.started[:10],
            ),
            "dim",
        )
        if row.overdue:
            text.append("\n" + _("Overdue: {why}").format(why=overdue_text(row, t)), "red")
        history = history_text(row, t)
        if history:
            text.append("\n" + history, "italic")
        detail.show(text)

    # -- events ------------------------------------------------------------------------------
    @on(Select.Changed, "#register-status")
    @on(Input.Changed, "#register-text")
    def _filter_changed(self) -> None:
        self._refilter()

    @on(Input.Submitted, "#register-text")
    def _text_submitted(self) -> None:
        self.table.focus()

    @on(RowTable.Highlighted, "#register-table")
    def _highlighted(self) -> None:
        self._show_detail()
        if self.table.current is not None:
            self.remember_place()

    @on(RowTable.Selected, "#register-table")
    def _selected(self) -> None:
        row = self.table.current
        if row is not None:
            self.save_place()
            open_entry(self.app, row.session, entry_id=row.id)

    def action_export(self) -> None:
        if not self.shown:
            self.notify(_("No action to export."), severity="warning")
            return
        day = self.app.today().isoformat()  # type: ignore[attr-defined]
        shown = list(self.shown)
        export_to_file(
            self,
            default=str(Path.home() / f"action-register-{day}.xlsx"),
            title=_("Export the action register"),
            prompt=_("File name (.csv, .xlsx, .md or .html); an existing file is replaced:"),
            formats=FORMATS,
            wrong_suffix=_("{name}: choose a name ending in .csv, .xlsx, .md or .html"),
            render=lambda fmt: render(shown, fmt),
            written=lambda path: _("Wrote {n} actions to {path}").format(n=len(shown), path=path),
        )

    def action_focus_text(self) -> None:
        self.query_one("#register-text", Input).focus()

    def action_close(self) -> None:
        if isinstance(self.focused, Input | Select):
            self.table.focus()
            return
        self.dismiss()


def _status(status: str) -> str:
    from workshop_tui.core.register_export import status_word

    return _(status_word(status))
