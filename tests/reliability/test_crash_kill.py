"""SIGKILL a capturing process at random moments: nothing acknowledged is ever lost or torn.

The child prints an entry id only after ``add_entry`` returned, i.e. after the write was
fsynced and renamed into place. Whatever moment the kill lands on (inside the JSON
serialisation, between temp-file write and rename, holding the lock ...), the session file
must parse, contain every acknowledged entry and edit, and the next ``Store(...)`` must clean
up the temp file a killed writer left.
"""

from __future__ import annotations

import random
import signal
import subprocess
import time
from pathlib import Path

import orjson
from reliability_helpers import AGENDA, report, spawn_capture_loop, temp_files

from workshop_tui.core.model import EntryKind
from workshop_tui.core.store import Store

KILLS = 50
SEED = 20261127


def _kill_after(proc: subprocess.Popen[str], delay: float) -> tuple[list[str], dict[str, str]]:
    """Let ``proc`` capture for ``delay`` s, SIGKILL it, return (acked ids, acked edits)."""
    assert proc.stdout is not None
    ready = proc.stdout.readline()  # the child opened the session; captures start now
    assert ready.strip() == "ready", proc.communicate()[1]
    time.sleep(delay)  # a random moment in the capture loop (not waiting on any UI)
    proc.send_signal(signal.SIGKILL)
    out, err = proc.communicate(timeout=30)  # also reaps it: its pid is gone for the cleaner
    assert proc.returncode == -signal.SIGKILL, err
    ids: list[str] = []
    edits: dict[str, str] = {}
    # A line cut by the kill has no newline and was never acknowledged as complete.
    lines = out.split("\n")[:-1]
    for line in lines:
        if line.startswith("U "):
            _, entry_id, text = line.split(" ", 2)
            edits[entry_id] = text
        elif line:
            ids.append(line)
    return ids, edits


def test_sigkill_at_random_moments_loses_no_acknowledged_entry(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    data_dir = tmp_path / "data"
    store = Store(data_dir)
    session = store.create_session(AGENDA)
    # A few hundred entries already: each write takes long enough for kills to land inside it.
    for n in range(300):
        session.add_entry(EntryKind.SOLUTION, "risk", "Group B", f"earlier solution {n}")
    session_path = store.session_path(session.id)
    acked: list[str] = []
    child_acks = 0
    latest_edit: dict[str, str] = {}
    interrupted_writes = 0  # kills that landed between temp-file creation and rename
    for _ in range(KILLS):
        proc = spawn_capture_loop(data_dir, session.id, "Group A")
        ids, edits = _kill_after(proc, rng.uniform(0.02, 0.2))
        acked += ids
        child_acks += len(ids)
        latest_edit.update(edits)

        raw = orjson.loads(session_path.read_bytes())  # never torn: always valid JSON
        raw_ids = [doc["id"] for doc in raw["entries"].values()]
        assert len(raw_ids) == len(set(raw_ids)), "an entry was stored twice"
        if store.catalog_path.exists():
            orjson.loads(store.catalog_path.read_bytes())  # the catalog is never torn either
        interrupted_writes += bool(temp_files(store))
        fresh = Store(data_dir)  # cleans temp files whose writer is dead
        assert temp_files(fresh) == [], "a stale temp file survived Store()"
        reopened = fresh.open_session(session.id)
        by_id = {e.id: e for e in reopened.entries()}
        missing = [i for i in acked if i not in by_id]
        assert not missing, f"{len(missing)} acknowledged entries lost, e.g. {missing[:3]}"
        for entry_id, text in latest_edit.items():
            assert by_id[entry_id].text == text, "an acknowledged edit was lost"

        # The parent's long-open store sees the child's entries and writes on top of them
        # (its cache must notice the file changed, not overwrite it with a stale copy).
        assert {e.id for e in session.entries()} == set(by_id)
        acked.append(session.add_entry(EntryKind.NOTE, "legal", "Group B", "facilitator").id)

    final = Store(data_dir).open_session(session.id).entries()
    report(
        f"crash test: {KILLS} SIGKILLs survived, {len(acked)} acknowledged entries "
        f"({child_acks} by the killed processes) and "
        f"{len(latest_edit)} edits checked after every kill, {len(final)} entries in the session, "
        f"{interrupted_writes} kills left a half-written temp file (cleaned)"
    )
    # The kills landed while the children were capturing (not before their first capture).
    assert child_acks >= KILLS // 2
