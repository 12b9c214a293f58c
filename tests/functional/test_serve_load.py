"""Ten browser tabs — ten app processes, as textual-serve runs them — capture into one session
at once through a real ``serve``; no entry is lost. Traffic to 127.0.0.1 only."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest
from serve_helpers import AGENDA, CODE, ReadingTab, Served, fetch, serving, wait_until

from workshop_tui.core.store import Store

TABS = 10


def _plain(drawn: str) -> str:
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", drawn)


ENTRIES_PER_TAB = 5
#: entry texts in words: the digits 1-5 are the session's pane keys, and under this load a
#: digit typed into the capture input was seen lost now and then (a key-routing matter of
#: the session screen, reported separately; this test is about the store)
WORDS = "zero one two three four five six seven eight nine".split()
#: ten app processes starting at once on a 2-core machine shared with other work
START_TIMEOUT_S = 120.0


@pytest.fixture
def room(tmp_path: Path) -> Iterator[Served]:
    data_dir = tmp_path / "data"
    session_id = Store(data_dir).create_session(AGENDA, title="Load test").id
    with serving(data_dir, session_id, "--host", "0.0.0.0", "--code", CODE) as served:
        yield served


async def test_ten_tabs_capture_at_once_and_lose_no_entry(room: Served) -> None:
    status, headers, _ = fetch(f"{room.base}/?code={CODE}")
    assert status == 303
    cookie = headers["Set-Cookie"].split(";", 1)[0]
    facilitator = room.link("Facilitator").split(str(room.port), 1)[1].split("?", 1)[0]
    # the facilitator, then the groups' links in turn: each tab is its own app process
    paths = [facilitator] + [f"/group/{1 + i % 2}" for i in range(TABS - 1)]
    async with aiohttp.ClientSession(headers={"Cookie": cookie}) as client:
        sockets = [
            await client.ws_connect(f"ws://127.0.0.1:{room.port}{path}/ws?width=100&height=30")
            for path in paths
        ]
        tabs = [ReadingTab(ws) for ws in sockets]
        try:
            drawn = await asyncio.gather(*(t.seen("Load test", START_TIMEOUT_S) for t in tabs))
            assert all(drawn), room.output()

            async def capture(number: int, tab: ReadingTab) -> None:
                await tab.quiet()
                await tab.type("i")  # start typing in the Challenges pane
                await tab.quiet()
                for entry in range(ENTRIES_PER_TAB):
                    text = f"tab {WORDS[number]} entry {WORDS[entry]}"
                    await tab.type(text)
                    assert await tab.seen(text, 30), (number, entry, _plain(tab.screen)[-600:])
                    await tab.type("\r")

            await asyncio.gather(*(capture(n, t) for n, t in enumerate(tabs)))
            store = Store(room.data_dir).open_session(room.session_id)
            wanted = TABS * ENTRIES_PER_TAB
            assert await wait_until(lambda: len(store.entries()) >= wanted, 60), (
                sorted(e.text for e in store.entries()),
                room.output(),
            )
        finally:
            for tab in tabs:
                await tab.close()
    texts = sorted(e.text for e in Store(room.data_dir).open_session(room.session_id).entries())
    expected = sorted(
        f"tab {WORDS[n]} entry {WORDS[e]}" for n in range(TABS) for e in range(ENTRIES_PER_TAB)
    )
    assert texts == expected
    assert f"connected ({TABS})" in room.output()
