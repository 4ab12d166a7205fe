"""The cashier screen: scan or search, quick buttons, the cart, the member, the totals, and payment.

Keyboard first: the scan field always has the focus (a keyboard-wedge scanner types digits + Enter
into it); every action has a key shown on its button; Enter on an empty scan field pays; Esc backs out.
The screen shows and asks; its `CashierController` holds the cart and decides, through the services.
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

from kkmp_pos.core.cart import Cart, CartLine, MemberRef
from kkmp_pos.core.errors import KkmpError
from kkmp_pos.core.money import format_qty, format_rp
from kkmp_pos.core.pricing import PricedItem
from kkmp_pos.gui.i18n import error_text
from kkmp_pos.gui.labels import role_label
from kkmp_pos.gui.printing.receipt_printing import ReceiptPrinting
from kkmp_pos.gui.selling.cart_model import CartModel
from kkmp_pos.gui.selling.cashier_controller import CashierController
from kkmp_pos.gui.selling.cashier_layout import CashierWidgets
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
        self.controller = CashierController(till, self)
        self.model = CartModel(self.controller.cart)
        self.last_print: PrintOutcome | None = None
        self.dialog: QWidget | None = None  # the open dialog, if any (tests drive it)
        self.quick_items = QuickItemService(till.ctx)
        self.printing = ReceiptPrinting(till, self)
        self.printing.finished.connect(self._printed)
        self.flow = CheckoutFlow(self, self)
        self.tools = CashierTools(self, self.flow, self)
        self._build()
        self.printing.status.connect(self.last_panel.show_print)
        self._shortcuts()
        self._show_totals()

    @property
    def cart(self) -> Cart:
        return self.controller.cart

    @property
    def actor(self) -> Actor | None:
        return self.controller.actor

    @property
    def last_result(self) -> SaleResult | None:
        return self.controller.last_result

    # -- layout ---------------------------------------------------------------------------------
    def _build(self) -> None:
        def search(text: str, include_inactive: bool = False) -> list[PricedItem]:
            found = self.till.catalog.search(text, limit=50, include_inactive=include_inactive)
            return self.quick_items.with_units(found)

        ui = CashierWidgets(self, self.till.shop.name, self.model, search, self.quick_items.quick_items())
        self.ui = ui
        # The widgets the main window, the tools and the tests reach for by name.
        self.scan_box, self.scan_field, self.results = ui.scan_box, ui.scan_field, ui.results
        self.quick_buttons, self.table, self.user_label = ui.quick_buttons, ui.table, ui.user_label
        self.member_panel, self.totals_panel, self.last_panel = (
            ui.member_panel,
            ui.totals_panel,
            ui.last_panel,
        )
        self.menu_button, self.search_button, self.pay_button = (
            ui.menu_button,
            ui.search_button,
            ui.pay_button,
        )
        self._connect(ui)

    def _connect(self, ui: CashierWidgets) -> None:
        tools = self.tools
        box = ui.scan_box
        box.scanned.connect(self.controller.scan)
        box.picked.connect(self.controller.sell)
        box.empty_enter.connect(self.pay)
        box.arrow.connect(self._move_cart_selection)
        box.delete_pressed.connect(self.remove_line)
        ui.quick_buttons.picked.connect(self.controller.sell)
        ui.table.clicked.connect(lambda _i: self.focus_scan())
        clicks = {
            ui.menu_button: self.menu_requested.emit,
            ui.logout_button: self.request_logout,
            ui.search_button: self.start_search,
            ui.qty_button: self.change_qty,
            ui.remove_button: self.remove_line,
            ui.clear_button: self.clear_cart,
            ui.discount_button: tools.discount,
            ui.hold_button: tools.hold,
            ui.recall_button: tools.recall,
            ui.receipts_button: tools.receipts,
            ui.return_button: lambda: tools.returns(None),
            ui.display_button: tools.toggle_display,
            ui.member_panel.attach_button: self.ask_member,
            ui.member_panel.remove_button: self.remove_member,
            ui.member_panel.register_button: tools.register_member,
            ui.last_panel.preview_button: self.show_last_receipt,
            ui.last_panel.reprint_button: self.reprint_last,
            ui.pay_button: self.pay,
        }
        for button, slot in clicks.items():
            button.clicked.connect(slot)

    def _shortcuts(self) -> None:
        from kkmp_pos.gui.keymap import bind

        tools = self.tools
        slots = {
            "show_keys": self.show_keys,
            "start_search": self.start_search,
            "receipts": tools.receipts,
            "change_qty": self.change_qty,
            "hold": tools.hold,
            "ask_member": self.ask_member,
            "remove_member": self.remove_member,
            "clear_cart": self.clear_cart,
            "recall": tools.recall,
            "show_last_receipt": self.show_last_receipt,
            "reprint_last": self.reprint_last,
            "pay": self.pay,
            "discount": tools.discount,
            "returns": lambda: tools.returns(None),
            "register_member": tools.register_member,
            "toggle_display": tools.toggle_display,
            "menu": self.menu_requested.emit,
        }
        keys = bind("cashier_screen", slots)
        self.shortcuts: list[QShortcut] = list(self.quick_buttons.shortcuts)
        for key, slot in keys.items():
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts.append(shortcut)

    def show_keys(self) -> None:
        """F1: the keys of this screen, from the one key map."""
        from kkmp_pos.gui.key_help_dialog import KeyHelpDialog
        from kkmp_pos.gui.keymap import help_rows

        self.open_dialog(KeyHelpDialog(help_rows("cashier_screen"), self))

    def _enable_shortcuts(self, on: bool) -> None:
        # Dialogs are children of this screen: while one is open its own keys (F4 "Uang pas") must
        # reach it instead of the screen's (F4 "Jumlah").
        for shortcut in self.shortcuts:
            shortcut.setEnabled(on)

    # -- the session ----------------------------------------------------------------------------
    def start(self, actor: Actor) -> None:
        self.controller.start(actor)
        self.user_label.setText(f"{role_label(actor.role)}: {actor.name}")  # a manager is not "Kasir"
        self.last_panel.clear()  # nothing of the previous cashier's session stays on screen
        self.set_status("")
        self.focus_scan()

    def request_logout(self) -> None:
        if not self.controller.can_log_out():
            self.set_status(self.tr("Selesaikan, tahan atau kosongkan keranjang sebelum keluar."), error=True)
            return
        self.controller.log_out()
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

    # -- what the controller shows (CashierView) ------------------------------------------------
    def scan_taken(self) -> None:
        self.scan_box.reset()

    def scan_refused(self, error: KkmpError) -> None:
        self.set_status(error_text(error), error=True)
        self._reset_scan()

    def _reset_scan(self) -> None:
        self.scan_box.reset()
        self.focus_scan()

    def line_added(self, line_id: int) -> None:
        self._line_shown(line_id)
        self._reset_scan()

    def line_changed(self, line_id: int) -> None:
        self._line_shown(line_id)

    def ask_weight(self, item: PricedItem, unit_price_rp: int) -> None:
        from kkmp_pos.gui.selling.weight_dialog import WeightDialog

        self.open_dialog(
            WeightDialog(item, unit_price_rp, lambda qty: self.controller.add_weighed(item, qty), self)
        )

    def show_receipt(self, sale_id: str) -> None:
        self.tools.show_receipt(sale_id)

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
        ui = self.ui
        for button in (ui.qty_button, ui.remove_button, ui.clear_button, ui.pay_button,
                       ui.hold_button, ui.discount_button):  # fmt: skip
            button.setEnabled(has_lines)
        self.totals_changed.emit(totals, member.name if member is not None else "")

    def cart_changed(self, *, all_rows: bool = True) -> None:
        """Something changed every line (member, discount): show the rows and totals again."""
        self.model.sync(all_rows=all_rows)
        self._show_totals()

    def new_cart(self, cart: Cart | None = None) -> None:
        """Start the next customer's cart, or show a recalled one."""
        self.controller.new_cart(cart)

    def cart_replaced(self) -> None:
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
        self.open_dialog(QtyDialog(line, lambda qty: self.controller.set_qty(line_id, qty), self))

    def remove_line(self) -> None:
        """Del: void the selected line (audited; a manager's PIN past the shop's limit)."""
        self.tools.void_line(self.selected_line_id())

    def line_voided(self, line: CartLine) -> None:
        if self.cart.lines:
            self.table.selectRow(min(self._current_row(), len(self.cart.lines) - 1))
        self._show_totals()
        self.set_status(self.tr("Baris dihapus: {name}").format(name=line.item.name))
        self.focus_scan()

    def clear_cart(self) -> None:
        """F8: empty the cart (audited; a manager's PIN past the shop's limit)."""
        self.tools.clear_cart()

    def cart_cleared(self) -> None:
        self.set_status(self.tr("Keranjang dikosongkan."))
        self.focus_scan()

    # -- the member -----------------------------------------------------------------------------
    def ask_member(self) -> None:
        from kkmp_pos.gui.members.member_dialog import MemberDialog

        dialog = MemberDialog(self.till.members.find, self.till.members.search, self, till=self.till)
        dialog.accepted.connect(lambda: dialog.member and self.attach_member(dialog.member))
        self.open_dialog(dialog)

    def attach_member(self, member: MemberRef) -> None:
        self.controller.attach_member(member)

    def member_attached(self, member: MemberRef, error: KkmpError | None) -> None:
        if error is not None:
            self.set_status(error_text(error), error=True)
        elif member.active:
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
        if not self.controller.remove_member():
            return
        self.set_status(self.tr("Anggota dilepas: harga biasa."))
        self.focus_scan()

    # -- paying and printing --------------------------------------------------------------------
    def pay(self) -> None:
        self.flow.pay()

    def show_sale(self, result: SaleResult) -> None:
        """A sale committed: its change stays on screen while the next customer starts."""
        self.last_panel.show_sale(result.receipt_no, result.change_rp)
        self.sale_committed.emit(result)

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
