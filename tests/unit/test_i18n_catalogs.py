"""The catalogs are complete and current, and no user-visible string escapes translation.

(a) the template matches the messages in the code, (b) every language's ``.po`` translates
every message (plural forms and ``{placeholders}`` right) and its committed ``.mo`` matches it,
(c) an AST scan finds user-visible literals that are not wrapped. Fix (a) and the ``.mo`` with
``python -m workshop_tui.i18n_tools update``; see docs/translating.md.
"""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import pytest
from i18n_scan import PACKAGE, reads_as_prose, scan_file

from workshop_tui import i18n_tools

#: modules the scan skips, and why
NOT_SCANNED = {
    # developer tooling: its argparse help and output are for translators of this project
    "i18n_tools.py",
    # Word page machinery: style, font and field names; every text it prints comes from the
    # exporters that call it (scanned)
    "core/export/docx/builder.py",
    # generates the schema's yes/no check as Python source: its strings are code, not text
    "core/schema/fastcheck.py",
    # renders the field tables of docs/session-format.md (English docs, compared by a test)
    "core/schema/tables.py",
}

#: literals the scan flags that are not for people to read: (module, start of the literal, why)
ALLOWED = [
    ("core/export/markup.py", "'\\n:root", "the HTML exports' CSS"),
    ("core/export/actions_json.py", "'workshop-tui action list'", "the JSON schema's title"),
    # the Word builder only names styles and fonts (python-docx looks them up by these names)
    # and stamps the file's metadata; the words of a document come from its exporter
    ("core/export/docx/builder.py", "", "Word style and font names, file metadata"),
    # code and documentation generators: Python source and Markdown tables for docs/
    ("core/schema/fastcheck.py", "", "generated Python source of the schema checks"),
    ("core/schema/tables.py", "", "the schema tables of docs/session-format.md"),
]

#: modules not wrapped yet — this list only shrinks (issue 15); new code is checked at once
PENDING: set[str] = set()


def test_template_matches_the_code() -> None:
    assert i18n_tools.stale_template() == [], "run: python -m workshop_tui.i18n_tools update"


@pytest.mark.parametrize("language", i18n_tools.languages())
def test_every_message_is_translated(language: str) -> None:
    assert i18n_tools.untranslated(language) == []


@pytest.mark.parametrize("language", i18n_tools.languages())
def test_compiled_catalog_matches_its_po(language: str) -> None:
    assert i18n_tools.stale_mo(language) == []


def test_indonesian_is_shipped() -> None:
    assert "id" in i18n_tools.languages()
    assert i18n_tools.mo_path("id").is_file()


def _modules() -> list[Path]:
    return sorted(
        path
        for path in PACKAGE.rglob("*.py")
        if "__pycache__" not in path.parts
        and path.relative_to(PACKAGE).as_posix() not in NOT_SCANNED
    )


def _allowed(rel: str, text: str) -> bool:
    return any(rel.endswith(module) and text.startswith(start) for module, start, _ in ALLOWED)


def test_no_unwrapped_user_visible_literals() -> None:
    found = []
    for path in _modules():
        rel = path.relative_to(PACKAGE).as_posix()
        if rel in PENDING:
            continue
        found += [str(f) for f in scan_file(path) if not _allowed(f.path, f.text)]
    assert found == [], "wrap these in _() / N_() / ngettext():\n" + "\n".join(found)


def test_pending_modules_exist() -> None:
    names = {path.relative_to(PACKAGE).as_posix() for path in _modules()}
    assert PENDING <= names


def _scan_snippet(tmp_path: Path, code: str, *, exporter: bool = False) -> list[str]:
    path = tmp_path / "snippet.py"
    path.write_text(textwrap.dedent(code), encoding="utf-8")
    return [f.text for f in scan_file(path, exporter=exporter)]


def test_the_scan_finds_what_it_should(tmp_path: Path) -> None:
    code = """
        BINDINGS = [Binding("q", "quit", "Quit"), Binding("x", "x", N_("Delete"), tooltip="Gone")]
        self.notify(f"Saved {n} entries", title=_("Saved"))
        yield Label("Challenges")
        yield Static(_("Solutions {n}").format(n=n))
        parser.add_argument("--lang", help="the language")
        dialog.border_title = "Keys"
        raise AgendaError(f"unknown topic {ref}")
        raise RuntimeError("internal")
        yield Label(Text("Keys", "bold"))
        yield Label(_("A") + " · " + "Be cd")
    """
    found = _scan_snippet(tmp_path, code)
    assert found == [
        "'Gone'",
        "'Quit'",
        "f'Saved {n} entries'",
        "'Challenges'",
        "'the language'",
        "'Keys'",
        "f'unknown topic {ref}'",
        "'Keys'",
        "'Be cd'",
    ]


def test_the_scan_reads_exporters_literals(tmp_path: Path) -> None:
    code = """
        COLUMNS = [("Owner", "owner"), ("Responsible unit", "unit")]
        ICS = "BEGIN:VTODO"
        HEAD = "<h2>Summary</h2>"
        KEY = row["Some Key"]
        FMT = "%Y-%m-%d"
        OK = t.gettext("Status")
    """
    found = _scan_snippet(tmp_path, code, exporter=True)
    assert sorted(found) == ["'<h2>Summary</h2>'", "'Owner'", "'Responsible unit'"]


def test_prose_heuristic() -> None:
    assert reads_as_prose("Responsible unit")
    assert reads_as_prose("## All actions")
    assert not reads_as_prose("owner")
    assert not reads_as_prose("DTSTART;VALUE=DATE:")
    assert not reads_as_prose("{title} — {what}")


def test_ast_scan_parses_every_module() -> None:
    for path in _modules():
        ast.parse(path.read_text(encoding="utf-8"))
