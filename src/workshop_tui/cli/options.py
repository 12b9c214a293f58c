"""The parser's shared pieces: the choices listed in --help, argparse's own words in the
catalog, the help layout, and adding a subcommand or --lang."""

from __future__ import annotations

import argparse
import textwrap
from collections.abc import Sequence
from typing import Any

from workshop_tui.core.i18n import N_, _, ngettext

# -- parser -------------------------------------------------------------------------------
#: the choices listed in --help (tests/unit/test_cli_messages.py checks them against the
#: export registry and the model, which the parser does not import: it builds at every start)
WHATS_HELP = N_(
    "actions (the action list, the default), report (the session report), progress (what "
    "became of an earlier session's actions, from its follow-up session) or bundle (the whole "
    "session, for 'workshop-tui import')"
)
FORMATS_HELP = {
    "actions": ("csv", "xlsx", "md", "html", "json", "ics", "docx"),
    "report": ("md", "html", "docx"),
    "progress": ("md", "html", "docx"),
    "bundle": ("json",),
}
LEVELS = ("institutional", "individual")
STATUSES = ("open", "in progress", "done", "dropped", "carried over")
SPLIT_CHOICES = ("owner", "unit")
GROUP_BY_CHOICES = ("topic", "unit", "owner", "level", "status")
#: the columns an action-plan document can show (export.plan.PLAN_COLUMNS, checked by a test)
COLUMN_NAMES = (
    "number",
    "action",
    "owner",
    "unit",
    "level",
    "start",
    "due",
    "timeframe",
    "priority",
    "status",
    "source",
    "answers",
    "partners",
    "indicator",
    "verification",
    "resources",
    "comments",
    "topic",
    "group",
    "challenges",
    "solutions",
    "session",
    "topic-id",
    "reviews",
    "carried-from",
    "captured-by",
    "created",
    "updated",
    "id",
)
#: the sessions list's sort keys (core.history.SORT_KEYS; checked by a test)
SORT_KEYS = (
    "state",
    "title",
    "agenda",
    "started",
    "ended",
    "facilitator",
    "location",
    "groups",
    "challenges",
    "solutions",
    "actions",
    "open",
)
SESSION_REF = N_("an id, a unique prefix of one, or 'latest' (see 'workshop-tui sessions')")
#: argparse's own words (usage, options, its errors): argparse looks up ``_`` in its module at
#: call time, and :func:`translate_argparse` points it at ours, so they are in the catalog
ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("options"),
    N_("positional arguments"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at least one argument"),
    N_("expected at most one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
)


def translate_argparse() -> None:
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]


class HelpFormatter(argparse.HelpFormatter):
    """argparse's layout, without breaking a line inside 'workshop-tui' or another hyphenated
    word."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return textwrap.wrap(" ".join(text.split()), width, break_on_hyphens=False)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return textwrap.fill(
            " ".join(text.split()),
            width,
            initial_indent=indent,
            subsequent_indent=indent,
            break_on_hyphens=False,
        )


def add_help(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-h", "--help", action="help", help=_("Show this help and exit."))


def either(values: Sequence[str]) -> str:
    """'a, b or c'."""
    if len(values) == 1:
        return values[0]
    return _("{first} or {last}").format(first=", ".join(values[:-1]), last=values[-1])


def formats_help() -> str:
    parts = [
        _("for {what}: {formats}").format(
            what=what,
            formats=either(
                [
                    _("{format} (the default)").format(format=fmt) if i == 0 else fmt
                    for i, fmt in enumerate(fmts)
                ]
            ),
        )
        for what, fmts in FORMATS_HELP.items()
    ]
    return _("The file format; {formats}.").format(formats="; ".join(parts))


def add_command(
    sub: Any, name: str, summary: str, description: str = ""
) -> argparse.ArgumentParser:
    """A subcommand whose one-line summary (in 'workshop-tui --help') also heads its own
    --help, with a longer description after it when there is one."""
    parser: argparse.ArgumentParser = sub.add_parser(
        name,
        help=summary,
        description=f"{summary} {description}".strip(),
        formatter_class=HelpFormatter,
        add_help=False,
    )
    add_help(parser)
    add_lang(parser, default=argparse.SUPPRESS)  # also after the command: export X --lang id
    return parser


def add_lang(parser: argparse.ArgumentParser, default: Any = None) -> None:
    parser.add_argument(
        "--lang",
        metavar="LANG",
        default=default,
        help=_(
            "Use this language for the app, the messages and the exports (e.g. en, id; "
            "default: $WORKSHOP_TUI_LANG, else the language chosen in the app, else the "
            "system's; exports otherwise follow the agenda's language)."
        ),
    )
