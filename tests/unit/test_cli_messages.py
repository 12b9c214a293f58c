"""CLI messages a QA tester read: every error names what would have been valid."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from workshop_tui import cli
from workshop_tui.cli import build_parser, main
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


def _parsers() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    [commands] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return {"": parser, **commands.choices}


def _helps() -> list[tuple[str, str]]:
    """(where, text) of every help text a user reads in --help."""
    texts: list[tuple[str, str]] = []
    parser = build_parser()
    [commands] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    texts += [(f"summary of {a.dest}", str(a.help)) for a in commands._choices_actions]
    for name, command in _parsers().items():
        texts.append((f"description of {name or 'workshop-tui'}", str(command.description)))
        for action in command._actions:
            if not isinstance(action, argparse._SubParsersAction):
                texts.append((f"{name} {action.dest}", str(action.help)))
    return texts


@pytest.mark.parametrize(("where", "text"), _helps())
def test_every_help_text_is_a_sentence(where: str, text: str) -> None:
    """QA: `--level X  only actions with this institutional or individual` did not read as a
    sentence, and `resume SESSION` had no help at all."""
    assert text and text != "None", f"{where} has no help"
    assert text[0].isupper() and text.endswith("."), f"{where}: {text!r}"
    assert "this institutional" not in text and "this open" not in text


def test_every_subcommand_help_runs(capsys: pytest.CaptureFixture[str]) -> None:
    for name in _parsers():
        with pytest.raises(SystemExit) as done:
            main([name, "--help"] if name else ["--help"])
        assert done.value.code == 0
        out = capsys.readouterr().out
        assert "workshop-\ntui" not in out.replace(" ", "")  # no break inside the name


def test_the_choices_in_the_export_help_are_the_real_ones() -> None:
    from workshop_tui.core.export import GROUP_BY, PLAN_COLUMNS, SPLIT_BY, formats_for, whats
    from workshop_tui.core.model import ActionLevel, ActionStatus

    assert tuple(cli.FORMATS_HELP) == tuple(whats())
    for what, formats in cli.FORMATS_HELP.items():
        assert formats == tuple(formats_for(what)), what
    assert cli.LEVELS == tuple(level.value for level in ActionLevel)
    assert cli.STATUSES == tuple(status.label for status in ActionStatus)
    assert cli.SPLIT_CHOICES == SPLIT_BY
    assert cli.GROUP_BY_CHOICES == GROUP_BY
    assert cli.COLUMN_NAMES == tuple(c.name for c in PLAN_COLUMNS)
    export_help = _parsers()["export"].format_help()
    for what in whats():
        assert f"{what} (" in export_help
    assert "open, in progress, done, dropped or carried over" in " ".join(export_help.split())
