"""The parsers of the history commands (see review_cmds): one function per command, called
in the order of 'workshop-tui --help' by parser.build_parser."""

from __future__ import annotations

from typing import Any

from workshop_tui.cli.options import (
    COLUMN_NAMES,
    GROUP_BY_CHOICES,
    LEVELS,
    SESSION_REF,
    SORT_KEYS,
    SPLIT_CHOICES,
    STATUSES,
    WHATS_HELP,
    add_command,
    either,
    formats_help,
)
from workshop_tui.cli.review_cmds import (
    cmd_actions,
    cmd_compare,
    cmd_export,
    cmd_search,
    cmd_sessions,
    cmd_themes,
)
from workshop_tui.core.i18n import _


def add_sessions(sub: Any) -> None:
    p = add_command(
        sub,
        "sessions",
        _("List the sessions, newest first."),
        _(
            "Words match the title, agenda, facilitator, location, groups and topic titles; "
            "dates in the words (2025, 2025-06, 2025-06-01..2025-09-30, since 2024) match the "
            "days a session ran."
        ),
    )
    p.add_argument("text", nargs="*", metavar="WORD", help=_("Only sessions with all these words."))
    p.add_argument("--agenda", metavar="NAME", help=_("Only sessions of this agenda (its name)."))
    p.add_argument(
        "--since",
        metavar="DATE",
        help=_("Only sessions running on or after DATE (YYYY[-MM[-DD]])."),
    )
    p.add_argument(
        "--until",
        metavar="DATE",
        help=_("Only sessions running on or before DATE (YYYY[-MM[-DD]])."),
    )
    p.add_argument("--open", action="store_true", help=_("Only sessions still in progress."))
    p.add_argument("--ended", action="store_true", help=_("Only sessions that have ended."))
    p.add_argument(
        "--sort",
        metavar="KEY[:asc]",
        help=_(
            "Sort by {either} (default: started, newest first; add ':asc' for the other way round)."
        ).format(either=either(SORT_KEYS)),
    )
    p.add_argument(
        "--json",
        action="store_true",
        help=_(
            "Print the list as JSON, for scripts (with facilitator, location, dates, "
            "follow_up_of and followed_up_by)."
        ),
    )
    p.set_defaults(handler=cmd_sessions)


def add_export(sub: Any) -> None:
    p = add_command(
        sub,
        "export",
        _("Export a session: its action list, report, progress report or bundle."),
        _(
            "The action filters apply to action lists only: values of one filter are "
            "alternatives, different filters must all hold."
        ),
    )
    p.add_argument(
        "session",
        metavar="SESSION",
        help=_("The session to export: {session}.").format(session=_(SESSION_REF)),
    )
    p.add_argument(
        "--what", default="actions", help=_("What to export: {whats}.").format(whats=_(WHATS_HELP))
    )
    p.add_argument("--format", metavar="FMT", help=formats_help())
    p.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help=_(
            "Write to this file, replacing it if it exists, or into this existing folder "
            "under the default file name; without -o, or with '-o -', text formats go to "
            "standard output."
        ),
    )
    for flag, metavar, which in (
        ("--group", "GROUP", _("Only export the actions of this group.")),
        ("--topic", "TOPIC", _("Only export the actions of this topic, by id or title.")),
        (
            "--owner",
            "NAME",
            _("Only export the actions of this owner ('' for actions without one)."),
        ),
        ("--unit", "UNIT", _("Only export the actions of this responsible unit.")),
        (
            "--level",
            "LEVEL",
            _("Only export the actions of this level: {levels}.").format(levels=either(LEVELS)),
        ),
        (
            "--status",
            "STATUS",
            _("Only export the actions with this status: {statuses}.").format(
                statuses=either(STATUSES)
            ),
        ),
    ):
        p.add_argument(
            flag,
            action="append",
            metavar=metavar,
            help=which + " " + _("Repeat it to allow several."),
        )
    p.add_argument(
        "--consolidated",
        action="store_true",
        help=_(
            "The consolidated action plan: the plenary's consolidated actions plus every "
            "action not merged into one (docs/themes.md)."
        ),
    )
    p.add_argument(
        "--split-by",
        metavar="|".join(SPLIT_CHOICES),
        help=_(
            "Write one file per owner or per responsible unit, plus one for the actions "
            "without, into the folder given with -o DIR (created when missing); files there "
            "with the same names are replaced, other files are left alone. In html, md and "
            "docx each file is addressed to its owner or unit."
        ),
    )
    p.add_argument(
        "--columns",
        action="append",
        metavar="LIST",
        help=_(
            "The columns of an action plan in html, md or docx, comma-separated: {names}; or "
            "'all'. Default: number, action, owner, unit, level, due, status, source. Data "
            "formats (csv, xlsx, json, ics) keep every field."
        ).format(names=", ".join(COLUMN_NAMES)),
    )
    p.add_argument(
        "--group-by",
        metavar="|".join(GROUP_BY_CHOICES),
        help=_(
            "One section per topic, unit, owner, level or status in an action plan in html, "
            "md or docx (each on a new printed page)."
        ),
    )
    p.add_argument(
        "--landscape",
        action="store_true",
        help=_("Print on A4 landscape instead of portrait (html and docx; for many columns)."),
    )
    p.set_defaults(handler=cmd_export)


def add_search(sub: Any) -> None:
    p = add_command(
        sub,
        "search",
        _("Find entries in every session."),
        _("An entry matches when it has all the words, ignoring case and accents."),
    )
    p.add_argument(
        "text",
        nargs="*",
        metavar="TEXT",
        help=_(
            "A word the entries must contain (or a filter written key:value, as in the app: "
            "kind:action status:open owner:ana date:2025-06)."
        ),
    )
    for flag, dest, metavar, which in (
        ("--session", "session", "SESSION", _("of this session (an id or its start)")),
        ("--agenda", "agenda", "NAME", _("of sessions of this agenda (its name)")),
        ("--since", "since", "DATE", _("of sessions running on or after DATE")),
        ("--until", "until", "DATE", _("of sessions running on or before DATE")),
        ("--kind", "kind", "KIND", _("of this kind: challenge, solution, action, note, parking")),
        ("--status", "status", "STATUS", _("that are actions with this status")),
        ("--owner", "owner", "NAME", _("that are actions whose owner contains NAME")),
        ("--group", "in_group", "GROUP", _("of a group whose name contains GROUP")),
        ("--topic", "in_topic", "TOPIC", _("of a topic whose id or title contains TOPIC")),
    ):
        p.add_argument(
            flag,
            dest=dest,
            action="append",
            metavar=metavar,
            help=_("Only entries {which}. Repeat it to allow several.").format(which=which),
        )
    p.add_argument("--json", action="store_true", help=_("Print the matches as JSON, for scripts."))
    p.add_argument(
        "--limit",
        type=int,
        default=200,
        metavar="N",
        help=_("Show at most N matches (default: 200; 0 shows them all)."),
    )
    p.set_defaults(handler=cmd_search)


def add_themes(sub: Any) -> None:
    p = add_command(
        sub,
        "themes",
        _("List a session's themes, ranked by the plenary's dots, or suggest themes."),
        _(
            "With --suggest: groups of entries from every group that say the same thing, "
            "found offline (docs/themes.md); clusters of two or more entries, in a fixed order."
        ),
    )
    p.add_argument(
        "session", metavar="SESSION", help=_("The session: {ref}.").format(ref=_(SESSION_REF))
    )
    p.add_argument("--topic", metavar="TOPIC", help=_("Only this topic, by id or title."))
    p.add_argument(
        "--kind",
        choices=("challenge", "solution", "action"),
        help=_("Only themes of this kind of entry."),
    )
    p.add_argument(
        "--suggest",
        action="store_true",
        help=_("Suggest themes instead of listing the accepted ones."),
    )
    p.add_argument("--json", action="store_true", help=_("Print JSON, for scripts."))
    p.set_defaults(handler=cmd_themes)


def add_actions(sub: Any) -> None:
    p = add_command(
        sub,
        "actions",
        _("List the actions of every session: the action register."),
        _(
            "An action carried over at follow-ups is one row, where it stands now, with its "
            "history; an open action of an ended session is overdue when it was not done by "
            "the follow-up session, otherwise when its due date has passed. Values of one "
            "filter are alternatives, different filters must all hold."
        ),
    )
    for flag, metavar, which in (
        ("--status", "STATUS", _("with this status: {choices}").format(choices=either(STATUSES))),
        ("--owner", "NAME", _("whose owner contains NAME ('' for actions without one)")),
        ("--unit", "UNIT", _("whose responsible unit contains UNIT")),
        ("--agenda", "NAME", _("of sessions of this agenda (its name)")),
    ):
        p.add_argument(
            flag,
            action="append",
            metavar=metavar,
            help=_("Only the actions {which}. Repeat it to allow several.").format(which=which),
        )
    p.add_argument(
        "--since",
        metavar="DATE",
        help=_("Only actions of sessions on or after DATE (YYYY[-MM[-DD]])."),
    )
    p.add_argument("--overdue", action="store_true", help=_("Only overdue actions."))
    p.add_argument(
        "--json",
        action="store_true",
        help=_("Print the rows as JSON (with each action's id and session), for scripts."),
    )
    p.add_argument(
        "--format", metavar="csv|xlsx|md|html", help=_("Export the register in this format.")
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help=_("Write the export to this file (default: standard output; xlsx needs a file)."),
    )
    p.set_defaults(handler=cmd_actions)


def add_compare(sub: Any) -> None:
    p = add_command(
        sub,
        "compare",
        _("Compare two workshops side by side."),
        _(
            "Per topic (matched by id, then title) and per group: challenges, solutions, "
            "actions and how many are done, and the top-voted challenges; the earlier "
            "workshop comes first."
        ),
    )
    p.add_argument(
        "first", metavar="SESSION", help=_("One session: {ref}.").format(ref=_(SESSION_REF))
    )
    p.add_argument("second", metavar="SESSION", help=_("The other session."))
    p.add_argument("--format", metavar="md|html|docx", help=_("The format (default: md)."))
    p.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help=_("Write to this file (default: standard output; docx needs a file)."),
    )
    p.set_defaults(handler=cmd_compare)
