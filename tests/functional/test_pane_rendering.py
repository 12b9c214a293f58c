"""What the session screen draws at 80x24 (QA trial in tmux): every line of a wrapped entry
(votes and links included) after a group switch or a search jump, the sort indicator, the
capture input's width, the read-only placeholder, the topic list's hyphenated titles.

These tests read the screen as drawn (the compositor's lines), not only the data."""

from __future__ import annotations

from pathlib import Path

from session_fixtures import new_app, new_session, saved, screen_of, select
from textual.geometry import Region
from textual.widget import Widget

from workshop_tui.core.agenda_yaml import DEFAULT_AGENDA, load_agenda
from workshop_tui.core.model import EntryKind, now_iso
from workshop_tui.core.store import Store
from workshop_tui.ui.app import WorkshopApp
from workshop_tui.ui.widgets.topics import TopicNavigator
from workshop_tui.ui.widgets.topics.navigator import wrap_title

C, S = EntryKind.CHALLENGE, EntryKind.SOLUTION

LONG_CHALLENGES = (
    "Customs cannot act ex officio on suspected counterfeits",
    "No recordation system for right holders' trademarks",
    "Petugas bea cukai belum dilatih mengenali barang palsu",
    "Risk profiles ignore IPR indicators in the cargo manifest",
    "Right holders rarely answer detention notices within ten working days",
)


def drawn(app: WorkshopApp, region: Region) -> list[str]:
    """The screen's text inside ``region``, one string per row, as the terminal shows it."""
    strips = app.screen._compositor.render_strips()
    return [strip.text[region.x : region.right] for strip in strips[region.y : region.bottom]]


def drawn_in(app: WorkshopApp, widget: Widget) -> list[str]:
    return drawn(app, widget.region)


def squeezed(lines: list[str]) -> str:
    """The drawn text without spaces and scrollbar cells (words wrap at any space)."""
    return "".join("".join(line.split()).replace("▇", "").replace("▆", "") for line in lines)


def seed_group_a(data_dir: Path) -> str:
    """A session whose Group A Challenges list needs a scrollbar at 80x24, with votes and
    links; Group B has one short challenge (no scrollbar)."""
    session_id = new_session(data_dir)
    store = Store(data_dir).open_session(session_id)
    challenges = [store.add_entry(C, "legal", "Group A", text) for text in LONG_CHALLENGES]
    store.add_entry(S, "legal", "Group A", "Amend the customs law", links=[challenges[0].id])
    for entry, votes in ((challenges[0], 3), (challenges[1], 1), (challenges[3], 1)):
        store.update_entry(entry.id, votes={"Group A": votes})
    store.add_entry(C, "legal", "Group B", "Short one")
    return session_id


def scroll_through(app: WorkshopApp, kind: EntryKind) -> str:
    """Every line the pane's list draws, scrolled from top to bottom (squeezed)."""
    entry_list = screen_of(app).pane(kind).entry_list
    seen = []
    for y in range(entry_list.virtual_size.height):
        entry_list.scroll_to(y=y, animate=False, immediate=True)
        seen.append(entry_list.render_line(y - entry_list.scroll_offset.y).text)
    return squeezed(seen)


async def test_votes_and_links_stay_drawn_after_a_group_switch_in_narrow_panes(
    tmp_path: Path,
) -> None:
    session_id = seed_group_a(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    # 100 columns: the narrowest screen with the panes side by side (24 cells each)
    async with app.run_test(size=(100, 24)) as pilot:
        await saved(pilot)
        screen = screen_of(app)
        if not screen.show_extra:
            await pilot.press("o")
            await saved(pilot)
        entry_list = screen.pane(C).entry_list
        before = drawn_in(app, entry_list)
        assert "●3" in "\n".join(before) and "←S1" in "\n".join(before), before
        assert entry_list.show_vertical_scrollbar

        await pilot.press("]")
        await saved(pilot)
        await pilot.press("[")
        await saved(pilot)

        after = drawn_in(app, entry_list)
        assert after == before, "\n".join(after)
        # every line of every entry is there when scrolled through, votes and links included
        all_lines = scroll_through(app, C)
        for text in LONG_CHALLENGES:
            assert "".join(text.split()) in all_lines
        for chunk in ("●3←S1", "trademarks●1", "manifest●1"):
            assert chunk in all_lines, all_lines


async def test_votes_stay_drawn_after_a_search_jump_into_another_group(tmp_path: Path) -> None:
    session_id = seed_group_a(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await saved(pilot)
        screen = screen_of(app)
        if not screen.show_extra:
            await pilot.press("o")
            await saved(pilot)
        await pilot.press("]")
        await saved(pilot)
        assert screen.group == "Group B"
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press(*"ex officio", "enter")
        await saved(pilot)
        await pilot.press("enter")  # open the result
        await saved(pilot)
        screen = screen_of(app)
        assert screen.group == "Group A"
        entry_list = screen.pane(C).entry_list
        entry_list.scroll_to(y=0, animate=False, immediate=True)
        await pilot.pause()
        shown = "\n".join(drawn_in(app, entry_list))
        assert "●3  ←S1" in shown, shown


async def test_the_sort_mark_is_drawn_in_the_pane_title_at_80_columns(tmp_path: Path) -> None:
    session_id = seed_group_a(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await saved(pilot)
        pane = screen_of(app).pane(C)
        top = pane.region
        title_row = drawn(app, Region(top.x, top.y, top.width, 1))[0]
        assert "Challenges 5" in title_row and "↓●" not in title_row, title_row
        pane.entry_list.focus()
        await pilot.press("s")
        await saved(pilot)
        assert pane.sort_by_votes
        # the open pane of the stack is wide: the whole title with its mark
        title_row = drawn(app, Region(top.x, top.y, top.width, 1))[0]
        assert "Challenges 5 ↓●" in title_row, title_row
        assert title_row.startswith("╭─ Challenges") and title_row.endswith("╮"), title_row
        await pilot.press("s")
        await saved(pilot)
        title_row = drawn(app, Region(top.x, top.y, top.width, 1))[0]
        assert "Challenges 5" in title_row and "↓●" not in title_row, title_row


async def test_the_full_sorted_title_where_it_fits(tmp_path: Path) -> None:
    session_id = seed_group_a(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=(140, 40)) as pilot:
        await saved(pilot)
        pane = screen_of(app).pane(C)
        pane.entry_list.focus()
        await pilot.press("s")
        await saved(pilot)
        top = pane.region
        assert "Challenges 5 ↓●" in drawn(app, Region(top.x, top.y, top.width, 1))[0]


ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"


async def test_the_capture_input_uses_the_whole_pane_width_at_80_columns(tmp_path: Path) -> None:
    app = new_app(tmp_path, session_id=new_session(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await saved(pilot)
        pane = screen_of(app).pane(C)
        field = pane.capture_input
        assert drawn_in(app, field)[0] == "+ add challenge".ljust(field.region.width)
        await pilot.press("1", "i")
        field.insert_text_at_cursor(ALPHABET)
        await pilot.press("home")
        shown = drawn_in(app, field)[0]
        # every cell inside the pane's border shows text: no padding, no border
        assert field.region.width == pane.region.width - 2
        assert shown.rstrip() == ALPHABET[: field.region.width], shown


async def test_the_read_only_placeholder_fits_at_80_columns(tmp_path: Path) -> None:
    session_id = new_session(tmp_path)
    Store(tmp_path).open_session(session_id).update_session(ended=now_iso())
    app = new_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.open_session(session_id, read_only=True)
        await saved(pilot)
        screen = screen_of(app)
        for digit, kind in (("1", C), ("2", S), ("3", EntryKind.ACTION)):
            await pilot.press(digit)  # stacked at 80 columns: open each pane
            await pilot.pause()
            field = screen.pane(kind).capture_input
            assert drawn_in(app, field)[0].strip() == "read-only (ended)"


async def test_make_read_only_sets_the_short_placeholder(tmp_path: Path) -> None:
    app = new_app(tmp_path, session_id=new_session(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await saved(pilot)
        pane = screen_of(app).pane(C)
        pane.make_read_only()
        await pilot.pause()
        assert pane.read_only and pane.capture_input.disabled
        assert drawn_in(app, pane.capture_input)[0].strip() == "read-only (ended)"


def test_wrap_title_breaks_after_hyphens_and_at_spaces() -> None:
    title = "Information-sharing among customs officers"
    assert wrap_title(title, 14) == ["Information-", "sharing among", "customs", "officers"]
    assert wrap_title(title, 60) == [title]
    assert wrap_title("Risk analysis", 14) == ["Risk analysis"]
    assert wrap_title("Cross-border co-operation", 30) == ["Cross-border co-operation"]
    assert wrap_title("Cross-border co-operation", 15) == ["Cross-border", "co-operation"]
    # no spaces (Chinese): folded by cells, never cut
    assert wrap_title("海关信息共享与合作", 8) == ["海关信息", "共享与合", "作"]
    assert wrap_title("a--b", 2) == ["a-", "-b"]
    assert wrap_title("", 10) == [""]


async def test_a_hyphenated_topic_title_wraps_at_the_hyphen_at_80x24(tmp_path: Path) -> None:
    session_id = Store(tmp_path).create_session(load_agenda(DEFAULT_AGENDA)).id
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await saved(pilot)
        navigator = app.screen.query_one(TopicNavigator)
        navigator.highlighted = 4  # topic 5, scrolled into view
        await pilot.pause()
        shown = "\n".join(drawn_in(app, navigator))
        assert "…" not in shown, shown
        assert "5 Information-" in shown and "sharing among" in shown, shown


LONG_CANDIDATE = (
    "Customs cannot act ex officio on suspected counterfeits and must wait for a court "
    "order from the right holder"
)


async def test_link_picker_ticks_are_told_apart_without_colour(tmp_path: Path) -> None:
    session_id = new_session(tmp_path)
    store = Store(tmp_path).open_session(session_id)
    long_one, short_one, _ = (
        store.add_entry(C, "legal", "Group A", text)
        for text in (LONG_CANDIDATE, "Short one", "Third")
    )
    solution = store.add_entry(S, "legal", "Group A", "Amend the law", links=[short_one.id])
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await saved(pilot)
        await select(pilot, S, 0)
        await pilot.press("l")
        await saved(pilot)
        picker = app.screen.query_one("#link-list")
        shown = drawn(app, picker.content_region)
        rows = {line.split("▌ ")[1][:2]: line for line in shown if "▐" in line}
        assert "▐✓▌ C2 Short one" in rows["C2"], shown
        assert "▐ ▌ C1 Customs" in rows["C1"] and "▐ ▌ C3 Third" in rows["C3"], shown
        # the long candidate wraps under its text: read in full, its box drawn once
        assert "".join(LONG_CANDIDATE.split()) in squeezed(shown).replace("▐", "").replace("▌", "")
        assert sum("▐" in line for line in shown) == 3, shown

        await pilot.press("space")  # C1 is highlighted first: tick it
        await saved(pilot)
        shown = drawn(app, picker.content_region)
        assert any("▐✓▌ C1 Customs" in line for line in shown), shown
        assert store.get(solution.id).links == [short_one.id, long_one.id]
