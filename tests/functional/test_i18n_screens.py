"""Started with ``--lang id``, the main screens show no English UI word (issue 15, item 7d).

The session runs the Indonesian bundled agenda, so the data on screen is Indonesian too and
any English word left is the app's own. The CLI's ``--help`` is checked the same way.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from session_fixtures import saved

from workshop_tui.core.agenda_yaml import load_agenda
from workshop_tui.core.model import ActionFields, EntryKind
from workshop_tui.core.store import Store
from workshop_tui.ui.app import WorkshopApp

#: words of the English UI that must not appear on an Indonesian screen
ENGLISH = (
    "Challenges",
    "Solutions",
    "Actions",
    "Action",
    "Quit",
    "Export",
    "Help",
    "Sessions",
    "Agendas",
    "Search",
    "Topics",
    "Timer",
    "Group",
    "Owner",
    "Plenary",
    "palette",
    "Undo",
    "Delete",
    "Save",
    "Cancel",
    "Filters",
    "Refresh",
    "Warnings",
    "running",
    "paused",
    "started",
    "ended",
    "open",
    "Keys",
    "votes",
    "Topic",
    "Level",
    "Split",
)
_PATTERN = re.compile(r"\b(" + "|".join(ENGLISH) + r")\b")


def english_words(text: str) -> list[str]:
    # key:value search filters are typed as they are (kind:action status:open), not words
    text = re.sub(r"\b[a-z]+:[a-z_]+\b", " ", text)
    return sorted(set(_PATTERN.findall(text)))


def drawn(app: WorkshopApp) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def indonesian_session(data_dir: Path) -> str:
    store = Store(data_dir)
    session = store.create_session(load_agenda("ipr-border-enforcement-id"))
    group = session.session.agenda.group_names[0]
    topic = session.session.agenda.topics[0].id
    session.add_entry(
        EntryKind.CHALLENGE, topic, group, "Belum ada dasar hukum tindakan ex officio"
    )
    session.add_entry(EntryKind.SOLUTION, topic, group, "Usulkan revisi peraturan")
    session.add_entry(
        EntryKind.ACTION,
        topic,
        group,
        "Menyusun rancangan prosedur rekordasi merek",
        action=ActionFields(owner="Peserta 01", due="2026-06-30"),
    )
    return session.id


SCREENS = [
    ("start", ()),
    ("session", ()),
    ("help", ("f1",)),
    ("plenary", ("f2",)),
    ("action list", ("f3",)),
    ("sessions browser", ("f4",)),
    ("search", ("f5",)),
    ("export dialog", ("ctrl+e",)),
]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@pytest.mark.parametrize(("name", "keys"), SCREENS, ids=[name for name, _keys in SCREENS])
async def test_no_english_on_the_main_screens(
    tmp_path: Path, name: str, keys: tuple[str, ...], size: tuple[int, int]
) -> None:
    session_id = indonesian_session(tmp_path)
    options: dict[str, Any] = {} if name == "start" else {"session_id": session_id}
    app = WorkshopApp(store=Store(tmp_path), language="id", **options)
    async with app.run_test(size=size) as pilot:
        await saved(pilot)
        for key in keys:
            await pilot.press(key)
            await saved(pilot)
        await pilot.pause(0.1)
        text = drawn(app)
        assert english_words(text) == [], f"{name} at {size}:\n{text}"


def test_cli_help_in_indonesian(tmp_path: Path) -> None:
    for command in ([], ["export"], ["run"], ["sessions"]):
        result = subprocess.run(
            [sys.executable, "-m", "workshop_tui", "--lang", "id", *command, "--help"],
            capture_output=True,
            text=True,
            timeout=60,
            env={"PATH": "", "WORKSHOP_TUI_DATA": str(tmp_path), "LANG": "C.UTF-8"},
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("penggunaan: workshop-tui")
        # options, commands and values stay as they are typed (--help, export, in_progress)
        prose = re.sub(r"--?[a-z][a-z-]*|'[^']*'|workshop-tui \w+", " ", result.stdout)
        words = set(re.findall(r"\b[a-z]{3,}\b", prose))
        english = {"show", "this", "help", "and", "exit", "the", "with", "usage", "options"}
        assert not (words & english), (words & english, result.stdout)


def test_cli_error_line_in_indonesian(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "workshop_tui", "--lang", "id", "resume", "nope"],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": "", "WORKSHOP_TUI_DATA": str(tmp_path), "LANG": "C.UTF-8"},
    )
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "workshop-tui: tidak ada sesi yang cocok dengan 'nope' (lihat 'workshop-tui sessions')"
    )


def test_validate_speaks_indonesian(tmp_path: Path) -> None:
    bad = tmp_path / "agenda.yaml"
    bad.write_text(
        "format: 1\ntitle: X\ntopics:\n  - id: Bad Id\n    title: T\n"
        "schedule:\n  - {day: 1, start: 9:30, topic: nope}\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "workshop_tui", "--lang", "id", "validate", str(bad)],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": "", "WORKSHOP_TUI_DATA": str(tmp_path), "LANG": "C.UTF-8"},
    )
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == (
        f"{bad}:4:9: id topik 'Bad Id' harus berupa slug pendek: huruf kecil, angka, dan tanda "
        "hubung, mis. 'bad-id'"
    )
    assert "tidak diberi tanda kutip" in lines[1] and "bukan id topik" in lines[2]
