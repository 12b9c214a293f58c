"""Disk trouble under every kind of write: read-only data folder, permission denied on the
rename, disk full in the middle of writing or at fsync.

The tests run as root, where chmod stops nothing, so the failures are injected at the OS
call the store makes (``os.open`` / ``os.write`` / ``os.fsync`` / ``os.replace``), and only
for files inside the test's data folder. Each case checks: a StoreWriteError with a clear
message, the files on disk byte for byte as before, the same state in the open store and in
a freshly opened one, no temp file left, and a retry that works once the trouble is over.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from reliability_helpers import AGENDA, temp_files

from workshop_tui.core.model import Entry, EntryKind
from workshop_tui.core.store import SessionStore, Store, StoreError, StoreWriteError

WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT


def _fd_path(fd: int) -> str:
    try:
        return os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return ""


class DiskTrouble:
    """Installs one failure mode for files under ``root`` (other files are not affected)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, root: Path) -> None:
        self.monkeypatch = monkeypatch
        self.root = str(root.resolve())
        self.hits = 0

    def _mine(self, path: Any) -> bool:
        return str(Path(os.fsdecode(path)).resolve()).startswith(self.root)

    def read_only(self) -> None:
        """Every open for writing fails as on a read-only mount (EROFS)."""
        real_open = os.open

        def fake_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
            if flags & WRITE_FLAGS and self._mine(path):
                self.hits += 1
                raise OSError(errno.EROFS, "Read-only file system", os.fsdecode(path))
            return real_open(path, flags, *args, **kwargs)

        self.monkeypatch.setattr(os, "open", fake_open)

    def no_rename(self) -> None:
        """The temp file is written, but replacing the old file is refused (EACCES)."""
        real_replace = os.replace

        def fake_replace(src: Any, dst: Any, *args: Any, **kwargs: Any) -> None:
            if self._mine(dst):
                self.hits += 1
                raise OSError(errno.EACCES, "Permission denied", os.fsdecode(dst))
            real_replace(src, dst, *args, **kwargs)

        self.monkeypatch.setattr(os, "replace", fake_replace)

    def full_mid_write(self) -> None:
        """The disk fills up half-way through writing the temp file (ENOSPC)."""
        real_write = os.write

        def fake_write(fd: int, data: Any) -> int:
            if _fd_path(fd).startswith(self.root):
                self.hits += 1
                if len(data) > 1:
                    return real_write(fd, bytes(data[: len(data) // 2]))  # a short write ...
                raise OSError(errno.ENOSPC, "No space left on device")
            return real_write(fd, data)

        def fail_second_call(fd: int, data: Any) -> int:
            # ... then the next call finds the disk full.
            self.monkeypatch.setattr(os, "write", fail_always)
            return fake_write(fd, data)

        def fail_always(fd: int, data: Any) -> int:
            if _fd_path(fd).startswith(self.root):
                self.hits += 1
                raise OSError(errno.ENOSPC, "No space left on device")
            return real_write(fd, data)

        self.monkeypatch.setattr(os, "write", fail_second_call)

    def full_at_fsync(self) -> None:
        """The data cannot be flushed to disk (ENOSPC at fsync, as on some file systems)."""
        real_fsync = os.fsync

        def fake_fsync(fd: int) -> None:
            if _fd_path(fd).startswith(self.root) and _fd_path(fd).endswith(".tmp"):
                self.hits += 1
                raise OSError(errno.ENOSPC, "No space left on device")
            real_fsync(fd)

        self.monkeypatch.setattr(os, "fsync", fake_fsync)


MODES = {
    "read-only": ("read_only", "read-only"),
    "rename-refused": ("no_rename", "permission denied"),
    "full-mid-write": ("full_mid_write", "disk is full"),
    "full-at-fsync": ("full_at_fsync", "disk is full"),
}

#: name → an operation on a prepared session (captures, edits, state, session fields)
OPERATIONS: dict[str, Callable[[SessionStore, Entry], Any]] = {
    "add_entry": lambda s, e: s.add_entry(EntryKind.CHALLENGE, "legal", "Group A", "lost?"),
    "save_entries": lambda s, e: s.save_entries(
        [Entry(EntryKind.NOTE, "risk", "Group B", f"note {n}") for n in range(3)]
    ),
    "update_entry": lambda s, e: s.update_entry(e.id, text="changed?"),
    "vote": lambda s, e: s.update_entry(e.id, votes={"Group B": 2}),
    "delete_entry": lambda s, e: s.delete_entry(e.id),
    "update_session": lambda s, e: s.update_session(
        title="renamed?", ended="2026-11-27T16:00:00+00:00"
    ),
    "set_state": lambda s, e: s.set_state(topic="risk", group="Group B"),
}


def _snapshot(store: Store) -> dict[str, bytes]:
    return {
        str(p.relative_to(store.data_dir)): p.read_bytes()
        for p in store.data_dir.rglob("*.json")
        if p.is_file()
    }


def _view(session: SessionStore) -> tuple[Any, ...]:
    """What a screen would show from this store object."""
    return (
        session.session.to_dict(),
        [e.to_dict() for e in session.entries(include_deleted=True)],
        session.get_state(),
    )


@pytest.mark.parametrize("operation", sorted(OPERATIONS))
@pytest.mark.parametrize("mode", sorted(MODES))
def test_failed_write_keeps_everything(
    mode: str, operation: str, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = store.create_session(AGENDA, title="before")
    entry = session.add_entry(EntryKind.CHALLENGE, "legal", "Group A", "kept")
    session.set_state(topic="legal")
    store.list_sessions()
    on_disk = _snapshot(store)
    view = _view(session)

    trouble = DiskTrouble(monkeypatch, store.data_dir)
    install, wording = MODES[mode]
    getattr(trouble, install)()
    with pytest.raises(StoreWriteError) as info:
        OPERATIONS[operation](session, entry)
    message = str(info.value)
    assert trouble.hits, "the failure was never injected"
    assert wording in message and "nothing was lost" in message
    assert str(store.sessions_dir) in message  # names the file it could not save

    # Listing still works while the trouble lasts (the catalog is only a cache).
    assert [s.id for s in Store(store.data_dir).list_sessions().sessions] == [session.id]
    monkeypatch.undo()

    assert _snapshot(store) == on_disk
    assert temp_files(store) == []
    assert _view(session) == view, "the open store shows a change that was not saved"
    assert _view(Store(store.data_dir).open_session(session.id)) == view

    # Once the disk is fine again, the same store object saves normally.
    OPERATIONS[operation](session, entry)
    assert _view(Store(store.data_dir).open_session(session.id)) == _view(session)


@pytest.mark.parametrize("mode", sorted(MODES))
def test_creating_a_session_fails_cleanly(
    mode: str, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    existing = store.create_session(AGENDA, title="existing")
    on_disk = _snapshot(store)
    trouble = DiskTrouble(monkeypatch, store.data_dir)
    getattr(trouble, MODES[mode][0])()
    with pytest.raises(StoreWriteError, match=MODES[mode][1]):
        store.create_session(AGENDA, title="new")
    store.remember_agenda("/agendas/ipr.yaml")  # best effort: never raises
    monkeypatch.undo()
    assert temp_files(store) == []
    assert _snapshot(store) == on_disk
    fresh = Store(store.data_dir)
    assert [s.id for s in fresh.list_sessions().sessions] == [existing.id]
    assert fresh.list_sessions().problems == []


def test_data_dir_under_a_regular_file(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(StoreError, match=f"cannot use data folder {blocker / 'data'}"):
        Store(blocker / "data")


def test_sessions_folder_replaced_by_a_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "sessions").write_text("x")
    with pytest.raises(StoreError, match="is not a folder"):
        Store(data)
    assert (data / "sessions").read_text() == "x"


def test_cli_reports_read_only_folder(
    store: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`workshop-tui run` on a read-only data folder: one clear line, exit 1, nothing created."""
    from workshop_tui import cli
    from workshop_tui.cli import capture_cmds

    on_disk = _snapshot(store)
    DiskTrouble(monkeypatch, store.data_dir).read_only()
    monkeypatch.setattr(capture_cmds, "_launch", lambda args, **options: pytest.fail("app started"))
    code = cli.main(["--data-dir", str(store.data_dir), "run", "ipr-border-enforcement"])
    err = capsys.readouterr().err
    monkeypatch.undo()
    assert code == 1
    assert "read-only" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert _snapshot(store) == on_disk
    assert temp_files(store) == []
