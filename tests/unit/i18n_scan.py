"""Find user-visible string literals that are not wrapped for translation (an AST scan).

What counts as user-visible (the places people read): Binding descriptions and tooltips,
``notify`` messages and titles, the text of ``Static``/``Label``/``Button``/... and their
placeholders, prompts and titles, ``border_title``/``border_subtitle``/``tooltip`` assignments,
``.update(...)`` of a widget's text, argparse help/description/errors, ``print`` in the CLI, the
messages of the errors users see (``raise SomethingError("...")``) and, in exporters, any literal
that reads as words. A literal counts when it has a run of two or more letters outside
``{placeholders}`` and ``[markup]``; it is fine inside ``_()``, ``N_()``, ``ngettext()``,
``pgettext()`` or a translator's ``.gettext()``/``.ngettext()``/``.pgettext()``.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "workshop_tui"
#: exporters: every literal that reads as words is checked there, not only the call sites
EXPORT_DIR = PACKAGE / "core" / "export"

TRANSLATING = {"_", "N_", "gettext", "ngettext", "pgettext", "npgettext"}
WIDGETS = {
    "Static",
    "Label",
    "Button",
    "Checkbox",
    "RadioButton",
    "Switch",
    "Tab",
    "TabPane",
    "Link",
    "Rule",
    "FooterLabel",
    "LoadingIndicator",
}
TEXT_KEYWORDS = {"label", "placeholder", "prompt", "title", "tooltip", "help", "description"}
ATTRIBUTES = {"border_title", "border_subtitle", "tooltip", "placeholder", "TITLE", "SUB_TITLE"}
#: Text-like wrappers whose first argument is the text shown
TEXT_CALLS = {"Text", "Content", "from_markup", "styled", "Option"}
#: errors whose message is for developers, never shown as is
INTERNAL_ERRORS = {
    "AssertionError",
    "NotImplementedError",
    "RuntimeError",
    "TypeError",
    "KeyError",
    "AttributeError",
    "ImportError",
}

_MARKUP = re.compile(r"\[/?[a-z$#@][^\]]*\]|\{[^}]*\}")
#: a word for people has lowercase letters (ALL-CAPS tokens are formats: END:VTODO)
_WORD = re.compile(r"[a-z]{2,}")


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text!r}"


_TAG = re.compile(r"<[^>]*>|&[a-z#0-9]+;")
#: never translated: the program's name and command-line options
_NAMES = re.compile(r"workshop-tui|--?[a-z][a-z-]*")


def reads_as_words(text: str) -> bool:
    return bool(_WORD.search(_NAMES.sub("", _TAG.sub(" ", _MARKUP.sub("", text)))))


_PROSE = re.compile(r"^\W*[A-Z][a-z]+\b|\b[a-z]{2,} [a-z]{2,}\b")


def reads_as_prose(text: str) -> bool:
    """Whether an exporter's literal reads as words for people (``"Responsible unit"``,
    ``"<h2>Actions</h2>"``) rather than a key, a format or a token (``"owner"``, ``"%Y-%m-%d"``,
    ``"BEGIN:VTODO"``)."""
    return bool(_PROSE.search(_TAG.sub(" ", _MARKUP.sub("", text))))


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def is_translated(node: ast.expr) -> bool:
    return isinstance(node, ast.Call) and _name(node.func) in TRANSLATING


def bare_literals(node: ast.expr | None) -> Iterator[ast.expr]:
    """The literals in ``node`` that read as words and are not inside a translation call."""
    if node is None or is_translated(node):
        return
    if isinstance(node, ast.Constant):
        if isinstance(node.value, str) and reads_as_words(node.value):
            yield node
    elif isinstance(node, ast.JoinedStr):
        static = "".join(
            v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        )
        if reads_as_words(static):
            yield node
    elif isinstance(node, ast.BinOp):
        yield from bare_literals(node.left)
        yield from bare_literals(node.right)
    elif isinstance(node, ast.IfExp):
        yield from bare_literals(node.body)
        yield from bare_literals(node.orelse)
    elif isinstance(node, ast.BoolOp):
        for value in node.values:
            yield from bare_literals(value)
    elif isinstance(node, ast.Call):
        name = _name(node.func)
        if name == "format" and isinstance(node.func, ast.Attribute):
            yield from bare_literals(node.func.value)
        elif name in TEXT_CALLS and node.args:
            yield from bare_literals(node.args[0])
        elif name == "assemble":
            for arg in node.args:
                yield from bare_literals(arg.elts[0] if isinstance(arg, ast.Tuple) else arg)
        elif name == "join" and node.args:
            yield from bare_literals(node.args[0])
    elif isinstance(node, ast.Tuple) and len(node.elts) == 2:
        yield from bare_literals(node.elts[0])  # (text, style) pieces of Text.assemble
    elif isinstance(node, (ast.List, ast.Tuple)):
        for element in node.elts:
            yield from bare_literals(element)


def _shown_arguments(call: ast.Call, path: Path) -> Iterator[ast.expr]:
    name = _name(call.func)
    keywords = {k.arg: k.value for k in call.keywords if k.arg}
    if name == "Binding":
        if len(call.args) > 2:
            yield call.args[2]
        for key in ("description", "tooltip"):
            if key in keywords:
                yield keywords[key]
    elif name == "notify":
        if call.args:
            yield call.args[0]
        if "title" in keywords:
            yield keywords["title"]
    elif name in WIDGETS:
        if call.args:
            yield call.args[0]
        yield from (v for k, v in keywords.items() if k in TEXT_KEYWORDS)
    elif name in {"Input", "Select", "TextArea", "OptionList", "SelectionList", "DataTable"}:
        yield from (v for k, v in keywords.items() if k in TEXT_KEYWORDS)
    elif name in {"add_argument", "add_parser", "ArgumentParser", "add_argument_group"}:
        yield from (v for k, v in keywords.items() if k in {"help", "description", "epilog"})
    elif name in {"error", "exit"} and isinstance(call.func, ast.Attribute):
        yield from call.args[-1:]
    elif name == "update" and isinstance(call.func, ast.Attribute) and call.args:
        yield call.args[0]
    elif name in {"add_column", "add_columns"}:
        yield from call.args
    elif name in {"print", "out", "write"} and path.parent.name == "cli":
        yield from call.args
    elif name in {"submit", "_queue_write", "outcome", "reason_not_saved"} and call.args:
        yield call.args[0]  # the store writer's "what": the title of a failure notification
    elif name == "add" and len(call.args) == 2 and isinstance(call.func, ast.Attribute):
        yield call.args[1]  # an agenda problem at a node: reader.add(node, message)
    elif name == "wrong_type" and len(call.args) == 3:
        yield call.args[2]  # what a node should have been ("a list (lines starting ...)")
    elif name == "QualityWarning" and len(call.args) > 1:  # its message is shown as is
        yield call.args[1]
    elif name == "_show_error" and call.args:  # the export dialog's inline message
        yield call.args[0]
    elif name == "_row" and call.args:  # a labelled form row (export dialog)
        yield call.args[0]
    elif name == "ConfirmScreen":
        yield from call.args[:1]
        yield from (v for k, v in keywords.items() if k in {"yes", "no"})
    elif name in {"Option", "PaletteCommand", "SystemCommand", "Hit", "DiscoveryHit"}:
        yield from call.args[:2] if name != "Hit" else call.args[1:2]
        yield from (v for k, v in keywords.items() if k in {"help", "prompt", "text"})
    elif name in {"Text", "append", "from_markup"} and call.args:
        yield call.args[0]
    elif name == "assemble":
        yield from call.args
    elif name in {"call_from_thread", "call_later", "call_after_refresh"} and call.args:
        if _name(call.args[0]) == "notify":
            yield from call.args[1:2]
            if "title" in keywords:
                yield keywords["title"]


def _error_message(node: ast.Raise) -> Iterator[ast.expr]:
    exc = node.exc
    if isinstance(exc, ast.Call) and exc.args:
        name = _name(exc.func)
        if name.endswith(("Error", "Exception", "Exit")) and name not in INTERNAL_ERRORS:
            yield exc.args[0]


def _docstrings(tree: ast.AST) -> set[int]:
    ids: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def _export_literals(tree: ast.AST) -> Iterator[ast.expr]:
    """In an exporter every literal that reads as words, outside translation calls, docstrings,
    subscripts/keys (data) and the allow-listed machine formats."""
    docstrings = _docstrings(tree)
    inside_translation: set[int] = set()
    for node in ast.walk(tree):
        if is_translated(node):  # type: ignore[arg-type]
            inside_translation.update(id(n) for n in ast.walk(node))
        elif isinstance(node, ast.Subscript):
            inside_translation.update(id(n) for n in ast.walk(node.slice))
        elif isinstance(node, ast.Compare):
            inside_translation.update(id(n) for n in ast.walk(node))
        elif isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            inside_translation.update(id(n) for n in ast.walk(node))
        elif isinstance(node, ast.Dict):
            inside_translation.update(id(n) for key in node.keys if key for n in ast.walk(key))
        elif isinstance(node, ast.JoinedStr):
            inside_translation.update(id(v) for v in node.values)
    for node in ast.walk(tree):
        if id(node) in docstrings or id(node) in inside_translation:
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if reads_as_prose(node.value):
                yield node
        elif isinstance(node, ast.JoinedStr):
            static = "".join(
                v.value
                for v in node.values
                if isinstance(v, ast.Constant) and isinstance(v.value, str)
            )
            if reads_as_prose(static):
                yield node


def scan_file(path: Path, *, exporter: bool | None = None) -> list[Finding]:
    """The unwrapped user-visible literals of one module (``exporter``: scan every literal;
    by default for the modules under ``core/export``)."""
    if exporter is None:
        exporter = EXPORT_DIR in path.parents
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    rel = path.relative_to(PACKAGE.parent).as_posix() if PACKAGE in path.parents else path.name
    found: list[ast.expr] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            for argument in _shown_arguments(node, path):
                found.extend(bare_literals(argument))
        elif isinstance(node, ast.Raise):
            for argument in _error_message(node):
                found.extend(bare_literals(argument))
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if _name(target) in ATTRIBUTES or (
                    isinstance(target, ast.Name) and target.id in ATTRIBUTES
                ):
                    found.extend(bare_literals(node.value))
    if exporter:
        found.extend(_export_literals(tree))
    unique = {(n.lineno, ast.unparse(n)): n for n in found}
    return [Finding(rel, line, text) for (line, text) in sorted(unique)]
