"""The outbox writer: the only code that writes `outbox_event` rows and the terminal's sequence.

An event is queued in the transaction of the document it records, with a sequence number taken from
`terminal.next_seq` and bumped in the same (IMMEDIATE) transaction, so a number never repeats, even
after acknowledged events are pruned. The sync worker reads the queue (`sync/outbox.py`); every
change to it, from the first insert to the server's acknowledgement, goes through this module.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple, Protocol

from kkmp_pos.core.ids import uuid7
from kkmp_pos.db.database import database, write_when_free
from kkmp_pos.db.models import OutboxEventModel

SCHEMA_VERSION = 1


class Connection(Protocol):
    """A DB-API connection or cursor (the generator's own sqlite3 connection, or peewee's cursor)."""

    def execute(self, sql: str, params: Any = ..., /) -> Any: ...

    def executemany(self, sql: str, rows: Any, /) -> Any: ...


class NewEvent(NamedTuple):
    """One event for the bulk writer. `acked_at` is for generated history the server already has."""

    event_id: str
    type: str
    occurred_at: str
    business_date: str
    payload: Mapping[str, Any] | str  # a dict, or JSON already serialised by the caller
    schema_version: int = SCHEMA_VERSION
    acked_at: str | None = None


_COLUMNS = (
    "seq", "event_id", "type", "schema_version", "occurred_at", "business_date", "payload", "status",
    "acked_at", "reject_reason",
)  # fmt: skip
_INSERT_SQL = (
    'INSERT INTO "outbox_event" ('
    + ", ".join(f'"{c}"' for c in _COLUMNS)
    + ") VALUES ("
    + ", ".join("?" for _ in _COLUMNS)
    + ")"
)


def dumps(payload: Mapping[str, Any]) -> str:
    """The stored form of a payload: compact JSON, non-ASCII kept (names of goods and people)."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def append_event(
    event_type: str,
    payload: Mapping[str, Any],
    *,
    occurred_at: str,
    business_date: str,
    schema_version: int = SCHEMA_VERSION,
) -> OutboxEventModel:
    """Queue one event. Must run inside the transaction that writes the document it records.

    Prepared SQL (append_events's), not peewee queries: it runs in every sale's transaction."""
    con = database.cursor()
    terminal_id, seq = con.execute('SELECT "id", "next_seq" FROM "terminal"').fetchone()
    con.execute('UPDATE "terminal" SET "next_seq" = ? WHERE "id" = ?', (seq + 1, terminal_id))
    event = OutboxEventModel(
        seq=seq,
        event_id=uuid7(),
        type=event_type,
        schema_version=schema_version,
        occurred_at=occurred_at,
        business_date=business_date,
        payload=dumps(payload),
        status="pending",
    )
    con.execute(
        _INSERT_SQL,
        (
            seq,
            event.event_id,
            event_type,
            schema_version,
            occurred_at,
            business_date,
            event.payload,
            "pending",
            None,
            None,
        ),
    )
    return event


def append_events(events: Sequence[NewEvent], connection: Connection | None = None) -> int:
    """Queue many events in order with consecutive sequence numbers; returns the first one.

    One `executemany` and one sequence bump for the lot (the bulk generator writes a day of sales at a
    time). Runs on `connection` or the bound database, in the caller's transaction.
    """
    con: Connection = connection if connection is not None else database.cursor()
    terminal_id, first = con.execute('SELECT "id", "next_seq" FROM "terminal"').fetchone()
    if not events:
        return int(first)
    rows = [
        (
            first + n,
            e.event_id,
            e.type,
            e.schema_version,
            e.occurred_at,
            e.business_date,
            e.payload if isinstance(e.payload, str) else dumps(e.payload),
            "pending" if e.acked_at is None else "acked",
            e.acked_at,
            None,
        )
        for n, e in enumerate(events)
    ]
    con.executemany(_INSERT_SQL, rows)
    con.execute('UPDATE "terminal" SET "next_seq" = ? WHERE "id" = ?', (first + len(rows), terminal_id))
    return int(first)


# A push answer is recorded in short transactions of this many events each, so the sync worker never
# keeps a sale waiting for the write lock: 500 single-row peewee UPDATEs in one transaction held it
# ~50 ms (most of it spent building SQL text). Each chunk is complete on its own: an event whose answer
# was not recorded stays pending and is sent again, and the server answers `duplicate`.
WRITE_CHUNK = 50

_REJECT_BY_ID = (
    "UPDATE outbox_event SET status = 'rejected', reject_reason = ?, acked_at = ? "
    "WHERE event_id = ? AND +status = 'pending'"
)
_REJECT_BY_SEQ = (
    "UPDATE outbox_event SET status = 'rejected', reject_reason = ?, acked_at = ? "
    "WHERE seq = ? AND +status = 'pending'"
)


def _ack_sql(column: str, count: int) -> str:
    """One statement for a chunk's acknowledged events, a transaction of its own (`write_when_free`).

    `+status` keeps SQLite on the event_id (or seq) key: on `status = 'pending'` it chose the status
    index and walked every pending row (a week's backlog: 10,000) for each chunk of 100, lock held."""
    marks = ", ".join("?" * count)
    return (
        "UPDATE outbox_event SET status = 'acked', acked_at = ? "
        f"WHERE +status = 'pending' AND {column} IN ({marks})"
    )


def chunks(rows: Sequence[Any], size: int | None = None) -> Iterable[Sequence[Any]]:
    """`rows` in consecutive slices of at most `size` (default WRITE_CHUNK), one short write
    transaction each."""
    size = size or WRITE_CHUNK
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def save_payloads(updates: Iterable[tuple[Mapping[str, Any], int]]) -> None:
    """Store enriched payloads of pending events, by seq (a batch sent again stays byte-identical).

    One statement per WRITE_CHUNK rows: enriching is deterministic, so a row left unsaved by a crash
    is enriched the same way next time."""
    rows = [(dumps(payload), seq) for payload, seq in updates]
    for part in chunks(rows):
        cases = " ".join("WHEN ? THEN ?" for _ in part)
        marks = ", ".join("?" * len(part))
        params: list[Any] = [v for payload, seq in part for v in (seq, payload)]
        params += [seq for _, seq in part]
        write_when_free(
            f"UPDATE outbox_event SET payload = CASE seq {cases} END "
            f"WHERE status = 'pending' AND seq IN ({marks})",
            params,
        )


def mark_results(results: Sequence[Any], now_iso: str, chunk: int | None = None) -> tuple[int, int]:
    """Apply a push answer: created/duplicate -> acked, rejected -> rejected with the reason.

    Only pending rows change, so an answer arriving twice (a retried batch) is harmless. Returns
    (acked, rejected). Per `chunk` (WRITE_CHUNK) answers: one UPDATE for the acknowledged events, a
    transaction of its own, and one short transaction for the rejected ones (rare). Call it outside a
    transaction, or the lock is held for the whole answer again.
    """
    acked = rejected = 0
    for part in chunks(results, chunk):
        ack_ids = [r.event_id for r in part if r.status != "rejected" and r.event_id]
        ack_seqs = [r.seq for r in part if r.status != "rejected" and not r.event_id and r.seq is not None]
        rejects = [
            (_REJECT_BY_ID if r.event_id else _REJECT_BY_SEQ, (r.reason or "", now_iso, r.event_id or r.seq))
            for r in part
            if r.status == "rejected" and (r.event_id or r.seq is not None)
        ]
        statements = [
            (_ack_sql(col, len(keys)), [now_iso, *keys])
            for col, keys in (("event_id", ack_ids), ("seq", ack_seqs))
            if keys
        ]
        for sql, params in statements:
            acked += max(write_when_free(sql, params).rowcount, 0)
        if rejects:
            with database.atomic():
                cursor = database.cursor()
                for sql, row in rejects:
                    rejected += max(cursor.execute(sql, row).rowcount, 0)
    return acked, rejected


# Acknowledged events deleted per write transaction by the daily housekeeping (500 held the lock
# ~37 ms on the three-year benchmark shop).
PRUNE_BATCH = 200


def prune_acked(before_iso: str, batch: int | None = None) -> int:
    """Delete events the server acknowledged before `before_iso`; returns how many went.

    Pending and rejected events stay. Each batch is found by a read outside any write transaction and
    deleted by one statement, its own short transaction. The sequence lives in `terminal.next_seq`,
    never in the rows, so pruning the newest events too can never make a number come round again."""
    size = batch or PRUNE_BATCH
    removed = 0
    while True:
        seqs = database.execute_sql(
            "SELECT seq FROM outbox_event WHERE status = 'acked' AND acked_at < ? ORDER BY seq LIMIT ?",
            (before_iso, size),
        ).fetchall()
        if seqs:
            marks = ", ".join("?" * len(seqs))
            removed += max(
                write_when_free(
                    f"DELETE FROM outbox_event WHERE status = 'acked' AND seq IN ({marks})",
                    [seq for (seq,) in seqs],
                ).rowcount,
                0,
            )
            checkpoint_between_batches()
        if len(seqs) < size:
            return removed


def checkpoint_between_batches() -> None:
    """Copy the WAL back between a background job's batches, outside any transaction (PASSIVE waits
    for nobody). Deleting thousands of rows otherwise grows the WAL until SQLite's automatic
    checkpoint runs inside one of the job's own statements, making that one take ~100 ms."""
    database.execute_sql("PRAGMA wal_checkpoint(PASSIVE)")


def move_to_front(mine: set[int]) -> None:
    """Give the pending events in `mine` the lowest of the pending sequence numbers, keeping the
    order within each group. Two steps through negative numbers keep the primary key unique."""
    rows = [
        seq
        for (seq,) in OutboxEventModel.select(OutboxEventModel.seq)
        .where(OutboxEventModel.status == "pending")
        .order_by(OutboxEventModel.seq)
        .tuples()
    ]
    wanted = [s for s in rows if s in mine] + [s for s in rows if s not in mine]
    moves = [(-new, old) for new, old in zip(rows, wanted, strict=True) if new != old]
    if not moves:
        return
    database.cursor().executemany("UPDATE outbox_event SET seq = ? WHERE seq = ?", moves)
    database.execute_sql("UPDATE outbox_event SET seq = -seq WHERE seq < 0")


def redact_payloads(updates: Iterable[tuple[Mapping[str, Any], int]]) -> int:
    """Store payloads with personal data taken out (docs/PRIVACY.md), by seq, whatever the status: a
    member's erasure and the end of a buyer NIK's retention reach the events kept here too. Call
    inside the caller's transaction; returns the rows changed."""
    changed = 0
    for payload, seq in updates:
        changed += (
            OutboxEventModel.update(payload=dumps(payload)).where(OutboxEventModel.seq == seq).execute()
        )
    return changed
