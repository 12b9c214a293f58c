"""Theme suggestions: quality on the labelled set, determinism, explanations, scope."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from workshop_tui.core.model import Entry, EntryKind
from workshop_tui.core.themes.evaluate import PairCounts, pair_counts
from workshop_tui.core.themes.glossary import check_glossary, combined
from workshop_tui.core.themes.suggest import DEFAULT_THRESHOLD, suggest_themes
from workshop_tui.core.themes.text import analyse, guess_language

EVAL = Path(__file__).resolve().parents[1] / "data" / "themes_eval.json"


def _sets() -> list[dict]:
    return json.loads(EVAL.read_text(encoding="utf-8"))["sets"]


def _entries(data: dict, number: int) -> tuple[list[Entry], dict[str, str | None]]:
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
    return entries, gold


def _score(language: str, splits: tuple[str, ...]) -> PairCounts:
    total = PairCounts()
    for number, data in enumerate(_sets()):
        if data["language"] != language or data["split"] not in splits:
            continue
        entries, gold = _entries(data, number)
        found = suggest_themes(entries, language=language, topic_titles={"t": data["topic_title"]})
        total = total + pair_counts([s.entries for s in found], gold)
    return total


def test_the_evaluation_set_has_both_languages_both_splits_and_noise() -> None:
    sets = _sets()
    for language in ("en", "id"):
        for split in ("dev", "test"):
            assert any(s["language"] == language and s["split"] == split for s in sets)
    for data in sets:
        groups = {group for group, _, _ in data["entries"]}
        assert len(groups) >= 3, data["name"]
        assert any(theme is None for _, _, theme in data["entries"]), data["name"]


@pytest.mark.parametrize(
    ("language", "minimum"), [("en", 0.75), ("id", 0.60)], ids=["english", "indonesian"]
)
@pytest.mark.parametrize("splits", [("dev", "test"), ("test",)], ids=["all", "held-out"])
def test_pairwise_f1_with_the_defaults(
    language: str, minimum: float, splits: tuple[str, ...]
) -> None:
    counts = _score(language, splits)
    assert counts.f1 >= minimum, (counts.precision, counts.recall, counts.f1)


def test_pair_counts() -> None:
    gold = {"a": "x", "b": "x", "c": "x", "d": None, "e": "y"}
    counts = pair_counts([["a", "b"], ["c", "d"]], gold)
    assert (counts.true_positive, counts.predicted, counts.gold) == (1, 2, 3)
    assert counts.precision == 0.5 and counts.recall == pytest.approx(1 / 3)


def _entry(text: str, group: str, kind: EntryKind = EntryKind.CHALLENGE, **kw: object) -> Entry:
    return Entry(kind=kind, topic_id=str(kw.pop("topic_id", "risk")), group=group, text=text, **kw)  # type: ignore[arg-type]


PARAPHRASES = [
    _entry("No risk profiles for IPR goods in the targeting system", "Group A", id="a1"),
    _entry("Targeting lacks indicators for fake branded goods", "Group B", id="b1"),
    _entry("The scanner at the port breaks down often", "Group C", id="c1"),
    _entry("Counterfeit products are not covered by risk indicators", "Group C", id="c2"),
]


def test_paraphrases_across_groups_are_one_suggestion_with_reasons() -> None:
    found = suggest_themes(PARAPHRASES)
    assert [s.entries for s in found] == [("a1", "b1", "c2")]
    suggestion = found[0]
    assert suggestion.title and suggestion.shared_words
    # every member says which of its own words it shares with the others
    assert set(suggestion.reasons) == {"a1", "b1", "c2"}
    assert "indicators" in suggestion.reasons["b1"]
    assert "fake" in suggestion.reasons["b1"]  # the glossary: fake = counterfeit
    assert suggestion.to_json() == {
        "title": suggestion.title,
        "entries": ["a1", "b1", "c2"],
        "shared_words": list(suggestion.shared_words),
    }


def test_suggestions_are_deterministic() -> None:
    runs = [[s.to_json() for s in suggest_themes(PARAPHRASES)] for _ in range(3)]
    assert runs[0] == runs[1] == runs[2]


def test_kinds_are_grouped_apart_and_deleted_or_other_topics_left_out() -> None:
    entries = [
        *PARAPHRASES,
        _entry(
            "Draft risk indicators for counterfeit goods", "Group A", EntryKind.SOLUTION, id="s1"
        ),
        _entry(
            "Write risk profiles for fake branded products", "Group B", EntryKind.SOLUTION, id="s2"
        ),
        _entry("Risk indicators for counterfeits", "Group B", id="gone", deleted=True),
        _entry("Risk profiles for fake goods", "Group A", id="other", topic_id="legal"),
    ]
    found = suggest_themes(entries, topic_id="risk")
    assert [(s.kind, s.entries) for s in found] == [
        (EntryKind.CHALLENGE, ("a1", "b1", "c2")),
        (EntryKind.SOLUTION, ("s1", "s2")),
    ]
    only = suggest_themes(entries, topic_id="risk", kind=EntryKind.SOLUTION)
    assert [s.entries for s in only] == [("s1", "s2")]


def test_indonesian_entries_are_stemmed_and_meet_english_ones_on_concepts() -> None:
    assert guess_language("belum ada profil risiko untuk barang palsu".split()) == "id"
    assert guess_language("no risk profile for the goods".split()) == "en"
    features = {t.feature for t in analyse("Pemeriksaan barang tiruan di pelabuhan")}
    assert "~inspection" in features and "~counterfeit" in features
    entries = [
        _entry("Pelatihan HKI untuk petugas analisis risiko", "Group A", id="id1"),
        _entry("Risk analysts need IPR training", "Group B", id="en1"),
    ]
    assert [s.entries for s in suggest_themes(entries)] == [("id1", "en1")]


def test_an_agendas_glossary_joins_its_synonyms() -> None:
    entries = [
        _entry("Holograms on medicine boxes are copied", "Group A", id="x"),
        _entry("Security labels are easy to reproduce", "Group B", id="y"),
        _entry("Overtime for night shifts is paid late", "Group C", id="z"),
        _entry("Seized goods wait months for destruction", "Group C", id="w"),
    ]
    glossary, problems = check_glossary([["hologram", "security label"]])
    assert problems == []
    plain = suggest_themes(entries)
    extended = suggest_themes(entries, glossary=combined(glossary))
    assert plain == [] and [s.entries for s in extended] == [("x", "y")]


@pytest.mark.parametrize(
    "value",
    [{"a": "b"}, [["only"]], [["a", 3]], [["a", ""]], ["fake"], [["x" * 81, "y"]]],
)
def test_bad_glossaries_are_refused(value: object) -> None:
    glossary, problems = check_glossary(value)
    assert glossary == () and problems


def test_topic_title_words_do_not_make_a_theme() -> None:
    entries = [
        _entry("Risk analysis of sea cargo", "Group A", id="p"),
        _entry("Risk analysis staff turnover", "Group B", id="q"),
    ]
    assert suggest_themes(entries, topic_titles={"risk": "Risk analysis"}) == []


def test_default_threshold_is_documented() -> None:
    docs = (Path(__file__).resolve().parents[2] / "docs" / "themes.md").read_text()
    assert f"{DEFAULT_THRESHOLD}" in docs


def test_start_up_does_not_load_the_suggestion_engine() -> None:
    code = (
        "import sys, workshop_tui.cli, workshop_tui.ui.app, workshop_tui.core.agenda_yaml;"
        "heavy = [m for m in ('numpy', 'snowballstemmer', 'Sastrawi',"
        " 'workshop_tui.core.themes.suggest') if m in sys.modules];"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
