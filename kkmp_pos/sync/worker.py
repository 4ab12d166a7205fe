"""The till's sync: enrolment, one push+pull round (`sync_once`), and the background worker thread.

The worker runs on its own thread, so peewee gives it its own SQLite connection. It pushes shortly
after each sale (debounced), every minute, and when the server comes back; on failure it backs off
exponentially with full jitter (capped at ~5 minutes) and honours Retry-After; on 401/403 it stops
and says so. One sender per terminal: the worker and `kkmp-pos sync --once` share a lock file.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import random
import secrets
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kkmp_pos.config import MISSING, Settings
from kkmp_pos.core.errors import SyncError
from kkmp_pos.db import outbox as outbox_writer
from kkmp_pos.db.database import database
from kkmp_pos.db.models import SettingModel, TerminalModel
from kkmp_pos.sync import outbox
from kkmp_pos.sync.apply import (
    ApplyStats,
    apply_changes,
    deactivate_missing,
    pull_problem,
    record_problems,
    save_cursor,
    snapshot_product_ids,
)
from kkmp_pos.sync.client import Snapshot, SyncClient, SyncHttpError
from kkmp_pos.sync.lock import SenderLock
from kkmp_pos.sync.push_check import push_finding_the_bad_event, refused_at_edge
from kkmp_pos.sync.wire import DEFAULT_PULL_LIMIT, MAX_EVENTS_PER_PUSH

log = logging.getLogger(__name__)

IDENTITY_KEYS = ("sync.cooperative_id", "sync.store_id", "sync.terminal_id")
DEVICE_KEY = "sync.device_key"
DEBOUNCE_S = 2.0
PERIOD_S = 60.0
BACKOFF_BASE_S = 1.0
BACKOFF_CAP_S = 300.0
# While the worker runs beside the till, Python hands the GIL between threads every 0.5 ms rather
# than every 5 ms: the worker parses and builds batches in Python, and a sale (or the worker holding the
# write lock) otherwise waits up to 5 ms for the GIL after each SQLite call.
GIL_SWITCH_INTERVAL_S = 0.0005


def _now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _language() -> str:
    """The till's UI language, for messages the status line shows."""
    return "en" if _raw("language") == "en" else "id"


def _raw(key: str) -> Any:
    row = SettingModel.get_or_none(SettingModel.key == key)
    return json.loads(row.value) if row else None


def transport_options() -> dict[str, Any]:
    """How this till may reach its server (settings `sync.allow_plain_http`, `sync.tls_pin`)."""
    settings = Settings(lambda key: _raw(key) if _raw(key) is not None else MISSING)
    return {"allow_plain_http": settings.sync_allow_plain_http, "pinned_cert": settings.sync_tls_pin}


def device_key() -> str:
    """This till's own random key, made once: enrolling again with the same code after a lost
    reply proves to the server that it is the same till."""
    key = _raw(DEVICE_KEY)
    if not key:
        key = secrets.token_urlsafe(32)
        SettingModel.insert(key=DEVICE_KEY, value=json.dumps(key)).on_conflict_replace().execute()
    return str(key)


def enrol_terminal(server_url: str, code: str, client: SyncClient | None = None) -> dict[str, Any]:
    """Trade an enrolment code for this till's token and remember the server's ids for it.

    A reply lost on the way leaves the code claimed by this till: trying again with the same code
    gives the same terminal a fresh token. Once the token is stored the till confirms, which uses
    the code up (if the confirmation is lost too, the first push or pull confirms)."""
    client = client or SyncClient(server_url, **transport_options())
    answer = client.enrol(code, device_key())
    with database.atomic():
        TerminalModel.update(
            enrolled=True, server_url=server_url.rstrip("/"), token=answer["token"], pull_cursor=""
        ).execute()
        for key, name in zip(IDENTITY_KEYS, ("cooperative_id", "store_id", "terminal_id"), strict=True):
            SettingModel.insert(key=key, value=json.dumps(answer[name])).on_conflict_replace().execute()
    try:
        client.with_token(answer["token"]).confirm_enrolment()
    except SyncHttpError as exc:
        log.warning("enrolment not confirmed yet (the next sync confirms it): %s", exc.code)
    return answer


@dataclass
class SyncReport:
    """What one round moved and what still waits."""

    created: int = 0
    duplicates: int = 0
    rejected: int = 0
    pulled: int = 0
    problems: int = 0  # pulled changes set aside (sync problems)
    applied: ApplyStats = field(default_factory=ApplyStats)
    waiting: int = 0
    snapshot: bool = False


def _client_for(terminal: TerminalModel) -> SyncClient:
    if not terminal.enrolled or not terminal.token:
        raise SyncError("sync_not_enrolled")
    return SyncClient(terminal.server_url, terminal.token, **transport_options())


def _identity() -> dict[str, str]:
    values = {k.split(".", 1)[1]: _raw(k) for k in IDENTITY_KEYS}
    if not all(values.values()):
        raise SyncError("sync_not_enrolled")
    return values  # type: ignore[return-value]


def push_pending(client: SyncClient, report: SyncReport, batch_size: int = MAX_EVENTS_PER_PUSH) -> None:
    """Push every pending event in seq-ordered batches; each answer is recorded in short transactions.

    A failed request raises; the same events are still pending, so the next try sends the same
    batch again, which the server answers with `duplicate` for whatever it had already stored.
    An event the server would refuse never holds the others up (sync/push_check.py): it is
    quarantined at the till before sending, or found by halves when the server refuses a batch."""
    ident = _identity()
    while True:
        batch = outbox.pending_events(batch_size)
        if not batch:
            return
        full = len(batch) == batch_size
        for event in batch:
            event.update(ident)  # the server's ids for this till, set at enrolment
        held = refused_at_edge(batch)
        if held:
            outbox_writer.mark_results(held, _now_iso())
            report.rejected += len(held)
            gone = {r.event_id for r in held}
            batch = [e for e in batch if e["event_id"] not in gone]
        if batch:
            answer = push_finding_the_bad_event(client.push, batch)
            # in short transactions of its own, so a sale never waits long for the lock
            outbox_writer.mark_results(answer.results, _now_iso())
            for result in answer.results:
                if result.status == "created":
                    report.created += 1
                elif result.status == "duplicate":
                    report.duplicates += 1
                else:
                    report.rejected += 1
        if not full:
            return


def pull_all(
    client: SyncClient, report: SyncReport, limit: int = DEFAULT_PULL_LIMIT, max_pages: int | None = None
) -> None:
    """Pull pages until the feed is drained; each page and its cursor commit together."""
    pages = 0
    while max_pages is None or pages < max_pages:
        cursor = TerminalModel.get().pull_cursor
        page = client.pull(cursor, limit)
        now = _now_iso()
        with database.atomic():
            if isinstance(page, Snapshot):
                report.snapshot = True
                stats = apply_changes(page.changes, now)
                deactivate_missing(snapshot_product_ids(page.changes))
                save_cursor(page.cursor)
                more = True  # continue from the snapshot's cursor
            else:
                stats = apply_changes([_as_dict(c) for c in page.changes], now)
                stats.problems += [pull_problem(raw, reason) for raw, reason in page.unreadable]
                save_cursor(page.next_cursor)
                more = page.has_more
            record_problems(stats.problems, now)  # set aside with the cursor that moves past them
        report.problems += len(stats.problems)
        report.pulled += stats.total
        report.applied.products += stats.products
        report.applied.prices += stats.prices
        report.applied.members += stats.members
        report.applied.ceilings += stats.ceilings
        report.applied.movements += stats.movements
        pages += 1
        if not more:
            return


def _as_dict(change: Any) -> dict[str, Any]:
    return {"entity": change.entity, "op": change.op, "key": change.key, "data": change.data}


def sync_once(data_dir: Path | str, client: SyncClient | None = None) -> SyncReport:
    """Push everything waiting, then pull everything new; raises SyncError('sync_busy') if another
    sender holds the terminal's lock."""
    report = SyncReport()
    with SenderLock(data_dir):
        client = client or _client_for(TerminalModel.get())
        push_pending(client, report)
        pull_all(client, report)
        report.waiting = outbox.pending_count()
    return report


@dataclass
class SyncStatus:
    """What the status indicator shows."""

    online: bool | None = None  # None: not tried yet
    waiting: int = 0
    oldest_waiting_s: float | None = None
    last_success_at: str | None = None
    last_error: str | None = None
    stopped: bool = False  # 401/403: someone must re-enrol or un-revoke the terminal
    enrolled: bool = False
    revoked: bool = False  # 403: the cooperative revoked this till (not a token to renew)


class SyncWorker:
    """Background sync for the running app. Call `notify()` after each sale; `stop()` at exit."""

    def __init__(
        self,
        data_dir: Path | str,
        client_factory: Callable[[], SyncClient] | None = None,
        period_s: float = PERIOD_S,
        debounce_s: float = DEBOUNCE_S,
        backoff_cap_s: float = BACKOFF_CAP_S,
        on_status: Callable[[SyncStatus], None] | None = None,
    ) -> None:
        self.data_dir = Path(data_dir)
        self._client_factory = client_factory
        self.period_s = period_s
        self.debounce_s = debounce_s
        self.backoff_cap_s = backoff_cap_s
        self.on_status = on_status
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._status = SyncStatus()
        self._status_lock = threading.Lock()
        self._failures = 0
        self._thread = threading.Thread(target=self._run, name="kkmp-sync", daemon=True)

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
        ceiling = min(self.backoff_cap_s, BACKOFF_BASE_S * 2 ** min(self._failures, 20))
        delay = random.uniform(0, ceiling)
        return max(delay, retry_after or 0.0)

    def _run(self) -> None:
        sys.setswitchinterval(min(sys.getswitchinterval(), GIL_SWITCH_INTERVAL_S))
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
            client = self._client_factory() if self._client_factory else _client_for(TerminalModel.get())
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
