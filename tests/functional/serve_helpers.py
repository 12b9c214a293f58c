"""Helpers for the browser-mode tests: a real ``workshop-tui serve`` in a subprocess and a
browser tab driven over its websocket. Traffic goes to 127.0.0.1 only (a server may *bind*
0.0.0.0 to run in its room configuration)."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workshop_tui.core.agenda import Agenda, Group, Topic

AGENDA = Agenda(
    title="Serve test agenda",
    topics=(
        Topic("legal", "Legal framework", questions=("Can customs act ex officio?",)),
        Topic("risk", "Risk analysis"),
    ),
    groups=(Group("Group A"), Group("Group B")),
)
STARTUP_TIMEOUT_S = 30.0
CODE = "KXRT7M2Q"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def fetch(url: str, cookie: str = "", timeout: float = 10) -> tuple[int, dict[str, str], bytes]:
    """(status, headers, body) of a GET, redirects not followed, errors as statuses."""
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


@dataclass
class Served:
    """A running ``workshop-tui serve``."""

    proc: subprocess.Popen[bytes]
    port: int
    session_id: str
    data_dir: Path
    log_path: Path

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def output(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def link(self, label: str) -> str:
        """The printed link of a role (``Group A``, ``Projector``, ``Facilitator``)."""
        for line in self.output().splitlines():
            parts = line.split()
            if line.startswith("  ") and " ".join(parts[:-1]) == label:
                return parts[-1]
        raise AssertionError(f"no link for {label!r} in:\n{self.output()}")

    def wait_ready(self, timeout: float = STARTUP_TIMEOUT_S) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"serve exited with {self.proc.returncode}: {self.output()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.1)  # polling a server in another process, not the UI
        raise AssertionError(f"serve did not listen within {timeout:.0f}s: {self.output()}")


@contextmanager
def serving(
    data_dir: Path, session_id: str, *extra: str, home: Path | None = None
) -> Iterator[Served]:
    port = free_port()
    log_path = data_dir.parent / f"serve-{port}.log"
    env = dict(os.environ)
    if home is not None:
        env["HOME"] = str(home)  # where a download would land if it were written here
        env["XDG_DOWNLOAD_DIR"] = str(home / "Downloads")
    argv = [
        sys.executable,
        "-m",
        "workshop_tui",
        "--data-dir",
        str(data_dir),
        "serve",
        session_id,
        "--port",
        str(port),
        "--public-url",
        f"http://127.0.0.1:{port}",
        *extra,
    ]
    with log_path.open("wb") as log:
        proc = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=data_dir)
        served = Served(proc, port, session_id, data_dir, log_path)
        try:
            served.wait_ready()
            yield served
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)


class Tab:
    """A browser tab, as textual-serve's page drives it: a websocket to one app process."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.screen = ""  # everything the app has drawn so far (escape codes included)
        self.texts: list[str] = []  # text messages (meta: deliveries, ...)

    async def type(self, text: str) -> None:
        await self.ws.send_json(["stdin", text])

    async def wait_for(self, text: str, timeout: float) -> bool:
        import aiohttp

        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while text not in self.screen and loop.time() < deadline:
            try:
                message = await self.ws.receive(timeout=deadline - loop.time())
            except TimeoutError:
                break
            if message.type == aiohttp.WSMsgType.TEXT:
                self.texts.append(message.data)
                self.screen += message.data
            elif message.type == aiohttp.WSMsgType.BINARY:
                self.screen += message.data.decode("utf-8", errors="replace")
            elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                break
        return text in self.screen


class ReadingTab(Tab):
    """A tab that keeps reading what its app draws, as a browser does (an unread websocket
    stalls the app's output, and with it the app)."""

    def __init__(self, ws: Any) -> None:
        super().__init__(ws)
        self.received_at = 0.0
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        import aiohttp

        loop = asyncio.get_running_loop()
        async for message in self.ws:
            if message.type == aiohttp.WSMsgType.TEXT:
                self.texts.append(message.data)
                self.screen += message.data
            elif message.type == aiohttp.WSMsgType.BINARY:
                self.screen += message.data.decode("utf-8", errors="replace")
            self.received_at = loop.time()

    async def seen(self, text: str, timeout: float) -> bool:
        return await wait_until(lambda: text in self.screen, timeout)

    async def quiet(self, seconds: float = 0.4, timeout: float = 15) -> None:
        """Wait until the app has drawn nothing for ``seconds`` (it handled the last key)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while loop.time() - self.received_at < seconds and loop.time() < deadline:
            await asyncio.sleep(0.05)  # another process draws; not a UI wait

    async def close(self) -> None:
        self._reader.cancel()
        await self.ws.close()


async def wait_until(check: Any, timeout: float) -> bool:
    """Poll ``check()`` (another process's file) until true or ``timeout``."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not check() and loop.time() < deadline:
        await asyncio.sleep(0.05)  # polling another process's file, not the UI
    return bool(check())
