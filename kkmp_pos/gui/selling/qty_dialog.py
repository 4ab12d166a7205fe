"""Change a cart line's quantity with the keypad or the keyboard; the cart's rules refuse bad input."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

from kkmp_pos.core.cart import CartLine
from kkmp_pos.core.errors import KkmpError
from kkmp_pos.core.money import format_qty, parse_qty
from kkmp_pos.gui.i18n import error_text
from kkmp_pos.gui.widgets import keypad_footer, no_default_buttons


class QtyDialog(QDialog):
    """Asks for a quantity; `apply(qty_milli)` (the cart) raises if it is refused, and we stay open."""

    def __init__(self, line: CartLine, apply: Callable[[int], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ubah jumlah"))
        self._apply = apply
        layout = QVBoxLayout(self)
        title = QLabel(line.item.name)
        title.setProperty("role", "title")
        title.setWordWrap(True)
        layout.addWidget(title)
        unit = QLabel(self.tr("Jumlah ({unit})").format(unit=line.item.unit_label))
        layout.addWidget(unit)
        self.qty_field = QLineEdit(format_qty(line.qty_milli))
        self.qty_field.selectAll()
        self.qty_field.returnPressed.connect(self.submit)
        layout.addWidget(self.qty_field)
        self.error_label, keypad = keypad_footer(
            self, layout, self.qty_field, self.tr("Simpan [Enter]"), self.tr("Batal [Esc]")
        )
        keypad.submitted.connect(self.submit)
        self.setMinimumWidth(380)
        no_default_buttons(self)
        self.qty_field.setFocus()

    def submit(self) -> None:
        try:
            self._apply(parse_qty(self.qty_field.text()))
        except KkmpError as exc:
            self.error_label.setText(error_text(exc))
            self.qty_field.selectAll()
            self.qty_field.setFocus()
            return
        self.accept()
