"""F1: the keys of the screen at hand and what each key means everywhere. The rows come from the key
map (`gui/keymap.help_rows`), which opens this dialog with `show_key_help`."""

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

from kkmp_pos.gui.widgets import TOUCH_PX


class KeyHelpDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        """rows: (key, what it does here, what it means on every screen)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tombol keyboard"))
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Tombol di layar ini"))
        title.setProperty("role", "big")
        layout.addWidget(title)
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Tombol"), self.tr("Di sini"), self.tr("Di semua layar")]
        )
        for row, texts in enumerate(rows):
            for col, text in enumerate(texts):
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
