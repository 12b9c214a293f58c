"""Export dialog: choose what to export, the format, action filters and the file, then write it.

The dialog offers whatever :data:`workshop_tui.core.export.EXPORTERS` registers. Writing runs
in a worker thread (:func:`workshop_tui.core.export.export_to_path`, atomic files); the
result comes back as a notification with the written path(s), or the one-line reason, and
the dialog stays open on an error so the path can be fixed. Dismisses with the written paths.

An existing file is never replaced by one keypress: when the file (or, for a split, any of
the files) already exists, the dialog says so inline and only a second ``ctrl+s`` with the
same choices replaces it; changing any field asks again.

The full path of what will be written is shown on its own line under the "Save to" field
(the field itself scrolls to its end, so the file name shows), and it is exactly where the
file goes: a relative path typed there is taken in the folder the dialog proposed (not the
folder the app was started from), ``~`` is the home folder, and an existing folder gets the
default file name inside it. Fields that do not apply to the chosen *what* and format (the
action filters for a report or a bundle) are hidden, so Tab goes through the visible ones in
order. The last export's what, format and folder are proposed again, also in later runs
(preferences key :data:`PREF_KEY`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Input, Label, Select, Static

from workshop_tui.core.export import (
    GROUP_BY,
    SPLIT_BY,
    ActionFilter,
    ExportError,
    Layout,
    default_filename,
    export_to_path,
    formats_for,
    get_exporter,
    planned_paths,
    whats,
)
from workshop_tui.core.export.plan import parse_columns
from workshop_tui.core.i18n import N_, _
from workshop_tui.core.labels import status_label
from workshop_tui.core.model import ActionLevel, ActionStatus
from workshop_tui.core.store import Store, StoreError
from workshop_tui.ui.export_choices import (
    PREF_KEY,
    SECTION_LABELS,
    SPLIT_LABELS,
    WHAT_LABELS,
    LastExport,
    default_export_folder,
    format_options,
    replace_message,
    resolve_typed,
    saved_message,
    target_text,
)

#: the fields that only apply to action lists
_FILTER_IDS = (
    "#export-topic",
    "#export-group",
    "#export-status",
    "#export-level",
    "#export-owner",
    "#export-split",
)


class ExportDialog(ModalScreen[list[Path] | None]):
    """Export one session (see module docstring). ``folder`` is where the file goes by default."""

    DEFAULT_CSS = """
    ExportDialog > #export-dialog {
        width: 84;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        overflow-y: auto;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    ExportDialog #export-title {
        text-style: bold;
        margin-bottom: 1;
    }
    ExportDialog .export-row {
        height: auto;
    }
    ExportDialog .export-label {
        width: 12;
        color: $text-muted;
    }
    ExportDialog .export-row:focus-within .export-label {
        color: $text;
        text-style: bold;
    }
    ExportDialog .export-row > Select, ExportDialog .export-row > Input {
        width: 1fr;
    }
    ExportDialog #export-target {
        color: $text-muted;
        text-overflow: fold;  /* a long path breaks anywhere, not before its first '/' */
    }
    ExportDialog #export-error {
        color: $text-error;
        display: none;
    }
    ExportDialog #export-error.-shown {
        display: block;
    }
    ExportDialog #export-error.-replace {
        color: $text-warning;
    }
    ExportDialog #export-buttons {
        height: auto;
        align-horizontal: right;
        margin-top: 1;
    }
    ExportDialog #export-buttons Button {
        margin-left: 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel"), id="export_dialog.cancel"),
        Binding("ctrl+s", "export", N_("Export"), id="export_dialog.export", priority=True),
    ]

    def __init__(self, store: Store, session_id: str, *, folder: Path | None = None) -> None:
        super().__init__()
        self.store = store
        self.session_id = session_id
        self._folder_given = folder is not None
        self.folder = folder if folder is not None else default_export_folder()
        self.session = store.open_session(session_id).session
        self.busy = False
        # the last choice, to tell a default path (follows the choice) from a typed one
        self._last_what, self._last_fmt = "actions", "csv"
        self._last_split: str | None = None
        # the choices the user was told would replace existing files: the next save with
        # exactly these choices replaces them
        self._replace_ok: tuple[object, ...] | None = None

    # -- layout ----------------------------------------------------------------------------
    def _row(self, label: str, widget: Select[str] | Input) -> Horizontal:
        # compact (one-line) fields: with the full-height ones the Export button, the path and
        # any error were below the bottom of a 100x30 terminal
        widget.compact = True
        return Horizontal(Label(label, classes="export-label"), widget, classes="export-row")

    def _pick(
        self, label: str, options: list[tuple[str, str]], prompt: str, widget_id: str
    ) -> Horizontal:
        """A labelled choice whose blank means "any" / "all" (``prompt``)."""
        return self._row(label, Select(options, prompt=prompt, id=widget_id))

    def _recall(self) -> tuple[str, str]:
        """What and format of the last export (kept in the preferences; still registered),
        else the first registered; the folder too, unless the caller chose one."""
        last = LastExport.from_pref(self.store.prefs.get(PREF_KEY, {}, dict))
        if last is None:
            what = "actions" if "actions" in whats() else whats()[0]
            return what, formats_for(what)[0]
        if not self._folder_given:
            self.folder = last.folder
        return last.what, last.fmt

    def compose(self) -> ComposeResult:
        agenda = self.session.agenda
        what, fmt = self._recall()
        self._last_what, self._last_fmt = what, fmt
        what_options = [(_(WHAT_LABELS[w]) if w in WHAT_LABELS else w, w) for w in whats()]
        with Vertical(id="export-dialog"):
            yield Label(
                _("Export — {title}").format(title=self.session.title),
                id="export-title",
                markup=False,
            )
            yield self._row(
                _("Export"), Select(what_options, value=what, allow_blank=False, id="export-what")
            )
            formats = Select(format_options(what), value=fmt, allow_blank=False, id="export-format")
            yield self._row(_("Format"), formats)
            topics = [(t.title, t.id) for t in agenda.topics]
            yield self._pick(_("Topic"), topics, _("All topics"), "export-topic")
            groups = [(g, g) for g in agenda.group_names]
            yield self._pick(_("Group"), groups, _("All groups"), "export-group")
            statuses = [(status_label(s), s.value) for s in ActionStatus]
            yield self._pick(_("Status"), statuses, _("Any status"), "export-status")
            levels = [(lv.value, lv.value) for lv in ActionLevel]
            yield self._pick(_("Level"), levels, _("Any level"), "export-level")
            yield self._row(_("Owner"), Input(placeholder=_("any owner"), id="export-owner"))
            splits = [(_(SPLIT_LABELS[s]), s) for s in SPLIT_BY]
            yield self._pick(_("Split by"), splits, _("one file"), "export-split")
            sections = [(_(SECTION_LABELS[g]), g) for g in GROUP_BY]
            yield self._pick(_("Sections"), sections, _("one list"), "export-group-by")
            columns = Input(
                placeholder=_("the usual ones (or e.g. action, owner, due)"), id="export-columns"
            )
            yield self._row(_("Columns"), columns)
            paper = [(_("A4 portrait"), "portrait"), (_("A4 landscape"), "landscape")]
            yield self._row(
                _("Paper"),
                Select(paper, value="portrait", allow_blank=False, id="export-paper"),
            )
            default = self._default_path(what, fmt)
            yield self._row(_("Save to"), Input(value=str(default), id="export-path"))
            yield Static(self._target_text(str(default), None), id="export-target", markup=False)
            yield Static(id="export-error", markup=False)
            with Horizontal(id="export-buttons"):
                yield Button(_("Export"), variant="primary", id="export-run")
                yield Button(_("Cancel"), id="export-cancel")
            yield Static(_("ctrl+s export · Esc cancel"), classes="dialog-help")

    def on_mount(self) -> None:
        self._enable_filters(self._last_what, self._last_fmt)
        self.query_one("#export-what", Select).focus()
        # show the end of the path (file name, date, suffix) rather than its start
        self.call_after_refresh(self._scroll_path_to_end)

    def _scroll_path_to_end(self) -> None:
        path_input = self.query_one("#export-path", Input)
        # the input scrolls to its cursor when the cursor moves (not when it is already there)
        path_input.cursor_position = 0
        path_input.cursor_position = len(path_input.value)

    # -- helpers ---------------------------------------------------------------------------
    def _default_name(self, what: str, fmt: str) -> str:
        """The default file name; a bundle's names the group this laptop is locked to."""
        group = getattr(self.app, "locked_group", None)
        return default_filename(
            self.session, what, fmt, group=group if isinstance(group, str) else None
        )

    def _default_path(self, what: str, fmt: str, split_by: str | None = None) -> Path:
        if split_by:
            return self.folder / f"{Path(self._default_name(what, fmt)).stem}-by-{split_by}"
        return self.folder / self._default_name(what, fmt)

    def _path_value(self) -> str:
        return self.query_one("#export-path", Input).value.strip()

    def resolved_path(self, raw: str) -> Path:
        """Where the typed ``raw`` path points (the line under the field and the export use
        this same path)."""
        return resolve_typed(raw, self.folder)

    def _value(self, widget_id: str) -> str | None:
        value = self.query_one(widget_id, Select).value
        return value if isinstance(value, str) else None

    def _choice(self) -> tuple[str, str, str | None]:
        what = self._value("#export-what") or "actions"
        fmt = self._value("#export-format") or formats_for(what)[0]
        return what, fmt, self._value("#export-split")

    def _filters(self) -> ActionFilter:
        one = lambda widget_id: tuple(v for v in [self._value(widget_id)] if v)  # noqa: E731
        owner = self.query_one("#export-owner", Input).value.strip()
        return ActionFilter(
            topics=one("#export-topic"),
            groups=one("#export-group"),
            statuses=one("#export-status"),
            levels=one("#export-level"),
            owners=(owner,) if owner else (),
        )

    def _layout(self, what: str, fmt: str) -> Layout:
        """Sections, columns and paper, where the chosen export uses them (hidden otherwise).
        Raises :class:`ExportError` for a column name it does not know."""
        exporter = get_exporter(what, fmt)
        plan = exporter.document and exporter.takes_filters
        columns = self.query_one("#export-columns", Input).value.strip() if plan else ""
        return Layout(
            columns=parse_columns(columns) if columns else (),
            group_by=(self._value("#export-group-by") or "") if plan else "",
            landscape=exporter.paged and self._value("#export-paper") == "landscape",
        )

    def _show_error(self, message: str, *, replace: bool = False) -> None:
        error = self.query_one("#export-error", Static)
        error.update(message)
        error.set_class(bool(message), "-shown")
        error.set_class(replace, "-replace")
        self.query_one("#export-run", Button).label = _("Replace") if replace else _("Export")

    @on(Select.Changed)
    @on(Input.Changed)
    def _choice_changed(self) -> None:
        """Any change after "… exists — ctrl+s again" asks again at the next save."""
        if self._replace_ok is not None:
            self._replace_ok = None
            self._show_error("")

    def _refresh_path(self, previous: Path) -> None:
        """Follow the format/split choice in the path unless the user typed their own."""
        path_input = self.query_one("#export-path", Input)
        if Path(path_input.value) == previous:
            path_input.value = str(self._default_path(*self._choice()))
            self._scroll_path_to_end()

    @staticmethod
    def _target_text(raw: str, split_by: str | None) -> str:
        """The full path the export goes to, on its own line (the field may be too narrow)."""
        return target_text(raw, split_by)

    @on(Input.Changed, "#export-path")
    def _path_changed(self) -> None:
        self._show_target()

    def _show_target(self) -> None:
        raw = self.query_one("#export-path", Input).value
        split_by = self._value("#export-split")
        target = ""
        if raw.strip():
            path = self.resolved_path(raw)
            if not split_by and path.is_dir():  # a folder: the default name goes inside it
                path = path / self._default_path(*self._choice()).name
            target = str(path)
        self.query_one("#export-target", Static).update(self._target_text(target, split_by))

    #: False where a split cannot be offered (a browser download is one file)
    OFFERS_SPLIT: ClassVar[bool] = True

    def _enable_filters(self, what: str, fmt: str) -> None:
        """Show the action filters (and the split) only where they apply: hidden fields are
        out of the Tab order too."""
        exporter = get_exporter(what, fmt)
        shown_by_id = {
            widget_id: exporter.takes_filters
            and (widget_id != "#export-split" or self.OFFERS_SPLIT)
            for widget_id in _FILTER_IDS
        }
        plan = exporter.document and exporter.takes_filters
        shown_by_id["#export-group-by"] = shown_by_id["#export-columns"] = plan
        shown_by_id["#export-paper"] = exporter.paged
        for widget_id, shown in shown_by_id.items():
            field = self.query_one(widget_id)
            field.disabled = not shown
            if field.parent is not None:
                field.parent.display = shown

    # -- events ----------------------------------------------------------------------------
    @on(Select.Changed, "#export-what")
    def _what_changed(self, event: Select.Changed) -> None:
        what = str(event.value)
        if what == self._last_what:  # the Changed of the value it opened with (recalled)
            return
        fmt_select = self.query_one("#export-format", Select)
        old = self._default_path(self._last_what, self._last_fmt, self._last_split)
        fmt_select.set_options(format_options(what))
        fmt_select.value = formats_for(what)[0]
        self._enable_filters(what, formats_for(what)[0])
        self._refresh_path(old)
        self._remember()

    @on(Select.Changed, "#export-format")
    @on(Select.Changed, "#export-split")
    def _format_changed(self, event: Select.Changed) -> None:
        what, fmt, _split = self._choice()
        self._enable_filters(what, fmt)
        old = self._default_path(self._last_what, self._last_fmt, self._last_split)
        self._refresh_path(old)
        self._show_target()
        self._remember()

    def _remember(self) -> None:
        self._last_what, self._last_fmt, self._last_split = self._choice()

    @on(Button.Pressed, "#export-run")
    def _run_pressed(self) -> None:
        self.action_export()

    @on(Button.Pressed, "#export-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    @on(Input.Submitted, "#export-path")
    def _path_submitted(self) -> None:
        self.action_export()

    # -- actions ---------------------------------------------------------------------------
    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_export(self) -> None:
        if self.busy:
            return
        raw = self._path_value()
        if not raw:
            self._show_error(_("Give a file (or, when splitting, a folder) to save to."))
            return
        what, fmt, split_by = self._choice()
        filters = self._filters() if get_exporter(what, fmt).takes_filters else ActionFilter()
        try:
            layout = self._layout(what, fmt)
        except ExportError as err:
            self._show_error(str(err))
            self.query_one("#export-columns", Input).focus()
            return
        choices = (what, fmt, raw, filters, split_by, layout)
        replace_ok = choices == self._replace_ok
        self._replace_ok = None
        self._show_error("")
        self.busy = True
        self.query_one("#export-run", Button).disabled = True
        self._write(
            what, fmt, self.resolved_path(raw), filters, split_by, layout, choices, replace_ok
        )

    @work(thread=True, exclusive=True, group="export")
    def _write(
        self,
        what: str,
        fmt: str,
        path: Path,
        filters: ActionFilter,
        split_by: str | None,
        layout: Layout,
        choices: tuple[object, ...],
        replace_ok: bool,
    ) -> None:
        try:
            if not replace_ok:
                targets = planned_paths(
                    self.store, self.session_id, what, fmt, path, filters, split_by
                )
                existing = [p for p in targets if p.exists()]
                if existing:
                    self.app.call_from_thread(self._ask_to_replace, existing, choices, split_by)
                    return
            written = export_to_path(
                self.store, self.session_id, what, fmt, path, filters, split_by, layout=layout
            )
        except (ExportError, StoreError) as err:
            self.app.call_from_thread(self._failed, str(err))
            return
        # the folder the file went to; for a split, the folder that holds the split folder
        folder = path.parent if split_by or not written else written[0].parent
        self.store.prefs.set(PREF_KEY, LastExport(what, fmt, folder).to_pref())  # best effort
        self.app.call_from_thread(self._done, written)

    def _ask_to_replace(
        self, existing: list[Path], choices: tuple[object, ...], split_by: str | None
    ) -> None:
        self.busy = False
        self.query_one("#export-run", Button).disabled = False
        message = replace_message(existing, split_by)
        self._show_error(message, replace=True)
        self._replace_ok = choices

    def _failed(self, message: str) -> None:
        self.busy = False
        self.query_one("#export-run", Button).disabled = False
        self._show_error(message)
        self.app.notify(message, title=_("Export failed"), severity="error", timeout=12)

    def _done(self, written: list[Path]) -> None:
        self.busy = False
        message = saved_message(written)
        self.app.notify(message, title=_("Export"), timeout=10)
        self.dismiss(written)


def open_export_dialog(screen: Screen[Any], session_id: str, *, folder: Path | None = None) -> None:
    """Open the export dialog for ``session_id`` over ``screen`` (the session screen's
    ``ctrl+e``); when the session cannot be read, a notification says why instead."""
    store = getattr(screen.app, "store", None)
    if not isinstance(store, Store):
        screen.notify(
            _("Export needs the workshop data folder."), title=_("Cannot export"), severity="error"
        )
        return
    try:
        if getattr(screen.app, "served", False):
            # served to a browser: a download, never a file on this laptop
            from workshop_tui.ui.screens.export_download import DownloadExportDialog

            dialog: ExportDialog = DownloadExportDialog(store, session_id)
        else:
            dialog = ExportDialog(store, session_id, folder=folder)
    except StoreError as err:
        screen.notify(str(err), title=_("Cannot export"), severity="error", timeout=12)
        return
    screen.app.push_screen(dialog)
