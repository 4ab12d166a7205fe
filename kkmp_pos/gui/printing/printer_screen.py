"""Printer settings (connection, paper, profile, code page, logo, text, cut, drawer), a test print that
saves nothing, and the print queue: failed jobs with their reason, retried on request. Sending happens on
the print worker."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kkmp_pos.gui.i18n import current_lang, error_text
from kkmp_pos.gui.labels import print_kind_label, print_state_label
from kkmp_pos.gui.widgets import TOUCH_PX

if TYPE_CHECKING:
    from kkmp_pos.services.context import Actor
    from kkmp_pos.services.printing.jobs import PrintOutcome
    from kkmp_pos.services.till import Till


class PrintQueueBridge(QObject):
    """The print worker for a window: submit jobs, get each outcome as a signal on the GUI thread."""

    done = Signal(object)  # PrintOutcome

    def __init__(self, till: Till, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from kkmp_pos.services.printing.worker import PrintWorker

        self.worker = PrintWorker(till.printing, on_done=self.done.emit)

    def submit(self, job_id: int, *, retry: bool = False) -> bool:
        return self.worker.submit(job_id, retry=retry)

    def stop(self) -> None:
        self.worker.stop()


class PrinterScreen(QWidget):
    def __init__(self, till: Till, actor: Actor, bridge: PrintQueueBridge | None = None, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.till, self.actor = till, actor
        self.bridge = bridge or PrintQueueBridge(till, self)
        self.bridge.done.connect(self._job_done)
        self.setWindowTitle(self.tr("Printer"))
        config = till.printer_settings.load()
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        form = QFormLayout()
        self.uri = QComboBox()
        self.uri.setEditable(True)
        self.uri.addItem(config.uri)
        for uri in till.printer_settings.installed_printers():
            self.uri.addItem(uri)
        self.uri.setCurrentText(config.uri)
        self.uri.setToolTip("\n".join(till.printer_settings.uri_examples()))
        self.paper = QComboBox()
        self.paper.addItem("58 mm", 58)
        self.paper.addItem("80 mm", 80)
        self.paper.setCurrentIndex(0 if config.paper_mm == 58 else 1)
        self.profile = QComboBox()
        self.profile.addItems(till.printer_settings.profiles())
        self.profile.setCurrentText(config.profile)
        self.code_page = QComboBox()
        self.code_page.addItems(list(till.printer_settings.code_pages()))
        self.code_page.setCurrentText(config.code_page)
        self.logo = QLineEdit(config.logo_path)
        self.header = QPlainTextEdit("\n".join(config.header_lines))
        self.footer = QPlainTextEdit("\n".join(config.footer_lines))
        for edit in (self.header, self.footer):
            edit.setMaximumHeight(70)
        self.cut = QCheckBox(self.tr("Potong kertas"))
        self.cut.setChecked(config.cut)
        self.kick = QCheckBox(self.tr("Buka laci untuk tunai"))
        self.kick.setChecked(config.kick_drawer)
        self.search_button = QPushButton(self.tr("Cari…"))
        self.search_button.clicked.connect(self.search_printers)
        uri_row = QHBoxLayout()
        uri_row.addWidget(self.uri, 1)
        uri_row.addWidget(self.search_button)
        form.addRow(self.tr("Sambungan"), uri_row)
        form.addRow(self.tr("Kertas"), self.paper)
        form.addRow(self.tr("Profil"), self.profile)
        form.addRow(self.tr("Halaman kode"), self.code_page)
        form.addRow(self.tr("Logo (berkas gambar)"), self.logo)
        form.addRow(self.tr("Baris atas"), self.header)
        form.addRow(self.tr("Baris bawah"), self.footer)
        form.addRow(self.cut)
        form.addRow(self.kick)
        left.addLayout(form)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Simpan"))
        self.test_button = QPushButton(self.tr("Tes cetak"))
        for b in (self.save_button, self.test_button):
            b.setMinimumHeight(TOUCH_PX)
            buttons.addWidget(b)
        left.addLayout(buttons)
        self.status = QLabel()
        self.status.setWordWrap(True)
        left.addWidget(self.status)
        left.addStretch(1)
        layout.addLayout(left, 1)

        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Antrean cetak yang gagal")))
        self.queue = QTableWidget(0, 4)
        self.queue.setHorizontalHeaderLabels(
            [self.tr("No."), self.tr("Jenis"), self.tr("Status"), self.tr("Alasan")]
        )
        self.queue.horizontalHeader().setStretchLastSection(True)
        right.addWidget(self.queue, 1)
        self.retry_button = QPushButton(self.tr("Cetak ulang yang dipilih"))
        self.retry_button.setMinimumHeight(TOUCH_PX)
        right.addWidget(self.retry_button)
        layout.addLayout(right, 1)
        self.save_button.clicked.connect(self.save)
        self.test_button.clicked.connect(self.test_print)
        self.retry_button.clicked.connect(self.retry_selected)
        self.refresh_queue()

    def search_printers(self) -> None:
        """Find a printer (attached, or by a network scan when asked); the pick lands on the form only."""
        from kkmp_pos.gui.printing.printer_search_dialog import PrinterSearchDialog

        self.search_dialog = PrinterSearchDialog(self, loopback_only=self.till.is_demo)
        self.search_dialog.picked.connect(self.uri.setCurrentText)
        self.search_dialog.open()

    def setting_widgets(self) -> dict[str, QWidget]:
        """The field of each printer setting (the settings screen names them by their keys)."""
        return {
            "printer.uri": self.uri,
            "printer.paper_mm": self.paper,
            "printer.profile": self.profile,
            "printer.code_page": self.code_page,
            "printer.logo_path": self.logo,
            "printer.cut": self.cut,
            "printer.kick_drawer": self.kick,
        }

    def config(self):  # type: ignore[no-untyped-def]
        from kkmp_pos.services.printing.settings import PrinterConfig

        def lines(edit: QPlainTextEdit) -> tuple[str, ...]:
            return tuple(line for line in edit.toPlainText().splitlines() if line.strip())

        return PrinterConfig(
            uri=self.uri.currentText().strip(),
            paper_mm=int(self.paper.currentData()),
            profile=self.profile.currentText(),
            code_page=self.code_page.currentText(),
            logo_path=self.logo.text().strip(),
            header_lines=lines(self.header),
            footer_lines=lines(self.footer),
            cut=self.cut.isChecked(),
            kick_drawer=self.kick.isChecked(),
        )

    def save(self) -> bool:
        """Save the form; a printer that has not printed a test page is saved only once the manager
        confirms it (`confirm_box`), so a mistyped address does not silently replace the shop's printer."""
        config = self.config()
        try:
            self.till.printer_settings.validate(config)
            untested = self.till.printer_settings.needs_test_first(config)
        except Exception as exc:
            self.status.setText(error_text(exc))
            return False
        if untested:
            self.ask_save_untested()
            return False
        return self.save_confirmed()

    def ask_save_untested(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Printer belum dites"),
            self.tr(
                "Printer {0} belum mencetak halaman tes. Simpan juga? Struk berikutnya akan dikirim ke sana."
            ).format(self.config().uri),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        self.confirm_save_button = box.addButton(
            self.tr("Simpan tanpa tes"), QMessageBox.ButtonRole.AcceptRole
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.accepted.connect(self.save_confirmed)
        self.confirm_box = box
        self.status.setText(self.tr("Belum disimpan: printer ini belum dites."))
        box.open()

    def save_confirmed(self) -> bool:
        try:
            self.till.printer_settings.save(self.actor, self.config())
        except Exception as exc:
            self.status.setText(error_text(exc))
            return False
        self.status.setText(self.tr("Pengaturan printer disimpan."))
        return True

    def test_print(self) -> None:
        """Print a test page with the settings on the form; nothing is saved."""
        try:
            job_id = self.till.printer_settings.queue_test_print(self.actor, self.config())
        except Exception as exc:
            self.status.setText(error_text(exc))
            return
        self.status.setText(self.tr("Mengirim tes cetak (belum disimpan)…"))
        self.bridge.submit(job_id)

    def submit(self, job_id: int) -> None:
        """Send any queued job (e.g. a receipt) through the worker; the outcome shows here."""
        self.status.setText(self.tr("Mencetak #{0}…").format(job_id))
        self.bridge.submit(job_id)

    def retry_selected(self) -> None:
        rows = {index.row() for index in self.queue.selectedIndexes()} or (
            {0} if self.queue.rowCount() else set()
        )
        for row in sorted(rows):
            job_id = int(self.queue.item(row, 0).text())
            if self.bridge.submit(job_id, retry=True):
                self.queue.item(row, 2).setText(self.tr("mencetak…"))

    def _job_done(self, outcome: PrintOutcome) -> None:
        if outcome.ok:
            self.status.setText(self.tr("Tercetak (#{0}).").format(outcome.job_id))
        else:
            reason = outcome.error.message(current_lang()) if outcome.error else ""
            self.status.setText(self.tr("Gagal mencetak #{0}: {1}").format(outcome.job_id, reason))
        self.refresh_queue()

    def refresh_queue(self) -> None:
        jobs = self.till.printing.failed_jobs()
        self.queue.setRowCount(len(jobs))
        for row, job in enumerate(jobs):
            words = (
                print_kind_label(job.kind),
                print_state_label(job.status),
                job.error_message(current_lang()),
            )
            for col, text in enumerate((str(job.id), *words)):
                self.queue.setItem(row, col, QTableWidgetItem(text))
