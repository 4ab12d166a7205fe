"""Row builders for the large-shop generator: column lists, INSERT statements, ids, and the rows of a sale
derived from its event (core/events.py), so the generated rows and outbox payload cannot disagree."""

from __future__ import annotations

import json
import random
from collections.abc import Sequence

import peewee

from kkmp_pos.core.events import SaleCompleted
from kkmp_pos.db.models import BaseModel


def insert_sql(model: type[BaseModel], columns: Sequence[str]) -> str:
    """An INSERT for these columns; columns added to the model later get their default (or NULL).

    A new NOT NULL column without a default fails loudly: the generator must learn what to put there.
    """
    meta = model._meta
    auto = {meta.primary_key.column_name} if isinstance(meta.primary_key, peewee.AutoField) else set()
    unknown = set(columns) - set(meta.columns)
    names = [f'"{c}"' for c in columns]
    values = ["?" for _ in columns]
    for name, fld in meta.columns.items():
        if name in columns or name in auto:
            continue
        default = fld.default() if callable(fld.default) else fld.default
        if default is None and not fld.null:
            unknown.add(name)
        names.append(f'"{name}"')
        values.append(sql_literal(default))
    if unknown:
        raise RuntimeError(f"bulkgen out of date for {model.__name__}: {sorted(unknown)}")
    return f'INSERT INTO "{meta.table_name}" ({", ".join(names)}) VALUES ({", ".join(values)})'


def sql_literal(value: object) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool | int):
        return str(int(value))
    return "'" + str(value).replace("'", "''") + "'"


def uuid7_at(moment_ms: int, rng: random.Random) -> str:
    """A UUIDv7 for a past moment, from a seeded generator (past documents keep their time order)."""
    value = (moment_ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= rng.getrandbits(12) << 64
    value |= 0b10 << 62
    value |= rng.getrandbits(62)
    h = f"{value:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


PRODUCT_COLUMNS = (
    "id", "uid", "code", "name", "search_text", "base_unit", "is_weighed", "category_id",
    "business_unit", "supplier_id", "cost_rp", "regular_price_rp", "member_price_rp", "ceiling_rp",
    "reorder_level_milli", "track_batches", "drug_class", "requires_nik", "active", "on_hand_milli",
    "updated_at",
)  # fmt: skip


SALE_COLUMNS = (
    "id", "receipt_no", "receipt_code", "terminal_id", "cashier_id", "shift_id", "member_id", "status",
    "subtotal_rp", "discount_rp", "total_rp", "rounding_rp", "paid_rp", "change_rp", "member_savings_rp",
    "created_at", "business_date",
)  # fmt: skip
LINE_COLUMNS = (
    "sale_id", "line_no", "product_id", "unit_id", "name", "unit_label", "qty_milli", "base_qty_milli",
    "unit_price_rp", "regular_price_rp", "price_type", "discount_rp", "line_total_rp",
)  # fmt: skip
PAYMENT_COLUMNS = (
    "id", "sale_id", "method", "amount_rp", "tendered_rp", "change_rp", "reference", "status", "created_at",
)  # fmt: skip
JOB_COLUMNS = (
    "kind", "doc_id", "document", "is_copy", "status", "attempts", "last_error", "printer_uri",
    "created_at", "sent_at",
)  # fmt: skip


def sale_rows(
    event: SaleCompleted, receipt_code: str, terminal_id: str, paid_rp: int, bdate: str
) -> dict[str, list[tuple[object, ...]]]:
    """The sale, sale_line, payment and stock_movement rows of a sale, from its event."""
    sale_id, now_iso = event.sale_id, event.created_at
    cashier_id = event.cashier.id if event.cashier else None
    member_id = event.member.id if event.member else None
    sale = (sale_id, event.receipt_no, receipt_code, terminal_id, cashier_id, None, member_id, event.status,
            event.subtotal_rp, event.discount_rp, event.total_rp, event.rounding_rp, paid_rp, event.change_rp,
            event.member_savings_rp, now_iso, bdate)  # fmt: skip
    lines = [
        (sale_id, ln.line_no, ln.product_id, ln.unit_id, ln.name, ln.unit_label, ln.qty_milli,
         ln.base_qty_milli, ln.unit_price_rp, ln.regular_price_rp, ln.price_type, ln.discount_rp,
         ln.line_total_rp)
        for ln in event.lines
    ]  # fmt: skip
    payments = [
        (p.id, sale_id, p.method, p.amount_rp, p.tendered_rp, p.change_rp, p.reference, p.status, now_iso)
        for p in event.payments
    ]  # fmt: skip
    movements = [
        (m.id, m.product_id, m.batch_id, m.qty_milli, m.kind, sale_id, m.unit_cost_rp, terminal_id, now_iso,
         bdate)
        for m in event.movements
    ]  # fmt: skip
    return {"sale": [sale], "line": lines, "payment": payments, "movement": movements}


def event_json(event: SaleCompleted) -> str:
    """The outbox payload text of a sale event, as the outbox writes it."""
    return json.dumps(event.to_payload(), ensure_ascii=False, separators=(",", ":"))
