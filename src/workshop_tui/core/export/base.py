"""What every exporter shares: the registry entry, the options, the action filter, the error.

An exporter is a function ``(SessionStore, ExportOptions) -> bytes``; the :class:`Exporter`
record around it says what it exports (``what``), in which format (``fmt``), the file
suffix, whether the bytes are binary (cannot go to a terminal) and whether it takes the
action filters. Exporters only read the store; writing files is :mod:`workshop_tui.core.export`'s job.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from workshop_tui.core.i18n import DEFAULT_LANGUAGE, Translator, _, normalize_language, translator
from workshop_tui.core.model import (
    ActionLevel,
    ActionStatus,
    Entry,
    Session,
    now_iso,
)
from workshop_tui.core.store import SessionStore


class ExportError(Exception):
    """An export cannot be made as asked; the message is one line worded for the user."""


def _key(text: str) -> str:
    """Matching key for free-text names: whitespace-normalised and case-insensitive."""
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class ActionFilter:
    """Which actions to export. An empty tuple means "all"; values within a field are OR-ed,
    fields are AND-ed. Topics are ids (titles are accepted by :meth:`resolved`); owners and
    units match case-insensitively, and ``""`` means "no owner" / "no unit"."""

    groups: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    owners: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    #: the consolidated action plan (docs/themes.md): leave out the actions merged into a
    #: consolidated action (the consolidated actions and every other action stay)
    consolidated: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.consolidated and not any(
            (self.groups, self.topics, self.owners, self.units, self.levels, self.statuses)
        )

    def resolved(self, session: Session) -> ActionFilter:
        """This filter with topic titles turned into ids and statuses/levels normalised.

        Raise :class:`ExportError` naming the unknown value and the valid choices.
        """
        agenda = session.agenda
        topic_ids: list[str] = []
        for ref in self.topics:
            match = [t.id for t in agenda.topics if t.id == ref.strip()] or [
                t.id for t in agenda.topics if _key(t.title) == _key(ref)
            ]
            if not match:
                choices = ", ".join(t.id for t in agenda.topics)
                raise ExportError(
                    _("unknown topic {ref!r} (topics: {choices})").format(ref=ref, choices=choices)
                )
            topic_ids.append(match[0])
        groups: list[str] = []
        for ref in self.groups:
            found = [g for g in agenda.group_names if _key(g) == _key(ref)]
            if not found:
                raise ExportError(
                    _("unknown group {ref!r} (groups: {choices})").format(
                        ref=ref, choices=", ".join(agenda.group_names)
                    )
                )
            groups.append(found[0])
        statuses: list[str] = []
        for ref in self.statuses:
            try:
                statuses.append(ActionStatus.parse(ref).value)
            except ValueError as err:
                raise ExportError(str(err)) from None
        levels: list[str] = []
        for ref in self.levels:
            key = ref.strip().lower()
            if key not in {lv.value for lv in ActionLevel}:
                choices = ", ".join(lv.value for lv in ActionLevel)
                raise ExportError(
                    _("unknown level {ref!r} (choose one of: {choices})").format(
                        ref=ref, choices=choices
                    )
                )
            levels.append(key)
        return replace(
            self,
            topics=tuple(topic_ids),
            groups=tuple(groups),
            statuses=tuple(statuses),
            levels=tuple(levels),
        )

    def matches(self, entry: Entry) -> bool:
        """True when the action ``entry`` passes (call on a :meth:`resolved` filter)."""
        fields = entry.action
        if fields is None or (self.consolidated and fields.merged_into):
            return False
        checks: list[tuple[tuple[str, ...], str, bool]] = [
            (self.groups, entry.group, False),
            (self.topics, entry.topic_id, False),
            (self.owners, fields.owner, True),
            (self.units, fields.unit, True),
            (self.levels, fields.level.value, False),
            (self.statuses, fields.status.value, False),
        ]
        for wanted, value, loose in checks:
            if not wanted:
                continue
            if loose:
                if _key(value) not in {_key(w) for w in wanted}:
                    return False
            elif value not in wanted:
                return False
        return True

    def describe(self) -> dict[str, list[str]]:
        """The non-empty criteria, for the export's own description of itself."""
        return {
            name: list(values)
            for name, values in (
                ("groups", self.groups),
                ("topics", self.topics),
                ("owners", self.owners),
                ("units", self.units),
                ("levels", self.levels),
                ("statuses", self.statuses),
                ("plan", ("consolidated",) if self.consolidated else ()),
            )
            if values
        }


@dataclass(frozen=True)
class Layout:
    """How a *document* (html, md, docx) lays out an action plan; data formats (csv, xlsx,
    json, ics) always keep every field and ignore it.

    ``columns`` are names from :data:`workshop_tui.core.export.plan.PLAN_COLUMNS` (empty: the
    default set); ``group_by`` makes one section per topic, unit, owner, level or status;
    ``landscape`` prints on A4 landscape instead of portrait (html, docx, also reports)."""

    columns: tuple[str, ...] = ()
    group_by: str = ""
    landscape: bool = False

    @property
    def shapes_plan(self) -> bool:
        """True when columns or sections were asked for (only action-plan documents can)."""
        return bool(self.columns or self.group_by)


@dataclass(frozen=True)
class ExportOptions:
    """Everything an exporter needs besides the session. ``now`` stamps the export
    (ISO-8601 UTC); leave it empty for the current time (tests pass a fixed one)."""

    filters: ActionFilter = field(default_factory=ActionFilter)
    now: str = ""
    #: shown after the session title in split files ("— Owner: Ana"); empty otherwise
    subtitle: str = ""
    #: the language of headings, labels and dates (``--lang``); empty: the agenda's language
    language: str = ""
    layout: Layout = field(default_factory=Layout)
    #: for one file of a split: ("owner" or "unit", the name as first spelled, "" for none);
    #: documents are then addressed to that owner or unit ("Actions for Siti Rahmawati, ...")
    addressee: tuple[str, str] | None = None

    def language_for(self, session: Session) -> str:
        """The export's language: ``language`` if given, else the agenda's, else English."""
        return normalize_language(self.language or session.agenda.language) or DEFAULT_LANGUAGE

    def translator_for(self, session: Session) -> Translator:
        """The translator of :meth:`language_for` (English when it has no catalog)."""
        return translator(self.language_for(session))

    @property
    def stamp(self) -> str:
        return self.now or now_iso()


Render = Callable[[SessionStore, ExportOptions], bytes]


@dataclass(frozen=True)
class Exporter:
    """One (what, format) pair in the registry; call it like the function it wraps."""

    what: str  # "actions", "report", "bundle", ...
    fmt: str  # "csv", "md", ...
    render: Render
    suffix: str  # file name extension without the dot
    description: str
    binary: bool = False  # True: cannot be written to a terminal
    takes_filters: bool = False  # True: honours ActionFilter and --split-by
    #: True: a document people read (html, md, docx); an action-plan document also takes
    #: ``Layout.columns`` / ``group_by``
    document: bool = False
    #: True: printed on pages (html, docx), so ``Layout.landscape`` applies
    paged: bool = False

    def __call__(self, store: SessionStore, options: ExportOptions) -> bytes:
        return self.render(store, options)

    def to_dict(self) -> dict[str, Any]:
        return {
            "what": self.what,
            "format": self.fmt,
            "suffix": self.suffix,
            "description": self.description,
            "binary": self.binary,
            "filters": self.takes_filters,
            "document": self.document,
            "paged": self.paged,
        }
