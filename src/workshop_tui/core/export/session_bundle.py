"""The whole session as a bundle file (``--what bundle``); the format is in core/bundle.py."""

from __future__ import annotations

from workshop_tui.core.bundle import bundle_bytes
from workshop_tui.core.export.base import Exporter, ExportOptions
from workshop_tui.core.i18n import N_
from workshop_tui.core.store import SessionStore


def render(store: SessionStore, options: ExportOptions) -> bytes:
    return bundle_bytes(store, exported=options.stamp)


EXPORTER = Exporter(
    "bundle", "json", render, "json", N_("whole session, deletions included (for merging)")
)
