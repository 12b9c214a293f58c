"""Text folding shared by search and near-duplicate detection.

``fold`` makes matching case- and accent-insensitive: casefold, NFKD decomposition, then
combining marks removed ("Café" → "cafe", "Straße" → "strasse", "ﬁle" → "file").
"""

from __future__ import annotations

import functools
import re
import unicodedata

_WORD = re.compile(r"\w+")
_MARKS_END = 0x20000


@functools.cache
def _strip_marks() -> dict[int, None]:
    """A ``str.translate`` table deleting every combining mark (built once, on first use)."""
    # Every code point with a combining class lies below U+20000 (the last is U+1E94A).
    return {cp: None for cp in range(_MARKS_END) if unicodedata.combining(chr(cp))}


def fold(text: str) -> str:
    """Case- and accent-insensitive form of ``text`` (ASCII text takes a fast path)."""
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFKD", text.casefold()).translate(_strip_marks())


def words(text: str) -> list[str]:
    """The folded words of ``text`` (runs of letters, digits and underscores)."""
    return _WORD.findall(fold(text))
