"""Held (parked) carts: pick one to recall — they survive restarts — or throw one away."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kkmp_pos.core.errors import KkmpError
from kkmp_pos.core.money import format_rp
from kkmp_pos.core.timeutil import from_iso, local
from kkmp_pos.gui.i18n import error_text
from kkmp_pos.gui.widgets import no_default_buttons

if TYPE_CHECKING:
    from kkmp_pos.services.context import Actor
    from kkmp_pos.services.till import Till


class HeldCartsDialog(QDialog):
    """Emits `recalled(Recalled)` with the rebuilt cart and its problems (lines that could not come back)."""

    recalled = Signal(object)

    def __init__(self, till: Till, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keranjang ditahan"))
        self.till = till
        self.actor = actor
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Pilih keranjang yang ditahan, lalu Enter"))
        title.setProperty("role", "title")
        layout.addWidget(title)
        self.list = QListWidget()
        self.list.setMinimumSize(560, 300)
        self.list.itemActivated.connect(lambda _item: self.recall())
        layout.addWidget(self.list)
        self.error_label = QLabel()
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        row = QHBoxLayout()
        self.recall_button = QPushButton(self.tr("Panggil [Enter]"))
        self.recall_button.setProperty("role", "primary")
        self.recall_button.setMinimumHeight(52)
        self.recall_button.clicked.connect(self.recall)
        self.discard_button = QPushButton(self.tr("Buang [Del]"))
        self.discard_button.setMinimumHeight(52)
        self.discard_button.clicked.connect(self.discard)
        close = QPushButton(self.tr("Tutup [Esc]"))
        close.setMinimumHeight(52)
        close.clicked.connect(self.reject)
        for b in (self.recall_button, self.discard_button, close):
            row.addWidget(b)
        layout.addLayout(row)
        no_default_buttons(self)
        self.reload()
        self.list.setFocus()

    def reload(self) -> None:
        self.list.clear()
        till = self.till
        for held in till.held.list():
            text = self.tr("{label} · {n} baris · {total} · {cashier} {time}").format(
                label=held.label,
                n=held.line_count,
                total=format_rp(held.total_rp),
                cashier=held.cashier_name,
                time=local(from_iso(held.created_at), till.shop.timezone).strftime("%H:%M"),
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, held.id)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.error_label.setText(self.tr("Tidak ada keranjang yang ditahan."))
        self.recall_button.setEnabled(self.list.count() > 0)
        self.discard_button.setEnabled(self.list.count() > 0)

    def _selected(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def recall(self) -> None:
        held_id = self._selected()
        if held_id is None:
            return
        try:
            recalled = self.till.held.recall(held_id)
        except KkmpError as exc:
            self.error_label.setText(error_text(exc))
            self.reload()
            return
        self.recalled.emit(recalled)
        self.accept()

    def discard(self) -> None:
        held_id = self._selected()
        if held_id is None:
            return
        try:
            self.till.held.discard(held_id, self.actor)
        except KkmpError as exc:
            self.error_label.setText(error_text(exc))
        self.reload()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete:
            self.discard()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.recall()
            return
        super().keyPressEvent(event)
