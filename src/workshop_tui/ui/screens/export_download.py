"""The export dialog of a served app: the file goes to the browser as a download.

Same choices as :class:`~workshop_tui.ui.screens.export_dialog.ExportDialog` (what, format,
action filters) but no path of this laptop is shown, typed or written: the export is rendered
in memory and handed to Textual's ``deliver_binary``, which textual-serve turns into a
download, named as ``workshop-tui export`` names the file. Splitting into one file per owner
is a command-line feature (it writes a folder).
"""

from __future__ import annotations

import io
from pathlib import Path

from textual import work
from textual.widgets import Button, Input

from workshop_tui.core.export import (
    ActionFilter,
    ExportError,
    ExportOptions,
    Layout,
    default_filename,
    export,
    get_exporter,
)
from workshop_tui.core.i18n import _
from workshop_tui.core.store import Store, StoreError
from workshop_tui.ui.screens.export_dialog import ExportDialog


class DownloadExportDialog(ExportDialog):
    """Export as a browser download (see module docstring)."""

    OFFERS_SPLIT = False  # one download, never a folder of files

    def __init__(self, store: Store, session_id: str) -> None:
        super().__init__(store, session_id, folder=Path())  # no folder of this laptop

    def on_mount(self) -> None:
        super().on_mount()
        for field in ("#export-split", "#export-path"):
            parent = self.query_one(field).parent
            if parent is not None:
                parent.display = False

    def _default_path(self, what: str, fmt: str, split_by: str | None = None) -> Path:
        return Path(default_filename(self.session, what, fmt))

    @staticmethod
    def _target_text(raw: str, split_by: str | None) -> str:
        name = Path(raw.strip()).name
        return _("→ downloads in this browser as {name}").format(name=name) if name else ""

    def _refresh_path(self, previous: Path) -> None:
        # the name always follows the choice: it cannot be typed here
        self.query_one("#export-path", Input).value = str(self._default_path(*self._choice()))

    def action_export(self) -> None:
        if self.busy:
            return
        what, fmt, _split = self._choice()
        filters = self._filters() if get_exporter(what, fmt).takes_filters else ActionFilter()
        try:
            layout = self._layout(what, fmt)
        except ExportError as err:
            self._show_error(str(err))
            return
        self._show_error("")
        self.busy = True
        self.query_one("#export-run", Button).disabled = True
        self._export_in_memory(what, fmt, filters, layout)

    @work(thread=True, exclusive=True, group="export")
    def _export_in_memory(self, what: str, fmt: str, filters: ActionFilter, layout: Layout) -> None:
        try:
            session_store = self.store.open_session(self.session_id)
            options = ExportOptions(filters=filters, layout=layout)
            payload = export(session_store, what, fmt, options)
        except (ExportError, StoreError) as err:
            self.app.call_from_thread(self._failed, str(err))
            return
        name = default_filename(session_store.session, what, fmt)
        self.app.call_from_thread(self._deliver, name, payload)

    def _deliver(self, name: str, payload: bytes) -> None:
        self.busy = False
        self.app.deliver_binary(io.BytesIO(payload), save_filename=name)
        self.app.notify(_("Downloading {name}").format(name=name), title=_("Export"), timeout=10)
        self.dismiss([])
