"""Row builders for the large-shop generator: column lists, INSERT statements, ids, event payloads."""

from __future__ import annotations

import json
import random
from collections.abc import Sequence

import peewee

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


def event_payload(
    sale_id: str,
    receipt_no: str,
    cashier: tuple[int, str],
    member: tuple[str, str] | None,
    now_iso: str,
    subtotal: int,
    due: int,
    change: int,
    savings: int,
    lines: list[tuple[object, ...]],
    payment: tuple[object, ...],
    movements: list[tuple[object, ...]],
    catalog_codes: list[str],
) -> str:
    """The sale.completed payload in the shape SaleService._event_payload writes."""
    body = {
        "sale_id": sale_id,
        "receipt_no": receipt_no,
        "cashier": {"id": cashier[0], "name": cashier[1]},
        "member": {"id": member[0], "number": member[1]} if member else None,
        "status": "completed",
        "created_at": now_iso,
        "subtotal_rp": subtotal,
        "discount_rp": 0,
        "total_rp": subtotal,
        "rounding_rp": due - subtotal,
        "change_rp": change,
        "member_savings_rp": savings,
        "lines": [
            {
                "line_no": ln[1],
                "product_id": ln[2],
                "product_code": code,
                "unit_id": None,
                "name": ln[4],
                "unit_label": ln[5],
                "qty_milli": ln[6],
                "base_qty_milli": ln[7],
                "unit_price_rp": ln[8],
                "regular_price_rp": ln[9],
                "price_type": ln[10],
                "discount_rp": 0,
                "line_total_rp": ln[12],
            }
            for ln, code in zip(lines, catalog_codes, strict=True)
        ],
        "payments": [
            dict(
                zip(
                    ("id", "method", "amount_rp", "tendered_rp", "change_rp", "reference", "status"),
                    (payment[0], *payment[2:8]),
                    strict=True,
                )
            )
        ],
        "movements": [
            {
                "id": m[0],
                "product_id": m[1],
                "batch_id": None,
                "qty_milli": m[3],
                "kind": "sale",
                "unit_cost_rp": m[6],
            }
            for m in movements
        ],
    }
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"))
