"""Plenary (report-back) screen: the topic × group grid, groups side by side, charts and
the action quality warnings of one session.

* Grid: challenges/solutions/actions per cell ("C/S/A") and the cell's dot votes ("●5"); a
  cell without an action is marked "!" and a topic without any action "⚠" (a legend line
  above the grid says so); the last column totals the topic's actions and votes. Enter on a
  cell opens the session at that topic and group.
* Side by side: one column per group for one topic; each entry shows its dot votes ("●3");
  ``v`` lists the most voted first (again: the pane's order); near-duplicates across groups
  (:mod:`workshop_tui.core.similarity`) carry "≈".
* Charts: entries per topic and per group, actions by status and by level (plotext bars).
* Warnings: every action with its quality warnings in words (:mod:`workshop_tui.core.quality`).
* Parking lot: every parked point of the session (each topic × group keeps its own parking
  lot), so nothing parked is forgotten at the end of the day; Enter opens it in the session.

Projected during group work, it follows the scribes: every 2 s it checks whether the session
file changed (another process or laptop wrote it) and redraws.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import DataTable, Static, TabbedContent, TabPane

from workshop_tui.core.i18n import N_, _, ngettext
from workshop_tui.core.labels import kind_heading, level_label, status_label
from workshop_tui.core.model import EntryKind
from workshop_tui.core.plenary import build_grid, chart_data, parking_lot, side_by_side_order
from workshop_tui.core.quality import check_session, grid_gaps
from workshop_tui.core.similarity import duplicate_partners
from workshop_tui.core.store import SessionStore, StoreError
from workshop_tui.ui.commands import PaletteCommand
from workshop_tui.ui.dates import today_of
from workshop_tui.ui.navigation import open_entry, refresh_session_screens
from workshop_tui.ui.polling import view_is_stale
from workshop_tui.ui.quiet_resize import QuietResizeScreen
from workshop_tui.ui.translate import Footer
from workshop_tui.ui.widgets.parking_lot import ParkingLotView
from workshop_tui.ui.widgets.plenary_grid import PlenaryGrid, fill_grid, grid_legend
from workshop_tui.ui.widgets.quality_view import QualityView

POLL_SECONDS = 2.0

KIND_HEADINGS = (EntryKind.CHALLENGE, EntryKind.SOLUTION, EntryKind.ACTION)


#: short status labels under narrow bars (English label → N_-marked short form)
SHORT_STATUS = {"in progress": N_("in prog."), "carried over": N_("carried")}


class PlenaryScreen(QuietResizeScreen):
    """Report-back views of one session (see module docstring)."""

    #: focused as soon as it is composed (Textual's default, the tab bar, was styled and
    #: then restyled when the grid took the focus: a second layout pass)
    AUTO_FOCUS = "#plenary-grid"

    DEFAULT_CSS = """
    PlenaryScreen #plenary-title { height: 1; background: $panel; padding: 0 1; }
    PlenaryScreen #plenary-tabs { height: 1fr; }
    PlenaryScreen #plenary-tabs > ContentSwitcher { height: 1fr; }
    PlenaryScreen TabPane { height: 1fr; padding: 0; }
    PlenaryScreen #plenary-grid { height: 1fr; }
    PlenaryScreen #grid-legend { height: 1; padding: 0 1; color: $text-muted; }
    PlenaryScreen #side-title {
        height: 1; padding: 0 1; text-wrap: nowrap; text-overflow: ellipsis;
    }
    PlenaryScreen #grid-legend { text-wrap: nowrap; text-overflow: ellipsis; }
    PlenaryScreen #side-columns { height: 1fr; }
    PlenaryScreen .side-column { width: 1fr; border: round $primary-muted; padding: 0 1; }
    PlenaryScreen #charts { grid-size: 2 2; height: 1fr; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("g", "show_tab('tab-grid')", N_("Grid"), id="plenary.grid"),
        Binding("s", "show_tab('tab-side')", N_("Side by side"), id="plenary.side"),
        Binding("c", "show_tab('tab-charts')", N_("Charts"), id="plenary.charts"),
        Binding("w", "show_tab('tab-quality')", N_("Warnings"), id="plenary.quality"),
        # off the footer (the tab bar names it) so Back and Help fit at 80 columns
        Binding("t", "show_tab('tab-themes')", N_("Themes"), id="plenary.themes", show=False),
        # off the footer at 80 columns; the tab itself names it
        Binding(
            "p", "show_tab('tab-parking')", N_("Parking lot"), id="plenary.parking", show=False
        ),
        Binding(
            "left_curly_bracket", "topic(-1)", N_("Prev topic"), id="plenary.topic_prev", show=False
        ),
        # off the footer (the side-by-side view says "{ } other topic") so Back and Help fit
        # on an 80-column screen
        Binding(
            "right_curly_bracket",
            "topic(1)",
            N_("Topic"),
            key_display="{ }",
            id="plenary.topic_next",
            show=False,
        ),
        Binding("r", "reload", N_("Refresh"), id="plenary.reload", show=False),
        # off the footer (the side-by-side title says "v by votes") so Back and Help fit
        Binding("v", "sort_by_votes", N_("Sort by votes"), id="plenary.sort_by_votes", show=False),
        Binding("escape,q", "close", N_("Back"), id="plenary.close"),
    ]

    def __init__(self, store: SessionStore, *, today: dt.date | None = None) -> None:
        super().__init__()
        self.store = store
        self._today = today
        self.agenda = store.session.agenda
        self.topic_id = self.agenda.topics[0].id
        #: the side-by-side view lists the most voted entries first
        self.side_by_votes = False
        self.warnings: dict[str, list[Any]] = {}
        self._last_error = ""  # a damaged file is reported once, not at every poll
        self._shown_generation = -1  # the store generation the views were drawn from
        #: the tabs composed so far (the grid is always), and the generation each was drawn at
        self._composed: set[str] = {"tab-grid"}
        self._drawn: dict[str, int] = {}
        self._warnings_of = -1  # the store generation ``warnings`` were worked out at
        self._drawn_width = 0  # the screen width the grid's columns were worked out for
        self._poll_timer: Timer | None = None
        self._reopened = False  # closed (not covered by a dialog) since it was last shown

    @property
    def today(self) -> dt.date:
        return self._today or today_of(self.app)

    def compose(self) -> ComposeResult:
        yield Static(id="plenary-title")
        with TabbedContent(initial="tab-grid", id="plenary-tabs"):
            with TabPane(_("Grid"), id="tab-grid"):
                yield Static(grid_legend(), id="grid-legend")
                yield PlenaryGrid(id="plenary-grid", cursor_type="cell", zebra_stripes=True)
            # the other tabs are composed and drawn the first time they are shown: opening
            # the plenary builds the grid only
            yield TabPane(_("Side by side"), id="tab-side")
            yield TabPane(_("Charts"), id="tab-charts")
            yield TabPane(_("Themes"), id="tab-themes")
            yield TabPane(_("Warnings"), id="tab-quality")
            yield TabPane(_("Parking lot"), id="tab-parking")
        yield Footer()

    def _tab_content(self, tab: str) -> list[Widget]:
        """What ``tab`` holds (composed when it is first shown)."""
        if tab == "tab-side":
            columns = []
            for index, group in enumerate(self.agenda.group_names):
                column = VerticalScroll(Static(id=f"side-text-{index}"), classes="side-column")
                column.border_title = group
                columns.append(column)
            return [Static(id="side-title"), Horizontal(*columns, id="side-columns")]
        if tab == "tab-charts":
            names = ("topics", "groups", "status", "level")
            # imported when first shown (plotext): the first F2 of a run does not wait for it
            from workshop_tui.ui.widgets.bar_chart import BarChart

            return [Grid(*(BarChart(id=f"chart-{name}") for name in names), id="charts")]
        if tab == "tab-themes":
            from workshop_tui.ui.widgets.themes import ThemesView  # as the charts

            return [ThemesView(self.store, id="themes-view")]
        if tab == "tab-quality":
            return [QualityView(id="quality-view")]
        if tab == "tab-parking":
            return [ParkingLotView(id="parking-lot")]
        return []

    async def _open_tab(self, tab: str) -> None:
        """Compose ``tab`` the first time it is shown; draw it when it is out of date."""
        if tab not in self._composed:
            self._composed.add(tab)
            await self.query_one(f"#{tab}", TabPane).mount_all(self._tab_content(tab))
        if self._drawn.get(tab) != self._shown_generation:
            try:
                self._draw_tab(tab)
            except StoreError as err:
                self._report(err)

    def on_mount(self) -> None:
        self.action_reload()
        self.query_one("#plenary-grid", DataTable).focus()
        self._poll_timer = self.set_interval(POLL_SECONDS, self.poll_disk)

    # -- kept between opens (ui.kept_screens) ----------------------------------------------
    def on_screen_suspend(self) -> None:
        """Closed (kept for the next F2) or under another screen: no polling meanwhile."""
        self._reopened = self not in self.app.screen_stack
        if self._poll_timer is not None:
            self._poll_timer.pause()
        for themes in self.query("#themes-view"):
            themes.pause_polling()  # type: ignore[attr-defined]

    async def on_screen_resume(self) -> None:
        """Shown again: redraw only when the store changed or the screen was resized; F2
        opens on the grid, as a new plenary would (the grid's cursor stays where it was)."""
        if self._reopened:
            self._reopened = False
            if self.query_one(TabbedContent).active != "tab-grid":
                await self.action_show_tab("tab-grid")
        if self._poll_timer is not None:
            self._poll_timer.resume()
        for themes in self.query("#themes-view"):
            themes.resume_polling()  # type: ignore[attr-defined]
        stale = view_is_stale(self.store, self._shown_generation, self._last_error)
        if stale or self._drawn_width != self.app.size.width:
            self.action_reload()

    def poll_disk(self) -> None:
        self._check_disk()

    @work(thread=True, exclusive=True, group="plenary-poll")
    def _check_disk(self) -> None:
        """Redraw when the store holds a change the views do not show."""
        if view_is_stale(self.store, self._shown_generation, self._last_error):
            self.app.call_from_thread(self.action_reload)

    # -- drawing ---------------------------------------------------------------------------
    def action_reload(self) -> None:
        generation = self.store.generation  # before reading: a change meanwhile draws again
        try:
            self._draw()
        except StoreError as err:
            self._report(err)
            return
        self._last_error = ""
        self._shown_generation = generation
        # the tab on screen is drawn again now, the others when they are next shown
        active = self.query_one(TabbedContent).active
        if active in self._composed:
            try:
                self._draw_tab(active)
            except StoreError as err:
                self._report(err)

    def _report(self, err: StoreError) -> None:
        """A damaged file is reported once, not at every poll."""
        if str(err) != self._last_error:
            self.notify(str(err), title=_("Cannot read the session"), severity="error", timeout=12)
        self._last_error = str(err)

    def _warnings(self) -> dict[str, list[Any]]:
        """Every action's quality warnings (worked out once per store generation)."""
        generation = self.store.generation
        if self._warnings_of != generation:
            self.warnings = check_session(self.store, self.today)
            self._warnings_of = self.store.generation  # after the read that may take a change in
        return self.warnings

    def _draw(self) -> None:
        """The title and the grid (the other tabs: :meth:`_draw_tab`)."""
        grid = build_grid(self.store)
        gaps = grid_gaps(self.store)
        warnings = self._warnings()
        flagged = sum(1 for w in warnings.values() if w)
        # the counts first: a long session title cut them off at 80-100 columns
        self.query_one("#plenary-title", Static).update(
            Text.assemble(
                (_("Plenary"), "bold"),
                _(" · {cells} without action · {actions} with warnings · ").format(
                    cells=ngettext("{n} cell", "{n} cells", len(gaps.cells)).format(
                        n=len(gaps.cells)
                    ),
                    actions=ngettext("{n} action", "{n} actions", flagged).format(n=flagged),
                ),
                (self.store.session.title, "bold"),
            )
        )
        self._draw_grid(grid, set(gaps.cells), set(gaps.topics))

    def _draw_tab(self, tab: str) -> None:
        """Draw a composed tab other than the grid from the store as it is now."""
        if tab == "tab-side":
            self._draw_side()
        elif tab == "tab-charts":
            self._draw_charts()
        elif tab == "tab-quality":
            self.query_one(QualityView).show(
                self.agenda,
                self.store.entries(kind=EntryKind.ACTION),
                self._warnings(),
                self.app.size.width,
            )
        elif tab == "tab-parking":
            self.query_one(ParkingLotView).show(
                self.agenda, parking_lot(self.store), self.app.size.width
            )
        # the Themes tab follows the store itself (ThemesView polls)
        self._drawn[tab] = self._shown_generation

    def _draw_grid(
        self, grid: Any, empty_cells: set[tuple[str, str]], empty_topics: set[str]
    ) -> None:
        self._drawn_width = self.app.size.width
        table = self.query_one("#plenary-grid", DataTable)
        fill_grid(table, grid, empty_cells, empty_topics, self.app.size.width)

    def _draw_side(self) -> None:
        if "tab-side" not in self._composed:
            return  # drawn when first shown
        topic = self.agenda.topic(self.topic_id)
        number = [t.id for t in self.agenda.topics].index(topic.id) + 1
        order = _("most voted first") if self.side_by_votes else _("pane order")
        hint = _("{{ }} topic · v votes: {order} · ≈ also in another group").format(order=order)
        self.query_one("#side-title", Static).update(
            Text.assemble(
                (f"{number}/{len(self.agenda.topics)} {topic.title}", "bold"),
                "  ",
                (hint, "dim"),
                no_wrap=True,
                overflow="ellipsis",
            )
        )
        entries = self.store.entries(topic_id=self.topic_id, kind=list(KIND_HEADINGS))
        partners = duplicate_partners(entries)
        for index, group in enumerate(self.agenda.group_names):
            text = Text()
            for kind in KIND_HEADINGS:
                heading = kind_heading(kind)
                mine = side_by_side_order(
                    [e for e in entries if e.group == group and e.kind == kind],
                    by_votes=self.side_by_votes,
                )
                text.append(f"{heading} ({len(mine)})\n", "bold")
                if not mine:
                    text.append("  —\n", "dim")
                for entry in mine:
                    dup = entry.id in partners
                    text.append("≈ " if dup else "• ", "bold yellow" if dup else "")
                    if entry.vote_count:
                        text.append(f"●{entry.vote_count} ", "bold")
                    text.append(" ".join(entry.text.split()) + "\n", "yellow" if dup else "")
            self.query_one(f"#side-text-{index}", Static).update(text)

    def _draw_charts(self) -> None:
        data = chart_data(self.store)
        # short labels that fit under narrow bars: topic numbers (as in the grid), short
        # statuses; with topic ids plotext dropped most labels and named the wrong bars
        topic_numbers = [str(number) for number in range(1, len(data.topic_labels) + 1)]
        statuses, status_counts = [], []
        for label, count in zip(data.status_labels, data.status_counts, strict=True):
            if count or label != "carried over":  # only follow-ups carry over: no empty bar
                short = SHORT_STATUS.get(label)
                statuses.append(_(short) if short else status_label(label.replace(" ", "_")))
                status_counts.append(count)
        series = {
            "topics": (
                _("Entries per topic (1, 2… as in the grid)"),
                topic_numbers,
                data.topic_counts,
            ),
            "groups": (_("Entries per group"), data.group_labels, data.group_counts),
            "status": (_("Actions by status"), statuses, status_counts),
            "level": (
                _("Actions by level"),
                [level_label(label) for label in data.level_labels],
                data.level_counts,
            ),
        }
        for name, (title, labels, values) in series.items():
            self.query_one(f"#chart-{name}").show(title, labels, values)  # type: ignore[attr-defined]

    # -- interaction -----------------------------------------------------------------------
    async def action_show_tab(self, tab: str) -> None:
        await self._open_tab(tab)
        self.query_one(TabbedContent).active = tab
        focus = {
            "tab-grid": "#plenary-grid",
            "tab-quality": "#quality",
            "tab-parking": "#parking-table",
        }.get(tab)
        if focus:
            self.query_one(focus).focus()
        if tab == "tab-themes":
            self.query_one("#themes-view").focus_list()  # type: ignore[attr-defined]

    @on(TabbedContent.TabActivated, "#plenary-tabs")
    async def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        """A tab clicked (or shown by a key: then it is ready already)."""
        if event.pane.id:
            await self._open_tab(event.pane.id)

    async def action_sort_by_votes(self) -> None:
        """Side by side: the most voted entries first, or back to the panes' order."""
        self.side_by_votes = not self.side_by_votes
        self._draw_side()
        await self.action_show_tab("tab-side")
        self.notify(
            _("Side by side: most voted first")
            if self.side_by_votes
            else _("Side by side: in the panes' order"),
            timeout=2,
        )

    def action_topic(self, delta: int) -> None:
        ids = [t.id for t in self.agenda.topics]
        self.topic_id = ids[(ids.index(self.topic_id) + delta) % len(ids)]
        self._draw_side()

    def action_close(self) -> None:
        refresh_session_screens(self.app)  # show what changed here on the session screen
        self.dismiss()

    @on(DataTable.CellHighlighted, "#plenary-grid")
    def _cell_highlighted(self, event: DataTable.CellHighlighted) -> None:
        if event.cell_key.row_key.value:
            self.topic_id = str(event.cell_key.row_key.value)
            self._draw_side()

    @on(DataTable.CellSelected, "#plenary-grid")
    def _cell_selected(self, event: DataTable.CellSelected) -> None:
        topic_id = str(event.cell_key.row_key.value)
        column = str(event.cell_key.column_key.value)
        groups = self.agenda.group_names
        group = groups[int(column[1:])] if column.startswith("g") else groups[0]
        open_entry(self.app, self.store.id, topic_id=topic_id, group=group)

    @on(ParkingLotView.Open)
    def _parking_selected(self, event: ParkingLotView.Open) -> None:
        open_entry(self.app, self.store.id, entry_id=event.entry_id)

    @on(QualityView.Open)
    def _quality_selected(self, event: QualityView.Open) -> None:
        open_entry(self.app, self.store.id, entry_id=event.entry_id)

    def palette_commands(self) -> list[PaletteCommand]:
        return [
            PaletteCommand(
                _("Plenary side by side: {title}").format(title=t.title),
                _("groups side by side"),
                _side(self, t.id),
            )
            for t in self.agenda.topics
        ]


def _side(screen: PlenaryScreen, topic_id: str) -> Any:
    async def run() -> None:
        screen.topic_id = topic_id
        screen._draw_side()
        await screen.action_show_tab("tab-side")

    return run
