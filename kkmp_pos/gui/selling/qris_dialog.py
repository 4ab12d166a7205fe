"""QRIS at the counter: the dynamic code shown large; the cashier confirms (reference), abandons or waits.

`QrisWidget` (the code, the amount, the merchant) is reused by the customer display.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kkmp_pos.core.errors import KkmpError
from kkmp_pos.core.money import format_rp
from kkmp_pos.gui.i18n import error_text
from kkmp_pos.gui.widgets import no_default_buttons

if TYPE_CHECKING:
    from kkmp_pos.services.context import Actor
    from kkmp_pos.services.till import Till

QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks


def qr_matrix(payload: str) -> list[list[bool]]:
    """The QR modules for a payload (medium error correction, as payment apps expect), no border."""
    import qrcode  # lazily: only a QRIS payment needs it

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(payload)
    code.make(fit=True)
    return [list(row) for row in code.get_matrix()]


def qr_image(payload: str, module_px: int = 8) -> QImage:
    """The code as a black-on-white image with its quiet zone (no PIL involved)."""
    matrix = qr_matrix(payload)
    modules = len(matrix) + 2 * QUIET_ZONE
    image = QImage(modules * module_px, modules * module_px, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect(
                    (x + QUIET_ZONE) * module_px,
                    (y + QUIET_ZONE) * module_px,
                    module_px,
                    module_px,
                    Qt.GlobalColor.black,
                )
    painter.end()
    return image


class QrCodeView(QWidget):
    """Paints the QR modules to fill its square, whole pixels per module so phones read it well."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix: list[list[bool]] = []
        self.setMinimumSize(240, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_payload(self, payload: str) -> None:
        self.matrix = qr_matrix(payload) if payload else []
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, 420)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        side = min(self.width(), self.height())
        box = QRect((self.width() - side) // 2, (self.height() - side) // 2, side, side)
        painter.fillRect(box, Qt.GlobalColor.white)
        if self.matrix:
            modules = len(self.matrix) + 2 * QUIET_ZONE
            px = max(1, side // modules)
            left = box.x() + (side - px * modules) // 2 + QUIET_ZONE * px
            top = box.y() + (side - px * modules) // 2 + QUIET_ZONE * px
            for y, row in enumerate(self.matrix):
                for x, dark in enumerate(row):
                    if dark:
                        painter.fillRect(left + x * px, top + y * px, px, px, Qt.GlobalColor.black)
        painter.end()


class QrisWidget(QWidget):
    """The QRIS code large, with the amount and the merchant name under it (cashier and customer)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.caption = QLabel(self.tr("Pindai dengan aplikasi pembayaran (QRIS)"))
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setProperty("role", "muted")
        self.code_view = QrCodeView()
        self.amount_label = QLabel()
        self.amount_label.setProperty("role", "total")
        self.amount_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.merchant_label = QLabel()
        self.merchant_label.setProperty("role", "big")
        self.merchant_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.merchant_label.setWordWrap(True)  # a 25-letter merchant name in big type, on a narrow panel
        layout.addWidget(self.caption)
        layout.addWidget(self.code_view, 1)
        layout.addWidget(self.amount_label)
        layout.addWidget(self.merchant_label)
        self.payload = ""

    def set_payment(self, payload: str, amount_rp: int, merchant_name: str = "") -> None:
        self.payload = payload
        self.code_view.set_payload(payload)
        self.amount_label.setText(format_rp(amount_rp))
        self.merchant_label.setText(merchant_name)

    def clear(self) -> None:
        self.set_payment("", 0)
        self.amount_label.clear()


class QrisDialog(QDialog):
    """Emits `finished_payment('completed' | 'cancelled' | 'pending')` once, then closes.

    "Nanti" (and Esc) leaves the sale awaiting payment; it stays in the receipts list to finish later.
    """

    finished_payment = Signal(str)

    def __init__(self, till: Till, actor: Actor, sale_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pembayaran QRIS"))
        self.till = till
        self.actor = actor
        self.sale_id = sale_id
        self.outcome = ""
        data = till.receipts.data(sale_id)
        self.amount_rp = sum(p.amount_rp for p in data.payments if p.method == "qris")
        layout = QHBoxLayout(self)
        layout.setSpacing(20)

        self.qris = QrisWidget()
        self.qris.setMinimumWidth(440)
        layout.addWidget(self.qris, 3)

        side = QVBoxLayout()
        number = QLabel(self.tr("Struk {number}").format(number=data.receipt_no))
        number.setProperty("role", "muted")
        side.addWidget(number)
        due = QLabel(self.tr("QRIS {amount}").format(amount=format_rp(self.amount_rp)))
        due.setProperty("role", "big")
        side.addWidget(due)
        self.error_label = QLabel()
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        side.addWidget(self.error_label)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._choice_page())
        self.pages.addWidget(self._reference_page())
        self.pages.addWidget(self._abandon_page())
        side.addWidget(self.pages, 1)
        layout.addLayout(side, 2)
        self.setMinimumSize(900, 600)
        no_default_buttons(self)

        try:
            payload = till.qris.payload(sale_id)
        except KkmpError as exc:
            self.error_label.setText(error_text(exc))
        else:
            from kkmp_pos.core.qris import parse_qris

            self.qris.set_payment(payload, self.amount_rp, parse_qris(payload).merchant_name)
        self.paid_button.setFocus()

    def _button(self, text: str, role: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setMinimumHeight(56)
        if role:
            button.setProperty("role", role)
        return button

    def _choice_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(self.tr("Cek uang masuk di aplikasi merchant, lalu konfirmasi."))
        hint.setWordWrap(True)
        box.addWidget(hint)
        self.paid_button = self._button(self.tr("Sudah dibayar [Enter]"), "primary")
        self.paid_button.clicked.connect(self.ask_reference)
        self.cancel_button = self._button(self.tr("Batalkan QRIS [F8]"))
        self.cancel_button.clicked.connect(self.ask_abandon)
        self.later_button = self._button(self.tr("Nanti [Esc]"))
        self.later_button.clicked.connect(self.later)
        box.addWidget(self.paid_button)
        box.addWidget(self.cancel_button)
        box.addWidget(self.later_button)
        box.addStretch(1)
        return page

    def _reference_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        ask = QLabel(
            self.tr("Nomor referensi (RRN) dari rincian transaksi di aplikasi merchant: 12 angka/huruf.")
        )
        ask.setWordWrap(True)
        box.addWidget(ask)
        self.reference_field = QLineEdit()
        self.reference_field.setPlaceholderText(self.tr("mis. 412345678901"))
        self.reference_field.setMaxLength(40)
        self.reference_field.returnPressed.connect(self.confirm)
        box.addWidget(self.reference_field)
        self.confirm_button = self._button(self.tr("Konfirmasi [Enter]"), "primary")
        self.confirm_button.clicked.connect(self.confirm)
        back = self._button(self.tr("Kembali [Esc]"))
        back.clicked.connect(self.back)
        box.addWidget(self.confirm_button)
        box.addWidget(back)
        box.addStretch(1)
        return page

    def _abandon_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        question = QLabel(self.tr("Batalkan pembayaran QRIS? Penjualan dibatalkan dan stok dikembalikan."))
        question.setWordWrap(True)
        question.setProperty("role", "big")
        box.addWidget(question)
        self.abandon_button = self._button(self.tr("Ya, batalkan [Enter]"), "primary")
        self.abandon_button.clicked.connect(self.abandon)
        keep = self._button(self.tr("Tidak [Esc]"))
        keep.clicked.connect(self.back)
        box.addWidget(self.abandon_button)
        box.addWidget(keep)
        box.addStretch(1)
        return page

    # -- moves ------------------------------------------------------------------------------------
    def ask_reference(self) -> None:
        self.error_label.clear()
        self.pages.setCurrentIndex(1)
        self.reference_field.setFocus()

    def ask_abandon(self) -> None:
        self.error_label.clear()
        self.pages.setCurrentIndex(2)
        self.abandon_button.setFocus()

    def back(self) -> None:
        self.error_label.clear()
        self.pages.setCurrentIndex(0)
        self.paid_button.setFocus()

    def confirm(self) -> None:
        try:
            self.till.qris.confirm(self.sale_id, self.reference_field.text(), self.actor)
        except KkmpError as exc:
            self.error_label.setText(error_text(exc))
            self.reference_field.setFocus()
            return
        self._finish("completed")

    def abandon(self) -> None:
        try:
            self.till.qris.abandon(self.sale_id, self.actor)
        except KkmpError as exc:
            self.error_label.setText(error_text(exc))
            return
        self._finish("cancelled")

    def later(self) -> None:
        self._finish("pending")

    def _finish(self, outcome: str) -> None:
        if not self.outcome:
            self.outcome = outcome
            self.finished_payment.emit(outcome)
        self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        page = self.pages.currentIndex()
        if key == Qt.Key.Key_Escape:
            if page == 0:
                self.later()
            else:
                self.back()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if page == 0:
                self.ask_reference()
            elif page == 2:
                self.abandon()
            return
        from kkmp_pos.gui.keymap import key_codes

        action = key_codes("qris_dialog", {"abandon": self.ask_abandon}, self).get(key)
        if action is not None and page == 0:
            action()  # type: ignore[operator]
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        # Closing the window any other way leaves the payment pending, never silently decided.
        if not self.outcome:
            self.outcome = "pending"
            self.finished_payment.emit("pending")
        super().reject()
