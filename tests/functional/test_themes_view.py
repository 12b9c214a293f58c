"""Plenary Themes tab (F2, t): three groups' challenges → ranked themes → one consolidated
action, driven with keys as the facilitator would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

from workshop_tui.core.agenda import Agenda, Group, Topic
from workshop_tui.core.model import ActionFields, EntryKind
from workshop_tui.core.store import SessionStore, Store
from workshop_tui.core.themes import actions as plan
from workshop_tui.core.themes import book
from workshop_tui.core.themes.model import ranking
from workshop_tui.ui.app import WorkshopApp
from workshop_tui.ui.widgets.themes import ThemesView
from workshop_tui.ui.widgets.themes.dialogs import ChoicePrompt, ConsolidateDialog, TextPrompt

EVAL = Path(__file__).resolve().parents[1] / "data" / "themes_eval.json"
AGENDA = Agenda(
    title="IPR border enforcement",
    topics=(Topic("risk", "Risk analysis"), Topic("legal", "Legal framework")),
    groups=(Group("Group A"), Group("Group B"), Group("Group C")),
)


def build(data_dir: Path) -> SessionStore:
    """The risk-analysis challenges of three groups (the labelled English dev set), and two
    groups' actions on the risk-profile challenges."""
    store = Store(data_dir).create_session(AGENDA, title="Synthesis day")
    sets = json.loads(EVAL.read_text(encoding="utf-8"))["sets"]
    by_text = {}
    for group, text, _ in sets[0]["entries"]:
        by_text[text] = store.add_entry(EntryKind.CHALLENGE, "risk", group, text).id
    profiles = [by_text[t] for g, t, theme in sets[0]["entries"] if theme == "profiles"][1:]
    store.add_entry(
        EntryKind.ACTION,
        "risk",
        "Group A",
        "Draft risk profiles for IPR goods",
        links=[profiles[0]],
        action=ActionFields(owner="Head of risk unit", due="2027-03-01"),
    )
    store.add_entry(
        EntryKind.ACTION,
        "risk",
        "Group B",
        "Add fake-goods indicators to targeting",
        links=[profiles[1]],
        action=ActionFields(owner="Ms Sari", due="2027-02-01"),
    )
    return store


async def open_themes(pilot, app: WorkshopApp) -> ThemesView:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.press("f2")
    await pilot.pause()
    await pilot.press("t")
    await app.workers.wait_for_complete()
    await pilot.pause()
    view = app.screen.query_one(ThemesView)
    assert not view.computing
    return view


async def settle(pilot, app: WorkshopApp) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()


async def highlight(pilot, view: ThemesView, kind: str, theme_id: str = "") -> None:  # type: ignore[no-untyped-def]
    """Move the cursor (with the keys) to the first row of ``kind`` (of ``theme_id``)."""
    await pilot.press("home")
    for _ in range(len(view.rows) + 10):
        row = view._row()
        if row is not None and row.kind == kind and (not theme_id or row.theme_id == theme_id):
            return
        await pilot.press("down")
    raise AssertionError(f"no {kind} row")


async def test_three_groups_challenges_become_ranked_themes_and_one_consolidated_action(
    tmp_path: Path,
) -> None:
    store = build(tmp_path)
    app = WorkshopApp(store=Store(tmp_path), session_id=store.id)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_themes(pilot, app)
        assert view.query_one("#themes-list", OptionList).has_focus
        first = view.suggestions[0]
        assert len(first.entries) >= 2 and first.reasons
        # Enter accepts the highlighted suggestion; the new theme is highlighted
        await highlight(pilot, view, "suggestion")
        await pilot.press("enter")
        await settle(pilot, app)
        themes = book.load_themes(store)
        assert [set(t.members) for t in themes] == [set(first.entries)]
        # accept two more, then the groups place their dots
        for _ in range(2):
            await highlight(pilot, view, "suggestion")
            await pilot.press("enter")
            await settle(pilot, app)
        themes = book.load_themes(store)
        assert len(themes) == 3
        profiles = next(
            t for t in themes if any("fake branded" in store.get(m).text for m in t.members)
        )
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        app.screen.query_one(Input).value = "2"
        await pilot.press("enter")
        await settle(pilot, app)
        assert book.dots_per_group(store) == 2
        await highlight(pilot, view, "theme", profiles.id)
        await pilot.press("v")  # Group A
        await pilot.press("right_square_bracket", "v")  # Group B
        await pilot.press("right_square_bracket", "v", "v", "v")  # Group C: 2 dots, then refused
        await settle(pilot, app)
        profiles = book.get_theme(store, profiles.id)
        assert profiles.votes == {"Group A": 1, "Group B": 1, "Group C": 2}
        assert ranking(book.load_themes(store))[0].id == profiles.id
        assert view._row() is not None and view._row().theme_id == profiles.id  # type: ignore[union-attr]
        # rename it
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        app.screen.query_one(Input).value = "No IPR risk profiles"
        await pilot.press("enter")
        await settle(pilot, app)
        assert book.get_theme(store, profiles.id).title == "No IPR risk profiles"
        # merge its groups' actions into one consolidated action
        await pilot.press("a")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConsolidateDialog)
        dialog.query_one("#consolidate-text", Input).value = "One national set of IPR risk profiles"
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        merged = plan.consolidated_actions(store, profiles.id)
        assert [e.text for e in merged] == ["One national set of IPR risk profiles"]
        assert merged[0].action is not None and merged[0].action.due == "2027-02-01"
        originals = [e for e in store.entries(kind=EntryKind.ACTION) if e.group]
        assert all(e.action and e.action.merged_into == merged[0].id for e in originals)
        detail = str(view.query_one("#themes-detail").render())
        assert "A1" in detail and "One national set" in detail
        # ctrl+z takes the consolidation back, originals unmarked
        await pilot.press("ctrl+z")
        await settle(pilot, app)
        assert plan.consolidated_actions(store) == []
        assert all(
            e.action and not e.action.merged_into for e in store.entries(kind=EntryKind.ACTION)
        )


async def test_reject_move_mark_and_make_a_theme_by_hand(tmp_path: Path) -> None:
    store = build(tmp_path)
    app = WorkshopApp(store=Store(tmp_path), session_id=store.id)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_themes(pilot, app)
        before = len(view.suggestions)
        await highlight(pilot, view, "suggestion")
        rejected = view.suggestions[0].signature
        await pilot.press("x")
        await settle(pilot, app)
        assert len(view.suggestions) == before - 1
        assert rejected not in {s.signature for s in view.suggestions}
        assert rejected in store.get_state()["themes_rejected"]
        # the rejected suggestion's entries are unthemed and stay visible
        free = [r.entry_id for r in view.rows.values() if r.kind == "free"]
        assert set(rejected.split(",")) <= set(free)
        # mark two of them and make a theme by hand
        await highlight(pilot, view, "free")
        await pilot.press("space", "down", "space")
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        app.screen.query_one(Input).value = "Made by hand"
        await pilot.press("enter")
        await settle(pilot, app)
        made = next(t for t in book.load_themes(store) if t.title == "Made by hand")
        assert len(made.members) == 2
        # move one of its entries out of every theme
        await highlight(pilot, view, "member", made.id)
        moved = view._row().entry_id  # type: ignore[union-attr]
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, ChoicePrompt)
        await pilot.press("end", "enter")  # "(out of every theme)" is the last choice
        await settle(pilot, app)
        assert moved not in book.get_theme(store, made.id).members
        # the themes come back after quit and resume
    again = WorkshopApp(store=Store(tmp_path), session_id=store.id)
    async with again.run_test(size=(120, 40)) as pilot:
        view = await open_themes(pilot, again)
        assert "Made by hand" in {t.title for t in view.themes}
        assert rejected not in {s.signature for s in view.suggestions}


async def test_suggestions_are_computed_in_a_worker_and_never_block_the_keys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While suggestions are being computed (here: held until released), the tab says so and
    the keys still act at once: the plenary switches tabs and back."""
    import threading

    from workshop_tui.core.themes import suggest

    release = threading.Event()
    real = suggest.suggest_themes

    def slow(*args: object, **kwargs: object) -> object:
        release.wait(timeout=30)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(suggest, "suggest_themes", slow)
    store = build(tmp_path)
    app = WorkshopApp(store=Store(tmp_path), session_id=store.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f2", "t")
        await pilot.pause()
        view = app.screen.query_one(ThemesView)
        assert view.computing
        assert "computing" in " ".join(str(o.prompt) for o in view.query_one(OptionList).options)
        await pilot.press("g")  # the grid, while the worker still waits
        await pilot.pause()
        assert app.screen.query_one("TabbedContent").active == "tab-grid"  # type: ignore[attr-defined]
        await pilot.press("t")
        await pilot.pause()
        release.set()
        await settle(pilot, app)
        assert not view.computing and view.suggestions
