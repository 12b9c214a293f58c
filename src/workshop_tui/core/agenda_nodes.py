"""Read YAML *nodes* with positions: the building blocks of agenda validation.

:class:`NodeReader` checks the shape and scalar type of composed :mod:`yaml` nodes and records
an :class:`AgendaProblem` (with 1-based line and column) for each mismatch. It never constructs
arbitrary objects: scalar values are read from ``node.value`` according to the tag the safe
resolver gave them. The agenda structure itself is in :mod:`workshop_tui.core.agenda_validate`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from yaml.constructor import ConstructorError, SafeConstructor
from yaml.error import Mark
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from workshop_tui.core.i18n import _

TAG = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL = (TAG + t for t in ("str", "int", "float", "bool", "null"))
TIMESTAMP, MAP, SEQ, MERGE = (TAG + t for t in ("timestamp", "map", "seq", "merge"))
#: Tags a node may carry; anything else (``!!python/object``, ``!!binary``, ``!custom``) is refused.
ALLOWED_TAGS = frozenset({STR, INT, FLOAT, BOOL, NULL, TIMESTAMP, MAP, SEQ})

TIME_RE = re.compile(r"^([01]?[0-9]|2[0-3]):([0-5][0-9])$")
DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _escape(match: re.Match[str]) -> str:
    return f"\\x{ord(match.group()):02x}"


@dataclass(frozen=True)
class AgendaProblem:
    """One problem in an agenda file; ``line`` and ``col`` are 1-based."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        # Control characters (a file name or YAML "\e" escape) must not reach the terminal.
        return _CONTROL.sub(_escape, f"{self.path}:{self.line}:{self.col}: {self.message}")


class AgendaError(Exception):
    """An agenda could not be loaded; ``problems`` lists every problem found."""

    def __init__(self, problems: Iterable[AgendaProblem]) -> None:
        self.problems: list[AgendaProblem] = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


def describe(node: Node) -> str:
    """What a node is, in words a facilitator understands ("a list", "a number")."""
    if isinstance(node, MappingNode):
        return _("a mapping (key: value lines)")
    if isinstance(node, SequenceNode):
        return _("a list")
    return {
        STR: _("text"),
        INT: _("a number"),
        FLOAT: _("a number"),
        BOOL: _("a yes/no value"),
        NULL: _("nothing"),
        TIMESTAMP: _("a date"),
    }.get(node.tag) or _("a value tagged {tag}").format(tag=node.tag)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """``"; did you mean 'x'?"`` for the closest choice, or ``""``."""
    options = list(choices)
    same_case = [c for c in options if c.casefold() == word.casefold()]
    close = same_case or difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return "; " + _("did you mean {choice!r}?").format(choice=close[0]) if close else ""


def _short(value: object, limit: int = 24) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class NodeReader:
    """Collects problems while reading nodes; each reader returns ``None`` for an unusable value.

    Readers report a problem at the node's own position and never raise, so one pass over a
    file finds every problem in it.
    """

    def __init__(self, path: str, skip: set[int]) -> None:
        self.path = path
        self.problems: list[AgendaProblem] = []
        # Nodes already reported (bad tag): don't report them a second time as "wrong type".
        self.skip = skip
        self._constructor = SafeConstructor()

    # -- reporting ----------------------------------------------------------------------
    def add(self, where: Node | Mark, message: str) -> None:
        mark = where.start_mark if isinstance(where, Node) else where
        self.problems.append(AgendaProblem(self.path, mark.line + 1, mark.column + 1, message))

    def wrong_type(self, node: Node, what: str, expected: str) -> None:
        if id(node) not in self.skip:
            self.add(
                node,
                _("{what} must be {expected}, not {describe}").format(
                    what=what, expected=expected, describe=describe(node)
                ),
            )

    # -- shapes -------------------------------------------------------------------------
    def mapping(self, node: Node, what: str, allowed: tuple[str, ...]) -> dict[str, Node] | None:
        """Key → value node of a mapping; reports non-text, duplicate, merge and unknown keys."""
        if not isinstance(node, MappingNode):
            self.wrong_type(node, what, _("a mapping (key: value lines)"))
            return None
        items: dict[str, Node] = {}
        for key, value in node.value:
            if key.tag == MERGE:
                self.add(
                    key, _("merge keys (<<) are not supported in agenda files; write the keys out")
                )
                continue
            if not isinstance(key, ScalarNode) or key.tag != STR:
                if id(key) not in self.skip:
                    self.add(
                        key,
                        _("keys in {what} must be text, not {describe}").format(
                            what=what, describe=describe(key)
                        ),
                    )
                continue
            name = key.value
            if name in items:
                self.add(key, _("duplicate key {name!r} in {what}").format(name=name, what=what))
                continue
            if name not in allowed:
                self.add(
                    key,
                    _("unknown key {name!r} in {what}{did_you_mean}").format(
                        name=name, what=what, did_you_mean=did_you_mean(name, allowed)
                    ),
                )
                continue
            items[name] = value
        return items

    def sequence(self, node: Node, what: str) -> list[Node] | None:
        if isinstance(node, SequenceNode):
            return list(node.value)
        if isinstance(node, ScalarNode) and node.tag == NULL:
            return []
        self.wrong_type(node, what, _("a list (lines starting with '- ')"))
        return None

    def text(self, node: Node | None, what: str) -> str | None:
        """A text value; an empty value counts as ``""``. Numbers and booleans are refused."""
        if node is None:
            return None
        if isinstance(node, ScalarNode) and node.tag == STR:
            return str(node.value).strip()
        if isinstance(node, ScalarNode) and node.tag == NULL:
            return ""
        hint = ""
        if isinstance(node, ScalarNode) and node.tag in (INT, FLOAT, BOOL, TIMESTAMP):
            hint = "; " + _('put it in quotes: "{value}"').format(value=_short(node.value))
            if node.tag == BOOL:
                hint = " " + _("(YAML reads yes/no/on/off/true/false as booleans)") + hint
        if id(node) not in self.skip:
            self.add(
                node,
                _("{what} must be text, not {describe}{hint}").format(
                    what=what, describe=describe(node), hint=hint
                ),
            )
        return None

    def required_text(self, items: dict[str, Node], key: str, owner: Node, what: str) -> str | None:
        if key not in items:
            self.add(owner, _("{what} has no {key!r}").format(what=what, key=key))
            return None
        value = self.text(items[key], f"{what} {key!r}")
        if value == "":
            self.add(items[key], _("{what} {key!r} is empty").format(what=what, key=key))
            return None
        return value

    def integer(self, node: Node, what: str, low: int, high: int, unit: str = "") -> int | None:
        """A whole number in ``low..high``; ``unit`` (e.g. "minutes") is used in messages."""
        units = f" {unit}" if unit else ""
        if unit:
            expected = _("a whole number of {unit}").format(unit=unit)
        else:
            expected = _("a whole number")
        if not isinstance(node, ScalarNode) or node.tag != INT:
            if isinstance(node, ScalarNode) and node.tag == FLOAT:
                self.add(
                    node,
                    _("{what} must be {expected}, not {short}").format(
                        what=what, expected=expected, short=_short(node.value)
                    ),
                )
            else:
                self.wrong_type(node, what, expected)
            return None
        value = self.int_value(node)
        if value is None or not low <= value <= high:
            self.add(
                node,
                _("{what} must be between {low} and {high}{units}, not {short}").format(
                    what=what, low=low, high=high, units=units, short=_short(node.value)
                ),
            )
            return None
        return value

    def int_value(self, node: ScalarNode) -> int | None:
        """The value of an int-tagged scalar; ``None`` if absurdly long (bounded work)."""
        if len(str(node.value)) > 24:
            return None
        try:
            return int(self._constructor.construct_yaml_int(node))
        except (ConstructorError, ValueError):
            return None

    def iso_date(self, node: Node, what: str) -> str | None:
        if not isinstance(node, ScalarNode) or node.tag not in (STR, TIMESTAMP):
            self.wrong_type(node, what, _("a date like 2026-03-02"))
            return None
        raw = str(node.value).strip()
        try:
            if not DATE_RE.match(raw):
                raise ValueError
            return date.fromisoformat(raw).isoformat()
        except ValueError:
            self.add(
                node,
                _("{what} {raw!r} is not a valid date; write YYYY-MM-DD, e.g. 2026-03-02").format(
                    what=what, raw=raw
                ),
            )
            return None

    def clock_time(self, node: Node, what: str) -> str | None:
        if isinstance(node, ScalarNode) and node.tag == INT and ":" in str(node.value):
            raw = _short(node.value)
            number = self.int_value(node)
            read_as = (
                _("the number {number}").format(number=number)
                if number is not None
                else _("a number")
            )
            self.add(
                node,
                _(
                    '{what} {raw} is not quoted, so YAML reads it as {read_as} (base 60); write the time in quotes: "{raw}"'
                ).format(what=what, raw=raw, read_as=read_as),
            )
            return None
        if isinstance(node, ScalarNode) and node.tag == STR:
            match = TIME_RE.match(str(node.value).strip())
            if match:
                return f"{int(match.group(1)):02d}:{match.group(2)}"
            self.add(
                node,
                _('{what} {value!r} is not a time; write HH:MM in quotes, e.g. "09:30"').format(
                    what=what, value=node.value
                ),
            )
            return None
        self.wrong_type(node, what, _('a time in quotes, e.g. "09:30"'))
        return None


#: Stands in for an absent optional list.
EMPTY = ScalarNode(NULL, "")
