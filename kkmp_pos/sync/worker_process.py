"""The app's side of the background sync: `SyncWorker` runs the sync rounds in a process of its own.

Why a process: in a thread of the app, the worker's Python work (building batches, parsing answers)
took the GIL from the cashier's thread, and every write the worker made waited for the GIL while it
held SQLite's write lock; checkout p95 while draining a week's backlog was 2.3–2.6× idle. In its own
process the worker shares only the SQLite file with the till (see docs/ARCHITECTURE.md).

The child is `kkmp-pos --data-dir DIR sync worker` (sync/child.py). This side keeps a plain status
fed by the child's JSON lines (`status()` never touches the database or the network), passes
`notify` / `sync_now` / `stop` down its stdin, and restarts a child that died, after a full-jitter
back-off, without ever blocking the caller: `notify()` after a sale is one non-blocking pipe write.
One sender per terminal still holds: the child takes the terminal's lock file for each round.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from kkmp_pos.sync.status import BACKOFF_CAP_S, DEBOUNCE_S, PERIOD_S, SyncStatus, full_jitter

log = logging.getLogger(__name__)

# A child that ran this long before it ended starts again after a short delay (its failures forgotten).
STEADY_S = 60.0


def worker_command(data_dir: Path, period_s: float, debounce_s: float, backoff_cap_s: float) -> list[str]:
    """The command line of the worker process: this program again, with the `sync worker` command."""
    if getattr(sys, "frozen", False):  # the packaged app: its console twin when there is one
        exe = Path(sys.executable)
        twin = exe.with_name(f"{exe.stem}-cli{exe.suffix}")
        program = [str(twin if twin.exists() else exe)]
    else:
        program = [sys.executable, "-m", "kkmp_pos"]
    return [
        *program,
        "--data-dir",
        str(data_dir),
        "sync",
        "worker",
        f"--period={period_s}",
        f"--debounce={debounce_s}",
        f"--backoff-cap={backoff_cap_s}",
    ]


class SyncWorker:
    """Background sync for the running app. Call `notify()` after each sale; `stop()` at exit.

    `command`: the worker process's command line (default `worker_command`); benchmarks wrap it."""

    def __init__(
        self,
        data_dir: Path | str,
        period_s: float = PERIOD_S,
        debounce_s: float = DEBOUNCE_S,
        backoff_cap_s: float = BACKOFF_CAP_S,
        on_status: Callable[[SyncStatus], None] | None = None,
        command: list[str] | None = None,
    ) -> None:
        self.data_dir = Path(data_dir)
        self.period_s = period_s
        self.debounce_s = debounce_s
        self.backoff_cap_s = backoff_cap_s
        self.on_status = on_status
        self.command = command or worker_command(self.data_dir, period_s, debounce_s, backoff_cap_s)
        self._status = SyncStatus()
        self._status_lock = threading.Lock()
        self._pipe_lock = threading.Lock()
        self._stopping = threading.Event()
        self._failures = 0  # worker processes that ended on their own, in a row
        self._proc: subprocess.Popen[bytes] | None = None
        self._thread = threading.Thread(target=self._supervise, name="kkmp-sync-supervisor", daemon=True)

    # -- the API the till uses ------------------------------------------------------------------------
    def start(self) -> None:
        self._proc = self._spawn()  # here, so a notify() right after start() is not lost
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stopping.set()
        proc = self._proc
        if proc is not None:
            self._send("stop")
            with self._pipe_lock:
                _close(proc.stdin)
            try:
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                log.warning("the sync worker did not stop in %.0f s: ended", timeout)
                proc.kill()
                proc.wait(5)
        if self._thread.is_alive():
            self._thread.join(timeout)

    def notify(self) -> None:
        """A sale was committed: push soon (several sales in a burst go in one batch)."""
        self._send("notify")

    def sync_now(self) -> None:
        """'Sinkronkan sekarang': try at once, forgetting any back-off."""
        with self._status_lock:
            self._status.stopped = False
        self._send("sync_now")

    def status(self) -> SyncStatus:
        with self._status_lock:
            return SyncStatus(**self._status.as_dict())

    def next_delay(self, retry_after: float | None = None) -> float:
        """Before starting a worker process that died again: full jitter over its failures in a row."""
        return full_jitter(self._failures, self.backoff_cap_s, retry_after)

    @property
    def pid(self) -> int | None:
        """The worker process's id (None before start)."""
        return self._proc.pid if self._proc is not None else None

    # -- the worker process ---------------------------------------------------------------------------
    def _spawn(self) -> subprocess.Popen[bytes]:
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0) if os.name == "nt" else 0
        proc = subprocess.Popen(
            self.command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=None,  # the worker's diagnostics go where the app's go
            creationflags=flags,
        )
        if proc.stdin is not None and os.name != "nt":
            os.set_blocking(proc.stdin.fileno(), False)  # a stuck child never blocks a sale
        return proc

    def _send(self, word: str) -> None:
        with self._pipe_lock:
            proc = self._proc
            if proc is None or proc.stdin is None or proc.stdin.closed:
                return
            try:
                os.write(proc.stdin.fileno(), f"{word}\n".encode())  # unbuffered: never half a word
            except (BlockingIOError, BrokenPipeError, OSError, ValueError):
                # full pipe (the child is busy: it syncs soon anyway) or a child that died (restarted)
                log.debug("sync worker did not take %r", word, exc_info=True)

    def _supervise(self) -> None:
        while True:
            proc = self._proc
            assert proc is not None
            started = time.monotonic()
            self._read_statuses(proc)
            code = proc.wait()
            if self._stopping.is_set():
                return
            if time.monotonic() - started >= STEADY_S:
                self._failures = 0
            self._failures += 1
            delay = self.next_delay()
            log.error(
                "the sync worker process ended (exit code %s); starting it again in %.1f s", code, delay
            )
            self._update({"online": None, "last_error": f"sync worker ended (exit code {code})"})
            fresh = self._respawn(delay)
            if fresh is None:
                return
            with self._pipe_lock:
                if self._stopping.is_set():
                    fresh.kill()
                    fresh.wait()
                    return
                self._proc = fresh

    def _respawn(self, delay: float) -> subprocess.Popen[bytes] | None:
        """A new worker process after `delay` (and longer ones while it cannot start); None: stopping."""
        while not self._stopping.wait(delay):
            try:
                return self._spawn()
            except OSError:
                log.exception("could not start the sync worker process")
                self._failures += 1
                delay = self.next_delay()
        return None

    def _read_statuses(self, proc: subprocess.Popen[bytes]) -> None:
        assert proc.stdout is not None
        for raw in proc.stdout:
            try:
                values = json.loads(raw)
            except ValueError:
                log.warning("sync worker said: %s", raw.decode(errors="replace").rstrip())
                continue
            if isinstance(values, dict):
                self._update(values)
        _close(proc.stdout)

    def _update(self, values: dict[str, Any]) -> None:
        with self._status_lock:
            merged = self._status.as_dict() | values
            self._status = SyncStatus.from_dict(merged)
        if self.on_status:
            self.on_status(self.status())


def _close(stream: IO[bytes] | None) -> None:
    if stream is None:
        return
    try:
        stream.close()
    except OSError:
        pass
