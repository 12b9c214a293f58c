"""Folding: the fast whole-text path gives exactly the reference definition."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from workshop_tui.core.textnorm import fold, fold_utf8


def reference(text: str) -> str:
    """casefold, NFKD, every combining mark removed — character by character."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Mostly ASCII with accents, ligatures, marks, other scripts and characters whose folding
# produces characters that fold again (so the fast path must fall back).
_MIXED = st.text(
    alphabet=st.one_of(
        st.sampled_from('aBcXyz 019\n"\\éÉçÇßẞﬁ\u0301\u0327ΣσςİıKÅΩℌ㎒Ꭰꭰж№–'),
        st.characters(max_codepoint=0x1FFFF, codec="utf-8"),
    ),
    max_size=300,
)


@settings(max_examples=400, deadline=None)
@given(_MIXED)
def test_fold_equals_the_reference(text: str) -> None:
    assert fold(text) == reference(text)
    assert fold_utf8(text.encode("utf-8")) == reference(text)
    # long texts take the fast path; folding is per character, so repeating commutes
    assert fold(text * 5 + "x" * 64) == reference(text) * 5 + "x" * 64


def test_fold_of_every_character_in_a_long_text() -> None:
    for cp in range(0x20000):
        if 0xD800 <= cp < 0xE000:
            continue
        text = "A" + chr(cp) * 70
        assert fold(text) == reference(text), hex(cp)


def test_fold_utf8_rejects_invalid_utf8_and_lowers_ascii_only() -> None:
    assert fold_utf8(b"caf\xc3") is None
    assert fold_utf8(b"\xc3A\xa9") is None  # the non-ASCII bytes alone would be valid
    assert fold_utf8("Café CRÈME ﬁle Straße".encode()) == "cafe creme file strasse"
    assert fold_utf8(b"ABC") == "abc"


def test_fold_keeps_lone_surrogates() -> None:
    text = "Caf\u00e9 \ud800" + "x" * 80
    assert fold(text) == reference(text)
