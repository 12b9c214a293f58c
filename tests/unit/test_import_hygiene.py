"""workshop_tui.core never imports Textual (STYLE.md): checked in a fresh interpreter."""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = r"""
import importlib, json, pkgutil, sys
import workshop_tui.core as core
names = [core.__name__]
for info in pkgutil.walk_packages(core.__path__, core.__name__ + "."):
    names.append(info.name)
for name in names:
    importlib.import_module(name)
textual = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
print(json.dumps({"imported": names, "textual": textual}))
"""


def test_core_does_not_import_textual() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert "workshop_tui.core.agenda_yaml" in report["imported"]
    assert "workshop_tui.core.store" in report["imported"]
    assert report["textual"] == [], f"textual imported by workshop_tui.core: {report['textual']}"


START_PROBE = r"""
import json, sys
import workshop_tui.ui.app
print(json.dumps(sorted(sys.modules)))
"""

#: what the start screen must not wait for: each is imported when its screen is first opened
#: (the router imports screens lazily) or when an export is written
NOT_AT_START = (
    "workshop_tui.core.export",
    "workshop_tui.ui.screens.plenary",
    "workshop_tui.ui.screens.actions",
    "workshop_tui.ui.screens.compare",
    "workshop_tui.ui.screens.register",
    "xlsxwriter",
    "docx",
    "numpy",
)


def test_the_app_starts_without_the_other_screens_and_the_exports() -> None:
    result = subprocess.run(
        [sys.executable, "-c", START_PROBE], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    loaded = set(json.loads(result.stdout.strip().splitlines()[-1]))
    assert "workshop_tui.ui.screens.start" in loaded
    assert [name for name in NOT_AT_START if name in loaded] == []


PLENARY_PROBE = r"""
import json, sys
import workshop_tui.ui.screens.plenary
print(json.dumps(sorted(sys.modules)))
"""


def test_the_plenary_opens_without_its_charts_and_themes_tabs() -> None:
    """The first F2 of a run builds the grid only: the charts (plotext) and the themes tab
    are imported when they are first shown (a third of the first F2's time)."""
    result = subprocess.run(
        [sys.executable, "-c", PLENARY_PROBE], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    loaded = set(json.loads(result.stdout.strip().splitlines()[-1]))
    later = ("plotext", "workshop_tui.ui.widgets.bar_chart", "workshop_tui.ui.widgets.themes")
    assert [name for name in later if name in loaded] == []
