"""Plenary screen: grid counts and flags, cell → session, side by side, charts, warnings."""

from __future__ import annotations

from pathlib import Path

from plenary_helpers import cell_text as cell
from plenary_helpers import make_app, session_screen
from textual.widgets import DataTable, Static, TabbedContent
from textual_plotext import PlotextPlot

from workshop_tui.core.model import EntryKind
from workshop_tui.ui.screens.plenary import PlenaryScreen
from workshop_tui.ui.widgets.bar_chart import BarChart


async def test_grid_counts_flags_and_opens_the_cell(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlenaryScreen)
        table = screen.query_one("#plenary-grid", DataTable)
        assert [cell(table, 0, c) for c in range(5)] == [
            "1 Legal framework",
            "2/1/1",
            "1/1/1",
            "0/0/0 !",
            "2",
        ]
        assert [cell(table, 1, c) for c in range(5)] == [
            "2 Information recordation at customs",
            "1/0/0 !",
            "0/0/0 !",
            "0/1/1",
            "1",
        ]
        assert "5 cells without action" in str(screen.query_one("#plenary-title", Static).content)
        # cursor to recordation × Group C and Enter: the session shows that cell
        await pilot.press("down", "right", "right", "right", "enter")
        await pilot.pause()
        await pilot.pause()
        session = session_screen(app)
        assert (session.topic_id, session.group) == ("recordation", "Group C")
        assert [e.text for e in session.pane(EntryKind.ACTION).entries] == [
            "Publish the online recordation form"
        ]


async def test_topic_without_any_action_is_flagged(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    store = app.store.open_session(app.initial_session_id or "")
    store.delete_entry("20260011-ac")  # the only action of the training topic
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        table = app.screen.query_one("#plenary-grid", DataTable)
        assert cell(table, 2, 0) == "⚠ 3 IPR training programmes"
        assert cell(table, 2, 4) == "0"


async def test_side_by_side_marks_near_duplicates(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f2", "s")
        await pilot.pause()
        screen = app.screen
        assert screen.query_one(TabbedContent).active == "tab-side"
        columns = [str(screen.query_one(f"#side-text-{i}", Static).content) for i in range(3)]
        assert "≈ Amend the customs law to allow ex officio action" in columns[0]
        assert "≈ Amend customs law allowing ex officio action" in columns[1]
        assert "• Customs cannot act ex officio" in columns[0]
        assert "Challenges (0)" in columns[2]
        await pilot.press("right_curly_bracket")
        await pilot.pause()
        columns = [str(screen.query_one(f"#side-text-{i}", Static).content) for i in range(3)]
        assert "Recordation applications are on paper" in columns[0]
        assert "≈" not in "".join(columns)


async def test_charts_and_quality_tab(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f2", "c")
        await pilot.pause()
        screen = app.screen
        assert screen.query_one(TabbedContent).active == "tab-charts"
        assert len(screen.query(PlotextPlot)) == 4
        assert all(plot.region.height > 5 for plot in screen.query(PlotextPlot))
        await pilot.press("w")
        await pilot.pause()
        table = screen.query_one("#quality", DataTable)
        assert table.row_count == 4
        assert cell(table, 1, 2) == (
            "5: no owner, no due date, no success indicator, vague wording, linked to nothing"
        )
        assert cell(table, 2, 2) == "overdue"  # today is injected: 2026-06-01
        await pilot.press("down")
        await pilot.pause()
        detail = str(screen.query_one("#quality-detail", Static).content)
        assert "vague wording ('improve'" in detail
        await pilot.press("escape")
        await pilot.pause()
        session_screen(app)


async def test_counts_total_column_and_chart_labels_at_80x24(tmp_path: Path) -> None:
    """At 80x24 the title starts with the counts, the grid keeps the action total on screen,
    and each chart bar has its own readable label (topic numbers, short statuses)."""
    app = make_app(tmp_path)
    app.store.open_session(app.initial_session_id or "").update_session(
        title="National Workshop on Combating Counterfeiting and Piracy, Jakarta, March 2026"
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlenaryScreen)
        title = str(screen.query_one("#plenary-title", Static).content)
        assert title.startswith("Plenary · 5 cells without action · 3 actions with warnings · ")
        table = screen.query_one("#plenary-grid", DataTable)
        total = sum(column.get_render_width(table) for column in table.ordered_columns)
        assert total <= 80
        await pilot.press("c")
        await pilot.pause()
        topics = screen.query_one("#chart-topics", BarChart)
        assert topics.series[1] == ["1", "2", "3"]
        status = screen.query_one("#chart-status", BarChart)
        assert status.series[1] == ["open", "in prog.", "done", "dropped"]  # none carried
        rendered = topics.plt.build()
        assert all(label in rendered for label in ("1", "2", "3"))


async def test_review_screens_are_in_the_command_palette_and_help(tmp_path: Path) -> None:
    from types import SimpleNamespace

    from workshop_tui.ui.commands import palette_commands_for
    from workshop_tui.ui.screens.help import binding_sections

    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        titles = {
            c.title: c.help
            for c in palette_commands_for(SimpleNamespace(screen=app.screen, app=app))
        }  # type: ignore[arg-type]
        for name, key in [
            ("Plenary", "f2"),
            ("Action list", "f3"),
            ("Sessions", "f4"),
            ("Search", "f5"),
            ("Follow-up", "f6"),
        ]:
            assert name in titles and key in titles[name].lower(), name
        everywhere = dict(binding_sections(app.screen))["Everywhere"]
        assert {b.id for b in everywhere} >= {
            "app.plenary",
            "app.action_list",
            "app.sessions",
            "app.search",
            "app.follow_up",
        }
        await pilot.press("f2")
        await pilot.pause()
        sections = dict(binding_sections(app.screen))
        assert {b.id for b in sections["Plenary"]} >= {
            "plenary.grid",
            "plenary.side",
            "plenary.charts",
            "plenary.quality",
        }


async def test_a_cell_of_another_group_on_a_locked_laptop_says_why(tmp_path: Path) -> None:
    """A scribe's laptop (--group) stays on its group; choosing another group's cell in the
    plenary says so instead of silently showing its own group."""
    app = make_app(tmp_path, group="Group B")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("right", "enter")  # legal × Group A
        await pilot.pause()
        await pilot.pause()
        session = session_screen(app)
        assert (session.topic_id, session.group) == ("legal", "Group B")
        assert any("locked to Group B" in n.message for n in app._notifications)


def _footer_keys_fit(screen: object, *descriptions: str) -> None:
    """Each key is on screen and left of the command-palette key docked on the right."""
    from textual.widgets._footer import FooterKey

    keys = {k.description: k for k in screen.query(FooterKey)}  # type: ignore[attr-defined]
    palette = keys.get("palette")
    limit = palette.region.x if palette is not None else 80
    for description in descriptions:
        region = keys[description].region
        assert region.width and region.right <= limit, (description, region, limit)


async def test_back_and_help_fit_in_the_footer_at_80_columns(tmp_path: Path) -> None:
    """The plenary's and the follow-up's footers keep Back/Later and Help on an 80-column
    screen (the { } topic keys and the 1-4 status keys are shown elsewhere on the screen)."""
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        _footer_keys_fit(app.screen, "Back", "Help")
    follow = make_app(tmp_path / "f", follow_up=True)
    async with follow.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        _footer_keys_fit(follow.screen, "Finish", "Later", "Help")


async def test_follows_what_scribes_add_and_reports_a_damaged_file_once(tmp_path: Path) -> None:
    """Projected during group work, the grid picks up entries written by another process; a
    damaged file is reported once, not at every poll."""
    from workshop_tui.core.store import Store

    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlenaryScreen)
        table = screen.query_one("#plenary-grid", DataTable)
        assert cell(table, 0, 3) == "0/0/0 !"  # legal × Group C
        other = Store(tmp_path).open_session(app.initial_session_id or "")
        other.add_entry(EntryKind.CHALLENGE, "legal", "Group C", "No scanner at the port")
        screen.poll_disk()  # what the 2 s timer does
        await pilot.pause()
        assert cell(table, 0, 3) == "1/0/0 !"
        told: list[str] = []  # this screen's notifications only (the session screen polls too)
        screen.notify = lambda message, **_: told.append(message)  # type: ignore[method-assign]
        path = tmp_path / "sessions" / f"{app.initial_session_id}.json"
        path.write_text("garbage{{{")
        for _ in range(3):
            screen.poll_disk()
            await pilot.pause()
        assert len(told) == 1 and "not valid JSON" in told[0]


async def test_long_group_names_are_cut_so_the_grid_fits_80_columns(tmp_path: Path) -> None:
    from workshop_tui.core.agenda import Agenda, Group, Topic
    from workshop_tui.core.store import Store
    from workshop_tui.ui.app import WorkshopApp

    agenda = Agenda(
        title="Ports",
        topics=(Topic("legal", "Legal framework"), Topic("ops", "Operational procedures")),
        groups=(
            Group("Jakarta Soekarno-Hatta Airport"),
            Group("Tanjung Priok Seaport"),
            Group("Surabaya Tanjung Perak"),
        ),
    )
    store = Store(tmp_path)
    session = store.create_session(agenda, title="Ports workshop")
    app = WorkshopApp(store=store, session_id=session.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        table = app.screen.query_one("#plenary-grid", DataTable)
        assert sum(column.get_render_width(table) for column in table.ordered_columns) <= 80
        assert cell(table, 0, 0) == "⚠ 1 Legal framework"


async def test_hidden_tabs_are_built_when_first_shown_and_redrawn_when_stale(
    tmp_path: Path,
) -> None:
    """Opening the plenary builds the grid only; a tab is composed when first shown (by its
    key or a click on it) and drawn again when the session changed while it was hidden."""
    from workshop_tui.core.model import ActionFields
    from workshop_tui.core.store import Store

    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlenaryScreen)
        for selector in ("#quality", "#side-title", "#charts", "#themes-view", "#parking-lot"):
            assert not screen.query(selector), selector
        await pilot.press("w")
        await pilot.pause()
        assert screen.query_one("#quality", DataTable).row_count == 4
        await pilot.press("g")
        await pilot.pause()
        other = Store(tmp_path).open_session(app.initial_session_id or "")
        other.add_entry(
            EntryKind.ACTION,
            "legal",
            "Group C",
            "Draft the port seizure procedure",
            action=ActionFields(owner="Rina", due="2026-07-01"),
        )
        screen.poll_disk()  # what the 2 s timer does: the grid is redrawn, not the warnings
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert cell(screen.query_one("#plenary-grid", DataTable), 0, 3) == "0/0/1"
        assert screen.query_one("#quality", DataTable).row_count == 4
        await pilot.press("w")
        await pilot.pause()
        assert screen.query_one("#quality", DataTable).row_count == 5
        # a click on a tab builds it too
        await pilot.click("#--content-tab-tab-charts")
        await pilot.pause()
        assert screen.query_one(TabbedContent).active == "tab-charts"
        assert screen.query_one("#chart-topics", BarChart).series[1] == ["1", "2", "3"]
