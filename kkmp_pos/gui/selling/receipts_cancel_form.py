"""The cancel form under today's receipts: the reason, how the money goes back, confirm or go back."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

from kkmp_pos.gui.widgets import TOUCH_PX

REFUND_METHODS = ("cash", "qris", "transfer")


def action_button(text: str, slot: Callable[[], object]) -> QPushButton:
    """A touch-sized button that leaves the keyboard focus where it is."""
    button = QPushButton(text)
    button.setMinimumHeight(TOUCH_PX + 4)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.clicked.connect(slot)
    return button


class ReceiptCancelForm(QWidget):
    """Emits `confirmed()` on Enter or its confirm button and `back()` on its back button."""

    confirmed = Signal()
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel(self.tr("Alasan pembatalan")), 0, 0)
        self.reason_field = QLineEdit()
        self.reason_field.setPlaceholderText(self.tr("mis. salah input, pelanggan batal"))
        self.reason_field.returnPressed.connect(self.confirmed)
        grid.addWidget(self.reason_field, 0, 1, 1, 3)
        grid.addWidget(QLabel(self.tr("Uang dikembalikan dengan")), 1, 0)
        self.method_group = QButtonGroup(self)
        self.method_buttons: dict[str, QPushButton] = {}
        for col, method in enumerate(REFUND_METHODS, start=1):
            button = QPushButton(self.method_name(method))
            button.setCheckable(True)
            button.setProperty("role", "user")
            button.setStyleSheet("padding: 6px 4px; font-size: 16px; text-align: center;")
            button.setMinimumHeight(TOUCH_PX)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, m=method: self.set_refund_method(m))
            self.method_group.addButton(button)
            grid.addWidget(button, 1, col)
            self.method_buttons[method] = button
        back = action_button(self.tr("Kembali [Esc]"), lambda: self.back.emit())
        self.confirm_button = action_button(
            self.tr("Batalkan struk ini [Enter]"), lambda: self.confirmed.emit()
        )
        self.confirm_button.setProperty("role", "primary")
        grid.addWidget(back, 2, 0, 1, 2)
        grid.addWidget(self.confirm_button, 2, 2, 1, 2)
        self.refund_method = "cash"

    def method_name(self, method: str) -> str:
        return {"cash": self.tr("Tunai"), "qris": self.tr("QRIS"), "transfer": self.tr("Transfer")}.get(
            method, method
        )

    def start(self, paid_with: Iterable[str]) -> None:
        """Offer cash and the methods the sale was paid with; cash is chosen."""
        paid = set(paid_with)
        for method, button in self.method_buttons.items():
            button.setVisible(method == "cash" or method in paid)
        self.set_refund_method("cash")

    def set_refund_method(self, method: str) -> None:
        self.refund_method = method
        self.method_buttons[method].setChecked(True)
