"""The command line's parser: the top-level options and every subcommand, in the order of
'workshop-tui --help' (a parser block in parser_capture / parser_review and a cmd_* handler
in capture_cmds / review_cmds each)."""

from __future__ import annotations

import argparse

from workshop_tui import __version__
from workshop_tui.cli import parser_capture as capture
from workshop_tui.cli import parser_review as review
from workshop_tui.cli.capture_cmds import cmd_start
from workshop_tui.cli.options import HelpFormatter, add_help, add_lang
from workshop_tui.core.i18n import _


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workshop-tui",
        description=_(
            "Capture workshop group discussions: the challenges, solutions and actions "
            "of each group on each topic. Without a command, the app opens on its start screen."
        ),
        formatter_class=HelpFormatter,
        add_help=False,
    )
    add_help(parser)
    parser.add_argument(
        "--version",
        action="version",
        version=f"workshop-tui {__version__}",
        help=_("Show the version and exit."),
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=_(
            "Keep the sessions in this folder (default: $WORKSHOP_TUI_DATA, else the "
            "platform's user data folder)."
        ),
    )
    add_lang(parser)
    parser.set_defaults(handler=cmd_start)
    sub = parser.add_subparsers(title=_("commands"), metavar="COMMAND")

    capture.add_agendas(sub)
    capture.add_validate(sub)
    review.add_sessions(sub)
    capture.add_run(sub)
    capture.add_resume(sub)
    capture.add_import(sub)
    capture.add_serve(sub)
    review.add_export(sub)
    review.add_search(sub)
    review.add_themes(sub)
    review.add_actions(sub)
    review.add_compare(sub)
    # New subcommands: a parser function in parser_capture / parser_review, called here, and a
    # cmd_* handler in capture_cmds / review_cmds.
    return parser
