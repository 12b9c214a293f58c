"""Room mode against a real ``workshop-tui serve --host 0.0.0.0``: the join code, the brake
on guessing it, role links, and exports as browser downloads. Requests go to 127.0.0.1 only."""

from __future__ import annotations

import asyncio
import csv
import io
import re
import time
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest
from serve_helpers import (
    AGENDA,
    CODE,
    STARTUP_TIMEOUT_S,
    ReadingTab,
    Served,
    Tab,
    fetch,
    serving,
    wait_until,
)

from workshop_tui.core.export import default_filename
from workshop_tui.core.model import EntryKind
from workshop_tui.core.store import Store
from workshop_tui.serve.gate import FREE_ATTEMPTS, LOCKOUT_AFTER

EXTERNAL_URL = re.compile(r"(https?:|wss?:)?//(?!127\.0\.0\.1[:/])[A-Za-z0-9.\-]+")


@pytest.fixture
def session(tmp_path: Path) -> tuple[Path, str]:
    data_dir = tmp_path / "data"
    session_id = Store(data_dir).create_session(AGENDA, title="Room test").id
    return data_dir, session_id


@pytest.fixture
def room(session: tuple[Path, str], tmp_path: Path) -> Iterator[Served]:
    data_dir, session_id = session
    with serving(
        data_dir, session_id, "--host", "0.0.0.0", "--code", CODE, home=tmp_path / "home"
    ) as served:
        yield served


def login(served: Served, link: str) -> str:
    """Follow a printed link with its code: the cookie the server sets."""
    status, headers, _ = fetch(link.replace(f"http://127.0.0.1:{served.port}", served.base))
    assert status == 303, (status, headers)
    assert "code" not in headers["Location"]
    cookie = headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    return cookie.split(";", 1)[0]


def test_the_terminal_shows_the_code_links_and_qr_codes(room: Served) -> None:
    out = room.output()
    assert "Join code: KXRT-7M2Q" in out
    for label in ("Group A", "Group B", "Projector", "Facilitator"):
        assert room.link(label).endswith(f"?code={CODE}")
    assert re.search(r"/facilitator/[a-z0-9]{8}\?code=", room.link("Facilitator"))
    assert out.count("▄▄▄▄▄") >= 4 * 3  # three finder patterns per QR code, one code per link


def test_without_the_code_every_path_gets_the_same_refusal(room: Served) -> None:
    answers = {
        path: fetch(room.base + path)
        for path in ("/", "/group/1", "/projector", "/ws", "/static/js/textual.js", "/nope")
    }
    statuses = {status for status, _, _ in answers.values()}
    bodies = {body for _, _, body in answers.values()}
    assert statuses == {403} and len(bodies) == 1, answers
    assert b"join code" in bodies.pop()


async def test_the_websocket_is_refused_without_the_code(room: Served) -> None:
    async with aiohttp.ClientSession() as client:
        for path in ("/ws", "/group/1/ws", "/projector/ws"):
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await client.ws_connect(f"ws://127.0.0.1:{room.port}{path}")
            assert refused.value.status == 403


def test_wrong_codes_are_slowed_then_refused_even_with_the_right_one(room: Served) -> None:
    took = []
    for attempt in range(LOCKOUT_AFTER):
        start = time.monotonic()
        status, _, _ = fetch(f"{room.base}/group/1?code=WRONG{attempt:03d}")
        took.append(time.monotonic() - start)
        assert status == 403
    assert max(took[:FREE_ATTEMPTS]) < 0.9, took
    assert min(took[FREE_ATTEMPTS:]) >= 0.9, took
    # locked out: the right code is refused too, and at once
    status, _, body = fetch(f"{room.base}/group/1?code={CODE}")
    assert status == 403 and b"join code" in body
    assert "too many wrong codes" in room.output()


def test_the_right_code_gives_a_cookie_and_the_offline_page(room: Served) -> None:
    cookie = login(room, room.link("Group A"))
    status, headers, body = fetch(f"{room.base}/group/1", cookie=cookie)
    page = body.decode()
    assert status == 200, page
    assert "textual.js" in page and f"ws://127.0.0.1:{room.port}/group/1/ws" in page
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert not EXTERNAL_URL.findall(page), EXTERNAL_URL.findall(page)
    assert "fonts.googleapis" not in page and "RobotoMono" in page
    # the font the page names is served from the package
    status, _, font = fetch(
        f"{room.base}/static/fonts/RobotoMono-VariableFont_wght.ttf", cookie=cookie
    )
    assert status == 200 and len(font) > 10_000
    # the redirect never leaves the site, whatever the path
    status, headers, _ = fetch(f"{room.base}//evil.example/x?code={CODE}")
    assert status == 303 and headers["Location"] == "/evil.example/x"
    # a code in a URL is typed by people: case and dashes do not matter
    assert fetch(f"{room.base}/projector?code=kxrt-7m2q")[0] == 303


def test_the_room_page_lists_groups_and_projector_but_not_the_facilitator(room: Served) -> None:
    cookie = login(room, f"{room.base}/?code={CODE}")
    page = fetch(room.base + "/", cookie=cookie)[2].decode()
    assert 'href="/group/1"' in page and 'href="/group/2"' in page
    assert 'href="/projector"' in page and "/facilitator" not in page
    # with the code, a path that does not exist is a plain 404
    assert fetch(room.base + "/facilitator/guess", cookie=cookie)[0] == 404


async def test_a_group_link_opens_an_app_locked_to_its_group(room: Served) -> None:
    cookie = login(room, room.link("Group B"))
    headers = {"Cookie": cookie, "Origin": f"http://127.0.0.1:{room.port}"}
    async with aiohttp.ClientSession() as client:
        url = f"ws://127.0.0.1:{room.port}/group/2/ws?width=120&height=36"
        async with client.ws_connect(url, headers=headers) as ws:
            tab = Tab(ws)
            assert await tab.wait_for("Room test", STARTUP_TIMEOUT_S), tab.screen[-2000:]
            # next group, then capture: a locked app stays on its group
            await tab.type("]")
            await tab.type("iSeizure data from B\r")
            store = Store(room.data_dir).open_session(room.session_id)
            assert await wait_until(lambda: len(store.entries()) == 1, 15)
            (entry,) = store.entries()
            assert (entry.group, entry.kind, entry.text) == (
                "Group B",
                EntryKind.CHALLENGE,
                "Seizure data from B",
            )
    assert await wait_until(lambda: "left: Group B from 127.0.0.1" in room.output(), 10)
    assert "joined: Group B from 127.0.0.1" in room.output()


async def test_a_websocket_from_another_site_is_refused(room: Served) -> None:
    cookie = login(room, room.link("Group A"))
    async with aiohttp.ClientSession() as client:
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await client.ws_connect(
                f"ws://127.0.0.1:{room.port}/group/1/ws",
                headers={"Cookie": cookie, "Origin": "http://evil.example"},
            )
        assert refused.value.status == 403


async def test_a_browser_export_arrives_as_a_download_not_a_file(
    room: Served, tmp_path: Path
) -> None:
    store = Store(room.data_dir).open_session(room.session_id)
    store.add_entry(EntryKind.ACTION, "legal", "Group A", "Draft a recordation procedure")
    before = sorted(p for p in tmp_path.rglob("*") if p.is_file() and "serve-" not in p.name)
    cookie = login(room, room.link("Facilitator"))
    path = room.link("Facilitator").split(str(room.port), 1)[1].split("?", 1)[0]
    headers = {"Cookie": cookie}
    async with aiohttp.ClientSession() as client:
        url = f"ws://127.0.0.1:{room.port}{path}/ws?width=120&height=40"
        async with client.ws_connect(url, headers=headers) as ws:
            # keeps reading what the app draws while the download runs, as a browser does:
            # an unread websocket stalls the app's output and with it the delivery
            tab = ReadingTab(ws)
            try:
                assert await tab.seen("Room test", STARTUP_TIMEOUT_S), (
                    tab.screen[-2000:],
                    room.output(),
                )
                await tab.type("\x05")  # ctrl+e: the export dialog
                assert await tab.seen("downloads in this browser as", 30), tab.screen[-3000:]
                await tab.type("\x13")  # ctrl+s: export
                assert await tab.seen('"deliver_file_start"', 30), tab.texts
                key = next(t for t in tab.texts if "deliver_file_start" in t).split('"')[3]
                async with client.get(
                    f"http://127.0.0.1:{room.port}/download/{key}",
                    headers=headers,
                    timeout=aiohttp.ClientTimeout(total=60),
                ) as got:
                    assert got.status == 200
                    disposition = got.headers["Content-Disposition"]
                    payload = await got.read()
            finally:
                await tab.close()
    name = default_filename(store.session, "actions", "csv")
    assert disposition.startswith("attachment;") and f'filename="{name}"' in disposition
    rows = list(csv.reader(io.StringIO(payload.decode("utf-8-sig"))))
    assert any("Draft a recordation procedure" in row for row in rows)
    after = sorted(p for p in tmp_path.rglob("*") if p.is_file() and "serve-" not in p.name)
    assert [p for p in after if p not in before and not p.name.endswith(".lock")] == []
    assert not (tmp_path / "home" / "Downloads").exists()
    await asyncio.sleep(0)
