"""The stock ledger writer: the only code that appends stock movements and moves the on-hand caches.

`stock_movement` is the ledger; `product.on_hand_milli` and `batch.on_hand_milli` are caches of its
sums. Both change here, in the caller's transaction, so the caches can never drift from the ledger:
services, sync-apply and the bulk generator all write stock through these functions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol

from kkmp_pos.core.ids import uuid7
from kkmp_pos.core.money import line_total_rp
from kkmp_pos.db.database import database
from kkmp_pos.db.models import BatchModel


class LedgerStamp(Protocol):
    """What a movement takes from the till it is made on: the terminal and the clock."""

    @property
    def terminal_id(self) -> str: ...

    def now_iso(self) -> str: ...

    def business_date(self) -> str: ...


class Executor(Protocol):
    """A DB-API connection or cursor: the generator's own sqlite3 connection, or peewee's cursor."""

    def executemany(self, sql: str, rows: Any, /) -> Any: ...


@dataclass(frozen=True)
class Movement:
    id: str
    product_id: int
    batch_id: int | None
    qty_milli: int
    kind: str
    unit_cost_rp: int

    @property
    def cost_rp(self) -> int:
        """The movement's value at the cost it carries (half-up, like a line total), whatever its sign."""
        return line_total_rp(self.unit_cost_rp, abs(self.qty_milli))

    def as_payload(self) -> dict[str, object]:
        return {
            "id": self.id,
            "product_id": self.product_id,
            "batch_id": self.batch_id,
            "qty_milli": self.qty_milli,
            "kind": self.kind,
            "unit_cost_rp": self.unit_cost_rp,
        }


class MovementRow(NamedTuple):
    """One ledger row in full, for the bulk writer (columns in table order)."""

    id: str
    product_id: int
    batch_id: int | None
    qty_milli: int
    kind: str
    doc_id: str
    unit_cost_rp: int
    terminal_id: str
    created_at: str
    business_date: str


_INSERT_SQL = (
    'INSERT INTO "stock_movement" ('
    + ", ".join(f'"{name}"' for name in MovementRow._fields)
    + ") VALUES ("
    + ", ".join("?" for _ in MovementRow._fields)
    + ")"
)
_PRODUCT_CACHE_SQL = 'UPDATE "product" SET "on_hand_milli" = "on_hand_milli" + ? WHERE "id" = ?'
_BATCH_CACHE_SQL = 'UPDATE "batch" SET "on_hand_milli" = "on_hand_milli" + ? WHERE "id" = ?'


def record_movement(
    stamp: LedgerStamp,
    *,
    product_id: int,
    qty_milli: int,
    kind: str,
    doc_id: str,
    batch_id: int | None = None,
    unit_cost_rp: int = 0,
    created_at: str | None = None,
    business_date: str | None = None,
) -> Movement:
    """Append one signed movement and update the product (and batch) cache. Call inside atomic()."""
    movement = Movement(uuid7(), product_id, batch_id, qty_milli, kind, unit_cost_rp)
    # Prepared SQL text, not a peewee query: building the statements cost more than running them, on
    # every line of every sale.
    cursor = database.cursor()
    cursor.execute(
        _INSERT_SQL,
        MovementRow(
            movement.id,
            product_id,
            batch_id,
            qty_milli,
            kind,
            doc_id,
            unit_cost_rp,
            stamp.terminal_id,
            created_at or stamp.now_iso(),
            business_date or stamp.business_date(),
        ),
    )
    cursor.execute(_PRODUCT_CACHE_SQL, (qty_milli, product_id))
    if batch_id is not None:
        cursor.execute(_BATCH_CACHE_SQL, (qty_milli, batch_id))
    return movement


def record_movements(rows: Sequence[MovementRow | tuple[Any, ...]], executor: Executor | None = None) -> None:
    """Append many complete ledger rows and add their net quantities to the caches, in bulk.

    One `executemany` for the rows and one UPDATE per product (and batch) touched, however many rows
    name it: a day of generated sales or a pulled page moves each product's cache once. Runs on
    `executor` (a sqlite3 connection or cursor) or on the bound database, in the caller's transaction.
    """
    if not rows:
        return
    by_product: dict[int, int] = {}
    by_batch: dict[int, int] = {}
    for row in rows:
        product_id, batch_id, qty = row[1], row[2], row[3]
        by_product[product_id] = by_product.get(product_id, 0) + qty
        if batch_id is not None:
            by_batch[batch_id] = by_batch.get(batch_id, 0) + qty
    target = executor if executor is not None else database.cursor()
    target.executemany(_INSERT_SQL, rows)
    # in key order: each UPDATE lands near the previous one in the table's b-tree
    target.executemany(_PRODUCT_CACHE_SQL, [(qty, pid) for pid, qty in sorted(by_product.items()) if qty])
    if by_batch:
        target.executemany(_BATCH_CACHE_SQL, [(qty, bid) for bid, qty in sorted(by_batch.items()) if qty])


def allocate_fefo(product_id: int, qty_milli: int, today: str) -> list[tuple[int | None, int]]:
    """Split a sale of `qty_milli` over batches, first-expiry-first-out, skipping expired ones.

    Whatever the batches do not cover is taken from stock without a batch (None), so a sale is never
    blocked by a missing receipt; the stock module reports negative or unbatched stock.
    """
    batches = (
        BatchModel.select()
        .where(
            (BatchModel.product == product_id)
            & (BatchModel.on_hand_milli > 0)
            & ((BatchModel.expiry.is_null()) | (BatchModel.expiry >= today))
        )
        .order_by(BatchModel.expiry.asc(nulls="LAST"), BatchModel.id)
    )
    parts: list[tuple[int | None, int]] = []
    left = qty_milli
    for batch in batches:
        if left <= 0:
            break
        take = min(left, batch.on_hand_milli)
        parts.append((batch.id, take))
        left -= take
    if left > 0:
        parts.append((None, left))
    return parts
