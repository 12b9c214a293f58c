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
