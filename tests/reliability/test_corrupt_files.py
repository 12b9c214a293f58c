"""Damaged data files: a clear message naming the file, exit 1, the file untouched, and every
other session still usable — through the store and through the CLI."""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
from collections.abc import Callable

import orjson
import pytest
from reliability_helpers import AGENDA

from workshop_tui import cli
from workshop_tui.cli import capture_cmds
from workshop_tui.core.model import EntryKind
from workshop_tui.core.store import CorruptDataError, Store


def _has_command(name: str) -> bool:
    actions = cli.build_parser()._actions
    return any(name in a.choices for a in actions if isinstance(a, argparse._SubParsersAction))


#: `export` is built by another part of the team; its checks run once it exists.
HAS_EXPORT = _has_command("export")


def _valid_with(session_file: bytes, change: Callable[[dict], None]) -> bytes:
    data = orjson.loads(session_file)
    change(data)
    return orjson.dumps(data)


def _first_entry(data: dict) -> dict:
    return next(iter(data["entries"].values()))


#: name → function(valid session file bytes) → damaged bytes
SESSION_DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "empty": lambda b: b"",
    "truncated": lambda b: b[: len(b) // 2],
    "truncated-at-last-byte": lambda b: b[:-1],
    "garbage": lambda b: random.Random(1).randbytes(512),
    "nul-bytes": lambda b: b"\x00" * 64,
    "not-utf8": lambda b: b'{"session": "\xff\xfe"}',
    "a-list": lambda b: b"[1, 2, 3]",
    "a-number": lambda b: b"42",
    "tables-are-strings": lambda b: b'{"session": "oops", "entries": "none"}',
    "records-are-lists": lambda b: b'{"session": {"1": [1, 2]}, "entries": {}}',
    "no-session-record": lambda b: _valid_with(b, lambda d: d.pop("session")),
    "session-agenda-is-a-string": lambda b: _valid_with(
        b, lambda d: d["session"]["1"].__setitem__("agenda", "ipr")
    ),
    "entry-missing-kind": lambda b: _valid_with(b, lambda d: _first_entry(d).pop("kind")),
    "entry-missing-topic": lambda b: _valid_with(b, lambda d: _first_entry(d).pop("topic_id")),
    "entry-unknown-kind": lambda b: _valid_with(
        b, lambda d: _first_entry(d).__setitem__("kind", "rumour")
    ),
    "entry-votes-not-numbers": lambda b: _valid_with(
        b, lambda d: _first_entry(d).__setitem__("votes", {"Group A": "many"})
    ),
    "entry-action-bad-status": lambda b: _valid_with(
        b, lambda d: _first_entry(d).__setitem__("action", {"status": "maybe"})
    ),
}


def _two_sessions(store: Store) -> tuple[str, str]:
    """Ids of two sessions with an entry each (ids, not stores: one gets damaged)."""
    good = store.create_session(AGENDA, title="good session")
    good.add_entry(EntryKind.CHALLENGE, "legal", "Group A", "no recordation procedure")
    bad = store.create_session(AGENDA, title="damaged session")
    bad.add_entry(EntryKind.CHALLENGE, "risk", "Group B", "risk profiles outdated")
    return good.id, bad.id


#: the app launches `_run_cli` intercepted, newest last
LAUNCHES: list[dict[str, object]] = []


def _run_cli(
    argv: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[int, str, str]:
    LAUNCHES.clear()

    def record_launch(args: object, **options: object) -> int:
        LAUNCHES.append(options)
        return 0

    # Never start the TUI here: a resume that gets past the store records the launch instead.
    monkeypatch.setattr(capture_cmds, "_launch", record_launch)
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("damage", sorted(SESSION_DAMAGE))
def test_damaged_session_file(
    damage: str,
    store: Store,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    good, bad = _two_sessions(store)
    path = store.session_path(bad)
    content = SESSION_DAMAGE[damage](path.read_bytes())
    path.write_bytes(content)
    data_dir = ["--data-dir", str(store.data_dir)]

    # the store: a CorruptDataError naming the file
    with pytest.raises(CorruptDataError) as info:
        Store(store.data_dir).open_session(bad)
    assert str(path) in str(info.value)

    # `sessions`: the good one listed, the damaged one named on stderr, exit 1
    code, out, err = _run_cli([*data_dir, "sessions"], capsys, monkeypatch)
    assert code == 1
    assert good[:8] in out and "good session" in out
    assert bad[:8] not in out
    assert str(path) in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1

    # `resume <damaged>`: one line naming the file, exit 1, the app never starts
    code, out, err = _run_cli([*data_dir, "resume", bad], capsys, monkeypatch)
    assert code == 1
    assert str(path) in err and "untouched" in err
    assert len(err.strip().splitlines()) == 1

    # `export <damaged>`: same, and no export file appears
    if HAS_EXPORT:
        out_file = store.data_dir.parent / "actions.csv"
        code, out, err = _run_cli(
            [*data_dir, "export", bad, "-o", str(out_file)], capsys, monkeypatch
        )
        assert code == 1
        assert str(path) in err and len(err.strip().splitlines()) == 1
        assert not out_file.exists()
        bundle = [*data_dir, "export", good, "--what", "bundle", "--format", "json"]
        code, out, err = _run_cli([*bundle, "-o", str(out_file)], capsys, monkeypatch)
        assert code == 0, err
        assert b"no recordation procedure" in out_file.read_bytes()

    # the damaged file is byte for byte what it was
    assert path.read_bytes() == content

    # every other session still opens, captures and resumes
    code, out, err = _run_cli([*data_dir, "resume", good[:8]], capsys, monkeypatch)
    assert code == 0, err
    assert [launch["session_id"] for launch in LAUNCHES] == [good]
    reopened = Store(store.data_dir).open_session(good)
    reopened.add_entry(EntryKind.SOLUTION, "legal", "Group A", "draft a recordation form")
    assert len(Store(store.data_dir).open_session(good).entries()) == 2
    assert path.read_bytes() == content


CATALOG_DAMAGE: dict[str, bytes] = {
    "empty": b"",
    "truncated": b'{"sessions": {"1": {"stamp": [1, 2',
    "garbage": random.Random(2).randbytes(256),
    "a-list": b'[{"id": "x"}]',
    "tables-are-strings": b'{"sessions": "all of them"}',
    "row-without-summary": b'{"sessions": {"1": {"stamp": [1, 2, 3]}}}',
    "summary-without-id": b'{"sessions": {"1": {"stamp": [1, 2, 3], "summary": {"title": "t"}}}}',
}


@pytest.mark.parametrize("damage", sorted(CATALOG_DAMAGE))
def test_damaged_catalog(
    damage: str,
    store: Store,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    good, other = _two_sessions(store)
    store.list_sessions()
    content = CATALOG_DAMAGE[damage]
    store.catalog_path.write_bytes(content)
    data_dir = ["--data-dir", str(store.data_dir)]

    code, out, err = _run_cli([*data_dir, "sessions"], capsys, monkeypatch)
    assert code == 1
    assert str(store.catalog_path) in err and "Traceback" not in err
    assert "delete it to rebuild" in err or "untouched" in err
    assert store.catalog_path.read_bytes() == content

    # the sessions themselves do not depend on the catalog
    for session in (good, other):
        code, out, err = _run_cli([*data_dir, "resume", session], capsys, monkeypatch)
        assert code == 0, err
        assert [launch["session_id"] for launch in LAUNCHES] == [session]
    Store(store.data_dir).open_session(good).add_entry(
        EntryKind.ACTION, "legal", "Group A", "draft a recordation form"
    )
    assert store.catalog_path.read_bytes() == content

    # deleting the damaged cache is the documented way out: it is rebuilt from the sessions
    store.catalog_path.unlink()
    code, out, err = _run_cli([*data_dir, "sessions"], capsys, monkeypatch)
    assert code == 0, err
    assert good[:8] in out and other[:8] in out


def test_catalog_row_with_matching_stamp_but_broken_summary(
    store: Store, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A row whose stamp still matches its file is trusted as is: its summary must be checked."""
    good, _ = _two_sessions(store)
    store.list_sessions()
    catalog = orjson.loads(store.catalog_path.read_bytes())
    for row in catalog["sessions"].values():
        if row["summary"]["id"] == good:
            del row["summary"]["started"]
            row["summary"]["surprise"] = 1
    content = orjson.dumps(catalog)
    store.catalog_path.write_bytes(content)

    code, out, err = _run_cli(["--data-dir", str(store.data_dir), "sessions"], capsys, monkeypatch)
    assert code == 1
    assert str(store.catalog_path) in err and "Traceback" not in err
    assert store.catalog_path.read_bytes() == content


def test_cli_end_to_end_in_a_real_process(store: Store) -> None:
    """The installed entry point, not just main(): one line on stderr, exit status 1."""
    _, bad = _two_sessions(store)
    path = store.session_path(bad)
    path.write_bytes(b'{"session": {"1": {"id": ')
    for command in (["sessions"], ["resume", bad]):
        result = subprocess.run(
            [sys.executable, "-m", "workshop_tui", "--data-dir", str(store.data_dir), *command],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 1, result
        assert str(path) in result.stderr
        assert "Traceback" not in result.stderr
    assert path.read_bytes() == b'{"session": {"1": {"id": '


def test_session_file_that_is_a_folder(
    store: Store, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    good, bad = _two_sessions(store)
    path = store.session_path(bad)
    path.unlink()
    path.mkdir()
    (path / "inside.txt").write_text("someone's notes")
    listing = Store(store.data_dir).list_sessions()
    assert [s.id for s in listing.sessions] == [good]
    assert len(listing.problems) == 1 and str(path) in listing.problems[0]
    code, out, err = _run_cli(
        ["--data-dir", str(store.data_dir), "resume", bad], capsys, monkeypatch
    )
    assert code == 1 and "is a folder" in err and str(path) in err
    assert (path / "inside.txt").read_text() == "someone's notes"
