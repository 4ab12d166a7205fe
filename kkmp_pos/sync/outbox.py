"""The outbox as the sync worker reads it: pending events in the envelope of SYNC.md.

Events are written (and acknowledged) by the outbox writer, `db/outbox.py`."""

from __future__ import annotations

import json
from typing import Any

from kkmp_pos.db.models import OutboxEventModel, ProductModel, StoreModel, TerminalModel
from kkmp_pos.db.outbox import save_payloads


def envelope(
    event: OutboxEventModel,
    store: StoreModel | None = None,
    terminal: TerminalModel | None = None,
    payload: dict[str, Any] | None = None,
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
        "payload": payload if payload is not None else json.loads(event.payload),
    }


def pending_events(limit: int = 500) -> list[dict[str, Any]]:
    """The oldest events not yet acknowledged, in sequence order, as envelopes.

    Stock movements (and sale lines) carry the till's local integer product id; other tills and the
    server need the product's identity. It is added here, at push time, for the whole batch with one
    query (never on the sale path), and written back to the outbox row so a batch sent again is
    byte-for-byte the same event (the server compares content hashes)."""
    rows = list(
        OutboxEventModel.select()
        .where(OutboxEventModel.status == "pending")
        .order_by(OutboxEventModel.seq)
        .limit(limit)
    )
    if not rows:
        return []
    store = StoreModel.get()
    terminal = TerminalModel.get()
    payloads = _with_product_identity(rows)
    out = []
    for event in rows:
        env = envelope(event, store, terminal, payloads.get(event.seq))
        out.append(env)
    return out


def _needs_identity(items: Any) -> list[dict[str, Any]]:
    if not isinstance(items, list):
        return []
    return [
        x
        for x in items
        if isinstance(x, dict) and isinstance(x.get("product_id"), int) and "product_uid" not in x
    ]


def _with_product_identity(rows: list[OutboxEventModel]) -> dict[int, dict[str, Any]]:
    """Parsed payloads of the rows that needed product uids/codes, enriched and saved; by seq."""
    todo: dict[int, tuple[dict[str, Any], list[dict[str, Any]]]] = {}
    for row in rows:
        if '"product_id"' not in row.payload:
            continue  # cheap test before parsing: most events name no product
        payload = json.loads(row.payload)
        items = _needs_identity(payload.get("movements")) + _needs_identity(payload.get("lines"))
        if items:
            todo[row.seq] = (payload, items)
    if not todo:
        return {}
    ids = {x["product_id"] for _, items in todo.values() for x in items}
    known = {
        pid: (uid, code)
        for pid, uid, code in ProductModel.select(ProductModel.id, ProductModel.uid, ProductModel.code)
        .where(ProductModel.id.in_(list(ids)))
        .tuples()
    }
    for _payload, items in todo.values():
        for item in items:
            uid, code = known.get(item["product_id"], ("", ""))
            item["product_uid"] = uid
            item.setdefault("product_code", code)
    save_payloads((payload, seq) for seq, (payload, _) in todo.items())
    return {seq: payload for seq, (payload, _) in todo.items()}


def pending_count() -> int:
    return OutboxEventModel.select().where(OutboxEventModel.status == "pending").count()


def oldest_pending_at() -> str | None:
    """occurred_at of the oldest event still waiting, or None."""
    row = (
        OutboxEventModel.select(OutboxEventModel.occurred_at)
        .where(OutboxEventModel.status == "pending")
        .order_by(OutboxEventModel.seq)
        .first()
    )
    return row.occurred_at if row else None


def rejected_events(limit: int = 200) -> list[OutboxEventModel]:
    """Events the server quarantined, newest first, for the 'sync problems' view."""
    return list(
        OutboxEventModel.select()
        .where(OutboxEventModel.status == "rejected")
        .order_by(OutboxEventModel.seq.desc())
        .limit(limit)
    )
