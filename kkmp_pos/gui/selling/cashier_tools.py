"""The cashier screen's other moves: hold and recall, discounts, receipts and returns, registering a
member, and the customer display. Each opens its dialog and brings the result back to the screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence, QShortcut

from kkmp_pos.core.errors import KkmpError
from kkmp_pos.core.money import format_rp
from kkmp_pos.gui.i18n import current_lang, error_text

if TYPE_CHECKING:
    from kkmp_pos.core.cart import MemberRef
    from kkmp_pos.gui.selling.cashier_screen import CashierScreen
    from kkmp_pos.gui.selling.customer_display import CustomerDisplay
    from kkmp_pos.services.selling.held import Recalled


class CashierTools(QObject):
    def __init__(self, screen: CashierScreen) -> None:
        super().__init__(screen)
        self.screen = screen
        self.till = screen.till
        self.display: CustomerDisplay | None = None

    def _ready(self) -> bool:
        """No second dialog over an open one, and only for a logged-in cashier."""
        return self.screen.dialog is None and self.screen.actor is not None

    # -- hold and recall ------------------------------------------------------------------------
    def hold(self) -> None:
        screen = self.screen
        if not self._ready() or not screen.cart.lines:
            return
        assert screen.actor is not None
        label = screen.cart.member.name if screen.cart.member is not None else ""
        try:
            held_id = self.till.held.hold(screen.cart, screen.actor, label)
        except KkmpError as exc:
            screen.set_status(error_text(exc), error=True)
            return
        summary = next((h for h in self.till.held.list() if h.id == held_id), None)
        screen.new_cart()
        screen.set_status(
            self.tr("Keranjang ditahan: {label}. Panggil lagi dengan F9.").format(
                label=summary.label if summary else label
            )
        )
        screen.focus_scan()

    def recall(self) -> None:
        from kkmp_pos.gui.selling.held_carts_dialog import HeldCartsDialog

        screen = self.screen
        if not self._ready():
            return
        if screen.cart.lines:
            screen.set_status(
                self.tr("Tahan (F5) atau selesaikan keranjang ini dulu, lalu panggil yang lain."), error=True
            )
            return
        assert screen.actor is not None
        dialog = HeldCartsDialog(self.till, screen.actor, screen)
        dialog.recalled.connect(self.show_recalled)
        screen.open_dialog(dialog)

    def show_recalled(self, recalled: Recalled) -> None:
        screen = self.screen
        screen.new_cart(recalled.cart)
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

        screen = self.screen
        if not self._ready() or not screen.cart.lines:
            return
        assert screen.actor is not None
        dialog = DiscountDialog(self.till, screen.actor, screen.cart, screen.selected_line_id(), screen)
        dialog.applied.connect(self._discounted)
        screen.open_dialog(dialog)

    def _discounted(self) -> None:
        self.screen.cart_changed()
        totals = self.screen.cart.totals()
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
        screen = self.screen
        if screen.last_result is not None and screen.last_result.sale_id == sale_id:
            screen.reprint_last()  # a failed original is retried before any copy is made
            return
        try:
            screen.print_job(self.till.printing.reprint(sale_id, screen.actor))
        except KkmpError as exc:
            screen.set_status(error_text(exc), error=True)

    def receipts(self) -> None:
        if not self._ready():
            return
        from kkmp_pos.gui.selling.receipts_dialog import ReceiptsDialog

        self.screen.open_dialog(ReceiptsDialog(self.till, self.screen.actor, self.screen))

    def returns(self, sale_id: str | None) -> None:
        if not self._ready():
            return
        from kkmp_pos.gui.selling.return_dialog import ReturnDialog

        self.screen.open_dialog(ReturnDialog(self.till, self.screen.actor, self.screen, sale_id=sale_id))

    # -- registering a member -------------------------------------------------------------------
    def register_member(self) -> None:
        screen = self.screen
        if not self._ready():
            return
        from kkmp_pos.gui.members.register_member_dialog import RegisterMemberDialog

        dialog = RegisterMemberDialog(self.till, screen.actor, screen, shift_id=screen.shift_id())
        dialog.registered.connect(self._registered)
        screen.open_dialog(dialog)

    def _registered(self, member: MemberRef) -> None:
        self.screen.attach_member(member)  # the cart is re-priced at member prices at once

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
            display = CustomerDisplay(screen.model, self.till.ctx.store.name, screen)
            screen.totals_changed.connect(display.show_totals)
            screen.flow.qris_shown.connect(display.show_qris)
            screen.flow.paid.connect(display.show_paid)
            self.display = display
        member = screen.cart.member
        self.display.show_totals(screen.cart.totals(), member.name if member is not None else "")
        self.display.place()
        screen.window().activateWindow()
        screen.focus_scan()
        return self.display

    def close_display(self) -> None:
        if self.display is not None:
            self.display.hide()
            self.screen.focus_scan()
            self.screen.window().activateWindow()
