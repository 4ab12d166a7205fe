"""The transactional outbox: events written with their document, in the envelope of SYNC.md."""

from __future__ import annotations

import json
from typing import Any

from kkmp_pos.core.ids import uuid7
from kkmp_pos.db.models import OutboxEventModel, StoreModel, TerminalModel

SCHEMA_VERSION = 1


def append_event(
    event_type: str,
    payload: dict[str, Any],
    *,
    occurred_at: str,
    business_date: str,
    schema_version: int = SCHEMA_VERSION,
) -> OutboxEventModel:
    """Queue one event. Must run inside the transaction that writes the document it records.

    The sequence number comes from the terminal row, bumped in the same (IMMEDIATE) transaction, so
    it never repeats, even after acknowledged events are pruned.
    """
    terminal = TerminalModel.select(TerminalModel.id, TerminalModel.next_seq).get()
    seq = terminal.next_seq
    TerminalModel.update(next_seq=TerminalModel.next_seq + 1).where(
        TerminalModel.id == terminal.id
    ).execute()
    return OutboxEventModel.create(
        seq=seq,
        event_id=uuid7(),
        type=event_type,
        schema_version=schema_version,
        occurred_at=occurred_at,
        business_date=business_date,
        payload=json.dumps(payload, ensure_ascii=False, separators=(",", ":")),
        status="pending",
    )


def envelope(
    event: OutboxEventModel,
    store: StoreModel | None = None,
    terminal: TerminalModel | None = None,
) -> dict[str, Any]:
    """The wire form of one outbox row (SYNC.md)."""
    store = store or StoreModel.get()
    terminal = terminal or TerminalModel.get()
    return {
        "event_id": event.event_id,
        "cooperative_id": store.cooperative_id,
        "store_id": store.id,
        "terminal_id": terminal.id,
        "seq": event.seq,
        "type": event.type,
        "schema_version": event.schema_version,
        "occurred_at": event.occurred_at,
        "business_date": event.business_date,
        "payload": json.loads(event.payload),
    }


def pending_events(limit: int = 500) -> list[dict[str, Any]]:
    """The oldest events not yet acknowledged, in sequence order, as envelopes."""
    rows = (
        OutboxEventModel.select()
        .where(OutboxEventModel.status == "pending")
        .order_by(OutboxEventModel.seq)
        .limit(limit)
    )
    if not rows:
        return []
    store = StoreModel.get()
    terminal = TerminalModel.get()
    return [envelope(e, store, terminal) for e in rows]


def pending_count() -> int:
    return OutboxEventModel.select().where(OutboxEventModel.status == "pending").count()
