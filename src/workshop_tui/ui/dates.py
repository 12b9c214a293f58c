"""Today's date for the screens that check due dates (tests inject a fixed one)."""

from __future__ import annotations

import datetime as dt
from typing import Any


def today_of(app: Any) -> dt.date:
    """The app's injected date (tests fix it), else the real one."""
    today = getattr(app, "today", None)
    return today() if callable(today) else dt.date.today()
