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
from kkmp_pos.db.database import database
from kkmp_pos.db.models import OutboxEventModel, TerminalModel

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
    """Queue one event. Must run inside the transaction that writes the document it records."""
    terminal = TerminalModel.select(TerminalModel.id, TerminalModel.next_seq).get()
    seq = terminal.next_seq
    TerminalModel.update(next_seq=TerminalModel.next_seq + 1).where(TerminalModel.id == terminal.id).execute()
    return OutboxEventModel.create(
        seq=seq,
        event_id=uuid7(),
        type=event_type,
        schema_version=schema_version,
        occurred_at=occurred_at,
        business_date=business_date,
        payload=dumps(payload),
        status="pending",
    )


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


def save_payloads(updates: Iterable[tuple[Mapping[str, Any], int]]) -> None:
    """Store enriched payloads of pending events, by seq (a batch sent again stays byte-identical)."""
    rows = [(dumps(payload), seq) for payload, seq in updates]
    if not rows:
        return
    with database.atomic():
        database.cursor().executemany(
            "UPDATE outbox_event SET payload = ? WHERE seq = ? AND status = 'pending'", rows
        )


def mark_results(results: list[Any], now_iso: str) -> tuple[int, int]:
    """Apply a push answer: created/duplicate -> acked, rejected -> rejected with the reason.

    Only pending rows change, so an answer arriving twice (a retried batch) is harmless. Returns
    (acked, rejected). Call inside a transaction.
    """
    acked = rejected = 0
    for result in results:
        if result.event_id:
            where = OutboxEventModel.event_id == result.event_id
        elif result.seq is not None:
            where = OutboxEventModel.seq == result.seq
        else:
            continue
        where &= OutboxEventModel.status == "pending"
        if result.status == "rejected":
            rejected += (
                OutboxEventModel.update(
                    status="rejected", reject_reason=result.reason or "", acked_at=now_iso
                )
                .where(where)
                .execute()
            )
        else:
            acked += OutboxEventModel.update(status="acked", acked_at=now_iso).where(where).execute()
    return acked, rejected


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
