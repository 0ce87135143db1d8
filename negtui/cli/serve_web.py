"""The web side of ``negtui serve``: textual-serve's aiohttp app behind the guard.

Every request must name this server in its Host header, must not come from another
page's Origin, and must carry the token, in the query (the printed link) or in the
cookie set when that link is first opened. The page the server sends points its assets
and its websocket back at the same host the user typed, so the cookie goes with them.
"""

from __future__ import annotations

import errno
import socket
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp_jinja2
from aiohttp import web
from aiohttp.abc import AbstractAccessLogger
from textual_serve.server import Server, to_int

from negtui.cli.serve_guard import TOKEN_PARAMETER, Guard, bare_host

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class CannotListen(Exception):
    """The address cannot be bound (port taken, unknown name); one line for the user."""


def _refuse(reason: str) -> web.Response:
    return web.Response(status=403, text=f"negtui serve: {reason}\n",
                        headers={"Referrer-Policy": "no-referrer", "Cache-Control": "no-store"})


def guard_middleware(guard: Guard) -> Any:
    @web.middleware
    async def check(request: web.Request, handler: Handler) -> web.StreamResponse:
        if not guard.host_ok(request.headers.get("Host")):
            return _refuse("this server does not answer to that host name")
        origin = request.headers.get("Origin")
        upgrading = "websocket" in request.headers.get("Upgrade", "").lower()
        to_app = request.match_info.route.name == "websocket"
        needs_origin = upgrading or to_app or request.method not in SAFE_METHODS
        if (origin is not None or needs_origin) and not guard.origin_ok(origin):
            return _refuse("requests from other web pages are refused")
        from_link = request.query.get(TOKEN_PARAMETER)
        from_cookie = request.cookies.get(guard.cookie_name)
        if not (guard.token_ok(from_link) or guard.token_ok(from_cookie)):
            return _refuse("open the link with the token that negtui serve printed")
        response = await handler(request)
        if not response.prepared:  # a websocket has already answered by now
            response.headers["Referrer-Policy"] = "no-referrer"
            if from_link is not None:
                response.set_cookie(guard.cookie_name, guard.token, path="/",
                                    httponly=True, samesite="Strict")
        return response

    return check


class AccessLog(AbstractAccessLogger):
    """One line a request, with the path but never the query, which holds the token."""

    def log(self, request: web.BaseRequest, response: web.StreamResponse, time: float) -> None:
        self.logger.info("%s %s %s %s", request.remote, request.method, request.path,
                         response.status)


class GuardedServer(Server):
    """textual-serve's server with the guard in front and URLs built from the request."""

    def __init__(self, command: str, guard: Guard, title: str) -> None:
        super().__init__(command, host=bare_host(guard.host), port=guard.port, title=title,
                         public_url=guard.base_url)
        self.guard = guard

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(guard_middleware(self.guard))
        return app

    async def on_startup(self, app: web.Application) -> None:
        """The command prints the one link that works; textual-serve's banner would not."""

    async def handle_index(self, request: web.Request) -> web.Response:
        # The Host header has passed the guard, so it is one of this server's own names.
        here = request.headers["Host"]
        context = {
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": f"ws://{here}/ws",
            "config": {"static": {"url": f"http://{here}/static/"}},
            "application": {"name": self.title},
        }
        response = aiohttp_jinja2.render_template("app_index.html", request, context)
        response.headers["Cache-Control"] = "no-store"
        return response

    def serve_on(self, sockets: list[socket.socket]) -> None:
        """Run until SIGINT or SIGTERM, on sockets already listening."""
        self.initialize_logging()
        web.run_app(self._make_app(), sock=sockets, print=None, handle_signals=True,
                    access_log_class=AccessLog)


def listen(host: str, port: int) -> list[socket.socket]:
    """Bind every address the host resolves to, before anything is printed."""
    try:
        found = socket.getaddrinfo(bare_host(host), port, type=socket.SOCK_STREAM,
                                   flags=socket.AI_PASSIVE)
    except socket.gaierror as error:
        raise CannotListen(f"cannot find the address {host}: {error.strerror}") from None
    sockets: list[socket.socket] = []
    try:
        for family, kind, proto, _name, address in found:
            if any(s.family == family and s.getsockname()[0] == address[0] for s in sockets):
                continue
            sock = socket.socket(family, kind, proto)
            sockets.append(sock)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6:
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            try:
                sock.bind(address)
            except OSError as error:
                # A name may resolve to an address family this machine lacks; skip only that.
                if error.errno == errno.EADDRNOTAVAIL and len(found) > 1:
                    sockets.pop().close()
                    continue
                raise
            sock.listen(128)
    except OSError as error:
        for sock in sockets:
            sock.close()
        why = "the port is already in use" if error.errno == errno.EADDRINUSE else (
            error.strerror or str(error))
        raise CannotListen(f"cannot listen on {host} port {port}: {why}") from None
    if not sockets:
        raise CannotListen(f"cannot listen on {host} port {port}: no usable address")
    return sockets
