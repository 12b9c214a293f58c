"""Random sequences of store operations, some of which hit a full disk, against a model.

Two store objects on one data dir play two app processes (a facilitator and a scribe).
After every step both of them, and a freshly opened store, must show exactly what the
model says was saved: a failed write changes nothing anywhere, a successful one is seen by
the other process's store too, and no temp file is ever left.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    invariant,
    rule,
)
from reliability_helpers import AGENDA, temp_files

from workshop_tui.core.model import EntryKind
from workshop_tui.core.store import SessionStore, Store, StoreWriteError

TEXT = st.text(
    alphabet=st.characters(categories=["L", "N", "P", "Zs"]),
    min_size=1,
    max_size=20,
)
GROUPS = ("Group A", "Group B")


@contextlib.contextmanager
def disk_full(root: Path, enabled: bool) -> Iterator[None]:
    """Make fsync of temp files under ``root`` fail with ENOSPC while the block runs."""
    if not enabled:
        yield
        return
    real_fsync = os.fsync
    prefix = str(root.resolve())

    def fake_fsync(fd: int) -> None:
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            target = ""
        if target.startswith(prefix) and target.endswith(".tmp"):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    with mock.patch.object(os, "fsync", fake_fsync):
        yield


class StoreMachine(RuleBasedStateMachine):
    entries = Bundle("entries")

    def __init__(self) -> None:
        super().__init__()
        self.tmp = Path(tempfile.mkdtemp(prefix="store-machine-"))
        self.data_dir = self.tmp / "data"
        store = Store(self.data_dir)
        self.session_id = store.create_session(AGENDA, title="start").id
        # two "processes": their own Store and SessionStore objects on the same files
        self.views: list[SessionStore] = [
            store.open_session(self.session_id),
            Store(self.data_dir).open_session(self.session_id),
        ]
        self.model: dict[str, dict[str, Any]] = {}
        self.title = "start"
        self.state: dict[str, Any] = {}

    def teardown(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)

    def _attempt(self, fail: bool, action: Any) -> Any:
        with disk_full(self.data_dir, fail):
            try:
                result = action()
            except StoreWriteError as err:
                assert fail, f"a write failed without disk trouble: {err}"
                assert "disk is full" in str(err)
                return None
        assert not fail, "a write 'succeeded' on a full disk"
        return result

    @rule(
        target=entries,
        view=st.integers(0, 1),
        text=TEXT,
        group=st.sampled_from(GROUPS),
        fail=st.booleans(),
    )
    def capture(self, view: int, text: str, group: str, fail: bool) -> Any:
        entry = self._attempt(
            fail, lambda: self.views[view].add_entry(EntryKind.CHALLENGE, "legal", group, text)
        )
        if entry is None:
            return None
        self.model[entry.id] = {"text": text, "group": group, "deleted": False, "votes": {}}
        return entry.id

    @rule(entry_id=entries, view=st.integers(0, 1), text=TEXT, fail=st.booleans())
    def edit(self, entry_id: str | None, view: int, text: str, fail: bool) -> None:
        if entry_id is None:
            return
        if self._attempt(fail, lambda: self.views[view].update_entry(entry_id, text=text)):
            self.model[entry_id]["text"] = text

    @rule(entry_id=entries, view=st.integers(0, 1), dots=st.integers(1, 3), fail=st.booleans())
    def vote(self, entry_id: str | None, view: int, dots: int, fail: bool) -> None:
        if entry_id is None:
            return
        votes = {"Group B": dots}
        if self._attempt(fail, lambda: self.views[view].update_entry(entry_id, votes=votes)):
            self.model[entry_id]["votes"] = votes

    @rule(entry_id=consumes(entries), view=st.integers(0, 1), fail=st.booleans())
    def delete(self, entry_id: str | None, view: int, fail: bool) -> None:
        if entry_id is None:
            return
        if self._attempt(fail, lambda: self.views[view].delete_entry(entry_id)):
            self.model[entry_id]["deleted"] = True

    @rule(view=st.integers(0, 1), title=TEXT, fail=st.booleans())
    def rename(self, view: int, title: str, fail: bool) -> None:
        if self._attempt(fail, lambda: self.views[view].update_session(title=title)):
            self.title = title

    @rule(view=st.integers(0, 1), topic=st.sampled_from(["legal", "risk"]), fail=st.booleans())
    def move_topic(self, view: int, topic: str, fail: bool) -> None:
        if self._attempt(fail, lambda: self.views[view].set_state(topic=topic)):
            self.state["topic"] = topic

    @rule(view=st.integers(0, 1))
    def restart(self, view: int) -> None:
        """That process restarts: a new Store, nothing cached."""
        self.views[view] = Store(self.data_dir).open_session(self.session_id)

    def _matches_model(self, session: SessionStore, who: str) -> None:
        seen = {
            e.id: {"text": e.text, "group": e.group, "deleted": e.deleted, "votes": e.votes}
            for e in session.entries(include_deleted=True)
        }
        assert seen == self.model, f"{who} disagrees with what was saved"
        # one topic × group (what the session screen draws) comes from an index kept in
        # step with every save: the same as a full pass, in pane order
        for group in GROUPS:
            full = [e.id for e in session.entries() if e.topic_id == "legal" and e.group == group]
            cell = [e.id for e in session.entries(topic_id="legal", group=group)]
            assert cell == full, f"{who}: the index of legal × {group} is out of step"
        topic = [e.id for e in session.entries(topic_id="legal")]
        assert topic == [e.id for e in session.entries() if e.topic_id == "legal"], who
        assert session.session.title == self.title, who
        assert session.get_state() == self.state, who

    @invariant()
    def everyone_sees_what_was_saved(self) -> None:
        self._matches_model(self.views[0], "the first process")
        self._matches_model(self.views[1], "the second process")
        self._matches_model(Store(self.data_dir).open_session(self.session_id), "a fresh store")
        assert temp_files(Store(self.data_dir)) == []


StoreMachine.TestCase.settings = settings(
    max_examples=40,
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_store_state_machine = StoreMachine.TestCase
