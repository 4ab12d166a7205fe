"""The cashier screen's other moves: voiding a line or clearing the cart, hold and recall, discounts,
receipts and returns, registering a member, and the customer display. Each opens its dialog and brings
the result back to the screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence, QShortcut

from kkmp_pos.core.errors import KkmpError, PermissionDenied
from kkmp_pos.core.money import format_rp
from kkmp_pos.gui.i18n import current_lang, error_text

if TYPE_CHECKING:
    from collections.abc import Callable

    from kkmp_pos.core.cart import MemberRef
    from kkmp_pos.gui.selling.cashier_host import CashierHost
    from kkmp_pos.gui.selling.checkout_flow import CheckoutFlow
    from kkmp_pos.gui.selling.customer_display import CustomerDisplay
    from kkmp_pos.services.context import Actor
    from kkmp_pos.services.selling.held import Recalled


class CashierTools(QObject):
    def __init__(self, screen: CashierHost, flow: CheckoutFlow, parent: QObject) -> None:
        super().__init__(parent)
        self.screen = screen
        self.flow = flow
        self.till = screen.till
        self.controller = screen.controller
        self.display: CustomerDisplay | None = None

    def _ready(self) -> bool:
        """No second dialog over an open one, and only for a logged-in cashier."""
        return self.screen.dialog is None and self.controller.actor is not None

    # -- voids ----------------------------------------------------------------------------------
    def void_line(self, line_id: int | None, approver: Actor | None = None) -> None:
        screen = self.screen
        if line_id is None or not self._ready_or_approving(approver):
            return
        try:
            line = self.controller.void_line(line_id, approver, remove=screen.model.remove_line)
        except KkmpError as exc:
            self._refused(exc, approver, lambda manager: self.void_line(line_id, manager))
            return
        screen.line_voided(line)

    def clear_cart(self, approver: Actor | None = None) -> None:
        screen = self.screen
        if not self._ready_or_approving(approver):
            return
        try:
            cleared = self.controller.clear_cart(approver)
        except KkmpError as exc:
            self._refused(exc, approver, self.clear_cart)
            return
        if cleared:
            screen.cart_cleared()

    def _ready_or_approving(self, approver: Actor | None) -> bool:
        """Ready, or called back by the manager approval this helper opened (it is still the dialog)."""
        return self._ready() or (approver is not None and self.controller.actor is not None)

    def _refused(self, exc: KkmpError, approver: Actor | None, retry: Callable[[Actor], None]) -> None:
        """Past the shop's limit a manager approves on the spot and the same move is made again."""
        from kkmp_pos.gui.approval_dialog import ApprovalDialog

        screen = self.screen
        if isinstance(exc, PermissionDenied) and exc.code == "approval_required" and approver is None:
            dialog = ApprovalDialog(self.till, "void_over_limit", error_text(exc), screen)
            dialog.approved.connect(retry)
            screen.open_dialog(dialog)
            return
        screen.set_status(error_text(exc), error=True)
        screen.focus_scan()

    # -- hold and recall ------------------------------------------------------------------------
    def hold(self) -> None:
        screen = self.screen
        if not self._ready() or not self.controller.cart.lines:
            return
        try:
            label = self.controller.hold()
        except KkmpError as exc:
            screen.set_status(error_text(exc), error=True)
            return
        screen.set_status(self.tr("Keranjang ditahan: {label}. Panggil lagi dengan F9.").format(label=label))
        screen.focus_scan()

    def recall(self) -> None:
        from kkmp_pos.gui.selling.held_carts_dialog import HeldCartsDialog

        screen = self.screen
        if not self._ready():
            return
        if self.controller.cart.lines:
            screen.set_status(
                self.tr("Tahan (F5) atau selesaikan keranjang ini dulu, lalu panggil yang lain."), error=True
            )
            return
        assert self.controller.actor is not None
        dialog = HeldCartsDialog(self.till, self.controller.actor, screen)
        dialog.recalled.connect(self.show_recalled)
        screen.open_dialog(dialog)

    def show_recalled(self, recalled: Recalled) -> None:
        screen = self.screen
        self.controller.recalled(recalled)
        if recalled.problems:
            lang = current_lang()
            text = self.tr("Sebagian keranjang tidak bisa dipanggil: {list}").format(
                list="; ".join(f"{name}: {exc.message(lang)}" for name, exc in recalled.problems)
            )
            screen.set_status(text, error=True)
            screen.window_message(text, "warning")
        else:
            screen.set_status(
                self.tr("Keranjang dipanggil: {n} baris, {total}.").format(
                    n=len(recalled.cart.lines), total=format_rp(recalled.cart.totals().total_rp)
                )
            )

    # -- discounts ------------------------------------------------------------------------------
    def discount(self) -> None:
        from kkmp_pos.gui.selling.discount_dialog import DiscountDialog

        screen, controller = self.screen, self.controller
        if not self._ready() or not controller.cart.lines:
            return
        assert controller.actor is not None
        dialog = DiscountDialog(
            self.till, controller.actor, controller.cart, screen.selected_line_id(), screen
        )
        dialog.applied.connect(self._discounted)
        screen.open_dialog(dialog)

    def _discounted(self) -> None:
        self.screen.cart_changed()
        totals = self.controller.cart.totals()
        self.screen.set_status(
            self.tr("Diskon diterapkan. Total {total}.").format(total=format_rp(totals.total_rp))
        )

    # -- receipts and returns -------------------------------------------------------------------
    def show_receipt(self, sale_id: str) -> None:
        """A scanned receipt code (or F10): the receipt on screen, with a copy and a return at hand."""
        from kkmp_pos.core.receipt import render_text, width_for_paper
        from kkmp_pos.gui.selling.receipt_dialog import ReceiptDialog

        screen = self.screen
        if screen.dialog is not None:
            return
        try:
            doc = self.till.receipts.document(sale_id)
        except KkmpError as exc:
            screen.set_status(error_text(exc), error=True)
            return
        width = width_for_paper(self.till.ctx.settings.printer_paper_mm)
        actions = []
        actions.append((self.tr("Retur [Ctrl+R]"), lambda: self.returns(sale_id)))
        dialog = ReceiptDialog(
            render_text(doc, width), lambda: self.reprint(sale_id), screen, actions, self.tr("Struk")
        )
        if actions:
            key = QShortcut(QKeySequence("Ctrl+R"), dialog)
            key.activated.connect(dialog.action_buttons[0].click)
        screen.open_dialog(dialog)

    def reprint(self, sale_id: str) -> None:
        screen, last = self.screen, self.controller.last_result
        if last is not None and last.sale_id == sale_id:
            screen.reprint_last()  # a failed original is retried before any copy is made
            return
        try:
            screen.print_job(self.till.printing.reprint(sale_id, self.controller.actor))
        except KkmpError as exc:
            screen.set_status(error_text(exc), error=True)

    def receipts(self) -> None:
        if not self._ready():
            return
        from kkmp_pos.gui.selling.receipts_dialog import ReceiptsDialog

        self.screen.open_dialog(ReceiptsDialog(self.till, self.controller.actor, self.screen))

    def returns(self, sale_id: str | None) -> None:
        if not self._ready():
            return
        from kkmp_pos.gui.selling.return_dialog import ReturnDialog

        self.screen.open_dialog(ReturnDialog(self.till, self.controller.actor, self.screen, sale_id=sale_id))

    # -- registering a member -------------------------------------------------------------------
    def register_member(self) -> None:
        screen = self.screen
        if not self._ready():
            return
        from kkmp_pos.gui.members.register_member_dialog import RegisterMemberDialog

        dialog = RegisterMemberDialog(self.till, self.controller.actor, screen)
        dialog.registered.connect(self._registered)
        screen.open_dialog(dialog)

    def _registered(self, member: MemberRef) -> None:
        self.controller.attach_member(member)  # the cart is re-priced at member prices at once

    # -- the customer display -------------------------------------------------------------------
    def toggle_display(self) -> None:
        if self.display is not None and self.display.isVisible():
            self.close_display()
            return
        self.open_display()

    def open_display(self) -> CustomerDisplay:
        from kkmp_pos.gui.selling.customer_display import CustomerDisplay

        screen = self.screen
        if self.display is None:
            display = CustomerDisplay(screen.model, self.till.shop.name, screen)
            screen.totals_changed.connect(display.show_totals)
            self.flow.qris_shown.connect(display.show_qris)
            self.flow.paid.connect(display.show_paid)
            self.display = display
        cart = self.controller.cart
        member = cart.member
        self.display.show_totals(cart.totals(), member.name if member is not None else "")
        self.display.place()
        screen.window().activateWindow()
        screen.focus_scan()
        return self.display

    def close_display(self) -> None:
        if self.display is not None:
            self.display.hide()
            self.screen.focus_scan()
            self.screen.window().activateWindow()
