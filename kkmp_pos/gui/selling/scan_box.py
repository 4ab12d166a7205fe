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
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kkmp_pos.core.money import format_rp, format_stock
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
        self._inactive = QCoreApplication.translate("ScanBox", "(nonaktif, tidak dijual)")

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
        text = self._template.format(
            name=item.name,
            price=format_rp(item.regular_price_rp),
            unit=item.unit_label,
            stock=format_stock(item.on_hand_milli, item.base_unit, item.unit_label, item.factor_milli),
        )
        return text if item.active else f"{text}   {self._inactive}"


class ScanBox(QWidget):
    scanned = Signal(str)  # Enter on typed/scanned text with no search result chosen
    picked = Signal(object)  # a PricedItem chosen from the search list
    empty_enter = Signal()  # Enter on an empty field: pay
    arrow = Signal(int)  # ↑/↓ with no search list: move in the cart
    delete_pressed = Signal()  # Del on an empty field: void the selected line

    def __init__(self, search: Callable[..., list[PricedItem]], parent: QWidget | None = None) -> None:
        """`search(text, include_inactive=False)` gives the list for the typed text."""
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
        self.none_found = QLabel()
        self.none_found.setWordWrap(True)
        self.search_all_button = QPushButton(self.tr("Cari di seluruh katalog (termasuk nonaktif)"))
        self.search_all_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.search_all_button.clicked.connect(self.search_whole_catalog)
        for widget in (self.none_found, self.search_all_button):
            widget.hide()
            layout.addWidget(widget)

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
        self._show_none_found(False)

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
            self._show_none_found(False)
            return
        self._show(self._search(text), text, whole_catalog=False)

    def search_whole_catalog(self) -> None:
        """After an empty result: the same text over every product, inactive ones included."""
        text = self.field.text().strip()
        if text:
            self._show(self._search(text, include_inactive=True), text, whole_catalog=True)

    def _show(self, items: list[PricedItem], text: str, *, whole_catalog: bool) -> None:
        self.model.set_items(items)
        if self.model.items:
            self.results.setCurrentIndex(self.model.index(0, 0))
            self.results.scrollToTop()
        self.results.setVisible(bool(self.model.items))
        if self.model.items:
            self._show_none_found(False)
            return
        if whole_catalog:
            message = self.tr("Tidak ada barang '{text}' di seluruh katalog.")
        else:
            message = self.tr("Tidak ada barang aktif yang cocok dengan '{text}'.")
        self.none_found.setText(message.format(text=text[:40]))
        self._show_none_found(True, offer_all=not whole_catalog)

    def _show_none_found(self, shown: bool, offer_all: bool = False) -> None:
        self.none_found.setVisible(shown)
        self.search_all_button.setVisible(shown and offer_all)

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
