"""The cashier screen's widgets and where they sit (1366×768, and 1024×768 narrower): scan box, quick
buttons, cart, actions, and on the right the member, the totals, the last sale and the pay button. The
screen connects them."""

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
    from collections.abc import Callable

    from kkmp_pos.core.pricing import PricedItem

NARROW_SCREEN_PX = 1280  # below this (a 1024×768 touch till) the cart's figures take less room
RIGHT_PANEL_PX = 430  # the total in its big type needs it, on any screen
CART_COLUMNS_PX = {
    "wide": {CartModel.COL_NO: 40, CartModel.COL_QTY: 110, CartModel.COL_PRICE: 110,
             CartModel.COL_SAVING: 120, CartModel.COL_TOTAL: 120},
    "narrow": {CartModel.COL_NO: 32, CartModel.COL_QTY: 90, CartModel.COL_PRICE: 96,
               CartModel.COL_SAVING: 84, CartModel.COL_TOTAL: 108},
}  # fmt: skip


def _screen_width() -> str:
    from PySide6.QtGui import QGuiApplication

    screen = QGuiApplication.primaryScreen()
    wide = screen is None or screen.availableGeometry().width() >= NARROW_SCREEN_PX
    return "wide" if wide else "narrow"


class CashierWidgets:
    """Builds the screen's widgets into `root` and holds them."""

    def __init__(
        self,
        root: QWidget,
        store_name: str,
        model: CartModel,
        search: Callable[[str], list[PricedItem]],
        quick_items: list[PricedItem],
    ) -> None:
        outer = QVBoxLayout(root)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        top = QWidget()
        top.setObjectName("topBar")
        top.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        top_row = QHBoxLayout(top)
        top_row.setContentsMargins(12, 4, 8, 4)
        self.store_label = QLabel(store_name)
        self.user_label = QLabel()
        self.display_button = key_button(
            QCoreApplication.translate("CashierScreen", "Layar pelanggan"), "Ctrl+L", min_height=40
        )
        self.logout_button = key_button(
            QCoreApplication.translate("CashierScreen", "Keluar"), "", min_height=40
        )
        self.menu_button = key_button(
            QCoreApplication.translate("CashierScreen", "Menu"), "Ctrl+M", min_height=40
        )
        for button in (self.menu_button, self.display_button, self.logout_button):
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        top_row.addWidget(self.store_label, 1)
        top_row.addWidget(self.user_label)
        top_row.addWidget(self.menu_button)
        top_row.addWidget(self.display_button)
        top_row.addWidget(self.logout_button)
        outer.addWidget(top)

        body = QHBoxLayout()
        body.setContentsMargins(10, 8, 10, 10)
        body.setSpacing(10)
        outer.addLayout(body, 1)
        left = QVBoxLayout()
        left.setSpacing(6)
        body.addLayout(left, 1)
        self.scan_box = ScanBox(search)
        self.scan_field = self.scan_box.field
        self.results = self.scan_box.results
        left.addWidget(self.scan_box)
        self.quick_buttons = QuickButtons(quick_items)
        left.addWidget(self.quick_buttons)
        self.table = QTableView()
        self.table.setModel(model)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        # Fixed row heights and column widths: adding a line never re-measures the other lines.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(38)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(CartModel.COL_NAME, QHeaderView.ResizeMode.Stretch)
        size = _screen_width()
        for col, width in CART_COLUMNS_PX[size].items():
            header.resizeSection(col, width)
        left.addWidget(self.table, 1)
        actions = QGridLayout()
        actions.setSpacing(6)
        self.search_button = key_button(
            QCoreApplication.translate("CashierScreen", "Cari"), "F2", stacked=True
        )
        self.qty_button = key_button(
            QCoreApplication.translate("CashierScreen", "Jumlah"), "F4", stacked=True
        )
        self.remove_button = key_button(
            QCoreApplication.translate("CashierScreen", "Hapus baris"), "Del", stacked=True
        )
        self.clear_button = key_button(
            QCoreApplication.translate("CashierScreen", "Kosongkan"), "F8", stacked=True
        )
        self.discount_button = key_button(
            QCoreApplication.translate("CashierScreen", "Diskon/harga"), "Ctrl+D", stacked=True
        )
        self.hold_button = key_button(
            QCoreApplication.translate("CashierScreen", "Tahan"), "F5", stacked=True
        )
        self.recall_button = key_button(
            QCoreApplication.translate("CashierScreen", "Panggil"), "F9", stacked=True
        )
        self.receipts_button = key_button(
            QCoreApplication.translate("CashierScreen", "Struk"), "F3", stacked=True
        )
        self.return_button = key_button(
            QCoreApplication.translate("CashierScreen", "Retur"), "Ctrl+R", stacked=True
        )
        row1 = (
            self.search_button,
            self.qty_button,
            self.remove_button,
            self.clear_button,
            self.discount_button,
        )
        row2 = (self.hold_button, self.recall_button, self.receipts_button, self.return_button)
        for button in row1 + row2:
            button.setMinimumWidth(80)
        for col, button in enumerate(row1):
            actions.addWidget(button, 0, col)
        for col, button in enumerate(row2):
            actions.addWidget(button, 1, col)
        left.addLayout(actions)

        right_widget = QWidget()
        right_widget.setFixedWidth(RIGHT_PANEL_PX)
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
        self.pay_button = key_button(
            QCoreApplication.translate("CashierScreen", "BAYAR"), "F12 / Enter", role="primary", min_height=72
        )
        right.addWidget(self.pay_button)
