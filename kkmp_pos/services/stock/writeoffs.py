"""Write-offs: stock taken out as damaged, expired or lost, with a reason and a manager's approval."""

from __future__ import annotations

from dataclasses import dataclass

from kkmp_pos.core.errors import NotFoundError, PermissionDenied, ValidationError
from kkmp_pos.core.events import Person, StockMovement, StockWrittenOff
from kkmp_pos.core.ids import uuid7
from kkmp_pos.core.money import format_qty
from kkmp_pos.core.stock import split_fefo, value_rp
from kkmp_pos.db.ledger import Movement, record_movement
from kkmp_pos.db.models import BatchModel, ProductModel, WriteOffModel
from kkmp_pos.db.outbox import append_event
from kkmp_pos.services.audit import audit
from kkmp_pos.services.books.posting import post_write_off
from kkmp_pos.services.context import Actor, ServiceContext
from kkmp_pos.services.setup.auth import require

REASONS = ("damaged", "expired", "lost")
REASON_LABELS = {
    "damaged": ("Rusak", "Damaged"),
    "expired": ("Kedaluwarsa", "Expired"),
    "lost": ("Hilang", "Lost"),
}


@dataclass(frozen=True)
class WriteOffResult:
    write_off_id: str
    value_rp: int
    movements: list[Movement]


class WriteOffService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def write_off(
        self,
        product_id: int,
        qty_milli: int,
        reason: str,
        note: str,
        actor: Actor,
        *,
        approver: Actor | None = None,
        batch_id: int | None = None,
    ) -> WriteOffResult:
        """Take stock out. A manager approves their own; anyone else needs a manager as `approver`.

        Without a batch, a batch-tracked product loses its earliest-expiring batches first (expired
        ones are the first to go, which is what an 'expired' write-off means).
        """
        if approver is None:
            try:
                require(actor, "write_off")
            except PermissionDenied:
                raise PermissionDenied(
                    "approval_required", action="penghapusan stok", action_en="a stock write-off"
                ) from None
            approver = actor
        else:
            require(approver, "write_off")
        if reason not in REASONS:
            raise ValidationError("writeoff_reason_invalid", value=reason)
        if not note.strip():
            raise ValidationError("writeoff_note_required")
        if qty_milli <= 0:
            raise ValidationError("qty_not_positive")
        doc_id = uuid7()
        with self.ctx.db.atomic():
            product = ProductModel.get_or_none(ProductModel.id == product_id)
            if product is None:
                raise NotFoundError("product_not_found")
            parts = self._parts(product, qty_milli, batch_id)
            now, bdate = self.ctx.now_iso(), self.ctx.business_date()
            value = value_rp(product.cost_rp, qty_milli)
            WriteOffModel.create(
                id=doc_id,
                product=product.id,
                batch=batch_id,
                qty_milli=qty_milli,
                reason=reason,
                note=note.strip(),
                unit_cost_rp=product.cost_rp,
                value_rp=value,
                requested_by=actor.user_id,
                approved_by=approver.user_id,
                created_at=now,
                business_date=bdate,
            )
            movements = [
                record_movement(
                    self.ctx,
                    product_id=product.id,
                    qty_milli=-qty,
                    kind="writeoff",
                    doc_id=doc_id,
                    batch_id=part_batch,
                    unit_cost_rp=product.cost_rp,
                    created_at=now,
                    business_date=bdate,
                )
                for part_batch, qty in parts
            ]
            audit(
                self.ctx,
                "stock.written_off",
                actor,
                doc_id=doc_id,
                approved_by=approver,
                product=product.code,
                qty_milli=qty_milli,
                reason=reason,
                note=note.strip(),
                value_rp=value,
            )
            written_off = StockWrittenOff(
                movements=tuple(StockMovement.of(m) for m in movements),
                write_off_id=doc_id,
                product_uid=product.uid,
                product_code=product.code,
                qty_milli=qty_milli,
                reason=reason,
                note=note.strip(),
                unit_cost_rp=product.cost_rp,
                value_rp=value,
                requested_by=Person(actor.user_id, actor.name),
                approved_by=Person(approver.user_id, approver.name),
                created_at=now,
            )
            post_write_off(doc_id)
            append_event(written_off.TYPE, written_off.to_payload(), occurred_at=now, business_date=bdate)
        return WriteOffResult(doc_id, value, movements)

    @staticmethod
    def _parts(product: ProductModel, qty_milli: int, batch_id: int | None) -> list[tuple[int | None, int]]:
        if batch_id is not None:
            batch = BatchModel.get_or_none((BatchModel.id == batch_id) & (BatchModel.product == product.id))
            if batch is None:
                raise NotFoundError("batch_not_found")
            if qty_milli > batch.on_hand_milli:
                raise ValidationError(
                    "writeoff_more_than_on_hand",
                    qty=format_qty(qty_milli, product.base_unit),
                    name=f"{product.name} ({batch.batch_no})",
                    on_hand=format_qty(batch.on_hand_milli, product.base_unit),
                )
            return [(batch.id, qty_milli)]
        if qty_milli > product.on_hand_milli:
            raise ValidationError(
                "writeoff_more_than_on_hand",
                qty=format_qty(qty_milli, product.base_unit),
                name=product.name,
                on_hand=format_qty(max(product.on_hand_milli, 0), product.base_unit),
            )
        if not product.track_batches:
            return [(None, qty_milli)]
        batches = (
            BatchModel.select()
            .where((BatchModel.product == product.id) & (BatchModel.on_hand_milli > 0))
            .order_by(BatchModel.expiry.asc(nulls="LAST"), BatchModel.id)
        )
        return split_fefo([(b.id, b.expiry, b.on_hand_milli) for b in batches], qty_milli)

    def recent(self, limit: int = 100) -> list[WriteOffModel]:
        return list(WriteOffModel.select().order_by(WriteOffModel.created_at.desc()).limit(limit))
