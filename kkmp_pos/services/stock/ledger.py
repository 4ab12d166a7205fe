"""The stock ledger: every movement written with its on-hand caches, in the caller's transaction."""

from __future__ import annotations

from dataclasses import dataclass

from kkmp_pos.core.ids import uuid7
from kkmp_pos.db.models import BatchModel, ProductModel, StockMovementModel
from kkmp_pos.services.context import ServiceContext


@dataclass(frozen=True)
class Movement:
    id: str
    product_id: int
    batch_id: int | None
    qty_milli: int
    kind: str
    unit_cost_rp: int

    def as_payload(self) -> dict[str, object]:
        return {
            "id": self.id,
            "product_id": self.product_id,
            "batch_id": self.batch_id,
            "qty_milli": self.qty_milli,
            "kind": self.kind,
            "unit_cost_rp": self.unit_cost_rp,
        }


def record_movement(
    ctx: ServiceContext,
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
    # insert(), not create(): no model instance to build and save, on every line of every sale.
    StockMovementModel.insert(
        id=movement.id,
        product=product_id,
        batch=batch_id,
        qty_milli=qty_milli,
        kind=kind,
        doc_id=doc_id,
        unit_cost_rp=unit_cost_rp,
        terminal_id=ctx.terminal_id,
        created_at=created_at or ctx.now_iso(),
        business_date=business_date or ctx.business_date(),
    ).execute()
    ProductModel.update(on_hand_milli=ProductModel.on_hand_milli + qty_milli).where(
        ProductModel.id == product_id
    ).execute()
    if batch_id is not None:
        BatchModel.update(on_hand_milli=BatchModel.on_hand_milli + qty_milli).where(
            BatchModel.id == batch_id
        ).execute()
    return movement


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
