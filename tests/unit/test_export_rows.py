"""Action rows (shared by every action format), filters, the registry and file names."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from export_sample import CJK, DELETED, FORMULA, GROUP_A, GROUP_B, ORDER, RTL, Sample, build

from workshop_tui.core.export import (
    EXPORTERS,
    ActionFilter,
    ExportError,
    ExportOptions,
    action_rows,
    default_filename,
    export,
    formats_for,
    get_exporter,
    safe_filename,
    short_title,
    whats,
)
from workshop_tui.core.export.rows import COLUMNS
from workshop_tui.core.model import ActionFields


@pytest.fixture
def sample(tmp_path: Path) -> Sample:
    return build(tmp_path / "data")


def ids_of(sample: Sample, rows: list) -> list[str]:
    names = {v: k for k, v in sample.ids.items()}
    return [names[r.id] for r in rows]


def test_rows_sorted_by_due_date_then_priority_and_exclude_tombstones(sample: Sample) -> None:
    rows = action_rows(sample.session)
    assert ids_of(sample, rows) == ORDER
    assert all(r.text != DELETED for r in rows)


def test_row_carries_its_source_challenges_through_the_solution(sample: Sample) -> None:
    row = next(r for r in action_rows(sample.session) if r.id == sample.ids["a1"])
    assert row.session_title == "Workshop | day 5"
    assert (row.topic_id, row.topic_title, row.group) == ("legal", "Legal framework", GROUP_A)
    assert [s.text for s in row.solutions] == ["+1 " + RTL]
    assert [c.text for c in row.challenges] == [FORMULA]  # reached via the solution's link
    assert row.cell("partners") == "Right holders, Police"
    assert row.cell("status") == "in progress"
    assert row.cell("due") == "2026-12-31"


def test_every_action_field_has_a_column() -> None:
    keys = {c.key for c in COLUMNS}
    assert set(ActionFields().to_dict()) <= keys
    assert {"session_title", "topic_title", "group", "challenges", "solutions"} <= keys


def test_a_deleted_link_target_is_not_a_source(sample: Sample) -> None:
    sample.session.delete_entry(sample.ids["s1"])
    row = next(r for r in action_rows(sample.session) if r.id == sample.ids["a1"])
    assert row.solutions == () and row.challenges == ()


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (ActionFilter(topics=("legal",)), ["a1", "a3"]),
        (ActionFilter(topics=("operational PROCEDURES",)), ["a4", "a2"]),  # a title works too
        (ActionFilter(groups=(GROUP_B,)), ["a2"]),
        (ActionFilter(groups=("group a",)), ["a4", "a1", "a3"]),
        (ActionFilter(owners=("ana",)), ["a4"]),
        (ActionFilter(owners=("",)), ["a3"]),  # no owner
        (ActionFilter(owners=("李雷", "Ana")), ["a4", "a2"]),
        (ActionFilter(units=("legal UNIT",)), ["a4", "a1"]),
        (ActionFilter(levels=("individual",)), ["a3"]),
        (ActionFilter(statuses=("In Progress", "done")), ["a1", "a3"]),
        (ActionFilter(topics=("ops",), statuses=("open",)), ["a2"]),
        (ActionFilter(topics=("risk",)), []),
    ],
)
def test_filters(sample: Sample, filters: ActionFilter, expected: list[str]) -> None:
    assert ids_of(sample, action_rows(sample.session, filters)) == expected


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        (ActionFilter(topics=("trade",)), "unknown topic 'trade' (topics: legal, ops, risk)"),
        (
            ActionFilter(groups=("Group Z",)),
            f"unknown group 'Group Z' (groups: {GROUP_A}, {GROUP_B})",
        ),
        (
            ActionFilter(statuses=("finished",)),
            "unknown status 'finished' (choose one of: open, in progress",
        ),
        (
            ActionFilter(levels=("national",)),
            "unknown level 'national' (choose one of: institutional, individual)",
        ),
    ],
)
def test_unknown_filter_values_name_the_choices(
    sample: Sample, filters: ActionFilter, message: str
) -> None:
    with pytest.raises(ExportError) as caught:
        action_rows(sample.session, filters)
    assert message in str(caught.value)


def test_registry_lists_every_format() -> None:
    assert whats()[:2] == ["actions", "report"] and "bundle" in whats()  # others may add more
    assert formats_for("actions") == ["csv", "xlsx", "md", "html", "json", "ics", "docx"]
    assert formats_for("report") == ["md", "html", "docx"]
    assert formats_for("bundle") == ["json"]
    assert all(e.what == w and e.fmt == f for (w, f), e in EXPORTERS.items())
    assert ("actions", "xlsx") in [k for k, e in EXPORTERS.items() if e.binary]


def test_registry_errors_name_the_choices() -> None:
    with pytest.raises(
        ExportError, match=r"unknown export 'minutes' \(choose one of: actions, report, "
    ) as caught:
        get_exporter("minutes", "md")
    assert str(caught.value).endswith(f"{', '.join(whats())})")
    with pytest.raises(
        ExportError, match=r"format 'pdf' is not available for report \(formats: md, html, docx\)"
    ):
        get_exporter("report", "pdf")


def test_filters_are_refused_for_reports(sample: Sample) -> None:
    with pytest.raises(ExportError, match="filters apply to action lists only"):
        export(
            sample.session, "report", "md", ExportOptions(filters=ActionFilter(groups=(GROUP_A,)))
        )


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ana López", "Ana_López"),
        ("../../etc/passwd", "etc_passwd"),
        ("@SUM(A1:A2)", "SUM_A1_A2"),
        ('a/b\\c:d*e?f"g<h>i|j', "a_b_c_d_e_f_g_h_i_j"),
        ("", "unnamed"),
        ("...", "unnamed"),
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        (CJK, CJK),
        ("ليلى", "ليلى"),
        ("हिन्दी", "हिन्दी"),  # combining vowel signs are kept
        ("x" * 200, "x" * 60),
    ],
)
def test_safe_filename(name: str, expected: str) -> None:
    assert safe_filename(name) == expected


def test_default_filename(sample: Sample) -> None:
    session = sample.session.session
    name = default_filename(session, "actions", "xlsx")
    assert name == f"Workshop_day_5-{session.started[:10]}-actions.xlsx"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "National Workshop on Combating Counterfeiting and Piracy",
            "National_Workshop_on_Combating",
        ),
        ("Workshop day 5", "Workshop_day_5"),
        ("x" * 200, "x" * 30),  # one long word: cut inside it
        ("Über-Grenzen Schutz geistigen Eigentums", "Über-Grenzen_Schutz_geistigen"),
        ("CON", "_CON"),
        ("", "unnamed"),
    ],
)
def test_short_title(title: str, expected: str) -> None:
    assert short_title(title) == expected
    assert len(short_title(title)) <= 30


def test_default_filename_of_a_long_title_keeps_date_and_suffix_short(sample: Sample) -> None:
    """QA: at 80x24 the dialog showed '/tmp/National_Workshop_on_Combating_Counterfeiting_and
    _Piracy-20': the date and the suffix were cut off."""
    session = replace(
        sample.session.session, title="National Workshop on Combating Counterfeiting and Piracy"
    )
    name = default_filename(session, "actions", "csv")
    assert name == f"National_Workshop_on_Combating-{session.started[:10]}-actions.csv"
    assert len(name) <= 55
