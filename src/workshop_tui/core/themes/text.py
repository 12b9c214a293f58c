"""Text analysis for theme suggestions: fold, tokenise, stem, map synonyms, drop stop words.

An entry's text becomes a list of :class:`Token` (``feature`` is what is compared, ``surface``
what is shown to the room as the reason). Steps, in order:

1. folded as search folds it (:func:`workshop_tui.core.textnorm.words`: case- and
   accent-insensitive words);
2. its language guessed from English and Indonesian function words (ties: the agenda's);
3. each word stemmed: Snowball for English, Sastrawi for Bahasa Indonesia (both imported on
   first use, never at start-up; Sastrawi's dictionary is held in a set, its own list made
   each lookup a scan of 30,000 words);
4. glossary phrases (:mod:`.glossary`) matched on the stems, longest first, each becoming one
   concept feature ``~name`` (the same for both languages);
5. stop words (English and Indonesian, plus the phrasing every challenge shares: "lack of",
   "kurangnya", "need to") dropped.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from workshop_tui.core.textnorm import words as folded_words
from workshop_tui.core.themes.glossary import DEFAULT_GLOSSARY, Glossary

#: function words that tell the languages apart (step 2)
_EN_MARKERS = frozenset(
    "the of and to in for is are not no with on by from at as be have has there their this "
    "that we our it or an a lack too very".split()
)
_ID_MARKERS = frozenset(
    "yang dan di ke dari untuk dengan tidak belum ada dalam pada ini itu atau oleh karena "
    "sebagai juga akan sudah masih kurang antar antara bagi tentang terhadap secara para "
    "banyak sering hanya agar supaya perlu harus dapat bisa tersebut serta maupun adanya "
    "kurangnya tanpa sangat lebih setiap semua beberapa telah belumnya".split()
)

STOP_WORDS_EN = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can cannot could did do does doing done down during each
    either enough etc even ever every few for from further get gets getting given had has have
    having here how however i if in into is it its itself just least less like made make makes
    many may me might more most much must my neither no nor not now of off often on once one
    only or other others otherwise our ours out over own per quite rather really same several
    shall should since so some still such than that the their theirs them themselves then
    there these they this those though through thus to too under until up upon us use used
    using very via was we were what when where whether which while who whom whose why will
    with within without would yet you your
    lack lacks lacking lacked insufficient inadequate limited poor weak little low missing
    need needs needed necessary better improve improved improving improvement increase
    ensure existing current currently enough proper properly sufficient adequate effective
    effectively hard difficult difficulty difficulties problem problems issue issues
    challenge challenges unclear way ways time times many much lot lots new
    """.split()
)
STOP_WORDS_ID = frozenset(
    """
    ada adalah adanya agar akan aku amat anda antar antara apa apakah atas atau bagai bagaimana
    bagi bahkan bahwa banyak baru beberapa begitu belum belumnya benar berbagai bersama besar
    biasanya bila bisa boleh bukan cukup dalam dan dapat dari daripada demikian dengan di dia
    dilakukan diri dsb dst guna hal hampir hanya harus hingga ia ini itu jadi jika juga justru
    kadang kami kamu karena kasus ke kecil kepada ketika kita kurang kurangnya lagi lain lainnya
    lalu lama lebih maka makin masih masing melakukan melalui menjadi mereka meski mungkin nya
    oleh pada para paling perlu perlunya pun saat saja salah sama sampai sangat satu saya
    sebab sebagai sebagian sebelum secara sedang sehingga sejak sekali selalu seluruh semua
    sendiri seperti sering serta setelah setiap sudah supaya tak tanpa tapi telah tentang
    terhadap terjadi termasuk tersebut tetapi tidak tiap untuk walau yaitu yakni yang
    belum terbatas lemah rendah minim minimnya kendala masalah hambatan sulit sulitnya
    tingkatkan meningkatkan peningkatan memperkuat penguatan optimal baik efektif
    """.split()
)
STOP_WORDS = STOP_WORDS_EN | STOP_WORDS_ID

#: longest glossary phrase matched, in words
_MAX_PHRASE = 5
CONCEPT_MARK = "~"
#: a one-word Indonesian glossary term matches other forms of its root only when the root
#: has at least this many letters (short roots are shared by unrelated words)
_MIN_ID_ROOT = 5


@dataclass(frozen=True)
class Token:
    """One compared unit of a text: a stem, or a glossary concept (``~name``)."""

    feature: str
    surface: str  # the folded word(s) as written, for the reason shown to the room

    @property
    def is_concept(self) -> bool:
        return self.feature.startswith(CONCEPT_MARK)


def guess_language(words: Sequence[str], default: str = "en") -> str:
    """``"id"`` or ``"en"``: which language's function words the text has more of."""
    en = sum(1 for w in words if w in _EN_MARKERS)
    ind = sum(1 for w in words if w in _ID_MARKERS)
    if en == ind:
        return "id" if default.lower().startswith(("id", "in")) else "en"
    return "id" if ind > en else "en"


# -- stemmers (imported lazily: start-up must not pay for them) ---------------------------
_stemmer_lock = threading.Lock()


@functools.cache
def _english_stemmer() -> Callable[[str], str]:
    import snowballstemmer

    stemmer: Any = snowballstemmer.stemmer("english")
    return stemmer.stemWord  # type: ignore[no-any-return]


@functools.cache
def _indonesian_stemmer() -> Callable[[str], str]:
    from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
    from Sastrawi.Stemmer.Stemmer import Stemmer
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    class _SetDictionary(ArrayDictionary):  # type: ignore[misc]
        """Sastrawi's dictionary with set lookups (its list made each one a linear scan)."""

        def __init__(self, words: list[str]) -> None:
            super().__init__()
            self.words = frozenset(w for w in words if w.strip())

        def contains(self, word: str) -> bool:
            return word in self.words

    words = StemmerFactory().get_words_from_file()
    stemmer = Stemmer(_SetDictionary(words))
    return stemmer.stem_word  # type: ignore[no-any-return]


@functools.lru_cache(maxsize=65536)
def stem(word: str, language: str) -> str:
    """The stem of one folded word in ``language`` (``"en"`` or ``"id"``)."""
    if not word.isalpha() or len(word) < 3:
        return word
    with _stemmer_lock:  # the stemmers keep state between calls: one thread at a time
        if language == "id":
            return _indonesian_stemmer()(word) or word
        return _english_stemmer()(word) or word


# -- glossary index -----------------------------------------------------------------------
@dataclass(frozen=True)
class _GlossaryIndex:
    phrases: dict[tuple[str, ...], str]  # stemmed phrase -> concept feature
    longest: int
    starts: frozenset[str]  # the first word of every phrase (most words start none)


@functools.lru_cache(maxsize=16)
def glossary_index(glossary: Glossary) -> _GlossaryIndex:
    """Every term of every group, stemmed in both languages, mapped to its group's concept.

    A term listed in two groups belongs to the first."""
    phrases: dict[tuple[str, ...], str] = {}
    for group in glossary:
        concept = CONCEPT_MARK + " ".join(folded_words(group[0]))
        for term in group:
            terms = folded_words(term)
            if not terms:
                continue
            for language in ("en", "id"):
                key = tuple(stem(w, language) for w in terms)
                if language == "id" and len(key) == 1 and len(key[0]) < _MIN_ID_ROOT:
                    continue  # "pertemuan" -> "temu" would also catch "temuan" (finding)
                phrases.setdefault(key, concept)
            phrases.setdefault(tuple(terms), concept)
    longest = min(_MAX_PHRASE, max((len(k) for k in phrases), default=1))
    return _GlossaryIndex(phrases, longest, frozenset(k[0] for k in phrases))


def analyse(text: str, glossary: Glossary = DEFAULT_GLOSSARY, language: str = "en") -> list[Token]:
    """The tokens of ``text`` (see the module docstring for the steps)."""
    words = folded_words(text)
    if not words:
        return []
    lang = guess_language(words, language)
    stems = [stem(w, lang) for w in words]
    index = glossary_index(glossary)
    tokens: list[Token] = []
    i = 0
    starts = index.starts
    while i < len(words):
        sizes = (
            range(min(index.longest, len(words) - i), 0, -1)
            if stems[i] in starts or words[i] in starts
            else ()
        )
        for size in sizes:
            concept = index.phrases.get(tuple(stems[i : i + size])) or index.phrases.get(
                tuple(words[i : i + size])
            )
            if concept is not None:
                tokens.append(Token(concept, " ".join(words[i : i + size])))
                i += size
                break
        else:
            word = words[i]
            if word not in STOP_WORDS and len(word) > 1 and not word.isdigit():
                tokens.append(Token(stems[i], word))
            i += 1
    return tokens
