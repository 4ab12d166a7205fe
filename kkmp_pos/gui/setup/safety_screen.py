"""The manager's screen for the clock and the copies off the machine: whether the PC's clock can be
trusted (and confirming it), where the daily backup also goes, how old the newest copy is, and the
restore drill. Decisions are the services' (services/setup/clock.py, services/setup/offsite.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kkmp_pos.gui.i18n import current_lang, error_text
from kkmp_pos.gui.widgets import TOUCH_PX

if TYPE_CHECKING:
    from kkmp_pos.services.context import Actor
    from kkmp_pos.services.setup.offsite import DrillResult
    from kkmp_pos.services.till import Till


def safety_warning(till: Till) -> str:
    """The banner for a manager: a clock far off the server's, or an old (or no) off-machine copy."""
    clock = till.sales.clock_guard.status()
    if clock.server_warning and clock.server_offset_s is not None:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate(
            "SafetyScreen", "Jam komputer berbeda {0} menit dari jam server. Betulkan jam komputer."
        ).format(round(abs(clock.server_offset_s) / 60))
    warning = till.offsite.status().warning
    return warning.message(current_lang()) if warning is not None else ""


class SafetyScreen(QWidget):
    def __init__(self, till: Till, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.till, self.actor = till, actor
        self.setWindowTitle(self.tr("Jam && cadangan"))
        layout = QVBoxLayout(self)
        self.clock_label = QLabel()
        self.clock_label.setWordWrap(True)
        self.confirm_button = QPushButton(self.tr("Jam sudah benar (konfirmasi manajer)"))
        self.confirm_button.setMinimumHeight(TOUCH_PX)
        layout.addWidget(self.clock_label)
        layout.addWidget(self.confirm_button)
        self.copy_label = QLabel()
        self.copy_label.setWordWrap(True)
        layout.addWidget(self.copy_label)
        form = QFormLayout()
        self.target = QComboBox()
        self.target.addItem(self.tr("Tidak ada"), "")
        self.target.addItem(self.tr("Flashdisk / disk lepas"), "drive")
        self.target.addItem(self.tr("Server koperasi"), "server")
        settings = till.ctx.settings
        self.target.setCurrentIndex(max(0, self.target.findData(settings.offsite_target)))
        self.drive_path = QLineEdit(settings.offsite_drive_path)
        # The passphrase is never shown back (nor kept): the field is empty, typing one replaces it.
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_state = QLabel()
        form.addRow(self.tr("Salinan ke"), self.target)
        form.addRow(self.tr("Folder flashdisk"), self.drive_path)
        form.addRow(self.tr("Kata sandi salinan"), self.passphrase)
        form.addRow("", self.passphrase_state)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Simpan"))
        self.drill_button = QPushButton(self.tr("Uji pemulihan salinan terbaru"))
        for button in (self.save_button, self.drill_button):
            button.setMinimumHeight(TOUCH_PX)
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.confirm_button.clicked.connect(self.confirm_clock)
        self.save_button.clicked.connect(self.save)
        self.drill_button.clicked.connect(self.drill)
        self.refresh()

    def refresh(self) -> None:
        from kkmp_pos.core.timeutil import local

        clock = self.till.sales.clock_guard.status()
        tz = self.till.shop.timezone
        text = self.tr("Jam komputer: {0}.").format(local(clock.now, tz).strftime("%d-%m-%Y %H:%M"))
        if clock.blocks_selling:
            try:
                self.till.sales.clock_guard.require_trusted()
            except Exception as exc:
                text = error_text(exc)
        elif clock.confirmed:
            text += " " + self.tr("Dikonfirmasi manajer.")
        banner = safety_warning(self.till)
        if clock.server_warning:
            text += " " + banner
        self.clock_label.setText(text)
        self.confirm_button.setEnabled(clock.blocks_selling)
        kept = self.till.offsite.has_key()
        self.passphrase.clear()
        self.passphrase.setPlaceholderText(
            self.tr("tersimpan — ketik kata sandi baru untuk menggantinya")
            if kept
            else self.tr("minimal 8 karakter; simpan juga di tempat aman")
        )
        self.passphrase_state.setText(
            self.tr("Kata sandi: tersimpan (hanya kuncinya, di komputer ini).")
            if kept
            else self.tr("Kata sandi: belum ada.")
        )
        offsite = self.till.offsite.status()
        if offsite.warning is not None:
            self.copy_label.setText(offsite.warning.message(current_lang()))
        else:
            assert offsite.age is not None
            hours = int(offsite.age.total_seconds() // 3600)
            self.copy_label.setText(self.tr("Salinan terbaru di luar komputer: {0} jam lalu.").format(hours))

    def confirm_clock(self) -> None:
        try:
            self.till.sales.clock_guard.confirm(self.actor)
        except Exception as exc:
            self.status.setText(error_text(exc))
            return
        self.status.setText(self.tr("Jam dikonfirmasi. Penjualan bisa dilanjutkan."))
        self.refresh()

    def save(self) -> bool:
        try:
            self.till.offsite.configure(
                self.actor,
                str(self.target.currentData()),
                self.drive_path.text().strip(),
                self.passphrase.text(),
            )
        except Exception as exc:
            self.status.setText(error_text(exc))
            return False
        self.status.setText(self.tr("Pengaturan salinan disimpan."))
        self.refresh()
        return True

    def drill(self) -> None:
        from kkmp_pos.gui.ops import run_op

        self.status.setText(self.tr("Menguji salinan terbaru…"))
        self.drill_button.setEnabled(False)
        run_op(self, self.till.offsite.drill, on_success=self._drilled, on_failure=self._drill_failed)

    def _drilled(self, result: DrillResult) -> None:
        self.drill_button.setEnabled(True)
        if result.ok:
            self.status.setText(
                self.tr("Berhasil: salinan {0} terbuka dan lolos pemeriksaan ({1} penjualan).").format(
                    result.source, result.sales
                )
            )
        else:
            self.status.setText(
                self.tr("Gagal: salinan {0} rusak ({1}).").format(result.source, result.detail)
            )

    def _drill_failed(self, exc: BaseException) -> None:
        self.drill_button.setEnabled(True)
        self.status.setText(error_text(exc))
