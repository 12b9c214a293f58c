"""Import dialog: merge one or more session bundles (other scribes' work) into the data folder.

The paths are typed in one input (separated by spaces; quote a path that has spaces). The
merge runs in a worker thread (:func:`workshop_tui.core.merge.import_bundles`: every file is
validated before anything is written); the dialog then shows one line per bundle — added,
updated, deleted, unchanged — or each bad file with its reason, and stays open so the paths
can be fixed. Dismisses with the reports (None when nothing was imported).

Opened from a session (``session_id``), a checkbox offers to merge the bundles' entries into
that session even when they come from other sessions (``import --into``).
"""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Checkbox, Input, Static

from workshop_tui.core.i18n import N_, _, ngettext
from workshop_tui.core.merge import MergeError, MergeReport, import_bundles
from workshop_tui.core.schema.validator import and_more
from workshop_tui.core.store import Store, StoreError


def parse_paths(text: str, folder: Path) -> list[Path]:
    """Split the typed paths (shell-style quoting); relative ones are taken from ``folder``.

    Raises ValueError with a reason (an unclosed quote, or no path at all)."""
    try:
        words = shlex.split(text)
    except ValueError as err:
        raise ValueError(_("cannot read the paths: {err}").format(err=err)) from None
    if not words:
        raise ValueError(_("Give one or more bundle files (.json), separated by spaces."))
    return [folder / Path(word).expanduser() for word in words]


class ImportDialog(ModalScreen[list[MergeReport] | None]):
    """Merge bundles into ``store`` (see module docstring)."""

    DEFAULT_CSS = """
    ImportDialog #import-paths {
        width: 1fr;
    }
    ImportDialog #import-result-box {
        height: auto;
        max-height: 8;
    }
    ImportDialog #import-result {
        height: auto;
        margin-top: 1;
        display: none;
    }
    ImportDialog #import-result.-shown {
        display: block;
    }
    ImportDialog #import-result.-error {
        color: $text-error;
    }
    ImportDialog #import-buttons {
        height: auto;
        align-horizontal: right;
    }
    ImportDialog #import-close {
        margin-left: 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", N_("Close"), id="import_dialog.close"),
        Binding("ctrl+s", "run_import", N_("Import"), id="import_dialog.import", priority=True),
    ]

    def __init__(self, store: Store, *, folder: Path | None = None, session_id: str = "") -> None:
        super().__init__()
        self.store = store
        self.folder = folder if folder is not None else Path.cwd()
        self.session_id = session_id
        # read here, not in compose: a damaged session file is then a notification from
        # open_import_dialog, not a crash while the dialog is drawn
        self.session_title = store.open_session(session_id).session.title if session_id else ""
        self.busy = False
        self.reports: list[MergeReport] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="import-dialog", classes="dialog") as panel:
            panel.border_title = _("Import session bundles (merge other scribes' work)")
            yield Static(
                _(
                    "Bundles come from: workshop-tui export SESSION --what bundle. "
                    "Entries merge one by one; the most recent version wins, deletions included."
                ),
                classes="dialog-help",
            )
            yield Input(placeholder=_("group-a.json group-b.json"), id="import-paths")
            if self.session_id:
                yield Checkbox(
                    _(
                        "Merge into this session ({session_title}) even if the bundles come from other sessions"
                    ).format(session_title=self.session_title),
                    id="import-into",
                )
            # one line or more per bundle: scrolls, so the buttons stay on an 80x24 screen
            with VerticalScroll(id="import-result-box"):
                yield Static(id="import-result", markup=False)
            with Horizontal(id="import-buttons"):
                yield Button(_("Import"), variant="primary", id="import-run")
                yield Button(_("Close"), id="import-close")
            yield Static(_("Enter or ctrl+s import · Esc close"), classes="dialog-help")

    def on_mount(self) -> None:
        self.query_one("#import-paths", Input).focus()

    # -- helpers ---------------------------------------------------------------------------
    def _show(self, message: str, *, error: bool = False) -> None:
        result = self.query_one("#import-result", Static)
        result.update(message)
        result.set_class(bool(message), "-shown")
        result.set_class(error, "-error")

    # -- events ----------------------------------------------------------------------------
    @on(Button.Pressed, "#import-run")
    @on(Input.Submitted, "#import-paths")
    def _run_requested(self) -> None:
        self.action_run_import()

    @on(Button.Pressed, "#import-close")
    def _close_pressed(self) -> None:
        self.action_close()

    # -- actions ---------------------------------------------------------------------------
    def action_close(self) -> None:
        if not self.busy:
            self.dismiss(self.reports or None)

    def action_run_import(self) -> None:
        if self.busy:
            return
        try:
            paths = parse_paths(self.query_one("#import-paths", Input).value, self.folder)
        except ValueError as err:
            self._show(str(err), error=True)
            return
        self.busy = True
        self.query_one("#import-run", Button).disabled = True
        self._show("Importing…")
        into = ""
        if self.session_id and self.query_one("#import-into", Checkbox).value:
            into = self.session_id
        self._merge(paths, into)

    @work(thread=True, exclusive=True, group="import")
    def _merge(self, paths: list[Path], into: str) -> None:
        try:
            reports = import_bundles(self.store, paths, into=into)
        except MergeError as err:
            self.app.call_from_thread(self._failed, err.problems)
            return
        except StoreError as err:  # e.g. the data folder became read-only mid-way
            self.app.call_from_thread(self._failed, [str(err)])
            return
        self.app.call_from_thread(self._done, reports)

    def _failed(self, problems: list[str]) -> None:
        """Every problem, one line each (file, field, what is wrong; the box scrolls), under
        a heading that says nothing was written; the notification gives the first one."""
        self.busy = False
        self.query_one("#import-run", Button).disabled = False
        heading = ngettext(
            "Nothing was imported; fix this in the bundle and import again:",
            "Nothing was imported; fix these {n} problems in the bundles and import again:",
            len(problems),
        ).format(n=len(problems))
        self._show(heading + "\n" + "\n".join(problems), error=True)
        first = problems[0] + and_more(len(problems) - 1)
        self.app.notify(first, title=_("Import failed"), severity="error", timeout=12)

    def _done(self, reports: list[MergeReport]) -> None:
        self.busy = False
        self.query_one("#import-run", Button).disabled = False
        self.reports.extend(reports)
        # each bundle's line, then what it decided entry by entry (kept local edits,
        # deletions), so nothing is silently counted as "unchanged"
        lines: list[str] = []
        for report in reports:
            lines.append(report.line())
            lines += [f"  {detail}" for detail in report.detail_lines()]
        self._show("\n".join(lines))
        added = sum(r.added for r in reports)
        updated = sum(r.updated for r in reports)
        deleted = sum(r.deleted for r in reports)
        kept = sum(r.kept_local for r in reports)
        message = _(
            "{count} bundle(s): {added} added, {updated} updated, {deleted} deleted"
        ).format(count=len(reports), added=added, updated=updated, deleted=deleted)
        if kept:
            message += ", " + _("{n} kept the newer local edit").format(n=kept)
        self.app.notify(message, title=_("Import"), timeout=10)
        self.query_one("#import-close", Button).focus()


def open_import_dialog(
    screen: Screen[Any], session_id: str = "", *, folder: Path | None = None
) -> None:
    """Open the import dialog over ``screen`` (a start-screen key, or the session screen's
    command with ``session_id``). After an import the screen is redrawn from the store:
    its ``refresh_all()`` or ``action_reload()`` is called — this process wrote the file, so
    the screen's poll for other processes' changes would not notice."""
    store = getattr(screen.app, "store", None)
    if not isinstance(store, Store):
        screen.notify(
            _("Import needs the workshop data folder."), title=_("Cannot import"), severity="error"
        )
        return
    try:
        dialog = ImportDialog(store, folder=folder, session_id=session_id)
    except StoreError as err:
        screen.notify(str(err), title=_("Cannot import"), severity="error", timeout=12)
        return

    def imported(reports: list[MergeReport] | None) -> None:
        if not reports:
            return
        redraw = getattr(screen, "refresh_all", None) or getattr(screen, "action_reload", None)
        if callable(redraw):
            redraw()

    screen.app.push_screen(dialog, imported)
