"""80×24 that breathes: below 100 columns the focused pane is open at full width and the
other panes are one line each (digit, name, count, latest entry), switched with the same
digits, Tab or a click; no text is cut without an ellipsis (chart titles, summary lines)."""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len
from session_fixtures import capture, new_app, new_session, pane_texts, saved, screen_of
from textual.geometry import Region
from textual.widget import Widget

from workshop_tui.core.model import EntryKind
from workshop_tui.core.store import Store
from workshop_tui.ui.app import WorkshopApp
from workshop_tui.ui.widgets.bar_chart import fit_title

C, S, A = EntryKind.CHALLENGE, EntryKind.SOLUTION, EntryKind.ACTION
LONG = "Small-consignment seizures by post and courier are not reported to right holders in time"


def drawn(app: WorkshopApp, widget: Widget) -> str:
    region: Region = widget.region
    strips = app.screen._compositor.render_strips()  # noqa: SLF001 - what is on screen
    return "\n".join(
        strip.crop(region.x, region.right).text for strip in strips[region.y : region.bottom]
    )


def seeded(tmp_path: Path) -> str:
    session_id = new_session(tmp_path)
    store = Store(tmp_path).open_session(session_id)
    store.add_entry(C, "legal", "Group A", "No ex officio power")
    store.add_entry(C, "legal", "Group A", LONG)
    store.add_entry(S, "legal", "Group A", "Amend the customs law")
    return session_id


async def test_the_focused_pane_is_open_at_full_width_and_the_others_are_one_line(
    tmp_path: Path,
) -> None:
    app = new_app(tmp_path, session_id=seeded(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await saved(pilot)
        screen = screen_of(app)
        assert screen.has_class("-stacked")
        challenges = screen.pane(C)
        assert challenges.stacked is True
        # the whole width right of the topics list, not a third of it
        assert challenges.region.width >= 50
        # the long entry is read on two lines, not a tall column of hyphen-split words
        assert LONG in " ".join(" ".join(pane_texts(app, C)).split())
        for kind, line in (
            (S, "2 Solutions 1 · S1 Amend the customs law"),
            (A, "3 Actions 0 · empty"),
        ):
            summary = screen.query_one(f"#summary-{kind.value}")
            assert screen.pane(kind).stacked is False and summary.region.height == 1
            assert drawn(app, summary).strip() == line

        await pilot.press("2")  # the same digit as ever opens another pane
        await pilot.pause()
        assert screen.pane(S).stacked is True and challenges.stacked is False
        assert app.focused is screen.pane(S).entry_list
        line = drawn(app, screen.query_one("#summary-challenge")).rstrip()
        assert line.startswith(" 1 Challenges 2 · C2 Small-consignment seizures")
        assert line.endswith("…")  # cut with an ellipsis, never mid-word without a mark
        assert cell_len(line) <= screen.query_one("#summary-challenge").region.width

        # typing in the open pane works as before
        await capture(pilot, S, "Train officers on postal seizures")
        assert pane_texts(app, S)[-1] == "Train officers on postal seizures"

        await pilot.click("#summary-action")  # a click on a line opens that pane
        await pilot.pause()
        assert screen.pane(A).stacked is True
        assert app.focused is screen.pane(A).entry_list


async def test_tab_reaches_the_folded_panes_and_opens_them(tmp_path: Path) -> None:
    app = new_app(tmp_path, session_id=seeded(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await saved(pilot)
        screen = screen_of(app)
        opened = []
        for _ in range(6):
            await pilot.press("tab")
            await pilot.pause()
            opened.append(screen.current_kind)
        # list → input of Challenges, then Solutions opens, then Actions
        assert S in opened and A in opened
        assert all(screen.pane(k).stacked is (k == screen.current_kind) for k in (C, S, A))


async def test_wide_screens_keep_the_panes_side_by_side_and_resizing_switches(
    tmp_path: Path,
) -> None:
    app = new_app(tmp_path, session_id=seeded(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await saved(pilot)
        screen = screen_of(app)
        assert not screen.has_class("-stacked")
        assert all(screen.pane(k).stacked is None for k in (C, S, A))
        assert len({screen.pane(k).region.y for k in (C, S, A)}) == 1  # one row
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert screen.has_class("-stacked") and screen.pane(C).stacked is True
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        await pilot.pause()
        assert all(screen.pane(k).stacked is None for k in (C, S, A))


async def test_parking_lot_and_notes_stack_too(tmp_path: Path) -> None:
    app = new_app(tmp_path, session_id=seeded(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await saved(pilot)
        screen = screen_of(app)
        await pilot.press("4")
        await pilot.pause()
        assert screen.pane(EntryKind.PARKING).stacked is True
        assert screen.query_one("#extra-panes").has_class("-holds-open")
        assert not screen.query_one("#main-panes").has_class("-holds-open")
        for kind in (C, S, A, EntryKind.NOTE):
            assert screen.query_one(f"#summary-{kind.value}").region.height == 1
        parking = screen.pane(EntryKind.PARKING)
        assert parking.border_subtitle == "this topic × group"
        assert parking.region.bottom <= 23


def test_a_chart_title_wider_than_its_chart_ends_in_an_ellipsis() -> None:
    title = "Entries per topic (1, 2… as in the grid)"
    assert fit_title(title, 80) == title
    assert fit_title(title, 20) == "Entries per topic (…"
    assert cell_len(fit_title("Entri per topik (1, 2… seperti di kisi)", 12)) == 12
