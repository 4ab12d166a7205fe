"""A dialog for finding the receipt printer from the printer settings: the printers this PC knows and a
network scan run on request (gui/setup/printer_finder.py). Picking one puts its address on the form;
it is saved only with the form's "Simpan"."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kkmp_pos.gui.setup.printer_finder import PrinterFinder


class PrinterSearchDialog(QDialog):
    picked = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, loopback_only: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cari printer"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        self.finder = PrinterFinder(self, loopback_only=loopback_only)
        layout.addWidget(self.finder, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        close = QPushButton(self.tr("Tutup"))
        close.setAutoDefault(False)
        row.addWidget(close)
        layout.addLayout(row)
        close.clicked.connect(self.reject)
        self.finder.picked.connect(self._picked)
        self.rejected.connect(self.finder.cancel)
        self.finder.list_attached()

    def _picked(self, uri: str) -> None:
        self.finder.cancel()
        self.picked.emit(uri)
        self.accept()
