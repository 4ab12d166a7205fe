"""Sync settings: the server address and the terminal's enrolment code, and 'Sinkronkan sekarang'."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from kkmp_pos.gui.i18n import error_text
from kkmp_pos.gui.ops import run_op
from kkmp_pos.services.sync.catalog_upload import enrol, has_products
from kkmp_pos.services.sync.runner import Enrolment

if TYPE_CHECKING:
    from kkmp_pos.gui.sync.sync_controller import SyncController
    from kkmp_pos.services.context import Actor


class SyncSettingsDialog(QDialog):
    """Enrol this till with the cooperative's server (in the background) and sync on demand."""

    enrolled = Signal(dict)

    def __init__(self, controller: SyncController, parent: Any = None, actor: Actor | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.actor = actor  # who is logged in: enrolment and the catalog upload need a manager
        self.setWindowTitle(self.tr("Sinkronisasi dengan server koperasi"))
        self.server = QLineEdit()
        self.server.setPlaceholderText("http://192.168.1.10:8700")
        self.code = QLineEdit()
        self.code.setPlaceholderText("ABCD-EFGH-JKLM-NPQR")
        # a shop that ran stand-alone brings its catalog and members to a new cooperative's server
        self.upload = QCheckBox(self.tr("Kirim katalog dan anggota toko ini ke server"))
        self.upload.setChecked(has_products(controller.till.ctx))
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.enrol_button = QPushButton(self.tr("Daftarkan kasir ini"))
        self.sync_button = QPushButton(self.tr("Sinkronkan sekarang"))
        self.problems_button = QPushButton(self.tr("Masalah sinkron…"))
        close = QPushButton(self.tr("Tutup"))
        form = QFormLayout()
        form.addRow(self.tr("Alamat server"), self.server)
        form.addRow(self.tr("Kode pendaftaran"), self.code)
        form.addRow("", self.upload)
        buttons = QHBoxLayout()
        for button in (self.enrol_button, self.sync_button, self.problems_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.state)
        layout.addLayout(buttons)
        self.enrol_button.clicked.connect(self.enrol)
        self.sync_button.clicked.connect(self.sync_now)
        self.problems_button.clicked.connect(self.show_problems)
        close.clicked.connect(self.accept)
        self.busy = False
        self._show_enrolment(controller.runner.enrolment())

    def _show_enrolment(self, info: Enrolment) -> None:
        if info.server_url and not self.server.text():
            self.server.setText(info.server_url)
        if info.enrolled:
            self.state.setText(self.tr("Kasir ini terdaftar di %1.").replace("%1", info.server_url))
        else:
            self.state.setText(self.tr("Kasir ini belum terdaftar di server koperasi."))
        self.sync_button.setEnabled(info.enrolled)

    def enrol(self) -> None:
        url = self.server.text().strip()
        code = self.code.text().strip()
        if not url or not code:
            self.state.setText(self.tr("Isi alamat server dan kode pendaftaran."))
            return
        self.busy = True
        self.enrol_button.setEnabled(False)
        self.state.setText(self.tr("Mendaftarkan…"))
        ctx = self.controller.till.ctx
        upload = self.upload.isChecked()
        actor = self.actor
        run_op(
            self,
            lambda: enrol(ctx, actor, url, code, upload=upload),
            on_success=self._enrolled,
            on_failure=self._failed,
        )

    def _enrolled(self, result: tuple[dict[str, Any], Any]) -> None:
        answer, upload = result
        self.busy = False
        self.enrol_button.setEnabled(True)
        self.code.clear()
        self._show_enrolment(Enrolment(True, self.server.text().strip().rstrip("/")))
        if upload is not None:
            queued = self.tr("%1 produk dan %2 anggota akan dikirim ke server.")
            queued = queued.replace("%1", str(upload.products)).replace("%2", str(upload.members))
            self.state.setText(self.state.text() + " " + queued)
        self.controller.restart()
        self.enrolled.emit(answer)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.enrol_button.setEnabled(True)
        self.state.setText(error_text(exc))

    def sync_now(self) -> None:
        if self.controller.sync_now():
            self.state.setText(self.tr("Sinkronisasi dimulai."))

    def show_problems(self) -> None:
        from kkmp_pos.gui.sync.sync_problems_dialog import SyncProblemsDialog

        SyncProblemsDialog(self).open()
