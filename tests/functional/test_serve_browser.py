"""A real browser in the room: headless Chromium opens a group link (with the join code),
draws the app and captures into the session, and no request leaves the machine.

Chromium is driven over its DevTools protocol on 127.0.0.1 (as /work/shared/tools
browser_shot.py does); host names are mapped to nowhere so even a background request of the
browser could not leave, and every request the page makes is recorded and checked.
``.ci/run`` installs Debian's ``chromium`` where it is missing."""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from serve_helpers import AGENDA, CODE, STARTUP_TIMEOUT_S, Served, free_port, serving, wait_until

from workshop_tui.core.model import EntryKind
from workshop_tui.core.store import Store

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs chromium (.ci/run installs it)")


@pytest.fixture
def room(tmp_path: Path) -> Iterator[Served]:
    data_dir = tmp_path / "data"
    session_id = Store(data_dir).create_session(AGENDA, title="Browser test").id
    with serving(data_dir, session_id, "--host", "0.0.0.0", "--code", CODE) as served:
        yield served


@pytest.fixture
def devtools(tmp_path: Path) -> Iterator[str]:
    """A headless Chromium; yields the DevTools websocket of its page."""
    port = free_port()
    assert CHROMIUM is not None
    chrome = subprocess.Popen(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--remote-debugging-port={port}",
            "--remote-debugging-address=127.0.0.1",
            f"--user-data-dir={tmp_path / 'chromium'}",
            "--window-size=1200,800",
            # nothing but 127.0.0.1 resolves: the browser's own services cannot go out either
            "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        tabs: list[dict[str, Any]] = []
        for _ in range(300):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/json", timeout=2) as r:
                    tabs = json.load(r)
                break
            except OSError:
                if chrome.poll() is not None:
                    pytest.fail(f"chromium exited with {chrome.returncode}")
                asyncio.run(asyncio.sleep(0.1))  # waiting for another process to listen
        page = next(t for t in tabs if t["type"] == "page")
        yield str(page["webSocketDebuggerUrl"])
    finally:
        chrome.terminate()
        try:
            chrome.wait(10)
        except subprocess.TimeoutExpired:
            chrome.kill()
            chrome.wait(10)


class DevTools:
    """Calls and events of one DevTools websocket."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.counter = 0
        self.events: list[dict[str, Any]] = []

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        self.counter += 1
        await self.ws.send_json({"id": self.counter, "method": method, "params": params})
        while True:
            message = await self.ws.receive_json(timeout=STARTUP_TIMEOUT_S)
            if message.get("id") == self.counter:
                if "error" in message:
                    raise AssertionError(f"{method}: {message['error']}")
                return dict(message.get("result", {}))
            self.events.append(message)

    async def evaluate(self, expression: str) -> Any:
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    def requested_urls(self) -> list[str]:
        urls = []
        for event in self.events:
            params = event.get("params", {})
            if event.get("method") == "Network.requestWillBeSent":
                urls.append(params["request"]["url"])
            elif event.get("method") == "Network.webSocketCreated":
                urls.append(params["url"])
        return urls


async def test_chromium_draws_the_app_and_nothing_leaves_the_machine(
    room: Served, devtools: str, tmp_path: Path
) -> None:
    link = room.link("Group A")
    async with aiohttp.ClientSession() as client:
        async with client.ws_connect(devtools, max_msg_size=0) as ws:
            browser = DevTools(ws)
            await browser.call("Network.enable")
            await browser.call("Page.enable")
            await browser.call("Page.navigate", url=link)
            loop = asyncio.get_running_loop()
            deadline = loop.time() + STARTUP_TIMEOUT_S
            drawn = False
            while not drawn and loop.time() < deadline:
                # textual.js marks the page once the app's first frame has arrived
                drawn = bool(
                    await browser.evaluate(
                        "document.body !== null && document.body.classList.contains('-first-byte')"
                    )
                )
                await asyncio.sleep(0.2)  # polling the browser, another process
            assert drawn, room.output()
            assert await browser.evaluate("location.search") == ""  # the code left the URL
            # type into the app like a scribe: "i", the text, Enter
            await browser.evaluate("document.querySelector('.xterm-helper-textarea').focus()")
            await asyncio.sleep(1.0)  # let the app settle its first screen
            for text in ("i", "From Chromium"):
                await browser.call("Input.insertText", text=text)
                await asyncio.sleep(0.3)
            await browser.call(
                "Input.dispatchKeyEvent",
                type="keyDown",
                key="Enter",
                code="Enter",
                windowsVirtualKeyCode=13,
                text="\r",
            )
            store = Store(room.data_dir).open_session(room.session_id)
            saved = await wait_until(lambda: len(store.entries()) == 1, 20)
            shot = await browser.call("Page.captureScreenshot", format="png")
            (tmp_path / "room-browser.png").write_bytes(
                __import__("base64").b64decode(shot["data"])
            )
            urls = browser.requested_urls()
    assert saved, room.output()
    (entry,) = store.entries()
    assert (entry.text, entry.group, entry.kind) == (
        "From Chromium",
        "Group A",
        EntryKind.CHALLENGE,
    )
    local = (f"http://127.0.0.1:{room.port}/", f"ws://127.0.0.1:{room.port}/")
    assert urls and all(url.startswith(local) or url.startswith("data:") for url in urls), urls
    assert any(url.endswith("/static/fonts/RobotoMono-VariableFont_wght.ttf") for url in urls)
    assert f"ws://127.0.0.1:{room.port}/group/1/ws" in " ".join(urls)
    assert "joined: Group A from 127.0.0.1" in room.output()
