"""Several writers, one session: what browser mode (one app process per browser tab) and a
bundle import running beside a capturing scribe rely on — the store's lock loses nothing."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from workshop_tui.core.agenda import Agenda, Group, Topic
from workshop_tui.core.bundle import BUNDLE_FORMAT
from workshop_tui.core.merge import import_bundles
from workshop_tui.core.model import Entry, EntryKind
from workshop_tui.core.store import Store

AGENDA = Agenda(
    title="Multi writer",
    topics=(Topic("legal", "Legal framework"),),
    groups=(Group("Group A"), Group("Group B"), Group("Group C")),
)
CAPTURES = 300

WRITER = textwrap.dedent(
    """
    import sys
    from workshop_tui.core.model import EntryKind
    from workshop_tui.core.store import Store

    data_dir, session_id, group, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    session = Store(data_dir).open_session(session_id)
    for n in range(count):
        session.add_entry(EntryKind.CHALLENGE, "legal", group, f"{group} #{n}")
    """
)


def _start_writer(data_dir: Path, session_id: str, group: str, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(data_dir), session_id, group, str(count)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait(proc: subprocess.Popen[str]) -> None:
    try:
        _, err = proc.communicate(timeout=180)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise AssertionError("a writer process did not finish within 180 s") from None
    assert proc.returncode == 0, err


def test_two_processes_capture_300_each_into_one_session(tmp_path: Path) -> None:
    store = Store(tmp_path / "data")
    session_id = store.create_session(AGENDA).id
    writers = [
        _start_writer(store.data_dir, session_id, g, CAPTURES) for g in ("Group A", "Group B")
    ]
    for proc in writers:
        _wait(proc)
    entries = Store(store.data_dir).open_session(session_id).entries()
    assert len(entries) == 2 * CAPTURES
    assert len({e.id for e in entries}) == 2 * CAPTURES
    for group in ("Group A", "Group B"):
        texts = sorted(e.text for e in entries if e.group == group)
        assert texts == sorted(f"{group} #{n}" for n in range(CAPTURES))
        # positions within one pane stay distinct: the lock covers read-position-then-write
        positions = [e.position for e in entries if e.group == group]
        assert len(set(positions)) == CAPTURES


def test_import_while_another_process_captures_loses_nothing(tmp_path: Path) -> None:
    store = Store(tmp_path / "data")
    session = store.create_session(AGENDA)
    stamp = "2026-11-27T09:00:00.000000+00:00"
    imported = [
        Entry(
            kind=EntryKind.SOLUTION, topic_id="legal", group="Group C", text=f"c{n}", created=stamp
        )
        for n in range(50)
    ]
    bundle = tmp_path / "c.json"
    bundle.write_text(
        json.dumps(
            {
                "format": BUNDLE_FORMAT,
                "version": 1,
                "exported": stamp,
                "session": session.session.to_dict(),
                "entries": [e.to_dict() for e in imported],
            }
        ),
        encoding="utf-8",
    )
    writer = _start_writer(store.data_dir, session.id, "Group A", 100)
    reports = [import_bundles(Store(store.data_dir), [bundle])[0] for _ in range(5)]
    _wait(writer)
    assert reports[0].added == 50
    assert all(r.unchanged == 50 for r in reports[1:])
    entries = Store(store.data_dir).open_session(session.id).entries()
    assert len([e for e in entries if e.group == "Group A"]) == 100
    assert {e.id for e in entries if e.group == "Group C"} == {e.id for e in imported}
