"""Compare two workshops (F4: mark two sessions with ``m``, then ``c``): per topic and per
group, the counts of challenges, solutions and actions and how many actions were done, side
by side, and each topic's top-voted challenges (:mod:`workshop_tui.core.compare`). ``x``
writes the comparison to a Markdown, HTML or Word file.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich import box
from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from workshop_tui.core.compare import Comparison, compare
from workshop_tui.core.compare_export import (
    FORMATS,
    cells,
    facts,
    render,
    title,
    top_lines,
)
from workshop_tui.core.export import safe_filename
from workshop_tui.core.i18n import N_, _, current_language, translator
from workshop_tui.core.store import StoreError
from workshop_tui.ui.translate import Footer
from workshop_tui.ui.widgets.table.export import export_to_file


class CompareScreen(Screen[None]):
    """Two workshops side by side (see module docstring)."""

    DEFAULT_CSS = """
    CompareScreen #compare-title { height: 1; background: $panel; padding: 0 1; }
    CompareScreen #compare-body { height: 1fr; padding: 0 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("x", "export", N_("Export"), id="compare.export"),
        Binding("escape", "close", N_("Back"), id="compare.close"),
    ]

    def __init__(self, first: str, second: str) -> None:
        super().__init__()
        self.ids = (first, second)
        self.comparison: Comparison | None = None

    def compose(self) -> ComposeResult:
        yield Static(Text(_("Comparing…"), "bold"), id="compare-title")
        with VerticalScroll(id="compare-body"):
            yield Static(id="compare-tables")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#compare-body").focus()
        self._load()

    @work(thread=True, exclusive=True, group="compare")
    def _load(self) -> None:
        store = self.app.store  # type: ignore[attr-defined]
        try:
            a, b = (store.open_session(i) for i in self.ids)
            if a.session.started > b.session.started:
                a, b = b, a  # the earlier workshop on the left
            result = compare(a, b)
        except StoreError as err:
            self.app.call_from_thread(
                self.notify, str(err), title=_("Cannot compare"), severity="error", timeout=12
            )
            return
        self.app.call_from_thread(self._show, result)

    def _show(self, c: Comparison) -> None:
        self.comparison = c
        t = translator(current_language())
        heading = Text.assemble((title(c, t), "bold"))
        if not c.same_agenda:
            heading.append(" · " + _("different agendas: topics matched by title"), "yellow")
        self.query_one("#compare-title", Static).update(heading)
        parts: list[RenderableType] = []
        about = Table("", "", "", box=None, padding=(0, 1), show_header=False)
        for number, (label, first, second) in enumerate(facts(c, t)):
            if not number:  # the workshops' titles: which is A and which is B
                first, second = f"A · {first}", f"B · {second}"
            about.add_row(Text(label, "bold"), first, second)
        parts.append(about)
        tables = (
            (_("Totals"), "", [cells(c.total, t, _("All topics and groups"), short=True)]),
            (_("By topic"), _("Topic"), [cells(r, t, short=True) for r in c.topics]),
            (_("By group"), _("Group"), [cells(r, t, short=True) for r in c.groups]),
        )
        labels = (_("Challenges"), _("Solutions"), _("Actions"), _("Done"))
        for name, first_header, rows in tables:
            parts.append(_counts_table(name, first_header, labels, rows))
        top = Table(
            _("Topic"),
            title=_("Top-voted challenges"),
            title_justify="left",
            title_style="bold",
            box=box.SIMPLE_HEAD,
        )
        for side, session in (("A", c.a), ("B", c.b)):
            # one line each (cut with …): the titles are in full at the top
            top.add_column(Text(f"{side} · {session.title}", no_wrap=True, overflow="ellipsis"))
        for topic in c.topics:
            top.add_row(
                topic.label, "\n".join(top_lines(topic.a, t)), "\n".join(top_lines(topic.b, t))
            )
        parts.append(top)
        self.query_one("#compare-tables", Static).update(Group(*parts))

    def action_export(self) -> None:
        c = self.comparison
        if c is None:
            return
        name = safe_filename(f"compare {c.a.title} {c.b.title}")
        export_to_file(
            self,
            default=str(Path.home() / f"{name}.md"),
            title=_("Export the comparison"),
            prompt=_("File name (.md, .html or .docx); an existing file is replaced:"),
            formats=FORMATS,
            wrong_suffix=_("{name}: choose a name ending in .md, .html or .docx"),
            render=lambda fmt: render(c, fmt),
            written=lambda path: _("Wrote {path}").format(path=path),
        )

    def action_close(self) -> None:
        self.dismiss()


def _counts_table(
    name: str, first_header: str, labels: tuple[str, ...], rows: list[list[str]]
) -> Table:
    """A table of A │ B pairs under two-line headers (the measure, then "A │ B"), the │ of
    every line of a column under one another; only the first column wraps (at 80 columns
    one-line headers wrapped into "Challenges A / │ B")."""
    table = Table(
        first_header,
        title=name,
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        padding=(0, 1),
    )
    pairs = [[(r[1 + 2 * i], r[2 + 2 * i]) for i in range(len(labels))] for r in rows]
    lines: list[list[str]] = [[] for _r in rows]
    for i, label in enumerate(labels):
        wide_a = max([1, *(len(p[i][0]) for p in pairs)])
        wide_b = max([1, *(len(p[i][1]) for p in pairs)])
        wide = max(cell_len(label), wide_a + 3 + wide_b)
        # centred by hand and left-justified: Rich strips the spaces that line the │ up when
        # it centres or right-justifies a cell
        indent = " " * ((wide - wide_a - 3 - wide_b) // 2)
        head = " " * ((wide - cell_len(label)) // 2) + label
        table.add_column(f"{head}\n{indent}{'A':>{wide_a}} │ B", no_wrap=True, min_width=wide)
        for line, pair in zip(lines, pairs, strict=True):
            line.append(f"{indent}{pair[i][0]:>{wide_a}} │ {pair[i][1]}")
    for row, line in zip(rows, lines, strict=True):
        table.add_row(row[0], *line)
    return table
