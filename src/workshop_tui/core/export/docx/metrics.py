"""How wide text prints in Arial (and its metric twin Liberation Sans), to size table
columns so that no word has to be broken inside.

The advance widths are Arial's (identical to Helvetica's published metrics), in 1/1000 em,
for printable ASCII; other letters count as an average lowercase letter (accented Latin is
as wide as its base letter), East Asian wide characters as one em. A small margin covers
fonts that a viewer substitutes."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# ASCII 32..126, Arial / Helvetica regular
_REGULAR = (
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
)  # fmt: skip
#: what bold adds, on average (Arial Bold is about 8 % wider)
BOLD = 1.09
#: room for a substituted font (DejaVu Sans is wider than Arial)
SAFETY = 1.04
_OTHER = 560
_WIDE = 1000
MM_PER_POINT = 25.4 / 72


@lru_cache(maxsize=8192)
def _em_units(text: str) -> int:
    total = 0
    for ch in text:
        code = ord(ch)
        if 32 <= code <= 126:
            total += _REGULAR[code - 32]
        elif unicodedata.combining(ch):
            continue
        elif unicodedata.east_asian_width(ch) in ("W", "F"):
            total += _WIDE
        else:
            base = unicodedata.normalize("NFD", ch)[0]
            total += _REGULAR[ord(base) - 32] if 32 <= ord(base) <= 126 else _OTHER
    return total


def text_mm(text: str, points: float, *, bold: bool = False) -> float:
    """How wide ``text`` prints on one line at ``points`` size, in millimetres."""
    width = _em_units(text) / 1000 * points * MM_PER_POINT * SAFETY
    return width * BOLD if bold else width
