"""The Qt table model over the cart being rung up (a view of kkmp_pos.core.cart.Cart, never a copy)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from kkmp_pos.core.cart import Cart, CartLine
from kkmp_pos.core.money import format_qty, format_rp
from kkmp_pos.core.pricing import PriceType

Index = QModelIndex | QPersistentModelIndex


class CartModel(QAbstractTableModel):
    COL_NO, COL_NAME, COL_QTY, COL_PRICE, COL_TYPE, COL_TOTAL = range(6)

    def __init__(self, cart: Cart) -> None:
        super().__init__()
        self.cart = cart
        self._headers = [
            "#",
            QCoreApplication.translate("CartModel", "Barang"),
            QCoreApplication.translate("CartModel", "Jumlah"),
            QCoreApplication.translate("CartModel", "Harga"),
            QCoreApplication.translate("CartModel", "Jenis harga"),
            QCoreApplication.translate("CartModel", "Total"),
        ]
        self._member_text = QCoreApplication.translate("CartModel", "Anggota")
        self._member_tip = QCoreApplication.translate("CartModel", "Harga anggota (normal {price})")
        self._bold = QFont()
        self._bold.setBold(True)

    # -- Qt model API ---------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.cart.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.cart.lines):
            return None
        line = self.cart.lines[index.row()]
        col = index.column()
        member = line.price_type is PriceType.MEMBER
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(index.row(), col, line)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col in (self.COL_QTY, self.COL_PRICE, self.COL_TOTAL):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if col == self.COL_TYPE:
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and member and col in (self.COL_PRICE, self.COL_TYPE):
            return QBrush(QColor("#1b5e20"))
        if (
            role == Qt.ItemDataRole.FontRole
            and col in (self.COL_TOTAL, self.COL_TYPE)
            and (col == self.COL_TOTAL or member)
        ):
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and member:
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
            return format_rp(line.unit_price_rp)
        if col == self.COL_TYPE:
            return self._member_text if line.price_type is PriceType.MEMBER else ""
        return format_rp(line.total_rp)

    # -- changes from the screen ----------------------------------------------------------------
    def refresh(self) -> None:
        """The cart changed (line added, quantity, member, cleared): show it again."""
        self.beginResetModel()
        self.endResetModel()

    def line_id_at(self, row: int) -> int | None:
        if 0 <= row < len(self.cart.lines):
            return self.cart.lines[row].line_id
        return None

    def row_of(self, line_id: int) -> int:
        for row, line in enumerate(self.cart.lines):
            if line.line_id == line_id:
                return row
        return -1
