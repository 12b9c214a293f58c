"""Every test starts in English, whatever the language of the machine running it.

The UI language is process-wide (``core.i18n.set_language``) and the app picks it from
``WORKSHOP_TUI_LANG`` and the POSIX locale variables, so a developer with ``LANG=id_ID.UTF-8``
would otherwise see the English assertions fail. Tests that want Indonesian ask for it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from workshop_tui.core import i18n


@pytest.fixture(autouse=True)
def english_by_default(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(i18n.ENV_VAR, raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    monkeypatch.setenv("LANG", "C.UTF-8")
    i18n.set_language("en")
    yield
    i18n.set_language("en")
