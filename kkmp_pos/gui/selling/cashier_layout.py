"""The cashier screen's widgets and where they sit (1366×768): scan box, quick buttons, cart, actions,
and on the right the member, the totals, the last sale and the pay button."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kkmp_pos.gui.selling.cart_model import CartModel
from kkmp_pos.gui.selling.cashier_panels import LastSalePanel, MemberPanel, TotalsPanel
from kkmp_pos.gui.selling.quick_buttons import QuickButtons
from kkmp_pos.gui.selling.scan_box import ScanBox
from kkmp_pos.gui.widgets import key_button

if TYPE_CHECKING:
    from kkmp_pos.gui.selling.cashier_screen import CashierScreen


def build_cashier_layout(screen: CashierScreen) -> None:
    outer = QVBoxLayout(screen)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.setSpacing(0)
    top = QWidget()
    top.setObjectName("topBar")
    top.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    top_row = QHBoxLayout(top)
    top_row.setContentsMargins(12, 4, 8, 4)
    screen.store_label = QLabel(screen.till.ctx.store.name)
    screen.user_label = QLabel()
    screen.display_button = key_button(
        QCoreApplication.translate("CashierScreen", "Layar pelanggan"), "Ctrl+L", min_height=40
    )
    screen.logout_button = key_button(
        QCoreApplication.translate("CashierScreen", "Keluar"), "", min_height=40
    )
    screen.menu_button = key_button(
        QCoreApplication.translate("CashierScreen", "Menu"), "Ctrl+M", min_height=40
    )
    screen.menu_button.clicked.connect(screen.menu_requested.emit)
    for button in (screen.menu_button, screen.display_button, screen.logout_button):
        button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    screen.logout_button.clicked.connect(screen.request_logout)
    top_row.addWidget(screen.store_label, 1)
    top_row.addWidget(screen.user_label)
    top_row.addWidget(screen.menu_button)
    top_row.addWidget(screen.display_button)
    top_row.addWidget(screen.logout_button)
    outer.addWidget(top)

    body = QHBoxLayout()
    body.setContentsMargins(10, 8, 10, 10)
    body.setSpacing(10)
    outer.addLayout(body, 1)
    left = QVBoxLayout()
    left.setSpacing(6)
    body.addLayout(left, 1)
    screen.scan_box = ScanBox(
        lambda text: screen.quick_items.with_units(screen.till.catalog.search(text, limit=50))
    )
    screen.scan_field = screen.scan_box.field
    screen.results = screen.scan_box.results
    left.addWidget(screen.scan_box)
    screen.quick_buttons = QuickButtons(screen.quick_items.quick_items())
    left.addWidget(screen.quick_buttons)
    screen.table = QTableView()
    screen.table.setModel(screen.model)
    screen.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    screen.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    screen.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    screen.table.setWordWrap(False)
    screen.table.verticalHeader().hide()
    # Fixed row heights and column widths: adding a line never re-measures the other lines.
    screen.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    screen.table.verticalHeader().setDefaultSectionSize(38)
    screen.table.setAlternatingRowColors(True)
    header = screen.table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header.setSectionResizeMode(CartModel.COL_NAME, QHeaderView.ResizeMode.Stretch)
    widths = {CartModel.COL_NO: 40, CartModel.COL_QTY: 110, CartModel.COL_PRICE: 110,
              CartModel.COL_SAVING: 120, CartModel.COL_TOTAL: 120}  # fmt: skip
    for col, width in widths.items():
        header.resizeSection(col, width)
    screen.table.clicked.connect(lambda _i: screen.focus_scan())
    left.addWidget(screen.table, 1)
    actions = QGridLayout()
    actions.setSpacing(6)
    screen.search_button = key_button(QCoreApplication.translate("CashierScreen", "Cari"), "F2")
    screen.qty_button = key_button(QCoreApplication.translate("CashierScreen", "Jumlah"), "F4")
    screen.remove_button = key_button(QCoreApplication.translate("CashierScreen", "Hapus baris"), "Del")
    screen.clear_button = key_button(QCoreApplication.translate("CashierScreen", "Kosongkan"), "F8")
    screen.discount_button = key_button(QCoreApplication.translate("CashierScreen", "Diskon/harga"), "Ctrl+D")
    screen.hold_button = key_button(QCoreApplication.translate("CashierScreen", "Tahan"), "F5")
    screen.recall_button = key_button(QCoreApplication.translate("CashierScreen", "Panggil"), "F9")
    screen.receipts_button = key_button(QCoreApplication.translate("CashierScreen", "Struk"), "F3")
    screen.return_button = key_button(QCoreApplication.translate("CashierScreen", "Retur"), "Ctrl+R")
    row1 = (
        screen.search_button,
        screen.qty_button,
        screen.remove_button,
        screen.clear_button,
        screen.discount_button,
    )
    row2 = (screen.hold_button, screen.recall_button, screen.receipts_button, screen.return_button)
    for button in row1 + row2:
        button.setMinimumWidth(80)
    for col, button in enumerate(row1):
        actions.addWidget(button, 0, col)
    for col, button in enumerate(row2):
        actions.addWidget(button, 1, col)
    left.addLayout(actions)

    right_widget = QWidget()
    right_widget.setFixedWidth(430)
    right = QVBoxLayout(right_widget)
    right.setContentsMargins(0, 0, 0, 0)
    body.addWidget(right_widget)
    screen.member_panel = MemberPanel()
    screen.totals_panel = TotalsPanel()
    screen.last_panel = LastSalePanel()
    right.addWidget(screen.member_panel)
    right.addWidget(screen.totals_panel)
    right.addWidget(screen.last_panel)
    right.addStretch(1)
    screen.pay_button = key_button(
        QCoreApplication.translate("CashierScreen", "BAYAR"), "F12 / Enter", role="primary", min_height=72
    )
    right.addWidget(screen.pay_button)

    box = screen.scan_box
    box.scanned.connect(screen.on_scanned)
    box.picked.connect(screen.sell_item)
    box.empty_enter.connect(screen.pay)
    box.arrow.connect(screen._move_cart_selection)
    box.delete_pressed.connect(screen.remove_line)
    screen.quick_buttons.picked.connect(screen.sell_item)
    tools = screen.tools
    screen.search_button.clicked.connect(screen.start_search)
    screen.qty_button.clicked.connect(screen.change_qty)
    screen.remove_button.clicked.connect(screen.remove_line)
    screen.clear_button.clicked.connect(screen.clear_cart)
    screen.discount_button.clicked.connect(tools.discount)
    screen.hold_button.clicked.connect(tools.hold)
    screen.recall_button.clicked.connect(tools.recall)
    screen.receipts_button.clicked.connect(tools.receipts)
    screen.return_button.clicked.connect(lambda: tools.returns(None))
    screen.display_button.clicked.connect(tools.toggle_display)
    screen.member_panel.attach_button.clicked.connect(screen.ask_member)
    screen.member_panel.remove_button.clicked.connect(screen.remove_member)
    screen.member_panel.register_button.clicked.connect(tools.register_member)
    screen.last_panel.preview_button.clicked.connect(screen.show_last_receipt)
    screen.last_panel.reprint_button.clicked.connect(screen.reprint_last)
    screen.pay_button.clicked.connect(screen.pay)
