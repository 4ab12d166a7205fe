"""QRIS through the acquirer's SNAP API: the acquirer makes the payment's code, and a paid status,
from a query while the dialog is open or from the acquirer's notification brought by the server's
feed, confirms the sale with the acquirer's RRN, no typing.

Without an acquirer, or when it cannot be reached, the code is the shop's static code made dynamic
(`QrisPaymentService.payload`) and the cashier confirms by hand with the RRN, as before.
`code` and `check` talk to the network: the GUI calls them through its background-op helper.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.core.sale_status import SaleStatus
from kkmp_pos.db.models import (
    PaymentConfirmationModel,
    QrisAcquirerRequestModel,
    QrisNotificationModel,
    SaleModel,
    UserModel,
)
from kkmp_pos.integrations.qris_acquirer import (
    AcquirerConfig,
    AcquirerError,
    GeneratedQr,
    QrisAcquirer,
    QrState,
    QrStatus,
    partner_reference,
)
from kkmp_pos.services.context import Actor, ServiceContext
from kkmp_pos.services.selling.qris_payments import QrisPaymentService

log = logging.getLogger(__name__)

# Seconds between status queries while the dialog is open: quick at first (most customers pay within
# half a minute), then slower, so a code left open does not hammer the acquirer.
POLL_DELAYS_S = (2.0, 2.0, 3.0, 3.0, 5.0, 8.0, 10.0)


def poll_delay(attempt: int) -> float:
    return POLL_DELAYS_S[min(attempt, len(POLL_DELAYS_S) - 1)]


@dataclass(frozen=True)
class QrisCode:
    payload: str
    amount_rp: int
    merchant_name: str
    automatic: bool  # the acquirer confirms this payment by itself
    note: str = ""  # why not, when an acquirer is set up but did not answer


def _default_acquirer(config: AcquirerConfig) -> QrisAcquirer:
    from kkmp_pos.integrations.snap_qris import SnapQrisAcquirer

    return SnapQrisAcquirer(config)


class QrisOnlineService:
    def __init__(
        self,
        ctx: ServiceContext,
        payments: QrisPaymentService,
        acquirer_for: Callable[[AcquirerConfig], QrisAcquirer] = _default_acquirer,
    ) -> None:
        self.ctx = ctx
        self.payments = payments
        self.acquirer_for = acquirer_for
        self._acquirer: tuple[AcquirerConfig, QrisAcquirer] | None = None

    def acquirer(self) -> QrisAcquirer | None:
        """The configured acquirer (kept while its settings stay the same, with its token)."""
        from kkmp_pos.services.setup.acquirer_setup import AcquirerSetupService

        config = AcquirerSetupService(self.ctx).current()
        if config is None:
            return None
        if self._acquirer is None or self._acquirer[0] != config:
            self._acquirer = (config, self.acquirer_for(config))
        return self._acquirer[1]

    def code(self, sale_id: str) -> QrisCode:
        """The code to show for the sale's pending QRIS payment (network: off the GUI thread)."""
        from kkmp_pos.core.qris import parse_qris

        payment = self.payments.pending_payment(sale_id)
        note = ""
        acquirer = self.acquirer()
        if acquirer is not None:
            row = QrisAcquirerRequestModel.get_or_none(QrisAcquirerRequestModel.sale_id == sale_id)
            if row is not None and row.status == QrStatus.PENDING and row.amount_rp == payment.amount_rp:
                return QrisCode(row.qr_content, row.amount_rp, _merchant(row.qr_content), True)
            try:
                qr = acquirer.generate(payment.amount_rp, partner_reference(sale_id))
                parse_qris(qr.qr_content)  # a code no wallet could read is no code
            except (AcquirerError, ValidationError) as exc:
                log.warning("QRIS acquirer: no code for %s: %s", sale_id, exc)
                note = str(exc)[:200]
            else:
                now = self.ctx.now_iso()
                QrisAcquirerRequestModel.insert(
                    sale_id=sale_id,
                    payment_id=payment.id,
                    partner_reference_no=qr.partner_reference_no,
                    reference_no=qr.reference_no,
                    qr_content=qr.qr_content,
                    amount_rp=payment.amount_rp,
                    status=QrStatus.PENDING.value,
                    rrn="",
                    created_at=now,
                    updated_at=now,
                ).on_conflict_replace().execute()
                return QrisCode(qr.qr_content, payment.amount_rp, _merchant(qr.qr_content), True)
        payload = self.payments.payload(sale_id)
        return QrisCode(payload, payment.amount_rp, _merchant(payload), False, note)

    def check(self, sale_id: str, actor: Actor) -> QrState:
        """What became of the payment: notifications already pulled first, then the acquirer's
        answer to a query; a paid status confirms the sale with its RRN (network: off the GUI thread)."""
        self.apply_notifications()
        done = self._settled(sale_id)
        if done is not None:
            return done
        row = QrisAcquirerRequestModel.get_or_none(QrisAcquirerRequestModel.sale_id == sale_id)
        acquirer = self.acquirer()
        if row is None or acquirer is None:
            return QrState(QrStatus.PENDING, detail="manual")
        qr = GeneratedQr(row.qr_content, row.reference_no, row.partner_reference_no)
        try:
            state = acquirer.query(qr)
        except AcquirerError as exc:
            return QrState(QrStatus.PENDING, detail=str(exc)[:200])
        if state.status is QrStatus.PAID and state.amount_rp not in (None, row.amount_rp):
            # money of another amount: never confirmed by itself; the cashier looks and decides
            return QrState(QrStatus.FAILED, detail=f"paid {state.amount_rp}, expected {row.amount_rp}")
        with self.ctx.db.atomic():
            QrisAcquirerRequestModel.update(
                status=state.status.value, rrn=state.rrn, updated_at=self.ctx.now_iso()
            ).where(QrisAcquirerRequestModel.sale_id == sale_id).execute()
            if state.status is QrStatus.PAID:
                self.payments.record_confirmation(
                    sale_id, state.rrn, actor, source="query", acquirer_reference=row.reference_no
                )
        return state

    def _settled(self, sale_id: str) -> QrState | None:
        """The sale's payment was decided meanwhile (a notification, another screen): what it became."""
        sale = SaleModel.get_or_none(SaleModel.id == sale_id)
        if sale is None or sale.status == SaleStatus.AWAITING_PAYMENT:
            return None
        confirmation = (
            PaymentConfirmationModel.select()
            .where(PaymentConfirmationModel.sale == sale_id)
            .order_by(PaymentConfirmationModel.created_at.desc())
            .first()
        )
        if confirmation is not None:
            return QrState(QrStatus.PAID, confirmation.reference)
        return QrState(QrStatus.FAILED, detail=str(sale.status))

    def apply_notifications(self) -> int:
        """Confirm the pending QRIS payments the acquirer's notifications (pulled from the server's
        feed) say were paid; note what became of every other notification. Returns how many confirmed."""
        confirmed = 0
        waiting = QrisNotificationModel.select().where(QrisNotificationModel.outcome == "")
        for note in list(waiting):
            with self.ctx.db.atomic():
                outcome = self._apply(note)
                QrisNotificationModel.update(outcome=outcome).where(
                    QrisNotificationModel.id == note.id
                ).execute()
            confirmed += outcome == "confirmed"
        return confirmed

    def _apply(self, note: QrisNotificationModel) -> str:
        sale = SaleModel.get_or_none(SaleModel.id == note.sale_id) if note.sale_id else None
        if sale is None:
            return "unknown_sale"
        if note.status != QrStatus.PAID:
            QrisAcquirerRequestModel.update(status=note.status).where(
                (QrisAcquirerRequestModel.sale_id == sale.id)
                & (QrisAcquirerRequestModel.status == QrStatus.PENDING)
            ).execute()
            return "recorded"
        if sale.status != SaleStatus.AWAITING_PAYMENT:
            return "not_pending"
        payment = self.payments.pending_payment(sale.id)
        if note.amount_rp is not None and note.amount_rp != payment.amount_rp:
            return "amount_differs"
        cashier = UserModel.get_by_id(sale.cashier_id)
        self.payments.record_confirmation(
            sale.id,
            note.rrn,
            Actor(cashier.id, cashier.name, cashier.role),
            source="notify",
            acquirer_reference=note.reference_no,
        )
        QrisAcquirerRequestModel.update(status=QrStatus.PAID.value, rrn=note.rrn).where(
            QrisAcquirerRequestModel.sale_id == sale.id
        ).execute()
        return "confirmed"


def _merchant(payload: str) -> str:
    from kkmp_pos.core.qris import parse_qris

    try:
        return parse_qris(payload).merchant_name
    except ValidationError:
        return ""
