"""Snapshots of the history views that look across workshops: the comparison of two
workshops (F4: m, down, c) and the action register (F4: a), at 80×24 and 120×40.

Same fixed data and injected today as ``test_plenary_snapshots.py`` (two workshops on one
agenda). Review a diff before ``--snapshot-update``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from test_plenary_snapshots import keys, make_app, size_param


@size_param
def test_compare_two_workshops(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(tmp_path, open_session=False)
    assert snap_compare(app, terminal_size=size, run_before=keys("f4", "m", "down", "c"))


@size_param
def test_action_register(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(tmp_path, open_session=False)
    assert snap_compare(app, terminal_size=size, run_before=keys("f4", "a"))
