"""core.compare: two workshops side by side; its md/html/docx exports and the CLI."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import docx
import plenary_sample
import pytest
from plenary_sample import EARLIER_ID, NEW_ID

from workshop_tui import cli
from workshop_tui.core.agenda import Topic
from workshop_tui.core.compare import compare
from workshop_tui.core.compare_export import render
from workshop_tui.core.model import Entry, EntryKind, Session
from workshop_tui.core.store import Store


def test_counts_completion_and_top_challenges_side_by_side(tmp_path: Path) -> None:
    store, earlier, current = plenary_sample.build(tmp_path)
    current.save_entries(
        [
            Entry(
                kind=EntryKind.CHALLENGE,
                topic_id="legal",
                group="Group B",
                text="Fines are too low",
                votes={"Group B": 2},
            )
        ]
    )
    c = compare(earlier, current)
    assert c.same_agenda
    assert [r.label for r in c.topics] == [t.title for t in earlier.session.agenda.topics]
    assert [r.label for r in c.groups] == ["Group A", "Group B", "Group C"]
    legal = c.topics[0]
    assert (legal.a.challenges, legal.b.challenges) == (1, 4)
    assert legal.b.top[0] == ("Fines are too low", 2) and legal.a.top == ()
    assert (c.total.a.actions, c.total.a.done) == (5, 1)
    assert c.total.a.completion == pytest.approx(0.2)
    assert c.total.b.completion == 0.0
    training = c.topics[2]
    assert (training.a.actions, training.a.done) == (2, 1)


def test_topics_line_up_by_title_when_ids_differ(tmp_path: Path) -> None:
    store, earlier, _ = plenary_sample.build(tmp_path)
    agenda = earlier.session.agenda
    renamed = replace(
        agenda,
        name="other",
        topics=(Topic("law", "LEGAL framework"), Topic("new", "Brand new topic")),
    )
    other = store.add_session(
        Session(title="Other", agenda=renamed, started="2027-01-01T00:00:00+00:00")
    )
    other.add_entry(EntryKind.CHALLENGE, "law", "Group A", "Old law")
    c = compare(earlier, other)
    assert not c.same_agenda
    labels = [r.label for r in c.topics]
    assert labels == [t.title for t in agenda.topics] + ["Brand new topic"]
    assert c.topics[0].b.challenges == 1  # "LEGAL framework" matched "Legal framework"
    assert c.topics[-1].a.challenges == 0


def test_exports_and_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store, earlier, current = plenary_sample.build(tmp_path)
    c = compare(earlier, current)
    md = render(c, "md").decode()
    assert md.startswith("# Workshop 2025 compared with Workshop 2026")
    assert "| Legal framework | 1 | 3 |" in md and "1 of 5 (20 %)" in md
    html = render(c, "html", "id").decode()
    assert '<html lang="id">' in html and "<script" not in html
    document = docx.Document(io.BytesIO(render(c, "docx")))
    texts = [p.text for p in document.paragraphs]
    assert "Workshop 2025 compared with Workshop 2026" in texts
    assert any(
        cell.text == "Legal framework" for t in document.tables for cell in t.columns[0].cells
    )
    base = ["--data-dir", str(tmp_path), "compare"]
    assert cli.main([*base, NEW_ID[:8], EARLIER_ID[:8]]) == 0  # the earlier one comes first
    assert capsys.readouterr().out.startswith("# Workshop 2025 compared with Workshop 2026")
    target = tmp_path / "c.docx"
    assert cli.main([*base, EARLIER_ID, NEW_ID, "--format", "docx", "-o", str(target)]) == 0
    assert target.is_file()
    assert cli.main([*base, EARLIER_ID, NEW_ID, "--format", "docx"]) == 1
    assert "binary" in capsys.readouterr().err
    assert cli.main([*base, EARLIER_ID, EARLIER_ID]) == 1
    assert "two different sessions" in capsys.readouterr().err
    assert Store(tmp_path).has_session(NEW_ID)
