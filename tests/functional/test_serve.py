"""Browser mode: ``workshop-tui serve`` serves the app through textual-serve on 127.0.0.1."""

from __future__ import annotations

import asyncio
import shlex
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from serve_helpers import Tab, free_port

from workshop_tui import serve
from workshop_tui.cli import main
from workshop_tui.core.agenda import Agenda, Group, Topic
from workshop_tui.core.store import Store

AGENDA = Agenda(
    title="Serve test agenda",
    topics=(Topic("legal", "Legal framework"),),
    groups=(Group("Group A"), Group("Group B")),
)
STARTUP_TIMEOUT_S = 30.0


def wait_for_page(url: str, proc: subprocess.Popen[bytes], timeout: float) -> str:
    """Poll ``url`` until it answers (bounded), failing early if the server died."""
    deadline = time.monotonic() + timeout
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
            raise AssertionError(f"serve exited with {proc.returncode}: {out}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return str(response.read().decode("utf-8"))
        except (urllib.error.URLError, ConnectionError, TimeoutError) as err:
            last_error = err
            time.sleep(0.1)  # polling a server in another process, not waiting for the UI
    raise AssertionError(f"{url} did not answer within {timeout:.0f}s: {last_error}")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def server(data_dir: Path) -> Iterator[tuple[int, str, subprocess.Popen[bytes]]]:
    session_id = Store(data_dir).create_session(AGENDA, title="Serve test").id
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "workshop_tui",
            "--data-dir",
            str(data_dir),
            "serve",
            "--port",
            str(port),
            session_id,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        yield port, session_id, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        if proc.stdout:
            proc.stdout.close()


def test_serve_answers_with_the_textual_serve_page(
    server: tuple[int, str, subprocess.Popen[bytes]],
) -> None:
    port, _, proc = server
    page = wait_for_page(f"http://127.0.0.1:{port}/", proc, STARTUP_TIMEOUT_S)
    assert "textual.js" in page and "textual-terminal" in page
    assert f"ws://127.0.0.1:{port}/ws" in page
    proc.terminate()
    proc.wait(timeout=10)
    assert proc.stdout is not None
    out = proc.stdout.read().decode(errors="replace")
    assert f"http://127.0.0.1:{port}" in out


async def test_a_browser_tab_starts_the_app_on_the_same_data_dir(
    server: tuple[int, str, subprocess.Popen[bytes]],
) -> None:
    import aiohttp

    port, _, proc = server
    await asyncio.to_thread(wait_for_page, f"http://127.0.0.1:{port}/", proc, STARTUP_TIMEOUT_S)
    received = ""
    async with aiohttp.ClientSession() as client:
        async with client.ws_connect(f"ws://127.0.0.1:{port}/ws?width=100&height=30") as ws:
            loop = asyncio.get_running_loop()
            deadline = loop.time() + STARTUP_TIMEOUT_S
            # the session title appears once the app has drawn its first screen
            while "Serve test" not in received and loop.time() < deadline:
                try:
                    message = await ws.receive(timeout=deadline - loop.time())
                except TimeoutError:
                    break
                if message.type == aiohttp.WSMsgType.TEXT:
                    received += message.data
                elif message.type == aiohttp.WSMsgType.BINARY:
                    received += message.data.decode("utf-8", errors="replace")
                elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                    break
    assert "Serve test" in received, received[-2000:]
    assert "Traceback" not in received


def test_app_command_runs_this_python_on_the_same_data_dir(tmp_path: Path) -> None:
    command = serve.app_command(tmp_path / "my data", "abc-123", "Group A")
    argv = shlex.split(command)
    assert argv[:3] == [sys.executable, "-m", "workshop_tui"]
    assert argv[3:] == [
        "--data-dir",
        str(tmp_path / "my data"),
        "resume",
        "abc-123",
        "--group",
        "Group A",
    ]
    assert shlex.split(serve.app_command(tmp_path))[3:] == ["--data-dir", str(tmp_path)]


def test_plan_binds_localhost_by_default_and_names_a_wildcard_host(tmp_path: Path) -> None:
    local = serve.plan(tmp_path)
    assert (local.host, local.port, local.public_url, local.code) == (
        "127.0.0.1",
        8000,
        "http://127.0.0.1:8000",
        "",
    )
    assert [r.command for r in local.roles] == [serve.app_command(tmp_path)]  # the whole app
    everywhere = serve.plan(tmp_path, host="0.0.0.0", port=8123, session_id="s1")
    assert everywhere.public_url == f"http://{socket.gethostname()}:8123"
    given = serve.plan(
        tmp_path, host="0.0.0.0", public_url="http://laptop.local:8000/", session_id="s1"
    )
    assert given.public_url == "http://laptop.local:8000"


def test_off_this_machine_a_session_and_a_code_are_required(tmp_path: Path) -> None:
    with pytest.raises(serve.ServeError, match="needs a SESSION"):
        serve.plan(tmp_path, host="0.0.0.0")
    with pytest.raises(serve.ServeError, match="needs a SESSION"):
        serve.plan(tmp_path, host="192.168.1.20")
    room = serve.plan(tmp_path, host="0.0.0.0", session_id="s1", groups=("Group A",))
    assert len(room.code) == 8 and room.index
    assert serve.plan(tmp_path, host="0.0.0.0", session_id="s1").code != room.code
    with pytest.raises(serve.ServeError, match="8 to 64"):
        serve.plan(tmp_path, host="0.0.0.0", session_id="s1", code="abc")
    # loopback: no code unless one is given
    assert serve.plan(tmp_path, session_id="s1").code == ""
    assert serve.plan(tmp_path, session_id="s1", code="room-2026-a").code == "ROOM2026A"


def test_served_roles_run_restricted_apps(tmp_path: Path) -> None:
    room = serve.plan(tmp_path, host="0.0.0.0", session_id="s1", groups=("Group A", "Group B"))
    kinds = {r.label: shlex.split(r.command)[3:] for r in room.roles}
    data = ["--data-dir", str(tmp_path)]
    assert kinds["Group B"] == [*data, "resume", "s1", "--group", "Group B", "--served"]
    assert kinds["Projector"] == [*data, "resume", "s1", "--projector", "--served"]
    assert kinds["Facilitator"] == [*data, "resume", "s1", "--served"]
    assert room.role_for("/group/2") is not None and room.role_for("/") is None
    # on this machine "/" opens the facilitator's app, as before room mode
    local = serve.plan(tmp_path, session_id="s1", groups=("Group A",))
    root = local.role_for("/")
    assert root is not None and root.kind == "facilitator" and not local.index
    grouped = serve.plan(
        tmp_path, host="0.0.0.0", session_id="s1", group="Group A", groups=("Group A",)
    )
    root = grouped.role_for("/")
    assert root is not None and root.group == "Group A"


def test_missing_textual_serve_gives_the_install_hint(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "textual_serve", None)
    monkeypatch.setitem(sys.modules, "textual_serve.server", None)
    assert main(["--data-dir", str(data_dir), "serve", "--port", str(free_port())]) == 1
    err = capsys.readouterr().err
    assert "workshop-tui[serve]" in err and "Traceback" not in err


def test_port_in_use_is_a_clear_error(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["--data-dir", str(data_dir), "serve", "--port", str(port)]) == 1
    assert f"cannot listen on 127.0.0.1:{port}" in capsys.readouterr().err


def test_unknown_session_or_group_is_refused_before_serving(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session_id = Store(data_dir).create_session(AGENDA).id
    assert main(["--data-dir", str(data_dir), "serve", "nope"]) == 1
    assert "no session matches 'nope'" in capsys.readouterr().err
    assert main(["--data-dir", str(data_dir), "serve", session_id, "--group", "Group Z"]) == 1
    assert "Group Z" in capsys.readouterr().err
    assert main(["--data-dir", str(data_dir), "serve", "--group", "Group A"]) == 1
    assert "needs a SESSION" in capsys.readouterr().err


async def test_two_tabs_capture_into_one_session_and_see_each_other(
    data_dir: Path, server: tuple[int, str, subprocess.Popen[bytes]]
) -> None:
    import aiohttp

    port, session_id, proc = server
    await asyncio.to_thread(wait_for_page, f"http://127.0.0.1:{port}/", proc, STARTUP_TIMEOUT_S)
    url = f"ws://127.0.0.1:{port}/ws?width=120&height=36"
    async with aiohttp.ClientSession() as client:
        async with client.ws_connect(url) as ws1, client.ws_connect(url) as ws2:
            one, two = Tab(ws1), Tab(ws2)
            assert await one.wait_for("Serve test", STARTUP_TIMEOUT_S), one.screen[-2000:]
            assert await two.wait_for("Serve test", STARTUP_TIMEOUT_S), two.screen[-2000:]
            # the session opens on the Challenges list: "i" starts typing (keys sent with it
            # in one burst go into the input too)
            await one.type("iFees from tab one\r")
            await two.type("iSeizures from tab two\r")
            store = Store(data_dir).open_session(session_id)
            loop = asyncio.get_running_loop()
            deadline = loop.time() + 10
            while len(store.entries()) < 2 and loop.time() < deadline:
                await asyncio.sleep(0.05)  # polling another process's file, not the UI
            assert len(store.entries()) == 2
            # both captures are saved: each tab shows the other's at its next poll of the
            # session file (every 1.5 s), even when its own save took the other's in first
            assert await one.wait_for("Seizures from tab two", 10), one.screen[-3000:]
            assert await two.wait_for("Fees from tab one", 10), two.screen[-3000:]
    texts = sorted(e.text for e in Store(data_dir).open_session(session_id).entries())
    assert texts == ["Fees from tab one", "Seizures from tab two"]
