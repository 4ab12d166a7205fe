"""Paying at the cashier screen: the payment dialog, the commit, a pending QRIS, then the receipt.

The sale commits first (a local transaction of a few ms); a QRIS part leaves it awaiting payment and
opens the QRIS dialog (the code also shows on the customer display); the receipt prints once the QRIS
dialog closes, or at once when nothing is pending — in the background, never on the GUI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kkmp_pos.core.errors import KkmpError
from kkmp_pos.core.money import format_rp
from kkmp_pos.gui.i18n import error_text

if TYPE_CHECKING:
    from kkmp_pos.gui.cashier_screen import CashierScreen
    from kkmp_pos.services.sales import PaymentInput, SaleResult


class CheckoutFlow(QObject):
    qris_shown = Signal(str, int, str, int)  # payload, amount, merchant, sale total (customer display)
    paid = Signal(int, int, str)  # total, change, note (for the customer display)

    def __init__(self, screen: CashierScreen) -> None:
        super().__init__(screen)
        self.screen = screen
        self.till = screen.till

    def pay(self) -> None:
        from kkmp_pos.gui.payment_dialog import PaymentDialog

        screen = self.screen
        if not screen.cart.lines or screen.dialog is not None:
            return
        cart = screen.cart
        dialog = PaymentDialog(
            cart.totals().total_rp,
            list(self.till.ctx.setting("cash.quick_notes")),
            lambda payments: self.till.sales.preview_settlement(cart, payments),
            screen,
        )
        dialog.accepted.connect(lambda: self.checkout(dialog.payments))
        screen.open_dialog(dialog)

    def checkout(self, payments: list[PaymentInput]) -> SaleResult | None:
        from kkmp_pos.services.sales import SaleStatus

        screen = self.screen
        assert screen.actor is not None
        try:
            result = self.till.sales.checkout(screen.cart, payments, screen.actor, shift_id=screen.shift_id())
        except KkmpError as exc:
            screen.set_status(error_text(exc), error=True)
            screen.window_message(error_text(exc))
            return None
        screen.last_result = result
        screen.new_cart()
        screen.last_panel.show_sale(result.receipt_no, result.change_rp)
        screen.sale_committed.emit(result)
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
        from kkmp_pos.gui.qris_dialog import QrisDialog

        screen = self.screen
        assert screen.actor is not None
        dialog = QrisDialog(self.till, screen.actor, result.sale_id, screen)
        if dialog.qris.payload:
            self.qris_shown.emit(
                dialog.qris.payload, dialog.amount_rp, dialog.qris.merchant_label.text(), result.total_rp
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
