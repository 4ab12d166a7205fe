"""What each permission is called for the people refused it (a refusal names the act, not its code)."""

from __future__ import annotations

from typing import Any

# code → (Indonesian, English)
PERMISSION_NAMES: dict[str, tuple[str, str]] = {
    "sell": ("berjualan", "sell"),
    "reprint": ("mencetak ulang struk", "reprint a receipt"),
    "hold": ("menyimpan keranjang", "hold a cart"),
    "register_member": ("mendaftarkan anggota", "register a member"),
    "open_shift": ("membuka shift", "open a shift"),
    "close_shift": ("menutup shift", "close a shift"),
    "close_other_shift": ("menutup shift kasir lain", "close another cashier's shift"),
    "cash_move": ("memasukkan atau mengambil uang laci", "move cash in or out of the drawer"),
    "approve": ("memberi persetujuan", "approve"),
    "void_sale": ("membatalkan penjualan", "cancel a sale"),
    "return": ("menerima retur barang", "take a return"),
    "override_price": ("mengubah harga", "change a price"),
    "discount_over_limit": ("memberi diskon di atas batas", "give a discount above the limit"),
    "void_over_limit": ("menghapus baris di atas batas", "void lines above the limit"),
    "manage_products": ("mengelola barang", "manage products"),
    "receive_stock": ("menerima barang masuk", "receive stock"),
    "stock_count": ("menghitung stok", "count stock"),
    "approve_count": ("menyetujui hasil stok opname", "approve a stock count"),
    "write_off": ("menghapus stok rusak atau kedaluwarsa", "write off stock"),
    "x_report": ("mencetak laporan X", "print an X report"),
    "reports": ("melihat laporan", "see reports"),
    "manage_users": ("mengelola pengguna", "manage users"),
    "manage_admins": ("mengelola admin", "manage administrators"),
    "settings": ("mengubah pengaturan", "change settings"),
    "open_drawer": ("membuka laci uang", "open the cash drawer"),
    "view_audit": ("melihat log audit", "see the audit log"),
    "override_limit": ("menjual melewati batas pembelian", "sell past a purchase limit"),
    "enrol": ("mendaftarkan toko ke server koperasi", "enrol the shop with the server"),
    "erase_member": ("menghapus data pribadi anggota", "erase a member's personal data"),
    "take_simpanan": ("menerima simpanan anggota", "take members' savings"),
    "reverse_simpanan": ("mengoreksi simpanan anggota", "correct members' savings"),
    "import_balances": ("mengimpor saldo awal anggota", "import members' opening balances"),
    "first_admin": ("membuat admin pertama", "create the first admin"),
    "books": ("mengelola pembukuan", "keep the books"),
}


def refused_params(permission: str) -> dict[str, Any]:
    """The `action` parameters of a permission_denied message: the act in both languages."""
    indonesian, english = PERMISSION_NAMES.get(permission, (permission.replace("_", " "),) * 2)
    return {"action": indonesian, "action_en": english, "permission": permission}
