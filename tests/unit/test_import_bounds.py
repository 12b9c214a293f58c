"""Bundles are untrusted input: contained (no path outside ``sessions/``) and bounded reads
(regular files only, a size limit, a nesting limit), for bundles and session files alike."""

from __future__ import annotations

import json
import os
import socket
import threading
from pathlib import Path
from typing import Any

import pytest

from workshop_tui.cli import main
from workshop_tui.core.agenda import Agenda, Group, Topic
from workshop_tui.core.bundle import MAX_BUNDLE_DEPTH, BundleError, bundle_dict, read_bundle
from workshop_tui.core.merge import MergeError, import_bundles
from workshop_tui.core.model import EntryKind
from workshop_tui.core.store import CorruptDataError, Store, StoreError
from workshop_tui.core.store.reading import (
    FileRefused,
    json_depth_exceeds,
    parse_size,
    read_regular_file,
)

AGENDA = Agenda(
    title="IPR border enforcement",
    topics=(Topic("legal", "Legal framework"),),
    groups=(Group("Group A"),),
)


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes (what 'byte-identical' compares)."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture
def document(tmp_path: Path) -> dict[str, Any]:
    source = Store(tmp_path / "source")
    session = source.create_session(AGENDA)
    session.add_entry(EntryKind.CHALLENGE, "legal", "Group A", "No ex officio power")
    return bundle_dict(session)


def write(path: Path, document: Any) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


# -- containment --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "bad_id",
    ["../../outside", "..", "a/b", "/tmp/abs", "", "x" * 65, "a\x00b", "a.b", " spaced", "é"],
)
def test_a_session_id_that_is_not_an_id_is_refused_and_nothing_is_written(
    tmp_path: Path, document: dict[str, Any], bad_id: str, capsys: pytest.CaptureFixture[str]
) -> None:
    work = tmp_path / "work"
    data = work / "deep" / "data"
    Store(data)
    document["session"]["id"] = bad_id
    bundle = write(tmp_path / "bad.json", document)
    before = tree(work)
    assert main(["--data-dir", str(data), "import", str(bundle)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"workshop-tui: {bundle}: ") and "session" in err and "id" in err
    assert "Traceback" not in err and err.count("\n") == 1
    assert tree(work) == before


def test_the_store_builds_no_path_outside_sessions(tmp_path: Path) -> None:
    store = Store(tmp_path / "data")
    for bad in ("../x", "..", "a/b", "/etc/passwd", "", "a\\b", "x" * 65):
        with pytest.raises(StoreError, match="not a valid session id"):
            store.session_path(bad)
        assert not store.has_session(bad)
    uuid = "0b4c3a2e-5f7d-4e8a-9c1b-2d3e4f5a6b7c"
    assert store.session_path(uuid) == store.sessions_dir / f"{uuid}.json"


def test_resume_export_and_into_refuse_refs_that_are_not_sessions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], document: dict[str, Any]
) -> None:
    data = tmp_path / "data"
    Store(data).create_session(AGENDA)
    bundle = write(tmp_path / "b.json", document)
    for args in (
        ["resume", "../../etc/passwd"],
        ["export", "../x", "--format", "csv"],
        ["import", str(bundle), "--into", "../x"],
    ):
        assert main(["--data-dir", str(data), *args]) == 1
        err = capsys.readouterr().err
        assert "no session matches" in err and "Traceback" not in err


def test_a_file_in_sessions_whose_name_is_no_id_is_reported_not_listed(tmp_path: Path) -> None:
    store = Store(tmp_path / "data")
    store.create_session(AGENDA)
    (store.sessions_dir / "my copy.json").write_text("{}", encoding="utf-8")
    listing = store.list_sessions()
    assert len(listing.sessions) == 1
    [problem] = listing.problems
    assert "my copy.json" in problem and "not a session id" in problem
    assert "my copy" not in store.session_ids()


# -- bounded reads ------------------------------------------------------------------------
def _in_thread(call: Any) -> Any:
    """Run ``call`` in a thread and give up after 10 s (a FIFO read would block for ever)."""
    result: list[Any] = []

    def run() -> None:
        try:
            result.append(call())
        except Exception as err:  # noqa: BLE001 - handed back to the test
            result.append(err)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(10)
    assert not worker.is_alive(), "the read blocked"
    return result[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "bundle.json"
    os.mkfifo(fifo)
    err = _in_thread(lambda: read_bundle(fifo))
    assert isinstance(err, BundleError)
    assert str(err) == f"{fifo}: is a named pipe (FIFO), not a regular file; it was not read"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_is_refused_unread() -> None:
    with pytest.raises(BundleError, match="^/dev/zero: is a device, not a regular file"):
        read_bundle("/dev/zero")


def test_a_socket_and_a_folder_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        with pytest.raises(BundleError, match="is a socket"):
            read_bundle(path)
    finally:
        server.close()
    with pytest.raises(BundleError, match="is a folder"):
        read_bundle(tmp_path)


def test_the_size_limit_is_checked_before_reading(
    tmp_path: Path, document: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    bundle = write(tmp_path / "b.json", document)
    size = bundle.stat().st_size
    with pytest.raises(BundleError, match=r"is too large \(.*; the limit is 1 KB\)"):
        read_bundle(bundle, max_bytes=1024)
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "import", str(bundle), "--max-size", "1KB"]) == 1
    assert "is too large" in capsys.readouterr().err
    assert main(["--data-dir", str(data), "import", str(bundle), "--max-size", f"{size}"]) == 0
    assert main(["--data-dir", str(data), "import", str(bundle), "--max-size", "lots"]) == 1
    assert "--max-size: 'lots' is not a size" in capsys.readouterr().err


def test_parse_size() -> None:
    assert parse_size("200MB") == 200 * 1024**2
    assert parse_size("1g") == 1024**3
    assert parse_size("1.5 KiB") == 1536
    assert parse_size("4096") == 4096
    for bad in ("", "0", "-5MB", "nan", "inf", "5 TB", "MB"):
        with pytest.raises(ValueError):
            parse_size(bad)


def test_read_regular_file_stops_at_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"x" * 100)
    assert read_regular_file(path, 100) == b"x" * 100
    with pytest.raises(FileRefused):
        read_regular_file(path, 99)


def test_deep_nesting_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_bytes(b'{"format": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")
    with pytest.raises(BundleError, match=f"nested more than {MAX_BUNDLE_DEPTH} levels"):
        read_bundle(path)
    path.write_bytes(b"[" * 100_000)  # not even balanced: the parser's message, no recursion
    with pytest.raises(BundleError, match="is not valid JSON"):
        read_bundle(path)


def test_depth_counts_structure_not_brackets_in_text() -> None:
    assert not json_depth_exceeds(b'{"a": [1, {"b": "[[[[[[[[[[[[[[[["}]}', 3)
    assert json_depth_exceeds(b'{"a": [1, {"b": [[]]}]}', 4)
    assert not json_depth_exceeds(b'{"a": [1, {"b": [[]]}]}', 5)
    assert not json_depth_exceeds(b'["\\\\", "\\"[[[["]', 1)
    assert json_depth_exceeds(b'["\\\\", [[]]]', 2)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'{"format": 1e999}', "number is infinity"),
        (b'{"format": "\\ud800"}', "surrogate"),
        (b'{"format": NaN}', "is not valid JSON"),
    ],
)
def test_numbers_and_text_json_cannot_hold_are_refused(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "x.json"
    path.write_bytes(content)
    with pytest.raises(BundleError, match="is not valid JSON") as caught:
        read_bundle(path)
    assert reason in str(caught.value)


def test_a_byte_order_mark_is_allowed(tmp_path: Path, document: dict[str, Any]) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(document).encode())
    assert read_bundle(path).session.id == document["session"]["id"]


# -- session files are read the same way ----------------------------------------------------
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_among_the_session_files_is_reported_not_read(tmp_path: Path) -> None:
    store = Store(tmp_path / "data")
    store.create_session(AGENDA)
    fifo = store.sessions_dir / "0b4c3a2e-5f7d-4e8a-9c1b-2d3e4f5a6b7c.json"
    os.mkfifo(fifo)
    listing = _in_thread(lambda: Store(store.data_dir).list_sessions())
    assert len(listing.sessions) == 1
    [problem] = listing.problems
    assert problem.startswith(f"{fifo}: is a named pipe (FIFO)")
    err = _in_thread(lambda: Store(store.data_dir).open_session(fifo.stem))
    assert isinstance(err, CorruptDataError)


def test_import_of_a_refused_file_writes_nothing(tmp_path: Path, document: dict[str, Any]) -> None:
    store = Store(tmp_path / "data")
    good = write(tmp_path / "good.json", document)
    before = tree(store.data_dir)
    with pytest.raises(MergeError) as caught:
        import_bundles(store, [good, tmp_path], max_bytes=10_000_000)
    assert caught.value.problems == [f"{tmp_path}: is a folder, not a file"]
    assert tree(store.data_dir) == before
