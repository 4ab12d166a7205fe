"""The till's keyboard, written down once: what each function key means on every screen, and which
action each screen binds to it. The screens bind their keys from here, F1 shows it (key_help_dialog),
and tests/gui/test_keymap.py checks it against the shortcuts the screens really hold.

A key means the same kind of thing everywhere: F2 finds, F4 sets an amount, F5–F7 pick among the
choices of the screen, F8 drops what is not yet saved (a cart, an unpaid QRIS), F9 resumes what waits,
F11 prints a copy, F12 finishes. A saved receipt is cancelled with Delete (and a reason), never F8.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("Keymap", text)


def key_kinds() -> dict[str, str]:
    """What each key means, on every screen."""
    return {
        "F1": _t("Bantuan: tombol di layar ini"),
        "F2": _t("Cari"),
        "F3": _t("Daftar struk"),
        "F4": _t("Jumlah atau nominal"),
        "F5": _t("Pilihan pertama di layar ini"),
        "F6": _t("Pilihan kedua di layar ini"),
        "F7": _t("Pilihan ketiga di layar ini"),
        "F8": _t("Buang yang belum tersimpan (keranjang, QRIS belum dibayar)"),
        "F9": _t("Lanjutkan yang menunggu"),
        "F10": _t("Lihat struk"),
        "F11": _t("Cetak salinan"),
        "F12": _t("Selesai / bayar"),
        "Del": _t("Batalkan struk tersimpan (dengan alasan)"),
        "Enter": _t("Lanjut / simpan"),
        "Esc": _t("Kembali / tutup"),
    }


# screen → {key: action name}. The action name is the method (or tool) the screen binds the key to.
SCREEN_KEYS: dict[str, dict[str, str]] = {
    "cashier_screen": {
        "F1": "show_keys",
        "F2": "start_search",
        "F3": "receipts",
        "F4": "change_qty",
        "F5": "hold",
        "F6": "ask_member",
        "F7": "remove_member",
        "F8": "clear_cart",
        "F9": "recall",
        "F10": "show_last_receipt",
        "F11": "reprint_last",
        "F12": "pay",
        "Ctrl+D": "discount",
        "Ctrl+R": "returns",
        "Ctrl+N": "register_member",
        "Ctrl+L": "toggle_display",
        "Ctrl+M": "menu",
    },
    "receipts_dialog": {
        "F1": "show_keys",
        "F6": "open_return",
        "F9": "open_qris",
        "F11": "reprint",
        "Del": "ask_cancel",
    },
    "payment_dialog": {"F4": "exact", "F5": "qris_rest", "F6": "transfer_rest"},
    "discount_dialog": {"F4": "toggle_percent", "F5": "line", "F6": "total", "F7": "price"},
    "return_dialog": {"F4": "return_all", "F12": "submit"},
    "qris_dialog": {"F8": "abandon"},
    "register_member_dialog": {"F5": "cash", "F6": "qris", "F7": "transfer"},
}


def action_words() -> dict[str, str]:
    """The words the help overlay shows for each action."""
    return {
        "show_keys": _t("Daftar tombol ini"),
        "start_search": _t("Cari barang"),
        "receipts": _t("Daftar struk"),
        "change_qty": _t("Ubah jumlah baris"),
        "hold": _t("Tahan keranjang"),
        "ask_member": _t("Anggota"),
        "remove_member": _t("Lepas anggota"),
        "clear_cart": _t("Kosongkan keranjang"),
        "recall": _t("Panggil keranjang ditahan"),
        "show_last_receipt": _t("Struk terakhir"),
        "reprint_last": _t("Cetak ulang struk terakhir"),
        "pay": _t("Bayar"),
        "discount": _t("Diskon / ubah harga"),
        "returns": _t("Retur barang"),
        "register_member": _t("Daftarkan anggota baru"),
        "toggle_display": _t("Layar pelanggan"),
        "menu": _t("Menu"),
        "open_return": _t("Retur dari struk ini"),
        "open_qris": _t("Selesaikan QRIS"),
        "reprint": _t("Cetak salinan"),
        "ask_cancel": _t("Batalkan struk"),
        "exact": _t("Uang pas"),
        "qris_rest": _t("QRIS = sisa"),
        "transfer_rest": _t("Transfer = sisa"),
        "toggle_percent": _t("Rupiah / persen"),
        "line": _t("Diskon baris"),
        "total": _t("Diskon total"),
        "price": _t("Ubah harga"),
        "return_all": _t("Semua barang"),
        "submit": _t("Simpan retur"),
        "abandon": _t("Batalkan QRIS"),
        "cash": _t("Tunai"),
        "qris": _t("QRIS"),
        "transfer": _t("Transfer"),
    }


def bind(screen: str, slots: dict[str, object]) -> dict[str, object]:
    """{key: slot} for `screen` from the map; `slots` names every action the map gives it."""
    keys = SCREEN_KEYS[screen]
    missing = set(keys.values()) - set(slots)
    if missing:
        raise KeyError(f"{screen} has no slot for {sorted(missing)}")
    return {key: slots[action] for key, action in keys.items()}
