"""The simpanan pokok panel of member registration: the amount, the method, and cash, QRIS or transfer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kkmp_pos.core.errors import KkmpError, ValidationError
from kkmp_pos.core.money import format_rp, parse_rp
from kkmp_pos.gui.i18n import error_text
from kkmp_pos.gui.selling.qris_widget import QrisWidget
from kkmp_pos.gui.widgets import TOUCH_PX

if TYPE_CHECKING:
    from kkmp_pos.services.till import Till

METHODS = ("cash", "qris", "transfer")


class PokokPaymentPanel(QFrame):
    """Emits `method_clicked(method)` from its buttons and `submitted()` on Enter in a payment field."""

    method_clicked = Signal(str)
    submitted = Signal()

    def __init__(self, till: Till, pokok_rp: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.till = till
        self.pokok_rp = pokok_rp
        self.setProperty("panel", True)
        right = QVBoxLayout(self)
        right.setContentsMargins(16, 12, 16, 12)
        caption = QLabel(self.tr("Simpanan pokok"))
        caption.setProperty("role", "big")
        amount = QLabel(format_rp(self.pokok_rp))
        amount.setProperty("role", "total")
        right.addWidget(caption)
        right.addWidget(amount)
        methods = QHBoxLayout()
        self.method_group = QButtonGroup(self)
        self.method_buttons: dict[str, QPushButton] = {}
        labels = {
            "cash": self.tr("Tunai [F5]"),
            "qris": self.tr("QRIS [F6]"),
            "transfer": self.tr("Transfer [F7]"),
        }
        for method in METHODS:
            button = QPushButton(labels[method])
            button.setCheckable(True)
            button.setProperty("role", "user")
            button.setStyleSheet("padding: 6px 4px; font-size: 16px; text-align: center;")
            button.setMinimumHeight(TOUCH_PX)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, m=method: self.method_clicked.emit(m))
            self.method_group.addButton(button)
            methods.addWidget(button)
            self.method_buttons[method] = button
        right.addLayout(methods)
        self.pay_pages = QStackedWidget()
        self.pay_pages.addWidget(self._cash_page())
        self.pay_pages.addWidget(self._reference_page())
        right.addWidget(self.pay_pages, 1)
        self.setMinimumWidth(420)
        self.tendered_field.returnPressed.connect(self.submitted)
        self.reference_field.returnPressed.connect(self.submitted)

    def _cash_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 8, 0, 0)
        box.addWidget(QLabel(self.tr("Uang diterima")))
        cash_row = QHBoxLayout()
        self.tendered_field = QLineEdit()
        self.tendered_field.setPlaceholderText(self.tr("mis. 100000"))
        self.tendered_field.textChanged.connect(self._update_change)
        exact = QPushButton(self.tr("Uang pas"))
        exact.setMinimumHeight(TOUCH_PX)
        exact.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        exact.clicked.connect(lambda: self.tendered_field.setText(str(self.pokok_rp)))
        cash_row.addWidget(self.tendered_field, 1)
        cash_row.addWidget(exact)
        box.addLayout(cash_row)
        self.change_label = QLabel("–")
        self.change_label.setProperty("role", "big")
        box.addWidget(self.change_label)
        box.addStretch(1)
        return page

    def _reference_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 8, 0, 0)
        self.qris = QrisWidget()
        self.qris.code_view.setMinimumSize(230, 230)
        self.qris.amount_label.setProperty("role", "big")
        self.qris_error = QLabel()
        self.qris_error.setProperty("role", "error")
        self.qris_error.setWordWrap(True)
        box.addWidget(self.qris, 4)
        box.addWidget(self.qris_error)
        self.reference_caption = QLabel()
        box.addWidget(self.reference_caption)
        self.reference_field = QLineEdit()
        self.reference_field.setPlaceholderText(self.tr("nomor referensi dari aplikasi / bank"))
        box.addWidget(self.reference_field)
        box.addStretch(1)  # a transfer has no code: its field sits at the top
        return page

    def show_method(self, method: str) -> None:
        """Check the method's button and show its page (a QRIS code is built for the amount)."""
        self.method_buttons[method].setChecked(True)
        if method == "cash":
            self.pay_pages.setCurrentIndex(0)
            return
        self.pay_pages.setCurrentIndex(1)
        self.qris.setVisible(method == "qris")
        self.qris_error.clear()
        self.reference_caption.setText(
            self.tr("Referensi QRIS (setelah uang masuk)")
            if method == "qris"
            else self.tr("Referensi transfer bank")
        )
        if method == "qris":
            self._show_qris()

    def field_for(self, method: str) -> QLineEdit:
        """Where the cashier types for this method: the cash handed over, or the payment's reference."""
        return self.tendered_field if method == "cash" else self.reference_field

    def _show_qris(self) -> None:
        from kkmp_pos.core.qris import build_dynamic_qris, parse_qris

        static = self.till.ctx.settings.qris_static_payload
        try:
            if not static:
                raise ValidationError("qris_not_configured")
            payload = build_dynamic_qris(static, self.pokok_rp, terminal_label=self.till.shop.terminal_code)
        except KkmpError as exc:
            self.qris.clear()
            self.qris_error.setText(error_text(exc))
            return
        self.qris.set_payment(payload, self.pokok_rp, parse_qris(payload).merchant_name)

    def _update_change(self) -> None:
        try:
            tendered = parse_rp(self.tendered_field.text()) if self.tendered_field.text().strip() else None
        except KkmpError:
            tendered = None
        if tendered is None:
            self.change_label.setText("–")
        elif tendered < self.pokok_rp:
            self.change_label.setText(
                self.tr("Kurang {amount}").format(amount=format_rp(self.pokok_rp - tendered))
            )
        else:
            self.change_label.setText(
                self.tr("Kembali {amount}").format(amount=format_rp(tendered - self.pokok_rp))
            )
