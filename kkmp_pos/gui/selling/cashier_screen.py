"""The cashier screen: scan or search, quick buttons, the cart, the member, the totals, and payment.

Keyboard first: the scan field always has the focus (a keyboard-wedge scanner types digits + Enter
into it); every action has a key shown on its button; Enter on an empty scan field pays; Esc backs out.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QWidget,
)

from kkmp_pos.core.cart import Cart, MemberRef
from kkmp_pos.core.errors import KkmpError, NotFoundError
from kkmp_pos.core.money import MILLI, format_qty, format_rp, parse_qty
from kkmp_pos.core.pricing import PricedItem, price_for
from kkmp_pos.gui.i18n import error_text
from kkmp_pos.gui.printing.receipt_printing import ReceiptPrinting
from kkmp_pos.gui.selling.cart_model import CartModel
from kkmp_pos.gui.selling.cashier_layout import build_cashier_layout
from kkmp_pos.gui.selling.cashier_tools import CashierTools
from kkmp_pos.gui.selling.checkout_flow import CheckoutFlow

if TYPE_CHECKING:
    from kkmp_pos.services.context import Actor
    from kkmp_pos.services.printing.jobs import PrintOutcome
    from kkmp_pos.services.selling.sales import SaleResult
    from kkmp_pos.services.till import Till

log = logging.getLogger(__name__)


class CashierScreen(QWidget):
    logout_requested = Signal()
    menu_requested = Signal()  # the main window shows its menu (shift, reports, stock, settings)
    sale_committed = Signal(object)  # SaleResult
    print_finished = Signal(object)  # PrintOutcome
    totals_changed = Signal(object, str)  # CartTotals, member name ('' = none): the customer display

    def __init__(self, till: Till, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from kkmp_pos.services.selling.quick_items import QuickItemService

        self.till = till
        self.actor: Actor | None = None
        self.cart = Cart()
        self.model = CartModel(self.cart)
        self.last_result: SaleResult | None = None
        self.last_print: PrintOutcome | None = None
        self.dialog: QWidget | None = None  # the open dialog, if any (tests drive it)
        self.quick_items = QuickItemService(till.ctx)
        self.printing = ReceiptPrinting(till, self)
        self.printing.finished.connect(self._printed)
        self.flow = CheckoutFlow(self)
        self.tools = CashierTools(self)
        self._build()
        self.printing.status.connect(self.last_panel.show_print)
        self._shortcuts()
        self._show_totals()

    # -- layout ---------------------------------------------------------------------------------
    def _build(self) -> None:
        build_cashier_layout(self)

    def _shortcuts(self) -> None:
        tools = self.tools
        keys = {
            "F2": self.start_search,
            "F3": tools.receipts,
            "F4": self.change_qty,
            "F5": tools.hold,
            "F6": self.ask_member,
            "F7": self.remove_member,
            "F8": self.clear_cart,
            "F9": tools.recall,
            "F10": self.show_last_receipt,
            "F11": self.reprint_last,
            "F12": self.pay,
            "Ctrl+D": tools.discount,
            "Ctrl+R": lambda: tools.returns(None),
            "Ctrl+N": tools.register_member,
            "Ctrl+L": tools.toggle_display,
            "Ctrl+M": self.menu_requested.emit,
        }
        self.shortcuts: list[QShortcut] = list(self.quick_buttons.shortcuts)
        for key, slot in keys.items():
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts.append(shortcut)

    def _enable_shortcuts(self, on: bool) -> None:
        # Dialogs are children of this screen: while one is open its own keys (F4 "Uang pas") must
        # reach it instead of the screen's (F4 "Jumlah").
        for shortcut in self.shortcuts:
            shortcut.setEnabled(on)

    # -- the session ----------------------------------------------------------------------------
    def start(self, actor: Actor) -> None:
        self.actor = actor
        self.user_label.setText(self.tr("Kasir: {name}").format(name=actor.name))
        self.focus_scan()

    def shift_id(self) -> str | None:
        """The open shift this cashier sells in, if any."""
        shifts = getattr(self.till, "shifts", None)
        if shifts is None or self.actor is None:
            return None
        try:
            info = shifts.current(self.actor)
        except KkmpError:
            return None
        return None if info is None else info.id

    def request_logout(self) -> None:
        if self.cart.lines:
            self.set_status(self.tr("Selesaikan, tahan atau kosongkan keranjang sebelum keluar."), error=True)
            return
        self.actor = None
        self.tools.close_display()
        self.logout_requested.emit()

    def focus_scan(self) -> None:
        if self.dialog is None:  # an open dialog keeps its own focus (a member attached from it)
            self.scan_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_status(self, text: str, *, error: bool = False) -> None:
        self.scan_box.set_status(text, error=error)

    @property
    def status_label(self) -> QLabel:
        return self.scan_box.status_label

    # -- scanning and searching -----------------------------------------------------------------
    def on_scan_enter(self) -> None:
        """What Enter in the scan field does (tests and the screenshot call it directly)."""
        self.scan_box._enter()

    def on_scanned(self, text: str) -> None:
        from kkmp_pos.services.selling.scanning import ScanResultKind

        qty_milli = MILLI
        if "*" in text:  # "3*8990000010012": three of the next scan
            qty_text, _, text = text.partition("*")
            try:
                qty_milli = parse_qty(qty_text)
            except KkmpError as exc:
                return self._scan_refused(error_text(exc))
        try:
            result = self.till.scanner.scan(text, member_active=self.cart.member_active)
        except NotFoundError as exc:
            if self._try_member(text):  # a member number, phone or NIK typed into the scan field
                return None
            return self._scan_refused(error_text(exc))
        except KkmpError as exc:
            return self._scan_refused(error_text(exc))
        self.scan_box.reset()
        if result.kind is ScanResultKind.MEMBER:
            assert result.member is not None
            self.attach_member(result.member)
        elif result.kind is ScanResultKind.RECEIPT:
            assert result.sale_id is not None
            self.tools.show_receipt(result.sale_id)
        else:
            assert result.item is not None
            is_label = result.fixed_total_rp is not None or result.qty_milli != MILLI or text.startswith("2")
            if result.item.is_weighed and not is_label:
                self.ask_weight(result.item)
            else:
                qty = result.qty_milli if result.qty_milli != MILLI else qty_milli
                self.add_item(result.item, qty, fixed_total_rp=result.fixed_total_rp)
        return None

    def _try_member(self, query: str) -> bool:
        try:
            member = self.till.members.find(query)
        except KkmpError:
            return False
        self.scan_box.reset()
        self.attach_member(member)
        return True

    def _scan_refused(self, text: str) -> None:
        self.set_status(text, error=True)
        self._reset_scan()

    def _reset_scan(self) -> None:
        self.scan_box.reset()
        self.focus_scan()

    def sell_item(self, item: PricedItem) -> None:
        """A search result or quick button: weighed goods ask for the weight, the rest add one."""
        self.scan_box.reset()
        if item.is_weighed:
            self.ask_weight(item)
        else:
            self.add_item(item)

    def ask_weight(self, item: PricedItem) -> None:
        from kkmp_pos.gui.selling.weight_dialog import WeightDialog

        unit_price = price_for(item, self.cart.member_active).unit_price_rp
        self.open_dialog(WeightDialog(item, unit_price, lambda qty: self._add_or_raise(item, qty), self))

    def _add_or_raise(self, item: PricedItem, qty_milli: int) -> None:
        line = self.cart.add(item, qty_milli)
        self._line_shown(line.line_id)

    def add_item(
        self, item: PricedItem, qty_milli: int = MILLI, *, fixed_total_rp: int | None = None
    ) -> None:
        try:
            line = self.cart.add(item, qty_milli, fixed_total_rp=fixed_total_rp)
        except KkmpError as exc:
            return self._scan_refused(error_text(exc))
        self._line_shown(line.line_id)
        self._reset_scan()
        return None

    def _line_shown(self, line_id: int) -> None:
        self.model.sync(line_id)
        row = self.model.row_of(line_id)
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        line = self.cart.lines[row]
        self.set_status(
            self.tr("{name}: {qty} × {price} = {total}").format(
                name=line.item.name,
                qty=format_qty(line.qty_milli, line.item.unit_label),
                price=format_rp(line.unit_price_rp),
                total=format_rp(line.total_rp),
            )
        )
        self._show_totals()

    def start_search(self) -> None:
        self.scan_box.start_search()

    def _move_cart_selection(self, step: int) -> None:
        if self.cart.lines:
            row = max(0, min(len(self.cart.lines) - 1, self._current_row() + step))
            self.table.selectRow(row)

    # -- the cart -------------------------------------------------------------------------------
    def _current_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else len(self.cart.lines) - 1

    def selected_line_id(self) -> int | None:
        return self.model.line_id_at(self._current_row())

    def _show_totals(self) -> None:
        totals = self.cart.totals()
        member = self.cart.member
        self.member_panel.show_member(member, totals.member_savings_rp)
        self.totals_panel.show_totals(totals, member=self.cart.member_active)
        has_lines = bool(self.cart.lines)
        for button in (self.qty_button, self.remove_button, self.clear_button, self.pay_button,
                       self.hold_button, self.discount_button):  # fmt: skip
            button.setEnabled(has_lines)
        self.totals_changed.emit(totals, member.name if member is not None else "")

    def cart_changed(self, *, all_rows: bool = True) -> None:
        """Something changed every line (member, discount): show the rows and totals again."""
        self.model.sync(all_rows=all_rows)
        self._show_totals()

    def new_cart(self, cart: Cart | None = None) -> None:
        """Start the next customer's cart, or show a recalled one."""
        self.cart = cart if cart is not None else Cart()
        self.model.set_cart(self.cart)
        if self.cart.lines:
            self.table.selectRow(len(self.cart.lines) - 1)
        self._show_totals()

    def change_qty(self) -> None:
        from kkmp_pos.gui.selling.qty_dialog import QtyDialog

        line_id = self.selected_line_id()
        if line_id is None:
            return
        line = self.cart.line(line_id)

        def apply(qty_milli: int) -> None:
            self.cart.set_qty(line_id, qty_milli)
            self._line_shown(line_id)

        self.open_dialog(QtyDialog(line, apply, self))

    def remove_line(self) -> None:
        line_id = self.selected_line_id()
        if line_id is None:
            return
        line = self.model.remove_line(line_id)
        if self.cart.lines:
            self.table.selectRow(min(self._current_row(), len(self.cart.lines) - 1))
        self._show_totals()
        self.set_status(self.tr("Baris dihapus: {name}").format(name=line.item.name))
        self.focus_scan()

    def clear_cart(self) -> None:
        if not self.cart.lines and self.cart.member is None:
            return
        self.new_cart()
        self.set_status(self.tr("Keranjang dikosongkan."))
        self.focus_scan()

    # -- the member -----------------------------------------------------------------------------
    def ask_member(self) -> None:
        from kkmp_pos.gui.members.member_dialog import MemberDialog

        dialog = MemberDialog(self.till.members.find, self.till.members.search, self)
        dialog.accepted.connect(lambda: dialog.member and self.attach_member(dialog.member))
        self.open_dialog(dialog)

    def attach_member(self, member: MemberRef) -> None:
        try:
            self.cart.set_member(member)
        except KkmpError as exc:
            self.cart.set_member(None)
            self.set_status(error_text(exc), error=True)
        else:
            if member.active:
                self.set_status(
                    self.tr("Anggota {name} ({number}): harga anggota berlaku.").format(
                        name=member.name, number=member.number
                    )
                )
            else:
                self.set_status(
                    self.tr("Anggota {number} tidak aktif: harga biasa.").format(number=member.number),
                    error=True,
                )
        self.cart_changed()
        self.focus_scan()

    def remove_member(self) -> None:
        if self.cart.member is None:
            return
        self.cart.set_member(None)
        self.cart_changed()
        self.set_status(self.tr("Anggota dilepas: harga biasa."))
        self.focus_scan()

    # -- paying and printing --------------------------------------------------------------------
    def pay(self) -> None:
        self.flow.pay()

    def checkout(self, payments: object) -> SaleResult | None:
        """Commit with these payments (a list of PaymentInput, or a cash amount tendered)."""
        from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod

        if isinstance(payments, int):
            payments = [PaymentInput(PaymentMethod.CASH, 0, payments)]
        assert isinstance(payments, list)
        return self.flow.checkout(payments)

    def print_job(self, job_id: int, *, retry: bool = False) -> None:
        self.printing.print_job(job_id, retry=retry)

    def _printed(self, outcome: PrintOutcome) -> None:
        self.last_print = outcome
        self.print_finished.emit(outcome)

    def window_message(self, text: str, kind: str = "error") -> None:
        bar = getattr(self.window(), "message_bar", None)
        if bar is not None:
            bar.show_message(text, kind)

    def reprint_last(self) -> None:
        if self.last_result is None:
            return
        try:
            self.printing.reprint(self.last_result.sale_id, self.actor)
        except KkmpError as exc:
            self.set_status(error_text(exc), error=True)

    def show_last_receipt(self) -> None:
        try:
            sale = self.till.receipts.last()
        except KkmpError as exc:
            self.set_status(error_text(exc), error=True)
            return
        self.tools.show_receipt(sale.id)

    def open_dialog(self, dialog: QWidget) -> None:
        """Window-modal, non-blocking (no nested event loop); the scan field gets the focus back."""
        self.dialog = dialog
        self._enable_shortcuts(False)

        def closed() -> None:
            dialog.deleteLater()
            if self.dialog is not dialog:
                return  # another dialog followed this one (payment → QRIS): it keeps the focus
            self.dialog = None
            self._enable_shortcuts(True)
            self.window().activateWindow()  # some platforms leave no window active after a dialog
            self.focus_scan()

        dialog.finished.connect(closed)  # type: ignore[attr-defined]
        dialog.open()  # type: ignore[attr-defined]
