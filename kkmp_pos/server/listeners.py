"""`serve`: one uvicorn listener per exposure (sync, web, admin) in one process, sharing the database
and the sign-in throttle; or all exposures on one listener for a one-machine shop. With several
worker processes (`server/workers.py`) each worker runs every listener on sockets bound once by the
parent."""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import os
import signal
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import uvicorn

from kkmp_pos.server.app import build_app
from kkmp_pos.server.db import ServerDb
from kkmp_pos.server.exposure import ADMIN, EXPOSURES
from kkmp_pos.server.ratelimit import default_limiter

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Listener:
    exposures: tuple[str, ...]
    host: str
    port: int


@dataclass(frozen=True)
class Tls:
    cert: str
    key: str


def plan(
    host: str,
    port: int,
    web_host: str,
    web_port: int,
    admin_host: str,
    admin_port: int,
    single: bool,
) -> list[Listener]:
    """The listeners `serve` opens: three, or one serving every exposure (`--single-listener`)."""
    if single:
        return [Listener(EXPOSURES, host, port)]
    return [
        Listener(("sync",), host, port),
        Listener(("web",), web_host, web_port),
        Listener((ADMIN,), admin_host, admin_port),
    ]


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class _Server(uvicorn.Server):
    """A uvicorn server that leaves the signals to `serve` (which stops every listener)."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


class CloseAfterResponse:
    """ASGI wrapper for several workers: every response says `Connection: close`, so a till's next
    request opens a new connection, which whichever worker is free accepts. Balance is per request,
    not per keep-alive connection (a till makes a few requests per sync round: reconnecting costs it
    little). The response names the worker's process (`X-Kkmp-Worker`)."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.pid = str(os.getpid()).encode()

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def closing_send(message: Any) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"connection"]
                headers += [(b"connection", b"close"), (b"x-kkmp-worker", self.pid)]
                message = dict(message, headers=headers)
            await send(message)

        await self.app(scope, receive, closing_send)


def serve(
    sdb: ServerDb,
    listeners: list[Listener],
    tls: Tls | None = None,
    forwarded_allow_ips: str | None = None,
    log_level: str = "info",
    sockets: list[socket.socket] | None = None,
) -> None:
    """Run every listener until SIGINT/SIGTERM. `sockets` (one per listener, bound by the parent of
    several workers): serve on them, one request per connection, instead of binding."""
    limiter = default_limiter(sdb)
    servers = []
    for listener in listeners:
        if ADMIN in listener.exposures and not is_loopback(listener.host):
            log.warning(
                "the admin API listens on %s, reachable from other machines: keep it behind TLS and a "
                "firewall",
                listener.host,
            )
        app: Any = build_app(sdb, listener.exposures, limiter)
        if sockets is not None:
            app = CloseAfterResponse(app)
        config = uvicorn.Config(
            app,
            host=listener.host,
            port=listener.port,
            log_level=log_level,
            lifespan="off",
            ssl_certfile=tls.cert if tls else None,
            ssl_keyfile=tls.key if tls else None,
            proxy_headers=forwarded_allow_ips is not None,
            forwarded_allow_ips=forwarded_allow_ips,
        )
        servers.append(_Server(config))
        scheme = "https" if tls else "http"
        log.info("%s on %s://%s:%d", "+".join(listener.exposures), scheme, listener.host, listener.port)

    async def run_all() -> None:
        loop = asyncio.get_running_loop()

        def stop() -> None:
            for server in servers:
                if server.should_exit:
                    server.force_exit = True
                server.should_exit = True

        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError):  # Windows: no add_signal_handler
                loop.add_signal_handler(sig, stop)
        bound = sockets if sockets is not None else [None] * len(servers)
        results = await asyncio.gather(
            *(s.serve(sockets=[sock] if sock else None) for s, sock in zip(servers, bound, strict=True)),
            return_exceptions=True,
        )
        stop()
        for result in results:
            if isinstance(result, BaseException):
                raise result

    asyncio.run(run_all())
