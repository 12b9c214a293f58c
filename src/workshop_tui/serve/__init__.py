"""Browser mode: serve the app through textual-serve (an optional dependency).

Each browser tab gets its own ``workshop-tui`` process on the same data folder; they share the
session through the store's cross-process lock, and each app polls the session file so it shows
what the other tabs captured. Served off this machine, a join code guards every request
(:mod:`.gate`); each role (group, projector, facilitator) has its own link (:mod:`.plan`), and
the apps a browser starts never touch the laptop's files (``WorkshopApp(served=True)``).
"""

from __future__ import annotations

from typing import Any

from workshop_tui.core.i18n import N_, _
from workshop_tui.serve.plan import (
    WILDCARD_HOSTS,
    Role,
    ServeError,
    ServePlan,
    app_command,
    check_port_free,
    is_loopback,
    plan,
)

__all__ = [
    "INSTALL_HINT",
    "WILDCARD_HOSTS",
    "Role",
    "ServeError",
    "ServePlan",
    "app_command",
    "check_port_free",
    "is_loopback",
    "make_server",
    "plan",
    "run",
]

INSTALL_HINT = N_("browser mode needs textual-serve: pip install 'workshop-tui[serve]'")


def make_server(serve_plan: ServePlan, *, title: str = "workshop-tui") -> Any:
    """The room server for the plan; ServeError when textual-serve is not installed."""
    try:
        import textual_serve.server  # noqa: F401 - the optional dependency itself

        from workshop_tui.serve.server import RoomServer
    except ImportError:
        raise ServeError(_(INSTALL_HINT)) from None
    return RoomServer(serve_plan, title=title)


def run(server: Any) -> None:
    """Serve until Ctrl+C (or SIGTERM)."""
    try:
        server.serve()
    except OSError as err:
        raise ServeError(
            _("browser mode stopped: {reason}").format(reason=err.strerror or err)
        ) from None
