"""Child process for the history figures (issue 17): each mode is a fresh process.

    python benchmarks/history_probe.py filter DATA_DIR     F4 keystrokes, and the floor
    python benchmarks/history_probe.py register DATA_DIR   the action register, cold
    python benchmarks/history_probe.py search DATA_DIR Q   a filtered search, cold
    python benchmarks/history_probe.py cycles DATA_DIR N   open/close N old sessions

Prints one JSON line. ``filter``: the time from a key press in the sessions browser's filter
box until the table shows the filtered rows, per keystroke, and the same for a key press in an
Input that filters nothing (the floor: what any keystroke costs in this app and harness).
``cycles``: current RSS after the first and after the last open/close of a read-only old
session (opened from the sessions browser's code path, closed by popping the screen).
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import sys
import time
from typing import Any

TYPED = "workshop 2021-0"  # words and a month: every keystroke filters 1,000 sessions


def rss_now_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


async def _settle(pilot: Any) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def _filter(data: str) -> dict[str, Any]:
    from textual.widgets import Input

    from workshop_tui.core.store import Store
    from workshop_tui.ui.app import WorkshopApp
    from workshop_tui.ui.screens.review import PREFS_KEY, SessionsScreen

    store = Store(data)
    store.prefs.set(PREFS_KEY, {})
    app = WorkshopApp(store=store)
    keys: list[float] = []
    floor: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f4")
        await _settle(pilot)
        await _settle(pilot)
        screen = app.screen
        assert isinstance(screen, SessionsScreen), screen
        box = screen.query_one("#sessions-text", Input)
        box.focus()
        await pilot.pause()
        for char in TYPED:
            start = time.perf_counter()
            await pilot.press(char)
            await _settle(pilot)
            keys.append((time.perf_counter() - start) * 1000)
            assert screen.shown is not None
        shown = len(screen.shown)
        # the floor: the same key presses into an Input nothing listens to
        plain = Input(id="floor-input")
        await screen.mount(plain)
        plain.focus()
        await pilot.pause()
        for char in TYPED:
            start = time.perf_counter()
            await pilot.press(char)
            await _settle(pilot)
            floor.append((time.perf_counter() - start) * 1000)
    return {"keys_ms": keys, "floor_ms": floor, "shown": shown, "total": len(screen.sessions)}


def _register(data: str) -> dict[str, Any]:
    from workshop_tui.core.register import build_register
    from workshop_tui.core.store import Store

    start = time.perf_counter()
    register = build_register(Store(data))
    ms = (time.perf_counter() - start) * 1000
    return {"ms": ms, "rows": len(register.rows), "problems": len(register.problems)}


def _search(data: str, query: str) -> dict[str, Any]:
    from workshop_tui.core.search import index_for
    from workshop_tui.core.search_query import parse_search
    from workshop_tui.core.store import Store

    parsed = parse_search(query)
    index = index_for(Store(data))
    start = time.perf_counter()
    hits = index.search(parsed.text, flt=parsed.filter)
    ms = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    total = index.count(parsed.text, parsed.filter)
    count_ms = (time.perf_counter() - start) * 1000
    return {"ms": ms, "hits": len(hits), "total": total, "count_ms": count_ms}


async def _cycles(data: str, cycles: int) -> dict[str, Any]:
    from workshop_tui.core.store import Store
    from workshop_tui.ui.app import WorkshopApp
    from workshop_tui.ui.navigation import open_entry
    from workshop_tui.ui.screens.session import SessionScreen

    store = Store(data)
    oldest = [s.id for s in store.list_sessions().sessions][-cycles:]
    app = WorkshopApp(store=store)
    after: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for session_id in oldest:
            open_entry(app, session_id, read_only=True)
            await _settle(pilot)
            assert isinstance(app.screen, SessionScreen), app.screen
            app.pop_screen()
            await _settle(pilot)
            gc.collect()
            after.append(rss_now_mb())
    return {"rss_mb": after, "open_stores": len(store._open)}


def main() -> int:
    mode, data = sys.argv[1], sys.argv[2]
    if mode == "filter":
        result = asyncio.run(_filter(data))
    elif mode == "register":
        result = _register(data)
    elif mode == "search":
        result = _search(data, sys.argv[3])
    elif mode == "cycles":
        result = asyncio.run(_cycles(data, int(sys.argv[3])))
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
