"""The agendas shipped with the app: names and titles, without loading YAML.

The start screen lists them at every launch; parsing and validating three agenda files (and
importing PyYAML) just to show their titles cost more than the rest of the start screen.
The bundled files are ours and tested (tests/unit/test_agenda.py checks these titles equal
the fully loaded ones), so the top-level ``title:`` line is read directly.
"""

from __future__ import annotations

import re
from pathlib import Path

#: where the bundled agendas live inside the installed package
BUNDLED_DIR = Path(__file__).resolve().parent.parent / "agendas"

_TITLE = re.compile(r"^title:[ \t]*(?P<value>.+?)[ \t]*$", re.MULTILINE)


def bundled_names() -> list[str]:
    """Names of the bundled agendas (file stems), sorted."""
    try:
        return sorted(p.stem for p in BUNDLED_DIR.iterdir() if p.suffix == ".yaml" and p.is_file())
    except OSError:
        return []


def bundled_title(name: str) -> str | None:
    """The title of a bundled agenda read from its top-level ``title:`` line, or None when
    the line is not a plain one-line scalar (the caller then loads the file)."""
    try:
        text = (BUNDLED_DIR / f"{name}.yaml").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    match = _TITLE.search(text)
    if match is None:
        return None
    value = match.group("value")
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"" and "\\" not in value:
        return value[1:-1]
    if value[0] in "|>&*!'\"[{" or " #" in value:
        return None
    return value


def bundled_agendas() -> list[tuple[str, str]]:
    """``(name, title)`` of every bundled agenda, sorted by name."""
    rows = []
    for name in bundled_names():
        title = bundled_title(name)
        if title is None:  # not a plain one-line title: load the file to read it
            from workshop_tui.core.agenda_yaml import AgendaError, load_agenda

            try:
                title = load_agenda(name).title
            except AgendaError:
                title = "(invalid agenda file)"
        rows.append((name, title))
    return rows
