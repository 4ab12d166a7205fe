"""Words for stored codes (roles, business units, drug classes, supplier kinds): the code is kept,
people see a label.

The Indonesian labels are marked with QT_TRANSLATE_NOOP under the context "Labels" so lupdate puts
them in the English translation; `*_label` looks them up in the installed language.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Labels"

ROLES: dict[str, str] = {
    "kasir": QT_TRANSLATE_NOOP("Labels", "Kasir"),
    "manajer": QT_TRANSLATE_NOOP("Labels", "Manajer"),
    "admin": QT_TRANSLATE_NOOP("Labels", "Admin"),
}
BUSINESS_UNITS: dict[str, str] = {
    "sembako": QT_TRANSLATE_NOOP("Labels", "Sembako"),
    "lpg": QT_TRANSLATE_NOOP("Labels", "LPG"),
    "obat": QT_TRANSLATE_NOOP("Labels", "Obat"),
}
DRUG_CLASSES: dict[str, str] = {
    "": QT_TRANSLATE_NOOP("Labels", "Bukan obat"),
    "bebas": QT_TRANSLATE_NOOP("Labels", "Obat bebas"),
    "bebas_terbatas": QT_TRANSLATE_NOOP("Labels", "Obat bebas terbatas"),
    "keras": QT_TRANSLATE_NOOP("Labels", "Obat keras"),
}

PRINT_KINDS: dict[str, str] = {
    "receipt": QT_TRANSLATE_NOOP("Labels", "Struk"),
    "member_card": QT_TRANSLATE_NOOP("Labels", "Kartu anggota"),
    "report": QT_TRANSLATE_NOOP("Labels", "Laporan"),
    "test": QT_TRANSLATE_NOOP("Labels", "Tes cetak"),
    "drawer": QT_TRANSLATE_NOOP("Labels", "Buka laci"),
    "deposit": QT_TRANSLATE_NOOP("Labels", "Setoran"),
    "savings": QT_TRANSLATE_NOOP("Labels", "Bukti simpanan"),
    "return": QT_TRANSLATE_NOOP("Labels", "Nota retur"),
}
PRINT_STATES: dict[str, str] = {
    "pending": QT_TRANSLATE_NOOP("Labels", "Menunggu"),
    "printing": QT_TRANSLATE_NOOP("Labels", "Mencetak"),
    "sent": QT_TRANSLATE_NOOP("Labels", "Tercetak"),
    "failed": QT_TRANSLATE_NOOP("Labels", "Gagal"),
}
SUPPLIER_KINDS: dict[str, str] = {
    "bulog": QT_TRANSLATE_NOOP("Labels", "Bulog"),
    "lpg_agent": QT_TRANSLATE_NOOP("Labels", "Agen LPG"),
    "kimia_farma": QT_TRANSLATE_NOOP("Labels", "Kimia Farma"),
    "local": QT_TRANSLATE_NOOP("Labels", "Pemasok lokal"),
    "other": QT_TRANSLATE_NOOP("Labels", "Lainnya"),
}


def _label(table: dict[str, str], code: str | None) -> str:
    text = table.get(code or "")
    if text is None:
        return code or ""  # a code this version does not know (from a newer server): show it as is
    return QCoreApplication.translate(CONTEXT, text)


def role_label(code: str) -> str:
    return _label(ROLES, code)


def business_unit_label(code: str) -> str:
    return _label(BUSINESS_UNITS, code)


def print_kind_label(code: str) -> str:
    return _label(PRINT_KINDS, code)


def print_state_label(code: str) -> str:
    return _label(PRINT_STATES, code)


def drug_class_label(code: str | None) -> str:
    return _label(DRUG_CLASSES, code)


def supplier_kind_label(code: str | None) -> str:
    return _label(SUPPLIER_KINDS, code)
