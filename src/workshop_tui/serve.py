"""Browser mode: serve the app through textual-serve (an optional dependency).

Each browser tab gets its own ``workshop-tui`` process on the same data folder; they share the
session through the store's cross-process lock, and each app polls the session file so it shows
what the other tabs captured.
"""

from __future__ import annotations

import os
import shlex
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

INSTALL_HINT = "browser mode needs textual-serve: pip install 'workshop-tui[serve]'"
WILDCARD_HOSTS = {"0.0.0.0", "::", ""}


class ServeError(Exception):
    """Browser mode cannot start (missing dependency, port in use, ...)."""


@dataclass(frozen=True)
class ServePlan:
    """What ``workshop-tui serve`` will run, and where."""

    command: str  # shell command textual-serve starts for every browser tab
    host: str
    port: int
    public_url: str  # what the browser uses (also for the websocket)


def app_command(data_dir: Path, session_id: str = "", group: str = "") -> str:
    """The shell command that runs the app on ``data_dir`` (resuming ``session_id``)."""
    argv = [sys.executable, "-m", "workshop_tui", "--data-dir", str(data_dir)]
    if session_id:
        argv += ["resume", session_id]
        if group:
            argv += ["--group", group]
    # textual-serve runs the command through the shell: quote for the one it will use
    return subprocess.list2cmdline(argv) if os.name == "nt" else shlex.join(argv)


def plan(
    data_dir: Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    session_id: str = "",
    group: str = "",
    public_url: str = "",
) -> ServePlan:
    """Work out the command and URL; a wildcard host is advertised by this machine's name."""
    if not 0 < port < 65536:
        raise ServeError(f"port {port} is out of range (1-65535)")
    if not public_url:
        shown = socket.gethostname() if host in WILDCARD_HOSTS else host
        if ":" in shown:
            shown = f"[{shown}]"
        public_url = f"http://{shown}:{port}"
    return ServePlan(app_command(data_dir, session_id, group), host, port, public_url.rstrip("/"))


def check_port_free(host: str, port: int) -> None:
    """Fail early, with a clear message, when the address cannot be bound."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as err:
            raise ServeError(
                f"cannot listen on {host}:{port}: {err.strerror or err} (choose another --port)"
            ) from None


def make_server(serve_plan: ServePlan) -> Any:
    """A textual-serve Server for the plan; ServeError when textual-serve is not installed."""
    try:
        from textual_serve.server import Server
    except ImportError:
        raise ServeError(INSTALL_HINT) from None
    return Server(
        serve_plan.command,
        host=serve_plan.host,
        port=serve_plan.port,
        title="workshop-tui",
        public_url=serve_plan.public_url,
    )


def run(server: Any) -> None:
    """Serve until Ctrl+C (or SIGTERM)."""
    try:
        server.serve()
    except OSError as err:
        raise ServeError(f"browser mode stopped: {err.strerror or err}") from None
