"""F1: the keys of the screen at hand and what each key means everywhere (from gui/keymap.py)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kkmp_pos.gui.keymap import action_words, key_kinds, screen_keys
from kkmp_pos.gui.widgets import TOUCH_PX


class KeyHelpDialog(QDialog):
    def __init__(self, screen: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tombol keyboard"))
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Tombol di layar ini"))
        title.setProperty("role", "big")
        layout.addWidget(title)
        words, kinds = action_words(), key_kinds()
        keys = screen_keys(screen)
        self.table = QTableWidget(len(keys), 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Tombol"), self.tr("Di sini"), self.tr("Di semua layar")]
        )
        for row, (key, action) in enumerate(keys.items()):
            for col, text in enumerate((key, words.get(action, action), kinds.get(key, ""))):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table, 1)
        close = QPushButton(self.tr("Tutup [Esc]"))
        close.setMinimumHeight(TOUCH_PX)
        close.clicked.connect(self.accept)
        close.setDefault(True)
        layout.addWidget(close)
        self.resize(760, 560)


def show_key_help(parent: QWidget, screen: str) -> KeyHelpDialog:
    """F1 on a dialog: the help over it, window-modal."""
    dialog = KeyHelpDialog(screen, parent)
    dialog.open()
    return dialog
