"""Taking payment: the cash due after rounding, quick-note buttons, tendered cash and the change, live."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kkmp_pos.core.errors import KkmpError
from kkmp_pos.core.money import format_number, format_rp, parse_rp
from kkmp_pos.gui.i18n import error_text
from kkmp_pos.gui.widgets import Keypad, no_default_buttons


class PaymentDialog(QDialog):
    """Cash for now; other methods (QRIS, transfer, split) are added as more rows of the same dialog.

    `check(tendered_rp)` is the service's settlement check: it raises ValidationError('cash_short')
    and the dialog stays open with that message.
    """

    def __init__(
        self,
        total_rp: int,
        cash_due_rp: int,
        quick_notes: list[int],
        check: Callable[[int], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pembayaran tunai"))
        self.total_rp = total_rp
        self.cash_due_rp = cash_due_rp
        self.tendered_rp = 0
        self._check = check
        layout = QVBoxLayout(self)

        due_row = QHBoxLayout()
        due_caption = QLabel(self.tr("Harus dibayar"))
        due_caption.setProperty("role", "big")
        self.due_label = QLabel(format_rp(cash_due_rp))
        self.due_label.setProperty("role", "total")
        self.due_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        due_row.addWidget(due_caption)
        due_row.addWidget(self.due_label, 1)
        layout.addLayout(due_row)
        if cash_due_rp != total_rp:
            rounding = QLabel(
                self.tr("Total {total}, pembulatan {diff}").format(
                    total=format_rp(total_rp), diff=format_rp(cash_due_rp - total_rp)
                )
            )
            rounding.setProperty("role", "muted")
            layout.addWidget(rounding)

        notes = QGridLayout()
        self.exact_button = QPushButton(self.tr("Uang pas"))
        self.exact_button.setProperty("role", "quick")
        self.exact_button.setMinimumHeight(56)
        self.exact_button.clicked.connect(lambda: self.set_tendered(self.cash_due_rp))
        notes.addWidget(self.exact_button, 0, 0)
        self.note_buttons: list[QPushButton] = []
        # A note adds to what was handed over (two Rp50.000 notes = two taps); "Uang pas" sets it.
        for i, note in enumerate(sorted(int(n) for n in quick_notes), start=1):
            button = QPushButton("+" + format_rp(note))
            button.setProperty("role", "quick")
            button.setMinimumHeight(56)
            button.clicked.connect(lambda _=False, n=note: self.add_note(n))
            notes.addWidget(button, i // 4, i % 4)
            self.note_buttons.append(button)
        layout.addLayout(notes)

        layout.addWidget(QLabel(self.tr("Uang diterima")))
        self.tendered_field = QLineEdit()
        self.tendered_field.setPlaceholderText(self.tr("ketik jumlah uang, mis. 100000"))
        self.tendered_field.textChanged.connect(self._update_change)
        self.tendered_field.returnPressed.connect(self.submit)
        layout.addWidget(self.tendered_field)

        change_row = QHBoxLayout()
        self.change_caption = QLabel(self.tr("Kembali"))
        self.change_caption.setProperty("role", "big")
        self.change_label = QLabel("–")
        self.change_label.setProperty("role", "big")
        self.change_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        change_row.addWidget(self.change_caption)
        change_row.addWidget(self.change_label, 1)
        layout.addLayout(change_row)

        self.error_label = QLabel()
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)

        keypad = Keypad(self.tendered_field, extra_key="000", ok_text=self.tr("Bayar [Enter]"))
        keypad.submitted.connect(self.submit)
        layout.addWidget(keypad)
        cancel = QPushButton(self.tr("Batal [Esc]"))
        cancel.setMinimumHeight(48)
        cancel.clicked.connect(self.reject)
        layout.addWidget(cancel)
        self.setMinimumWidth(660)
        self.tendered_field.setFocus()
        no_default_buttons(self)

    def set_tendered(self, amount_rp: int) -> None:
        self.tendered_field.setText(str(amount_rp))
        self.tendered_field.setFocus()

    def add_note(self, note_rp: int) -> None:
        self.set_tendered((self._parsed() or 0) + note_rp)

    def _parsed(self) -> int | None:
        try:
            return parse_rp(self.tendered_field.text()) if self.tendered_field.text().strip() else 0
        except KkmpError:
            return None

    def _update_change(self) -> None:
        self.error_label.clear()
        tendered = self._parsed()
        if tendered is None or not self.tendered_field.text().strip():
            self.change_caption.setText(self.tr("Kembali"))
            self.change_label.setText("–")
            return
        if tendered < self.cash_due_rp:
            self.change_caption.setText(self.tr("Kurang"))
            self.change_label.setText(format_rp(self.cash_due_rp - tendered))
        else:
            self.change_caption.setText(self.tr("Kembali"))
            self.change_label.setText(format_rp(tendered - self.cash_due_rp))

    def submit(self) -> None:
        try:
            tendered = parse_rp(self.tendered_field.text() or "0")
            self._check(tendered)
        except KkmpError as exc:
            self.error_label.setText(error_text(exc))
            self.tendered_field.selectAll()
            self.tendered_field.setFocus()
            return
        self.tendered_rp = tendered
        self.accept()

    def tendered_text(self) -> str:
        return format_number(self.tendered_rp)
