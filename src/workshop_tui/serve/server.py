"""The room server: textual-serve's app processes behind the join code, one route per role.

Subclasses textual-serve's ``Server`` for its app processes (``AppService``) and downloads,
and replaces its web front: a middleware refuses every request without the join code in the
same way whatever the path; the page ships without the web-font link and states a Content
Security Policy that forbids loading anything from elsewhere; the websocket checks its
``Origin`` and clamps what a browser sends; and the terminal logs who joins and leaves.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import html
import logging
import re
import secrets
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

import jinja2
from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from workshop_tui.core.i18n import N_, _
from workshop_tui.serve.gate import Throttle, codes_match
from workshop_tui.serve.plan import Role, ServePlan, is_loopback

PAGE_DIR = Path(__file__).resolve().parent / "templates"
COOKIE_MAX_AGE_S = 12 * 3600
#: app processes at once, in all and from one address (each is a Python process)
MAX_CLIENTS = 40
MAX_CLIENTS_PER_ADDRESS = 12
#: the largest terminal a browser may ask for (columns, rows)
MAX_WIDTH, MAX_HEIGHT = 400, 200
#: a browser message larger than this closes its websocket
MAX_MESSAGE_BYTES = 64 * 1024
#: the same address refused without a code again within this time is not logged again
QUIET_REFUSALS_S = 60.0

HOST_HEADER = re.compile(r"^[A-Za-z0-9.\-]+(:[0-9]{1,5})?$|^\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?$")
LOCAL_NAMES = {"127.0.0.1", "localhost", "[::1]"}

#: the same answer for every refused request, whatever the path and the reason
REFUSAL_TEXT = N_("This workshop needs its join code: open the link the facilitator gave you.")
REFUSAL_PAGE = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>workshop-tui</title></head>"
    "<body><p>{text}</p></body></html>"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self' 'unsafe-inline'; "
        "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    ),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}

log = logging.getLogger("workshop-tui.serve")


@dataclass
class Client:
    """A connected browser tab (one app process)."""

    role: Role
    address: str
    since: dt.datetime


def _clock_text(moment: dt.datetime) -> str:
    return moment.strftime("%H:%M:%S")


def _clamp(raw: object, default: int, high: int) -> int:
    try:
        value = int(str(raw))
    except ValueError:
        return default
    return max(1, min(high, value))


def content_disposition(file_name: str) -> str:
    """An ``attachment`` header for ``file_name`` (RFC 6266: ASCII fallback + UTF-8 name)."""
    fallback = (
        "".join(
            ch if ch.isascii() and ch.isprintable() and ch not in '"\\;' else "_"
            for ch in file_name
        )
        or "download"
    )
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(file_name, safe='')}"


class RoomServer(Server):
    """textual-serve's server with the room's roles, join code and who-is-in log."""

    def __init__(
        self,
        serve_plan: ServePlan,
        *,
        title: str = "workshop-tui",
        out: TextIO | None = None,
        throttle: Throttle | None = None,
    ) -> None:
        super().__init__(
            serve_plan.command,
            host=serve_plan.host,
            port=serve_plan.port,
            title=title,
            public_url=serve_plan.public_url,
        )
        self.plan = serve_plan
        self.out = out or sys.stdout
        self.throttle = throttle or Throttle()
        self.clients: dict[int, Client] = {}
        #: a random value per run: the cookie a browser gets for the right code
        self.token = secrets.token_urlsafe(32)
        self.cookie_name = f"workshop_room_{serve_plan.port}"
        self._quiet_until: dict[str, float] = {}
        self._pages = jinja2.Environment(loader=jinja2.FileSystemLoader(PAGE_DIR), autoescape=True)
        self.local_only = is_loopback(serve_plan.host)
        self.refusal_page = REFUSAL_PAGE.format(text=html.escape(_(REFUSAL_TEXT)))

    # -- the terminal ------------------------------------------------------------------
    def say(self, line: str) -> None:
        """One line in the facilitator's terminal, with the time."""
        self.out.write(f"[{_clock_text(dt.datetime.now())}] {line}\n")
        self.out.flush()

    def who_is_in(self) -> str:
        if not self.clients:
            return _("nobody is connected")
        parts = [
            _("{role} {address} since {since}").format(
                role=c.role.label, address=c.address, since=c.since.strftime("%H:%M")
            )
            for c in sorted(self.clients.values(), key=lambda c: c.since)
        ]
        return _("connected ({n}): {clients}").format(n=len(parts), clients="; ".join(parts))

    def initialize_logging(self) -> None:
        logging.basicConfig(level=logging.WARNING, format="%(message)s", stream=sys.stderr)

    async def on_startup(self, app: web.Application) -> None:
        self.say(_("serving on {host}:{port}").format(host=self.plan.host, port=self.plan.port))

    # -- the gate ----------------------------------------------------------------------
    def _refuse(self, status: int = 403) -> web.Response:
        return web.Response(
            status=status,
            text=self.refusal_page,
            content_type="text/html",
            headers=SECURITY_HEADERS,
        )

    def _log_refusal(self, address: str, reason: str, *, always: bool = False) -> None:
        loop_time = asyncio.get_running_loop().time()
        if not always and self._quiet_until.get(address, 0.0) > loop_time:
            return
        if len(self._quiet_until) > 4096:
            self._quiet_until.clear()
        self._quiet_until[address] = loop_time + QUIET_REFUSALS_S
        self.say(_("refused {address}: {reason}").format(address=address, reason=reason))

    def _host_allowed(self, request: web.Request) -> bool:
        host = request.headers.get("Host", "")
        if not HOST_HEADER.match(host):
            return False
        if not self.local_only:
            return True
        # on loopback, only names of this machine: a web page whose name was re-pointed at
        # 127.0.0.1 (DNS rebinding) must not reach the app
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        public = self.plan.public_url.split("://", 1)[-1].rsplit(":", 1)[0]
        return name in LOCAL_NAMES or name == public

    def _has_cookie(self, request: web.Request) -> bool:
        given = request.cookies.get(self.cookie_name, "")
        return bool(given) and secrets.compare_digest(given.encode(), self.token.encode())

    @web.middleware
    async def guard(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        """Every request, whatever its path: the join code (URL, then cookie) or a refusal."""
        address = request.remote or "?"
        if not self._host_allowed(request):
            self._log_refusal(address, _("unknown Host header"))
            return self._refuse()
        if not self.plan.code or self._has_cookie(request):
            return await handler(request)
        given = request.query.get("code")
        if given is None:
            self._log_refusal(address, _("no join code"))
            return self._refuse()
        if self.throttle.locked(address):
            self._log_refusal(address, _("too many wrong codes, refused for a while"))
            return self._refuse()
        if not codes_match(given, self.plan.code):
            delay = self.throttle.failed(address)
            locked = self.throttle.locked(address)
            self._log_refusal(
                address,
                _("too many wrong codes, refused for a while") if locked else _("wrong code"),
                always=True,
            )
            if delay:
                await asyncio.sleep(delay)
            return self._refuse()
        self.throttle.succeeded(address)
        if request.headers.get("Upgrade", "").lower() == "websocket":
            return await handler(request)
        # the code leaves the address bar (and the history): a cookie carries it from here
        query = {k: v for k, v in request.query.items() if k != "code"}
        # "//other.host/..." would leave this site: the path always starts with one slash
        path = "/" + request.rel_url.path.lstrip("/")
        target = str(request.rel_url.with_path(path).with_query(query))
        response = web.HTTPSeeOther(target, headers=SECURITY_HEADERS)
        response.set_cookie(
            self.cookie_name,
            self.token,
            max_age=COOKIE_MAX_AGE_S,
            httponly=True,
            samesite="Lax",
            path="/",
        )
        return response

    # -- routes ------------------------------------------------------------------------
    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self.guard], client_max_size=MAX_MESSAGE_BYTES)
        routes: list[web.AbstractRouteDef] = []
        if self.plan.index:
            routes.append(web.get("/", self.handle_links))
        for role in self.plan.roles:
            routes.append(web.get(role.path, self._page_for(role)))
            routes.append(web.get(role.ws_path, self._websocket_for(role)))
        routes.append(web.get("/download/{key}", self.handle_download))
        routes.append(web.static("/static", self.statics_path, show_index=False))
        app.add_routes(routes)
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self.on_shutdown)
        return app

    def _page_for(self, role: Role) -> Callable[[web.Request], Awaitable[web.Response]]:
        async def page(request: web.Request) -> web.Response:
            return self.render_page(request, role)

        return page

    def _websocket_for(self, role: Role) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
        async def websocket(request: web.Request) -> web.StreamResponse:
            return await self.handle_role_websocket(request, role)

        return websocket

    def render_page(self, request: web.Request, role: Role) -> web.Response:
        scheme = "wss" if request.secure else "ws"
        page = self._pages.get_template("app.html").render(
            title=f"{self.title} · {role.label}",
            font_size=_clamp(request.query.get("fontsize", "16"), 16, 64),
            websocket_url=f"{scheme}://{request.host}{role.ws_path}",
            static_url="/static/",
            start=_("Start"),
            ended=_("This browser tab has left the session."),
            restart=_("Open it again"),
        )
        return web.Response(text=page, content_type="text/html", headers=SECURITY_HEADERS)

    async def handle_links(self, request: web.Request) -> web.Response:
        """The room's "/" page: the links of the groups and the projector (not the
        facilitator's, which has its own key)."""
        links = [(r.path, r.label) for r in self.plan.roles if r.kind in ("group", "projector")]
        page = self._pages.get_template("links.html").render(
            title=self.title, choose=_("Choose your group, or the projector:"), links=links
        )
        return web.Response(text=page, content_type="text/html", headers=SECURITY_HEADERS)

    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        """A file an app delivered (an export): always a download, never shown as a page
        of this site."""
        key = request.match_info["key"]
        try:
            meta = await self.download_manager.get_download_metadata(key)
        except KeyError:
            raise web.HTTPNotFound() from None
        response = web.StreamResponse()
        content_type = meta.mime_type + (f"; charset={meta.encoding}" if meta.encoding else "")
        response.headers["Content-Type"] = content_type
        response.headers["Content-Disposition"] = content_disposition(meta.file_name)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Content-Security-Policy"] = "sandbox"
        await response.prepare(request)
        async for chunk in self.download_manager.download(key):
            await response.write(chunk)
        await response.write_eof()
        return response

    # -- the websocket -----------------------------------------------------------------
    def _origin_allowed(self, request: web.Request) -> bool:
        origin = request.headers.get("Origin")
        if origin is None:
            return True  # not a browser page (a script on a machine that has the code)
        return origin.split("://", 1)[-1] == request.host

    async def handle_role_websocket(self, request: web.Request, role: Role) -> web.StreamResponse:
        address = request.remote or "?"
        if not self._origin_allowed(request):
            self._log_refusal(address, _("websocket from another site"), always=True)
            return self._refuse()
        from_here = sum(1 for c in self.clients.values() if c.address == address)
        if len(self.clients) >= MAX_CLIENTS or from_here >= MAX_CLIENTS_PER_ADDRESS:
            self._log_refusal(address, _("too many browser tabs"), always=True)
            return self._refuse(503)
        websocket = web.WebSocketResponse(heartbeat=15, max_msg_size=MAX_MESSAGE_BYTES)
        width = _clamp(request.query.get("width", "80"), 80, MAX_WIDTH)
        height = _clamp(request.query.get("height", "24"), 24, MAX_HEIGHT)
        await websocket.prepare(request)
        client = Client(role, address, dt.datetime.now())
        self.clients[id(websocket)] = client
        self.say(_("joined: {role} from {address}").format(role=role.label, address=address))
        self.say(self.who_is_in())
        app_service = AppService(
            role.command,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=websocket.close,  # type: ignore[arg-type]
            download_manager=self.download_manager,
            debug=self.debug,
        )
        try:
            await app_service.start(width, height)
            try:
                await self._process_messages(websocket, app_service)
            finally:
                await app_service.stop()
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:  # noqa: BLE001 - one tab's failure must not stop the room
            log.warning("browser tab of %s ended: %s", role.label, error)
        finally:
            self.clients.pop(id(websocket), None)
            self.say(_("left: {role} from {address}").format(role=role.label, address=address))
            self.say(self.who_is_in())
        return websocket

    async def _process_messages(self, websocket: web.WebSocketResponse, app_service: Any) -> None:
        """What textual-serve's page sends, checked: anything malformed is dropped."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = message.json()
            except ValueError:
                continue
            if not isinstance(envelope, list) or not envelope or not isinstance(envelope[0], str):
                continue
            kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
            if kind == "stdin" and isinstance(data, str):
                await app_service.send_bytes(data.encode("utf-8"))
            elif kind == "resize" and isinstance(data, dict):
                await app_service.set_terminal_size(
                    _clamp(data.get("width"), 80, MAX_WIDTH),
                    _clamp(data.get("height"), 24, MAX_HEIGHT),
                )
            elif kind == "ping" and isinstance(data, str | int | float):
                await websocket.send_json(["pong", data])
            elif kind == "blur":
                await app_service.blur()
            elif kind == "focus":
                await app_service.focus()
