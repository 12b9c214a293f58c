"""Theme suggestions: cluster the entries of every group that say the same thing.

Offline, deterministic and explainable (docs/themes.md):

* each entry is analysed (:func:`.text.analyse`): folded words, stop words out, stems,
  glossary synonyms as one concept;
* two TF-IDF vectors per entry (sub-linear term frequency, ``idf = ln((1+N)/(1+df)) + 1``
  over the entries being grouped, unit length): one of its stems and concepts, one of the
  character 3- to 5-grams of its stems (which catch what the stemmers miss:
  "indicator" / "indicators" / "indikator");
* similarity = :data:`WORD_WEIGHT` × word cosine + (1 − :data:`WORD_WEIGHT`) × character
  cosine;
* average-linkage agglomerative clustering: the two clusters with the highest mean pairwise
  similarity merge while that mean is at least the threshold (:data:`DEFAULT_THRESHOLD`);
* only entries of one kind are grouped together (a theme is of challenges, solutions or
  actions); clusters of two or more entries are suggestions.

Ties are broken by input order, so the same entries give the same suggestions. numpy is
imported on first use only.
"""

from __future__ import annotations

import functools
import math
import os
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from workshop_tui.core.model import Entry, EntryKind
from workshop_tui.core.themes.glossary import DEFAULT_GLOSSARY, Glossary
from workshop_tui.core.themes.text import CONCEPT_MARK, Token, analyse

#: mean similarity at which two clusters still merge (tuned on the development half of
#: tests/data/themes_eval.json, checked on the held-out half: docs/themes.md)
DEFAULT_THRESHOLD = 0.13
#: share of the word (stem and concept) cosine in the similarity; the rest is characters
WORD_WEIGHT = 0.8
#: character n-gram sizes taken from each stem
NGRAM_SIZES = (3, 4, 5)
#: title: at most this many of the cluster's most telling words
TITLE_WORDS = 3
#: kinds that can be grouped into themes
THEME_KINDS = (EntryKind.CHALLENGE, EntryKind.SOLUTION, EntryKind.ACTION)


@dataclass(frozen=True)
class Suggestion:
    """A proposed theme: its entries (input order), a title, and the reason per member."""

    kind: EntryKind
    title: str
    entries: tuple[str, ...]
    #: the words shared by two or more members, most telling first
    shared_words: tuple[str, ...]
    #: per member id: the words it shares with the other members (as that member wrote them)
    reasons: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False)
    #: mean pairwise similarity of the members (0..1)
    cohesion: float = 0.0

    def to_json(self) -> dict[str, Any]:
        """What ``workshop-tui themes --suggest --json`` prints for one suggestion."""
        return {
            "title": self.title,
            "entries": list(self.entries),
            "shared_words": list(self.shared_words),
        }

    @property
    def signature(self) -> str:
        """Stable key of the member set (a rejected suggestion is remembered by it)."""
        return ",".join(sorted(self.entries))


@dataclass(frozen=True)
class _Doc:
    entry_id: str
    tokens: list[Token]


def _numpy() -> Any:
    """numpy, imported on first use with one BLAS thread: these matrices are small, and on a
    busy laptop extra BLAS threads spin for the CPU (measured: 2.5x the CPU time and 2x the
    wall time of one thread for 500 entries)."""
    if "numpy" not in sys.modules:
        for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(name, "1")
    import numpy

    return numpy


@functools.lru_cache(maxsize=65536)
def _grams(stem: str) -> tuple[str, ...]:
    padded = f" {stem} "
    return tuple(
        padded[start : start + size]
        for size in NGRAM_SIZES
        for start in range(len(padded) - size + 1)
    )


def _char_features(tokens: Iterable[Token]) -> Counter[str]:
    grams: Counter[str] = Counter()
    for token in tokens:
        if not token.is_concept:
            grams.update(_grams(token.feature))
    return grams


#: extra weight of a glossary concept (curated synonyms are stronger evidence than a word)
CONCEPT_BOOST = 1.5
#: added to every idf (sklearn's "smooth" idf adds 1); lower suppresses words most entries use
IDF_FLOOR = 0.5


def _tfidf(counts: list[Counter[str]]) -> Any:
    """Unit-length TF-IDF rows (numpy float32 array, one row per document)."""
    np = _numpy()

    n = len(counts)
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    tfs: list[float] = []
    for row, doc in enumerate(counts):
        for feature, count in doc.items():
            rows.append(row)
            cols.append(vocabulary.setdefault(feature, len(vocabulary)))
            boost = CONCEPT_BOOST if feature[0] == CONCEPT_MARK else 1.0
            tfs.append((1.0 + math.log(count)) * boost)
    width = max(1, len(vocabulary))
    col_index = np.asarray(cols, dtype=np.intp)
    df = np.bincount(col_index, minlength=width).astype(np.float32)
    idf = np.log((1.0 + n) / (1.0 + df)) + IDF_FLOOR
    matrix = np.zeros((n, width), dtype=np.float32)
    matrix[np.asarray(rows, dtype=np.intp), col_index] = np.asarray(tfs, dtype=np.float32)
    matrix *= idf
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    # A feature of one document adds nothing to a product of two: its column only counted
    # in the norm (above), so leaving it out keeps the cosines and shrinks the matrix.
    return matrix[:, df >= 2] / norms


def similarity_matrix(docs: Sequence[Sequence[Token]], word_weight: float | None = None) -> Any:
    """Pairwise similarities of analysed texts (numpy, n × n; the diagonal is not used)."""
    if word_weight is None:
        word_weight = WORD_WEIGHT
    words = _tfidf([Counter(t.feature for t in tokens) for tokens in docs])
    chars = _tfidf([_char_features(tokens) for tokens in docs])
    return word_weight * (words @ words.T) + (1.0 - word_weight) * (chars @ chars.T)


def average_linkage(sim: Any, threshold: float) -> list[list[int]]:
    """Clusters (lists of row numbers, each ascending; clusters by first member) of
    average-linkage clustering, merging while the best mean similarity is ≥ ``threshold``.

    Each row keeps its best partner, so finding the next merge scans n values, not n²."""
    np = _numpy()

    n = sim.shape[0]
    clusters: list[list[int]] = [[i] for i in range(n)]
    if n < 2:
        return clusters
    work = sim.astype(np.float64)  # mean similarity between the current clusters
    np.fill_diagonal(work, -np.inf)
    sizes = np.ones(n, dtype=np.float64)
    best = work.argmax(axis=1)  # first maximum: ties go to the earliest partner
    best_value = work[np.arange(n), best]
    while True:
        a = int(np.argmax(best_value))
        if best_value[a] < threshold:
            break
        b = int(best[a])
        a, b = min(a, b), max(a, b)
        # Lance-Williams update for average linkage: the size-weighted mean of both rows
        merged = (work[a] * sizes[a] + work[b] * sizes[b]) / (sizes[a] + sizes[b])
        merged[a] = -np.inf
        merged[b] = -np.inf
        work[a, :] = merged
        work[:, a] = merged
        work[b, :] = -np.inf
        work[:, b] = -np.inf
        sizes[a] += sizes[b]
        clusters[a].extend(clusters[b])
        clusters[b] = []
        best_value[b] = -np.inf
        # rows whose best partner was a or b, and a itself, look again
        stale = np.flatnonzero((best == a) | (best == b))
        for row in {a, *(int(r) for r in stale)} - {b}:
            best[row] = int(np.argmax(work[row]))
            best_value[row] = work[row, best[row]]
        # rows that now like the merged cluster better than their best
        better = np.flatnonzero(merged > best_value)
        best[better] = a
        best_value[better] = merged[better]
    return [sorted(c) for c in clusters if c]


def _surface(docs: list[_Doc], members: list[int], feature: str) -> str:
    """How to show a feature: a concept by its glossary name ("counterfeit" for fake and
    palsu alike), a stem by the spelling its members use most."""
    if feature.startswith(CONCEPT_MARK):
        return feature[len(CONCEPT_MARK) :]
    seen: Counter[str] = Counter()
    for m in members:
        for token in docs[m].tokens:
            if token.feature == feature:
                seen[token.surface] += 1
    return min(seen, key=lambda s: (-seen[s], s)) if seen else feature


def _prefix(token: Token) -> str:
    """Stems that start alike (what the character n-grams matched: "indicat" / "indikat")
    count as shared in the reason; concepts and short stems only as themselves."""
    if token.is_concept or len(token.feature) < 5:
        return ""
    return token.feature[:5]


def _explain(
    docs: list[_Doc], members: list[int], weights: dict[str, float]
) -> tuple[str, tuple[str, ...], dict[str, tuple[str, ...]]]:
    """Title, shared words and per-member reasons of one cluster."""
    holders: Counter[str] = Counter()
    for m in members:
        for feature in {t.feature for t in docs[m].tokens}:
            holders[feature] += 1
    shared = [f for f, count in holders.items() if count >= 2]
    shared.sort(key=lambda f: (-holders[f] * weights.get(f, 1.0), f))
    shared_words = tuple(dict.fromkeys(_surface(docs, members, f) for f in shared))
    telling = shared or sorted(holders, key=lambda f: (-holders[f] * weights.get(f, 1.0), f))
    title_words = list(dict.fromkeys(_surface(docs, members, f) for f in telling[:TITLE_WORDS]))
    title = ", ".join(title_words)
    title = title[:1].upper() + title[1:] if title else "Theme"
    prefixes: Counter[str] = Counter()
    for m in members:
        for prefix in {_prefix(t) for t in docs[m].tokens} - {""}:
            prefixes[prefix] += 1
    reasons: dict[str, tuple[str, ...]] = {}
    for m in members:
        own = {t.feature for t in docs[m].tokens}
        own_prefixes = {_prefix(t) for t in docs[m].tokens}
        mine = [
            t
            for t in docs[m].tokens
            if holders[t.feature] - (t.feature in own) >= 1
            or (_prefix(t) and prefixes[_prefix(t)] - (_prefix(t) in own_prefixes) >= 1)
        ]
        mine.sort(key=lambda t: -weights.get(t.feature, 1.0))
        reasons[docs[m].entry_id] = tuple(dict.fromkeys(t.surface for t in mine))
    return title, shared_words, reasons


def suggest_for_kind(
    entries: Sequence[Entry],
    *,
    glossary: Glossary = DEFAULT_GLOSSARY,
    threshold: float | None = None,
    language: str = "en",
    topic_titles: Mapping[str, str] | None = None,
) -> list[Suggestion]:
    """Suggestions among ``entries`` (all of one kind), biggest first, then input order.

    The words of an entry's topic title (``topic_titles``: topic id → title) are left out of
    its comparison: every entry of a topic on risk analysis speaks of risk."""
    if len(entries) < 2:
        return []
    if threshold is None:
        threshold = DEFAULT_THRESHOLD
    background = {
        topic_id: frozenset(t.feature for t in analyse(title, glossary, language))
        for topic_id, title in (topic_titles or {}).items()
    }
    docs = []
    for e in entries:
        skip = background.get(e.topic_id, frozenset())
        tokens = [t for t in analyse(e.text, glossary, language) if t.feature not in skip]
        docs.append(_Doc(e.id, tokens))
    sim = similarity_matrix([d.tokens for d in docs])
    n = len(docs)
    df: Counter[str] = Counter(f for d in docs for f in {t.feature for t in d.tokens})
    weights = {f: math.log((1.0 + n) / (1.0 + c)) + 1.0 for f, c in df.items()}
    found: list[tuple[int, int, Suggestion]] = []
    for members in average_linkage(sim, threshold):
        if len(members) < 2:
            continue
        title, shared, reasons = _explain(docs, members, weights)
        pairs = [(a, b) for i, a in enumerate(members) for b in members[i + 1 :]]
        cohesion = sum(float(sim[a, b]) for a, b in pairs) / len(pairs)
        suggestion = Suggestion(
            kind=entries[0].kind,
            title=title,
            entries=tuple(docs[m].entry_id for m in members),
            shared_words=shared,
            reasons=reasons,
            cohesion=round(cohesion, 3),
        )
        found.append((-len(members), members[0], suggestion))
    found.sort(key=lambda item: (item[0], item[1]))
    return [s for _, _, s in found]


def suggest_themes(
    entries: Iterable[Entry],
    *,
    kind: EntryKind | None = None,
    topic_id: str | None = None,
    glossary: Glossary = DEFAULT_GLOSSARY,
    threshold: float | None = None,
    language: str = "en",
    topic_titles: Mapping[str, str] | None = None,
) -> list[Suggestion]:
    """Theme suggestions among live ``entries`` of the theme kinds (or only ``kind``), of
    one topic or (``topic_id`` None) across topics. Kinds are grouped separately, in the
    order challenge, solution, action; ``entries`` should come in a stable order (the store
    gives pane order)."""
    live = [e for e in entries if not e.deleted and e.text.strip()]
    if topic_id is not None:
        live = [e for e in live if e.topic_id == topic_id]
    suggestions: list[Suggestion] = []
    for each in THEME_KINDS:
        if kind is not None and each != kind:
            continue
        mine = [e for e in live if e.kind == each]
        suggestions += suggest_for_kind(
            mine,
            glossary=glossary,
            threshold=threshold,
            language=language,
            topic_titles=topic_titles,
        )
    return suggestions
