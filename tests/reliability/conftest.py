"""Fixtures of the reliability tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_tui.core.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "data")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print what the crash and concurrency tests measured, so CI logs show it."""
    from reliability_helpers import FIGURES

    if FIGURES:
        terminalreporter.section("reliability figures")
        for line in FIGURES:
            terminalreporter.write_line(line)
