"""Views that poll the store for other processes' changes share one staleness check."""

from __future__ import annotations

from workshop_tui.core.store import SessionStore, StoreError


def view_is_stale(store: SessionStore, shown_generation: int, shown_error: str | None) -> bool:
    """For a poller thread: must a view drawn from ``store`` at ``shown_generation``, and
    showing the read problem ``shown_error`` (None or "" when none), draw again?

    Yes when the store took in a change since (another process's save, whichever read or
    write of ours took it in first; the parse happens here, off the event loop), when a
    problem it shows is gone, or when there is a new problem to report (once)."""
    try:
        return store.sync() != shown_generation or bool(shown_error)
    except (StoreError, OSError) as err:
        return str(err) != shown_error
