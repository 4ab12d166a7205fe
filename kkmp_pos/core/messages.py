"""The one catalogue that turns error codes into words a cashier can act on (Bahasa Indonesia, English).

Add a code here whenever a new `KkmpError` code is raised; a test checks that every code raised in the
package has both languages. Parameters are `str.format` fields.
"""

from __future__ import annotations

from typing import Any

MESSAGES: dict[str, tuple[str, str]] = {
    # code: (Bahasa Indonesia, English)
    "internal": ("Terjadi kesalahan tak terduga: {detail}", "Unexpected error: {detail}"),
    # amounts and quantities
    "amount_invalid": ("'{text}' bukan jumlah uang yang sah.", "'{text}' is not a valid amount."),
    "amount_negative": ("Jumlah uang tidak boleh negatif.", "An amount cannot be negative."),
    "qty_invalid": ("'{text}' bukan jumlah yang sah.", "'{text}' is not a valid quantity."),
    "qty_too_precise": (
        "Jumlah paling banyak tiga angka di belakang koma.",
        "A quantity has at most three decimals.",
    ),
    "qty_not_positive": ("Jumlah harus lebih dari nol.", "The quantity must be more than zero."),
    "qty_too_large": (
        "Jumlah terlalu besar: paling banyak {limit} per baris.",
        "Quantity too large: at most {limit} per line.",
    ),
    "qty_not_whole": (
        "{name} dijual per {unit}, jumlahnya harus bilangan bulat.",
        "{name} is sold per {unit}; the quantity must be a whole number.",
    ),
    # catalog and pricing
    "barcode_unknown": (
        "Barcode {code} tidak dikenal. Periksa barang atau cari berdasarkan nama.",
        "Unknown barcode {code}. Check the item or search by name.",
    ),
    "product_not_found": ("Barang tidak ditemukan.", "Product not found."),
    "product_inactive": (
        "{name} sudah tidak dijual (nonaktif).",
        "{name} is no longer sold (inactive).",
    ),
    "price_above_ceiling": (
        "Harga {name} {price} melebihi HET {ceiling}. Penjualan ditolak.",
        "The price of {name}, {price}, is above its ceiling {ceiling}. Sale refused.",
    ),
    "line_not_found": ("Baris tidak ditemukan di keranjang.", "That line is not in the cart."),
    "cart_empty": ("Keranjang masih kosong.", "The cart is empty."),
    # members
    "member_not_found": (
        "Anggota '{query}' tidak ditemukan.",
        "No member found for '{query}'.",
    ),
    "member_inactive": (
        "Anggota {number} ({name}) tidak aktif: harga anggota tidak berlaku.",
        "Member {number} ({name}) is not active: member prices do not apply.",
    ),
    # payment
    "cash_short": (
        "Uang kurang {short}. Total {due}, diterima {tendered}.",
        "Cash short by {short}. Due {due}, tendered {tendered}.",
    ),
    # users and login
    "login_failed": (
        "PIN salah. Sisa percobaan: {remaining}.",
        "Wrong PIN. Tries left: {remaining}.",
    ),
    "user_locked": (
        "Pengguna {name} dikunci karena terlalu banyak PIN salah. Coba lagi dalam {minutes} menit.",
        "{name} is locked after too many wrong PINs. Try again in {minutes} minutes.",
    ),
    "user_inactive": ("Pengguna {name} tidak aktif.", "User {name} is inactive."),
    "pin_invalid": ("PIN harus 4 sampai 6 angka.", "A PIN is 4 to 6 digits."),
    "permission_denied": (
        "{name} tidak berwenang untuk: {action}. Minta persetujuan manajer.",
        "{name} may not: {action}. Ask a manager to approve.",
    ),
    # receipts and printing
    "receipt_not_found": ("Struk {number} tidak ditemukan.", "Receipt {number} not found."),
    "no_sales_yet": ("Belum ada penjualan.", "There are no sales yet."),
    "printer_uri_invalid": (
        "Alamat printer '{uri}' tidak sah: {reason}.",
        "Printer address '{uri}' is not valid: {reason}.",
    ),
    "printer_unreachable": (
        "Printer tidak dapat dihubungi ({reason}). Penjualan tetap tersimpan; cetak ulang dari antrean.",
        "The printer cannot be reached ({reason}). The sale is saved; reprint it from the queue.",
    ),
    "printer_offline": (
        "Printer tidak siap: {reason}. Penjualan tetap tersimpan; cetak ulang dari antrean.",
        "The printer is not ready: {reason}. The sale is saved; reprint it from the queue.",
    ),
    # storage
    "db_not_sqlite": (
        "Berkas {path} bukan database KKMP POS (rusak atau berkas lain). Pulihkan dari cadangan.",
        "{path} is not a KKMP POS database (damaged or another file). Restore a backup.",
    ),
    "db_locked": (
        "Database {path} sedang dipakai program lain. Tutup program itu lalu coba lagi.",
        "The database {path} is in use by another program. Close it and try again.",
    ),
    "db_damaged": (
        "Database {path} rusak: {detail}. Pulihkan dari cadangan.",
        "The database {path} is damaged: {detail}. Restore a backup.",
    ),
    "db_too_new": (
        "Database {path} dibuat oleh versi aplikasi yang lebih baru (skema {found} > {known}).",
        "{path} was made by a newer version of the app (schema {found} > {known}).",
    ),
    "disk_full": (
        "Disk penuh: data tidak dapat disimpan. Kosongkan ruang disk lalu coba lagi.",
        "The disk is full: nothing could be saved. Free some space and try again.",
    ),
    "backup_invalid": (
        "Cadangan {path} tidak dapat dipakai: {detail}.",
        "The backup {path} cannot be used: {detail}.",
    ),
    "file_not_found": ("Berkas {path} tidak ada.", "{path} does not exist."),
}


def render(code: str, params: dict[str, Any] | None = None, lang: str = "id") -> str:
    """The message for `code` in `lang` ('id' or 'en'); unknown codes still say something useful."""
    params = params or {}
    pair = MESSAGES.get(code)
    if pair is None:
        return f"{code}: {params}" if params else code
    template = pair[1] if lang == "en" else pair[0]
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return f"{template} ({params})"
