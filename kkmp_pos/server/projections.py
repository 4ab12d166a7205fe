"""Turn accepted till events into the server's own rows (sales, returns, stock, members, products).

`check_payload` is pure and runs before anything is written, so a malformed event is quarantined
without leaving rows behind. Bulk-friendly rows (sales, lines, payments, returns, movements) gather in
a `Rows` buffer written with multi-row INSERTs once per batch; the few projections that update
existing rows run at once, after the buffer is flushed, inside a savepoint.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kkmp_pos.core import events
from kkmp_pos.server import catalog, personal, rollups
from kkmp_pos.server.db import ServerDb
from kkmp_pos.server.feed import MOVEMENT_REF, PendingChange
from kkmp_pos.sync.wire import EventEnvelope, WireError


class Rejected(Exception):
    """The event cannot be applied; `reason` goes to quarantine and back to the till."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class KnownDocument(Exception):
    """The event's sale or return was received before under another event id (a restored till, or
    the same sale sent again with another business date): the first stays, this one is kept raw
    only, and the till is told `duplicate` with `reason`."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class Rows:
    """Rows gathered across one push batch, written together by flush()."""

    documents: list[dict[str, Any]] = field(default_factory=list)
    sales: list[dict[str, Any]] = field(default_factory=list)
    lines: list[dict[str, Any]] = field(default_factory=list)
    payments: list[dict[str, Any]] = field(default_factory=list)
    returns: list[dict[str, Any]] = field(default_factory=list)
    movements: list[dict[str, Any]] = field(default_factory=list)
    changes: list[PendingChange] = field(default_factory=list)
    rollup: list[dict[str, Any]] = field(default_factory=list)  # deltas of daily_rollup (server.rollups)
    regulated: list[dict[str, Any]] = field(default_factory=list)  # the LPG logbook's lines
    # fast: plain inserts (COPY on PostgreSQL); a document id seen again under a new event id then
    # fails the batch, which ingest replays carefully (ON CONFLICT DO NOTHING keeps the first)
    fast: bool = False

    def mark(self) -> tuple[int, ...]:
        """Where each buffer stands, so undo() can drop what one event added."""
        return tuple(len(rows) for rows in self._buffers())

    def undo(self, mark: tuple[int, ...]) -> None:
        """Drop what was buffered since `mark` (the event's savepoint was rolled back)."""
        for rows, length in zip(self._buffers(), mark, strict=True):
            del rows[length:]

    def _buffers(self) -> tuple[list[Any], ...]:
        return (
            self.documents,
            self.sales,
            self.lines,
            self.payments,
            self.returns,
            self.movements,
            self.changes,
            self.rollup,
            self.regulated,
        )

    def flush(self, sdb: ServerDb, final: bool = False) -> None:
        m = sdb.m
        for model, rows in (
            # first: a document id already stored fails the fast path before its rows are written
            (m.DocumentModel, self.documents),
            (m.SaleModel, self.sales),
            (m.SaleLineModel, self.lines),
            (m.SalePaymentModel, self.payments),
            (m.ReturnModel, self.returns),
            (m.StockMovementModel, self.movements),
            (m.RegulatedSaleModel, self.regulated),
        ):
            # careful: claim_document already kept a document seen again out of the buffer
            sdb.insert_rows(model, rows, ignore_conflicts=not self.fast)
            rows.clear()
        if final:
            # once per push, sorted: two pushes of one store take the rollup rows' locks in one order
            rollups.write_deltas(sdb, self.rollup)
            self.rollup.clear()


def check_payload(env: EventEnvelope) -> events.Event:
    """The typed event of a payload, read through the event contract (`core/events.py`) before
    anything is written, so a malformed event is quarantined without leaving rows behind."""
    try:
        return events.parse_event(env.type, env.schema_version, env.payload)
    except events.EventError as exc:
        raise Rejected(str(exc)) from None


def is_bulk(env: EventEnvelope) -> bool:
    """True when the projection only inserts new rows (can wait in the buffer)."""
    return env.type in ("sale.completed", "return.completed") or env.type.startswith("stock.")


def project(sdb: ServerDb, env: EventEnvelope, event: events.Event, rows: Rows) -> None:
    """Project one accepted event (from check_payload); raises Rejected when the server's state
    refuses it."""
    coop = env.cooperative_id
    base = {"cooperative_id": coop, "business_date": env.business_date}
    if isinstance(event, events.SaleCompleted):
        claim_document(sdb, env, "sale", event.sale_id, rows)
        units = rollups.line_units(env, len(event.lines))
        rows.sales.append(
            base
            | {
                "sale_id": event.sale_id,
                "store_id": env.store_id,
                "terminal_id": env.terminal_id,
                "event_id": env.event_id,
                "receipt_no": event.receipt_no[:64],
                "status": event.status[:32],
                "total_rp": event.total_rp,
                "cashier": event.cashier.label[:200] if event.cashier else "",
                "member_id": event.member.id if event.member else None,
                "occurred_at": env.occurred_at,
            }
        )
        for no, line in enumerate(event.lines, start=1):
            rows.lines.append(
                base
                | {
                    "sale_id": event.sale_id,
                    "line_no": no,
                    "product_id": str(line.product_id)[:64],
                    "product_code": line.product_code[:64],
                    "name": line.name[:200],
                    "qty_milli": line.qty_milli,
                    "unit_price_rp": line.unit_price_rp,
                    "line_total_rp": line.line_total_rp,
                    "price_type": line.price_type[:32],
                    "business_unit": units[no - 1],
                }
            )
        _payments(env, event.sale_id, event.payments, rows, first_no=1)
        _movements(env, event.movements, rows, event.lines)
        rollups.sale_rollup(env, event, units, rows)
    elif isinstance(event, events.ReturnCompleted):
        _own_store(env, _known_sale(sdb, env.cooperative_id, event.sale_id))
        claim_document(sdb, env, "return", event.return_id, rows)
        rows.returns.append(
            base
            | {
                "return_id": event.return_id,
                "sale_id": event.sale_id,
                "store_id": env.store_id,
                "terminal_id": env.terminal_id,
                "event_id": env.event_id,
                "refund_rp": event.refund_rp,
                "occurred_at": env.occurred_at,
            }
        )
        rows.rollup.append(rollups.delta(coop, env.business_date, env.store_id, refund_rp=event.refund_rp))
        _movements(env, event.movements, rows)
    elif isinstance(event, events.StockReceived | events.StockWrittenOff | events.StockCountAdjusted):
        _movements(env, event.movements, rows)
    elif isinstance(event, events.SalePaymentConfirmed | events.SaleCancelled):
        _update_sale(sdb, env, event, rows)
    elif isinstance(event, events.MemberRegistered):
        # the member's fields are checked by the server's catalog rules, as an admin import's are
        member = env.payload.get("member", env.payload)
        upsert = catalog.upload_member if event.upload else catalog.upsert_member
        rows.changes += _catalog_call(upsert, sdb, coop, member)
    elif isinstance(event, events.MemberErased):
        # blanks the member's personal data wherever the server keeps it; the feed tells every till
        who = (
            f"{env.terminal_id}:{event.erased_by.name or event.erased_by.id}"
            if event.erased_by
            else env.terminal_id
        )
        rows.changes += personal.erase_member(sdb, coop, event.member_id, who)
    elif isinstance(event, events.ProductChanged) and event.upload:
        # a stand-alone shop's catalog sent at enrolment: only what the server does not know yet
        rows.changes += _catalog_call(catalog.upload_product, sdb, coop, event.product)
    elif isinstance(event, events.ProductChanged):
        product_changes = _catalog_call(catalog.upsert_product, sdb, coop, event.product)
        rows.changes += product_changes
        for price in event.prices:
            store = price.get("store_id") if isinstance(price, dict) else None
            if store and store != env.store_id:
                raise Rejected(f"prices: store {store} is not this terminal's store {env.store_id}")
            row = {"product_id": product_changes[0].key} | price
            rows.changes += _catalog_call(catalog.set_price, sdb, coop, row)


# Only `member.registered` and `product.changed` write beyond the terminal's own store: the
# cooperative's members and catalog (docs/SYNC.md, "Whose data a terminal writes"). Everything else
# is its store's: the envelope names the terminal's store (ingest checks it), a sale an event refers
# to must be that store's, and a store price only the terminal's own store.


def _known_sale(sdb: ServerDb, coop: str, sale_id: str) -> Any:
    m = sdb.m
    return m.SaleModel.get_or_none((m.SaleModel.cooperative_id == coop) & (m.SaleModel.sale_id == sale_id))


def _own_store(env: EventEnvelope, sale: Any) -> None:
    """Refuse an event about a sale of another store of the cooperative."""
    if sale is not None and sale.store_id != env.store_id:
        raise Rejected(
            f"sale {sale.sale_id} belongs to store {sale.store_id}, not to this terminal's store "
            f"{env.store_id}"
        )


def claim_document(sdb: ServerDb, env: EventEnvelope, doc_type: str, doc_id: str, rows: Rows) -> None:
    """Record that this event brings the document (a sale or return id, within the cooperative,
    whatever its business date). The key lives in `sync_document`, which is not partitioned, so the
    sale tables can be partitioned by date and still hold each sale once.

    Fast path: the key goes in the buffer, and one already stored fails the batch's insert, which
    sends the batch to the careful replay. Careful (inside the event's savepoint): inserted at once
    with ON CONFLICT DO NOTHING, which on PostgreSQL waits for a concurrent push of the same sale to
    settle, so two tills sending one sale at the same moment still store it once; KnownDocument
    if the key was there."""
    row = {
        "cooperative_id": env.cooperative_id,
        "doc_type": doc_type,
        "doc_id": doc_id,
        "business_date": env.business_date,
        "event_id": env.event_id,
    }
    if rows.fast:
        rows.documents.append(row)
        return
    m = sdb.m
    if m.DocumentModel.insert(**row).on_conflict_ignore().as_rowcount().execute():
        return
    first = m.DocumentModel.get(
        (m.DocumentModel.cooperative_id == env.cooperative_id)
        & (m.DocumentModel.doc_type == doc_type)
        & (m.DocumentModel.doc_id == doc_id)
    )
    raise KnownDocument(
        f"{doc_type} {doc_id} was received before (event {first.event_id}, "
        f"business date {first.business_date}); the first is kept"
    )


def _catalog_call(fn: Any, sdb: ServerDb, coop: str, row: dict[str, Any]) -> list[PendingChange]:
    try:
        return fn(sdb, coop, row)
    except (catalog.RowError, WireError) as exc:
        raise Rejected(f"{exc.field} {exc.reason}") from None


def _update_sale(
    sdb: ServerDb, env: EventEnvelope, event: events.SalePaymentConfirmed | events.SaleCancelled, rows: Rows
) -> None:
    m = sdb.m
    sale_id = event.sale_id
    sale = m.SaleModel.get_or_none(
        (m.SaleModel.cooperative_id == env.cooperative_id) & (m.SaleModel.sale_id == sale_id)
    )
    if sale is None:
        raise Rejected(f"sale {sale_id} is unknown to the server")
    _own_store(env, sale)
    if sale.status == "cancelled":
        raise Rejected(f"sale {sale_id} is already cancelled")
    new_status = "completed" if isinstance(event, events.SalePaymentConfirmed) else "cancelled"
    rollups.status_rollup(sdb, sale, new_status, event, rows)
    m.SaleModel.update(status=new_status).where(
        (m.SaleModel.cooperative_id == sale.cooperative_id)
        & (m.SaleModel.business_date == sale.business_date)
        & (m.SaleModel.sale_id == sale_id)
    ).execute()
    count = (
        m.SalePaymentModel.select()
        .where(
            (m.SalePaymentModel.cooperative_id == sale.cooperative_id)
            & (m.SalePaymentModel.business_date == sale.business_date)
            & (m.SalePaymentModel.sale_id == sale_id)
        )
        .count()
    )
    first = count + 1
    sale_base = {"business_date": sale.business_date}
    _payments(env, sale_id, event.payments, rows, first_no=first, override=sale_base)
    _movements(env, event.movements, rows)


def _payments(
    env: EventEnvelope,
    sale_id: str,
    payments: tuple[events.SalePayment, ...],
    rows: Rows,
    first_no: int,
    override: dict[str, Any] | None = None,
) -> None:
    for no, pay in enumerate(payments, start=first_no):
        row = {
            "cooperative_id": env.cooperative_id,
            "business_date": env.business_date,
            "sale_id": sale_id,
            "payment_no": no,
            "method": pay.method[:32],
            "amount_rp": pay.amount_rp,
            "event_id": env.event_id,
        }
        rows.payments.append(row | (override or {}))


def _movements(
    env: EventEnvelope,
    movements: tuple[events.StockMovement, ...],
    rows: Rows,
    lines: tuple[events.SaleLine, ...] = (),
) -> None:
    """Movement rows, and ONE feed entry per event that refers to them (feed.read_page expands it):
    the movements are not stored a second time as JSON in the change log."""
    # lines name the product too: events pushed before the till enriched its movements
    by_line = {str(ln.product_id): ln for ln in lines}
    ids = []
    for i, mv in enumerate(movements):
        movement_id = (mv.id or f"{env.event_id}:{i}")[:64]
        line = by_line.get(str(mv.product_id))
        rows.movements.append(
            {
                "cooperative_id": env.cooperative_id,
                "business_date": env.business_date,
                "movement_id": movement_id,
                "store_id": env.store_id,
                "terminal_id": env.terminal_id,
                "product_id": str(mv.product_id)[:64],
                "qty_milli": mv.qty_milli,
                "kind": mv.kind[:32],
                "event_id": env.event_id,
                "product_uid": (mv.product_uid or (line.product_uid if line else None) or "")[:64],
                "product_code": (mv.product_code or (line.product_code if line else None) or "")[:64],
            }
        )
        ids.append(movement_id)
    if ids:
        rows.changes.append(
            PendingChange(
                env.cooperative_id,
                "store",
                env.store_id,
                "stock_movement",
                env.event_id,
                {"business_date": env.business_date, "movement_ids": ids},
                op=MOVEMENT_REF,
                origin_terminal_id=env.terminal_id,
            )
        )
