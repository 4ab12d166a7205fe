"""The pages of the first-run setup wizard: the shop, the first admin, the receipt printer, the shop's
static QRIS and the central server. Each page checks its own step in `commit`, which saves it through
the services and says what is wrong on the page itself; the wizard (setup_wizard_screen.py) moves on."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kkmp_pos.gui.i18n import current_lang, error_text
from kkmp_pos.gui.widgets import TOUCH_PX

if TYPE_CHECKING:
    from kkmp_pos.services.context import Actor
    from kkmp_pos.services.printing.jobs import PrintOutcome
    from kkmp_pos.services.till import Till


def _label(text: str, role: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    return label


class WizardPage(QWidget):
    """One step: `commit(actor)` saves it and answers whether the wizard may go on."""

    def __init__(self, till: Till) -> None:
        super().__init__()
        self.till = till
        self.layout_ = QVBoxLayout(self)
        self.layout_.setSpacing(4)
        self.hint = _label("", "muted")
        self.layout_.addWidget(self.hint)

    def enter(self, actor: Actor | None) -> None:
        """Called each time the page is shown."""

    def commit(self, actor: Actor | None) -> bool:
        return True


class ShopPage(WizardPage):
    def __init__(self, till: Till) -> None:
        super().__init__(till)
        self.hint.setText(
            self.tr(
                "Data koperasi dan toko untuk struk dan laporan. Yang belum diketahui bisa dilengkapi "
                "nanti di Pengaturan."
            )
        )
        from kkmp_pos.gui.setup.shop_form import ShopForm
        from kkmp_pos.services.setup.first_run import DEFAULT_STORE

        self.form = ShopForm()
        profile = till.shop_profile.load()
        # the placeholders a new shop starts with are not offered as answers: the names must be typed
        profile = replace(
            profile,
            code="" if profile.code == DEFAULT_STORE.code else profile.code,
            name="" if profile.name == DEFAULT_STORE.name else profile.name,
            cooperative_name=""
            if profile.cooperative_name == DEFAULT_STORE.cooperative_name
            else profile.cooperative_name,
        )
        self.form.set_profile(profile)
        self.layout_.addWidget(self.form)
        self.layout_.addStretch(1)

    def commit(self, actor: Actor | None) -> bool:
        try:
            self.till.shop_profile.save(actor, self.form.profile())
        except Exception as exc:
            self.form.error_label.setText(error_text(exc))
            return False
        self.form.error_label.clear()
        return True


class AdminPage(WizardPage):
    """The first admin and their PIN; on a shop that already has users, nothing to do."""

    def __init__(self, till: Till) -> None:
        super().__init__(till)
        self.hint.setText(self.tr("Admin pertama mengatur toko dan membuat akun kasir dan manajer."))
        self.created: Actor | None = None
        form = QFormLayout()
        form.setVerticalSpacing(2)  # nine fields and the buttons within a 1024×768 screen
        self.name = QLineEdit()
        self.pin = QLineEdit()
        self.pin2 = QLineEdit()
        for field in (self.pin, self.pin2):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setMaxLength(6)
        form.addRow(self.tr("Nama admin"), self.name)
        form.addRow(self.tr("PIN (4–6 angka)"), self.pin)
        form.addRow(self.tr("Ulangi PIN"), self.pin2)
        self.form_box = QWidget()
        self.form_box.setLayout(form)
        self.layout_.addWidget(self.form_box)
        self.has_users_label = _label(self.tr("Toko ini sudah punya pengguna: langkah ini dilewati."))
        self.layout_.addWidget(self.has_users_label)
        self.error_label = _label("", "error")
        self.layout_.addWidget(self.error_label)
        self.layout_.addStretch(1)

    def enter(self, actor: Actor | None) -> None:
        existing = self.created is None and self.till.setup_wizard.has_users()
        self.form_box.setVisible(not existing)
        self.has_users_label.setVisible(existing)
        self.name.setFocus()

    def commit(self, actor: Actor | None) -> bool:
        if self.created is not None or self.till.setup_wizard.has_users():
            return True
        from kkmp_pos.services.setup.auth import actor_of

        name = self.name.text().strip()
        if not name:
            self.error_label.setText(self.tr("Isi nama admin."))
            return False
        if self.pin.text() != self.pin2.text():
            self.error_label.setText(self.tr("Kedua PIN tidak sama."))
            return False
        try:
            user = self.till.auth.create_user(name, "admin", self.pin.text())
        except Exception as exc:
            self.error_label.setText(error_text(exc))
            return False
        self.created = actor_of(user)
        self.error_label.clear()
        return True


class PrinterPage(WizardPage):
    """Find the printer, print a test page (shown here first), and only then keep it."""

    def __init__(self, till: Till) -> None:
        super().__init__(till)
        self.hint.setText(
            self.tr(
                "Pilih printer struk dari daftar, cari di jaringan, atau tulis alamatnya. Printer disimpan "
                "hanya setelah tes cetak berhasil."
            )
        )
        from kkmp_pos.gui.setup.printer_finder import PrinterFinder

        self.actor: Actor | None = None
        self.bridge: Any = None
        columns = QHBoxLayout()
        left = QVBoxLayout()
        self.finder = PrinterFinder(loopback_only=till.is_demo)
        left.addWidget(self.finder, 1)
        form = QFormLayout()
        form.setVerticalSpacing(2)  # nine fields and the buttons within a 1024×768 screen
        self.uri = QLineEdit()
        self.uri.setPlaceholderText("network://192.168.1.50")
        self.paper = QComboBox()
        self.paper.addItem("58 mm", 58)
        self.paper.addItem("80 mm", 80)
        form.addRow(self.tr("Alamat printer"), self.uri)
        form.addRow(self.tr("Kertas"), self.paper)
        left.addLayout(form)
        self.test_button = QPushButton(self.tr("Tes cetak"))
        self.test_button.setMinimumHeight(TOUCH_PX)
        left.addWidget(self.test_button)
        self.status = _label("")
        left.addWidget(self.status)
        columns.addLayout(left, 3)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.preview.setPlaceholderText(self.tr("Contoh halaman tes tampil di sini."))
        self.preview.setMinimumWidth(300)
        columns.addWidget(self.preview, 2)
        self.layout_.addLayout(columns, 1)
        self.finder.picked.connect(self.uri.setText)
        self.test_button.clicked.connect(self.test_print)
        self.uri.textChanged.connect(lambda _text: self.status.clear())
        self._listed = False

    def enter(self, actor: Actor | None) -> None:
        self.actor = actor
        if not self._listed:
            self._listed = True
            self.finder.list_attached()
        self.uri.setFocus()

    def config(self):  # type: ignore[no-untyped-def]
        base = self.till.printer_settings.load()
        return replace(base, uri=self.uri.text().strip(), paper_mm=int(self.paper.currentData()))

    def test_print(self) -> None:
        """Show the test page, then send it to the printer on the form; nothing is saved."""
        config = self.config()
        try:
            self.till.printer_settings.validate(config)
            self.preview.setPlainText(self.till.printer_settings.test_preview(config))
            job_id = self.till.printer_settings.queue_test_print(self.actor, config)  # type: ignore[arg-type]
        except Exception as exc:
            self.status.setText(error_text(exc))
            return
        if self.bridge is None:
            from kkmp_pos.gui.printing.printer_screen import PrintQueueBridge

            self.bridge = PrintQueueBridge(self.till, self)
            self.bridge.done.connect(self._printed)
        self.status.setText(self.tr("Mengirim tes cetak…"))
        self.bridge.submit(job_id)

    def _printed(self, outcome: PrintOutcome) -> None:
        if outcome.ok:
            self.status.setText(self.tr("Tes cetak berhasil. Cocokkan kertasnya dengan contoh di samping."))
        else:
            reason = outcome.error.message(current_lang()) if outcome.error else ""
            self.status.setText(self.tr("Tes cetak gagal: {0}").format(reason))

    def commit(self, actor: Actor | None) -> bool:
        config = self.config()
        if not config.uri:
            self.status.setText(self.tr("Pilih atau tulis alamat printer, atau lewati langkah ini."))
            return False
        if not self.till.printer_settings.has_printed_test(config.uri):
            self.status.setText(self.tr("Lakukan tes cetak yang berhasil dulu, atau lewati langkah ini."))
            return False
        try:
            self.till.printer_settings.save(actor, config)  # type: ignore[arg-type]
        except Exception as exc:
            self.status.setText(error_text(exc))
            return False
        return True

    def stop(self) -> None:
        self.finder.cancel()
        if self.bridge is not None:
            self.bridge.stop()


class QrisPage(WizardPage):
    """The shop's static QRIS, entered on the settings screen's own QRIS form (saved by its button)."""

    def __init__(self, till: Till) -> None:
        super().__init__(till)
        self.hint.setText(self.tr("QRIS statis toko dipakai untuk semua pembayaran QRIS. Boleh dilewati."))
        self.screen: QWidget | None = None

    def enter(self, actor: Actor | None) -> None:
        if self.screen is None and actor is not None:
            from kkmp_pos.gui.setup.qris_screen import QrisSettingsScreen

            self.screen = QrisSettingsScreen(self.till, actor)
            self.layout_.addWidget(self.screen, 1)


class ServerPage(WizardPage):
    """Enrolment with the cooperative's central server, through the sync settings dialog."""

    def __init__(self, till: Till, controller: Callable[[], Any]) -> None:
        super().__init__(till)
        self.hint.setText(
            self.tr(
                "Daftarkan kasir ini ke server koperasi dengan kode pendaftaran dari pengurus. Tanpa "
                "server, toko tetap berjalan sendiri; daftarkan nanti lewat Menu → Pengaturan."
            )
        )
        self.controller = controller
        self.enrol_button = QPushButton(self.tr("Daftarkan ke server koperasi…"))
        self.enrol_button.setMinimumHeight(TOUCH_PX)
        self.layout_.addWidget(self.enrol_button)
        self.state = _label("")
        self.layout_.addWidget(self.state)
        self.layout_.addStretch(1)
        self.dialog: QWidget | None = None
        self.actor: Actor | None = None
        self.enrol_button.clicked.connect(self.open_enrolment)

    def enter(self, actor: Actor | None) -> None:
        self.actor = actor
        controller = self.controller()
        self.enrol_button.setEnabled(controller is not None)
        if controller is None:
            self.state.setText(self.tr("Sinkronisasi belum tersedia di jendela ini."))

    def open_enrolment(self) -> None:
        from kkmp_pos.gui.sync.sync_settings_dialog import SyncSettingsDialog

        controller = self.controller()
        if controller is None:
            return
        self.dialog = SyncSettingsDialog(controller, self, self.actor)
        self.dialog.open()
