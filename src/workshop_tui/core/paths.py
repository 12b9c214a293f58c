"""Where the data lives: ``--data-dir``, else ``$WORKSHOP_TUI_DATA``, else the platform dir."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

ENV_VAR = "WORKSHOP_TUI_DATA"
APP_NAME = "workshop-tui"


def resolve_data_dir(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """The data directory to use, by precedence: CLI flag, environment, platform default."""
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return Path(env).expanduser()
    return Path(user_data_dir(APP_NAME, appauthor=False))
