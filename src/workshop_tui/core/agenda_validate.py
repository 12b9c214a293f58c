"""Validate a composed YAML node tree against the agenda format (``format: 1``).

Works on :mod:`yaml` nodes, not on constructed Python objects, so every problem carries the
line and column of the node that caused it (see :mod:`workshop_tui.core.agenda_nodes`).
The format is documented in ``docs/agenda-format.md``.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode

from workshop_tui.core.agenda import (
    FORMAT_VERSION,
    MAX_DAY,
    TIMEBOX_MAX,
    TIMEBOX_MIN,
    Agenda,
    Group,
    Participant,
    ScheduleItem,
    Topic,
)
from workshop_tui.core.agenda_nodes import (
    EMPTY,
    INT,
    AgendaProblem,
    NodeReader,
    did_you_mean,
)
from workshop_tui.core.i18n import _
from workshop_tui.core.themes import glossary as glossary_limits

__all__ = ["check_tree", "slugify"]

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_ID_LENGTH = 64


def slugify(text: str) -> str:
    """A topic id suggestion for a title: ``"Legal Framework"`` → ``"legal-framework"``."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:MAX_ID_LENGTH] or "topic"


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
    "glossary",
)
DATE_KEYS = ("start", "end")
GROUP_KEYS = ("name", "members")
PARTICIPANT_KEYS = ("name", "organisation", "group")
TOPIC_KEYS = ("id", "title", "description", "questions", "timebox")
SCHEDULE_KEYS = ("day", "start", "topic", "title")


class _Checker(NodeReader):
    """Walks the agenda's node tree once, collecting every problem."""

    def __init__(self, path: str, skip: set[int]) -> None:
        super().__init__(path, skip)
        # Every well-formed topic id, even of topics with other problems, so a schedule item
        # that refers to such a topic is not reported as well.
        self.topic_ids: list[str] = []

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
                    _(
                        "format {version} is not supported; this version reads format {FORMAT_VERSION}"
                    ).format(version=version, FORMAT_VERSION=FORMAT_VERSION),
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
                root,
                _("the agenda has no 'topics'; list at least one topic with an id and a title"),
            )
        schedule = self.schedule(top["schedule"], fields) if "schedule" in top else []
        if "glossary" in top:
            fields["glossary"] = self.glossary(top["glossary"])
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
                node, _("dates has no 'start'; write dates: {start: 2026-03-02, end: 2026-03-06}")
            )
            return {}
        start = self.iso_date(items["start"], "dates start")
        end = self.iso_date(items["end"], "dates end") if "end" in items else start
        if start and end and end < start:
            self.add(
                items["end"],
                _("dates end {end} is before start {start}").format(end=end, start=start),
            )
            return {}
        return {"start_date": start or "", "end_date": end or ""}

    def groups(self, node: Node) -> list[Group]:
        groups: list[Group] = []
        nodes = self.sequence(node, "groups")
        if nodes is None:
            return groups
        if not nodes:
            self.add(node, _("groups is empty; list at least one group, or leave 'groups' out"))
        seen: set[str] = set()
        for item in nodes:
            members: list[str] = []
            if isinstance(item, MappingNode):
                items = self.mapping(item, "a group", GROUP_KEYS)
                if items is None:
                    continue
                name = self.required_text(items, "name", item, "a group")
                for member in self.sequence(items.get("members", EMPTY), "group members") or []:
                    value = self.text(member, "a group member")
                    if value:
                        members.append(value)
            else:
                name = self.text(item, "a group (a name, or name: and members:)")
                if name == "":
                    self.add(item, _("a group name is empty"))
                    name = None
            if name is None:
                continue
            if name in seen:
                self.add(item, _("duplicate group {name!r}").format(name=name))
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
                        _(
                            "group {group!r} is not defined in 'groups' (groups: {items}){did_you_mean}"
                        ).format(
                            group=group,
                            items=", ".join(group_names),
                            did_you_mean=did_you_mean(group, group_names),
                        ),
                    )
            else:
                name = self.text(item, "a participant (a name, or name:, organisation:, group:)")
            if not name:
                continue
            if name in seen:
                self.add(item, _("duplicate participant {name!r}").format(name=name))
                continue
            seen.add(name)
            result.append(Participant(name, organisation, group))
        return result

    def topics(self, node: Node) -> list[Topic] | None:
        nodes = self.sequence(node, "topics")
        if nodes is None:
            return None
        if not nodes:
            self.add(node, _("topics is empty; list at least one topic with an id and a title"))
            return None
        topics: list[Topic] = []
        seen: dict[str, Node] = {}
        for item in nodes:
            items = self.mapping(item, "a topic", TOPIC_KEYS)
            if items is None:
                continue
            title = self.required_text(items, "title", item, "a topic")
            if "id" not in items:
                hint = "; " + _("add e.g. id: {id}").format(id=slugify(title)) if title else ""
                self.add(item, _("a topic has no 'id'{hint}").format(hint=hint))
                continue
            topic_id = self.topic_id(items["id"])
            if topic_id is None:
                continue
            if topic_id in seen:
                first = seen[topic_id].start_mark.line + 1
                self.add(
                    items["id"],
                    _("duplicate topic id {topic_id!r} (first used on line {first})").format(
                        topic_id=topic_id, first=first
                    ),
                )
                continue
            seen[topic_id] = items["id"]
            self.topic_ids.append(topic_id)
            questions = []
            for q in self.sequence(items.get("questions", EMPTY), "questions") or []:
                value = self.text(q, "a guiding question")
                if value:
                    questions.append(value)
            timebox = 30
            if "timebox" in items:
                timebox = (
                    self.integer(
                        items["timebox"], "timebox", TIMEBOX_MIN, TIMEBOX_MAX, _("minutes")
                    )
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
                _(
                    "topic id {raw!r} must be a short slug: lower-case letters, digits and hyphens, e.g. {slugify!r}"
                ).format(raw=raw, slugify=slugify(raw)),
            )
            return None
        return raw

    def schedule(self, node: Node, fields: dict[str, Any]) -> list[ScheduleItem]:
        topic_ids = self.topic_ids
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
                self.add(item, _("a schedule item has no 'start' time, e.g. start: \"09:30\""))
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
                    _("topic {topic!r} is not a topic id in 'topics'{did_you_mean}").format(
                        topic=topic, did_you_mean=did_you_mean(topic, topic_ids)
                    ),
                )
                topic = ""
            title = self.text(items.get("title"), "a schedule item's title") or ""
            if "topic" not in items and "title" not in items:
                self.add(item, _("a schedule item needs a 'topic' (a topic id) or a 'title'"))
                continue
            if start and day:
                result.append(ScheduleItem(day, start, topic, title))
        return result

    def glossary(self, node: Node) -> tuple[tuple[str, ...], ...]:
        """Synonym groups for theme suggestions: a list of lists of two or more terms."""
        items = self.sequence(node, "glossary")
        if items is None:
            return ()
        if len(items) > glossary_limits.MAX_GROUPS:
            self.add(
                node,
                _("glossary has {n} groups; at most {limit} are allowed").format(
                    n=len(items), limit=glossary_limits.MAX_GROUPS
                ),
            )
            return ()
        groups: list[tuple[str, ...]] = []
        for item in items:
            nodes = self.sequence(item, _("a glossary group"))
            if nodes is None:
                continue
            if not 2 <= len(nodes) <= glossary_limits.MAX_TERMS:
                self.add(
                    item,
                    _(
                        "a glossary group lists {n} terms; give 2 to {limit} words that mean "
                        "the same, e.g. [fake, counterfeit, palsu]"
                    ).format(n=len(nodes), limit=glossary_limits.MAX_TERMS),
                )
                continue
            terms: list[str] = []
            for term_node in nodes:
                term = self.text(term_node, _("a glossary term"))
                if term is None:
                    break
                if not term or len(term) > glossary_limits.MAX_TERM_LENGTH:
                    self.add(
                        term_node,
                        _("a glossary term must have 1 to {limit} characters").format(
                            limit=glossary_limits.MAX_TERM_LENGTH
                        ),
                    )
                    break
                terms.append(" ".join(term.split()))
            else:
                groups.append(tuple(terms))
        return tuple(groups)


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
