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
    "printer_uri_protected": (
        "Alamat printer '{uri}' menunjuk ke folder data kasir atau databasenya ({path}). Printer "
        "tidak boleh menulis ke sana; pilih perangkat printer, mis. file:///dev/usb/lp0.",
        "Printer address '{uri}' points into the till's data folder or its database ({path}). A "
        "printer may never write there; choose the printer's device, e.g. file:///dev/usb/lp0.",
    ),
    "printer_unreachable": (
        "Printer tidak dapat dihubungi ({reason}). Penjualan tetap tersimpan; cetak ulang dari antrean.",
        "The printer cannot be reached ({reason}). The sale is saved; reprint it from the queue.",
    ),
    "printer_offline": (
        "Printer tidak siap: {reason}. Penjualan tetap tersimpan; cetak ulang dari antrean.",
        "The printer is not ready: {reason}. The sale is saved; reprint it from the queue.",
    ),
    "printer_driver_missing": (
        "Sambungan printer '{kind}' butuh paket {package} yang belum terpasang. Pasang paket itu "
        "atau pilih sambungan lain.",
        "The '{kind}' printer connection needs the {package} package, which is not installed. "
        "Install it or choose another connection.",
    ),
    "kode_wilayah_invalid": (
        "Kode wilayah '{value}' tidak sah: tulis kode Kemendagri kelurahan/desa, mis. 64.71.05.1001.",
        "Region code '{value}' is not valid: give the Kemendagri code of the kelurahan/desa, "
        "e.g. 64.71.05.1001.",
    ),
    "npwp_invalid": (
        "NPWP '{value}' tidak sah (15 angka, mis. 01.312.166.0-091.000, atau 16 angka).",
        "NPWP '{value}' is not valid (15 digits, e.g. 01.312.166.0-091.000, or 16 digits).",
    ),
    "npwp_required_for_vat": (
        "Toko PKP (memungut PPN) wajib mengisi NPWP.",
        "A VAT-registered (PKP) shop must give its NPWP.",
    ),
    "store_code_invalid": (
        "Kode toko '{value}' tidak sah: 2–10 huruf besar atau angka, mis. KMPBPN.",
        "Shop code '{value}' is not valid: 2-10 capital letters or digits, e.g. KMPBPN.",
    ),
    "shop_field_required": ("Isi {field}.", "Fill in the {field_en}."),
    "time_zone_invalid": (
        "Zona waktu '{value}' tidak dikenal: pilih WIB, WITA atau WIT.",
        "Unknown time zone '{value}': choose WIB, WITA or WIT.",
    ),
    "simkopdes_invalid": (
        "Nomor SIMKOPDES '{value}' tidak sah (3–40 huruf, angka, titik, garis miring atau strip).",
        "SIMKOPDES reference '{value}' is not valid (3-40 letters, digits, dots, slashes or dashes).",
    ),
    "setting_not_a_choice": (
        "Pengaturan {key} tidak bisa bernilai {value}: pilih {choices}.",
        "The setting {key} cannot be {value}: choose {choices}.",
    ),
    "setting_out_of_range": (
        "Pengaturan {key} = {value} di luar batas {low}–{high}.",
        "The setting {key} = {value} is outside {low}-{high}.",
    ),
    "setting_text_invalid": (
        "{label}: isian ini bukan nilai yang sah.",
        "{label}: this entry is not a valid value.",
    ),
    "setting_lines_too_long": (
        "{key}: paling banyak {lines} baris, tiap baris paling banyak {width} huruf.",
        "{key}: at most {lines} lines of at most {width} characters each.",
    ),
    "network_range_invalid": (
        "Rentang alamat '{value}' tidak sah: tulis mis. 192.168.1.0/24 atau 192.168.1.10-192.168.1.60.",
        "Address range '{value}' is not valid: write e.g. 192.168.1.0/24 or 192.168.1.10-192.168.1.60.",
    ),
    "network_range_too_large": (
        "Rentang '{value}' berisi {count} alamat; paling banyak {limit} sekali cari.",
        "The range '{value}' holds {count} addresses; at most {limit} in one scan.",
    ),
    "network_range_not_allowed": (
        "Toko demo hanya mencari printer di 127.0.0.0/8, bukan di '{value}'.",
        "The demo shop scans only 127.0.0.0/8, not '{value}'.",
    ),
    "setting_wrong_type": (
        "Pengaturan {key} tersimpan sebagai {value}, padahal harus {expected}. Simpan ulang pengaturan ini.",
        "The setting {key} is stored as {value} but must be {expected}. Save this setting again.",
    ),
    "printer_setting_invalid": (
        "Pengaturan printer {setting} = '{value}' tidak didukung.",
        "Printer setting {setting} = '{value}' is not supported.",
    ),
    "printer_profile_unknown": (
        "Profil printer '{profile}' tidak dikenal. Pilih profil dari daftar.",
        "Unknown printer profile '{profile}'. Pick one from the list.",
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
    "bulk_shop_exists": (
        "Toko besar hanya dibuat di folder kosong, tetapi {path} sudah ada. Pilih folder lain.",
        "A large shop is only made in an empty folder, but {path} exists. Pick another folder.",
    ),
    "bulk_needs_products": (
        "Penjualan contoh butuh produk: beri --products lebih dari 0.",
        "Sample sales need products: give --products above 0.",
    ),
    "offsite_passphrase_short": (
        "Kata sandi salinan cadangan minimal 8 karakter. Simpan kata sandi ini di tempat aman: tanpa "
        "itu salinan tidak bisa dibuka.",
        "The backup passphrase needs at least 8 characters. Keep it somewhere safe: without it the "
        "copies cannot be opened.",
    ),
    "offsite_key_missing": (
        "Kunci salinan cadangan belum ada di komputer ini. Isi kata sandi salinan di Menu → Pengaturan → "
        "Jam & cadangan.",
        "This computer has no key for backup copies yet. Enter the copies' passphrase in Menu → "
        "Settings → Clock & backups.",
    ),
    "offsite_key_unreadable": (
        "Kunci salinan cadangan {path} tidak terbaca. Isi lagi kata sandi salinan di Menu → Pengaturan → "
        "Jam & cadangan.",
        "The backup key {path} cannot be read. Enter the copies' passphrase again in Menu → Settings → "
        "Clock & backups.",
    ),
    "offsite_passphrase_empty": (
        "Kata sandi salinan kosong. Ketik kata sandi toko (dibaca dari stdin, tidak dari baris perintah).",
        "The copies' passphrase is empty. Type the shop's passphrase (read from stdin, never from the "
        "command line).",
    ),
    "offsite_restore_source_missing": (
        "Salinan mana yang dipulihkan? Beri PATH (folder flashdisk atau file .kkmpbak) atau --server URL.",
        "Which copy to restore? Give PATH (the removable drive's folder or a .kkmpbak file) or --server URL.",
    ),
    "offsite_restore_no_token": (
        "Server {url} hanya memberi salinan kepada terminal yang mengirimnya, dengan token terminal itu, "
        "dan token itu tidak ada di folder data ini (database lama tidak terbaca). Ambil salinan dari "
        "flashdisk, atau minta admin server file salinannya lalu beri PATH.",
        "The server {url} gives a copy only to the terminal that sent it, with that terminal's token, "
        "and this data folder has no such token (the old database cannot be read). Take the copy from "
        "the removable drive, or ask the server's admin for the copy's file and give its PATH.",
    ),
    "offsite_copy_unreadable": (
        "Salinan cadangan tidak bisa dibuka: {reason}.",
        "The backup copy cannot be opened: {reason}.",
    ),
    "offsite_failed": (
        "Salinan cadangan tidak terkirim ke {where}: {reason}. Salinan lokal tetap ada.",
        "The backup copy did not reach {where}: {reason}. The local backup is still there.",
    ),
    "offsite_copy_missing": (
        "Belum ada salinan cadangan di luar komputer ini.",
        "There is no backup copy off this computer yet.",
    ),
    "offsite_copy_none": (
        "Belum ada salinan cadangan di luar komputer ini. Atur flashdisk atau server di Menu → "
        "Pengaturan → Jam & cadangan.",
        "No backup copy has left this computer yet. Choose a removable drive or the server in Menu → "
        "Settings → Clock & backups.",
    ),
    "offsite_copy_old": (
        "Salinan cadangan terbaru di luar komputer ini sudah {days} hari. Pasang flashdisk cadangan atau "
        "periksa sambungan ke server.",
        "The newest backup copy off this computer is {days} days old. Plug in the backup drive or check "
        "the connection to the server.",
    ),
    "offsite_not_configured": (
        "Belum dipilih ke mana salinan cadangan dikirim (flashdisk atau server).",
        "No place for off-machine copies is chosen yet (removable drive or server).",
    ),
    "offsite_drive_missing": (
        "Folder cadangan {path} tidak ada: flashdisk belum dipasang?",
        "The backup folder {path} is not there: is the drive plugged in?",
    ),
    "offsite_drive_invalid": (
        "Folder cadangan '{path}' tidak bisa dipakai: pilih folder lengkap di flashdisk, di luar folder "
        "data kasir.",
        "The backup folder '{path}' cannot be used: choose a full path on the removable drive, outside "
        "the till's data folder.",
    ),
    "offsite_target_invalid": (
        "Tujuan salinan '{target}' tidak dikenal (flashdisk atau server).",
        "Unknown copy target '{target}' (drive or server).",
    ),
    "offsite_server_not_enrolled": (
        "Kasir ini belum terdaftar di server koperasi, jadi salinan belum bisa dikirim ke server.",
        "This till is not enrolled with the cooperative's server, so copies cannot go there yet.",
    ),
    "clock_behind": (
        "Jam komputer ({now}) lebih awal dari dokumen terakhir kasir ini ({newest}). Penjualan dihentikan: "
        "betulkan jam komputer, atau minta manajer mengonfirmasi jam di Menu → Pengaturan → Jam & cadangan.",
        "The PC clock ({now}) is earlier than this till's newest document ({newest}). Selling is stopped: "
        "set the clock right, or ask a manager to confirm it in Menu → Settings → Clock & backups.",
    ),
    "db_read_only": (
        "Folder data {path} hanya bisa dibaca, jadi kasir tidak dapat menyimpan apa pun. Database "
        "tidak rusak: beri izin tulis pada folder itu atau pindahkan ke disk yang bisa ditulisi, lalu "
        "buka lagi.",
        "The data folder {path} is read-only, so the till cannot save anything. The database is not "
        "damaged: make the folder writable or move it to a writable disk, then open the till again.",
    ),
    "disk_full": (
        "Disk penuh: data tidak dapat disimpan. Kosongkan ruang disk lalu coba lagi.",
        "The disk is full: nothing could be saved. Free some space and try again.",
    ),
    "backup_invalid": (
        "Cadangan {path} tidak dapat dipakai: {detail}.",
        "The backup {path} cannot be used: {detail}.",
    ),
    "backup_failed": (
        "Cadangan {path} tidak dapat ditulis: {reason}. Tidak ada berkas setengah jadi yang tertinggal.",
        "The backup {path} could not be written: {reason}. No half-written file was left behind.",
    ),
    "backup_exists": (
        "Cadangan {path} sudah dibuat oleh proses lain; cadangan itu yang disimpan.",
        "The backup {path} was already made by another process; that one is kept.",
    ),
    "file_not_found": ("Berkas {path} tidak ada.", "{path} does not exist."),
    "file_unusable": ("Tidak dapat memakai {path}: {reason}.", "Cannot use {path}: {reason}."),
    "command_failed": ("Perintah gagal: {reason}.", "The command failed: {reason}."),
    "demo_sheet_not_demo": (
        "Lembar latihan hanya ada untuk toko demo (pakai --demo): PIN toko sungguhan tidak diketahui.",
        "The training sheet exists for the demo shop only (use --demo): a real shop's PINs are not known.",
    ),
    "unexpected_error": (
        "Terjadi kesalahan tak terduga ({kind}). Rinciannya ada di berkas log: {log}",
        "An unexpected error occurred ({kind}). The details are in the log file: {log}",
    ),
    "till_already_running": (
        "KKMP POS sudah terbuka untuk folder data {path}. Pakai jendela yang sudah terbuka.",
        "KKMP POS is already open for the data folder {path}. Use the window that is already open.",
    ),
    "restore_while_running": (
        "Kasir masih terbuka untuk {path}. Tutup aplikasi kasir dulu, lalu pulihkan cadangan.",
        "The till is still open for {path}. Close the till first, then restore the backup.",
    ),
    # QRIS (kkmp_pos.core.qris)
    "qris_empty": (
        "Kode QRIS kosong. Tempel atau pindai kode QRIS statis toko.",
        "The QRIS code is empty. Paste or scan the shop's static QRIS code.",
    ),
    "qris_bad_format": (
        "Kode QRIS rusak: posisi {position} seharusnya angka tag/panjang. Salin ulang kodenya.",
        "The QRIS code is damaged: position {position} must be a tag/length number. Copy it again.",
    ),
    "qris_truncated": (
        "Kode QRIS terpotong (mulai posisi {position}). Salin atau pindai ulang seluruh kode.",
        "The QRIS code is cut short (from position {position}). Copy or scan the whole code again.",
    ),
    "qris_bad_length": (
        "Panjang data tag {tag} pada kode QRIS salah. Salin ulang kode dari penyedia.",
        "The length of tag {tag} in the QRIS code is wrong. Copy the code again from the provider.",
    ),
    "qris_bad_crc": (
        "Kode QRIS rusak: CRC {found} seharusnya {expected}. Salin atau pindai ulang kodenya.",
        "The QRIS code is damaged: CRC {found} should be {expected}. Copy or scan it again.",
    ),
    "qris_missing_tag": (
        "Kode QRIS tidak lengkap: tag {tag} tidak ada. Pakai kode QRIS dari bank/penyedia.",
        "The QRIS code is incomplete: tag {tag} is missing. Use the code from the bank/provider.",
    ),
    "qris_tag_order": (
        "Kode QRIS tidak sah: tag {tag} tidak berada di tempatnya (00 pertama, 63 terakhir).",
        "The QRIS code is not valid: tag {tag} is out of place (00 first, 63 last).",
    ),
    "qris_duplicate_tag": (
        "Kode QRIS tidak sah: tag {tag} muncul lebih dari sekali.",
        "The QRIS code is not valid: tag {tag} appears more than once.",
    ),
    "qris_bad_value": (
        "Kode QRIS tidak sah: nilai tag {tag} ('{value}') salah. Pastikan ini QRIS rupiah.",
        "The QRIS code is not valid: tag {tag} has a wrong value ('{value}'). It must be an "
        "Indonesian rupiah QRIS.",
    ),
    "qris_not_static": (
        "Ini kode QRIS dinamis (sekali pakai, berisi nominal). Masukkan kode QRIS statis toko.",
        "This is a dynamic QRIS code (single use, with an amount). Enter the shop's static code.",
    ),
    "qris_amount_out_of_range": (
        "Nominal QRIS {amount} tidak sah: harus Rp1 sampai Rp{limit}.",
        "QRIS amount {amount} is not valid: it must be Rp1 to Rp{limit}.",
    ),
    "qris_text_invalid": (
        "Isian {field} '{text}' tidak dapat dimasukkan ke QRIS: 1–{limit} huruf/angka biasa.",
        "{field} '{text}' cannot go into a QRIS code: 1–{limit} plain letters/digits.",
    ),
    # barcodes and GS1 (kkmp_pos.core.barcodes)
    "barcode_invalid": (
        "'{barcode}' bukan barcode {kind} yang sah: harus {length} angka.",
        "'{barcode}' is not a valid {kind} barcode: it must be {length} digits.",
    ),
    "barcode_bad_check_digit": (
        "Barcode {barcode} salah baca (angka pemeriksa tidak cocok). Pindai atau ketik ulang.",
        "Barcode {barcode} was misread (check digit does not match). Scan or type it again.",
    ),
    "scale_bad_price_check": (
        "Label timbangan {barcode} salah baca (angka pemeriksa nilai salah). Cetak ulang label.",
        "Scale label {barcode} was misread (value check digit does not match). Reprint it.",
    ),
    "scale_layout_invalid": (
        "Pengaturan barcode timbangan tidak sah ({setting}). Prefiks + kode barang + nilai + "
        "angka pemeriksa harus 13 digit.",
        "The scale barcode setting is not valid ({setting}). Prefix + item code + value + check "
        "digits must make 13 digits.",
    ),
    "gs1_empty": ("Kode GS1 kosong.", "The GS1 code is empty."),
    "gs1_unknown_ai": (
        "Kode 2D berisi AI ({ai}) yang tidak dikenal. Isi batch dan kedaluwarsa secara manual.",
        "The 2D code has an unknown AI ({ai}). Enter batch and expiry by hand.",
    ),
    "gs1_bad_value": (
        "Kode 2D tidak sah: isi AI ({ai}) '{value}' salah. Pindai ulang.",
        "The 2D code is not valid: AI ({ai}) holds a wrong value '{value}'. Scan again.",
    ),
    "gs1_bad_date": (
        "Tanggal pada AI ({ai}) '{value}' tidak sah (format YYMMDD). Periksa kemasan.",
        "The date in AI ({ai}) '{value}' is not valid (YYMMDD). Check the pack.",
    ),
    "gs1_bad_check_digit": (
        "GTIN {gtin} pada kode 2D salah baca (angka pemeriksa tidak cocok). Pindai ulang.",
        "GTIN {gtin} in the 2D code was misread (check digit does not match). Scan again.",
    ),
    "gs1_missing_gtin": (
        "Kode 2D tidak berisi GTIN (01). Pindai barcode barang atau cari berdasarkan nama.",
        "The 2D code has no GTIN (01). Scan the item barcode or search by name.",
    ),
    # NIK (kkmp_pos.core.nik); the reason texts fill {reason_id}/{reason_en}
    "nik_invalid": ("NIK {nik} tidak sah: {reason_id}.", "NIK {nik} is not valid: {reason_en}."),
    "nik_reason_format": ("NIK hanya berisi angka", "a NIK has digits only"),
    "nik_reason_length": (
        "NIK harus 16 angka (sekarang {length})",
        "a NIK has 16 digits (this one has {length})",
    ),
    "nik_reason_region": (
        "kode provinsi/kabupaten {region} tidak dikenal",
        "province/regency code {region} is unknown",
    ),
    "nik_reason_birth_date": (
        "tanggal lahir (digit 7–12) tidak sah",
        "the birth date (digits 7–12) is not a real date",
    ),
    # sync and the central server
    "sync_wire_invalid": (
        "Data sinkronisasi tidak sah: {field} {reason}.",
        "Invalid sync data: {field} {reason}.",
    ),
    "event_invalid": (
        "Isi peristiwa tidak sah: {field} {reason}.",
        "Invalid event payload: {field} {reason}.",
    ),
    "sync_malformed_json": (
        "Permintaan bukan JSON yang sah: {detail}.",
        "The request is not valid JSON: {detail}.",
    ),
    "sync_too_large": (
        "Permintaan terlalu besar (batas {limit}). Kirim dalam bagian yang lebih kecil.",
        "The request is too large (limit {limit}). Send it in smaller parts.",
    ),
    "sync_auth_missing": (
        "Terminal belum terdaftar di server. Daftarkan dengan kode pendaftaran.",
        "This terminal is not enrolled with the server. Enrol it with an enrolment code.",
    ),
    "sync_auth_invalid": (
        "Token terminal ditolak server. Daftarkan ulang terminal ini.",
        "The server refused this terminal's token. Enrol the terminal again.",
    ),
    "sync_terminal_revoked": (
        "Kasir ini sudah dicabut (diblokir) di server koperasi, jadi tidak bisa sinkron lagi. "
        "Penjualan tetap tersimpan di sini. Hubungi pengurus koperasi.",
        "This till was revoked (blocked) on the cooperative's server, so it cannot sync any more. "
        "Sales stay stored here. Contact the cooperative's admin.",
    ),
    "sync_enrol_code_claimed": (
        "Kode pendaftaran ini sudah dipakai oleh kasir lain. Minta kode baru ke pengurus koperasi.",
        "This enrolment code was already used by another till. Ask the cooperative's admin for a new one.",
    ),
    "admin_token_revoked": (
        "Token admin {token} sudah dicabut.",
        "Admin token {token} was revoked.",
    ),
    "admin_token_expired": (
        "Token admin {token} sudah kedaluwarsa. Buat token baru.",
        "Admin token {token} has expired. Create a new one.",
    ),
    "server_rate_limited": (
        "Terlalu banyak percobaan dari alamat ini. Coba lagi dalam {retry_after_s} detik.",
        "Too many attempts from this address. Try again in {retry_after_s} seconds.",
    ),
    "sync_insecure_url": (
        "Alamat server {url} memakai http tanpa enkripsi ke alamat di luar jaringan lokal. "
        "Pakai https://, atau izinkan http secara tegas di pengaturan sinkron.",
        "The server address {url} uses unencrypted http to an address outside the local network. "
        "Use https://, or allow plain http explicitly in the sync settings.",
    ),
    "sync_tls_failed": (
        "Sertifikat server {url} tidak dapat diverifikasi ({reason}). Periksa alamat server atau "
        "sertifikat yang disematkan.",
        "The certificate of the server {url} cannot be verified ({reason}). Check the server "
        "address or the pinned certificate.",
    ),
    "sync_wrong_cooperative": (
        "Data untuk koperasi {cooperative} ditolak: terminal ini milik koperasi lain.",
        "Data for cooperative {cooperative} refused: this terminal belongs to another one.",
    ),
    "sync_wrong_terminal": (
        "Data atas nama terminal {terminal} ditolak: token milik terminal lain.",
        "Data in the name of terminal {terminal} refused: the token is another terminal's.",
    ),
    "sync_enrol_code_invalid": (
        "Kode pendaftaran salah, sudah dipakai, atau kedaluwarsa. Minta kode baru.",
        "The enrolment code is wrong, used or expired. Ask for a new code.",
    ),
    "sync_cursor_expired": (
        "Data lama di server sudah dibersihkan; katalog diunduh ulang dari awal.",
        "The server pruned old changes; the catalog is downloaded again from the start.",
    ),
    "sync_unreachable": (
        "Server {url} tidak dapat dihubungi ({reason}). Penjualan tetap tersimpan dan dikirim nanti.",
        "The server {url} cannot be reached ({reason}). Sales are kept and sent later.",
    ),
    "sync_server_error": (
        "Server menjawab dengan kesalahan {http_status}. Data dikirim ulang nanti.",
        "The server answered with error {http_status}. Data will be sent again later.",
    ),
    "sync_not_enrolled": (
        "Terminal ini belum terdaftar. Jalankan: kkmp-pos enrol ALAMAT_SERVER KODE",
        "This terminal is not enrolled. Run: kkmp-pos enrol SERVER_URL CODE",
    ),
    "sync_busy": (
        "Sinkronisasi sedang berjalan di proses lain. Coba lagi sebentar lagi.",
        "Sync is already running in another process. Try again shortly.",
    ),
    "server_busy": (
        "Server sedang sibuk. Coba lagi sebentar lagi.",
        "The server is busy. Try again shortly.",
    ),
    "server_database_invalid": (
        "Alamat database '{url}' tidak sah: {reason}.",
        "The database address '{url}' is not valid: {reason}.",
    ),
    "server_id_invalid": (
        "Kode {kind} '{value}' tidak sah: pakai huruf, angka, - atau _ (maks. 64).",
        "The {kind} id '{value}' is not valid: use letters, digits, - or _ (max 64).",
    ),
    "server_exists": ("{kind} '{value}' sudah ada.", "{kind} '{value}' already exists."),
    "server_not_found": ("{kind} '{value}' tidak ditemukan.", "{kind} '{value}' not found."),
    "server_row_invalid": (
        "Baris tidak sah: {field} {reason}.",
        "Invalid row: {field} {reason}.",
    ),
    "server_import_invalid": (
        "Berkas {path} tidak dapat diimpor: {reason}.",
        "{path} cannot be imported: {reason}.",
    ),
    "server_no_such_endpoint": ("Alamat API tidak ada.", "No such API endpoint."),
    "server_method_not_allowed": ("Metode tidak diizinkan.", "Method not allowed."),
    "server_http_error": ("Permintaan ditolak: {detail}.", "Request refused: {detail}."),
    # ---- users, shifts and cash, reports, printer settings ----
    "printer_not_configured": (
        "Belum ada printer struk. Atur printer di Pengaturan; struk menunggu di antrean cetak.",
        "No receipt printer is set up. Set one in Settings; the receipt waits in the print queue.",
    ),
    "user_not_found": ("Pengguna tidak ditemukan.", "User not found."),
    "role_invalid": (
        "Peran '{role}' tidak dikenal (kasir, manajer, admin).",
        "Unknown role '{role}' (kasir, manajer, admin).",
    ),
    "user_name_taken": (
        "Nama pengguna '{name}' sudah dipakai. Pilih nama lain.",
        "The user name '{name}' is taken. Choose another.",
    ),
    "user_name_missing": ("Nama pengguna wajib diisi.", "A user name is required."),
    "last_admin": (
        "{name} adalah admin aktif terakhir; tambahkan admin lain dulu.",
        "{name} is the last active admin; add another admin first.",
    ),
    "cannot_deactivate_self": (
        "Anda tidak dapat menonaktifkan akun Anda sendiri.",
        "You cannot deactivate your own account.",
    ),
    "denomination_invalid": (
        "'{value}' bukan pecahan rupiah yang diterima (Rp100 sampai Rp100.000).",
        "'{value}' is not an accepted rupiah denomination (Rp100 to Rp100.000).",
    ),
    "count_invalid": (
        "Jumlah lembar/keping '{value}' tidak sah.",
        "'{value}' is not a valid number of notes or coins.",
    ),
    "shift_state_invalid": (
        "Shift berstatus '{status}' tidak bisa '{move}'.",
        "A shift in state '{status}' cannot '{move}'.",
    ),
    "shift_already_open": (
        "Shift {name} masih terbuka. Tutup shift itu dulu.",
        "{name}'s shift is still open. Close it first.",
    ),
    "shift_not_open": (
        "Belum ada shift yang terbuka. Buka shift dengan menghitung modal awal.",
        "No shift is open. Open one by counting the opening float.",
    ),
    "shift_not_found": ("Shift tidak ditemukan.", "Shift not found."),
    "shift_needed_for_cash": (
        "Belum ada shift yang terbuka di kasir ini. Buka shift (hitung modal awal) sebelum menerima"
        " atau mengeluarkan uang tunai.",
        "No shift is open at this till. Open one (count the opening float) before taking or paying out cash.",
    ),
    "shift_needed": (
        "Belum ada shift yang terbuka di kasir ini. Buka shift dulu sebelum menerima pembayaran.",
        "No shift is open at this till. Open one before taking a payment.",
    ),
    "shift_closed": (
        "Shift itu sudah ditutup. Transaksi tidak dicatat; buka shift baru lalu ulangi.",
        "That shift is already closed. Nothing was recorded; open a new shift and try again.",
    ),
    "cli_pin_missing": (
        "PIN tidak terbaca: tulis PIN di input standar, satu per baris (pengguna, lalu penyetuju).",
        "No PIN read: give the PINs on standard input, one a line (the user's, then the approver's).",
    ),
    "cli_user_unknown": (
        "Pengguna '{name}' tidak ada atau tidak aktif.",
        "No active user is called '{name}'.",
    ),
    "cli_amount_not_in_pieces": (
        "{amount} tidak bisa dihitung dengan uang kertas dan koin (kelipatan Rp100).",
        "{amount} cannot be made of notes and coins (steps of Rp100).",
    ),
    "shift_held_by_other": (
        "Laci sedang dipakai shift {name}. {name} harus menutup/serah terima dulu, atau minta manajer.",
        "The drawer belongs to {name}'s shift. {name} must close or hand over first, or ask a manager.",
    ),
    "shift_approval_required": (
        "Selisih kas {difference} melebihi batas {limit}. Perlu persetujuan manajer.",
        "The cash difference {difference} is over the limit {limit}. A manager must approve.",
    ),
    "shift_left_too_much": (
        "Uang yang ditinggal di laci ({left}) lebih besar dari hasil hitung ({counted}).",
        "The cash left in the drawer ({left}) is more than was counted ({counted}).",
    ),
    "cash_move_reason_missing": (
        "Tuliskan alasan kas masuk/keluar (mis. beli kantong plastik).",
        "Give a reason for the cash in/out (e.g. buying plastic bags).",
    ),
    "cash_move_amount_invalid": (
        "Jumlah kas masuk/keluar harus lebih dari nol.",
        "A cash in/out amount must be more than zero.",
    ),
    "cash_move_kind_invalid": ("Jenis kas '{kind}' tidak dikenal.", "Unknown cash kind '{kind}'."),
    "report_date_invalid": (
        "Tanggal '{text}' tidak sah; gunakan TTTT-BB-HH.",
        "'{text}' is not a valid date; use YYYY-MM-DD.",
    ),
    "report_range_invalid": (
        "Rentang tanggal {start} sampai {end} tidak sah (maksimal {days} hari).",
        "The date range {start} to {end} is not valid (at most {days} days).",
    ),
    "report_cancelled": ("Laporan dibatalkan.", "The report was cancelled."),
    "print_job_not_found": ("Antrean cetak #{id} tidak ditemukan.", "Print job #{id} not found."),
    "printer_list_unavailable": (
        "Daftar printer Windows hanya tersedia di Windows dengan pywin32.",
        "The Windows printer list needs Windows with pywin32.",
    ),
    "printer_logo_unreadable": (
        "Logo '{path}' tidak dapat dibaca: {reason}.",
        "The logo '{path}' cannot be read: {reason}.",
    ),
    # sales (lead)
    "payment_exceeds_total": (
        "Pembayaran non-tunai {paid} melebihi total {total}.",
        "Non-cash payments {paid} exceed the total {total}.",
    ),
    "payment_not_positive": (
        "Jumlah pembayaran {method} harus lebih dari nol.",
        "The {method} payment must be more than zero.",
    ),
    "transfer_reference_missing": (
        "Isi nomor referensi transfer.",
        "Enter the bank transfer reference.",
    ),
    "too_many_sales_today": (
        "Nomor struk hari ini habis (9.999 penjualan per kasir).",
        "Out of receipt numbers for today (9,999 sales per terminal).",
    ),
    "price_not_positive": ("Harga {name} harus lebih dari nol.", "The price of {name} must be above zero."),
    "member_price_above_regular": (
        "Harga anggota {name} tidak boleh di atas harga umum.",
        "The member price of {name} cannot be above the regular price.",
    ),
    # ---- stock module (products, receiving, stock, counts, import) ----
    "drug_class_invalid": (
        "Golongan obat '{value}' tidak dikenal: pakai bebas, bebas_terbatas atau keras.",
        "Unknown drug class '{value}': use bebas, bebas_terbatas or keras.",
    ),
    "drug_keras_not_apotek": (
        "{name} adalah obat keras: hanya apotek yang boleh menjualnya.",
        "{name} is a prescription-only medicine (obat keras): only a licensed apotek may sell it.",
    ),
    "drug_keras_needs_prescription": (
        "{name} adalah obat keras: ketik nomor resep dulu.",
        "{name} is a prescription-only medicine: type the prescription reference first.",
    ),
    "batch_expired": (
        "{name} tidak boleh dijual: batch {batch} kedaluwarsa {expiry}. Pisahkan barang ini.",
        "{name} cannot be sold: batch {batch} expired on {expiry}. Take it off the shelf.",
    ),
    "batch_expired_short": (
        "{name}: hanya {available} dari batch yang belum kedaluwarsa; batch {batch} kedaluwarsa {expiry}.",
        "{name}: only {available} left in batches that have not expired; batch {batch} expired on {expiry}.",
    ),
    "batch_not_found": ("Batch tidak ditemukan.", "Batch not found."),
    "product_code_required": ("Kode barang wajib diisi.", "The product code is required."),
    "product_name_required": ("Nama barang wajib diisi.", "The product name is required."),
    "product_code_taken": (
        "Kode {code} sudah dipakai oleh {name}.",
        "Code {code} is already used by {name}.",
    ),
    "barcode_taken": (
        "Barcode {code} sudah dipakai oleh {name}.",
        "Barcode {code} is already used by {name}.",
    ),
    "cost_negative": ("Harga pokok tidak boleh negatif.", "The cost cannot be negative."),
    "business_unit_invalid": (
        "Unit usaha '{value}' tidak dikenal: pakai sembako, lpg atau obat.",
        "Unknown business unit '{value}': use sembako, lpg or obat.",
    ),
    "unit_factor_invalid": (
        "Isi satuan {name} harus lebih dari nol.",
        "The size of unit {name} must be more than zero.",
    ),
    "unit_name_taken": (
        "Satuan {name} sudah ada untuk barang ini.",
        "This product already has a unit called {name}.",
    ),
    "unit_not_found": ("Satuan tidak ditemukan.", "Unit not found."),
    "supplier_not_found": ("Pemasok tidak ditemukan.", "Supplier not found."),
    "supplier_name_required": ("Nama pemasok wajib diisi.", "The supplier name is required."),
    "supplier_name_taken": (
        "Pemasok {name} sudah ada.",
        "A supplier called {name} already exists.",
    ),
    "receipt_no_lines": (
        "Penerimaan barang belum punya baris.",
        "The goods receipt has no lines yet.",
    ),
    "receipt_batch_required": (
        "{name} dilacak per batch: isi nomor batch dan tanggal kedaluwarsa.",
        "{name} is tracked by batch: enter the batch number and expiry date.",
    ),
    "receipt_batch_expired": (
        "Batch {batch} {name} sudah kedaluwarsa ({expiry}); jangan diterima.",
        "Batch {batch} of {name} has already expired ({expiry}); do not accept it.",
    ),
    "receipt_batch_expiry_differs": (
        "Batch {batch} {name} sudah tercatat dengan kedaluwarsa {known}, bukan {given}.",
        "Batch {batch} of {name} is already recorded with expiry {known}, not {given}.",
    ),
    "date_invalid": (
        "'{text}' bukan tanggal yang sah (TTTT-BB-HH).",
        "'{text}' is not a valid date (YYYY-MM-DD).",
    ),
    "goods_receipt_not_found": (
        "Penerimaan barang {number} tidak ditemukan.",
        "Goods receipt {number} not found.",
    ),
    "goods_receipt_already_reversed": (
        "Penerimaan {number} sudah dibatalkan dengan {reversal}.",
        "Goods receipt {number} was already reversed by {reversal}.",
    ),
    "goods_receipt_is_reversal": (
        "{number} adalah dokumen pembatalan; tidak bisa dibatalkan lagi.",
        "{number} is itself a reversal and cannot be reversed.",
    ),
    "writeoff_reason_invalid": (
        "Alasan '{value}' tidak dikenal: pakai rusak, kedaluwarsa atau hilang.",
        "Unknown reason '{value}': use damaged, expired or lost.",
    ),
    "writeoff_note_required": (
        "Tuliskan keterangan penghapusan barang.",
        "Write a note saying why the stock is written off.",
    ),
    "writeoff_more_than_on_hand": (
        "Tidak bisa menghapus {qty}: stok {name} hanya {on_hand}.",
        "Cannot write off {qty}: {name} has only {on_hand} on hand.",
    ),
    "approval_required": (
        "Perlu persetujuan manajer untuk {action}. Masukkan PIN manajer.",
        "A manager must approve: {action}. Enter a manager's PIN.",
    ),
    "count_not_found": ("Stok opname tidak ditemukan.", "Stock count not found."),
    "count_not_open": (
        "Stok opname {number} sudah {status}; tidak bisa diubah.",
        "Stock count {number} is {status}; it cannot be changed.",
    ),
    "count_already_open": (
        "Stok opname {number} masih berjalan. Selesaikan atau batalkan dulu.",
        "Stock count {number} is still open. Approve or cancel it first.",
    ),
    "count_empty_scope": (
        "Tidak ada barang aktif untuk dihitung.",
        "There are no active products to count.",
    ),
    "count_product_not_in_scope": (
        "{name} tidak termasuk stok opname ini.",
        "{name} is not part of this stock count.",
    ),
    "count_nothing_counted": (
        "Belum ada barang yang dihitung.",
        "Nothing has been counted yet.",
    ),
    "count_time_invalid": (
        "Waktu hitung harus di antara awal stok opname dan sekarang.",
        "The count time must be between the start of the count and now.",
    ),
    "import_file_unreadable": (
        "Berkas {path} tidak dapat dibaca: {reason}.",
        "{path} cannot be read: {reason}.",
    ),
    "import_format_unknown": (
        "Format berkas {path} tidak dikenal: pakai .csv atau .xlsx.",
        "Unknown file type {path}: use .csv or .xlsx.",
    ),
    "import_missing_columns": (
        "Kolom wajib tidak ada: {columns}.",
        "Required columns missing: {columns}.",
    ),
    "import_has_problems": (
        "{count} masalah di {rows} baris; tidak ada yang disimpan.",
        "{count} problems in {rows} rows; nothing was saved.",
    ),
    "import_value_required": ("wajib diisi", "is required"),
    "import_not_integer": ("'{value}' bukan bilangan bulat", "'{value}' is not a whole number"),
    "import_not_yes_no": ("'{value}' harus 1/0 atau ya/tidak", "'{value}' must be 1/0 or yes/no"),
    "import_duplicate_in_file": (
        "'{value}' juga ada di baris {other}",
        "'{value}' also appears on row {other}",
    ),
    "import_units_invalid": (
        "'{value}' tidak sesuai format Nama|isi|harga|harga anggota",
        "'{value}' does not match Name|size|price|member price",
    ),
    "import_changed_since_preview": (
        "Data barang berubah sejak pratinjau ({detail}); tidak ada yang disimpan. Ulangi impor.",
        "The catalog changed since the preview ({detail}); nothing was saved. Import again.",
    ),
    # ---- end stock module ----
    # at the counter: scale labels, discounts, held carts, QRIS, cancellations, returns, new members
    "scale_label_qty_fixed": (
        "Berat {name} dari label timbangan tidak bisa diubah; hapus baris dan timbang ulang.",
        "The weight of {name} comes from the scale label; remove the line and weigh again.",
    ),
    "scale_item_unknown": (
        "Label timbangan {code}: kode barang {item} tidak ada di katalog.",
        "Scale label {code}: item code {item} is not in the catalog.",
    ),
    "discount_invalid": ("Diskon untuk {name} tidak sah.", "The discount on {name} is not valid."),
    "held_cart_not_found": (
        "Transaksi yang ditahan sudah diambil atau tidak ada.",
        "That held cart was already recalled or does not exist.",
    ),
    "acquirer_field_missing": (
        "Pengaturan acquirer QRIS belum lengkap: {field} wajib diisi.",
        "The QRIS acquirer settings are incomplete: {field} is required.",
    ),
    "acquirer_field_invalid": (
        "Pengaturan acquirer QRIS: {field} tidak sah ({reason}).",
        "QRIS acquirer settings: {field} is not valid ({reason}).",
    ),
    "acquirer_unreachable": (
        "Acquirer QRIS tidak dapat dihubungi ({detail}). Konfirmasi manual tetap bisa.",
        "The QRIS acquirer cannot be reached ({detail}). Manual confirmation still works.",
    ),
    "qris_not_configured": (
        "QRIS toko belum diatur. Minta manajer memasukkan kode QRIS statis di Menu → Pengaturan → QRIS toko.",
        "The shop's QRIS is not set up. Ask a manager to enter its static QRIS code in Menu → "
        "Settings → Shop QRIS.",
    ),
    "qris_reference_missing": (
        "Isi nomor referensi pembayaran (RRN, 12 angka) dari aplikasi merchant.",
        "Enter the payment reference (RRN, 12 digits) from the merchant app.",
    ),
    "qris_reference_invalid": (
        "Nomor referensi '{reference}' tidak sah: RRN harus {expected} angka/huruf (ada {length}). "
        "Salin dari rincian transaksi di aplikasi merchant.",
        "Reference '{reference}' is not valid: an RRN has {expected} digits/letters (this has {length}). "
        "Copy it from the transaction details in the merchant app.",
    ),
    # the shop's static QRIS entered by a manager (services/setup/qris_setup.py)
    "qris_payload_too_long": (
        "Teks ini terlalu panjang untuk kode QRIS ({length} karakter, paling banyak {limit}).",
        "This text is too long for a QRIS code ({length} characters, at most {limit}).",
    ),
    "qris_image_unreadable": (
        "Berkas {name} tidak bisa dibuka sebagai gambar. Pakai foto atau gambar PNG/JPG.",
        "{name} cannot be opened as an image. Use a PNG/JPG photo or picture.",
    ),
    "qris_image_no_code": (
        "Tidak ada kode QR yang terbaca di {name}. Foto ulang stiker QRIS dari dekat, lurus, terang dan "
        "tidak buram, atau pindai dengan scanner.",
        "No QR code could be read in {name}. Photograph the QRIS sticker again up close, straight, well "
        "lit and sharp, or scan it with the scanner.",
    ),
    "qris_image_not_qris": (
        "Kode QR di {name} terbaca, tetapi bukan QRIS (kode QRIS diawali 000201). Foto stiker QRIS toko.",
        "The QR code in {name} was read, but it is not a QRIS code (QRIS starts with 000201). "
        "Photograph the shop's QRIS sticker.",
    ),
    "qris_image_many": (
        "Ada {count} kode QRIS berbeda di {name}. Foto satu stiker saja.",
        "{name} shows {count} different QRIS codes. Photograph one sticker only.",
    ),
    "sale_not_awaiting_payment": (
        "Struk {number} tidak sedang menunggu pembayaran QRIS.",
        "Receipt {number} is not waiting for a QRIS payment.",
    ),
    "reason_missing": ("Isi alasannya.", "Enter a reason."),
    "refund_method_invalid": ("Cara bayar '{method}' tidak dikenal.", "Unknown payment method '{method}'."),
    "sale_already_cancelled": ("Struk {number} sudah dibatalkan.", "Receipt {number} is already cancelled."),
    "sale_has_returns": (
        "Struk {number} sudah punya retur; batalkan lewat retur sisa barang.",
        "Receipt {number} already has returns; return the remaining goods instead.",
    ),
    "sale_state_invalid": (
        "Struk berstatus '{status}' tidak bisa '{move}'.",
        "A receipt in state '{status}' cannot '{move}'.",
    ),
    "sale_not_returnable": (
        "Struk {number} belum lunas atau sudah dibatalkan; tidak bisa diretur.",
        "Receipt {number} is not paid or is cancelled; it cannot be returned.",
    ),
    "return_empty": ("Pilih barang yang dikembalikan.", "Choose the goods being returned."),
    "return_exceeds_sold": (
        "{name}: retur {qty} melebihi sisa yang bisa diretur ({left}).",
        "{name}: returning {qty} is more than what is left to return ({left}).",
    ),
    "refund_exceeds_sale": (
        "Pengembalian uang {refund} melebihi total struk {total}.",
        "The refund {refund} exceeds the receipt total {total}.",
    ),
    "nik_already_registered": (
        "NIK {nik} sudah terdaftar sebagai anggota.",
        "NIK {nik} is already registered to a member.",
    ),
    "member_name_invalid": ("Isi nama lengkap anggota.", "Enter the member's full name."),
    "phone_invalid": ("Nomor HP {phone} tidak sah.", "Phone number {phone} is not valid."),
    # the buyer's NIK (LPG 3 kg) and purchase caps (services/selling/limits.py)
    "buyer_nik_required": (
        "{product}: NIK pembeli wajib dicatat. Pindai kartu anggota atau ketik NIK pembeli (16 angka).",
        "{product}: the buyer's NIK must be recorded. Scan a member card or type the buyer's NIK "
        "(16 digits).",
    ),
    "purchase_limit_exceeded": (
        "Batas {rule}: paling banyak {limit} {period}. Sudah dibeli {bought}, di keranjang {cart} "
        "({product}). Kurangi jumlahnya, atau minta persetujuan manajer.",
        "Limit {rule}: at most {limit} {period}. Already bought {bought}, in this cart {cart} "
        "({product}). Reduce the quantity, or ask a manager to approve.",
    ),
    "purchase_limit_warning": (
        "Peringatan batas {rule}: paling banyak {limit} {period}. Sudah dibeli {bought}, di keranjang "
        "{cart} ({product}).",
        "Limit warning {rule}: at most {limit} {period}. Already bought {bought}, in this cart {cart} "
        "({product}).",
    ),
    "limit_rule_invalid": ("Aturan batas tidak sah: {reason}.", "The limit rule is not valid: {reason}."),
    "limit_rule_not_found": ("Aturan batas tidak ditemukan.", "Limit rule not found."),
    # text every stored or sent string must be (core/text_rules.py)
    "text_has_nul": (
        "{field}: berisi karakter NUL (kode 0) yang tidak boleh disimpan. Hapus karakter itu.",
        "{field}: contains a NUL character (code 0), which cannot be stored. Remove it.",
    ),
    "text_too_long": (
        "{field}: terlalu panjang ({length} karakter, paling banyak {max}).",
        "{field}: too long ({length} characters, at most {max}).",
    ),
    "text_not_unicode": (
        "{field}: berisi karakter rusak (bukan Unicode yang sah). Ketik ulang teksnya.",
        "{field}: contains a broken character (not valid Unicode). Type the text again.",
    ),
    "number_out_of_range": (
        "{field}: angka di luar batas ({low} sampai {high}).",
        "{field}: number out of range ({low} to {high}).",
    ),
    "payload_too_deep": ("{field}: susunan data terlalu dalam.", "{field}: the data is nested too deeply."),
    # personal data (issue 12, docs/PRIVACY.md)
    "kk_invalid": (
        "Nomor KK {kk} tidak sah: harus 16 angka.",
        "Family card number {kk} is not valid: 16 digits.",
    ),
    "server_key_missing": (
        "Kunci data pribadi koperasi {cooperative} tidak ada di {path}: NIK dan KK tersandi tidak dapat "
        "dibaca. Pulihkan folder kunci dari cadangan (data lain tetap dapat dipakai).",
        "The personal-data key of cooperative {cooperative} is not in {path}: encrypted NIKs and KKs "
        "cannot be read. Restore the key folder from the backup (the rest of the data stays usable).",
    ),
    "server_key_wrong": (
        "Kunci data pribadi koperasi {cooperative} tidak cocok dengan data tersandi.",
        "The personal-data key of cooperative {cooperative} does not match the encrypted data.",
    ),
    "member_already_erased": (
        "Data pribadi anggota {member} sudah dihapus.",
        "Member {member}'s personal data is already erased.",
    ),
    "member_erased": (
        "Data pribadi anggota {member} dihapus; transaksi, simpanan dan SHU tetap tercatat sebagai {name}.",
        "Member {member}'s personal data erased; sales, savings and SHU stay recorded as {name}.",
    ),
    # the books (services/books/)
    "journal_unbalanced": (
        "Jurnal tidak seimbang: debit {debit}, kredit {credit}.",
        "The journal does not balance: debit {debit}, credit {credit}.",
    ),
    "journal_line_invalid": (
        "Setiap baris jurnal diisi debit atau kredit saja, tidak negatif.",
        "Each journal line takes a debit or a credit, never both, never negative.",
    ),
    "journal_not_found": ("Jurnal {id} tidak ditemukan.", "Journal {id} not found."),
    "journal_not_draft": ("Jurnal {id} sudah diposting.", "Journal {id} is already posted."),
    "journal_not_posted": ("Jurnal {id} belum diposting.", "Journal {id} is not posted."),
    "journal_already_reversed": ("Jurnal {id} sudah dibalik.", "Journal {id} was already reversed."),
    "journal_needs_second_person": (
        "Jurnal harus disetujui orang kedua, bukan pembuatnya.",
        "A second person must approve the journal, not the one who entered it.",
    ),
    "account_code_invalid": (
        "Kode akun '{code}' harus 6 angka, diawali 1-6.",
        "Account code '{code}' must be 6 digits starting with 1-6.",
    ),
    "account_name_missing": ("Isi nama akun.", "Enter the account's name."),
    "account_exists": ("Akun {code} sudah ada.", "Account {code} already exists."),
    "account_not_found": ("Akun {code} tidak ada di bagan akun.", "Account {code} is not in the chart."),
    "month_invalid": (
        "'{month}' bukan bulan yang sah (TTTT-BB).",
        "'{month}' is not a valid month (YYYY-MM).",
    ),
    "month_already_closed": (
        "Bulan {month} (atau sesudahnya) sudah ditutup.",
        "Month {month} (or a later one) is already closed.",
    ),
    # ---- members' money (simpanan, bills) ----
    "wajib_schedule_invalid": (
        'Jadwal simpanan wajib tidak sah ({value}): tulis {{"TTTT-BB": jumlah}}.',
        'The wajib schedule is not valid ({value}): write {{"YYYY-MM": amount}}.',
    ),
    "simpanan_method_invalid": (
        "Cara bayar '{method}' tidak dikenal: tunai, QRIS atau transfer.",
        "Unknown payment method '{method}': cash, qris or transfer.",
    ),
    "simpanan_kind_invalid": (
        "Jenis simpanan '{kind}' tidak dikenal: pokok, wajib atau sukarela.",
        "Unknown savings kind '{kind}': pokok, wajib or sukarela.",
    ),
    "simpanan_amount_invalid": (
        "Jumlah {amount} tidak sah: harus lebih dari nol.",
        "The amount {amount} is not valid: it must be more than zero.",
    ),
    "simpanan_amount_required": (
        "Sebutkan jumlahnya (atau, untuk wajib, jumlah bulannya).",
        "Give the amount (or, for wajib, the number of months).",
    ),
    "simpanan_months_invalid": (
        "Jumlah bulan {months} tidak sah.",
        "{months} is not a valid number of months.",
    ),
    "wajib_amount_mismatch": (
        "Jumlah {amount} tidak sama dengan wajib {months} bulan: {due}.",
        "The amount {amount} does not equal {months} months of wajib: {due}.",
    ),
    "wajib_amount_not_whole_months": (
        "Jumlah {amount} tidak pas dengan sejumlah bulan wajib yang belum dibayar (mulai yang terlama).",
        "The amount {amount} does not match a whole number of the oldest unpaid wajib months.",
    ),
    "pokok_already_paid": (
        "Simpanan pokok anggota {number} sudah lunas.",
        "Member {number}'s simpanan pokok is already paid in full.",
    ),
    "pokok_over_remaining": (
        "Jumlah {amount} melebihi sisa simpanan pokok {remaining}.",
        "The amount {amount} is more than the pokok remaining, {remaining}.",
    ),
    "pokok_instalments_exceeded": (
        "Simpanan pokok paling banyak {instalments} kali cicilan: "
        "cicilan ini harus melunasi sisa {remaining}.",
        "Simpanan pokok takes at most {instalments} instalments: "
        "this one must pay the remaining {remaining}.",
    ),
    "approver_same_user": (
        "Persetujuan harus dari manajer lain, bukan {name} sendiri.",
        "The approval must come from another manager, not {name}.",
    ),
    "withdrawal_not_cash_step": (
        "Penarikan {amount} harus kelipatan pembulatan tunai {step}.",
        "A withdrawal of {amount} must be a multiple of the cash step {step}.",
    ),
    "withdrawal_over_balance": (
        "Penarikan {amount} melebihi saldo simpanan sukarela {balance}.",
        "A withdrawal of {amount} is more than the sukarela balance {balance}.",
    ),
    "simpanan_document_not_found": (
        "Dokumen simpanan {document} tidak ditemukan.",
        "Savings document {document} not found.",
    ),
    "simpanan_not_reversible": (
        "Dokumen {document} tidak dapat dikoreksi (sudah dikoreksi, atau koreksi/saldo awal).",
        "Document {document} cannot be reversed (already reversed, or a reversal or opening balance).",
    ),
    "simpanan_reversal_overdraws": (
        "Koreksi {document} membuat saldo minus (saldo sekarang {balance}).",
        "Reversing {document} would make the balance negative (balance now {balance}).",
    ),
    "simpanan_reason_required": ("Tulis alasan koreksi.", "Write the reason for the reversal."),
    "import_bon_not_offered": (
        "Bon belum tersedia di kasir ini: kosongkan kolom bon_rp (atau isi 0).",
        "Member credit (bon) is not offered on this till yet: leave bon_rp empty (or 0).",
    ),
    "cli_user_required": (
        "Sebutkan --user (manajer yang menerapkan).",
        "Give --user (the manager who applies it).",
    ),
    "balances_import_applied_already": (
        "Saldo awal anggota {number} sudah pernah diimpor.",
        "Member {number}'s opening balances were imported already.",
    ),
}


def render(code: str, params: dict[str, Any] | None = None, lang: str = "id") -> str:
    """The message for `code` in `lang` ('id' or 'en'); unknown codes still say something useful."""
    params = params or {}
    if lang == "en":
        # A parameter given in both languages: `reason` in Indonesian, `reason_en` in English.
        params = {**params, **{k[:-3]: v for k, v in params.items() if k.endswith("_en")}}
    pair = MESSAGES.get(code)
    if pair is None:
        return f"{code}: {params}" if params else code
    template = pair[1] if lang == "en" else pair[0]
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return f"{template} ({params})"
