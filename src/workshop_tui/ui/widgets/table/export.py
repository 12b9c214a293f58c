"""Writing what a history view shows to a file (the action register, a comparison): ask for
the file's name, its suffix picks the format, write it atomically, say what happened."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from workshop_tui.core.i18n import _
from workshop_tui.core.store import StoreError
from workshop_tui.core.store.storage import atomic_write_bytes
from workshop_tui.ui.widgets.export_path import ExportPathScreen


def export_to_file(
    screen: Any,
    *,
    default: str,
    title: str,
    prompt: str,
    formats: Sequence[str],
    wrong_suffix: str,
    render: Callable[[str], bytes],
    written: Callable[[Path], str],
) -> None:
    """Ask for a file name (``default`` first), then write ``render(format)`` there, the format
    being the name's suffix (one of ``formats``; else ``wrong_suffix``, with ``{name}``, is
    shown). ``written(path)`` is the message once it is written; nothing is half-written."""

    def write(path: Path) -> None:
        fmt = path.suffix.lower().lstrip(".")
        if fmt not in formats:
            screen.notify(wrong_suffix.format(name=path.name), severity="error", timeout=8)
            return
        try:
            atomic_write_bytes(path, render(fmt))
        except (StoreError, OSError) as err:
            screen.notify(str(err), title=_("Not exported"), severity="error", timeout=12)
            return
        screen.notify(written(path))

    def chosen(path: str | None) -> None:
        if path:
            write(Path(path).expanduser())

    screen.app.push_screen(ExportPathScreen(default, title, prompt), chosen)
