"""Shared helpers for the plenary / actions / review / search / follow-up Pilot tests."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))

import plenary_sample  # noqa: E402
from plenary_sample import EARLIER_ID, NEW_ID, TODAY  # noqa: E402
from rich.text import Text  # noqa: E402
from textual.coordinate import Coordinate  # noqa: E402
from textual.widgets import DataTable  # noqa: E402

from workshop_tui.core.store import Store  # noqa: E402
from workshop_tui.ui.app import WorkshopApp  # noqa: E402
from workshop_tui.ui.screens.session import SessionScreen  # noqa: E402
from workshop_tui.ui.widgets.table import RowTable  # noqa: E402

__all__ = [
    "EARLIER_ID",
    "NEW_ID",
    "TODAY",
    "cell_text",
    "choose",
    "column_of",
    "column_texts",
    "current_id",
    "make_app",
    "plenary_sample",
    "session_screen",
]


def make_app(
    data_dir: Path, *, follow_up: bool = False, session_id: str | None = NEW_ID, **options: Any
) -> WorkshopApp:
    """The sample data (earlier + current session) and an app on it with today fixed."""
    plenary_sample.build(data_dir, follow_up=follow_up)
    return WorkshopApp(store=Store(data_dir), session_id=session_id, today=lambda: TODAY, **options)


def cell_text(table: DataTable, row: int, column: int) -> str:
    """What a DataTable cell shows, as plain text."""
    value = table.get_cell_at(Coordinate(row, column))
    return value.plain if isinstance(value, Text) else str(value)


def current_id(table: RowTable[Any]) -> str:
    """The id of the entry under a RowTable's cursor."""
    assert table.current is not None
    return str(table.current.id)


def column_texts(table: DataTable, column: int) -> list[str]:
    return [cell_text(table, row, column) for row in range(table.row_count)]


def session_screen(app: WorkshopApp) -> SessionScreen:
    assert isinstance(app.screen, SessionScreen), type(app.screen)
    return app.screen


def column_of(table: DataTable | RowTable[Any], key: str) -> list[str]:
    """What the column with ``key`` shows, top to bottom, as plain text (a RowTable's cells
    before they are cut to the column)."""
    if isinstance(table, RowTable):
        values = [table.cell_value(row, key) for row in range(table.row_count)]
    else:
        values = list(table.get_column(key))
    return [v.plain if isinstance(v, Text) else str(v) for v in values]


def choose(screen: Any, name: str, *values: str) -> None:
    """Set the action list's ``name`` filter to ``values`` as its picker would."""
    chip = screen.query_one(f"#filter-{name}")
    chip.set_values(list(values))
    chip.post_message(chip.Changed(chip, list(chip.values)))
