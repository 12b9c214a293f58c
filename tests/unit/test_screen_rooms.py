"""Screens stay in their rooms: no module in ui/screens imports another screen module
(anywhere, not only at the top), so navigation goes through the app's router; and the
session screen's modules stay small (split by job)."""

from __future__ import annotations

import ast
from pathlib import Path

import workshop_tui.ui.screens as screens_package

SCREENS = Path(screens_package.__file__).parent
PREFIX = "workshop_tui.ui.screens."


def imported_modules(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            if node.module == PREFIX.rstrip("."):
                found.update(PREFIX + alias.name for alias in node.names)
    return found


def family(stem: str) -> str:
    """A screen and its helpers share the first word of their names: session,
    session_keys, session_capture; export_dialog and its served variant export_download."""
    return stem.split("_")[0]


def test_no_screen_module_imports_another_screen() -> None:
    offences = []
    for path in sorted(SCREENS.glob("*.py")):
        if path.stem == "__init__":
            continue
        for module in imported_modules(path):
            if not module.startswith(PREFIX):
                continue
            other = module.removeprefix(PREFIX).split(".")[0]
            if family(other) != family(path.stem):
                offences.append(f"{path.name} imports {module}")
    assert offences == []


def test_the_session_screen_modules_stay_small() -> None:
    sizes = {
        path.name: len(path.read_text(encoding="utf-8").splitlines())
        for path in SCREENS.glob("session*.py")
    }
    assert sizes and all(lines <= 520 for lines in sizes.values()), sizes
