"""CLI messages a QA tester read: every error names what would have been valid."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_tui.cli import main
from workshop_tui.core.agenda_yaml import load_agenda
from workshop_tui.core.store import Store

GROUPS = "'Group A', 'Group B', 'Group C'"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    Store(tmp_path / "data").create_session(load_agenda("ipr-border-enforcement"))
    return tmp_path / "data"


@pytest.mark.parametrize(
    ("command", "where"),
    [
        (["resume", "latest"], "this session's agenda"),
        (["run", "ipr-border-enforcement"], "the agenda"),
        (["serve", "latest"], "this session's agenda"),
    ],
)
def test_an_unknown_group_lists_the_groups(
    data_dir: Path, capsys: pytest.CaptureFixture[str], command: list[str], where: str
) -> None:
    """QA: `resume latest --group "Group Z"` did not say which groups there are."""
    assert main(["--data-dir", str(data_dir), *command, "--group", "Group Z"]) == 1
    assert capsys.readouterr().err == (
        f"workshop-tui: group 'Group Z' is not in {where} (groups: {GROUPS})\n"
    )
