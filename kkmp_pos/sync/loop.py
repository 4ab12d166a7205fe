"""The sync loop that runs inside the worker process (sync/child.py): rounds of push+pull on a thread,
woken by `notify()` (debounced), every period, and after a back-off when a round failed.

It is the only busy thread of its process, so it never competes with the till's checkout for Python's
GIL; it shares only the SQLite file with the till, in write transactions of a few milliseconds each.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kkmp_pos.core.errors import SyncError
from kkmp_pos.db.database import database
from kkmp_pos.db.models import TerminalModel
from kkmp_pos.sync import outbox
from kkmp_pos.sync.client import SyncHttpError
from kkmp_pos.sync.status import BACKOFF_CAP_S, DEBOUNCE_S, PERIOD_S, SyncStatus, full_jitter
from kkmp_pos.sync.worker import _client_for, _language, _now_iso, sync_once

log = logging.getLogger(__name__)

THREAD_NAME = "kkmp-sync"


class SyncLoop:
    """The rounds of the worker process. Call `notify()` after each sale; `stop()` at exit."""

    def __init__(
        self,
        data_dir: Path | str,
        period_s: float = PERIOD_S,
        debounce_s: float = DEBOUNCE_S,
        backoff_cap_s: float = BACKOFF_CAP_S,
        on_status: Callable[[SyncStatus], None] | None = None,
    ) -> None:
        self.data_dir = Path(data_dir)
        self.period_s = period_s
        self.debounce_s = debounce_s
        self.backoff_cap_s = backoff_cap_s
        self.on_status = on_status
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._status = SyncStatus()
        self._status_lock = threading.Lock()
        self._failures = 0
        self._thread = threading.Thread(target=self._run, name=THREAD_NAME, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout)

    def notify(self) -> None:
        """A sale was committed: push soon (several sales in a burst go in one batch)."""
        self._wake.set()

    def sync_now(self) -> None:
        """'Sinkronkan sekarang': try at once, forgetting any back-off."""
        self._failures = 0
        with self._status_lock:
            self._status.stopped = False
        self._wake.set()

    def status(self) -> SyncStatus:
        with self._status_lock:
            return SyncStatus(**vars(self._status))

    def next_delay(self, retry_after: float | None = None) -> float:
        """Full jitter: uniform(0, min(cap, base * 2^failures)), never sooner than Retry-After."""
        return full_jitter(self._failures, self.backoff_cap_s, retry_after)

    def _run(self) -> None:
        database.connect(reuse_if_open=True)
        try:
            self._refresh_counts()
            delay = 0.0
            while not self._stop.is_set():
                woken = self._wake.wait(timeout=delay if delay else self.period_s)
                if self._stop.is_set():
                    break
                if woken:
                    self._wake.clear()
                    if self.debounce_s and self._stop.wait(self.debounce_s):
                        break
                    self._wake.clear()
                if self.status().stopped:
                    delay = self.period_s
                    continue
                delay = self._round()
        finally:
            database.close()

    def _round(self) -> float:
        """One push+pull; returns how long to wait before the next (0 = the normal period)."""
        try:
            client = _client_for(TerminalModel.get())
            sync_once(self.data_dir, client)
        except SyncHttpError as exc:
            self._failures += 1
            stopped = exc.auth_failed
            self._set(
                online=exc.status is not None,
                last_error=exc.message(_language()),
                stopped=stopped,
                revoked=exc.code == "sync_terminal_revoked",
            )
            if stopped:
                log.error("sync stopped: the server refused this terminal (%s)", exc.code)
                return self.period_s
            return self.next_delay(exc.retry_after)
        except SyncError as exc:
            # not enrolled, or another sender holds the lock: nothing to back off from
            self._set(last_error=exc.message(_language()))
            return 0.0
        except Exception as exc:  # never let the worker die: a sale must never wait on sync
            log.exception("sync round failed")
            self._failures += 1
            self._set(online=None, last_error=str(exc))
            return self.next_delay()
        self._failures = 0
        self._set(online=True, last_error=None, last_success_at=_now_iso(), revoked=False)
        return 0.0

    def _refresh_counts(self) -> None:
        oldest = outbox.oldest_pending_at()
        age = None
        if oldest:
            then = dt.datetime.fromisoformat(oldest.replace("Z", "+00:00"))
            age = max(0.0, time.time() - then.timestamp())
        terminal = TerminalModel.get()
        self._set(waiting=outbox.pending_count(), oldest_waiting_s=age, enrolled=terminal.enrolled)

    def _set(self, **values: Any) -> None:
        with self._status_lock:
            for key, value in values.items():
                setattr(self._status, key, value)
        if "waiting" not in values:
            try:
                self._refresh_counts()
                return
            except Exception:  # a locked file must not break the status line
                log.debug("status refresh failed", exc_info=True)
        if self.on_status:
            self.on_status(self.status())
