"""'Masalah sinkron': events refused (by the server, or held back at the till) and changes pulled from
the server that this till could not apply, each with its reason (none of them blocks the others)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from kkmp_pos.services.sync.runner import SyncProblem

TYPE_NAMES = {
    "sale.completed": QT_TRANSLATE_NOOP("SyncProblemsDialog", "Penjualan"),
    "sale.cancelled": QT_TRANSLATE_NOOP("SyncProblemsDialog", "Pembatalan"),
    "sale.payment_confirmed": QT_TRANSLATE_NOOP("SyncProblemsDialog", "Konfirmasi QRIS"),
    "return.completed": QT_TRANSLATE_NOOP("SyncProblemsDialog", "Retur"),
    "member.registered": QT_TRANSLATE_NOOP("SyncProblemsDialog", "Anggota baru"),
    "product.changed": QT_TRANSLATE_NOOP("SyncProblemsDialog", "Perubahan produk"),
}
PULLED_NAMES = {
    "product": QT_TRANSLATE_NOOP("SyncProblemsDialog", "Dari server: produk"),
    "price": QT_TRANSLATE_NOOP("SyncProblemsDialog", "Dari server: harga"),
    "ceiling": QT_TRANSLATE_NOOP("SyncProblemsDialog", "Dari server: HET"),
    "member": QT_TRANSLATE_NOOP("SyncProblemsDialog", "Dari server: anggota"),
    "stock_movement": QT_TRANSLATE_NOOP("SyncProblemsDialog", "Dari server: mutasi stok"),
}


def load_problems() -> list[SyncProblem]:
    """The events the server rejected; runs off the GUI thread."""
    from kkmp_pos.services.sync.runner import sync_problems

    return sync_problems()


class SyncProblemsDialog(QDialog):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Masalah sinkron"))
        self.resize(820, 420)
        self.note = QLabel(self.tr("Memuat…"))
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("No."), self.tr("Jenis"), self.tr("Waktu"), self.tr("Alasan")]
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

    def show_rows(self, rows: list[SyncProblem]) -> None:
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            when = row.occurred_at[:19].replace("T", " ")
            if row.pulled:
                number, kind = row.key, self.tr(PULLED_NAMES.get(row.type, row.type))
            else:
                number, kind = str(row.seq), self.tr(TYPE_NAMES.get(row.type, row.type))
            reason = row.reason
            if row.refused_at_till:  # the till held it back: it was never sent
                reason = self.tr("Ditahan di kasir (tidak dikirim): %1").replace(
                    "%1", reason.split(": ", 1)[-1]
                )
            values = [number, kind, when, reason]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(r, c, item)
        if rows:
            self.note.setText(
                self.tr(
                    "%n peristiwa atau data tidak tersinkron. Yang lain tetap terkirim dan diterima; "
                    "catat alasannya dan hubungi admin koperasi.",
                    "",
                    len(rows),
                )
            )
        else:
            self.note.setText(self.tr("Tidak ada masalah: server menerima semua peristiwa."))
        self.loaded = True
