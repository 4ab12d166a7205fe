"""After the sale: cancellations and returns, each a document of its own (a QRIS payment that is
confirmed or abandoned: `qris_payments.py`).

A completed sale is never edited. `sale.status` is a cache of what its documents say (like the on-hand
figure is a cache of the ledger), moved by `sale_state.move_sale` in the same transaction as the
document that changes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from kkmp_pos.core.errors import NotFoundError, StateError, ValidationError
from kkmp_pos.core.events import (
    Person,
    ReturnCompleted,
    ReturnLine,
    SaleCancelled,
    StockMovement,
)
from kkmp_pos.core.ids import uuid7
from kkmp_pos.core.money import format_qty, format_rp, round_cash, round_half_up
from kkmp_pos.core.sale_status import SaleMove, SaleStatus, is_returnable
from kkmp_pos.db.ledger import record_movement
from kkmp_pos.db.models import (
    PaymentModel,
    SaleCancellationModel,
    SaleLineModel,
    SaleModel,
    SaleReturnLineModel,
    SaleReturnModel,
    StockMovementModel,
)
from kkmp_pos.db.outbox import append_event
from kkmp_pos.services.audit import audit
from kkmp_pos.services.books.posting import post_cancellation, post_return
from kkmp_pos.services.context import Actor, ServiceContext
from kkmp_pos.services.printing.drawer_kick import announce_drawer_kick, queue_drawer_kick
from kkmp_pos.services.selling.receipts import ReceiptService
from kkmp_pos.services.selling.sale_state import move_sale
from kkmp_pos.services.setup.auth import require
from kkmp_pos.services.shifts.guard import booking_shift

REFUND_METHODS = ("cash", "qris", "transfer")


@dataclass(frozen=True)
class ReturnableLine:
    sale_line_id: int
    name: str
    unit_label: str
    sold_milli: int
    returned_milli: int
    line_total_rp: int
    is_weighed: bool

    @property
    def returnable_milli(self) -> int:
        return self.sold_milli - self.returned_milli


def refund_for(line_total_rp: int, sold_milli: int, qty_milli: int) -> int:
    """The share of what was paid for a line that `qty_milli` of it is worth (half-up)."""
    return round_half_up(Fraction(line_total_rp * qty_milli, sold_milli))


class ReversalService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self._kicks: list[int | None] = []  # drawer jobs queued in the open transaction

    def _kick_for_cash(self, method: str | None, refund_rp: int, doc_id: str) -> None:
        """Cash paid back opens the drawer: a drawer job queued with the document (sent after commit)."""
        if method == "cash" and refund_rp > 0:
            self._kicks.append(queue_drawer_kick(self.ctx, doc_id))

    def _announce_kicks(self) -> None:
        kicks, self._kicks = self._kicks, []
        for job_id in kicks:
            announce_drawer_kick(self.ctx, job_id)

    def refund_rounding(self, method: str | None, refund_rp: int) -> int:
        """Cash paid back is rounded with the same rule and step as cash taken in (the drawer holds no
        coins below the step); the difference is kept on the document like a sale's rounding."""
        if method != "cash":
            return 0
        return round_cash(refund_rp, self.ctx.settings.cash_rounding_rp) - refund_rp

    # -- cancellation ------------------------------------------------------------------------------
    def cancel(
        self, sale_id: str, actor: Actor, approver: Actor, reason: str, refund_method: str = "cash"
    ) -> str:
        """A manager cancels a whole sale: stock goes back, the money paid is refunded."""
        require(approver, "void_sale")
        if not reason.strip():
            raise ValidationError("reason_missing")
        if refund_method not in REFUND_METHODS:
            raise ValidationError("refund_method_invalid", method=refund_method)
        self._kicks = []
        with self.ctx.db.atomic():
            sale = SaleModel.get_or_none(SaleModel.id == sale_id)
            if sale is None:
                raise NotFoundError("receipt_not_found", number=sale_id)
            if sale.status == SaleStatus.CANCELLED:
                raise StateError("sale_already_cancelled", number=sale.receipt_no)
            if SaleReturnModel.select().where(SaleReturnModel.sale == sale_id).exists():
                raise StateError("sale_has_returns", number=sale.receipt_no)
            # A QRIS payment counts as paid only once confirmed (the sale is then completed).
            paid = sum(
                p.amount_rp
                for p in PaymentModel.select().where(PaymentModel.sale == sale_id)
                if p.method != "qris" or sale.status == SaleStatus.COMPLETED
            )
            doc_id = self._cancel(sale, "cancelled", reason.strip(), actor, approver, refund_method, paid)
        self._announce_kicks()
        return doc_id

    def _cancel(
        self,
        sale: SaleModel,
        kind: str,
        reason: str,
        actor: Actor,
        approver: Actor | None,
        refund_method: str | None,
        refund_rp: int,
    ) -> str:
        now, bdate = self.ctx.now_iso(), self.ctx.business_date()
        doc_id = uuid7()
        rounding = self.refund_rounding(refund_method, refund_rp)
        SaleCancellationModel.create(
            id=doc_id,
            sale=sale.id,
            kind=kind,
            reason=reason,
            refund_method=refund_method,
            refund_rp=refund_rp,
            rounding_rp=rounding,
            user=actor.user_id,
            approved_by=approver.user_id if approver else None,
            shift=booking_shift(self.ctx, [refund_method]),
            created_at=now,
            business_date=bdate,
        )
        movements = []
        for m in StockMovementModel.select().where(
            (StockMovementModel.doc_id == sale.id) & (StockMovementModel.kind == "sale")
        ):
            movements.append(
                record_movement(
                    self.ctx,
                    product_id=m.product_id,
                    qty_milli=-m.qty_milli,
                    kind="sale_cancel",
                    doc_id=doc_id,
                    batch_id=m.batch_id,
                    unit_cost_rp=m.unit_cost_rp,
                    created_at=now,
                    business_date=bdate,
                ).as_payload()
            )
        move_sale(sale, SaleMove.ABANDON_PAYMENT if kind == "qris_abandoned" else SaleMove.CANCEL)
        post_cancellation(doc_id)
        ReceiptService(self.ctx).store_original(sale.id)  # unless already printed
        cancelled = SaleCancelled(
            sale_id=sale.id,
            cancellation_id=doc_id,
            kind=kind,
            reason=reason,
            refund_method=refund_method,
            refund_rp=refund_rp,
            movements=tuple(StockMovement.from_payload(m) for m in movements),
            user=Person(actor.user_id, actor.name),
            approved_by=Person(approver.user_id, approver.name) if approver else None,
            rounding_rp=rounding,
        )
        append_event(cancelled.TYPE, cancelled.to_payload(), occurred_at=now, business_date=bdate)
        self._kick_for_cash(refund_method, refund_rp, doc_id)
        audit(
            self.ctx,
            f"sale.{kind}",
            actor,
            doc_id=sale.id,
            approved_by=approver,
            reason=reason,
            refund=format_rp(refund_rp),
        )
        return doc_id

    # -- returns -----------------------------------------------------------------------------------
    def returnable(self, sale_id: str) -> list[ReturnableLine]:
        lines = SaleLineModel.select().where(SaleLineModel.sale == sale_id).order_by(SaleLineModel.line_no)
        result = []
        for line in lines:
            returned = sum(
                r.qty_milli
                for r in SaleReturnLineModel.select().where(SaleReturnLineModel.sale_line == line.id)
            )
            result.append(
                ReturnableLine(
                    line.id,
                    line.name,
                    line.unit_label,
                    line.qty_milli,
                    returned,
                    line.line_total_rp,
                    line.qty_milli % 1000 != 0 or line.unit_label == "kg",
                )
            )
        return result

    def create_return(
        self,
        sale_id: str,
        quantities: dict[int, int],
        actor: Actor,
        approver: Actor,
        *,
        refund_method: str = "cash",
        reason: str = "",
    ) -> str:
        """Return some or all lines of a sale: stock goes back, the refund is paid, nothing is edited."""
        require(approver, "return")
        if refund_method not in REFUND_METHODS:
            raise ValidationError("refund_method_invalid", method=refund_method)
        quantities = {k: v for k, v in quantities.items() if v}
        if not quantities:
            raise ValidationError("return_empty")
        self._kicks = []
        with self.ctx.db.atomic():
            sale = SaleModel.get_or_none(SaleModel.id == sale_id)
            if sale is None:
                raise NotFoundError("receipt_not_found", number=sale_id)
            if not is_returnable(sale.status):
                raise StateError("sale_not_returnable", number=sale.receipt_no)
            lines = {line.sale_line_id: line for line in self.returnable(sale_id)}
            now, bdate = self.ctx.now_iso(), self.ctx.business_date()
            doc_id = uuid7()
            rows, movements, refund = [], [], 0
            for line_id, qty in quantities.items():
                line = lines.get(line_id)
                if line is None:
                    raise NotFoundError("line_not_found")
                if qty < 0:
                    raise ValidationError("qty_not_positive")
                if qty > line.returnable_milli:
                    raise ValidationError(
                        "return_exceeds_sold",
                        name=line.name,
                        qty=format_qty(qty, line.unit_label),
                        left=format_qty(line.returnable_milli, line.unit_label),
                    )
                sale_line = SaleLineModel.get_by_id(line_id)
                # The last return of a line refunds exactly what is left of its total, so rounding
                # across partial returns never refunds more than was paid.
                paid_back = sum(
                    r.refund_rp
                    for r in SaleReturnLineModel.select().where(SaleReturnLineModel.sale_line == line_id)
                )
                amount = (
                    line.line_total_rp - paid_back
                    if qty == line.returnable_milli
                    else refund_for(line.line_total_rp, line.sold_milli, qty)
                )
                base_qty = sale_line.base_qty_milli * qty // sale_line.qty_milli
                refund += amount
                rows.append((line_id, qty, base_qty, amount))
                # Goods come back at the cost the sale took them out at, so the sale's cost of goods
                # net of its returns rebuilds from the movements whatever receipts came in between.
                sold = (
                    StockMovementModel.select(StockMovementModel.batch, StockMovementModel.unit_cost_rp)
                    .where(
                        (StockMovementModel.doc_id == sale_id)
                        & (StockMovementModel.product == sale_line.product_id)
                    )
                    .first()
                )
                movements.append(
                    record_movement(
                        self.ctx,
                        product_id=sale_line.product_id,
                        qty_milli=base_qty,
                        kind="return",
                        doc_id=doc_id,
                        batch_id=sold.batch_id if sold else None,
                        unit_cost_rp=sold.unit_cost_rp if sold else 0,
                        created_at=now,
                        business_date=bdate,
                    ).as_payload()
                )
            already = sum(
                r.refund_rp for r in SaleReturnModel.select().where(SaleReturnModel.sale == sale_id)
            )
            if already + refund > sale.total_rp:
                raise ValidationError(
                    "refund_exceeds_sale", refund=format_rp(already + refund), total=format_rp(sale.total_rp)
                )
            rounding = self.refund_rounding(refund_method, refund)
            count = SaleReturnModel.select().where(SaleReturnModel.business_date == bdate).count()
            earlier = SaleReturnModel.select().where(SaleReturnModel.sale == sale_id).count()
            return_no = f"R-{sale.receipt_no}-{earlier + 1}"
            SaleReturnModel.create(
                id=doc_id,
                sale=sale_id,
                return_no=return_no,
                refund_method=refund_method,
                refund_rp=refund,
                rounding_rp=rounding,
                reason=reason.strip(),
                user=actor.user_id,
                approved_by=approver.user_id,
                shift=booking_shift(self.ctx, [refund_method]),
                created_at=now,
                business_date=bdate,
            )
            SaleReturnLineModel.insert_many(
                [
                    {
                        "sale_return": doc_id,
                        "sale_line": lid,
                        "qty_milli": q,
                        "base_qty_milli": b,
                        "refund_rp": a,
                    }
                    for lid, q, b, a in rows
                ]
            ).execute()
            returned = ReturnCompleted(
                return_id=doc_id,
                refund_rp=refund,
                sale_id=sale_id,
                return_no=return_no,
                refund_method=refund_method,
                reason=reason.strip(),
                lines=tuple(ReturnLine(lid, q, b, a) for lid, q, b, a in rows),
                movements=tuple(StockMovement.from_payload(m) for m in movements),
                member_id=sale.member_id,
                approved_by=Person(approver.user_id, approver.name),
                rounding_rp=rounding,
            )
            post_return(doc_id)
            append_event(returned.TYPE, returned.to_payload(), occurred_at=now, business_date=bdate)
            self._kick_for_cash(refund_method, refund, doc_id)
            audit(
                self.ctx,
                "sale.returned",
                actor,
                doc_id=sale_id,
                approved_by=approver,
                refund=format_rp(refund),
                lines=len(rows),
                today=count + 1,
            )
        self._announce_kicks()
        return doc_id
