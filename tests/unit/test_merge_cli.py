"""``workshop-tui import``: the two-scribe workflow end to end through the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workshop_tui.cli import main
from workshop_tui.core.agenda import Agenda, Group, Topic
from workshop_tui.core.bundle import bundle_bytes
from workshop_tui.core.model import EntryKind
from workshop_tui.core.store import Store

AGENDA = Agenda(
    title="IPR border enforcement",
    topics=(Topic("legal", "Legal framework"), Topic("risk", "Risk analysis")),
    groups=(Group("Group A"), Group("Group B")),
)


def export(store: Store, session_id: str, path: Path) -> Path:
    path.write_bytes(bundle_bytes(store.open_session(session_id)))
    return path


def test_facilitator_and_two_scribes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    facilitator = Store(tmp_path / "facilitator")
    sid = facilitator.create_session(AGENDA, title="Day 2").id
    empty = export(facilitator, sid, tmp_path / "day2.json")

    bundles = []
    for group, texts in (
        ("Group A", ["No ex officio power"]),
        ("Group B", ["Fees", "Slow courts"]),
    ):
        laptop = tmp_path / group.replace(" ", "-")
        assert main(["--data-dir", str(laptop), "import", str(empty)]) == 0
        assert "new session" in capsys.readouterr().out
        session = Store(laptop).open_session(sid)
        for text in texts:
            session.add_entry(EntryKind.CHALLENGE, "legal", group, text)
        bundles.append(export(Store(laptop), sid, tmp_path / f"{group}.json"))

    args = ["--data-dir", str(facilitator.data_dir), "import", *map(str, bundles)]
    assert main(args) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{bundles[0]}: merged into {sid[:8]} 'Day 2' — 1 added")
    assert out[1].startswith(f"{bundles[1]}: merged into {sid[:8]} 'Day 2' — 2 added")
    assert main(args) == 0  # again: nothing changes
    assert all(
        "0 added, 0 updated, 0 deleted" in line for line in capsys.readouterr().out.splitlines()
    )

    assert main(["--data-dir", str(facilitator.data_dir), "sessions", "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["challenges"] == 3
    groups = {e.group for e in Store(facilitator.data_dir).open_session(sid).entries()}
    assert groups == {"Group A", "Group B"}


def test_errors_name_each_file_exit_1_and_write_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = Store(tmp_path / "source")
    session = source.create_session(AGENDA)
    session.add_entry(EntryKind.CHALLENGE, "legal", "Group A", "text")
    good = export(source, session.id, tmp_path / "good.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{oops", encoding="utf-8")
    target = tmp_path / "target"
    assert main(["--data-dir", str(target), "import", str(good), str(bad)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"workshop-tui: {bad}: is not valid JSON")
    assert "Traceback" not in captured.err
    assert Store(target).session_ids() == []


def test_into_rescues_scribes_who_started_their_own_sessions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    facilitator = Store(tmp_path / "facilitator")
    target = facilitator.create_session(AGENDA, title="Plenary").id
    scribe = Store(tmp_path / "scribe")
    own = scribe.create_session(AGENDA, title="Group A laptop")
    own.add_entry(EntryKind.CHALLENGE, "risk", "Group A", "No risk profiles for toys")
    bundle = export(scribe, own.id, tmp_path / "a.json")
    data = ["--data-dir", str(facilitator.data_dir)]
    assert main([*data, "import", str(bundle), "--into", target[:8]]) == 0
    assert f"merged into {target[:8]} 'Plenary' — 1 added" in capsys.readouterr().out
    assert facilitator.session_ids() == [target]
    assert main([*data, "import", str(bundle), "--into", "nope"]) == 1
    assert "no session matches 'nope'" in capsys.readouterr().err
