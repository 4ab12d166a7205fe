"""Turn accepted till events into the server's own rows (sales, returns, stock, members, products).

`check_payload` is pure and runs before anything is written, so a malformed event is quarantined
without leaving rows behind. Bulk-friendly rows (sales, lines, payments, returns, movements) gather in
a `Rows` buffer written with multi-row INSERTs once per batch; the few projections that update
existing rows run at once, after the buffer is flushed, inside a savepoint.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kkmp_pos.server import catalog
from kkmp_pos.server.db import ServerDb
from kkmp_pos.server.feed import MOVEMENT_REF, PendingChange
from kkmp_pos.sync.wire import EventEnvelope, WireError

_MAX_INT = 2**53


class Rejected(Exception):
    """The event cannot be applied; `reason` goes to quarantine and back to the till."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _int(obj: dict[str, Any], *names: str, signed: bool = False, where: str = "") -> int:
    for name in names:
        if name in obj:
            value = obj[name]
            if not isinstance(value, int) or isinstance(value, bool) or abs(value) > _MAX_INT:
                raise Rejected(f"{where}{name} must be an integer")
            if not signed and value < 0:
                raise Rejected(f"{where}{name} must not be negative")
            return value
    raise Rejected(f"{where}{names[0]} is missing")


def _str(obj: dict[str, Any], *names: str, where: str = "", required: bool = True) -> str:
    for name in names:
        value = obj.get(name)
        if isinstance(value, str) and value:
            if len(value) > 200:
                raise Rejected(f"{where}{name} is too long")
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
    if required:
        raise Rejected(f"{where}{names[0]} is missing")
    return ""


def _list(obj: dict[str, Any], name: str) -> list[dict[str, Any]]:
    value = obj.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise Rejected(f"{name} must be a list of objects")
    return value


def _total(payload: dict[str, Any], *names: str) -> int:
    totals = payload.get("totals")
    if isinstance(totals, dict):
        for name in names:
            if name in totals:
                return _int(totals, name, where="totals.")
    return _int(payload, *names)


def _name(value: object) -> str:
    if isinstance(value, dict):
        return str(value.get("name") or value.get("id") or "")[:200]
    return str(value or "")[:200]


def _member_id(value: object) -> str | None:
    if isinstance(value, dict):
        found = value.get("member_id") or value.get("id")
        return str(found) if found else None
    return str(value) if value else None


@dataclass
class Rows:
    """Rows gathered across one push batch, written together by flush()."""

    sales: list[dict[str, Any]] = field(default_factory=list)
    lines: list[dict[str, Any]] = field(default_factory=list)
    payments: list[dict[str, Any]] = field(default_factory=list)
    returns: list[dict[str, Any]] = field(default_factory=list)
    movements: list[dict[str, Any]] = field(default_factory=list)
    changes: list[PendingChange] = field(default_factory=list)
    # fast: plain inserts (COPY on PostgreSQL); a document id seen again under a new event id then
    # fails the batch, which ingest replays carefully (ON CONFLICT DO NOTHING keeps the first)
    fast: bool = False

    def flush(self, sdb: ServerDb) -> None:
        m = sdb.m
        for model, rows in (
            (m.SaleModel, self.sales),
            (m.SaleLineModel, self.lines),
            (m.SalePaymentModel, self.payments),
            (m.ReturnModel, self.returns),
            (m.StockMovementModel, self.movements),
        ):
            # a document id seen again under a new event id (a restored till) keeps the first
            sdb.insert_rows(model, rows, ignore_conflicts=not self.fast)
            rows.clear()


def check_payload(env: EventEnvelope) -> None:
    """Reject a payload that its type cannot be projected from, before anything is written."""
    p = env.payload
    t = env.type
    if t == "sale.completed":
        _str(p, "sale_id", "id")
        _total(p, "total_rp", "grand_total_rp")
        for i, line in enumerate(_list(p, "lines")):
            _str(line, "product_id", where=f"lines[{i}].")
            _int(line, "qty_milli", signed=True, where=f"lines[{i}].")
            _int(line, "unit_price_rp", where=f"lines[{i}].")
            _int(line, "line_total_rp", signed=True, where=f"lines[{i}].")
        for i, pay in enumerate(_list(p, "payments")):
            _str(pay, "method", where=f"payments[{i}].")
            _int(pay, "amount_rp", signed=True, where=f"payments[{i}].")
        _check_movements(p)
    elif t in ("sale.payment_confirmed", "sale.cancelled"):
        _str(p, "sale_id")
        for i, pay in enumerate(_list(p, "payments")):
            _str(pay, "method", where=f"payments[{i}].")
            _int(pay, "amount_rp", signed=True, where=f"payments[{i}].")
        _check_movements(p)
    elif t == "return.completed":
        _str(p, "return_id", "id")
        _total(p, "refund_rp", "total_rp")
        _check_movements(p)
    elif t.startswith("stock."):
        if not _movements_of(p):
            raise Rejected("movements is missing")
        _check_movements(p)
    elif t == "member.registered":
        member = p.get("member", p)
        if not isinstance(member, dict):
            raise Rejected("member must be an object")
        _str(member, "member_no", "number")
        _str(member, "name")
    elif t == "product.changed":
        product = p.get("product", p)
        if not isinstance(product, dict):
            raise Rejected("product must be an object")
        _str(product, "code")
        _str(product, "name")


def _movements_of(p: dict[str, Any]) -> list[dict[str, Any]]:
    if "movements" in p:
        return _list(p, "movements")
    return [p] if "product_id" in p and "qty_milli" in p else []


def _check_movements(p: dict[str, Any]) -> None:
    for i, mv in enumerate(_movements_of(p)):
        _str(mv, "product_id", where=f"movements[{i}].")
        _int(mv, "qty_milli", signed=True, where=f"movements[{i}].")


def is_bulk(env: EventEnvelope) -> bool:
    """True when the projection only inserts new rows (can wait in the buffer)."""
    return env.type in ("sale.completed", "return.completed") or env.type.startswith("stock.")


def project(sdb: ServerDb, env: EventEnvelope, rows: Rows) -> None:
    """Project one accepted event; raises Rejected when the server's state refuses it."""
    p = env.payload
    coop = env.cooperative_id
    base = {"cooperative_id": coop, "business_date": env.business_date}
    t = env.type
    if t == "sale.completed":
        sale_id = _str(p, "sale_id", "id")
        rows.sales.append(
            base
            | {
                "sale_id": sale_id,
                "store_id": env.store_id,
                "terminal_id": env.terminal_id,
                "event_id": env.event_id,
                "receipt_no": _str(p, "receipt_no", required=False)[:64],
                "status": _str(p, "status", required=False)[:32] or "completed",
                "total_rp": _total(p, "total_rp", "grand_total_rp"),
                "cashier": _name(p.get("cashier")),
                "member_id": _member_id(p.get("member")),
                "occurred_at": env.occurred_at,
            }
        )
        for no, line in enumerate(_list(p, "lines"), start=1):
            rows.lines.append(
                base
                | {
                    "sale_id": sale_id,
                    "line_no": no,
                    "product_id": str(line["product_id"])[:64],
                    "product_code": str(line.get("product_code") or "")[:64],
                    "name": str(line.get("name") or "")[:200],
                    "qty_milli": line["qty_milli"],
                    "unit_price_rp": line["unit_price_rp"],
                    "line_total_rp": line["line_total_rp"],
                    "price_type": str(line.get("price_type") or "")[:32],
                }
            )
        _payments(env, sale_id, p, rows, first_no=1)
        _movements(env, p, rows, "sale")
    elif t == "return.completed":
        rows.returns.append(
            base
            | {
                "return_id": _str(p, "return_id", "id"),
                "sale_id": _str(p, "sale_id", required=False) or None,
                "store_id": env.store_id,
                "terminal_id": env.terminal_id,
                "event_id": env.event_id,
                "refund_rp": _total(p, "refund_rp", "total_rp"),
                "occurred_at": env.occurred_at,
            }
        )
        _movements(env, p, rows, "return")
    elif t.startswith("stock."):
        _movements(env, p, rows, t.split(".", 1)[1])
    elif t in ("sale.payment_confirmed", "sale.cancelled"):
        _update_sale(sdb, env, rows)
    elif t == "member.registered":
        member = p.get("member", p)
        upsert = catalog.upload_member if p.get("upload") is True else catalog.upsert_member
        rows.changes += _catalog_call(upsert, sdb, coop, member)
    elif t == "product.changed" and p.get("upload") is True:
        # a stand-alone shop's catalog sent at enrolment: only what the server does not know yet
        rows.changes += _catalog_call(catalog.upload_product, sdb, coop, p.get("product", p))
    elif t == "product.changed":
        product = p.get("product", p)
        product_changes = _catalog_call(catalog.upsert_product, sdb, coop, product)
        rows.changes += product_changes
        for price in _list(p, "prices"):
            row = {"product_id": product_changes[0].key} | price
            rows.changes += _catalog_call(catalog.set_price, sdb, coop, row)


def _catalog_call(fn: Any, sdb: ServerDb, coop: str, row: dict[str, Any]) -> list[PendingChange]:
    try:
        return fn(sdb, coop, row)
    except (catalog.RowError, WireError) as exc:
        raise Rejected(f"{exc.field} {exc.reason}") from None


def _update_sale(sdb: ServerDb, env: EventEnvelope, rows: Rows) -> None:
    m = sdb.m
    p = env.payload
    sale_id = _str(p, "sale_id")
    sale = m.SaleModel.get_or_none(
        (m.SaleModel.cooperative_id == env.cooperative_id) & (m.SaleModel.sale_id == sale_id)
    )
    if sale is None:
        raise Rejected(f"sale {sale_id} is unknown to the server")
    if sale.status == "cancelled":
        raise Rejected(f"sale {sale_id} is already cancelled")
    new_status = "completed" if env.type == "sale.payment_confirmed" else "cancelled"
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
    _payments(env, sale_id, p, rows, first_no=first, override=sale_base)
    _movements(env, p, rows, "cancel" if new_status == "cancelled" else "sale")


def _payments(
    env: EventEnvelope,
    sale_id: str,
    p: dict[str, Any],
    rows: Rows,
    first_no: int,
    override: dict[str, Any] | None = None,
) -> None:
    for no, pay in enumerate(_list(p, "payments"), start=first_no):
        row = {
            "cooperative_id": env.cooperative_id,
            "business_date": env.business_date,
            "sale_id": sale_id,
            "payment_no": no,
            "method": str(pay["method"])[:32],
            "amount_rp": pay["amount_rp"],
            "event_id": env.event_id,
        }
        rows.payments.append(row | (override or {}))


def _movements(env: EventEnvelope, p: dict[str, Any], rows: Rows, default_kind: str) -> None:
    """Movement rows, and ONE feed entry per event that refers to them (feed.read_page expands it):
    the movements are not stored a second time as JSON in the change log."""
    # lines name the product too: events pushed before the till enriched its movements
    by_line = {str(ln.get("product_id")): ln for ln in _list(p, "lines")}
    ids = []
    for i, mv in enumerate(_movements_of(p)):
        movement_id = str(mv.get("movement_id") or mv.get("id") or f"{env.event_id}:{i}")[:64]
        line = by_line.get(str(mv["product_id"]), {})
        rows.movements.append(
            {
                "cooperative_id": env.cooperative_id,
                "business_date": env.business_date,
                "movement_id": movement_id,
                "store_id": env.store_id,
                "terminal_id": env.terminal_id,
                "product_id": str(mv["product_id"])[:64],
                "qty_milli": mv["qty_milli"],
                "kind": str(mv.get("kind") or mv.get("reason") or default_kind)[:32],
                "event_id": env.event_id,
                "product_uid": str(mv.get("product_uid") or line.get("product_uid") or "")[:64],
                "product_code": str(mv.get("product_code") or line.get("product_code") or "")[:64],
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
