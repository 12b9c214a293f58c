"""Two scribes' processes capture 300 entries each into one session while a third reads.

Every entry a writer acknowledged is there at the end, ids are unique, and a reader that
lists and opens the session the whole time never sees a torn or half-merged file.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

from reliability_helpers import AGENDA, report, spawn_capture_loop, temp_files

from workshop_tui.core.store import Store

CAPTURES = 300


def _acked_ids(proc: subprocess.Popen[str]) -> list[str]:
    try:
        out, err = proc.communicate(timeout=180)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise AssertionError("a writer did not finish 300 captures within 180 s") from None
    assert proc.returncode == 0, err
    lines = out.splitlines()
    assert lines[0] == "ready"
    return lines[1:]


def test_two_processes_300_captures_each_with_a_reader(tmp_path: Path) -> None:
    store = Store(tmp_path / "data")
    session_id = store.create_session(AGENDA).id
    writers = {
        group: spawn_capture_loop(store.data_dir, session_id, group, CAPTURES)
        for group in ("Group A", "Group B")
    }
    reader = Store(store.data_dir)
    reads = 0
    seen = 0
    # Read while they write: every read parses (no CorruptDataError) and never goes backwards.
    while any(p.poll() is None for p in writers.values()):
        listing = reader.list_sessions()
        assert listing.problems == []
        count = len(reader.open_session(session_id).entries())
        assert count >= seen, "a reader saw the session lose entries"
        seen = count
        reads += 1
        time.sleep(0.01)  # pace the reader; the writers are separate processes

    acked = {group: _acked_ids(proc) for group, proc in writers.items()}
    entries = Store(store.data_dir).open_session(session_id).entries()
    ids = [e.id for e in entries]
    assert len(ids) == 2 * CAPTURES
    assert len(set(ids)) == 2 * CAPTURES
    for group, group_ids in acked.items():
        assert len(group_ids) == CAPTURES
        assert set(group_ids) == {e.id for e in entries if e.group == group}
        assert sorted(e.text for e in entries if e.group == group) == sorted(
            f"{group} capture {n}" for n in range(CAPTURES)
        )
    assert temp_files(store) == []
    report(
        f"concurrency: 2 writers × {CAPTURES} captures, {reads} concurrent reads, all {len(ids)} there"
    )
