"""The Qt table model over the cart being rung up (a view of kkmp_pos.core.cart.Cart, never a copy).

Changes are announced row by row (insert, change, remove) rather than by a model reset, so adding the
60th line costs the view what adding the first did: no re-reading or re-measuring of the other rows.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from kkmp_pos.core.cart import Cart, CartLine
from kkmp_pos.core.money import format_qty, format_rp
from kkmp_pos.core.pricing import PriceType

Index = QModelIndex | QPersistentModelIndex
_GREEN = QColor("#1b5e20")
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


class CartModel(QAbstractTableModel):
    COL_NO, COL_NAME, COL_QTY, COL_PRICE, COL_SAVING, COL_TOTAL = range(6)
    COLUMNS = 6

    def __init__(self, cart: Cart) -> None:
        super().__init__()
        self.cart = cart
        self._rows = len(cart.lines)  # rows the views know of; the cart may be ahead until sync()
        # Each line's cell texts, made once per change: a repaint asks for them again and again.
        self._texts: dict[int, list[str]] = {}
        self._headers = [
            "#",
            self.tr("Barang"),
            self.tr("Jumlah"),
            self.tr("Harga"),
            self.tr("Hemat"),
            self.tr("Total"),
        ]
        self._member_tip = self.tr("Harga anggota (normal {price})")
        self._manual_tip = self.tr("Harga diubah manual (disetujui manajer)")
        self._discount_text = self.tr("diskon {amount}")
        self._green = QBrush(_GREEN)
        self._bold = QFont()
        self._bold.setBold(True)

    # -- Qt model API ---------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.cart.lines):
            return None
        line = self.cart.lines[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_NO:
                return str(index.row() + 1)
            texts = self._texts.get(line.line_id)
            if texts is None:
                texts = self._texts[line.line_id] = [
                    self._text(index.row(), c, line) for c in range(self.COLUMNS)
                ]
            return texts[col]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if col == self.COL_NAME else _RIGHT
        member = line.price_type is PriceType.MEMBER
        if role == Qt.ItemDataRole.ForegroundRole and (
            col == self.COL_SAVING or (member and col == self.COL_PRICE)
        ):
            return self._green
        if role == Qt.ItemDataRole.FontRole and col in (self.COL_TOTAL, self.COL_SAVING):
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            if line.price_type is PriceType.MANUAL:
                return self._manual_tip
            if member:
                return self._member_tip.format(price=format_rp(line.item.regular_price_rp))
        if role == Qt.ItemDataRole.UserRole:
            return line.line_id
        return None

    def _text(self, row: int, col: int, line: CartLine) -> str:
        if col == self.COL_NO:
            return str(row + 1)
        if col == self.COL_NAME:
            return line.item.name
        if col == self.COL_QTY:
            return format_qty(line.qty_milli, line.item.unit_label)
        if col == self.COL_PRICE:
            mark = " *" if line.price_type is PriceType.MANUAL else ""
            return format_rp(line.unit_price_rp) + mark
        if col == self.COL_SAVING:
            return self.saving_text(line)
        return format_rp(line.total_rp)

    def saving_text(self, line: CartLine) -> str:
        """The member saving, and any discount, of one line ('' when none)."""
        parts = []
        if line.member_saving_rp > 0:
            parts.append(format_rp(line.member_saving_rp))
        if line.discount_rp > 0:
            parts.append(self._discount_text.format(amount=format_rp(line.discount_rp)))
        return " + ".join(parts)

    # -- changes from the screen ----------------------------------------------------------------
    def sync(self, changed_line_id: int | None = None, *, all_rows: bool = False) -> None:
        """The cart changed: announce new rows at the end, then the changed row (or every row)."""
        n = len(self.cart.lines)
        if all_rows:
            self._texts.clear()
        elif changed_line_id is not None:
            self._texts.pop(changed_line_id, None)
        if n > self._rows:
            self.beginInsertRows(QModelIndex(), self._rows, n - 1)
            self._rows = n
            self.endInsertRows()
        elif n < self._rows:  # lines went away without remove_line (a cleared cart): start over
            self.refresh()
            return
        if all_rows and n:
            self.dataChanged.emit(self.index(0, 0), self.index(n - 1, self.COLUMNS - 1))
        elif changed_line_id is not None:
            row = self.row_of(changed_line_id)
            if row >= 0:
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.COLUMNS - 1))

    def remove_line(self, line_id: int) -> CartLine:
        """Void one line: only the rows after it move."""
        row = self.row_of(line_id)
        self._texts.pop(line_id, None)
        self.beginRemoveRows(QModelIndex(), row, row)
        line = self.cart.remove(line_id)
        self._rows = len(self.cart.lines)
        self.endRemoveRows()
        if row < self._rows:  # the line numbers below it changed
            self.dataChanged.emit(self.index(row, self.COL_NO), self.index(self._rows - 1, self.COL_NO))
        return line

    def refresh(self) -> None:
        """The cart was replaced or cleared: show it again from scratch."""
        self.beginResetModel()
        self._texts.clear()
        self._rows = len(self.cart.lines)
        self.endResetModel()

    def set_cart(self, cart: Cart) -> None:
        self.cart = cart
        self.refresh()

    def line_id_at(self, row: int) -> int | None:
        if 0 <= row < len(self.cart.lines):
            return self.cart.lines[row].line_id
        return None

    def row_of(self, line_id: int) -> int:
        # Newest lines are looked up most: search from the end.
        for row in range(len(self.cart.lines) - 1, -1, -1):
            if self.cart.lines[row].line_id == line_id:
                return row
        return -1
