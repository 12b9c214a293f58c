"""The panes keep their drawn prompts across switches (``entries/prompt_cache.py``) and the
topic list keeps its options: a switch back redraws nothing that did not change, and
nothing changed is ever drawn from the kept copy — an edit, a vote, a link, another
laptop's change found by the poll, a language switch.

The drawn screen is read (the compositor's lines), not only the prompts: the kept copy
holds drawn lines too."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.text import Text
from session_fixtures import capture, new_app, new_session, saved, screen_of, select, shown_lines
from textual.widgets.option_list import Option

from workshop_tui.core import i18n
from workshop_tui.core.model import EntryKind
from workshop_tui.core.store import Store
from workshop_tui.ui.app import WorkshopApp
from workshop_tui.ui.widgets.entries.prompt_cache import PromptCache
from workshop_tui.ui.widgets.entries.render import EntryPrompt
from workshop_tui.ui.widgets.topics import TopicNavigator

C, S, A = EntryKind.CHALLENGE, EntryKind.SOLUTION, EntryKind.ACTION
SIZE = (120, 40)


def drawn(app: WorkshopApp) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def options(app: WorkshopApp, kind: EntryKind) -> list[Option]:
    return list(screen_of(app).pane(kind).entry_list.options)


async def switch_topic_and_back(pilot: object, app: WorkshopApp) -> None:
    screen = screen_of(app)
    screen.action_topic(1)
    await saved(pilot)  # type: ignore[arg-type]
    screen.action_topic(-1)
    await saved(pilot)  # type: ignore[arg-type]


def test_the_cache_keys_on_what_is_drawn_and_is_bounded() -> None:
    cache = PromptCache(widget=None, size=2)  # type: ignore[arg-type]  # not drawn here
    one = cache.option("e1", EntryPrompt(Text("C1", "bold"), Text("Fees too high")))
    assert cache.option("e1", EntryPrompt(Text("C1", "bold"), Text("Fees too high"))) is one
    # a vote, a new label (an entry deleted above it), a new style: another option
    voted = Text("Fees too high")
    voted.append("  ●1", "bold")
    assert cache.option("e1", EntryPrompt(Text("C1", "bold"), voted)) is not one
    assert cache.option("e1", EntryPrompt(Text("C2", "bold"), Text("Fees too high"))) is not one
    assert cache.option("e2", EntryPrompt(Text("C1", "bold"), Text("Fees too high"))) is not one
    assert len(cache) == 2  # the least recently used went


def test_a_prompt_counts_its_lines_as_it_draws_them() -> None:
    """The height a pane measures every entry with (without drawing) is the drawn height."""
    console = Console(width=200, color_system=None)
    bodies = [
        "",
        "Fees",
        "Right holders rarely answer detention notices within ten working days",
        "Petugas bea cukai belum dilatih mengenali barang palsu  ●3  →C1,C2  ←S1",
        "https://example.org/a-very-long-address-without-any-space-in-it-at-all/x",
        "Train officers\nowner · due 2026-12-31 · in progress",
        "税関職員は偽造品を見分ける訓練を受けていない",
    ]
    for text in bodies:
        for label in ("C1", "A12"):
            prompt = EntryPrompt(Text(label, "bold"), Text(text))
            for width in range(4, 60):
                options = console.options.update_width(width)
                drawn_lines = sum(seg.text.count("\n") for seg in console.render(prompt, options))
                assert prompt.height(console, width) == drawn_lines, (text, label, width)


async def test_a_switch_back_reuses_the_panes_and_topic_lists_options(tmp_path: Path) -> None:
    app = new_app(tmp_path, session_id=new_session(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await saved(pilot)
        await capture(pilot, C, "Fees too high")
        await capture(pilot, S, "Waive fees")
        before = {kind: options(app, kind) for kind in (C, S)}
        navigator = screen_of(app).query_one(TopicNavigator)
        topics_before = list(navigator.options)
        await switch_topic_and_back(pilot, app)
        for kind, kept in before.items():
            assert all(a is b for a, b in zip(options(app, kind), kept, strict=True))
        assert all(a is b for a, b in zip(navigator.options, topics_before, strict=True))


async def test_the_pane_titles_count_what_each_topic_holds(tmp_path: Path) -> None:
    """A new count redraws only the title line of a pane's border: it is drawn."""
    app = new_app(tmp_path, session_id=new_session(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await saved(pilot)
        await capture(pilot, C, "Fees too high")
        await capture(pilot, C, "Scanners are old")
        assert "Challenges 2" in drawn(app)
        screen_of(app).action_topic(1)
        await saved(pilot)
        assert "Challenges 0" in drawn(app) and "Challenges 2" not in drawn(app)
        screen_of(app).action_topic(-1)
        await saved(pilot)
        assert "Challenges 2" in drawn(app) and "Challenges 0" not in drawn(app)
        await capture(pilot, C, "Forms only on paper")
        assert "Challenges 3" in drawn(app)


async def test_an_edit_a_vote_and_a_link_are_drawn_not_the_kept_prompt(tmp_path: Path) -> None:
    app = new_app(tmp_path, session_id=new_session(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await saved(pilot)
        await capture(pilot, C, "Fees too high")
        await capture(pilot, S, "Waive fees")
        await switch_topic_and_back(pilot, app)  # the prompts are kept now

        await select(pilot, C, 0)
        await pilot.press("v")  # a vote
        await saved(pilot)
        assert "●1" in shown_lines(app, C)[0] and "●1" in drawn(app)
        await switch_topic_and_back(pilot, app)
        assert "●1" in shown_lines(app, C)[0] and "●1" in drawn(app)

        await pilot.press("e")  # an edit
        pane = screen_of(app).pane(C)
        pane.capture_input.value = "Fees far too high"
        await pilot.press("enter")
        await saved(pilot)
        await switch_topic_and_back(pilot, app)
        assert "Fees far too high" in drawn(app) and "Fees too high " not in drawn(app)

        # a link made on another laptop, found by the poll: both ends are drawn again
        store = screen_of(app).store
        challenge, solution = store.entries(kind=C)[0], store.entries(kind=S)[0]
        other = Store(tmp_path).open_session(store.id)
        other.update_entry(solution.id, links=[challenge.id])
        screen_of(app)._check_disk()
        await saved(pilot)
        assert "←S1" in shown_lines(app, C)[0] and "→C1" in shown_lines(app, S)[0]
        text = drawn(app)
        assert "←S1" in text and "→C1" in text


async def test_another_laptops_entry_is_drawn_and_unchanged_panes_are_left_alone(
    tmp_path: Path,
) -> None:
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=SIZE) as pilot:
        await saved(pilot)
        await capture(pilot, C, "Fees too high")
        await capture(pilot, S, "Waive fees")
        solutions = options(app, S)
        other = Store(tmp_path).open_session(session_id)
        other.add_entry(C, "legal", "Group A", "Scanners are old")
        screen_of(app)._check_disk()
        await saved(pilot)
        assert [line.split(" ", 1)[1] for line in shown_lines(app, C)] == [
            "Fees too high",
            "Scanners are old",
        ]
        assert "Scanners are old" in drawn(app)
        # the Solutions pane did not change: its options (and its cursor) are as they were
        assert all(a is b for a, b in zip(options(app, S), solutions, strict=True))


async def test_a_language_switch_draws_the_prompts_in_the_new_language(tmp_path: Path) -> None:
    app = new_app(tmp_path, session_id=new_session(tmp_path), language="en")
    try:
        async with app.run_test(size=SIZE) as pilot:
            await saved(pilot)
            await capture(pilot, A, "Train officers")
            await switch_topic_and_back(pilot, app)
            assert "open" in shown_lines(app, A)[0]
            app.switch_language("id")
            await saved(pilot)
            await pilot.pause(0.1)
            assert "terbuka" in shown_lines(app, A)[0]
            assert "terbuka" in drawn(app)
            await switch_topic_and_back(pilot, app)
            assert "terbuka" in drawn(app)
    finally:
        i18n.set_language("en")


async def test_a_session_opened_again_draws_its_prompts_from_the_shared_drawings(
    tmp_path: Path,
) -> None:
    """A new session screen (opened again from the start screen) measures and draws the
    same prompts from the process-wide kept drawings, and shows exactly what a screen
    drawing them anew shows; an entry edited meanwhile is drawn anew."""
    from workshop_tui.ui.widgets.entries.prompt_cache import SHARED

    session_id = new_session(tmp_path)
    store = Store(tmp_path)
    session = store.open_session(session_id)
    topic = session.session.agenda.topics[0].id
    for n in range(6):
        session.add_entry(C, topic, "Group A", f"Shared challenge number {n} with some words")
    SHARED.clear()
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=SIZE) as pilot:
        await saved(pilot)
        first = drawn(app)
    assert "Shared challenge number 5" in first
    heights_misses, strips_misses = SHARED.heights.misses, SHARED.strips.misses
    heights_hits, strips_hits = SHARED.heights.hits, SHARED.strips.hits
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=SIZE) as pilot:
        await saved(pilot)
        assert drawn(app) == first
    assert SHARED.heights.hits > heights_hits and SHARED.strips.hits > strips_hits
    assert (SHARED.heights.misses, SHARED.strips.misses) == (heights_misses, strips_misses)
    # an edit: a new key, drawn anew (never the kept drawing of the old text)
    entry = session.entries(topic_id=topic, group="Group A")[0]
    session.update_entry(entry.id, text="Edited since the last open")
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=SIZE) as pilot:
        await saved(pilot)
        again = drawn(app)
    assert "Edited since the last open" in again
    assert "Shared challenge number 0" not in again
    assert SHARED.strips.misses > strips_misses


def test_the_shared_drawings_follow_the_session_opened() -> None:
    """Another session opened lets the last one's drawings go; the same one keeps them."""
    from workshop_tui.ui.widgets.entries.prompt_cache import SHARED

    SHARED.follow("session-a")
    SHARED.heights.set(("e1", 40), 2)
    SHARED.follow("session-a")
    assert SHARED.heights.get(("e1", 40)) == 2
    SHARED.follow("session-b")
    assert SHARED.heights.get(("e1", 40)) is None
    assert SHARED.session_id == "session-b"
