"""Paying at the cashier screen: the payment dialog, the commit, a pending QRIS, then the receipt.

The sale commits first (a local transaction of a few ms); a QRIS part leaves it awaiting payment and
opens the QRIS dialog (the code also shows on the customer display); the receipt prints once the QRIS
dialog closes, or at once when nothing is pending — in the background, never on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kkmp_pos.core.errors import KkmpError
from kkmp_pos.core.money import format_rp
from kkmp_pos.gui.i18n import error_text

if TYPE_CHECKING:
    from kkmp_pos.gui.selling.cashier_host import CashierHost
    from kkmp_pos.services.context import Actor
    from kkmp_pos.services.selling.sales import PaymentInput, SaleResult


# Refusals that end when a shift is open again (services/shifts/guard.py)
SHIFT_REFUSALS = frozenset({"shift_needed_for_cash", "shift_needed", "shift_closed"})


class CheckoutFlow(QObject):
    qris_shown = Signal(str, int, str, int)  # payload, amount, merchant, sale total (customer display)
    paid = Signal(int, int, str)  # total, change, note (for the customer display)
    shift_opened = Signal()  # the cashier opened a shift to take a payment (banners refresh)
    shift_refused = Signal(str)  # the sale was refused for want of an open shift (a close elsewhere)

    def __init__(self, screen: CashierHost, parent: QObject) -> None:
        super().__init__(parent)
        self.screen = screen
        self.till = screen.till
        self.controller = screen.controller
        self.refusal = ""  # the shift refusal on the status line, cleared once a shift is open

    def clear_refusal(self) -> None:
        """A shift is open again: a refusal for want of one no longer holds."""
        if self.refusal and self.screen.status_label.text() == self.refusal:
            self.screen.set_status("")
        self.refusal = ""

    def pay(self) -> None:
        if not self.controller.cart.lines or self.screen.dialog is not None:
            return
        self.controller.begin_payment()
        if self.controller.shift_needed():  # no payment goes without a shift: count the float first
            self._open_shift_then(self._regulated_then_pay)
            return
        self._regulated_then_pay()

    def _open_shift_then(self, go_on: Callable[[], object]) -> None:
        """No shift is open: the cashier counts the float in the open-shift dialog, then the payment
        goes on where it was. Backing out leaves the cart as it is and takes no money."""
        from kkmp_pos.gui.shifts.shift_dialog import OpenShiftDialog

        screen = self.screen
        assert self.controller.actor is not None
        dialog = OpenShiftDialog(self.till, self.controller.actor, screen)
        dialog.accepted.connect(lambda: self._shift_opened(go_on))
        dialog.rejected.connect(
            lambda: screen.set_status(
                self.tr("Belum ada shift: pembayaran tidak dicatat, keranjang tetap utuh."),
                error=True,
            )
        )
        screen.set_status(self.tr("Buka shift dulu: hitung modal awal di laci."))
        screen.open_dialog(dialog)

    def _shift_opened(self, go_on: Callable[[], object]) -> None:
        self.shift_opened.emit()
        self.screen.set_status(self.tr("Shift dibuka. Lanjutkan pembayaran."))
        go_on()

    def _regulated_then_pay(self) -> None:
        """Ask the buyer's NIK (LPG 3 kg), a manager's PIN for a blocked cap; show warnings; then pay."""
        screen = self.screen
        try:
            check = self.controller.check_limits()
        except KkmpError as exc:  # a NIK typed earlier for this cart and no longer valid
            screen.set_status(error_text(exc), error=True)
            return
        if check.nik_missing:
            from kkmp_pos.gui.selling.buyer_nik_dialog import BuyerNikDialog

            nik_dialog = BuyerNikDialog(list(check.nik_products), screen)
            nik_dialog.accepted.connect(lambda: self._nik_given(nik_dialog.nik))
            screen.open_dialog(nik_dialog)
            return
        if check.blocks and self.controller.limit_approver is None:
            from kkmp_pos.gui.approval_dialog import ApprovalDialog

            text = "\n".join(error_text(v.error()) for v in check.blocks)
            screen.set_status(text, error=True)
            approval = ApprovalDialog(self.till, "override_limit", text, screen)
            approval.approved.connect(self._limit_approved)
            screen.open_dialog(approval)
            return
        if check.warnings:  # non-blocking: the cashier sees it and goes on (or backs out with Esc)
            text = "\n".join(error_text(v.warning()) for v in check.warnings)
            screen.set_status(text, error=True)
            screen.window_message(text, "warning")
        self._open_payment()

    def _nik_given(self, nik: str | None) -> None:
        self.controller.give_nik(nik)
        if nik:
            self._regulated_then_pay()

    def _limit_approved(self, approver: Actor) -> None:
        self.controller.approve_limits(approver)
        self._regulated_then_pay()

    def _open_payment(self) -> None:
        from kkmp_pos.gui.selling.payment_dialog import PaymentDialog

        screen = self.screen
        dialog = PaymentDialog(
            self.controller.cart.totals().total_rp,
            self.till.ctx.settings.cash_quick_notes,
            self.controller.preview_settlement,
            screen,
        )
        dialog.accepted.connect(lambda: self.checkout(dialog.payments))
        screen.open_dialog(dialog)

    def checkout(self, payments: list[PaymentInput]) -> SaleResult | None:
        from kkmp_pos.services.selling.sales import SaleStatus

        screen = self.screen
        if self.controller.shift_needed(payments):  # cash (or the setting) needs a shift opened first
            self._open_shift_then(lambda: self.checkout(payments))
            return None
        try:
            result = self.controller.checkout(payments)
        except KkmpError as exc:
            screen.set_status(error_text(exc), error=True)
            if exc.code in SHIFT_REFUSALS:  # the window says it until a shift is open again
                self.refusal = error_text(exc)
                self.shift_refused.emit(self.refusal)
            else:
                screen.window_message(error_text(exc))
            return None
        screen.show_sale(result)
        if result.status == SaleStatus.AWAITING_PAYMENT:
            screen.set_status(
                self.tr("Tersimpan {number}, menunggu pembayaran QRIS.").format(number=result.receipt_no)
            )
            self._open_qris(result)
            return result
        screen.set_status(
            self.tr("Tersimpan {number}. Kembali {change}.").format(
                number=result.receipt_no, change=format_rp(result.change_rp)
            )
        )
        self.paid.emit(result.total_rp, result.change_rp, "")
        screen.print_job(result.print_job_id)
        return result

    def _open_qris(self, result: SaleResult) -> None:
        from kkmp_pos.gui.selling.qris_dialog import QrisDialog

        screen = self.screen
        assert self.controller.actor is not None
        dialog = QrisDialog(self.till, self.controller.actor, result.sale_id, screen)
        if dialog.qris.payload:
            self.qris_shown.emit(
                dialog.qris.payload, dialog.amount_rp, dialog.qris.merchant_label.text(), result.total_rp
            )
        # the acquirer's code comes later, from a background op: the customer display follows it
        dialog.code_shown.connect(
            lambda payload, amount, merchant: self.qris_shown.emit(payload, amount, merchant, result.total_rp)
        )
        dialog.finished_payment.connect(lambda outcome: self._qris_done(result, outcome))
        screen.open_dialog(dialog)

    def _qris_done(self, result: SaleResult, outcome: str) -> None:
        screen = self.screen
        if outcome == "completed":
            screen.set_status(
                self.tr("QRIS diterima. {number} lunas. Kembali {change}.").format(
                    number=result.receipt_no, change=format_rp(result.change_rp)
                )
            )
            self.paid.emit(result.total_rp, result.change_rp, "")
        elif outcome == "cancelled":
            screen.set_status(
                self.tr("QRIS dibatalkan: {number} batal, stok dikembalikan.").format(
                    number=result.receipt_no
                ),
                error=True,
            )
            self.paid.emit(0, 0, self.tr("Pembayaran dibatalkan"))
        else:
            screen.set_status(
                self.tr("{number} menunggu pembayaran QRIS: selesaikan dari daftar struk (F3).").format(
                    number=result.receipt_no
                ),
                error=True,
            )
            self.paid.emit(result.total_rp, 0, self.tr("Menunggu pembayaran QRIS"))
        screen.print_job(result.print_job_id)
