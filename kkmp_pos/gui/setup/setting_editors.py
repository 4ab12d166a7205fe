"""One editor widget per setting, chosen from the setting's declared type and allowed values (a choice
list, a yes/no box, a number within its range, lines of text, a list of amounts, a JSON mapping). Each
editor's object name is its setting's key, so the settings screen's coverage test finds it."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from kkmp_pos.config import SETTINGS
from kkmp_pos.services.setup.settings_editor import CHOICES, RANGES


def tr(text: str) -> str:
    # lupdate files module-level tr() calls under the empty context, so look them up there.
    return QCoreApplication.translate("", text)


def setting_label(key: str) -> str:
    """The words a manager reads beside the editor of `key`."""
    labels = {
        "receipt.header": tr("Baris atas struk (satu baris per baris)"),
        "receipt.footer": tr("Baris bawah struk"),
        "cash.rounding_rp": tr("Pembulatan tunai"),
        "cash.quick_notes": tr("Tombol uang pas (rupiah, pisahkan dengan koma)"),
        "tax.ppn_percent": tr("Tarif PPN efektif (%) untuk toko PKP"),
        "discount.max_percent": tr("Diskon kasir tanpa persetujuan, paling besar (%)"),
        "discount.max_rp": tr("Diskon kasir tanpa persetujuan, paling besar (Rp)"),
        "void.approval_over_rp": tr("Hapus baris/keranjang di atas (Rp) perlu PIN manajer (0 = tidak)"),
        "member.pokok_rp": tr("Simpanan pokok anggota baru (Rp)"),
        "member.pokok_instalments": tr("Simpanan pokok boleh dicicil paling banyak (kali)"),
        "member.wajib_schedule": tr('Simpanan wajib per bulan, mulai bulan (JSON: {"2025-01": 10000})'),
        "member.inactive_after_months": tr("Tidak aktif setelah tunggakan wajib (bulan, 0 = tidak pernah)"),
        "stock.near_expiry_days": tr("Peringatan kedaluwarsa (hari sebelumnya)"),
        "auth.max_failed": tr("PIN salah sebelum pengguna dikunci"),
        "auth.lock_minutes": tr("Lama kunci (menit)"),
        "reports.top_products": tr("Jumlah barang terlaris di laporan"),
        "scale.layout": tr("Format barcode timbangan (JSON)"),
        "shift.difference_limit_rp": tr("Selisih kas di atas (Rp) perlu manajer"),
        "shift.required_for_noncash": tr("QRIS dan transfer juga perlu shift terbuka"),
        "retention.days": tr("Simpan antrean sinkron dan cetak terkirim (hari)"),
        "privacy.nik_retention_days": tr("Simpan NIK lengkap pembeli LPG (hari)"),
        "sync.allow_plain_http": tr(
            "Izinkan http:// tanpa enkripsi ke server di luar jaringan toko (tidak aman)"
        ),
        "sync.tls_pin": tr("Berkas sertifikat server (PEM) yang dipercaya"),
        "language": tr("Bahasa tampilan"),
    }
    return labels.get(key, key)


def _choice_text(key: str, value: Any) -> str:
    if key == "language":
        return {"id": "Bahasa Indonesia", "en": "English"}[value]
    if key == "cash.rounding_rp":
        return tr("Tanpa pembulatan") if value == 0 else f"Rp{value:,}".replace(",", ".")
    return str(value)


class SettingEditor:
    """A widget for one setting, with `value()` and `set_value()` in the setting's own type."""

    def __init__(self, key: str) -> None:
        self.key = key
        setting = SETTINGS[key]
        self.widget: QWidget
        if key in CHOICES:
            combo = QComboBox()
            for choice in CHOICES[key]:
                combo.addItem(_choice_text(key, choice), choice)
            self.widget = combo
        elif setting.kind is bool:
            self.widget = QCheckBox(setting_label(key))
        elif setting.kind is int:
            spin = QSpinBox()
            low, high = RANGES.get(key, (0, 1_000_000_000))
            spin.setRange(low, high)
            spin.setGroupSeparatorShown(True)
            self.widget = spin
        elif setting.kind is list and setting.item_kind is str:
            edit = QPlainTextEdit()
            edit.setMaximumHeight(110)
            self.widget = edit
        elif setting.kind is dict:
            edit = QPlainTextEdit()
            edit.setMaximumHeight(70)
            self.widget = edit
        else:
            self.widget = QLineEdit()
        self.widget.setObjectName(key)
        self.widget.setProperty("settingKey", key)

    def set_value(self, value: Any) -> None:
        w = self.widget
        if isinstance(w, QComboBox):
            w.setCurrentIndex(max(0, w.findData(value)))
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QSpinBox):
            w.setValue(int(value))
        elif isinstance(w, QPlainTextEdit):
            w.setPlainText("\n".join(value) if isinstance(value, list) else json.dumps(value, indent=1))
        elif isinstance(w, QLineEdit):
            w.setText(", ".join(str(v) for v in value) if isinstance(value, list) else str(value))

    def value(self) -> Any:
        """The value in the setting's type; ValueError for text that is not one (a list of amounts, JSON)."""
        w = self.widget
        setting = SETTINGS[self.key]
        if isinstance(w, QComboBox):
            return w.currentData()
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QSpinBox):
            return w.value()
        if isinstance(w, QPlainTextEdit):
            text = w.toPlainText()
            if setting.kind is dict:
                return json.loads(text or "{}")
            return [line.rstrip() for line in text.splitlines() if line.strip()]
        assert isinstance(w, QLineEdit)
        if setting.kind is list:
            parts = [p.strip().replace(".", "") for p in w.text().split(",") if p.strip()]
            return [int(p) for p in parts]
        return w.text().strip()
