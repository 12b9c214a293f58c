"""Closed session screens leave nothing drawn behind (history_rss_ratio, issue 17).

Textual 8.2.8's ``StylesCache.get_inner_outer`` caches on the instance (Textual #6665), which
kept every closed screen's widgets' drawings alive; the app empties that cache on each
screen change (``ui.textual_leaks``)."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import plenary_helpers  # noqa: F401 - puts tests/unit on sys.path (history_sample)
from textual._styles_cache import StylesCache

from workshop_tui.core.store import Store
from workshop_tui.ui.app import WorkshopApp
from workshop_tui.ui.navigation import open_entry
from workshop_tui.ui.screens.session import SessionScreen

import history_sample  # noqa: E402  isort: skip


def _drawings(app: WorkshopApp) -> list[weakref.ref[StylesCache]]:
    """Weak references to the line caches of the session screen on top (a function of its
    own, so the test's coroutine holds no reference to the screen)."""
    screen = app.screen
    assert isinstance(screen, SessionScreen)
    caches = [w._styles_cache for w in screen.walk_children(with_self=True)]
    assert any(c._cache for c in caches)  # the screen's widgets drew lines
    return [weakref.ref(c) for c in caches]


async def test_closed_read_only_sessions_release_their_drawings(tmp_path: Path) -> None:
    history_sample.build(tmp_path, 4, entries=30)
    store = Store(tmp_path)
    app = WorkshopApp(store=store)
    drawn: list[weakref.ref[StylesCache]] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for i in range(3):
            open_entry(app, history_sample.session_id(i + 1), read_only=True)
            await app.workers.wait_for_complete()
            await pilot.pause()
            drawn += _drawings(app)
            await app.pop_screen()  # returns once the screen is removed
            await app.workers.wait_for_complete()
            await pilot.pause()
        gc.collect()
        kept = {id(ref()) for ref in drawn if ref() is not None}
        # A closed screen's cancelled timer handles keep it (through their context) until
        # their time comes; what must not keep it is Textual's style cache.
        StylesCache.get_inner_outer.cache_clear()
        gc.collect()
        freed = kept - {id(ref()) for ref in drawn if ref() is not None}
        assert not freed, f"{len(freed)} closed widgets' drawings were kept by the style cache"
        assert len(kept) < len(drawn) / 2  # and most are gone already


def test_the_cache_is_emptied_by_a_screen_change() -> None:
    from workshop_tui.ui.textual_leaks import forget_closed_screens

    forget_closed_screens()
    assert StylesCache.get_inner_outer.cache_info().currsize == 0
