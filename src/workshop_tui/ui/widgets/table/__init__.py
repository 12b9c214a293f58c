"""A fast read-only table for long lists (the sessions history, the action register, search
results): only the visible rows are drawn, so replacing 1,000 rows costs nothing, and every
column has a width set when the rows are given.

Why not Textual's DataTable: it measures auto-width columns in its Idle handler, which only
runs after the table itself handles a message. Rows given from a worker's callback (no
message to the table) were drawn with every column as wide as its label — "2026-11" for a
date, "7" for 713 — until a key press woke the table up; and measuring 1,000 rows × 12
cells took 0.4–0.8 s on each refill.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from rich.cells import cell_len, set_cell_size
from rich.control import strip_control_codes
from rich.segment import Segment
from rich.style import Style
from rich.text import Span, Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from workshop_tui.core.i18n import N_
from workshop_tui.ui.widgets.kept_lines import KeptScrollBars

RowT = TypeVar("RowT")
Cell = str | Text

#: the description of a worker that filters a table's rows. Without one, Textual's ``@work``
#: describes a worker by the repr of every argument, on the event loop: for the 1,000
#: session summaries of the history that was 14 ms of every F4 keystroke.
FILTER_WORK = "filter rows"


@dataclass(frozen=True)
class Column:
    """One column: ``width`` cells wide; ``flex`` columns share what the others leave.

    ``drop``: when the table is too narrow for every column, the columns with a ``drop`` are
    left out, the highest first, until the rest fit (0: always shown). A screen that drops
    columns shows their values in full elsewhere (the detail box under the table)."""

    key: str
    label: str
    width: int
    justify: str = "left"  # "left" or "right"
    flex: bool = False
    min_width: int = 0
    drop: int = 0


def _needed(columns: Sequence[Column], gap: int, natural: bool) -> int:
    """Cells ``columns`` take: flex columns at their least (or, ``natural``, at their own
    width when they have one)."""
    cells = 0
    for c in columns:
        if not c.flex:
            cells += c.width
        else:
            cells += max(c.min_width, c.width) if natural and c.width else c.min_width
    return cells + gap * max(0, len(columns) - 1)


def fold_columns(columns: Sequence[Column], total: int, gap: int = 1) -> list[Column]:
    """The columns that fit ``total`` cells: the droppable ones left out, highest ``drop``
    first, until the rest fit; then each one left out comes back (lowest ``drop`` first) if
    it fits beside every other column at its own width. Order is kept."""
    kept = list(columns)
    while _needed(kept, gap, natural=False) > total:
        droppable = [c for c in kept if c.drop]
        if not droppable:
            break  # nothing left to leave out: the table scrolls sideways
        kept.remove(max(droppable, key=lambda c: c.drop))
    for column in sorted((c for c in columns if c not in kept), key=lambda c: c.drop):
        trial = [c for c in columns if c in kept or c is column]
        if _needed(trial, gap, natural=True) <= total:
            kept = trial
    return kept


def fit_columns(columns: Sequence[Column], total: int, gap: int = 1) -> list[Column]:
    """The columns for a table ``total`` cells wide (:func:`fold_columns`), the flex ones
    given what is left (never less than their ``min_width``, in which case the table
    scrolls sideways)."""
    columns = fold_columns(columns, total, gap)
    fixed = sum(c.width for c in columns if not c.flex) + gap * max(0, len(columns) - 1)
    flex = [c for c in columns if c.flex]
    if not flex:
        return list(columns)
    share = max(0, total - fixed) // len(flex)
    out = []
    for c in columns:
        if c.flex:
            width = max(c.min_width, min(c.width, share)) if c.width else max(c.min_width, share)
            c = Column(c.key, c.label, width, c.justify, True, c.min_width, c.drop)
        out.append(c)
    return out


def _fit(cell: Cell, width: int, justify: str) -> Text:
    if width <= 0:  # Text.truncate(0) would leave the whole text: it would spill over
        return Text()
    text = cell.copy() if isinstance(cell, Text) else Text(cell)
    text.no_wrap = True
    if "\n" in text.plain:
        text = Text(" ".join(text.plain.split()), style=text.style)
    text.truncate(width, overflow="ellipsis", pad=False)
    pad = width - text.cell_len
    if pad > 0:
        if justify == "right":
            text = Text(" " * pad) + text
        else:
            text.append(" " * pad)
    return text


def _fit_plain(plain: str, width: int, justify: str) -> tuple[str, int, int]:
    """What :func:`_fit` makes of a cell without styled parts of its own: the text in the
    column, and where the cell's own text (which its style covers) starts and ends in it.

    The style covers the padding too when the text is on the left (``_fit`` appended the
    padding to the cell's ``Text``), not when it is on the right."""
    if width <= 0:
        return "", 0, 0
    if "\n" in plain:
        plain = " ".join(plain.split())
    if cell_len(plain) > width:
        plain = set_cell_size(plain, width - 1) + "…"
    pad = width - cell_len(plain)
    if pad <= 0:
        return plain, 0, len(plain)
    if justify == "right":
        return " " * pad + plain, pad, pad + len(plain)
    piece = plain + " " * pad
    return piece, 0, len(piece)


#: at most about this many drawn lines are kept (``cache_lines``); then they are drawn anew
LINE_CACHE_SIZE = 2000


class RowTable(ScrollView, KeptScrollBars, Generic[RowT], can_focus=True):
    """Rows of objects drawn through ``cell(row, column_key)``; a row cursor; a header line
    that stays on top. Enter posts :class:`RowTable.Selected`, cursor moves post
    :class:`RowTable.Highlighted`, a click on a header :class:`RowTable.HeaderClicked`."""

    DEFAULT_CSS = """
    RowTable { background: $surface; scrollbar-gutter: stable; }
    RowTable > .rowtable--header { text-style: bold; background: $panel; }
    RowTable > .rowtable--odd { background: $surface-lighten-1; }
    RowTable > .rowtable--cursor { background: $block-cursor-blurred-background; }
    RowTable:focus > .rowtable--cursor { background: $block-cursor-background;
        color: $block-cursor-foreground; text-style: $block-cursor-text-style; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "rowtable--header",
        "rowtable--odd",
        "rowtable--cursor",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", show=False),
        Binding("down", "cursor(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("home", "first", N_("First"), show=False, id="table.first"),
        Binding("end", "last", N_("Last"), show=False, id="table.last"),
        Binding("left", "scroll_left", show=False),
        Binding("right", "scroll_right", show=False),
        Binding("enter", "select", show=False),
    ]

    cursor_row: reactive[int] = reactive(0, always_update=True, init=False)

    class Highlighted(Message):
        def __init__(self, table: RowTable[Any], row: int) -> None:
            super().__init__()
            self.table = table
            self.row = row

        @property
        def control(self) -> RowTable[Any]:
            return self.table

    class Selected(Highlighted):
        """Enter (or a click on the highlighted row)."""

    class HeaderClicked(Message):
        def __init__(self, table: RowTable[Any], key: str) -> None:
            super().__init__()
            self.table = table
            self.key = key

        @property
        def control(self) -> RowTable[Any]:
            return self.table

    def __init__(
        self,
        cell: Callable[[RowT, str], Cell],
        *,
        id: str | None = None,
        classes: str | None = None,
        cache_lines: bool = False,
    ) -> None:
        """``cache_lines``: keep each row's drawn line (by the row object: also across
        :meth:`set_rows`, so a row shown again after a filter change is not drawn again)
        until the columns or styles change. Only for a ``cell`` that depends on the row
        alone: a table whose cells show other state (marks, warnings worked out again) must
        call :meth:`clear_line_cache` when that changes."""
        super().__init__(id=id, classes=classes)
        self._cell = cell
        self._columns: list[Column] = []
        self._wanted: list[Column] = []
        self.rows: list[RowT] = []
        self.gap = 1
        #: drawn lines by (id of the row or -1 for the header, the line's style: stripe or
        #: cursor, focused or not, scroll x, width), each with its row (kept: its id is not
        #: reused). Keyed by the style, lines stay valid across a focus change or a restyle.
        self._line_cache: dict[tuple[int, Style, int, int], tuple[object, Strip]] | None = (
            {} if cache_lines else None
        )
        #: the header's, a row's, an odd row's and the cursor row's styles, worked out once
        #: per style change (``rich_style`` walks every ancestor: a quarter of a ms a line)
        self._styles: tuple[Style, Style, Style, Style] | None = None

    # -- data --------------------------------------------------------------------------
    @property
    def columns(self) -> list[Column]:
        """The columns as drawn (flex widths resolved)."""
        return self._columns

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def set_columns(self, columns: Sequence[Column]) -> None:
        self._wanted = list(columns)
        self._layout_columns()

    def set_rows(self, rows: Sequence[RowT], cursor: int | None = None) -> None:
        """Show ``rows`` (cheap: nothing is drawn until it is on screen); the cursor goes to
        ``cursor`` (default: kept, within the new rows)."""
        self.rows = list(rows)
        if self._line_cache is not None and len(self._line_cache) > LINE_CACHE_SIZE:
            self._line_cache.clear()
        row = self.cursor_row if cursor is None else cursor
        self._update_virtual_size()
        self._set_cursor(max(0, min(row, len(self.rows) - 1)))
        self.refresh()

    def _layout_columns(self) -> None:
        width = self.scrollable_content_region.width or self.size.width or 80
        columns = fit_columns(self._wanted, width, self.gap)
        if columns != self._columns:
            self._columns = columns
            self.clear_line_cache()
        self._update_virtual_size()
        self.refresh()

    def _update_virtual_size(self) -> None:
        width = sum(c.width for c in self._columns) + self.gap * max(0, len(self._columns) - 1)
        self.virtual_size = Size(width, len(self.rows) + 1)

    def on_resize(self, event: events.Resize) -> None:
        self._layout_columns()

    @property
    def current(self) -> RowT | None:
        return self.rows[self.cursor_row] if 0 <= self.cursor_row < len(self.rows) else None

    # -- drawing -----------------------------------------------------------------------
    def clear_line_cache(self) -> None:
        """Draw every line again (with ``cache_lines``: what a cell shows has changed)."""
        if self._line_cache is not None:
            self._line_cache.clear()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = None  # focus, theme: the cursor and stripes may change colour

    def watch_has_focus(self, has_focus: bool) -> None:
        super().watch_has_focus(has_focus)
        self._styles = None  # the cursor row's colour follows the focus

    def _line_styles(self) -> tuple[Style, Style, Style, Style]:
        if self._styles is None:
            base = self.rich_style
            self._styles = (
                self.get_component_rich_style("rowtable--header"),
                base,
                base + self.get_component_rich_style("rowtable--odd"),
                base + self.get_component_rich_style("rowtable--cursor"),
            )
        return self._styles

    def _line(self, cells: Sequence[Cell], style: Style) -> Strip:
        """One line of ``cells`` (one per column, as the cell function gives them) in
        ``style``: the cells fitted to their columns with :data:`gap` spaces between, drawn
        as one Rich ``Text`` would be (the same segments: snapshots compare them).

        Built straight from the cells' plain text and styles: a ``Text`` copied, cut and
        padded per cell, then appended, took most of a line's ~0.2 ms."""
        parts: list[str] = []
        spans: list[Span] = []
        offset = 0
        gap = " " * self.gap
        for number, (cell, column) in enumerate(zip(cells, self._columns, strict=False)):
            if number and gap:
                parts.append(gap)
                offset += len(gap)
            if isinstance(cell, Text) and cell.spans:  # styled parts of its own: the long way
                fitted = _fit(cell, column.width, column.justify)
                plain, cell_style, moved = fitted.plain, fitted.style, fitted.spans
                if cell_style:
                    spans.append(Span(offset, offset + len(plain), cell_style))
                spans.extend(span.move(offset) for span in moved)
                parts.append(plain)
                offset += len(plain)
                continue
            if isinstance(cell, Text):
                plain, cell_style = cell.plain, cell.style
            else:
                plain, cell_style = strip_control_codes(cell), ""
            piece, start, end = _fit_plain(plain, column.width, column.justify)
            if cell_style and end > start:
                spans.append(Span(offset + start, offset + end, cell_style))
            parts.append(piece)
            offset += len(piece)
        line = Text("".join(parts), style=style, no_wrap=True, end="", spans=spans)
        segments = [
            Segment(s.text, style + s.style if s.style else style)
            for s in line.render(self.app.console)
        ]
        return Strip(segments, line.cell_len)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        scroll_x, scroll_y = self.scroll_offset
        if self._line_cache is None:
            return self._render_line(y, width, scroll_x, scroll_y)
        index = -1 if y == 0 else scroll_y + y - 1
        header, even, odd, cursor = self._line_styles()
        if index == -1:
            row: object = None
            key = (-1, header, scroll_x, width)
        elif 0 <= index < len(self.rows):
            row = self.rows[index]
            style = cursor if index == self.cursor_row else odd if index % 2 else even
            key = (id(row), style, scroll_x, width)
        else:
            return self._render_line(y, width, scroll_x, scroll_y)  # under the last row
        cached = self._line_cache.get(key)
        if cached is not None and cached[0] is row:
            return cached[1]
        strip = self._render_line(y, width, scroll_x, scroll_y)
        self._line_cache[key] = (row, strip)
        return strip

    def _render_line(self, y: int, width: int, scroll_x: int, scroll_y: int) -> Strip:
        header, even, odd, cursor = self._line_styles()
        if y == 0:
            style = header
            cells: list[Cell] = [c.label for c in self._columns]
        else:
            index = scroll_y + y - 1
            if not 0 <= index < len(self.rows):
                return Strip.blank(width, even)
            row = self.rows[index]
            if index == self.cursor_row:
                style = cursor
            elif index % 2:
                style = odd
            else:
                style = even
            cells = [self._cell(row, c.key) for c in self._columns]
        strip = self._line(cells, style)
        return strip.crop_extend(scroll_x, scroll_x + width, style)

    def cell_value(self, index: int, key: str) -> Cell:
        """What column ``key`` of row ``index`` holds, before it is fitted to the column."""
        return self._cell(self.rows[index], key)

    def row_text(self, index: int) -> list[str]:
        """The cells of row ``index`` as drawn (plain text, padded to the column widths)."""
        row = self.rows[index]
        return [_fit(self._cell(row, c.key), c.width, c.justify).plain for c in self._columns]

    # -- cursor --------------------------------------------------------------------------
    def _set_cursor(self, row: int) -> None:
        self.cursor_row = row
        self._scroll_to_cursor()

    def watch_cursor_row(self, old: int, new: int) -> None:
        self.refresh()
        if self.rows:
            self.post_message(self.Highlighted(self, new))

    def _visible_rows(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def _scroll_to_cursor(self) -> None:
        top = round(self.scroll_y)
        visible = self._visible_rows()
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False)
        elif self.cursor_row >= top + visible:
            self.scroll_to(y=self.cursor_row - visible + 1, animate=False)

    def move_cursor(self, row: int) -> None:
        if self.rows:
            self._set_cursor(max(0, min(row, len(self.rows) - 1)))

    def action_cursor(self, delta: int) -> None:
        self.move_cursor(self.cursor_row + delta)

    def action_page(self, direction: int) -> None:
        self.move_cursor(self.cursor_row + direction * self._visible_rows())

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(len(self.rows) - 1)

    def action_select(self) -> None:
        if self.current is not None:
            self.post_message(self.Selected(self, self.cursor_row))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        if offset.y == 0:
            x = offset.x + round(self.scroll_x)
            for column in self._columns:
                if x < column.width + self.gap:
                    self.post_message(self.HeaderClicked(self, column.key))
                    return
                x -= column.width + self.gap
            return
        index = round(self.scroll_y) + offset.y - 1
        if 0 <= index < len(self.rows):
            if index == self.cursor_row and event.chain > 1:
                self.action_select()
            else:
                self.move_cursor(index)


__all__ = ["FILTER_WORK", "Cell", "Column", "RowTable", "fit_columns", "fold_columns"]
