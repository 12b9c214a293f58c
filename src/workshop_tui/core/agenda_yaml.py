"""Load agenda YAML files (or bundled agendas by name) into :class:`Agenda` objects.

Reading is defensive: a file over 1 MiB, a binary or non-UTF-8 file, YAML anchors/aliases
(alias bombs), merge keys, non-standard tags (``!!python/object``) and deeply nested input are
all refused with a ``FILE:LINE:COL: message`` problem — never a traceback, never a hang.
The node tree is composed with a :class:`yaml.SafeLoader` subclass and validated node by node
(:mod:`workshop_tui.core.agenda_validate`) so every problem points at its line and column.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.error import Mark, MarkedYAMLError
from yaml.events import AliasEvent
from yaml.nodes import Node
from yaml.reader import ReaderError
from yaml.resolver import Resolver

from workshop_tui.core.agenda import Agenda
from workshop_tui.core.agenda_nodes import (
    _CONTROL,
    ALLOWED_TAGS,
    MERGE,
    TAG,
    AgendaError,
    AgendaProblem,
    _escape,
)
from workshop_tui.core.agenda_validate import check_tree
from workshop_tui.core.bundled import BUNDLED_DIR, bundled_agendas, bundled_names

try:
    from yaml import cyaml as _cyaml
except ImportError:  # PyYAML built without libyaml
    _cyaml = None  # type: ignore[assignment]
# libyaml's scanner and parser, when PyYAML was built with it (the wheels are).
_CParser: Any = getattr(_cyaml, "CParser", None)

__all__ = [
    "DEFAULT_AGENDA",
    "MAX_FILE_BYTES",
    "AgendaError",
    "AgendaNotFoundError",
    "AgendaProblem",
    "bundled_agenda_path",
    "bundled_agendas",
    "dump_agenda",
    "load_agenda",
    "parse_agenda_text",
    "validate_file",
    "validate_text",
]

DEFAULT_AGENDA = "ipr-border-enforcement"
MAX_FILE_BYTES = 1024 * 1024
#: Deeper nesting than this is refused (the agenda format needs 5 levels).
MAX_DEPTH = 32
#: More nodes than this is refused (the IPR agenda has ~700); bounds the time spent.
MAX_NODES = 50_000
#: At most this many problems are listed per file.
MAX_PROBLEMS = 100
_SUFFIXES = (".yaml", ".yml")


class _Refused(Exception):
    def __init__(self, mark: Mark | None, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message


class _Guard:
    """Composer hooks: refuse aliases, anchors, deep nesting and huge trees; note bad tags."""

    def __init__(self) -> None:
        self.bad_tags: list[Node] = []
        self._depth = 0
        self._nodes = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        loader: Any = self
        event = loader.peek_event()
        if loader.check_event(AliasEvent):
            raise _Refused(
                event.start_mark,
                f"aliases (*{event.anchor}) are not supported in agenda files; write the value out",
            )
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise _Refused(
                event.start_mark,
                f"anchors (&{anchor}) are not supported in agenda files; write the value out",
            )
        self._nodes += 1
        if self._nodes > MAX_NODES:
            raise _Refused(
                event.start_mark,
                f"the file is too big for an agenda (more than {MAX_NODES} values)",
            )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refused(event.start_mark, f"nested more than {MAX_DEPTH} levels deep")
            node: Node | None = super().compose_node(parent, index)  # type: ignore[misc]
        finally:
            self._depth -= 1
        if node is not None and node.tag not in ALLOWED_TAGS and node.tag != MERGE:
            self.bad_tags.append(node)
        return node


class _PureLoader(_Guard, yaml.SafeLoader):
    """Pure-Python reader, scanner and parser; ``ReaderError.position`` counts characters."""

    byte_positions = False

    def __init__(self, stream: str) -> None:
        yaml.SafeLoader.__init__(self, stream)
        _Guard.__init__(self)


_Loader: Any = _PureLoader
if _CParser is not None:

    class _FastLoader(_Guard, Composer, _CParser, Resolver):  # type: ignore[misc]
        """libyaml's scanner and parser under Python's composer, so our hooks still run.

        About 8x faster than the pure-Python parser on large files. ``ReaderError.position``
        is a byte offset into the UTF-8 encoding.
        """

        byte_positions = True

        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            Composer.__init__(self)
            Resolver.__init__(self)
            _Guard.__init__(self)

    _Loader = _FastLoader


def _reader_problem(text: str, err: ReaderError, loader_class: Any) -> tuple[int, int, str]:
    index = err.position
    if loader_class.byte_positions:
        index = len(text.encode("utf-8", "surrogatepass")[:index].decode("utf-8", "ignore"))
    line, col = _position(text, index)
    char = err.character
    code = ord(char) if isinstance(char, str) else int(char)
    return (
        line,
        col,
        f"unsupported character U+{code:04X} in the file (control characters are not allowed)",
    )


def _char_at(text: str, line: int, col: int) -> str:
    """The character at a 1-based line and column, or ``""``."""
    lines = text.split("\n", line)
    if line > len(lines):
        return ""
    row = lines[line - 1]
    return row[col - 1] if 0 < col <= len(row) else ""


def _position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a character index."""
    index = max(0, min(index, len(text)))
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, col


def _compose(text: str, path: str) -> tuple[Node | None, list[AgendaProblem], set[int]]:
    """The document's root node, problems, and the ids of nodes whose tag was refused."""

    def problem(line: int, col: int, message: str) -> tuple[None, list[AgendaProblem], set[int]]:
        return None, [AgendaProblem(path, line, col, message)], set()

    try:
        loader = _Loader(text)
    except ReaderError as err:  # the pure-Python reader checks the characters here
        return problem(*_reader_problem(text, err, loader_class=_Loader))
    except UnicodeEncodeError as err:  # a lone surrogate in a str given by a caller
        return problem(*_position(text, err.start), "the text contains an invalid character")
    try:
        root = loader.get_single_node()
    except _Refused as err:
        mark = err.mark
        return problem(mark.line + 1 if mark else 1, mark.column + 1 if mark else 1, err.message)
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        message = err.problem or err.context or "invalid YAML"
        if err.context and err.problem:
            message = f"{err.problem} ({err.context}"
            if err.context_mark is not None:
                message += f" on line {err.context_mark.line + 1}"
            message += ")"
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if "tab" in message or _char_at(text, line, col) == "\t":
            message += "; indent with spaces, not tabs"
        return problem(line, col, f"YAML syntax error: {message}")
    except ReaderError as err:
        return problem(*_reader_problem(text, err, loader_class=_Loader))
    except yaml.YAMLError as err:
        return problem(1, 1, f"YAML error: {err}")
    except RecursionError:
        return problem(1, 1, "the file is nested too deeply to read")
    except Exception as err:  # last resort for hostile input: a message, never a traceback
        return problem(1, 1, f"cannot read this file as YAML ({type(err).__name__}: {err})")
    finally:
        loader.dispose()
    problems = [
        AgendaProblem(
            path,
            node.start_mark.line + 1,
            node.start_mark.column + 1,
            f"tag {_show_tag(node.tag)} is not allowed in agenda files; "
            "use plain text, numbers, lists and mappings",
        )
        for node in loader.bad_tags
    ]
    return root, problems, {id(node) for node in loader.bad_tags}


def _show_tag(tag: str) -> str:
    return "!!" + tag[len(TAG) :] if tag.startswith(TAG) else tag


def _text_problems(text: str, path: str, name: str) -> tuple[Agenda | None, list[AgendaProblem]]:
    root, problems, skip = _compose(text, path)
    if root is None:
        if not problems:
            problems = [
                AgendaProblem(path, 1, 1, "the file is empty; an agenda needs a title and topics")
            ]
        return None, problems
    agenda, more = check_tree(root, path, name, skip)
    problems = sorted(problems + more, key=lambda p: (p.line, p.col))
    if len(problems) > MAX_PROBLEMS:
        rest = problems[MAX_PROBLEMS]
        hidden = len(problems) - MAX_PROBLEMS
        problems = problems[:MAX_PROBLEMS]
        problems.append(AgendaProblem(path, rest.line, rest.col, f"... and {hidden} more problems"))
    return (agenda if not problems else None), problems


def _decode(data: bytes, path: str) -> tuple[str | None, list[AgendaProblem]]:
    def problem(line: int, col: int, message: str) -> tuple[None, list[AgendaProblem]]:
        return None, [AgendaProblem(path, line, col, message)]

    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return problem(1, 1, "the file is UTF-16 encoded; save it as UTF-8")
    offset = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    nul = data.find(b"\x00")
    if nul >= 0:
        line, col = _byte_position(data, nul)
        return problem(line, col, "this is a binary file (NUL byte), not a YAML agenda")
    try:
        return data[offset:].decode("utf-8"), []
    except UnicodeDecodeError as err:
        line, col = _byte_position(data, offset + err.start)
        return problem(
            line,
            col,
            f"the file is not valid UTF-8 (byte 0x{data[offset + err.start]:02x}); save it as UTF-8",
        )


def _byte_position(data: bytes, index: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, index) + 1
    col = index - (data.rfind(b"\n", 0, index) + 1) + 1
    return line, col


def _stat(path: Path) -> os.stat_result | str:
    """The file's status, or why there is none ("no such file", the OS error)."""
    try:
        return path.stat()
    except FileNotFoundError:
        return "no such file"
    except (OSError, ValueError) as err:  # too long, NUL byte in the name, permission, ...
        reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
        return f"cannot read the file: {reason}"


def _read(path: Path, shown: str) -> tuple[str | None, list[AgendaProblem]]:
    def problem(message: str) -> tuple[None, list[AgendaProblem]]:
        return None, [AgendaProblem(shown, 1, 1, message)]

    status = _stat(path)
    if isinstance(status, str):
        return problem(status)
    if stat.S_ISDIR(status.st_mode):
        return problem("is a directory, not an agenda file")
    if not stat.S_ISREG(status.st_mode):
        return problem("not a regular file")  # a device or pipe could block or never end
    if status.st_size > MAX_FILE_BYTES:
        return problem(
            f"the file is too large ({status.st_size} bytes; an agenda is at most 1 MiB)"
        )
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as err:
        return problem(f"cannot read the file: {err.strerror or err}")
    if len(data) > MAX_FILE_BYTES:  # it grew while we looked
        return problem("the file is too large (an agenda is at most 1 MiB)")
    return _decode(data, shown)


def dump_agenda(agenda: Agenda) -> str:
    """The agenda as format-1 YAML that :func:`parse_agenda_text` reads back to an equal agenda.

    For saving a session's agenda snapshot as a file to edit and reuse. Empty optional values
    are left out; times are quoted. ``Agenda.name`` is not written (it comes from the file name).
    """

    def compact(item: dict[str, Any]) -> dict[str, Any]:
        return {key: value for key, value in item.items() if value not in ("", [], None)}

    data: dict[str, Any] = {"format": agenda.format, "title": agenda.title}
    for key in ("organiser", "venue"):
        if getattr(agenda, key):
            data[key] = getattr(agenda, key)
    if agenda.start_date:
        data["dates"] = {"start": agenda.start_date, "end": agenda.end_date or agenda.start_date}
    if agenda.description:
        data["description"] = agenda.description
    data["language"] = agenda.language
    data["groups"] = [compact(group.to_dict()) for group in agenda.groups]
    if agenda.participants:
        data["participants"] = [compact(p.to_dict()) for p in agenda.participants]
    data["topics"] = [compact(topic.to_dict()) for topic in agenda.topics]
    if agenda.schedule:
        data["schedule"] = [compact(item.to_dict()) for item in agenda.schedule]
    text: str = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    return text


def validate_text(text: str, path: str = "<string>", name: str = "") -> list[AgendaProblem]:
    """Every problem in an agenda text (empty list: the agenda is valid)."""
    return _text_problems(text, path, name)[1]


def parse_agenda_text(text: str, path: str = "<string>", name: str = "") -> Agenda:
    """Parse and validate agenda YAML text; raises :class:`AgendaError` listing all problems."""
    if len(text) > MAX_FILE_BYTES:
        raise AgendaError([AgendaProblem(path, 1, 1, "the agenda is too large (at most 1 MiB)")])
    agenda, problems = _text_problems(text, path, name)
    if agenda is None:
        raise AgendaError(problems)
    return agenda


def validate_file(path: str | os.PathLike[str]) -> list[AgendaProblem]:
    """Every problem in an agenda file (empty list: valid). Never raises for bad input."""
    shown = os.fspath(path) or "<agenda>"
    if not os.fspath(path).strip():
        return [AgendaProblem(shown, 1, 1, "no file given")]
    text, problems = _read(Path(path).expanduser(), shown)
    if text is None:
        return problems
    return _text_problems(text, shown, _stem(Path(path)))[1]


def _stem(path: Path) -> str:
    return path.name[: -len(path.suffix)] if path.suffix in _SUFFIXES else path.name


# -- bundled agendas ----------------------------------------------------------------------
def _bundled_dir() -> Path:
    return BUNDLED_DIR


def _bundled_names() -> list[str]:
    return bundled_names()


class _UnplacedProblem(AgendaProblem):
    """A problem with the agenda reference itself, not with a place in a file: it is shown
    without a FILE:LINE:COL prefix."""

    def __str__(self) -> str:
        return _CONTROL.sub(_escape, self.message)


class AgendaNotFoundError(AgendaError):
    """No agenda to read: an unknown bundled name, a missing path, a folder. ``str()`` is
    one sentence without a line:column (there is no file to point into)."""

    def __init__(self, ref: str, message: str) -> None:
        super().__init__([_UnplacedProblem(ref or "<agenda>", 1, 1, message)])
        self.ref = ref


def _unknown_name(ref: str) -> AgendaNotFoundError:
    names = ", ".join(_bundled_names()) or "none"
    if not ref.strip():
        return AgendaNotFoundError(
            ref, f"give an agenda file or a bundled agenda (bundled: {names})"
        )
    return AgendaNotFoundError(ref, f"no bundled agenda or file named {ref!r} (bundled: {names})")


def _not_an_agenda_file(ref: str, status: os.stat_result | str) -> AgendaNotFoundError | None:
    """Why ``ref`` cannot be read as an agenda file at all, or None when it is a file."""
    if isinstance(status, str):
        return AgendaNotFoundError(ref, f"cannot open the agenda file {ref!r}: {status}")
    if stat.S_ISDIR(status.st_mode):
        return AgendaNotFoundError(ref, f"{ref!r} is a folder, not an agenda file")
    if not stat.S_ISREG(status.st_mode):
        return AgendaNotFoundError(ref, f"{ref!r} is not a regular file (an agenda is a YAML file)")
    return None


def bundled_agenda_path(name: str) -> Path:
    """The file of a bundled agenda (``name`` with or without ``.yaml``)."""
    stem = name[: -len(".yaml")] if name.endswith(".yaml") else name
    if stem not in _bundled_names():
        raise _unknown_name(name)
    return _bundled_dir() / f"{stem}.yaml"


def load_agenda(ref: str | os.PathLike[str]) -> Agenda:
    """An agenda from a file path or a bundled name (``ipr-border-enforcement[.yaml]``).

    ``Agenda.name`` is the bundled name or the file stem. Raises :class:`AgendaError`
    (:class:`AgendaNotFoundError` when there is no such agenda or file to read).
    """
    shown = os.fspath(ref)
    if not shown.strip():
        raise _unknown_name("")
    path = Path(shown).expanduser()
    status = _stat(path)
    is_file = not isinstance(status, str) and stat.S_ISREG(status.st_mode)
    if not is_file and Path(shown).name == shown:  # a bare name: a bundled agenda?
        stem = _stem(path)
        if stem in _bundled_names():
            bundled = bundled_agenda_path(stem)
            text, problems = _decode(bundled.read_bytes(), str(bundled))
            if text is None:
                raise AgendaError(problems)
            return parse_agenda_text(text, str(bundled), stem)
        if status == "no such file":
            raise _unknown_name(shown)
    unreadable = _not_an_agenda_file(shown, status)
    if unreadable is not None:
        raise unreadable
    text, problems = _read(path, shown)
    if text is None:
        raise AgendaError(problems)
    return parse_agenda_text(text, shown, _stem(path))
