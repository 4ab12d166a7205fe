"""The lines of a sale being returned: bought, already returned, and a quantity field for each."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from kkmp_pos.core.money import format_qty, parse_qty
from kkmp_pos.gui.widgets import TOUCH_PX

if TYPE_CHECKING:
    from kkmp_pos.services.selling.reversals import ReturnableLine


class ReturnLinesTable(QTableWidget):
    """`changed()` as quantities are typed, `field_done()` on Enter in one, `field_focused(field)`."""

    changed = Signal()
    field_done = Signal()
    field_focused = Signal(object)  # QLineEdit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.lines: list[ReturnableLine] = []
        self.qty_fields: list[QLineEdit] = []
        self.setHorizontalHeaderLabels(
            [self.tr("Barang"), self.tr("Dibeli"), self.tr("Sudah diretur"), self.tr("Retur")]
        )
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(TOUCH_PX + 4)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Fixed)
        self.setColumnWidth(3, 140)

    def show_lines(self, lines: list[ReturnableLine]) -> list[QLineEdit]:
        """One row per line; returns the quantity fields (disabled where nothing is left to return)."""
        self.lines = lines
        self.setRowCount(len(lines))
        self.qty_fields = []
        for row, line in enumerate(lines):
            self.setItem(row, 0, QTableWidgetItem(line.name))
            self.setItem(row, 1, self._right(format_qty(line.sold_milli, line.unit_label)))
            self.setItem(row, 2, self._right(format_qty(line.returned_milli, line.unit_label)))
            field = QLineEdit()
            field.setAlignment(Qt.AlignmentFlag.AlignRight)
            field.setPlaceholderText("0")
            field.setEnabled(line.returnable_milli > 0)
            field.setToolTip(
                self.tr("Maks. {qty}").format(qty=format_qty(line.returnable_milli, line.unit_label))
            )
            field.installEventFilter(self)
            field.textChanged.connect(self.changed)
            field.returnPressed.connect(self.field_done)
            self.setCellWidget(row, 3, field)
            self.qty_fields.append(field)
        return self.qty_fields

    @staticmethod
    def _right(text: str) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Whoever types for the cashier (the keypad) follows the quantity field that has the focus.
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QLineEdit):
            self.field_focused.emit(watched)
        return super().eventFilter(watched, event)

    def open_fields(self) -> list[QLineEdit]:
        return [f for f in self.qty_fields if f.isEnabled()]

    def fill_all(self) -> None:
        """Every line that still has something to return, in full."""
        for line, field in zip(self.lines, self.qty_fields, strict=True):
            if line.returnable_milli > 0:
                field.setText(format_qty(line.returnable_milli))

    def quantities(self) -> dict[int, int]:
        """{sale_line_id: qty_milli} typed so far; raises the parse error of a bad entry."""
        result = {}
        for line, field in zip(self.lines, self.qty_fields, strict=True):
            if field.text().strip():
                result[line.sale_line_id] = parse_qty(field.text())
        return result

    def over_limit(self, quantities: dict[int, int]) -> list[ReturnableLine]:
        """The lines asked back beyond what is left of them."""
        return [line for line in self.lines if quantities.get(line.sale_line_id, 0) > line.returnable_milli]

    def refund_rp(self, quantities: dict[int, int]) -> int:
        """What the typed quantities give back (each capped at what is left), as the service counts it."""
        from kkmp_pos.services.selling.reversals import refund_for

        return sum(
            refund_for(
                line.line_total_rp,
                line.sold_milli,
                min(quantities.get(line.sale_line_id, 0), line.returnable_milli),
            )
            for line in self.lines
        )
