"""Words for the audit log's action codes (Bahasa Indonesia, English) so managers never read raw codes."""

from __future__ import annotations

# Every code the package passes to services.audit.audit(); tests/core/test_audit_actions.py fails when a
# literal code has no entry here. Codes built with f-strings are listed by their expansions:
#   f"sale.{kind}"  (services/selling/reversals.py and qris_payments.py, _cancel): kind is
#                   "cancelled" or "qris_abandoned"
#   f"books.{kind}_drafted" (services/books/journals.py): kind is "manual" or "opening"
#   f"cash.{kind}"  (services/shifts/drawer.py cash_move): kind is one of shifts.CASH_KINDS ("in", "out")
ACTION_LABELS: dict[str, tuple[str, str]] = {
    # the books
    "books.account_added": ("Akun ditambahkan ke bagan akun", "Account added to the chart"),
    "books.manual_drafted": ("Jurnal umum dibuat", "Manual journal entered"),
    "books.opening_drafted": ("Jurnal saldo awal dibuat", "Opening journal entered"),
    "books.journal_approved": ("Jurnal disetujui", "Journal approved"),
    "books.journal_reversed": ("Jurnal dibalik", "Journal reversed"),
    "books.month_closed": ("Bulan pembukuan ditutup", "Books month closed"),
    "books.backfilled": ("Jurnal dokumen lama dibuat", "Journals posted for earlier documents"),
    # sign-in and users
    "login": ("Masuk", "Login"),
    "login.failed": ("Login gagal", "Failed login"),
    "user.created": ("Pengguna dibuat", "User created"),
    "user.edited": ("Pengguna diubah", "User edited"),
    "user.activated": ("Pengguna diaktifkan", "User activated"),
    "user.deactivated": ("Pengguna dinonaktifkan", "User deactivated"),
    "user.pin_reset": ("PIN pengguna direset", "User PIN reset"),
    "user.unlocked": ("Kunci pengguna dibuka", "User unlocked"),
    # sales and payments
    "sale.cancelled": ("Penjualan dibatalkan", "Sale cancelled"),
    "sale.qris_abandoned": ("QRIS tidak dibayar, penjualan dibatalkan", "QRIS unpaid, sale cancelled"),
    "sale.returned": ("Retur penjualan", "Sale returned"),
    "qris.confirmed": ("Pembayaran QRIS dikonfirmasi", "QRIS payment confirmed"),
    "qris.confirmed_by_acquirer": (
        "Pembayaran QRIS dikonfirmasi oleh acquirer",
        "QRIS payment confirmed by the acquirer",
    ),
    "price.override": ("Harga diubah manual", "Price overridden"),
    "discount.line": ("Diskon per baris", "Line discount"),
    "discount.total": ("Diskon total", "Total discount"),
    "cart.line_voided": ("Baris dihapus sebelum bayar", "Line voided before payment"),
    "cart.cleared": ("Keranjang dikosongkan", "Cart cleared"),
    "held_cart.discarded": ("Keranjang tertunda dibuang", "Held cart discarded"),
    "receipt.reprint": ("Struk dicetak ulang", "Receipt reprinted"),
    "settings.offsite": ("Tujuan salinan cadangan diubah", "Off-machine backup target changed"),
    "settings.shop": ("Identitas toko diubah", "Shop identity changed"),
    "settings.changed": ("Pengaturan diubah", "Setting changed"),
    "setup.finished": ("Penyiapan awal selesai", "First-run setup finished"),
    "settings.qris": ("QRIS statis toko diubah", "Shop's static QRIS changed"),
    "settings.qris_acquirer": ("Acquirer QRIS (SNAP) diatur", "QRIS acquirer (SNAP) set"),
    "clock.confirmed": ("Jam komputer dikonfirmasi manajer", "PC clock confirmed by a manager"),
    # purchase limits and members
    "purchase_limit.saved": ("Batas pembelian disimpan", "Purchase limit saved"),
    "purchase_limit.deactivated": ("Batas pembelian dinonaktifkan", "Purchase limit deactivated"),
    "purchase_limit.override": ("Batas pembelian dilewati (disetujui)", "Purchase limit overridden"),
    "purchase_limit.warning": ("Peringatan batas pembelian", "Purchase limit warning"),
    "member.registered": ("Anggota didaftarkan", "Member registered"),
    "simpanan.withdrawn": ("Simpanan sukarela ditarik (disetujui)", "Sukarela savings withdrawn (approved)"),
    "simpanan.reversed": ("Dokumen simpanan dikoreksi", "Savings document reversed"),
    "members.balances_imported": ("Saldo awal anggota diimpor", "Members' opening balances imported"),
    "lpg_logbook.full_nik": ("Buku LPG dibuka dengan NIK lengkap", "LPG logbook viewed with full NIK"),
    "member.erased": ("Data pribadi anggota dihapus", "Member's personal data erased"),
    "members.full_export": ("Anggota diekspor dengan NIK/KK lengkap", "Members exported with full NIK/KK"),
    # shifts, cash and reports
    "shift.opened": ("Shift dibuka", "Shift opened"),
    "shift.counted": ("Kas shift dihitung", "Shift cash counted"),
    "shift.closed": ("Shift ditutup", "Shift closed"),
    "cash.in": ("Kas masuk", "Cash in"),
    "cash.out": ("Kas keluar", "Cash out"),
    "drawer.opened": ("Laci kas dibuka", "Cash drawer opened"),
    "report.x": ("Laporan X", "X report"),
    "report.printed": ("Laporan dicetak", "Report printed"),
    "audit.printed": ("Log audit dicetak", "Audit log printed"),
    # products, suppliers and stock
    "product.created": ("Barang dibuat", "Product created"),
    "product.changed": ("Barang diubah", "Product changed"),
    "product.activated": ("Barang diaktifkan", "Product activated"),
    "product.deactivated": ("Barang dinonaktifkan", "Product deactivated"),
    "product.imported": ("Barang diimpor", "Products imported"),
    "supplier.saved": ("Pemasok disimpan", "Supplier saved"),
    "stock.received": ("Barang diterima", "Stock received"),
    "stock.receipt_reversed": ("Penerimaan barang dibatalkan", "Stock receipt reversed"),
    "stock.written_off": ("Stok dihapusbukukan", "Stock written off"),
    "stock_count.started": ("Stock opname dimulai", "Stock count started"),
    "stock_count.recount": ("Hitung ulang stock opname", "Stock count line recounted"),
    "stock_count.approved": ("Stock opname disetujui", "Stock count approved"),
    "stock_count.cancelled": ("Stock opname dibatalkan", "Stock count cancelled"),
    # settings
    "settings.printer": ("Pengaturan printer diubah", "Printer settings changed"),
    # Named in services/audit_log.SENSITIVE_ACTIONS but not written by the current code (older rows).
    "sale.voided": ("Penjualan di-void", "Sale voided"),
    "discount.approved": ("Diskon disetujui", "Discount approved"),
    "stock.adjusted": ("Stok disesuaikan", "Stock adjusted"),
}

# The codes that services write through f-strings, spelled out (the AST test checks them against the code).
FSTRING_EXPANSIONS: dict[str, tuple[str, ...]] = {
    "sale.{kind}": ("sale.cancelled", "sale.qris_abandoned"),
    "cash.{kind}": ("cash.in", "cash.out"),
    "books.{kind}_drafted": ("books.manual_drafted", "books.opening_drafted"),
}


def label(code: str, lang: str = "id") -> str:
    """The words for `code` in `lang` ('en', else Bahasa Indonesia); an unknown code is shown as is."""
    words = ACTION_LABELS.get(code)
    if words is None:
        return code
    return words[1] if lang == "en" else words[0]
