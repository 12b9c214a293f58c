"""The one pattern every id follows: sessions, entries, topics (docs/session-format.md).

Session ids become file names (``sessions/<id>.json``), so an id that came from outside (a
bundle, a hand-edited file, the command line) is checked against this pattern before any path
is built from it. UUIDs as workshop-tui writes them match it.
"""

from __future__ import annotations

import re

#: 1 to 64 ASCII letters, digits, ``-`` or ``_``
ID_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"
ID_RE = re.compile(r"[A-Za-z0-9_-]{1,64}")


def is_valid_id(value: object) -> bool:
    """Whether ``value`` is a string that matches :data:`ID_PATTERN`."""
    return isinstance(value, str) and ID_RE.fullmatch(value) is not None
