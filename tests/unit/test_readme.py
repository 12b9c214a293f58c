"""The README's test command is exactly what CI runs."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


TMUX_INSTALL = "command -v tmux >/dev/null || apt-get install -y tmux"


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci_lines = [
        line.strip()
        for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
        if line.strip()
        and not line.startswith("#")
        and not line.startswith(("set ", "cd "))
        # the terminal tests need tmux: installed when missing, before the README's command
        and line.strip() != TMUX_INSTALL
    ]
    *tools, command = ci_lines
    # before it only tools the tests drive, installed where missing (tmux, chromium, ...)
    for line in tools:
        assert line.startswith("command -v ") and "apt-get install -y " in line, line
    assert f"\n{command}\n" in readme
