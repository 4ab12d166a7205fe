"""A sale awaiting its QRIS payment: the dynamic code to show, then a confirmation with the
acquirer's reference (RRN), or, when the money never comes, a cancellation that reverses the sale.

The confirmation is its own document (`payment_confirmation`); the sale's status follows it through
`sale_state.move_sale` in the same transaction. An abandoned payment is cancelled through the
reversal service, so its stock and any cash paid beside it come back exactly as a cancellation's do.
"""

from __future__ import annotations

import peewee as pw

from kkmp_pos.core.errors import NotFoundError, StateError, ValidationError
from kkmp_pos.core.events import Person, SalePaymentConfirmed
from kkmp_pos.core.ids import uuid7
from kkmp_pos.core.sale_status import SaleMove, SaleStatus
from kkmp_pos.db.models import PaymentConfirmationModel, PaymentModel, SaleModel
from kkmp_pos.db.outbox import append_event
from kkmp_pos.services.audit import audit
from kkmp_pos.services.context import Actor, ServiceContext
from kkmp_pos.services.selling.receipts import ReceiptService
from kkmp_pos.services.selling.reversals import ReversalService
from kkmp_pos.services.selling.sale_state import move_sale
from kkmp_pos.services.setup.auth import require


class QrisPaymentService:
    def __init__(self, ctx: ServiceContext, reversals: ReversalService) -> None:
        self.ctx = ctx
        self.reversals = reversals

    def payload(self, sale_id: str) -> str:
        """The dynamic QRIS code for a sale's pending QRIS amount, built from the shop's static code."""
        from kkmp_pos.core.qris import build_dynamic_qris

        payment = self._pending(sale_id)
        static = self.ctx.settings.qris_static_payload
        if not static:
            raise ValidationError("qris_not_configured")
        sale = SaleModel.get_by_id(sale_id)
        return build_dynamic_qris(
            static,
            payment.amount_rp,
            bill_number=sale.receipt_no[-25:],
            terminal_label=self.ctx.terminal.code,
        )

    def pending_payment(self, sale_id: str) -> PaymentModel:
        """The sale's QRIS payment still waiting for its confirmation (StateError when there is none)."""
        return self._pending(sale_id)

    def _pending(self, sale_id: str) -> PaymentModel:
        sale = SaleModel.get_or_none(SaleModel.id == sale_id)
        if sale is None:
            raise NotFoundError("receipt_not_found", number=sale_id)
        if sale.status != SaleStatus.AWAITING_PAYMENT:
            raise StateError("sale_not_awaiting_payment", number=sale.receipt_no)
        payment = (
            PaymentModel.select()
            .where((PaymentModel.sale == sale_id) & (PaymentModel.method == "qris"))
            .join(
                PaymentConfirmationModel,
                on=(PaymentConfirmationModel.payment == PaymentModel.id),
                join_type=pw.JOIN.LEFT_OUTER,
            )
            .where(PaymentConfirmationModel.id.is_null())
            .first()
        )
        if payment is None:
            raise StateError("sale_not_awaiting_payment", number=sale.receipt_no)
        return payment

    def confirm(self, sale_id: str, reference: str, actor: Actor) -> None:
        """The cashier saw the money arrive in the merchant app: record it with the acquirer's reference
        (the RRN: 12 digits/letters, `core.qris.check_reference`), audited with the cashier's name."""
        from kkmp_pos.core.qris import check_reference

        require(actor, "sell")
        reference = check_reference(reference)
        with self.ctx.db.atomic():
            self.record_confirmation(sale_id, reference, actor, source="manual")

    def record_confirmation(
        self, sale_id: str, reference: str, actor: Actor, source: str, **detail: object
    ) -> None:
        """The confirmation document, the sale's move, the event and the audit row (in the caller's
        transaction): one writer for the cashier's confirmation (`source` "manual") and the
        acquirer's ("query": the dialog asked; "notify": its notification came through the server)."""
        payment = self._pending(sale_id)
        now, bdate = self.ctx.now_iso(), self.ctx.business_date()
        confirmation_id = uuid7()
        PaymentConfirmationModel.create(
            id=confirmation_id,
            sale=sale_id,
            payment=payment.id,
            reference=reference,
            confirmed_by=actor.user_id,
            created_at=now,
            business_date=bdate,
        )
        move_sale(SaleModel.get_by_id(sale_id), SaleMove.CONFIRM_PAYMENT)
        ReceiptService(self.ctx).store_original(sale_id)  # unless already printed: with the RRN
        confirmed = SalePaymentConfirmed(
            sale_id=sale_id,
            confirmation_id=confirmation_id,
            payment_id=payment.id,
            amount_rp=payment.amount_rp,
            reference=reference,
            confirmed_by=Person(actor.user_id, actor.name),
        )
        append_event(confirmed.TYPE, confirmed.to_payload(), occurred_at=now, business_date=bdate)
        facts = {"reference": reference, "amount_rp": payment.amount_rp, "cashier": actor.name, **detail}
        if source == "manual":
            audit(self.ctx, "qris.confirmed", actor, doc_id=sale_id, source=source, **facts)
        else:
            audit(self.ctx, "qris.confirmed_by_acquirer", actor, doc_id=sale_id, source=source, **facts)

    def abandon(self, sale_id: str, actor: Actor, reason: str = "") -> str:
        """The QRIS payment never came: a cancellation document reverses the sale and its stock."""
        require(actor, "sell")
        reversals = self.reversals
        reversals._kicks = []
        with self.ctx.db.atomic():
            self._pending(sale_id)
            sale = SaleModel.get_by_id(sale_id)
            cash_paid = sum(
                p.amount_rp
                for p in PaymentModel.select().where(
                    (PaymentModel.sale == sale_id) & (PaymentModel.method != "qris")
                )
            )
            doc_id = reversals._cancel(
                sale,
                "qris_abandoned",
                reason or "QRIS tidak dibayar",
                actor,
                None,
                "cash" if cash_paid else None,
                cash_paid,
            )
        reversals._announce_kicks()
        return doc_id
