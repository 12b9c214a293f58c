"""Plenary grid counts and chart series."""

from __future__ import annotations

from pathlib import Path

from plenary_sample import build

from workshop_tui.core.plenary import build_grid, chart_data


def test_grid_counts_per_cell(tmp_path: Path) -> None:
    _, _, current = build(tmp_path)
    grid = build_grid(current)
    assert grid.groups == ["Group A", "Group B", "Group C"]
    assert [tid for tid, _ in grid.topics] == ["legal", "recordation", "training"]
    assert grid.cell("legal", "Group A").label == "2/1/1"
    assert grid.cell("legal", "Group B").label == "1/1/1"
    assert grid.cell("legal", "Group C").label == "0/0/0"
    assert grid.cell("recordation", "Group C").label == "0/1/1"
    assert grid.topic_actions("legal") == 2 and grid.topic_actions("training") == 1
    current.delete_entry("20260006-ac")
    assert build_grid(current).cell("legal", "Group A").label == "2/1/0"


def test_chart_series(tmp_path: Path) -> None:
    _, _, current = build(tmp_path)
    data = chart_data(current)
    assert data.topic_labels == ["legal", "recordation", "training"]
    assert data.topic_counts == [7, 3, 2]
    assert data.group_counts == [5, 4, 3]
    assert dict(zip(data.status_labels, data.status_counts, strict=True)) == {
        "open": 3,
        "in progress": 1,
        "done": 0,
        "dropped": 0,
        "carried over": 0,
    }
    assert dict(zip(data.level_labels, data.level_counts, strict=True)) == {
        "institutional": 3,
        "individual": 1,
    }
