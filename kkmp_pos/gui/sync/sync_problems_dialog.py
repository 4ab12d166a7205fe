"""'Masalah sinkron': events the server quarantined, with its reason (they never block the others)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from kkmp_pos.gui.ops import run_op

TYPE_NAMES = {
    "sale.completed": QT_TRANSLATE_NOOP("SyncProblemsDialog", "Penjualan"),
    "sale.cancelled": QT_TRANSLATE_NOOP("SyncProblemsDialog", "Pembatalan"),
    "sale.payment_confirmed": QT_TRANSLATE_NOOP("SyncProblemsDialog", "Konfirmasi QRIS"),
    "return.completed": QT_TRANSLATE_NOOP("SyncProblemsDialog", "Retur"),
    "member.registered": QT_TRANSLATE_NOOP("SyncProblemsDialog", "Anggota baru"),
    "product.changed": QT_TRANSLATE_NOOP("SyncProblemsDialog", "Perubahan produk"),
}


def load_problems() -> list[tuple[int, str, str, str]]:
    """(seq, type, occurred_at, reason) of the rejected events; runs off the GUI thread."""
    from kkmp_pos.sync import outbox

    return [(e.seq, e.type, e.occurred_at, e.reject_reason or "") for e in outbox.rejected_events()]


class SyncProblemsDialog(QDialog):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Masalah sinkron"))
        self.resize(820, 420)
        self.note = QLabel(self.tr("Memuat…"))
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("No."), self.tr("Jenis"), self.tr("Waktu"), self.tr("Alasan dari server")]
        )
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        close = QPushButton(self.tr("Tutup"))
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(close)
        self.loaded = False
        run_op(self, load_problems, on_success=self.show_rows)

    def show_rows(self, rows: list[tuple[int, str, str, str]]) -> None:
        self.table.setRowCount(len(rows))
        for r, (seq, etype, when, reason) in enumerate(rows):
            values = [str(seq), self.tr(TYPE_NAMES.get(etype, etype)), when[:19].replace("T", " "), reason]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(r, c, item)
        if rows:
            self.note.setText(
                self.tr(
                    "Server menolak %n peristiwa. Peristiwa lain tetap terkirim; catat alasannya dan "
                    "hubungi admin koperasi.",
                    "",
                    len(rows),
                )
            )
        else:
            self.note.setText(self.tr("Tidak ada masalah: server menerima semua peristiwa."))
        self.loaded = True
