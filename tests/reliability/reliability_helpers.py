"""Helpers of the reliability tests: an agenda and child processes that capture."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from workshop_tui.core.agenda import Agenda, Group, Topic
from workshop_tui.core.store import Store

AGENDA = Agenda(
    title="Reliability workshop",
    topics=(Topic("legal", "Legal framework"), Topic("risk", "Risk analysis")),
    groups=(Group("Group A"), Group("Group B")),
    name="reliability",
)

#: A scribe that captures until killed; prints each entry id once ``add_entry`` returned
#: (= durable); until killed it also edits an earlier entry every 5th round (printing
#: ``U <id> <text>``) and lists the sessions every 7th (which rewrites catalog.json).
CAPTURE_LOOP = textwrap.dedent(
    """
    import sys
    from workshop_tui.core.model import EntryKind
    from workshop_tui.core.store import Store

    data_dir, session_id, group, limit = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    store = Store(data_dir)
    session = store.open_session(session_id)
    print("ready", flush=True)
    mine = []
    n = 0
    while limit < 0 or n < limit:
        entry = session.add_entry(EntryKind.CHALLENGE, "legal", group, f"{group} capture {n}")
        mine.append(entry.id)
        print(entry.id, flush=True)
        if limit < 0 and n % 5 == 4:
            target = mine[n // 2]
            text = f"edited at {n}"
            session.update_entry(target, text=text)
            print(f"U {target} {text}", flush=True)
        if limit < 0 and n % 7 == 6:
            store.list_sessions()  # rewrites catalog.json: kills land in those writes too
        n += 1
    """
)


def spawn_capture_loop(
    data_dir: Path, session_id: str, group: str, limit: int = -1
) -> subprocess.Popen[str]:
    """Start a capturing child process (``limit`` < 0: capture until killed)."""
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    return subprocess.Popen(
        [sys.executable, "-c", CAPTURE_LOOP, str(data_dir), session_id, group, str(limit)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def temp_files(store: Store) -> list[Path]:
    """Leftover temp files of interrupted atomic writes, anywhere in the data dir."""
    return [p for p in store.data_dir.rglob("*.tmp")]


#: one line per figure the reliability tests measured; conftest prints them in the summary
FIGURES: list[str] = []


def report(line: str) -> None:
    """Show a measured figure in the test run's output (even when output is captured)."""
    print(line)
    FIGURES.append(line)
