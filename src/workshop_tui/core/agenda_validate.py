"""Validate a composed YAML node tree against the agenda format (``format: 1``).

Works on :mod:`yaml` *nodes*, not on constructed Python objects, so every problem carries the
line and column of the node that caused it. Nothing here constructs arbitrary objects: scalar
values are read from ``node.value`` and checked against the tag the safe resolver gave them.
The format is documented in ``docs/agenda-format.md``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from yaml.constructor import ConstructorError, SafeConstructor
from yaml.error import Mark
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from workshop_tui.core.agenda import (
    FORMAT_VERSION,
    Agenda,
    Group,
    Participant,
    ScheduleItem,
    Topic,
)

TAG = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL = (TAG + t for t in ("str", "int", "float", "bool", "null"))
TIMESTAMP, MAP, SEQ, MERGE = (TAG + t for t in ("timestamp", "map", "seq", "merge"))
#: Tags a node may carry; anything else (``!!python/object``, ``!!binary``, ``!custom``) is refused.
ALLOWED_TAGS = frozenset({STR, INT, FLOAT, BOOL, NULL, TIMESTAMP, MAP, SEQ})

TIMEBOX_MIN, TIMEBOX_MAX = 1, 480
MAX_DAY = 366
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_ID_LENGTH = 64
TIME_RE = re.compile(r"^([01]?[0-9]|2[0-3]):([0-5][0-9])$")
DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")

TOP_KEYS = (
    "format",
    "title",
    "organiser",
    "venue",
    "dates",
    "description",
    "language",
    "groups",
    "participants",
    "topics",
    "schedule",
)
DATE_KEYS = ("start", "end")
GROUP_KEYS = ("name", "members")
PARTICIPANT_KEYS = ("name", "organisation", "group")
TOPIC_KEYS = ("id", "title", "description", "questions", "timebox")
SCHEDULE_KEYS = ("day", "start", "topic", "title")


@dataclass(frozen=True)
class AgendaProblem:
    """One problem in an agenda file; ``line`` and ``col`` are 1-based."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


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
        return "a mapping (key: value lines)"
    if isinstance(node, SequenceNode):
        return "a list"
    return {
        STR: "text",
        INT: "a number",
        FLOAT: "a number",
        BOOL: "a yes/no value",
        NULL: "nothing",
        TIMESTAMP: "a date",
    }.get(node.tag, f"a value tagged {node.tag}")


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """``"; did you mean 'x'?"`` for the closest choice, or ``""``."""
    options = list(choices)
    same_case = [c for c in options if c.casefold() == word.casefold()]
    close = same_case or difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def _short(value: object, limit: int = 24) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:MAX_ID_LENGTH] or "topic"


class _Checker:
    """Walks the node tree once, collecting problems; returns ``None`` for unusable values."""

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
            self.add(node, f"{what} must be {expected}, not {describe(node)}")

    # -- shapes -------------------------------------------------------------------------
    def mapping(self, node: Node, what: str, allowed: tuple[str, ...]) -> dict[str, Node] | None:
        """Key → value node of a mapping; reports non-text, duplicate, merge and unknown keys."""
        if not isinstance(node, MappingNode):
            self.wrong_type(node, what, "a mapping (key: value lines)")
            return None
        items: dict[str, Node] = {}
        for key, value in node.value:
            if key.tag == MERGE:
                self.add(
                    key, "merge keys (<<) are not supported in agenda files; write the keys out"
                )
                continue
            if not isinstance(key, ScalarNode) or key.tag != STR:
                if id(key) not in self.skip:
                    self.add(key, f"keys in {what} must be text, not {describe(key)}")
                continue
            name = key.value
            if name in items:
                self.add(key, f"duplicate key {name!r} in {what}")
                continue
            if name not in allowed:
                self.add(key, f"unknown key {name!r} in {what}{did_you_mean(name, allowed)}")
                continue
            items[name] = value
        return items

    def sequence(self, node: Node, what: str) -> list[Node] | None:
        if isinstance(node, SequenceNode):
            return list(node.value)
        if isinstance(node, ScalarNode) and node.tag == NULL:
            return []
        self.wrong_type(node, what, "a list (lines starting with '- ')")
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
            hint = f'; put it in quotes: "{_short(node.value)}"'
            if node.tag == BOOL:
                hint = f" (YAML reads yes/no/on/off/true/false as booleans){hint}"
        if id(node) not in self.skip:
            self.add(node, f"{what} must be text, not {describe(node)}{hint}")
        return None

    def required_text(self, items: dict[str, Node], key: str, owner: Node, what: str) -> str | None:
        if key not in items:
            self.add(owner, f"{what} has no {key!r}")
            return None
        value = self.text(items[key], f"{what} {key!r}")
        if value == "":
            self.add(items[key], f"{what} {key!r} is empty")
            return None
        return value

    def integer(self, node: Node, what: str, low: int, high: int, unit: str = "") -> int | None:
        """A whole number in ``low..high``; ``unit`` (e.g. "minutes") is used in messages."""
        units = f" {unit}" if unit else ""
        expected = f"a whole number{' of ' + unit if unit else ''}"
        if not isinstance(node, ScalarNode) or node.tag != INT:
            if isinstance(node, ScalarNode) and node.tag == FLOAT:
                self.add(node, f"{what} must be {expected}, not {_short(node.value)}")
            else:
                self.wrong_type(node, what, expected)
            return None
        value = self.int_value(node)
        if value is None or not low <= value <= high:
            self.add(
                node, f"{what} must be between {low} and {high}{units}, not {_short(node.value)}"
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
            self.wrong_type(node, what, "a date like 2026-03-02")
            return None
        raw = str(node.value).strip()
        try:
            if not DATE_RE.match(raw):
                raise ValueError
            return date.fromisoformat(raw).isoformat()
        except ValueError:
            self.add(node, f"{what} {raw!r} is not a valid date; write YYYY-MM-DD, e.g. 2026-03-02")
            return None

    def clock_time(self, node: Node, what: str) -> str | None:
        if isinstance(node, ScalarNode) and node.tag == INT and ":" in str(node.value):
            raw = _short(node.value)
            number = self.int_value(node)
            read_as = f"the number {number}" if number is not None else "a number"
            self.add(
                node,
                f"{what} {raw} is not quoted, so YAML reads it as {read_as} (base 60); "
                f'write the time in quotes: "{raw}"',
            )
            return None
        if isinstance(node, ScalarNode) and node.tag == STR:
            match = TIME_RE.match(str(node.value).strip())
            if match:
                return f"{int(match.group(1)):02d}:{match.group(2)}"
            self.add(
                node, f'{what} {node.value!r} is not a time; write HH:MM in quotes, e.g. "09:30"'
            )
            return None
        self.wrong_type(node, what, 'a time in quotes, e.g. "09:30"')
        return None

    # -- the agenda -----------------------------------------------------------------------
    def agenda(self, root: Node, name: str) -> Agenda | None:
        top = self.mapping(root, "the agenda", TOP_KEYS)
        if top is None:
            return None
        fields: dict[str, Any] = {"name": name}
        if "format" in top:
            version = self.integer(top["format"], "format", 1, 10**6)
            if version is not None and version != FORMAT_VERSION:
                self.add(
                    top["format"],
                    f"format {version} is not supported; this version reads format {FORMAT_VERSION}",
                )
        title = self.required_text(top, "title", root, "the agenda")
        for key in ("organiser", "venue", "description", "language"):
            value = self.text(top.get(key), key)
            if value:
                fields[key] = value
        if "dates" in top:
            fields.update(self.dates(top["dates"]))
        groups = self.groups(top["groups"]) if "groups" in top else [Group("Plenary")]
        participants = (
            self.participants(top["participants"], groups) if "participants" in top else []
        )
        topics = self.topics(top["topics"]) if "topics" in top else None
        if "topics" not in top:
            self.add(
                root, "the agenda has no 'topics'; list at least one topic with an id and a title"
            )
        schedule = self.schedule(top["schedule"], topics or [], fields) if "schedule" in top else []
        if self.problems or title is None or topics is None:
            return None
        groups = _with_participants(groups, participants)
        return Agenda(
            title=title,
            topics=tuple(topics),
            groups=tuple(groups),
            participants=tuple(participants),
            schedule=tuple(schedule),
            **fields,
        )

    def dates(self, node: Node) -> dict[str, str]:
        items = self.mapping(node, "dates", DATE_KEYS)
        if items is None:
            return {}
        if "start" not in items:
            self.add(
                node, "dates has no 'start'; write dates: {start: 2026-03-02, end: 2026-03-06}"
            )
            return {}
        start = self.iso_date(items["start"], "dates start")
        end = self.iso_date(items["end"], "dates end") if "end" in items else start
        if start and end and end < start:
            self.add(items["end"], f"dates end {end} is before start {start}")
            return {}
        return {"start_date": start or "", "end_date": end or ""}

    def groups(self, node: Node) -> list[Group]:
        groups: list[Group] = []
        nodes = self.sequence(node, "groups")
        if nodes is None:
            return groups
        if not nodes:
            self.add(node, "groups is empty; list at least one group, or leave 'groups' out")
        seen: set[str] = set()
        for item in nodes:
            members: list[str] = []
            if isinstance(item, MappingNode):
                items = self.mapping(item, "a group", GROUP_KEYS)
                if items is None:
                    continue
                name = self.required_text(items, "name", item, "a group")
                for member in self.sequence(items.get("members", _EMPTY), "group members") or []:
                    value = self.text(member, "a group member")
                    if value:
                        members.append(value)
            else:
                name = self.text(item, "a group (a name, or name: and members:)")
                if name == "":
                    self.add(item, "a group name is empty")
                    name = None
            if name is None:
                continue
            if name in seen:
                self.add(item, f"duplicate group {name!r}")
                continue
            seen.add(name)
            groups.append(Group(name, tuple(members)))
        return groups

    def participants(self, node: Node, groups: list[Group]) -> list[Participant]:
        group_names = [g.name for g in groups]
        result: list[Participant] = []
        seen: set[str] = set()
        for item in self.sequence(node, "participants") or []:
            organisation = group = ""
            if isinstance(item, MappingNode):
                items = self.mapping(item, "a participant", PARTICIPANT_KEYS)
                if items is None:
                    continue
                name = self.required_text(items, "name", item, "a participant")
                organisation = self.text(items.get("organisation"), "organisation") or ""
                group = self.text(items.get("group"), "a participant's group") or ""
                if group and group not in group_names:
                    self.add(
                        items["group"],
                        f"group {group!r} is not defined in 'groups' "
                        f"(groups: {', '.join(group_names)}){did_you_mean(group, group_names)}",
                    )
            else:
                name = self.text(item, "a participant (a name, or name:, organisation:, group:)")
            if not name:
                continue
            if name in seen:
                self.add(item, f"duplicate participant {name!r}")
                continue
            seen.add(name)
            result.append(Participant(name, organisation, group))
        return result

    def topics(self, node: Node) -> list[Topic] | None:
        nodes = self.sequence(node, "topics")
        if nodes is None:
            return None
        if not nodes:
            self.add(node, "topics is empty; list at least one topic with an id and a title")
            return None
        topics: list[Topic] = []
        seen: dict[str, Node] = {}
        for item in nodes:
            items = self.mapping(item, "a topic", TOPIC_KEYS)
            if items is None:
                continue
            title = self.required_text(items, "title", item, "a topic")
            if "id" not in items:
                hint = f"; add e.g. id: {slugify(title)}" if title else ""
                self.add(item, f"a topic has no 'id'{hint}")
                continue
            topic_id = self.topic_id(items["id"])
            if topic_id is None:
                continue
            if topic_id in seen:
                first = seen[topic_id].start_mark.line + 1
                self.add(
                    items["id"], f"duplicate topic id {topic_id!r} (first used on line {first})"
                )
                continue
            seen[topic_id] = items["id"]
            questions = []
            for q in self.sequence(items.get("questions", _EMPTY), "questions") or []:
                value = self.text(q, "a guiding question")
                if value:
                    questions.append(value)
            timebox = 30
            if "timebox" in items:
                timebox = (
                    self.integer(items["timebox"], "timebox", TIMEBOX_MIN, TIMEBOX_MAX, "minutes")
                    or timebox
                )
            if title is not None:
                description = self.text(items.get("description"), "description") or ""
                topics.append(Topic(topic_id, title, description, tuple(questions), timebox))
        return topics

    def topic_id(self, node: Node) -> str | None:
        if isinstance(node, ScalarNode) and node.tag == INT:
            raw = str(node.value)  # ids like 1, 2, 3 are fine as slugs
        else:
            value = self.text(node, "topic id")
            if value is None:
                return None
            raw = value
        if len(raw) > MAX_ID_LENGTH or not SLUG_RE.match(raw):
            self.add(
                node,
                f"topic id {raw!r} must be a short slug: lower-case letters, digits and "
                f"hyphens, e.g. {slugify(raw)!r}",
            )
            return None
        return raw

    def schedule(
        self, node: Node, topics: list[Topic], fields: dict[str, Any]
    ) -> list[ScheduleItem]:
        topic_ids = [t.id for t in topics]
        max_day = MAX_DAY
        if fields.get("start_date") and fields.get("end_date"):
            span = date.fromisoformat(fields["end_date"]) - date.fromisoformat(fields["start_date"])
            max_day = span.days + 1
        result: list[ScheduleItem] = []
        for item in self.sequence(node, "schedule") or []:
            items = self.mapping(item, "a schedule item", SCHEDULE_KEYS)
            if items is None:
                continue
            day = 1
            if "day" in items:
                day = self.integer(items["day"], "day", 1, max_day) or 0
            if "start" not in items:
                self.add(item, "a schedule item has no 'start' time, e.g. start: \"09:30\"")
                continue
            start = self.clock_time(items["start"], "start")
            topic_node = items.get("topic")
            if isinstance(topic_node, ScalarNode) and topic_node.tag == INT:
                topic = str(topic_node.value)  # an id written as a plain number
            else:
                topic = self.text(topic_node, "a schedule item's topic") or ""
            if topic and topic not in topic_ids:
                self.add(
                    items["topic"],
                    f"topic {topic!r} is not a topic id in 'topics'{did_you_mean(topic, topic_ids)}",
                )
                topic = ""
            title = self.text(items.get("title"), "a schedule item's title") or ""
            if "topic" not in items and "title" not in items:
                self.add(item, "a schedule item needs a 'topic' (a topic id) or a 'title'")
                continue
            if start and day:
                result.append(ScheduleItem(day, start, topic, title))
        return result


_EMPTY = ScalarNode(NULL, "")


def _with_participants(groups: list[Group], participants: list[Participant]) -> list[Group]:
    """Add each participant to the members of the group they are assigned to."""
    result = []
    for group in groups:
        members = list(group.members)
        members += [p.name for p in participants if p.group == group.name and p.name not in members]
        result.append(Group(group.name, tuple(members)))
    return result


def check_tree(
    root: Node, path: str, name: str, skip: set[int]
) -> tuple[Agenda | None, list[AgendaProblem]]:
    """Validate a composed document; returns the agenda (when no problems) and the problems."""
    checker = _Checker(path, skip)
    agenda = checker.agenda(root, name)
    return agenda, checker.problems
