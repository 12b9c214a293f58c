"""Column widths of the history tables (RowTable): flex columns share what is left, and a
narrow table leaves out the droppable columns, the least important first."""

from __future__ import annotations

from workshop_tui.ui.widgets.table import Column, fit_columns, fold_columns

STATE = Column("state", "", 2)
TITLE = Column("title", "Title", 30, flex=True, min_width=24)
DATES = Column("started", "Dates", 16)
COUNT = Column("open", "Open", 4, "right")
AGENDA = Column("agenda", "Agenda", 28, drop=1)
FACILITATOR = Column("facilitator", "Facilitator", 20, drop=2)
LOCATION = Column("location", "Location", 8, drop=3)
GROUPS = Column("groups", "Groups", 6, "right", drop=4)
ALL = [STATE, TITLE, DATES, COUNT, AGENDA, FACILITATOR, LOCATION, GROUPS]


def keys(columns: list[Column]) -> list[str]:
    return [c.key for c in columns]


def width(columns: list[Column], gap: int = 1) -> int:
    return sum(c.width for c in columns) + gap * (len(columns) - 1)


def test_wide_enough_for_everything() -> None:
    fitted = fit_columns(ALL, 160)
    assert keys(fitted) == keys(ALL)
    assert fitted[1].width == 30  # a flex column with a width takes no more than it


def test_narrow_leaves_out_the_highest_drop_first_and_keeps_the_order() -> None:
    fitted = fit_columns(ALL, 78)
    # groups, location and facilitator out: the rest fits with the title at its least
    assert keys(fitted) == ["state", "title", "started", "open", "agenda"]
    assert width(fitted) == 78
    assert fitted[1].width == 24
    fitted = fit_columns(ALL, 110)  # only the groups out
    assert keys(fitted) == keys(ALL)[:-1]
    assert width(fitted) == 110


def test_a_column_left_out_comes_back_when_it_fits_at_its_own_width() -> None:
    # at 64 the agenda goes too; the location (8 cells) fits back beside a 30-cell title,
    # the facilitator (20), though less droppable, does not
    fitted = fit_columns(ALL, 64)
    assert keys(fitted) == ["state", "title", "started", "open", "location"]
    assert fitted[1].width == 30
    assert width(fitted) <= 64
    assert keys(fold_columns(ALL, 63)) == ["state", "title", "started", "open", "groups"]
    assert keys(fold_columns(ALL, 61)) == ["state", "title", "started", "open"]


def test_nothing_to_drop_leaves_every_column_and_the_flex_at_its_least() -> None:
    fixed = [STATE, TITLE, DATES, COUNT]
    fitted = fit_columns(fixed, 40)
    assert keys(fitted) == keys(fixed)
    assert fitted[1].width == 24  # wider than 40 in all: the table scrolls sideways


def test_flex_without_a_width_takes_what_is_left() -> None:
    text = Column("text", "Action", 0, flex=True, min_width=30)
    fitted = fit_columns([Column("status", "Status", 11), text, Column("due", "Due", 10)], 78)
    assert fitted[1].width == 78 - 11 - 10 - 2
