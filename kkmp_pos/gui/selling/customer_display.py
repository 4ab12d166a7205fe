"""The customer display: a second window (for a second monitor) with the lines, the total, the savings,
the QRIS code large while a QRIS payment is pending, and the change after payment — updated live.

It shares the cashier screen's cart model, so a scanned line appears here through the same row insert;
everything else arrives through the cashier screen's signals (see CashierScreen.connect_display).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kkmp_pos.core.cart import CartTotals
from kkmp_pos.core.money import format_rp
from kkmp_pos.gui.selling.cart_model import CartModel
from kkmp_pos.gui.selling.qris_widget import QrisWidget

STYLE = """
QWidget#customerDisplay { background: #ffffff; }
QLabel[role="cd_total"] { font-size: 56px; font-weight: bold; color: #b71c1c; }
QLabel[role="cd_caption"] { font-size: 26px; font-weight: bold; }
QLabel[role="cd_saving"] { font-size: 24px; font-weight: bold; color: #1b5e20; }
QLabel[role="cd_invite"] { font-size: 20px; color: #8a5a00; background: #fff8e1; border-radius: 8px;
    padding: 10px; }
QLabel[role="cd_change"] { font-size: 48px; font-weight: bold; color: #1b5e20; }
QTableView { font-size: 22px; }
QLabel[role="total"] { font-size: 30px; font-weight: bold; }
QLabel[role="big"] { font-size: 22px; font-weight: bold; }
"""


def _label(text: str = "", role: str = "", align: Qt.AlignmentFlag | None = None) -> QLabel:
    label = QLabel(text)
    if role:
        label.setProperty("role", role)
    if align is not None:
        label.setAlignment(align)
    label.setWordWrap(True)
    return label


class CustomerDisplay(QWidget):
    PAGE_CART, PAGE_QRIS, PAGE_DONE = range(3)

    def __init__(self, model: CartModel, store_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("customerDisplay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)  # the scan field keeps the keys
        self.setWindowTitle(self.tr("Layar pelanggan — {store}").format(store=store_name))
        self.setStyleSheet(STYLE)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.addWidget(_label(store_name, "title"))
        body = QHBoxLayout()
        outer.addLayout(body, 1)

        self.table = QTableView()
        self.table.setModel(model)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(44)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(CartModel.COL_NAME, QHeaderView.ResizeMode.Stretch)
        for col, width in ((CartModel.COL_QTY, 110), (CartModel.COL_SAVING, 130), (CartModel.COL_TOTAL, 150)):
            header.resizeSection(col, width)
        for col in (CartModel.COL_NO, CartModel.COL_PRICE):
            self.table.hideColumn(col)
        model.rowsInserted.connect(lambda *_: self.table.scrollToBottom())
        # While the customer pays by QRIS the code takes the cart's place: the whole height of the
        # window, so it stays large (at least 320 px) even on a 1024×600 display.
        self.left = QStackedWidget()
        self.left.addWidget(self.table)
        self.qris = QrisWidget()
        self.left.addWidget(self.qris)
        body.addWidget(self.left, 3)

        side_widget = QWidget()
        side_widget.setMaximumWidth(460)
        side = QVBoxLayout(side_widget)
        side.setContentsMargins(0, 0, 0, 0)
        body.addWidget(side_widget, 2)
        side.addWidget(_label(self.tr("TOTAL"), "cd_caption"))
        self.total_label = _label(format_rp(0), "cd_total", Qt.AlignmentFlag.AlignRight)
        side.addWidget(self.total_label)
        self.member_label = _label("", "cd_caption")
        side.addWidget(self.member_label)
        self.saving_label = _label("", "cd_saving")
        side.addWidget(self.saving_label)
        self.invite_label = _label("", "cd_invite")
        side.addWidget(self.invite_label)
        self.pages = QStackedWidget()
        self.pages.addWidget(QWidget())
        scan_hint = _label(self.tr("Pindai kode QRIS di layar ini untuk membayar."), "cd_invite")
        scan_hint.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.pages.addWidget(scan_hint)
        done = QWidget()
        done_box = QVBoxLayout(done)
        self.thanks_label = _label(self.tr("Terima kasih!"), "cd_caption", Qt.AlignmentFlag.AlignCenter)
        self.change_label = _label("", "cd_change", Qt.AlignmentFlag.AlignCenter)
        done_box.addWidget(self.thanks_label)
        done_box.addWidget(self.change_label)
        done_box.addStretch(1)
        self.pages.addWidget(done)
        side.addWidget(self.pages, 1)
        self.show_totals(CartTotals(0, 0, 0, 0, 0, 0), "")

    # -- what the cashier screen tells it ---------------------------------------------------------
    def show_totals(self, totals: CartTotals, member_name: str) -> None:
        self.total_label.setText(format_rp(totals.total_rp))
        self.member_label.setText(self.tr("Anggota: {name}").format(name=member_name) if member_name else "")
        saving = totals.member_savings_rp + totals.discount_rp
        self.saving_label.setText(
            self.tr("Anda hemat {amount}").format(amount=format_rp(saving)) if saving else ""
        )
        potential = totals.potential_member_savings_rp
        self.invite_label.setVisible(potential > 0)
        self.invite_label.setText(
            self.tr("Jadi anggota koperasi, hemat {amount} untuk belanja ini. Tanya kasir!").format(
                amount=format_rp(potential)
            )
        )
        if totals.line_count and self.pages.currentIndex() == self.PAGE_DONE:
            self.pages.setCurrentIndex(self.PAGE_CART)  # the next customer's first scan

    def show_qris(self, payload: str, amount_rp: int, merchant_name: str, total_rp: int) -> None:
        self.total_label.setText(format_rp(total_rp))  # the sale being paid, not the next (empty) cart
        self.qris.set_payment(payload, amount_rp, merchant_name)
        self.left.setCurrentWidget(self.qris)
        self.pages.setCurrentIndex(self.PAGE_QRIS)

    def show_paid(self, total_rp: int, change_rp: int, note: str = "") -> None:
        self.qris.clear()
        self.left.setCurrentWidget(self.table)
        self.total_label.setText(format_rp(total_rp))
        self.thanks_label.setText(note or self.tr("Terima kasih!"))
        self.change_label.setText(
            self.tr("Kembali {amount}").format(amount=format_rp(change_rp)) if change_rp else ""
        )
        self.pages.setCurrentIndex(self.PAGE_DONE)

    # -- where it shows --------------------------------------------------------------------------
    def place(self) -> None:
        """Full screen on the second monitor when there is one; otherwise a window beside the till."""
        screens = QGuiApplication.screens()
        main = (
            self.parentWidget().screen()
            if self.parentWidget() is not None
            else QGuiApplication.primaryScreen()
        )
        others = [s for s in screens if s is not main]
        if others:
            self.setGeometry(others[0].geometry())
            self.showFullScreen()
        else:
            self.resize(1024, 600)
            self.show()
        self.raise_()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:  # from this window: back to the till window
            self.close()
            return
        super().keyPressEvent(event)
