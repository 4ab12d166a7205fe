"""Cash in or out of the drawer during a shift; with no shift open, the float is counted first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QPushButton, QWidget

from kkmp_pos.core.money import parse_rp
from kkmp_pos.gui.i18n import error_text
from kkmp_pos.gui.shifts.shift_prompt import ShiftPrompt
from kkmp_pos.gui.widgets import TOUCH_PX, no_default_buttons

if TYPE_CHECKING:
    from kkmp_pos.services.context import Actor
    from kkmp_pos.services.till import Till


class CashMoveDialog(QDialog):
    """Cash in or out of the drawer with a reason (plastic bags, a supplier paid in cash...)."""

    def __init__(self, till: Till, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.till, self.actor, self.movement_id = till, actor, None
        # cash with no shift open: the float first, then the move is booked as typed
        self.shift_prompt = ShiftPrompt(self, till, actor, lambda text: self.error.setText(text))
        self.setWindowTitle(self.tr("Kas masuk / keluar"))
        form = QFormLayout(self)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Kas keluar"), "out")
        self.kind.addItem(self.tr("Kas masuk"), "in")
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("15.000")
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("mis. beli kantong plastik"))
        self.error = QLabel()
        self.ok_button = QPushButton(self.tr("Simpan [Enter]"))
        self.ok_button.setMinimumHeight(TOUCH_PX)
        self.ok_button.clicked.connect(self.submit)
        form.addRow(self.tr("Jenis"), self.kind)
        form.addRow(self.tr("Jumlah"), self.amount)
        form.addRow(self.tr("Alasan"), self.reason)
        form.addRow(self.error)
        form.addRow(self.ok_button)
        no_default_buttons(self)
        self.ok_button.setDefault(True)  # Enter from any field books the move

    def submit(self) -> None:
        if self.shift_prompt.busy:
            return
        try:
            amount = parse_rp(self.amount.text() or "0")
            self.movement_id = self.till.shifts.cash_move(
                self.actor, self.kind.currentData(), amount, self.reason.text()
            )
        except Exception as exc:  # checked, but no shift open: offer one, then book it as typed
            if not self.shift_prompt.refused(exc, self.submit):
                self.error.setText(error_text(exc))
            return
        self.accept()
