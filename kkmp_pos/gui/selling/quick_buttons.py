"""Quick buttons for goods without a barcode (curah rice, sugar, eggs, onions), each with its key."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QGridLayout, QPushButton, QSizePolicy, QWidget

from kkmp_pos.core.money import format_rp
from kkmp_pos.core.pricing import PricedItem
from kkmp_pos.gui.widgets import TOUCH_PX

MAX_BUTTONS = 9  # Ctrl+1 … Ctrl+9
BUTTON_TEXT_MARGIN_PX = 6  # the style's padding and border on each side


class QuickButtons(QWidget):
    picked = Signal(object)  # PricedItem

    def __init__(self, items: list[PricedItem], columns: int = 5, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items = items[:MAX_BUTTONS]
        self.buttons: list[QPushButton] = []
        self.shortcuts: list[QShortcut] = []
        # Smaller type than the action buttons: a product name, its price and the key on two lines.
        self.setStyleSheet("QPushButton { font-size: 13px; padding: 2px 4px; min-height: 44px; }")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        for i, item in enumerate(self.items):
            key = f"Ctrl+{i + 1}"
            button = QPushButton(self._words(item, key, None))
            button.setToolTip(f"{item.name}  [{key}]")
            button.setProperty("role", "quickitem")
            button.setMinimumHeight(TOUCH_PX + 4)
            button.setMinimumWidth(80)  # long names may not widen the window past 1366 px
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the focus
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, it=item: self.picked.emit(it))
            grid.addWidget(button, i // columns, i % columns)
            self.buttons.append(button)
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)  # any focus in the till window
            shortcut.activated.connect(button.click)
            self.shortcuts.append(shortcut)

    @staticmethod
    def _words(item: PricedItem, key: str, button: QPushButton | None) -> str:
        """Name over price and key; on a narrow screen a long name ends in '…' rather than being cut
        at both ends."""
        price = format_rp(item.regular_price_rp) + "/" + item.unit_label
        name, second = item.name, f"{price}  [{key}]"
        if button is not None:
            metrics = button.fontMetrics()
            room = button.width() - 2 * BUTTON_TEXT_MARGIN_PX
            if metrics.horizontalAdvance(second) > room:
                second = price  # the key still works, and the tooltip names it
            name = metrics.elidedText(name, Qt.TextElideMode.ElideRight, room)
            second = metrics.elidedText(second, Qt.TextElideMode.ElideRight, room)
        return f"{name}\n{second}"

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        for i, (item, button) in enumerate(zip(self.items, self.buttons, strict=True)):
            button.setText(self._words(item, f"Ctrl+{i + 1}", button))
