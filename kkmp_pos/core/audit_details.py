"""Words for the details an audit row records (its `key=value` pairs), so the audit log shows
"Modal awal: Rp300.000", not "float_rp=300000".

`tests/core/test_audit_details.py` fails when a key passed to services.audit.audit() has no words here.
A key this version does not know (from a newer till) is shown with its underscores as spaces.
"""

from __future__ import annotations

import json
from typing import Any

from kkmp_pos.core.money import format_qty, format_rp

DETAIL_LABELS: dict[str, tuple[str, str]] = {
    "acquirers": ("Acquirer", "Acquirers"),
    "active": ("Aktif", "Active"),
    "amount_rp": ("Jumlah", "Amount"),
    "base_url": ("Alamat API", "API address"),
    "before": ("Sebelumnya", "Before"),
    "bought": ("Sudah dibeli", "Already bought"),
    "cart": ("Di keranjang", "In the cart"),
    "cart_list": ("Harga daftar keranjang", "Cart list price"),
    "cart_markdown": ("Potongan keranjang", "Cart markdown"),
    "cart_total": ("Total keranjang", "Cart total"),
    "cashier": ("Kasir", "Cashier"),
    "category": ("Kategori", "Category"),
    "changes": ("Perubahan", "Changes"),
    "cleared": ("Dihapus", "Cleared"),
    "client_id": ("ID klien", "Client ID"),
    "clock": ("Jam", "Clock"),
    "code": ("Kode", "Code"),
    "count": ("Jumlah", "Count"),
    "memo": ("Keterangan", "Memo"),
    "month": ("Bulan", "Month"),
    "code_page": ("Kode halaman printer", "Printer code page"),
    "counted_rp": ("Dihitung", "Counted"),
    "created": ("Dibuat", "Created"),
    "cut": ("Potong kertas", "Cut paper"),
    "date_from": ("Dari tanggal", "From"),
    "date_to": ("Sampai tanggal", "To"),
    "deposit_rp": ("Setoran", "Deposit"),
    "difference_rp": ("Selisih", "Difference"),
    "discount": ("Diskon", "Discount"),
    "drive_path": ("Folder cadangan", "Backup folder"),
    "effective_from": ("Berlaku mulai", "Effective from"),
    "entries": ("Entri", "Entries"),
    "expected_rp": ("Seharusnya", "Expected"),
    "float_rp": ("Modal awal", "Float"),
    "footer_lines": ("Kaki struk", "Receipt footer"),
    "handed_over_rp": ("Diserahkan", "Handed over"),
    "header_lines": ("Kepala struk", "Receipt header"),
    "items": ("Barang", "Items"),
    "job_id": ("Tugas cetak", "Print job"),
    "key": ("Pengaturan", "Setting"),
    "kick_drawer": ("Buka laci", "Open drawer"),
    "known": ("Dikenal", "Known"),
    "left_rp": ("Ditinggal di laci", "Left in drawer"),
    "limit": ("Batas", "Limit"),
    "line_markdown": ("Potongan baris", "Line markdown"),
    "line_total": ("Total baris", "Line total"),
    "lines": ("Baris", "Lines"),
    "locked": ("Terkunci", "Locked"),
    "logo_path": ("Logo", "Logo"),
    "max_milli": ("Batas", "Limit"),
    "member": ("Anggota", "Member"),
    "member_id": ("Anggota", "Member"),
    "member_no": ("No. anggota", "Member no."),
    "merchant_city": ("Kota merchant", "Merchant city"),
    "merchant_id": ("ID merchant", "Merchant ID"),
    "merchant_name": ("Nama merchant", "Merchant name"),
    "mode": ("Mode", "Mode"),
    "name": ("Nama", "Name"),
    "new": ("Baru", "New"),
    "newest_document": ("Dokumen terbaru", "Newest document"),
    "nik": ("NIK", "NIK"),
    "nmid": ("NMID", "NMID"),
    "note": ("Catatan", "Note"),
    "number": ("Nomor", "Number"),
    "old": ("Lama", "Old"),
    "paper_mm": ("Lebar kertas (mm)", "Paper width (mm)"),
    "passphrase_changed": ("Kata sandi diganti", "Passphrase changed"),
    "path": ("Berkas", "File"),
    "per": ("Dihitung per", "Counted per"),
    "period": ("Periode", "Period"),
    "previous_at": ("Sebelumnya pada", "Previously at"),
    "previous_drive_path": ("Folder cadangan sebelumnya", "Previous backup folder"),
    "previous_merchant_name": ("Merchant sebelumnya", "Previous merchant"),
    "previous_milli": ("Jumlah sebelumnya", "Previous quantity"),
    "previous_nmid": ("NMID sebelumnya", "Previous NMID"),
    "previous_target": ("Tujuan sebelumnya", "Previous target"),
    "product": ("Barang", "Product"),
    "product_codes": ("Kode barang", "Product codes"),
    "product_id": ("Barang", "Product"),
    "profile": ("Profil printer", "Printer profile"),
    "qty_milli": ("Jumlah", "Quantity"),
    "reason": ("Alasan", "Reason"),
    "original": ("Dokumen asal", "Original document"),
    "reference": ("Referensi", "Reference"),
    "refund": ("Pengembalian", "Refund"),
    "reverses": ("Membatalkan", "Reverses"),
    "role": ("Peran", "Role"),
    "rows": ("Baris", "Rows"),
    "rule": ("Aturan", "Rule"),
    "shift_id": ("Shift", "Shift"),
    "skipped": ("Dilewati", "Skipped"),
    "source": ("Sumber", "Source"),
    "target": ("Tujuan", "Target"),
    "terminal_id": ("ID terminal", "Terminal ID"),
    "today": ("Hari ini", "Today"),
    "total": ("Total", "Total"),
    "total_rp": ("Total", "Total"),
    "unit_label": ("Satuan", "Unit"),
    "updated": ("Diperbarui", "Updated"),
    "updated_at": ("Diubah pada", "Changed at"),
    "uri": ("Alamat printer", "Printer address"),
    "value": ("Nilai", "Value"),
    "value_rp": ("Nilai", "Value"),
}
YES_NO = {"id": ("ya", "tidak"), "en": ("yes", "no")}


def detail_label(key: str, lang: str = "id") -> str:
    words = DETAIL_LABELS.get(key)
    if words is None:
        return key.replace("_", " ")
    return words[1] if lang == "en" else words[0]


def _value_text(key: str, value: Any, lang: str) -> str:
    if isinstance(value, bool):
        return YES_NO["en" if lang == "en" else "id"][0 if value else 1]
    if isinstance(value, int) and key.endswith("_rp"):
        return format_rp(value)
    if isinstance(value, int) and key.endswith("_milli"):
        return format_qty(value)
    if isinstance(value, (list, tuple)):
        return " / ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k} {v}" for k, v in value.items())
    return "-" if value is None else str(value)


def detail_text(raw: str, lang: str = "id") -> str:
    """An audit row's stored detail (JSON) as 'Words: value, ...' in `lang`."""
    try:
        data = json.loads(raw or "{}")
    except json.JSONDecodeError:
        return raw
    if not isinstance(data, dict):
        return str(data)
    return ", ".join(f"{detail_label(k, lang)}: {_value_text(k, v, lang)}" for k, v in data.items())
