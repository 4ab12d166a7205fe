"""The cashier screen: scan or search, the cart, the member, the totals, and payment.

Keyboard first: the scan field always has the focus (a keyboard-wedge scanner types digits + Enter
into it); every action has a key shown on its button; Enter on an empty scan field pays.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kkmp_pos.core.cart import Cart, MemberRef
from kkmp_pos.core.errors import KkmpError, NotFoundError
from kkmp_pos.core.money import MILLI, format_qty, format_rp, parse_qty
from kkmp_pos.core.pricing import PricedItem
from kkmp_pos.gui.cart_model import CartModel
from kkmp_pos.gui.cashier_panels import LastSalePanel, MemberPanel, TotalsPanel
from kkmp_pos.gui.i18n import error_text
from kkmp_pos.gui.receipt_printing import ReceiptPrinting
from kkmp_pos.gui.widgets import key_button

if TYPE_CHECKING:
    from kkmp_pos.services.context import Actor
    from kkmp_pos.services.printing import PrintOutcome
    from kkmp_pos.services.sales import SaleResult
    from kkmp_pos.services.till import Till

log = logging.getLogger(__name__)


class CashierScreen(QWidget):
    logout_requested = Signal()
    sale_committed = Signal(object)  # SaleResult
    print_finished = Signal(object)  # PrintOutcome

    def __init__(self, till: Till, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.till = till
        self.actor: Actor | None = None
        self.cart = Cart()
        self.model = CartModel(self.cart)
        self.last_result: SaleResult | None = None
        self.last_print: PrintOutcome | None = None
        self.dialog: QWidget | None = None  # the open dialog, if any (tests drive it)
        self._search_mode = False
        self.printing = ReceiptPrinting(till, self)
        self.printing.finished.connect(self._printed)
        self._build()
        self.printing.status.connect(self.last_panel.show_print)
        self._shortcuts()
        self._show_cart()

    # -- layout ---------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        top = QWidget()
        top.setObjectName("topBar")
        top.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        top_row = QHBoxLayout(top)
        top_row.setContentsMargins(12, 4, 8, 4)
        self.store_label = QLabel(self.till.ctx.store.name)
        self.user_label = QLabel()
        self.logout_button = QPushButton(self.tr("Keluar"))
        self.logout_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.logout_button.setMinimumHeight(40)
        self.logout_button.clicked.connect(self.request_logout)
        top_row.addWidget(self.store_label, 1)
        top_row.addWidget(self.user_label)
        top_row.addWidget(self.logout_button)
        outer.addWidget(top)

        body = QHBoxLayout()
        body.setContentsMargins(10, 8, 10, 10)
        body.setSpacing(10)
        outer.addLayout(body, 1)
        left = QVBoxLayout()
        body.addLayout(left, 1)
        self.scan_field = QLineEdit()
        self.scan_field.setObjectName("scanField")
        self.scan_field.setPlaceholderText(self.tr("Pindai barcode atau ketik nama barang…"))
        self.scan_field.returnPressed.connect(self.on_scan_enter)
        self.scan_field.textChanged.connect(self._on_text_changed)
        self.scan_field.installEventFilter(self)
        left.addWidget(self.scan_field)
        self.status_label = QLabel(self.tr("Siap. Pindai barang pertama."))
        self.status_label.setProperty("role", "status")
        self.status_label.setWordWrap(True)
        self.status_label.setMinimumHeight(28)
        left.addWidget(self.status_label)
        self.results = QListWidget()
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.setMaximumHeight(260)
        self.results.itemClicked.connect(self._add_result)
        self.results.hide()
        left.addWidget(self.results)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(40)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CartModel.COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.table.clicked.connect(lambda _i: self.scan_field.setFocus())
        left.addWidget(self.table, 1)
        actions = QHBoxLayout()
        self.search_button = key_button(self.tr("Cari"), "F2")
        self.qty_button = key_button(self.tr("Jumlah"), "F4")
        self.remove_button = key_button(self.tr("Hapus baris"), "Del")
        self.clear_button = key_button(self.tr("Kosongkan"), "F8")
        for b in (self.search_button, self.qty_button, self.remove_button, self.clear_button):
            actions.addWidget(b)
        left.addLayout(actions)

        right_widget = QWidget()
        right_widget.setFixedWidth(430)
        right = QVBoxLayout(right_widget)
        right.setContentsMargins(0, 0, 0, 0)
        body.addWidget(right_widget)
        self.member_panel = MemberPanel()
        self.totals_panel = TotalsPanel()
        self.last_panel = LastSalePanel()
        right.addWidget(self.member_panel)
        right.addWidget(self.totals_panel)
        right.addWidget(self.last_panel)
        right.addStretch(1)
        self.pay_button = key_button(self.tr("BAYAR"), "F12 / Enter", role="primary", min_height=72)
        right.addWidget(self.pay_button)

        self.search_button.clicked.connect(self.start_search)
        self.qty_button.clicked.connect(self.change_qty)
        self.remove_button.clicked.connect(self.remove_line)
        self.clear_button.clicked.connect(self.clear_cart)
        self.member_panel.attach_button.clicked.connect(self.ask_member)
        self.member_panel.remove_button.clicked.connect(self.remove_member)
        self.last_panel.preview_button.clicked.connect(self.show_last_receipt)
        self.last_panel.reprint_button.clicked.connect(self.reprint_last)
        self.pay_button.clicked.connect(self.pay)

    def _shortcuts(self) -> None:
        keys = {
            "F2": self.start_search,
            "F4": self.change_qty,
            "F6": self.ask_member,
            "F7": self.remove_member,
            "F8": self.clear_cart,
            "F10": self.show_last_receipt,
            "F11": self.reprint_last,
            "F12": self.pay,
        }
        for key, slot in keys.items():
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # -- the session ----------------------------------------------------------------------------
    def start(self, actor: Actor) -> None:
        self.actor = actor
        self.user_label.setText(self.tr("Kasir: {name}").format(name=actor.name))
        self.focus_scan()

    def request_logout(self) -> None:
        if self.cart.lines:
            self.set_status(self.tr("Selesaikan atau kosongkan keranjang sebelum keluar."), error=True)
            return
        self.actor = None
        self.logout_requested.emit()

    def focus_scan(self) -> None:
        self.scan_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_status(self, text: str, *, error: bool = False) -> None:
        self.status_label.setText(text)
        self.status_label.setProperty("role", "error" if error else "status")
        self.status_label.style().unpolish(self.status_label)
        self.status_label.style().polish(self.status_label)

    # -- scanning and searching -----------------------------------------------------------------
    def on_scan_enter(self) -> None:
        text = self.scan_field.text().strip()
        if not text:
            self.pay()
            return
        if self.results.isVisible() and self.results.currentItem() is not None:
            self._add_result(self.results.currentItem())
            return
        qty_milli = MILLI
        if "*" in text:  # "3*8990000010012": three of the next scan
            qty_text, _, text = text.partition("*")
            try:
                qty_milli = parse_qty(qty_text)
            except KkmpError as exc:
                return self._scan_refused(error_text(exc))
        try:
            item = self.till.catalog.lookup_barcode(text)
        except NotFoundError as exc:
            if self._try_member(text):
                return None
            return self._scan_refused(error_text(exc))
        except KkmpError as exc:
            return self._scan_refused(error_text(exc))
        self.add_item(item, qty_milli)
        return None

    def _try_member(self, code: str) -> bool:
        """A member card scanned into the scan field attaches the member."""
        try:
            member = self.till.members.find(code)
        except KkmpError:
            return False
        self.attach_member(member)
        self._reset_scan()
        return True

    def _scan_refused(self, text: str) -> None:
        self.set_status(text, error=True)
        self._reset_scan()

    def _reset_scan(self) -> None:
        self._search_mode = False
        self.scan_field.clear()
        self.results.clear()
        self.results.hide()
        self.focus_scan()

    def add_item(self, item: PricedItem, qty_milli: int = MILLI) -> None:
        try:
            line = self.cart.add(item, qty_milli)
        except KkmpError as exc:
            return self._scan_refused(error_text(exc))
        self._show_cart(select_line=line.line_id)
        self.set_status(
            self.tr("{name}: {qty} × {price}").format(
                name=item.name,
                qty=format_qty(line.qty_milli, item.unit_label),
                price=format_rp(line.unit_price_rp),
            )
        )
        self._reset_scan()
        return None

    def start_search(self) -> None:
        self._search_mode = True
        self.scan_field.selectAll()
        self.focus_scan()
        self.set_status(self.tr("Cari: ketik nama atau kode barang, pilih dengan ↑ ↓ lalu Enter."))
        self._on_text_changed(self.scan_field.text())

    def _on_text_changed(self, text: str) -> None:
        text = text.strip()
        wants_search = len(text) >= 2 and (self._search_mode or any(c.isalpha() for c in text))
        if not wants_search:
            self.results.clear()
            self.results.hide()
            return
        self.results.clear()
        for item in self.till.catalog.search(text, limit=50):
            row = QListWidgetItem(
                self.tr("{name}   {price}   stok {stock}").format(
                    name=item.name,
                    price=format_rp(item.regular_price_rp),
                    stock=format_qty(item.on_hand_milli * MILLI // item.factor_milli),
                )
            )
            row.setData(Qt.ItemDataRole.UserRole, item)
            self.results.addItem(row)
        self.results.setVisible(self.results.count() > 0)
        if self.results.count():
            self.results.setCurrentRow(0)

    def _add_result(self, row: QListWidgetItem) -> None:
        self.add_item(row.data(Qt.ItemDataRole.UserRole))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scan_field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self._move_selection(-1 if key == Qt.Key.Key_Up else 1)
                return True
            if key == Qt.Key.Key_Delete and not self.scan_field.text():
                self.remove_line()
                return True
            if key == Qt.Key.Key_Escape:
                self._reset_scan()
                return True
        return super().eventFilter(watched, event)

    def _move_selection(self, step: int) -> None:
        if self.results.isVisible() and self.results.count():
            row = max(0, min(self.results.count() - 1, self.results.currentRow() + step))
            self.results.setCurrentRow(row)
            return
        if self.cart.lines:
            row = max(0, min(len(self.cart.lines) - 1, self._current_row() + step))
            self.table.selectRow(row)

    # -- the cart -------------------------------------------------------------------------------
    def _current_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else len(self.cart.lines) - 1

    def selected_line_id(self) -> int | None:
        return self.model.line_id_at(self._current_row())

    def _show_cart(self, select_line: int | None = None) -> None:
        self.model.refresh()
        if select_line is not None:
            row = self.model.row_of(select_line)
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        elif self.cart.lines:
            self.table.selectRow(len(self.cart.lines) - 1)
        totals = self.cart.totals()
        self.member_panel.show_member(self.cart.member, totals.member_savings_rp)
        self.totals_panel.show_totals(totals, member=self.cart.member_active)
        has_lines = bool(self.cart.lines)
        for button in (self.qty_button, self.remove_button, self.clear_button, self.pay_button):
            button.setEnabled(has_lines)

    def change_qty(self) -> None:
        from kkmp_pos.gui.qty_dialog import QtyDialog

        line_id = self.selected_line_id()
        if line_id is None:
            return
        line = self.cart.line(line_id)

        def apply(qty_milli: int) -> None:
            self.cart.set_qty(line_id, qty_milli)
            self._show_cart(select_line=line_id)

        self._open_dialog(QtyDialog(line, apply, self))

    def remove_line(self) -> None:
        line_id = self.selected_line_id()
        if line_id is None:
            return
        line = self.cart.remove(line_id)
        self._show_cart()
        self.set_status(self.tr("Baris dihapus: {name}").format(name=line.item.name))
        self.focus_scan()

    def clear_cart(self) -> None:
        if not self.cart.lines and self.cart.member is None:
            return
        self.cart.clear()
        self._show_cart()
        self.set_status(self.tr("Keranjang dikosongkan."))
        self.focus_scan()

    # -- the member -----------------------------------------------------------------------------
    def ask_member(self) -> None:
        from kkmp_pos.gui.member_dialog import MemberDialog

        dialog = MemberDialog(self.till.members.find, self.till.members.search, self)
        dialog.accepted.connect(lambda: dialog.member and self.attach_member(dialog.member))
        self._open_dialog(dialog)

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
        self._show_cart()
        self.focus_scan()

    def remove_member(self) -> None:
        if self.cart.member is None:
            return
        self.cart.set_member(None)
        self._show_cart()
        self.set_status(self.tr("Anggota dilepas: harga biasa."))
        self.focus_scan()

    # -- paying and printing --------------------------------------------------------------------
    def pay(self) -> None:
        from kkmp_pos.gui.payment_dialog import PaymentDialog
        from kkmp_pos.services.sales import PaymentInput, PaymentMethod

        if not self.cart.lines or self.dialog is not None:
            return
        cart = self.cart

        def check(tendered_rp: int) -> object:
            return self.till.sales.preview_settlement(
                cart, [PaymentInput(PaymentMethod.CASH, 0, tendered_rp)]
            )

        dialog = PaymentDialog(
            cart.totals().total_rp,
            self.till.sales.cash_due(cart),
            list(self.till.ctx.setting("cash.quick_notes")),
            check,
            self,
        )
        dialog.accepted.connect(lambda: self.checkout(dialog.tendered_rp))
        self._open_dialog(dialog)

    def checkout(self, tendered_rp: int) -> None:
        """Commit the sale (a local transaction of a few ms), then print in the background."""
        from kkmp_pos.services.sales import PaymentInput, PaymentMethod

        assert self.actor is not None
        try:
            result = self.till.sales.checkout(
                self.cart, [PaymentInput(PaymentMethod.CASH, 0, tendered_rp)], self.actor
            )
        except KkmpError as exc:
            self.set_status(error_text(exc), error=True)
            self.window_message(error_text(exc))
            return
        self.last_result = result
        self.cart.clear()
        self._show_cart()
        self.last_panel.show_sale(result.receipt_no, result.change_rp)
        self.set_status(
            self.tr("Tersimpan {number}. Kembali {change}.").format(
                number=result.receipt_no, change=format_rp(result.change_rp)
            )
        )
        self.focus_scan()
        self.sale_committed.emit(result)
        self.print_job(result.print_job_id)

    def print_job(self, job_id: int, *, retry: bool = False) -> None:
        self.printing.print_job(job_id, retry=retry)

    def _printed(self, outcome: PrintOutcome) -> None:
        self.last_print = outcome
        self.print_finished.emit(outcome)

    def window_message(self, text: str) -> None:
        show = getattr(self.window(), "show_error", None)
        if callable(show):
            show(text)

    def reprint_last(self) -> None:
        if self.last_result is None:
            return
        try:
            self.printing.reprint(self.last_result.sale_id, self.actor)
        except KkmpError as exc:
            self.set_status(error_text(exc), error=True)

    def show_last_receipt(self) -> None:
        from kkmp_pos.core.receipt import render_text, width_for_paper
        from kkmp_pos.gui.receipt_dialog import ReceiptDialog

        try:
            sale = self.till.receipts.last()
            doc = self.till.receipts.document(sale.id)
        except KkmpError as exc:
            self.set_status(error_text(exc), error=True)
            return
        width = width_for_paper(int(self.till.ctx.setting("printer.paper_mm")))
        self._open_dialog(ReceiptDialog(render_text(doc, width), self.reprint_last, self))

    def _open_dialog(self, dialog: QWidget) -> None:
        """Window-modal, non-blocking (no nested event loop); the scan field gets the focus back."""
        self.dialog = dialog

        def closed() -> None:
            self.dialog = None
            dialog.deleteLater()
            self.window().activateWindow()  # some platforms leave no window active after a dialog
            self.focus_scan()

        dialog.finished.connect(closed)  # type: ignore[attr-defined]
        dialog.open()  # type: ignore[attr-defined]
