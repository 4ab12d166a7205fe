"""The form of the shop's identity (cooperative and shop, address, badan hukum, kode wilayah, SIMKOPDES,
time zone, VAT and NPWP), shared by the setup wizard's first step and the settings screen's first tab.
It reads and gives a `ShopProfile`; checking and saving are the service's (services/setup/shop_profile)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kkmp_pos.services.setup.shop_profile import TIME_ZONES, ShopProfile


class ShopForm(QWidget):
    # The settings each field keeps besides the store row (the settings screen's coverage test).
    SETTING_KEYS = ("shop.kode_wilayah", "shop.simkopdes_ref")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        form.setVerticalSpacing(4)
        self.cooperative_name = QLineEdit()
        self.cooperative_name.setPlaceholderText(self.tr("mis. Koperasi Desa Merah Putih Sukamaju"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("mis. Gerai Sembako KDMP Sukamaju"))
        self.code = QLineEdit()
        self.code.setMaxLength(10)
        self.code.setPlaceholderText("KMPSKM")
        self.address = QLineEdit()
        self.legal_number = QLineEdit()
        self.legal_number.setPlaceholderText(self.tr("mis. AHU-0001234.AH.01.29.TAHUN 2025"))
        self.kode_wilayah = QLineEdit()
        self.kode_wilayah.setObjectName("shop.kode_wilayah")
        self.kode_wilayah.setPlaceholderText("64.71.05.1001")
        self.simkopdes_ref = QLineEdit()
        self.simkopdes_ref.setObjectName("shop.simkopdes_ref")
        self.simkopdes_ref.setPlaceholderText(self.tr("boleh kosong"))
        self.time_zone = QComboBox()
        for label in TIME_ZONES:
            self.time_zone.addItem(label, label)
        self.vat_registered = QCheckBox(self.tr("Toko PKP: memungut PPN"))
        self.npwp = QLineEdit()
        self.npwp.setPlaceholderText("01.312.166.0-091.000")
        form.addRow(self.tr("Nama koperasi"), self.cooperative_name)
        form.addRow(self.tr("Nama toko"), self.name)
        form.addRow(self.tr("Kode toko (di nomor struk)"), self.code)
        form.addRow(self.tr("Alamat"), self.address)
        form.addRow(self.tr("Nomor badan hukum"), self.legal_number)
        form.addRow(self.tr("Kode wilayah kelurahan/desa"), self.kode_wilayah)
        form.addRow(self.tr("Nomor SIMKOPDES"), self.simkopdes_ref)
        zone_and_vat = QHBoxLayout()  # one row: the form fits a 1024×768 screen with the wizard around it
        zone_and_vat.addWidget(self.time_zone, 1)
        zone_and_vat.addSpacing(16)
        zone_and_vat.addWidget(self.vat_registered, 1)
        form.addRow(self.tr("Zona waktu"), zone_and_vat)
        form.addRow(self.tr("NPWP"), self.npwp)
        layout.addLayout(form)
        self.error_label = QLabel()
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)

    def set_profile(self, profile: ShopProfile) -> None:
        self.cooperative_name.setText(profile.cooperative_name)
        self.name.setText(profile.name)
        self.code.setText(profile.code)
        self.address.setText(profile.address)
        self.legal_number.setText(profile.legal_number)
        self.kode_wilayah.setText(profile.kode_wilayah)
        self.simkopdes_ref.setText(profile.simkopdes_ref)
        index = self.time_zone.findData(profile.time_zone)
        self.time_zone.setCurrentIndex(max(index, 0))
        self.vat_registered.setChecked(profile.vat_registered)
        self.npwp.setText(profile.npwp)
        self.error_label.clear()

    def profile(self) -> ShopProfile:
        return ShopProfile(
            code=self.code.text(),
            name=self.name.text(),
            cooperative_name=self.cooperative_name.text(),
            address=self.address.text(),
            legal_number=self.legal_number.text(),
            kode_wilayah=self.kode_wilayah.text(),
            simkopdes_ref=self.simkopdes_ref.text(),
            time_zone=str(self.time_zone.currentData()),
            vat_registered=self.vat_registered.isChecked(),
            npwp=self.npwp.text(),
        )
