"""The scan field of the cashier screen with its status line and the search-as-you-type result list.

A keyboard-wedge scanner types digits + Enter into the field; letters (or F2) start a search whose
best 50 results (products and their other selling units, with price and stock) list under the field.
The search runs on each keystroke, without a debounce: one indexed query of a few ms, so the list is
current when the next key arrives; a scanner's digits never search (only letters or F2 do).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from kkmp_pos.core.money import MILLI, format_qty, format_rp
from kkmp_pos.core.pricing import PricedItem

Index = QModelIndex | QPersistentModelIndex
LIMIT = 50


class SearchResultsModel(QAbstractListModel):
    """At most 50 items; replaced whole on each keystroke (a reset of 50 short rows is cheap)."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[PricedItem] = []
        self._texts: list[str] = []
        self._template = QCoreApplication.translate("ScanBox", "{name}   {price} / {unit}   stok {stock}")

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return self.items[index.row()]
        return None

    def set_items(self, items: list[PricedItem]) -> None:
        self.beginResetModel()
        self.items = items[:LIMIT]
        self._texts = [self._text(i) for i in self.items]
        self.endResetModel()

    def _text(self, item: PricedItem) -> str:
        stock_milli = item.on_hand_milli * MILLI // item.factor_milli if item.factor_milli else 0
        return self._template.format(
            name=item.name,
            price=format_rp(item.regular_price_rp),
            unit=item.unit_label,
            stock=format_qty(stock_milli, item.unit_label),
        )


class ScanBox(QWidget):
    scanned = Signal(str)  # Enter on typed/scanned text with no search result chosen
    picked = Signal(object)  # a PricedItem chosen from the search list
    empty_enter = Signal()  # Enter on an empty field: pay
    arrow = Signal(int)  # ↑/↓ with no search list: move in the cart
    delete_pressed = Signal()  # Del on an empty field: void the selected line

    def __init__(self, search: Callable[[str], list[PricedItem]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search = search
        self.search_mode = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.field = QLineEdit()
        self.field.setObjectName("scanField")
        self.field.setPlaceholderText(self.tr("Pindai barcode atau ketik nama barang…"))
        self.field.returnPressed.connect(self._enter)
        self.field.textChanged.connect(self._text_changed)
        self.field.installEventFilter(self)
        layout.addWidget(self.field)
        self.status_label = QLabel(self.tr("Siap. Pindai barang pertama."))
        self.status_label.setProperty("role", "status")
        self.status_label.setWordWrap(True)
        self.status_label.setMinimumHeight(28)
        layout.addWidget(self.status_label)
        self.model = SearchResultsModel()
        self.results = QListView()
        self.results.setModel(self.model)
        self.results.setUniformItemSizes(True)  # no per-row measuring: the list updates in constant time
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setMaximumHeight(300)
        self.results.clicked.connect(lambda index: self.picked.emit(self.model.items[index.row()]))
        self.results.hide()
        layout.addWidget(self.results)

    # -- status ---------------------------------------------------------------------------------
    def set_status(self, text: str, *, error: bool = False) -> None:
        self.status_label.setText(text)
        self.status_label.setProperty("role", "error" if error else "status")
        self.status_label.style().unpolish(self.status_label)
        self.status_label.style().polish(self.status_label)

    # -- the field ------------------------------------------------------------------------------
    def reset(self) -> None:
        self.search_mode = False
        self.field.clear()
        self.model.set_items([])
        self.results.hide()

    def start_search(self) -> None:
        self.search_mode = True
        self.field.selectAll()
        self.field.setFocus()
        self.set_status(self.tr("Cari: ketik nama atau kode barang, pilih dengan ↑ ↓ lalu Enter."))
        self.run_search()

    def current_item(self) -> PricedItem | None:
        if not self.results.isVisible():
            return None
        index = self.results.currentIndex()
        return self.model.items[index.row()] if index.isValid() else None

    def _enter(self) -> None:
        text = self.field.text().strip()
        if not text:
            self.empty_enter.emit()
            return
        if self.results.isVisible():
            item = self.current_item()
            if item is not None:
                self.picked.emit(item)
                return
        self.scanned.emit(text)

    def _wants_search(self, text: str) -> bool:
        return len(text) >= 2 and (self.search_mode or any(c.isalpha() for c in text))

    def _text_changed(self, _text: str) -> None:
        self.run_search()

    def run_search(self) -> None:
        """Search for what is typed now and show the list."""
        text = self.field.text().strip()
        if not self._wants_search(text):
            if self.model.items:
                self.model.set_items([])
            self.results.hide()
            return
        self.model.set_items(self._search(text))
        if self.model.items:
            self.results.setCurrentIndex(self.model.index(0, 0))
            self.results.scrollToTop()
        self.results.setVisible(bool(self.model.items))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self._move(-1 if key == Qt.Key.Key_Up else 1)
                return True
            if key == Qt.Key.Key_Delete and not self.field.text():
                self.delete_pressed.emit()
                return True
            if key == Qt.Key.Key_Escape:
                self.reset()
                return True
        return super().eventFilter(watched, event)

    def _move(self, step: int) -> None:
        count = self.model.rowCount()
        if self.results.isVisible() and count:
            row = max(0, min(count - 1, self.results.currentIndex().row() + step))
            self.results.setCurrentIndex(self.model.index(row, 0))
            return
        self.arrow.emit(step)
