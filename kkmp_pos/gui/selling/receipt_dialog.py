"""The on-screen receipt: the same document the printer gets, as monospace text."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from kkmp_pos.gui.widgets import no_default_buttons


class ReceiptDialog(QDialog):
    def __init__(
        self,
        text: str,
        reprint: Callable[[], None] | None = None,
        parent: QWidget | None = None,
        actions: list[tuple[str, Callable[[], None]]] | None = None,
        title: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("Struk terakhir"))
        layout = QVBoxLayout(self)
        self.text_view = QPlainTextEdit(text)
        self.text_view.setReadOnly(True)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPixelSize(15)
        self.text_view.setFont(font)
        self.text_view.setMinimumSize(420, 560)
        layout.addWidget(self.text_view)
        row = QHBoxLayout()
        if reprint is not None:
            again = QPushButton(self.tr("Cetak salinan"))
            again.setMinimumHeight(48)
            again.clicked.connect(reprint)
            again.clicked.connect(self.accept)
            row.addWidget(again)
        self.action_buttons: list[QPushButton] = []
        for action_text, action in actions or []:  # e.g. "Retur [Ctrl+R]" for a scanned receipt
            button = QPushButton(action_text)
            button.setMinimumHeight(48)
            button.clicked.connect(self.accept)
            button.clicked.connect(action)
            row.addWidget(button)
            self.action_buttons.append(button)
        close = QPushButton(self.tr("Tutup [Esc]"))
        close.setMinimumHeight(48)
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
        no_default_buttons(self)
        close.setDefault(True)  # Enter as well as Esc: the receipt has been read
