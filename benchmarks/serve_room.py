"""Room-mode figures (issue 16) for bench.py: memory per browser tab and how long a capture in
one tab takes to show in another.

Runs a real ``workshop-tui serve`` (join code on, as in a room) on 127.0.0.1 and drives its
tabs over the websocket, as textual-serve's page does: every tab is its own app process.

* ``serve_rss_mb_per_client``: mean resident memory of one tab's app process once every tab
  has drawn (VmRSS; the proportional share, PSS, is in the note);
* ``serve_capture_visible_ms``: from the Enter that saves an entry in a scribe's tab to the
  entry drawn in the facilitator's tab (its poll of the session file), median of several.
"""

from __future__ import annotations

import asyncio
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from workshop_tui.core.agenda import Agenda, Group, Topic
from workshop_tui.core.store import Store

CODE = "BENCHROOM"
TITLE = "Room benchmark"
WORDS = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima".split()
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class _Tab:
    """One browser tab: reads everything its app draws (as a browser does)."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.screen = ""
        self.last = 0.0
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        loop = asyncio.get_running_loop()
        async for message in self.ws:
            data = message.data
            self.screen += data if isinstance(data, str) else data.decode("utf-8", "replace")
            self.last = loop.time()

    async def seen(self, text: str, timeout: float) -> float | None:
        """Loop time at which ``text`` was drawn (None: not within ``timeout``)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while loop.time() < deadline:
            if text in ANSI.sub("", self.screen):
                return loop.time()
            await asyncio.sleep(0.01)
        return None

    async def quiet(self, seconds: float = 0.5, timeout: float = 20) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while loop.time() - self.last < seconds and loop.time() < deadline:
            await asyncio.sleep(0.05)

    async def type(self, text: str) -> None:
        await self.ws.send_json(["stdin", text])


def _app_processes(data_dir: Path) -> list[int]:
    pids = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            argv = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"--served" in argv and str(data_dir).encode() in argv and b"-c" not in argv:
            pids.append(int(proc.name))
    return pids


def _memory_mb(pid: int) -> tuple[float, float]:
    """(RSS, PSS) of a process in MB."""
    rss = pss = 0.0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            rss = int(line.split()[1]) / 1024
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                pss = int(line.split()[1]) / 1024
    except OSError:
        pass
    return rss, pss


async def _drive(port: int, data_dir: Path, clients: int, captures: int) -> dict[str, Any]:
    import aiohttp

    opener = urllib.request.build_opener(_NoRedirect)
    try:
        opener.open(f"http://127.0.0.1:{port}/?code={CODE}", timeout=10)
        raise RuntimeError("the join code was not answered with a redirect")
    except urllib.error.HTTPError as redirect:
        cookie = redirect.headers["Set-Cookie"].split(";", 1)[0]
    out = (data_dir.parent / "serve.log").read_text()
    facilitator = re.search(r"/facilitator/[a-z0-9]+", out)
    if facilitator is None:
        raise RuntimeError(f"no facilitator link in: {out}")
    paths = ["/group/1", facilitator.group(0)] + [f"/group/{1 + i % 2}" for i in range(clients - 2)]
    async with aiohttp.ClientSession(headers={"Cookie": cookie}) as client:
        tabs = [
            _Tab(await client.ws_connect(f"ws://127.0.0.1:{port}{p}/ws?width=120&height=36"))
            for p in paths
        ]
        started = time.perf_counter()
        drawn = await asyncio.gather(*(t.seen(TITLE, 180) for t in tabs))
        if not all(drawn):
            raise RuntimeError("not every tab drew the app")
        start_s = time.perf_counter() - started
        await asyncio.gather(*(t.quiet(1.0) for t in tabs))
        memory = [_memory_mb(pid) for pid in _app_processes(data_dir)]
        scribe, facilitator_tab = tabs[0], tabs[1]
        await scribe.type("i")
        await scribe.quiet()
        visible_ms: list[float] = []
        loop = asyncio.get_running_loop()
        for number in range(captures):
            text = f"visible {WORDS[number % len(WORDS)]} {WORDS[(number * 7) % len(WORDS)]}"
            await scribe.type(text)
            if await scribe.seen(text, 30) is None:
                raise RuntimeError(f"the scribe's tab did not echo {text!r}")
            sent = loop.time()
            await scribe.type("\r")
            shown = await facilitator_tab.seen(text, 30)
            if shown is None:
                raise RuntimeError(f"{text!r} never showed in the facilitator's tab")
            visible_ms.append((shown - sent) * 1000)
            await asyncio.sleep(0.3)  # let both tabs settle before the next capture
        for tab in tabs:
            tab.reader.cancel()
            await tab.ws.close()
    return {"memory": memory, "visible_ms": visible_ms, "start_s": start_s}


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def measure_serve_room(clients: int, captures: int) -> dict[str, Any]:
    """Run a room with ``clients`` tabs; returns memory per app process and visibility times."""
    work = Path(tempfile.mkdtemp(prefix="workshop-serve-bench-"))
    data_dir = work / "data"
    agenda = Agenda(
        title=TITLE,
        topics=(Topic("legal", "Legal framework"), Topic("risk", "Risk analysis")),
        groups=(Group("Group A"), Group("Group B")),
    )
    session_id = Store(data_dir).create_session(agenda, title=TITLE).id
    port = _free_port()
    log = (work / "serve.log").open("wb")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "workshop_tui",
            "--data-dir",
            str(data_dir),
            "serve",
            session_id,
            "--host",
            "0.0.0.0",
            "--port",
            str(port),
            "--code",
            CODE,
            "--public-url",
            f"http://127.0.0.1:{port}",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        result = asyncio.run(_drive(port, data_dir, clients, captures))
    finally:
        server.terminate()
        server.wait(20)
        log.close()
    memory = result["memory"]
    result["rss_mb"] = statistics.mean(m[0] for m in memory) if memory else None
    result["pss_mb"] = statistics.mean(m[1] for m in memory) if memory else None
    result["processes"] = len(memory)
    return result


if __name__ == "__main__":
    # bench.py runs this in a child process: the tabs' readers keep every frame they are
    # sent, which must not count in the benchmark process's own peak memory
    import json

    print(json.dumps(measure_serve_room(int(sys.argv[1]), int(sys.argv[2]))))
