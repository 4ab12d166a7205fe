"""`serve --workers N`: N worker processes serving every listener on sockets the parent binds once.

One server process is bound to one core by the GIL. The parent binds each listener's socket, starts N
workers (spawned, as uvicorn's own supervisor does; each opens its own PostgreSQL connection pool),
restarts a worker that dies, and on SIGINT/SIGTERM stops them all. The kernel spreads new connections
over the workers (`worker_sockets`: SO_REUSEPORT on Linux, one shared socket elsewhere); the workers
answer `Connection: close` (`listeners.CloseAfterResponse`) so a keep-alive till is not pinned to one
worker. Nothing a worker keeps in memory must matter to another: the failure counts live in the
database (`server/ratelimit.py`); docs/SCALING.md lists what stays per process and why.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import multiprocessing
import signal
import socket
import sys
import threading
import time
from pathlib import Path
from typing import Any

from kkmp_pos.server import listeners

log = logging.getLogger(__name__)

GRACE_S = 10.0  # a stopping worker finishes its requests in flight, then is killed
_PR_SET_PDEATHSIG = 1
_QUICK_DEATH_S = 5.0  # a worker that dies this soon after starting will not do better when restarted


def bind(listener: listeners.Listener, port: int | None = None, reuse_port: bool = False) -> socket.socket:
    """The listener's socket, bound and listening, to hand to a worker (or to every worker)."""
    family = socket.AF_INET6 if ":" in listener.host else socket.AF_INET
    sock = socket.create_server(
        (listener.host, listener.port if port is None else port),
        family=family,
        backlog=2048,
        reuse_port=reuse_port,
    )
    sock.set_inheritable(True)
    return sock


def worker_sockets(plan: list[listeners.Listener], count: int) -> list[list[socket.socket]]:
    """Each worker's sockets, one per listener.

    Where the kernel has SO_REUSEPORT (Linux), every worker gets its own socket on the same port and
    the kernel spreads new connections over them by a hash of the client's address and port: with
    `Connection: close`, a till's next request is a new connection and lands on any worker, even when
    the workers are idle (one shared socket lets the worker that last accepted win again and again).
    Elsewhere the workers share one socket per listener."""
    if not sys.platform.startswith("linux") or not hasattr(socket, "SO_REUSEPORT") or count < 2:
        shared = [bind(listener) for listener in plan]
        return [shared for _ in range(count)]
    first = [bind(listener, reuse_port=True) for listener in plan]
    ports = [sock.getsockname()[1] for sock in first]
    rest = [
        [bind(listener, port, reuse_port=True) for listener, port in zip(plan, ports, strict=True)]
        for _ in range(count - 1)
    ]
    return [first, *rest]


def _worker(
    database: str,
    key_dir: str | None,
    plan: list[listeners.Listener],
    sockets: list[socket.socket],
    tls: listeners.Tls | None,
    forwarded_allow_ips: str | None,
    log_level: str,
) -> None:
    from kkmp_pos.server.db import open_server_db

    _stop_with_parent()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    sdb = open_server_db(database, key_dir)  # this worker's own connection pool
    try:
        listeners.serve(sdb, plan, tls, forwarded_allow_ips, log_level, sockets=sockets)
    finally:
        sdb.close()


def _stop_with_parent() -> None:
    """Linux: this worker gets SIGTERM when the parent dies, even by SIGKILL (no orphan keeps serving)."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def run(
    count: int,
    database: str,
    key_dir: str | Path | None,
    plan: list[listeners.Listener],
    tls: listeners.Tls | None = None,
    forwarded_allow_ips: str | None = None,
    log_level: str = "info",
) -> int:
    """Serve with `count` workers until SIGINT/SIGTERM; 0, or 1 when workers keep dying at start."""
    sockets = worker_sockets(plan, count)
    context = multiprocessing.get_context("spawn")

    def start(slot: int) -> tuple[Any, float]:
        args = (database, str(key_dir) if key_dir else None, plan, sockets[slot], tls, forwarded_allow_ips)
        process = context.Process(target=_worker, args=(*args, log_level), name="kkmp-server-worker")
        process.start()
        log.info("worker started, pid %s", process.pid)
        return process, time.monotonic()

    stopping = threading.Event()
    previous = {sig: signal.signal(sig, lambda *_: stopping.set()) for sig in (signal.SIGINT, signal.SIGTERM)}
    workers = [start(slot) for slot in range(count)]
    status = 0
    try:
        while not stopping.wait(0.5):
            for i, (process, started) in enumerate(workers):
                if process.is_alive():
                    continue
                log.warning("worker pid %s ended with code %s", process.pid, process.exitcode)
                if time.monotonic() - started < _QUICK_DEATH_S:
                    log.error("a worker died as it started: stopping the server")
                    stopping.set()
                    status = 1
                    break
                workers[i] = start(i)  # on the same socket: its connections wait for it
    finally:
        _stop([process for process, _ in workers])
        for sock in {sock for slot in sockets for sock in slot}:
            sock.close()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return status


def _stop(processes: list[Any]) -> None:
    for process in processes:
        if process.is_alive():
            process.terminate()  # SIGTERM: uvicorn stops accepting and finishes what is in flight
    deadline = time.monotonic() + GRACE_S
    for process in processes:
        process.join(max(0.1, deadline - time.monotonic()))
        if process.is_alive():
            log.warning("worker pid %s did not stop in %.0f s: killed", process.pid, GRACE_S)
            process.kill()
            process.join()
