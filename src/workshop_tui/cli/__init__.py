"""Command line: parses arguments, calls the core or starts the app; nothing else.

Every failure a user can cause ends in one clear line on stderr and exit code 1. The
commands live in ``capture_cmds`` (agendas, validate, run, start, resume, import, serve) and
``review_cmds`` (sessions, export, search, themes, actions, compare); their parsers in
``parser_capture`` / ``parser_review``; the shared choices and help layout in ``options``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from workshop_tui.cli.common import EXIT_ERROR, EXIT_OK, CliError
from workshop_tui.cli.options import (
    COLUMN_NAMES,
    FORMATS_HELP,
    GROUP_BY_CHOICES,
    LEVELS,
    SORT_KEYS,
    SPLIT_CHOICES,
    STATUSES,
    translate_argparse,
)
from workshop_tui.cli.parser import build_parser
from workshop_tui.core.i18n import set_language, ui_language

__all__ = [
    "COLUMN_NAMES",
    "EXIT_ERROR",
    "EXIT_OK",
    "FORMATS_HELP",
    "GROUP_BY_CHOICES",
    "LEVELS",
    "SORT_KEYS",
    "SPLIT_CHOICES",
    "STATUSES",
    "CliError",
    "build_parser",
    "main",
]


def _lang_option(arguments: Sequence[str]) -> str | None:
    """``--lang X`` / ``--lang=X`` before the parser exists (its help is in that language)."""
    for index, argument in enumerate(arguments):
        if argument == "--":
            break
        if argument.startswith("--lang="):
            return argument.split("=", 1)[1]
        if argument == "--lang" and index + 1 < len(arguments):
            return arguments[index + 1]
    return None


def _use_remembered_language(args: argparse.Namespace) -> None:
    """The language chosen in the app (``ui.language``) counts once the data folder is known,
    unless ``--lang`` or ``$WORKSHOP_TUI_LANG`` says otherwise (core.i18n.ui_language)."""
    if args.lang:
        return
    from workshop_tui.core.paths import resolve_data_dir
    from workshop_tui.core.prefs import Preferences

    path = resolve_data_dir(args.data_dir) / "prefs.json"
    if path.is_file():  # never create a data folder just to read a preference
        remembered = Preferences(path).get("ui.language", "", str)
        set_language(ui_language(None, remembered or None))


def main(argv: Sequence[str] | None = None) -> int:
    from workshop_tui.core.agenda_yaml import AgendaError, AgendaNotFoundError
    from workshop_tui.core.store import StoreError

    arguments = list(sys.argv[1:] if argv is None else argv)
    set_language(ui_language(_lang_option(arguments)))  # --help and errors are translated too
    translate_argparse()
    parser = build_parser()
    args = parser.parse_args(arguments)
    try:
        _use_remembered_language(args)
        return int(args.handler(args))
    except AgendaNotFoundError as err:  # nothing to point a FILE:LINE:COL into
        sys.stderr.write(f"workshop-tui: {err}\n")  # the message is translated where raised
        return EXIT_ERROR
    except AgendaError as err:
        for problem in err.problems:
            sys.stderr.write(f"{problem}\n")
        return EXIT_ERROR
    except (CliError, StoreError) as err:
        sys.stderr.write(f"workshop-tui: {err}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
