"""The till's keyboard, written down once: what each function key means on every screen, and which
action each screen binds to it. The screens bind their keys from here, F1 shows it (`show_key_help`),
and tests/gui/test_keymap.py checks it against the shortcuts the screens really hold.

A key means the same kind of thing everywhere: F2 finds, F4 sets an amount, F5–F7 pick among the
choices of the screen, F8 drops what is not yet saved (a cart, an unpaid QRIS), F9 resumes what waits,
F11 prints a copy, F12 finishes. A saved receipt is cancelled with Ctrl+B (batalkan, with a reason), never F8.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget


def tr(text: str) -> str:
    # lupdate files module-level tr() calls under the empty context, so look them up there.
    return QCoreApplication.translate("", text)


def key_kinds() -> dict[str, str]:
    """What each key means, on every screen."""
    return {
        "F1": tr("Bantuan: tombol di layar ini"),
        "F2": tr("Cari"),
        "F3": tr("Daftar struk"),
        "F4": tr("Jumlah atau nominal"),
        "F5": tr("Pilihan pertama di layar ini"),
        "F6": tr("Pilihan kedua di layar ini"),
        "F7": tr("Pilihan ketiga di layar ini"),
        "F8": tr("Buang yang belum tersimpan (keranjang, QRIS belum dibayar)"),
        "F9": tr("Lanjutkan yang menunggu"),
        "F10": tr("Lihat struk"),
        "F11": tr("Cetak salinan"),
        "F12": tr("Selesai / bayar"),
        "Ctrl+B": tr("Batalkan struk tersimpan (dengan alasan)"),
        "Del": tr("Hapus baris atau item terpilih"),
        "Enter": tr("Lanjut / simpan"),
        "Esc": tr("Kembali / tutup"),
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
        "Ctrl+B": "ask_cancel",
    },
    "payment_dialog": {"F1": "show_keys", "F4": "exact", "F5": "qris_rest", "F6": "transfer_rest"},
    "discount_dialog": {
        "F1": "show_keys",
        "F4": "toggle_percent",
        "F5": "line",
        "F6": "total",
        "F7": "price",
    },
    "return_dialog": {"F1": "show_keys", "F4": "return_all", "F12": "submit"},
    "qris_dialog": {"F1": "show_keys", "F8": "abandon"},
    "register_member_dialog": {"F1": "show_keys", "F5": "cash", "F6": "qris", "F7": "transfer"},
}

# Keys a field or list reads itself (the scan field's Del, the held-carts list's Del and Enter), and the
# quick buttons' Ctrl+1…9 (one per button): shown on F1 beside the shortcuts above.
READ_BY_FIELDS: dict[str, dict[str, str]] = {
    "cashier_screen": {"Del": "remove_line", "Enter": "pay_empty", "Ctrl+1…9": "quick_item"},
    "held_carts_dialog": {"Del": "drop_held", "Enter": "recall"},
}


def screen_keys(screen: str) -> dict[str, str]:
    """Every key of `screen`, for the help overlay."""
    return {**SCREEN_KEYS.get(screen, {}), **READ_BY_FIELDS.get(screen, {})}


def action_words() -> dict[str, str]:
    """The words the help overlay shows for each action."""
    return {
        "show_keys": tr("Daftar tombol ini"),
        "start_search": tr("Cari barang"),
        "receipts": tr("Daftar struk"),
        "change_qty": tr("Ubah jumlah baris"),
        "hold": tr("Tahan keranjang"),
        "ask_member": tr("Anggota"),
        "remove_member": tr("Lepas anggota"),
        "clear_cart": tr("Kosongkan keranjang"),
        "recall": tr("Panggil keranjang ditahan"),
        "show_last_receipt": tr("Struk terakhir"),
        "reprint_last": tr("Cetak ulang struk terakhir"),
        "pay": tr("Bayar"),
        "discount": tr("Diskon / ubah harga"),
        "returns": tr("Retur barang"),
        "register_member": tr("Daftarkan anggota baru"),
        "toggle_display": tr("Layar pelanggan"),
        "menu": tr("Menu"),
        "open_return": tr("Retur dari struk ini"),
        "open_qris": tr("Selesaikan QRIS"),
        "reprint": tr("Cetak salinan"),
        "ask_cancel": tr("Batalkan struk"),
        "exact": tr("Uang pas"),
        "qris_rest": tr("QRIS = sisa"),
        "transfer_rest": tr("Transfer = sisa"),
        "toggle_percent": tr("Rupiah / persen"),
        "line": tr("Diskon baris"),
        "total": tr("Diskon total"),
        "price": tr("Ubah harga"),
        "return_all": tr("Semua barang"),
        "submit": tr("Simpan retur"),
        "abandon": tr("Batalkan QRIS"),
        "cash": tr("Tunai"),
        "qris": tr("QRIS"),
        "transfer": tr("Transfer"),
        "remove_line": tr("Hapus baris terpilih (kolom pindai kosong)"),
        "pay_empty": tr("Bayar (kolom pindai kosong)"),
        "quick_item": tr("Barang tombol cepat 1…9"),
        "drop_held": tr("Buang keranjang ditahan"),
    }


def bind(screen: str, slots: dict[str, object], owner: QWidget | None = None) -> dict[str, object]:
    """{key: slot} for `screen` from the map; `slots` names every action the map gives it, but F1's
    help, which `owner` (the screen's widget) gets by itself."""
    keys = SCREEN_KEYS[screen]
    if owner is not None and "show_keys" not in slots:
        slots = {**slots, "show_keys": lambda: _show_help(owner, screen)}
    missing = set(keys.values()) - set(slots)
    if missing:
        raise KeyError(f"{screen} has no slot for {sorted(missing)}")
    return {key: slots[action] for key, action in keys.items()}


def key_codes(screen: str, slots: dict[str, object], owner: QWidget | None = None) -> dict[Qt.Key, object]:
    """{Qt key: slot} for a dialog that reads its keys in keyPressEvent (function keys only)."""
    return {QKeySequence(key)[0].key(): slot for key, slot in bind(screen, slots, owner).items()}


def help_rows(screen: str) -> list[tuple[str, str, str]]:
    """(key, what it does on `screen`, what it means everywhere) for each key of `screen`."""
    words, kinds = action_words(), key_kinds()
    return [
        (key, words.get(action, action), kinds.get(key, "")) for key, action in screen_keys(screen).items()
    ]


def show_key_help(owner: QWidget, screen: str) -> QWidget:
    """F1 on a dialog: the keys of `screen` over it, window-modal."""
    from kkmp_pos.gui.key_help_dialog import KeyHelpDialog

    dialog = KeyHelpDialog(help_rows(screen), owner)
    dialog.open()
    return dialog


def _show_help(owner: QWidget, screen: str) -> None:
    show_key_help(owner, screen)
