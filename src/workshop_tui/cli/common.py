"""What every command shares: the exit codes, the one-line error, the data folder's store,
output, and the checks of a --group or --topic against an agenda."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from workshop_tui.core.i18n import _

EXIT_OK = 0
EXIT_ERROR = 1


class CliError(Exception):
    """A user-facing error: printed as one line, exit code 1."""


def open_store(args: argparse.Namespace) -> Any:
    from workshop_tui.core.paths import resolve_data_dir
    from workshop_tui.core.store import Store

    return Store(resolve_data_dir(args.data_dir))


def out(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def check_group(group: str | None, names: Sequence[str], where: str) -> None:
    """A --group that is not in the agenda: one line listing the groups there are."""
    if group and group not in names:
        choices = ", ".join(repr(n) for n in names) or _("none")
        raise CliError(
            _("group {group!r} is not in {where} (groups: {choices})").format(
                group=group, where=where, choices=choices
            )
        )


def topic_id_of(agenda: Any, ref: str | None) -> str | None:
    """A --topic given by id or by title (any case); None without one."""
    if ref is None:
        return None
    for topic in agenda.topics:
        if ref == topic.id or ref.casefold() == topic.title.casefold():
            return str(topic.id)
    choices = ", ".join(t.id for t in agenda.topics)
    raise CliError(
        _("no topic {ref!r} in this session (topics: {choices})").format(ref=ref, choices=choices)
    )
