"""The till's sync: enrolment, one push+pull round (`sync_once`), and the background worker.

The background worker (`SyncWorker`, sync/worker_process.py) runs the rounds in a process of its own
(sync/child.py, the loop in sync/loop.py): it pushes shortly after each sale (debounced), every minute,
and when the server comes back; on failure it backs off exponentially with full jitter (capped at ~5
minutes) and honours Retry-After; on 401/403 it stops and says so. One sender per terminal: the worker
and `kkmp-pos sync --once` share a lock file.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import secrets
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
from kkmp_pos.sync.status import SyncStatus
from kkmp_pos.sync.wire import DEFAULT_PULL_LIMIT, MAX_EVENTS_PER_PUSH
from kkmp_pos.sync.worker_process import SyncWorker

__all__ = [
    "SyncReport",
    "SyncStatus",
    "SyncWorker",
    "enrol_terminal",
    "pull_all",
    "push_pending",
    "sync_once",
]

log = logging.getLogger(__name__)

IDENTITY_KEYS = ("sync.cooperative_id", "sync.store_id", "sync.terminal_id")
DEVICE_KEY = "sync.device_key"


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
        report.applied.qris_payments += stats.qris_payments
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
