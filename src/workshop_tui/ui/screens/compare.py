"""Compare two workshops (F4: mark two sessions with ``m``, then ``c``): per topic and per
group, the counts of challenges, solutions and actions and how many actions were done, side
by side, and each topic's top-voted challenges (:mod:`workshop_tui.core.compare`). ``x``
writes the comparison to a Markdown, HTML or Word file.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich import box
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
from workshop_tui.core.store.storage import atomic_write_bytes
from workshop_tui.ui.translate import Footer
from workshop_tui.ui.widgets.export_path import ExportPathScreen


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
        about = Table("", "A", "B", box=None, padding=(0, 1), show_header=False)
        for label, first, second in facts(c, t):
            about.add_row(Text(label, "bold"), first, second)
        parts.append(about)
        tables = (
            (_("Totals"), "", [cells(c.total, t, _("All topics and groups"), short=True)]),
            (_("By topic"), _("Topic"), [cells(r, t, short=True) for r in c.topics]),
            (_("By group"), _("Group"), [cells(r, t, short=True) for r in c.groups]),
        )
        for name, first_header, rows in tables:
            table = Table(
                first_header,
                _("Challenges A │ B"),
                _("Solutions A │ B"),
                _("Actions A │ B"),
                _("Done A │ B"),
                title=name,
                title_justify="left",
                title_style="bold",
                box=box.SIMPLE_HEAD,
                padding=(0, 1),
            )
            for r in rows:
                table.add_row(
                    r[0],
                    f"{r[1]} │ {r[2]}",
                    f"{r[3]} │ {r[4]}",
                    f"{r[5]} │ {r[6]}",
                    f"{r[7]} │ {r[8]}",
                )
            parts.append(table)
        top = Table(
            _("Topic"),
            f"A · {c.a.title}",
            f"B · {c.b.title}",
            title=_("Top-voted challenges"),
            title_justify="left",
            title_style="bold",
            box=box.SIMPLE_HEAD,
        )
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
        default = str(Path.home() / f"{name}.md")

        def chosen(path: str | None) -> None:
            if path:
                self._export(Path(path).expanduser())

        self.app.push_screen(
            ExportPathScreen(
                default,
                _("Export the comparison"),
                _("File name (.md, .html or .docx); an existing file is replaced:"),
            ),
            chosen,
        )

    def _export(self, path: Path) -> None:
        assert self.comparison is not None
        fmt = path.suffix.lower().lstrip(".")
        if fmt not in FORMATS:
            self.notify(
                _("{name}: choose a name ending in .md, .html or .docx").format(name=path.name),
                severity="error",
                timeout=8,
            )
            return
        try:
            atomic_write_bytes(path, render(self.comparison, fmt))
        except (StoreError, OSError) as err:
            self.notify(str(err), title=_("Not exported"), severity="error", timeout=12)
            return
        self.notify(_("Wrote {path}").format(path=path))

    def action_close(self) -> None:
        self.dismiss()
