"""Push ingestion: store each event once, project what we understand, quarantine the rest.

One batch is one transaction, serialised per terminal. Events are inserted into `sync_event` with
INSERT ... ON CONFLICT DO NOTHING before their documents are written, so a batch delivered twice (a
lost response, a retry after a time-out) creates nothing the second time. If the fast path fails on a
database error, the batch is replayed event by event in savepoints so one bad event is quarantined
instead of blocking the queue behind it.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import peewee

from kkmp_pos.core.events import Event
from kkmp_pos.core.ids import uuid7
from kkmp_pos.core.safe_json import MAX_INT64, printable, problem
from kkmp_pos.server import personal
from kkmp_pos.server.auth import AuthError, TerminalIdentity, utc_now
from kkmp_pos.server.db import ServerDb
from kkmp_pos.server.feed import append_changes
from kkmp_pos.server.gc_pause import gc_paused
from kkmp_pos.server.projections import (
    KnownDocument,
    Rejected,
    Rows,
    check_payload,
    is_bulk,
    project,
)
from kkmp_pos.sync.wire import (
    CREATED,
    DUPLICATE,
    EVENT_TYPES,
    REJECTED,
    EventEnvelope,
    EventResult,
    PushResponse,
    WireError,
    canonical_json,
    validate_envelope,
)

log = logging.getLogger(__name__)

# Objects and lists within one event: the envelope, its payload, lines, units, barcodes... with room.
MAX_EVENT_DEPTH = 16
# What a database or its driver raises for a value it cannot store: peewee's errors, psycopg2's
# ValueError for a NUL in a string, an encoder's UnicodeEncodeError, SQLite's OverflowError. Each
# sends the batch to the careful replay, where it refuses only the event that carries it.
STORE_ERRORS: tuple[type[Exception], ...] = (peewee.DatabaseError, ValueError, OverflowError)


def _raw_ids(raw: Any) -> tuple[str | None, int | None, str | None]:
    if not isinstance(raw, dict):
        return None, None, None
    eid = raw.get("event_id") if isinstance(raw.get("event_id"), str) else None
    seq = raw.get("seq")
    seq = seq if type(seq) is int and 0 <= seq <= MAX_INT64 else None
    etype = raw.get("type") if isinstance(raw.get("type"), str) else None
    # echoed in the answer and kept in quarantine columns: never a NUL or a lone surrogate
    return (printable(eid)[:64] if eid else None), seq, (printable(etype)[:64] if etype else None)


def _check_owner(ident: TerminalIdentity, raw_events: list[Any]) -> None:
    """An event claiming another cooperative or terminal refuses the whole batch (403)."""
    for raw in raw_events:
        if not isinstance(raw, dict):
            continue
        coop = raw.get("cooperative_id")
        if coop is not None and coop != ident.cooperative_id:
            raise AuthError("sync_wrong_cooperative", 403, cooperative=printable(str(coop))[:64])
        terminal = raw.get("terminal_id")
        if terminal is not None and terminal != ident.terminal_id:
            raise AuthError("sync_wrong_terminal", 403, terminal=printable(str(terminal))[:64])


def push(sdb: ServerDb, ident: TerminalIdentity, raw_events: list[Any]) -> PushResponse:
    """Apply one push batch; returns per-event results and the cumulative acknowledgement."""
    _check_owner(ident, raw_events)
    with gc_paused(), sdb.database.connection_context():
        try:
            with sdb.atomic():
                results = _apply(sdb, ident, raw_events, careful=False)
        except STORE_ERRORS:
            log.warning(
                "push from %s failed on the fast path; replaying event by event",
                ident.terminal_id,
                exc_info=True,
            )
            with sdb.atomic():
                results = _apply(sdb, ident, raw_events, careful=True)
    seqs = [r.seq for r in results if r.seq is not None]
    return PushResponse(results, max(seqs, default=0))


def _apply(sdb: ServerDb, ident: TerminalIdentity, raw_events: list[Any], careful: bool) -> list[EventResult]:
    m = sdb.m
    coop = ident.cooperative_id
    sdb.lock(f"kkmp:terminal:{coop}:{ident.terminal_id}")
    now = utc_now()
    results: list[EventResult | None] = [None] * len(raw_events)
    quarantine: list[dict[str, Any]] = []
    valid: list[tuple[int, EventEnvelope, str]] = []
    payload_texts: dict[str, str] = {}  # event id → its payload's canonical JSON, encoded once

    def reject(i: int, raw: Any, reason: str) -> None:
        eid, seq, etype = _raw_ids(raw)
        reason = printable(reason)[:1000]
        results[i] = EventResult(eid, seq, REJECTED, reason)
        quarantine.append(
            {
                "cooperative_id": coop,
                "quarantine_id": uuid7(),
                "event_id": eid,
                "terminal_id": ident.terminal_id,
                "seq": seq,
                "type": etype,
                "reason": reason,
                # ASCII: a lone surrogate or a NUL is kept as its escape, which any database takes
                "raw": personal.scrubbed(json.dumps(raw, default=str)[:1_000_000]),
                "received_at": now,
            }
        )

    seen: set[str] = set()
    for i, raw in enumerate(raw_events):
        bad = problem(raw, MAX_EVENT_DEPTH)
        if bad is not None:
            reject(i, raw, f"{bad[0]} {bad[1]}")
            continue
        try:
            env = validate_envelope(raw)
        except WireError as exc:
            reject(i, raw, f"{exc.field} {exc.reason}")
            continue
        if env.event_id in seen:
            results[i] = EventResult(env.event_id, env.seq, DUPLICATE)
            continue
        seen.add(env.event_id)
        if env.store_id != ident.store_id:
            reject(i, raw, f"store_id {env.store_id} is not this terminal's store")
            continue
        chash, payload_texts[env.event_id] = env.hashed_payload()
        valid.append((i, env, chash))

    ids = [env.event_id for _, env, _ in valid]
    existing: dict[str, str] = {}
    earlier_rejects: dict[str, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for eid, chash in (
            m.EventModel.select(m.EventModel.event_id, m.EventModel.content_hash)
            .where((m.EventModel.cooperative_id == coop) & m.EventModel.event_id.in_(chunk))
            .tuples()
        ):
            existing[eid] = chash
        for eid, reason in (
            m.QuarantineModel.select(m.QuarantineModel.event_id, m.QuarantineModel.reason)
            .where((m.QuarantineModel.cooperative_id == coop) & m.QuarantineModel.event_id.in_(chunk))
            .tuples()
        ):
            earlier_rejects[eid] = reason

    fresh: list[tuple[int, EventEnvelope, str, Event]] = []
    for i, env, chash in valid:
        if env.event_id in existing:
            if existing[env.event_id] == chash:
                results[i] = EventResult(env.event_id, env.seq, DUPLICATE)
            else:
                _store_conflict(sdb, env, existing[env.event_id], chash, now)
                reason = "conflict: this event id was received before with other content"
                results[i] = EventResult(env.event_id, env.seq, REJECTED, reason)
            continue
        if env.event_id in earlier_rejects:  # sent again after a lost answer: same verdict
            results[i] = EventResult(env.event_id, env.seq, REJECTED, earlier_rejects[env.event_id])
            continue
        if env.type not in EVENT_TYPES:
            reject(i, raw_events[i], f"unknown event type '{env.type}'")
            continue
        try:
            event = check_payload(env)
        except Rejected as exc:
            reject(i, raw_events[i], f"payload: {exc.reason}")
            continue
        fresh.append((i, env, chash, event))

    created = _insert_events(sdb, fresh, payload_texts, now)
    rows = Rows(fast=not careful)
    for i, env, _, event in fresh:
        if env.event_id not in created:  # a concurrent writer stored it first
            results[i] = EventResult(env.event_id, env.seq, DUPLICATE)
            continue
        mark = rows.mark()
        try:
            if is_bulk(env) and not careful:
                project(sdb, env, event, rows)
            else:
                rows.flush(sdb)
                with sdb.database.atomic():  # savepoint: a refusal undoes only this event
                    project(sdb, env, event, rows)
                    rows.flush(sdb)
        except KnownDocument as exc:
            # the document came before under another event id: the first stays, this one is kept raw
            rows.undo(mark)
            results[i] = EventResult(env.event_id, env.seq, DUPLICATE, exc.reason)
            continue
        except (Rejected, *STORE_ERRORS) as exc:
            if not isinstance(exc, Rejected) and not careful:
                raise
            # what this event buffered was undone with its savepoint: it must not be written later
            rows.undo(mark)
            reason = exc.reason if isinstance(exc, Rejected) else f"database: {exc}"[:300]
            m.EventModel.delete().where(
                (m.EventModel.cooperative_id == coop) & (m.EventModel.event_id == env.event_id)
            ).execute()
            reject(i, raw_events[i], reason)
            continue
        results[i] = EventResult(env.event_id, env.seq, CREATED)
    rows.flush(sdb, final=True)
    sdb.insert_rows(m.QuarantineModel, quarantine)
    top = max((env.seq for _, env, _ in valid), default=0)
    m.TerminalModel.update(
        last_seq=peewee.fn.MAX(m.TerminalModel.last_seq, top)
        if not sdb.is_postgres
        else peewee.fn.GREATEST(m.TerminalModel.last_seq, top),
        last_push_at=now,
    ).where(
        (m.TerminalModel.cooperative_id == coop) & (m.TerminalModel.terminal_id == ident.terminal_id)
    ).execute()
    append_changes(sdb, rows.changes)  # last: the feed's scope locks are held only briefly
    return [r for r in results if r is not None]


def _insert_events(
    sdb: ServerDb, fresh: list[tuple[int, EventEnvelope, str, Event]], payload_texts: dict[str, str], now: str
) -> set[str]:
    """INSERT ... ON CONFLICT DO NOTHING; returns the event ids this transaction really inserted."""
    m = sdb.m
    created: set[str] = set()
    rows = [
        {
            "cooperative_id": env.cooperative_id,
            "event_id": env.event_id,
            "store_id": env.store_id,
            "terminal_id": env.terminal_id,
            "seq": env.seq,
            "type": env.type,
            "schema_version": env.schema_version,
            "occurred_at": env.occurred_at,
            "business_date": env.business_date,
            "payload": _stored_text(sdb, env, payload_texts[env.event_id]),
            "content_hash": chash,
            "received_at": now,
        }
        for _, env, chash, _ in fresh
    ]
    if sdb.is_postgres:
        created.update(sdb.insert_rows(m.EventModel, rows, True, returning="event_id"))
    else:
        # SQLite: this transaction holds the only write lock, so the pre-check above is exact
        sdb.insert_rows(m.EventModel, rows, ignore_conflicts=True)
        created.update(r["event_id"] for r in rows)
    return created


def _stored_text(sdb: ServerDb, env: EventEnvelope, text: str) -> str:
    """The payload's text as kept: personal numbers as hash + last 4 (the projection read the full
    ones in memory); most events carry none, and keep the text encoded for their hash."""
    stored = personal.stored_payload(sdb, env.cooperative_id, env.type, env.payload)
    return text if stored is env.payload else canonical_json(stored)


def _store_conflict(sdb: ServerDb, env: EventEnvelope, old: str, new: str, now: str) -> None:
    log.warning("event %s from %s conflicts with the stored one", env.event_id, env.terminal_id)
    sdb.m.ConflictModel.insert(
        cooperative_id=env.cooperative_id,
        conflict_id=uuid7(),
        event_id=env.event_id,
        terminal_id=env.terminal_id,
        seq=env.seq,
        existing_hash=old,
        received_hash=new,
        received=personal.scrubbed(canonical_json(env.to_dict())),
        received_at=now,
    ).execute()
