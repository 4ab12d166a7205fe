"""Asks for the buyer's NIK before a subsidised LPG 3 kg sale (no member card with a NIK on the cart).

Keyboard first and scanner-friendly: digits (spaces, dots and dashes are dropped) and Enter, as a KTP
reader or a keyboard-wedge scanner types them; the NIK is checked as it is typed. Esc backs out and the
cart stays as it was.
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kkmp_pos.core.errors import KkmpError
from kkmp_pos.core.nik import NIK_LENGTH, mask_nik, validate_nik
from kkmp_pos.gui.i18n import error_text
from kkmp_pos.gui.widgets import TOUCH_PX, Keypad, no_default_buttons


class BuyerNikDialog(QDialog):
    """`nik` holds the validated 16 digits once accepted."""

    def __init__(self, products: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("NIK pembeli"))
        self.nik: str | None = None
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("NIK pembeli wajib dicatat"))
        title.setProperty("role", "title")
        layout.addWidget(title)
        what = QLabel(
            self.tr("{products}: ketik atau pindai NIK dari KTP pembeli (16 angka).").format(
                products=", ".join(products)
            )
        )
        what.setWordWrap(True)
        layout.addWidget(what)
        self.nik_field = QLineEdit()
        self.nik_field.setMaxLength(24)  # 16 digits plus the separators a KTP shows
        self.nik_field.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9 .\-]{0,24}")))
        self.nik_field.setPlaceholderText("6471 0157 0890 0002")
        self.nik_field.setMinimumHeight(TOUCH_PX)
        self.nik_field.textChanged.connect(self._typed)
        self.nik_field.returnPressed.connect(self.submit)
        layout.addWidget(self.nik_field)
        self.hint_label = QLabel()
        self.hint_label.setProperty("role", "muted")
        layout.addWidget(self.hint_label)
        self.error_label = QLabel()
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        # Room for a two-line message from the start: a dialog does not grow when the text arrives.
        self.error_label.setMinimumHeight(2 * self.error_label.fontMetrics().lineSpacing() + 4)
        layout.addWidget(self.error_label)
        keypad = Keypad(self.nik_field, ok_text=self.tr("Lanjut bayar [Enter]"))
        keypad.submitted.connect(self.submit)
        layout.addWidget(keypad)
        note = QLabel(self.tr("NIK adalah data pribadi: struk dan layar hanya menampilkan sebagian."))
        note.setProperty("role", "muted")
        note.setWordWrap(True)
        layout.addWidget(note)
        cancel = QPushButton(self.tr("Kembali ke keranjang [Esc]"))
        cancel.setMinimumHeight(TOUCH_PX)
        cancel.clicked.connect(self.reject)
        layout.addWidget(cancel)
        self.setMinimumWidth(520)
        no_default_buttons(self)
        self._typed("")
        self.nik_field.setFocus()

    def _digits(self) -> str:
        return "".join(c for c in self.nik_field.text() if c.isdigit())

    def _typed(self, _text: str) -> None:
        count = len(self._digits())
        self.error_label.clear()
        self.hint_label.setText(self.tr("{count} dari {total} angka").format(count=count, total=NIK_LENGTH))
        if count == NIK_LENGTH:
            try:
                self.hint_label.setText(
                    self.tr("NIK {nik} sah").format(nik=mask_nik(validate_nik(self._digits())))
                )
            except KkmpError as exc:
                self.error_label.setText(error_text(exc))

    def submit(self) -> None:
        try:
            self.nik = validate_nik(self.nik_field.text())
        except KkmpError as exc:
            self.error_label.setText(error_text(exc))
            self.nik_field.selectAll()
            self.nik_field.setFocus()
            return
        self.accept()
