"""The action list's view: several-value filters and what is read back from the preferences."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_tui.core.action_list import NONE, PREF_KEY, ListView, matches
from workshop_tui.core.model import ActionFields, ActionStatus, Entry, EntryKind
from workshop_tui.core.store import Store


def action(group: str, status: ActionStatus, owner: str = "") -> Entry:
    return Entry(
        kind=EntryKind.ACTION,
        topic_id="legal",
        group=group,
        text="Draft a procedure",
        action=ActionFields(status=status, owner=owner),
    )


def test_a_filter_keeps_any_of_its_values_and_all_filters_apply() -> None:
    chosen = {"status": ["open", "in_progress"], "group": ["Group A", "Group B"]}
    assert matches(action("Group A", ActionStatus.OPEN), chosen)
    assert matches(action("Group B", ActionStatus.IN_PROGRESS), chosen)
    assert not matches(action("Group C", ActionStatus.OPEN), chosen)
    assert not matches(action("Group A", ActionStatus.DONE), chosen)
    assert matches(action("Group C", ActionStatus.DONE), {"status": []})  # nothing chosen: all
    assert matches(action("Group C", ActionStatus.DONE, owner=""), {"owner": [NONE]})


def test_view_round_trips_through_the_preferences(tmp_path: Path) -> None:
    prefs = Store(tmp_path).prefs
    view = ListView("owner", {"status": ["open", "in_progress"], "unit": [NONE]})
    assert prefs.set_for(PREF_KEY, "s1", view.to_pref())
    assert ListView.from_pref(Store(tmp_path).prefs.get_for(PREF_KEY, "s1", {})) == view


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        (None, ListView()),
        ("due", ListView()),
        ({"sort": "nonsense", "filters": []}, ListView()),
        (
            {"sort": "priority", "filters": {"status": "open"}},
            ListView("priority", {"status": ["open"]}),
        ),
        (
            {"sort": 3, "filters": {"status": ["open", 1, None, "open"], "colour": ["red"]}},
            ListView("due", {"status": ["open"]}),
        ),
        ({"filters": {"group": [{"x": 1}]}}, ListView()),
    ],
)
def test_hand_edited_views_are_read_safely(stored: object, expected: ListView) -> None:
    assert ListView.from_pref(stored) == expected
