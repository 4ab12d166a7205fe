"""The audit log for managers: filter by dates, action and user; save or print as PDF."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kkmp_pos.core.audit_actions import label
from kkmp_pos.core.audit_details import detail_text
from kkmp_pos.gui.i18n import current_lang, error_text
from kkmp_pos.gui.ops import run_op
from kkmp_pos.gui.reports.report_screen import _qdate
from kkmp_pos.gui.widgets import TOUCH_PX

if TYPE_CHECKING:
    from kkmp_pos.services.context import Actor
    from kkmp_pos.services.till import Till


class AuditScreen(QWidget):
    def __init__(self, till: Till, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.till, self.actor = till, actor
        self.setWindowTitle(self.tr("Log audit"))
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        today = _qdate(till.ctx.business_date())
        self.date_from, self.date_to = QDateEdit(today), QDateEdit(today)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.action = QComboBox()
        self.show_button = QPushButton(self.tr("Tampilkan"))
        self.pdf_button = QPushButton(self.tr("Simpan PDF"))
        for w in (self.date_from, self.date_to, self.action, self.show_button, self.pdf_button):
            w.setMinimumHeight(TOUCH_PX)
            bar.addWidget(w)
        layout.addLayout(bar)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Waktu"),
                self.tr("Pengguna"),
                self.tr("Tindakan"),
                self.tr("Disetujui"),
                self.tr("Rincian"),
            ]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.status = QLabel()
        layout.addWidget(self.status)
        self.show_button.clicked.connect(self.refresh)
        self.pdf_button.clicked.connect(self.ask_save_pdf)
        try:
            self.action.addItem(self.tr("(semua)"), "")
            for action in till.audit_log.actions(actor):
                self.action.addItem(label(action, current_lang()), action)  # data stays the code
        except Exception as exc:
            self.status.setText(error_text(exc))
            return
        self.refresh()

    def filters(self) -> dict[str, object]:
        return {
            "date_from": self.date_from.date().toString("yyyy-MM-dd"),
            "date_to": self.date_to.date().toString("yyyy-MM-dd"),
            "action": self.action.currentData() or None,
        }

    def refresh(self) -> None:
        try:
            entries = self.till.audit_log.browse(self.actor, **self.filters())  # type: ignore[arg-type]
        except Exception as exc:
            self.status.setText(error_text(exc))
            return
        self.table.setRowCount(len(entries))
        lang = current_lang()
        for row, e in enumerate(entries):
            action = label(e.action, lang)
            detail = detail_text(e.detail_raw, lang)
            for col, text in enumerate((e.at_local, e.user, action, e.approved_by, detail)):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.status.setText(self.tr("{0} baris").format(len(entries)))

    def ask_save_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan PDF"), "log-audit.pdf", "PDF (*.pdf)")
        if path:
            self.save_pdf(Path(path))

    def save_pdf(self, path: Path) -> None:
        audit_log, actor, filters = self.till.audit_log, self.actor, self.filters()
        run_op(
            self,
            lambda: audit_log.save_pdf(actor, path, **filters),
            on_success=lambda p: self.status.setText(self.tr("PDF disimpan: {0}").format(p)),
            on_failure=lambda exc: self.status.setText(error_text(exc)),
        )
