"""The manager's screen for the shop's static QRIS (Menu → Pengaturan → QRIS toko).

The code comes in three ways: the 2D scanner types it into the field (and presses Enter), the manager
pastes it, or picks a photo/image file of the sticker. It is checked, its merchant name, city, NMID and
acquirer are shown beside the code as read, and only a code the manager has seen is saved. Checking
and saving are the service's (services/setup/qris_setup.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kkmp_pos.gui.i18n import error_text
from kkmp_pos.gui.selling.qris_dialog import QrCodeView
from kkmp_pos.gui.widgets import TOUCH_PX

if TYPE_CHECKING:
    from kkmp_pos.services.context import Actor
    from kkmp_pos.services.setup.qris_setup import QrisMerchant
    from kkmp_pos.services.till import Till

IMAGE_FILTER = "*.png *.jpg *.jpeg *.bmp *.gif *.webp *.tif *.tiff"


class QrisSettingsScreen(QWidget):
    def __init__(self, till: Till, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.till, self.actor = till, actor
        self.checked: QrisMerchant | None = None
        self.setWindowTitle(self.tr("QRIS toko"))
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("QRIS statis toko"))
        title.setProperty("role", "title")
        layout.addWidget(title)
        self.current_label = QLabel()
        self.current_label.setWordWrap(True)
        layout.addWidget(self.current_label)
        hint = QLabel(
            self.tr(
                "Pindai stiker QRIS toko dengan scanner 2D ke kolom ini, tempel kodenya, atau pilih foto "
                "stiker. Semua pembayaran QRIS memakai kode ini."
            )
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "muted")
        layout.addWidget(hint)

        entry = QHBoxLayout()
        self.payload_field = QLineEdit()
        self.payload_field.setPlaceholderText(self.tr("00020101021126… (kode QRIS statis)"))
        self.payload_field.setMinimumHeight(TOUCH_PX)
        self.payload_field.setClearButtonEnabled(True)
        self.check_button = self._button(self.tr("Periksa [Enter]"))
        self.image_button = self._button(self.tr("Pilih foto / gambar…"))
        entry.addWidget(self.payload_field, 1)
        entry.addWidget(self.check_button)
        entry.addWidget(self.image_button)
        layout.addLayout(entry)
        self.error_label = QLabel()
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)

        self.confirm_box = QFrame()
        self.confirm_box.setFrameShape(QFrame.Shape.StyledPanel)
        box = QHBoxLayout(self.confirm_box)
        self.code_view = QrCodeView()
        self.code_view.setMinimumSize(260, 260)
        self.code_view.setMaximumSize(320, 320)
        box.addWidget(self.code_view)
        details = QVBoxLayout()
        question = QLabel(self.tr("Cocokkan dengan stiker QRIS toko:"))
        question.setProperty("role", "big")
        question.setWordWrap(True)
        details.addWidget(question)
        form = QFormLayout()
        self.name_value = QLabel()
        self.name_value.setProperty("role", "big")
        self.city_value = QLabel()
        self.nmid_value = QLabel()
        self.acquirer_value = QLabel()
        self.acquirer_value.setWordWrap(True)
        for value in (self.name_value, self.city_value, self.nmid_value, self.acquirer_value):
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Nama merchant"), self.name_value)
        form.addRow(self.tr("Kota"), self.city_value)
        form.addRow(self.tr("NMID"), self.nmid_value)
        form.addRow(self.tr("Acquirer"), self.acquirer_value)
        details.addLayout(form)
        buttons = QHBoxLayout()
        self.save_button = self._button(self.tr("Benar, simpan QRIS ini"), "primary")
        self.discard_button = self._button(self.tr("Bukan, batal"))
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.discard_button)
        details.addLayout(buttons)
        details.addStretch(1)
        box.addLayout(details, 1)
        layout.addWidget(self.confirm_box)
        self.status = QLabel()
        self.status.setProperty("role", "saving")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addStretch(1)

        self.payload_field.returnPressed.connect(self.check)
        self.payload_field.textEdited.connect(self._edited)
        self.check_button.clicked.connect(self.check)
        self.image_button.clicked.connect(self.choose_image)
        self.save_button.clicked.connect(self.save)
        self.discard_button.clicked.connect(self.discard)
        self._show_checked(None)
        self.refresh()
        self.payload_field.setFocus()

    def _button(self, text: str, role: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setMinimumHeight(TOUCH_PX)
        if role:
            button.setProperty("role", role)
        return button

    def refresh(self) -> None:
        current = self.till.qris_setup.current()
        if current is None:
            self.current_label.setText(self.tr("Belum ada QRIS toko: pembayaran QRIS belum bisa dipakai."))
        else:
            self.current_label.setText(
                self.tr("Tersimpan: {name}, {city} — NMID {nmid}.").format(
                    name=current.merchant_name, city=current.merchant_city, nmid=current.nmid or "-"
                )
            )

    # -- entering -------------------------------------------------------------------------------
    def check(self) -> None:
        """Check the field's text (what the scanner typed or was pasted) and show it for confirmation."""
        self.status.clear()
        try:
            merchant = self.till.qris_setup.check(self.payload_field.text())
        except Exception as exc:
            self._failed(exc)
            return
        self._show_checked(merchant)

    def choose_image(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Foto stiker QRIS"), "", self.tr("Gambar ({0})").format(IMAGE_FILTER)
        )
        if path:
            self.load_image(path)

    def load_image(self, path: str) -> None:
        """Read the QRIS from a photo or image file in the background (a large photo takes a moment)."""
        from kkmp_pos.gui.ops import run_op

        self.status.clear()
        self.error_label.setText(self.tr("Membaca gambar…"))
        self.image_button.setEnabled(False)
        run_op(
            self,
            lambda: self.till.qris_setup.read_image(path),
            on_success=self._image_read,
            on_failure=self._image_failed,
        )

    def _image_read(self, merchant: QrisMerchant) -> None:
        self.image_button.setEnabled(True)
        self.payload_field.setText(merchant.payload)
        self._show_checked(merchant)

    def _image_failed(self, exc: BaseException) -> None:
        self.image_button.setEnabled(True)
        self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        self._show_checked(None)
        self.error_label.setText(error_text(exc))
        self.payload_field.setFocus()

    def _edited(self) -> None:
        # What is shown for confirmation is always the code that would be saved.
        if self.checked is not None:
            self._show_checked(None)

    def _show_checked(self, merchant: QrisMerchant | None) -> None:
        self.checked = merchant
        self.confirm_box.setVisible(merchant is not None)
        self.save_button.setEnabled(merchant is not None)
        if merchant is None:
            self.code_view.set_payload("")
            return
        self.error_label.clear()
        self.code_view.set_payload(merchant.payload)
        self.name_value.setText(merchant.merchant_name)
        self.city_value.setText(
            f"{merchant.merchant_city} {merchant.postal_code}".strip()
            if merchant.postal_code
            else merchant.merchant_city
        )
        self.nmid_value.setText(merchant.nmid or "-")
        self.acquirer_value.setText(merchant.acquirer_text or "-")
        self.save_button.setFocus()

    # -- deciding -------------------------------------------------------------------------------
    def save(self) -> None:
        if self.checked is None:
            return
        try:
            saved = self.till.qris_setup.save(self.actor, self.checked.payload)
        except Exception as exc:
            self.error_label.setText(error_text(exc))
            return
        self._show_checked(None)
        self.payload_field.clear()
        self.status.setText(self.tr("QRIS toko disimpan: {name}.").format(name=saved.merchant_name))
        self.refresh()

    def discard(self) -> None:
        self._show_checked(None)
        self.payload_field.clear()
        self.payload_field.setFocus()
