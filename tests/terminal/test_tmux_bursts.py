"""The real app in a real terminal (tmux): keys sent in one write, as a fast typist or a
paste delivers them, settle at once and land where they were typed.

Pilot posts key events; it never goes through the terminal driver's reads, so this drives
``workshop-tui`` in a detached tmux session (CI installs tmux, see ``.ci/run``)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from workshop_tui.core.agenda import Agenda, Group, Topic
from workshop_tui.core.model import EntryKind
from workshop_tui.core.store import Store

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

AGENDA = Agenda(
    title="Burst workshop",
    name="burst",
    topics=(Topic("legal", "Legal framework", timebox=30), Topic("risk", "Risk analysis")),
    groups=(Group("Group A"), Group("Group B"), Group("Group C")),
)


def wait_until(check: Callable[[], bool], what: str, timeout: float = 30.0) -> None:
    """Poll ``check`` until it holds (a terminal cannot be awaited like Pilot)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


class Terminal:
    def __init__(self, name: str) -> None:
        self.name = name

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.name, *args], capture_output=True, text=True, check=False
        )
        return done.stdout

    def send(self, keys: str) -> None:
        """One send-keys: tmux writes the keys to the terminal together."""
        self.tmux("send-keys", "-t", self.name, "-l", keys)

    def key(self, name: str) -> None:
        self.tmux("send-keys", "-t", self.name, name)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.name)

    def alive(self) -> bool:
        return self.name in self.tmux("list-sessions", "-F", "#{session_name}")


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[tuple[Terminal, Path, str]]:
    data = tmp_path / "data"
    session_id = Store(data).create_session(AGENDA).id
    name = f"live-test-{os.getpid()}"
    term = Terminal(name)
    # Textual draws on stderr: it must stay the terminal
    command = f"{sys.executable} -m workshop_tui --data-dir {data} resume {session_id}"
    term.tmux("new-session", "-d", "-s", name, "-x", "120", "-y", "40", command)
    try:
        wait_until(lambda: "Challenges" in term.screen(), "the session screen")
        yield term, data, session_id
    finally:
        term.tmux("kill-server")


def test_two_group_switches_in_one_write_settle_in_the_right_group(
    terminal: tuple[Terminal, Path, str],
) -> None:
    term, data, session_id = terminal
    path = Store(data).session_path(session_id)
    term.send("]]")
    term.send("iAfter the burst")
    term.key("Enter")

    def stored() -> list[tuple[str, str]]:
        store = Store(data).open_session(session_id)
        return [(e.group, e.text) for e in store.entries(kind=[EntryKind.CHALLENGE])]

    wait_until(lambda: stored() == [("Group C", "After the burst")], "the entry in Group C")

    # settled: nothing switches back and forth, so the session file stops changing
    def unchanged_for_a_second() -> bool:
        before = path.stat().st_mtime_ns
        time.sleep(1.0)
        return path.stat().st_mtime_ns == before

    wait_until(unchanged_for_a_second, "the session file to stop changing", timeout=10)
    state = Store(data).open_session(session_id).get_state()
    assert state["group"] == "Group C"
    assert "Draft kept" not in term.screen()
    started = time.monotonic()
    term.key("C-q")
    wait_until(lambda: not term.alive(), "the app to quit", timeout=10)
    assert time.monotonic() - started < 5
