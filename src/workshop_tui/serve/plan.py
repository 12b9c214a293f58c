"""What ``workshop-tui serve`` runs, for whom, and where: the roles, their links and commands.

One link per role: each breakout group (its app locked to that group), the projector
(read-only, steered by the facilitator) and the facilitator (the whole session). Every app a
browser starts is *served*: it touches no file on this laptop but the served session.

Off the loopback address a join code guards everything (:mod:`workshop_tui.serve.gate`);
the facilitator's link also carries a random key, so a scribe holding the room's code cannot
open the facilitator's view by editing a group link.
"""

from __future__ import annotations

import ipaddress
import os
import shlex
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from workshop_tui.core.i18n import _
from workshop_tui.serve.gate import CodeError, check_given_code, new_code, new_key, spoken

WILDCARD_HOSTS = {"0.0.0.0", "::", ""}


class ServeError(Exception):
    """Browser mode cannot start (missing dependency, port in use, ...)."""


@dataclass(frozen=True)
class Role:
    """One kind of browser client: its page's path and the app command it runs."""

    kind: str  # "facilitator", "group", "projector", or "app" (the whole app, no session)
    label: str  # shown in the links list and the who-is-in log
    path: str  # the page; its websocket is path + "ws" ("/ws" for "/")
    command: str
    group: str = ""

    @property
    def ws_path(self) -> str:
        return self.path.rstrip("/") + "/ws"


@dataclass(frozen=True)
class ServePlan:
    """What ``workshop-tui serve`` will run, and where."""

    host: str
    port: int
    public_url: str  # what the browser uses (also for the websocket)
    code: str  # the normalised join code; "" on loopback without --code
    roles: tuple[Role, ...]  # the root page's role first when "/" opens an app
    #: "/" lists the room's links (groups and projector) instead of opening an app
    index: bool = False

    @property
    def command(self) -> str:
        """The command the first role runs (the root page's app, when it opens one)."""
        return self.roles[0].command

    def role_for(self, path: str) -> Role | None:
        return next((r for r in self.roles if r.path == path), None)

    def link(self, role: Role | None = None) -> str:
        """The full link for ``role`` (None: the root page), join code included."""
        path = role.path if role is not None else "/"
        query = f"?code={self.code}" if self.code else ""
        return f"{self.public_url}{path}{query}"

    @property
    def spoken_code(self) -> str:
        return spoken(self.code)


def is_loopback(host: str) -> bool:
    """Does ``host`` only accept connections from this machine?"""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to any interface


def app_command(
    data_dir: Path,
    session_id: str = "",
    group: str = "",
    *,
    served: bool = False,
    projector: bool = False,
) -> str:
    """The shell command that runs the app on ``data_dir`` (resuming ``session_id``)."""
    argv = [sys.executable, "-m", "workshop_tui", "--data-dir", str(data_dir)]
    if session_id:
        argv += ["resume", session_id]
        if group:
            argv += ["--group", group]
        if projector:
            argv += ["--projector"]
        if served:
            argv += ["--served"]
    # textual-serve runs the command through the shell: quote for the one it will use
    return subprocess.list2cmdline(argv) if os.name == "nt" else shlex.join(argv)


def _roles(
    data_dir: Path, session_id: str, groups: tuple[str, ...], facilitator_path: str
) -> list[Role]:
    def command(group: str = "", projector: bool = False) -> str:
        return app_command(data_dir, session_id, group, served=True, projector=projector)

    roles = [Role("facilitator", _("Facilitator"), facilitator_path, command())]
    roles += [
        Role("group", name, f"/group/{number}", command(name), group=name)
        for number, name in enumerate(groups, start=1)
    ]
    roles.append(Role("projector", _("Projector"), "/projector", command(projector=True)))
    return roles


def plan(
    data_dir: Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    session_id: str = "",
    group: str = "",
    public_url: str = "",
    code: str | None = None,
    groups: tuple[str, ...] = (),
) -> ServePlan:
    """Work out roles, commands, the join code and the URL; a wildcard host is advertised by
    this machine's name. ``groups``: the session agenda's groups (one link each)."""
    if not 0 < port < 65536:
        raise ServeError(_("port {port} is out of range (1-65535)").format(port=port))
    local = is_loopback(host)
    if not local and not session_id:
        raise ServeError(
            _(
                "serving to other machines (--host {host}) needs a SESSION: the room sees "
                "one session, never the data folder"
            ).format(host=host)
        )
    try:
        join_code = check_given_code(code) if code is not None else ("" if local else new_code())
    except CodeError as err:
        raise ServeError(str(err)) from None
    if not public_url:
        shown = socket.gethostname() if host in WILDCARD_HOSTS else host
        if ":" in shown:
            shown = f"[{shown}]"
        public_url = f"http://{shown}:{port}"
    public_url = public_url.rstrip("/")
    if not session_id:
        whole_app = Role("app", _("Workshop app"), "/", app_command(data_dir))
        return ServePlan(host, port, public_url, join_code, (whole_app,))
    roles = _roles(data_dir, session_id, groups, f"/facilitator/{new_key()}")
    if group:
        root = next((r for r in roles if r.group == group), None)
        if root is None:
            raise ServeError(
                _("group {group!r} is not in this session's agenda").format(group=group)
            )
        roles.insert(0, Role(root.kind, root.label, "/", root.command, group=root.group))
        return ServePlan(host, port, public_url, join_code, tuple(roles))
    if local:
        # on this machine, "/" is the facilitator's app, as before room mode existed
        roles.insert(0, Role("facilitator", _("Facilitator"), "/", roles[0].command))
        return ServePlan(host, port, public_url, join_code, tuple(roles))
    return ServePlan(host, port, public_url, join_code, tuple(roles), index=True)


def check_port_free(host: str, port: int) -> None:
    """Fail early, with a clear message, when the address cannot be bound."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as err:
            raise ServeError(
                _("cannot listen on {host}:{port}: {reason} (choose another --port)").format(
                    host=host, port=port, reason=err.strerror or err
                )
            ) from None
