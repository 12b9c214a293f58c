"""Validation of the action-plan form (the pure part of the action editor)."""

from __future__ import annotations

import pytest

from workshop_tui.core.action_form import (
    FORM_FIELDS,
    ActionEditResult,
    action_form_values,
    check_date,
    split_partners,
    validate_action_form,
)
from workshop_tui.core.model import (
    ActionFields,
    ActionLevel,
    ActionStatus,
    Priority,
    Timeframe,
)

TEXT = "Draft a recordation procedure for right holders' trademarks"


def full_form(**changes: str) -> dict[str, str]:
    values = {
        "text": TEXT,
        "owner": "Amina Diallo",
        "unit": "IPR Unit, HQ",
        "level": "institutional",
        "start": "2026-12-01",
        "due": "2027-03-31",
        "timeframe": "short",
        "priority": "high",
        "status": "in progress",
        "indicator": "Procedure approved by the Director General",
        "verification": "Signed circular",
        "partners": "right holders, police, ",
        "resources": "2 staff weeks",
        "notes": "Start from the regional template",
    }
    values.update(changes)
    return values


def test_valid_form_gives_all_fields() -> None:
    result = validate_action_form(full_form())
    assert isinstance(result, ActionEditResult)
    fields, text = result
    assert text == TEXT
    assert fields == ActionFields(
        owner="Amina Diallo",
        unit="IPR Unit, HQ",
        level=ActionLevel.INSTITUTIONAL,
        start="2026-12-01",
        due="2027-03-31",
        timeframe=Timeframe.SHORT,
        priority=Priority.HIGH,
        status=ActionStatus.IN_PROGRESS,
        indicator="Procedure approved by the Director General",
        verification="Signed circular",
        partners=["right holders", "police"],
        resources="2 staff weeks",
        notes="Start from the regional template",
    )


def test_minimal_form_takes_defaults() -> None:
    result = validate_action_form({"text": "  Train 10 officers on recordation  "})
    assert isinstance(result, ActionEditResult)
    assert result.text == "Train 10 officers on recordation"
    assert result.fields == ActionFields()


def test_empty_text_is_an_error() -> None:
    errors = validate_action_form(full_form(text="   "))
    assert isinstance(errors, dict)
    assert list(errors) == ["text"]
    assert "concrete, measurable step" in errors["text"]


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (
            "2026-02-31",
            "2026-02-31 is not a valid date: February 2026 has 28 days",
        ),
        ("2028-02-30", "February 2028 has 29 days"),
        ("2026-13-01", "2026-13-01 is not a valid date: there is no month 13"),
        ("31/02/2026", "“31/02/2026” is not a date this app can read (e.g. 30/06/2026"),
        ("someday", "“someday” is not a date this app can read"),
        ("12", "“12” is not a date: write the day, month and year"),
    ],
)
def test_bad_dates_name_the_problem(typed: str, message: str) -> None:
    errors = validate_action_form(full_form(start="", due=typed))
    assert isinstance(errors, dict)
    assert list(errors) == ["due"]
    assert message in errors["due"]
    errors = validate_action_form(full_form(start=typed, due=""))
    assert isinstance(errors, dict)
    assert message in errors["start"]


def test_start_after_due_is_an_error() -> None:
    errors = validate_action_form(full_form(start="2027-05-01", due="2027-03-31"))
    assert errors == {
        "due": "The due date 2027-03-31 is before the start date 2027-05-01.",
    }


def test_same_start_and_due_is_fine() -> None:
    result = validate_action_form(full_form(start="2027-03-31", due="2027-03-31"))
    assert isinstance(result, ActionEditResult)


def test_dates_are_normalised() -> None:
    assert check_date(" 2026-12-01 ") == "2026-12-01"
    assert check_date("20261201") == "2026-12-01"
    assert check_date("") == ""


@pytest.mark.parametrize(
    ("typed", "status"),
    [
        ("open", ActionStatus.OPEN),
        ("In Progress", ActionStatus.IN_PROGRESS),
        ("in-progress", ActionStatus.IN_PROGRESS),
        ("DONE", ActionStatus.DONE),
        ("dropped", ActionStatus.DROPPED),
        ("carried over", ActionStatus.CARRIED_OVER),
        ("", ActionStatus.OPEN),
    ],
)
def test_status_is_parsed(typed: str, status: ActionStatus) -> None:
    result = validate_action_form(full_form(status=typed))
    assert isinstance(result, ActionEditResult)
    assert result.fields.status is status


def test_unknown_status_lists_the_choices() -> None:
    errors = validate_action_form(full_form(status="finished"))
    assert isinstance(errors, dict)
    assert errors["status"].startswith(
        "Unknown status 'finished' (choose one of: open, in progress"
    )


@pytest.mark.parametrize(
    ("name", "typed", "expected"),
    [
        ("timeframe", "Short term", Timeframe.SHORT),
        ("timeframe", "long-term", Timeframe.LONG),
        ("timeframe", "", None),
        ("level", "Individual", ActionLevel.INDIVIDUAL),
        ("priority", "LOW", Priority.LOW),
        ("priority", "", Priority.MEDIUM),
    ],
)
def test_choices_accept_loose_spelling(name: str, typed: str, expected: object) -> None:
    result = validate_action_form(full_form(**{name: typed}))
    assert isinstance(result, ActionEditResult)
    assert getattr(result.fields, name) == expected


@pytest.mark.parametrize(
    ("name", "typed"),
    [("timeframe", "soon"), ("level", "national"), ("priority", "urgent")],
)
def test_unknown_choices_are_errors(name: str, typed: str) -> None:
    errors = validate_action_form(full_form(**{name: typed}))
    assert isinstance(errors, dict)
    assert errors[name].startswith(f"Unknown {name} '{typed}' (choose one of:")


def test_all_errors_are_reported_together() -> None:
    errors = validate_action_form(
        full_form(text="", start="2026-02-31", due="31/02", status="finished")
    )
    assert isinstance(errors, dict)
    assert set(errors) == {"text", "start", "due", "status"}


def test_partners_are_split_trimmed_and_deduplicated() -> None:
    assert split_partners("right holders,  police ,,Police; customs\nWCO") == [
        "right holders",
        "police",
        "customs",
        "WCO",
    ]
    assert split_partners("   ") == []


def test_fields_not_on_the_form_are_kept() -> None:
    base = ActionFields(
        carried_from={"session": "s1", "entry": "e1"},
        reviews=[{"at": "2026-11-01", "status": "open", "comment": "slow", "session": "s1"}],
    )
    result = validate_action_form(full_form(), base=base)
    assert isinstance(result, ActionEditResult)
    assert result.fields.carried_from == {"session": "s1", "entry": "e1"}
    assert result.fields.reviews == base.reviews
    assert result.fields.reviews is not base.reviews  # a copy, not shared


def test_form_values_round_trip() -> None:
    result = validate_action_form(full_form())
    assert isinstance(result, ActionEditResult)
    values = action_form_values(result.text, result.fields)
    assert set(values) == set(FORM_FIELDS)
    assert values["status"] == "in progress"
    assert values["partners"] == "right holders, police"
    assert validate_action_form(values) == result
