"""Weighed goods without a scale label: the weight read off the scale is typed; the total shows live."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from kkmp_pos.core.errors import KkmpError
from kkmp_pos.core.money import format_rp, line_total_rp, parse_qty
from kkmp_pos.core.pricing import PricedItem
from kkmp_pos.gui.i18n import error_text
from kkmp_pos.gui.widgets import keypad_footer, no_default_buttons


class WeightDialog(QDialog):
    """Asks for a weight (e.g. 1,25) in the item's unit; `apply(qty_milli)` adds it or raises and we stay."""

    def __init__(
        self,
        item: PricedItem,
        unit_price_rp: int,
        apply: Callable[[int], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Timbang"))
        self.item = item
        self.unit_price_rp = unit_price_rp
        self._apply = apply
        layout = QVBoxLayout(self)
        title = QLabel(item.name)
        title.setProperty("role", "title")
        title.setWordWrap(True)
        layout.addWidget(title)
        price = QLabel(
            self.tr("{price} per {unit}").format(price=format_rp(unit_price_rp), unit=item.unit_label)
        )
        price.setProperty("role", "muted")
        layout.addWidget(price)
        layout.addWidget(QLabel(self.tr("Berat ({unit}), mis. 1,25").format(unit=item.unit_label)))
        self.weight_field = QLineEdit()
        self.weight_field.textChanged.connect(self._update_total)
        self.weight_field.returnPressed.connect(self.submit)
        layout.addWidget(self.weight_field)
        row = QHBoxLayout()
        caption = QLabel(self.tr("Total"))
        caption.setProperty("role", "big")
        self.total_label = QLabel("–")
        self.total_label.setProperty("role", "big")
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(caption)
        row.addWidget(self.total_label, 1)
        layout.addLayout(row)
        self.error_label, keypad = keypad_footer(
            self, layout, self.weight_field, self.tr("Tambah [Enter]"), self.tr("Batal [Esc]")
        )
        keypad.submitted.connect(self.submit)
        self.setMinimumWidth(400)
        no_default_buttons(self)
        self.weight_field.setFocus()

    def _update_total(self) -> None:
        self.error_label.clear()
        try:
            qty = parse_qty(self.weight_field.text())
        except KkmpError:
            self.total_label.setText("–")
            return
        self.total_label.setText(format_rp(line_total_rp(self.unit_price_rp, qty)))

    def submit(self) -> None:
        try:
            self._apply(parse_qty(self.weight_field.text()))
        except KkmpError as exc:
            self.error_label.setText(error_text(exc))
            self.weight_field.selectAll()
            self.weight_field.setFocus()
            return
        self.accept()
