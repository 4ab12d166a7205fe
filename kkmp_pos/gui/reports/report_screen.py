"""Reports in the app: end of day, a date range, member purchases and the X report; progress while they
are gathered in the background, a thermal preview, print, and save as PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kkmp_pos.gui.i18n import error_text
from kkmp_pos.gui.ops import run_op
from kkmp_pos.gui.shifts.shift_dialog import mono_font
from kkmp_pos.gui.widgets import TOUCH_PX

if TYPE_CHECKING:
    from kkmp_pos.services.context import Actor
    from kkmp_pos.services.till import Till


class ProgressRelay(QObject):
    """Called from the worker thread; Qt queues the signal to the GUI thread."""

    progressed = Signal(int, int, str)

    def __call__(self, done: int, total: int, label: str) -> None:
        self.progressed.emit(done, total, label)


def _qdate(text: str) -> QDate:
    d = date.fromisoformat(text)
    return QDate(d.year, d.month, d.day)


class ReportScreen(QWidget):
    KINDS = ("eod", "range", "members", "x", "lpg")  # lpg: the LPG 3 kg logbook for Pertamina

    report_ready = Signal(object)

    def __init__(self, till: Till, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.till, self.actor = till, actor
        self.report: Any = None
        self.setWindowTitle(self.tr("Laporan"))
        layout = QVBoxLayout(self)
        controls = QHBoxLayout()
        self.kind = QComboBox()
        for key, label in zip(
            self.KINDS,
            (
                self.tr("Harian"),
                self.tr("Rentang tanggal"),
                self.tr("Belanja anggota"),
                self.tr("Laporan X"),
                self.tr("Buku LPG 3 kg"),
            ),
            strict=True,
        ):
            self.kind.addItem(label, key)
        today = _qdate(till.ctx.business_date())
        self.date_from = QDateEdit(today)
        self.date_to = QDateEdit(today)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.run_button = QPushButton(self.tr("Tampilkan"))
        self.print_button = QPushButton(self.tr("Cetak"))
        self.pdf_button = QPushButton(self.tr("Simpan PDF"))
        self.csv_button = QPushButton(self.tr("Simpan CSV"))  # the LPG logbook, NIK masked
        for w in (
            self.kind,
            self.date_from,
            self.date_to,
            self.run_button,
            self.print_button,
            self.pdf_button,
            self.csv_button,
        ):
            w.setMinimumHeight(TOUCH_PX)
            controls.addWidget(w)
        layout.addLayout(controls)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.status = QLabel()
        layout.addWidget(self.status)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setFont(mono_font())
        layout.addWidget(self.preview, 1)
        self.print_button.setEnabled(False)
        self.pdf_button.setEnabled(False)
        self.csv_button.setEnabled(False)
        self.csv_button.clicked.connect(self.ask_save_csv)
        self.run_button.clicked.connect(self.run_report)
        self.print_button.clicked.connect(self.print_report)
        self.pdf_button.clicked.connect(self.ask_save_pdf)
        self.relay = ProgressRelay(self)
        self.relay.progressed.connect(self._progressed)

    def set_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(self.KINDS.index(kind))
        if kind in ("range", "members", "lpg"):
            # A period report starts as "this month so far", which is what the board asks for.
            end = self.date_to.date()
            self.date_from.setDate(end.addDays(1 - end.day()))

    def run_report(self) -> None:
        kind = self.kind.currentData()
        start = self.date_from.date().toString("yyyy-MM-dd")
        end = self.date_to.date().toString("yyyy-MM-dd")
        reports, shifts, actor, relay = self.till.reports, self.till.shifts, self.actor, self.relay
        ops = {
            "eod": lambda: reports.end_of_day(actor, start, relay),
            "range": lambda: reports.date_range(actor, start, end, relay),
            "members": lambda: reports.member_purchases(actor, start, end, relay),
            "x": lambda: shifts.x_report(actor),
            "lpg": lambda: self.till.lpg_logbook.logbook(actor, start, end),
        }
        self.run_button.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.status.setText(self.tr("Menyusun laporan…"))
        run_op(self, ops[kind], on_success=self._ready, on_failure=self._failed)

    def _progressed(self, done: int, total: int, label: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.status.setText(self.tr("Menyusun laporan… {0}").format(label))

    def _ready(self, report: Any) -> None:
        from kkmp_pos.core.money import format_rp
        from kkmp_pos.core.receipt import render_text, width_for_paper
        from kkmp_pos.core.reports import MemberReport

        self.report = report
        self.run_button.setEnabled(True)
        self.progress.setVisible(False)
        self.status.setText(self.tr("Selesai."))
        from kkmp_pos.services.reports.lpg_logbook import LpgLogbook

        self.csv_button.setEnabled(isinstance(report, LpgLogbook))
        if isinstance(report, LpgLogbook):
            self.preview.setPlainText("\n".join(report.text_lines()))
            self.print_button.setEnabled(False)
            self.pdf_button.setEnabled(False)
            self.report_ready.emit(report)
            return
        if isinstance(report, MemberReport):
            lines = [
                f"{r['number']:<10} {r['name'][:24]:<24} {format_rp(r['total_rp']):>14}" for r in report.rows
            ]
            lines.append(f"{'TOTAL':<35} {format_rp(report.total_rp):>14}")
            self.preview.setPlainText("\n".join(lines))
            self.print_button.setEnabled(False)
        else:
            width = width_for_paper(self.till.ctx.settings.printer_paper_mm)
            self.preview.setPlainText(render_text(self.till.reports.document(report), width))
            self.print_button.setEnabled(True)
        self.pdf_button.setEnabled(True)
        self.report_ready.emit(report)

    def _failed(self, exc: BaseException) -> None:
        self.run_button.setEnabled(True)
        self.progress.setVisible(False)
        self.status.setText(error_text(exc))

    def print_report(self) -> None:
        if self.report is None:
            return
        try:
            job_id = self.till.reports.queue_print(self.actor, self.report)
        except Exception as exc:
            self._failed(exc)
            return
        printing = self.till.printing
        run_op(
            self,
            lambda: printing.print_job(job_id),
            on_success=lambda o: self.status.setText(
                self.tr("Dicetak.") if o.ok else error_text(o.error) if o.error else ""
            ),
        )

    def ask_save_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan PDF"), "laporan.pdf", "PDF (*.pdf)")
        if path:
            self.save_pdf(Path(path))

    def save_pdf(self, path: Path) -> None:
        """Write the shown report as a PDF in the background (reportlab loads then)."""
        report, reports = self.report, self.till.reports
        self.status.setText(self.tr("Menyimpan PDF…"))
        run_op(
            self,
            lambda: reports.save_pdf(report, path),
            on_success=lambda p: self.status.setText(self.tr("PDF disimpan: {0}").format(p)),
            on_failure=self._failed,
        )

    # -- the LPG logbook as CSV -----------------------------------------------------------------------
    def ask_save_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan CSV"), "buku-lpg.csv", "CSV (*.csv)")
        if path:
            self.save_csv(Path(path))

    def save_csv(self, path: Path) -> None:
        book, logbook = self.report, self.till.lpg_logbook
        run_op(
            self,
            lambda: logbook.write_csv(book, path),
            on_success=lambda p: self.status.setText(self.tr("CSV disimpan: {0}").format(p)),
            on_failure=self._failed,
        )
