"""Quality of theme suggestions on the labelled set tests/data/themes_eval.json.

Prints pairwise precision, recall and F1 per set, per language and split (docs/themes.md):

    .venv/bin/python benchmarks/themes_quality.py [--threshold T] [--word-weight W]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from workshop_tui.core.model import Entry, EntryKind
from workshop_tui.core.themes import suggest as suggest_module
from workshop_tui.core.themes.evaluate import PairCounts, pair_counts
from workshop_tui.core.themes.suggest import DEFAULT_THRESHOLD, suggest_themes

USE_TITLES = True
EVAL_SET = Path(__file__).resolve().parent.parent / "tests" / "data" / "themes_eval.json"


def load_sets(path: Path = EVAL_SET) -> list[dict[str, Any]]:
    """The labelled sets, each with ``entries`` as :class:`Entry` and ``gold`` (id → theme)."""
    sets = json.loads(path.read_text(encoding="utf-8"))["sets"]
    for number, data in enumerate(sets):
        entries, gold = [], {}
        for index, (group, text, theme) in enumerate(data["entries"]):
            entry = Entry(
                kind=EntryKind(data["kind"]),
                topic_id="t",
                group=group,
                text=text,
                id=f"{number}-{index}",
                position=float(index),
            )
            entries.append(entry)
            gold[entry.id] = theme
        data["entry_objects"], data["gold"] = entries, gold
    return sets


def score(data: dict[str, Any], threshold: float | None = None) -> PairCounts:
    found = suggest_themes(
        data["entry_objects"],
        threshold=threshold,
        language=data["language"],
        topic_titles={"t": data["topic_title"]} if USE_TITLES else None,
    )
    return pair_counts([s.entries for s in found], data["gold"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    parser.add_argument("--word-weight", type=float, default=suggest_module.WORD_WEIGHT)
    parser.add_argument("--boost", type=float, default=suggest_module.CONCEPT_BOOST)
    parser.add_argument("--idf-floor", type=float, default=suggest_module.IDF_FLOOR)
    parser.add_argument("--no-titles", action="store_true")
    parser.add_argument("--quiet", action="store_true", help="totals only")
    args = parser.parse_args()
    global USE_TITLES
    USE_TITLES = not args.no_titles
    suggest_module.WORD_WEIGHT = args.word_weight
    suggest_module.CONCEPT_BOOST = args.boost
    suggest_module.IDF_FLOOR = args.idf_floor
    totals: dict[tuple[str, str], PairCounts] = {}
    for data in load_sets():
        counts = score(data, args.threshold)
        key = (data["language"], data["split"])
        totals[key] = totals.get(key, PairCounts()) + counts
        if not args.quiet:
            print(
                f"{data['name']:<30} {data['split']:<5} P {counts.precision:.2f} "
                f"R {counts.recall:.2f} F1 {counts.f1:.2f}"
            )
    for language in ("en", "id"):
        both = PairCounts()
        for split in ("dev", "test"):
            c = totals.get((language, split), PairCounts())
            both = both + c
            print(f"{language} {split:<5} P {c.precision:.2f} R {c.recall:.2f} F1 {c.f1:.2f}")
        print(f"{language} all   P {both.precision:.2f} R {both.recall:.2f} F1 {both.f1:.2f}")


if __name__ == "__main__":
    main()


def bench_entries(count: int = 500, seed: int = 7) -> list[Entry]:
    """``count`` entries for the speed benchmark: the labelled texts (both languages), each
    with one extra domain word, challenges and solutions alternating, in four groups."""
    import random

    rng = random.Random(seed)
    extra = (
        "border port airport container officers importer goods trademark seized shipment "
        "week region unit team pelabuhan kantor barang petugas"
    ).split()
    texts = [(e.text, e.group) for data in load_sets() for e in data["entry_objects"]]
    entries = []
    for i in range(count):
        text, group = texts[i % len(texts)]
        words = text.split()
        words.insert(rng.randrange(len(words) + 1), rng.choice(extra))
        kind = EntryKind.CHALLENGE if i % 2 else EntryKind.SOLUTION
        entries.append(
            Entry(kind=kind, topic_id="t", group=group, text=" ".join(words), id=f"e{i}")
        )
    return entries
