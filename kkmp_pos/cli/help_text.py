"""`kkmp-pos --help` in the UI language: the commands' help texts and argparse's own words in Bahasa
Indonesia (the default), or as written (English) when the shop's language is English.

The commands are written with English help; `INDONESIAN` gives each its Indonesian text (a test checks
that every help text of the parser tree has one). argparse takes its own words ("usage:", "options",
its error messages) through the module's `_` (gettext); the CLI is its own process, so replacing that
function before the parser is built changes nothing else.
"""

from __future__ import annotations

import argparse
import sqlite3
from collections.abc import Callable
from pathlib import Path

from kkmp_pos.config import DB_FILENAME

ARGPARSE_WORDS: dict[str, str] = {
    "usage: ": "cara pakai: ",
    "positional arguments": "argumen",
    "options": "pilihan",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "the following arguments are required: %s": "argumen ini wajib diisi: %s",
    "one of the arguments %s is required": "salah satu argumen %s wajib diisi",
    "expected one argument": "perlu satu nilai",
    "expected at most one argument": "paling banyak satu nilai",
    "expected at least one argument": "perlu paling sedikit satu nilai",
    "ambiguous option: %(option)s could match %(matches)s": "pilihan %(option)s ambigu: bisa %(matches)s",
    "invalid %(type)s value: %(value)r": "nilai %(type)s tidak sah: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "pilihan %(value)r tidak ada (pilih: %(choices)s)",
    "%(prog)s: error: %(message)s\n": "%(prog)s: kesalahan: %(message)s\n",
    "ignored explicit argument %r": "nilai %r diabaikan",
    "can't open '%(filename)s': %(error)s": "tidak dapat membuka '%(filename)s': %(error)s",
}

INDONESIAN: dict[str, str] = {
    "KKMP POS — kasir koperasi": "KKMP POS — kasir koperasi",
    "folder of the till's data (database, logs)": "folder data kasir (database, log)",
    "use the ready demo shop (created on first use; never touches a real shop)": (
        "pakai toko demo (dibuat saat pertama dipakai; tidak pernah menyentuh toko sungguhan)"
    ),
    "language of messages": "bahasa pesan",
    "more diagnostics on stderr": "lebih banyak keterangan di stderr",
    "open the cashier window (the default)": "buka jendela kasir (bawaan)",
    "render the demo cashier screen (1366×768, three-line cart) to a PNG": (
        "gambar layar kasir demo (1366×768, keranjang tiga baris) ke berkas PNG"
    ),
    "print or show receipts": "cetak atau tampilkan struk",
    "check, back up and restore the database file": "periksa, cadangkan dan pulihkan berkas database",
    "create the demo shop (large, for benchmarks, with --products/--sales)": (
        "buat toko demo (besar, untuk uji kecepatan, dengan --products/--sales)"
    ),
    "open, close or show the drawer's shift (PINs on stdin, one a line)": (
        "buka, tutup atau tampilkan shift laci (PIN lewat stdin, satu per baris)"
    ),
    "erase a member's personal data on request (a manager's PIN on stdin)": (
        "hapus data pribadi anggota atas permintaannya (PIN manajer lewat stdin)"
    ),
    "end-of-day, date-range and member purchase reports (text, JSON or PDF)": (
        "laporan akhir hari, rentang tanggal dan belanja anggota (teks, JSON atau PDF)"
    ),
    "the shop's settings that are entered once (the static QRIS)": (
        "pengaturan toko yang diisi sekali (QRIS statis)"
    ),
    "enrol this till with the cooperative's central server": "daftarkan kasir ini ke server pusat koperasi",
    "push waiting sales to the server and pull catalog changes": (
        "kirim penjualan yang menunggu ke server dan ambil perubahan katalog"
    ),
    "which screen to render": "layar yang digambar",
    "print a receipt (a copy) to a printer": "cetak struk (salinan) ke printer",
    "show a receipt as text": "tampilkan struk sebagai teks",
    "the last sale": "penjualan terakhir",
    "receipt number or 12-digit receipt code": "nomor struk atau kode struk 12 angka",
    "printer URI (default: the shop's printer setting)": "alamat printer (bawaan: pengaturan printer toko)",
    "full integrity check of the database file": "pemeriksaan lengkap keutuhan berkas database",
    "online backup to PATH (safe while the till runs)": "cadangan ke PATH (aman selagi kasir berjalan)",
    "put a checked backup in place (the replaced file is kept)": (
        "pasang cadangan yang sudah diperiksa (berkas yang diganti disimpan)"
    ),
    "the backup (with --check-only: a sealed copy; with --from-offsite: a sealed copy or the removable "
    "drive's folder)": (
        "berkas cadangan (dengan --check-only: salinan tersegel; dengan --from-offsite: salinan "
        "tersegel atau folder di diska lepas)"
    ),
    "restore from an off-machine copy: the newest on the drive (or PATH, or --server), opened with the "
    "passphrase read from stdin, checked, then put in place": (
        "pulihkan dari salinan di luar komputer: yang terbaru di diska (atau PATH, atau --server), "
        "dibuka dengan kata sandi dari stdin, diperiksa, lalu dipasang"
    ),
    "with --from-offsite: this terminal's newest copy there": (
        "dengan --from-offsite: salinan terbaru terminal ini di sana"
    ),
    "restore drill: open the newest off-machine copy into a temporary file and check it (the live file "
    "is not touched; safe while the till runs)": (
        "latihan pemulihan: buka salinan terbaru ke berkas sementara dan periksa (berkas aktif tidak "
        "disentuh; aman selagi kasir berjalan)"
    ),
    "create the demo shop in --data-dir (an empty folder)": "buat toko demo di --data-dir (folder kosong)",
    "generated products on top of the demo catalog": "barang buatan di atas katalog demo",
    "past sales (default with --days: 548 a day)": "penjualan lampau (bawaan dengan --days: 548 sehari)",
    "days of past sales (default 100; 1095 = three years)": (
        "jumlah hari penjualan lampau (bawaan 100; 1095 = tiga tahun)"
    ),
    "random seed (same seed, same shop)": "benih acak (benih sama, toko sama)",
    "open a shift with the counted opening float": "buka shift dengan modal awal yang dihitung",
    "count the drawer and close the open shift": "hitung laci lalu tutup shift yang terbuka",
    "say whether a shift is open, and whose": "katakan apakah ada shift terbuka, dan milik siapa",
    "opening float, e.g. 300000": "modal awal, mis. 300000",
    "the cashier's name (PIN on stdin)": "nama kasir (PIN lewat stdin)",
    "the cash counted in the drawer, e.g. 845500": "uang tunai yang dihitung di laci, mis. 845500",
    "who counts (PIN on the first stdin line)": "yang menghitung (PIN di baris pertama stdin)",
    "a manager, when the difference is over the limit (PIN on the second line)": (
        "manajer, bila selisih melewati batas (PIN di baris kedua)"
    ),
    "as JSON": "sebagai JSON",
    "name, NIK, KK, phone and address erased; figures stay": (
        "nama, NIK, KK, telepon dan alamat dihapus; angka tetap"
    ),
    "member number (A-000123), card code or id": "nomor anggota (A-000123), kode kartu atau id",
    "the manager's name (PIN on stdin)": "nama manajer (PIN lewat stdin)",
    "end of day for one business date": "akhir hari untuk satu tanggal usaha",
    "a date range (e.g. a month)": "rentang tanggal (mis. sebulan)",
    "net purchases per member (basis of SHU)": "belanja bersih per anggota (dasar SHU)",
    "LPG 3 kg logbook: every subsidised sale with the buyer's NIK": (
        "logbook LPG 3 kg: setiap penjualan bersubsidi dengan NIK pembeli"
    ),
    "business date YYYY-MM-DD (default: today in the shop's time zone)": (
        "tanggal usaha TTTT-BB-HH (bawaan: hari ini di zona waktu toko)"
    ),
    "also write the report as a PDF file": "tulis juga laporannya sebagai berkas PDF",
    "print a JSON object instead of text": "cetak objek JSON, bukan teks",
    "first business date YYYY-MM-DD": "tanggal usaha pertama TTTT-BB-HH",
    "last business date YYYY-MM-DD": "tanggal usaha terakhir TTTT-BB-HH",
    "also write the logbook as a CSV file": "tulis juga logbook sebagai berkas CSV",
    "full NIKs instead of masked ones (personal data, UU 27/2022: for the Pertamina export only; audited)": (
        "NIK lengkap, bukan yang disamarkan (data pribadi, UU 27/2022: hanya untuk ekspor Pertamina; "
        "dicatat di audit)"
    ),
    "enter, check or show the shop's static QRIS code": "isi, periksa atau tampilkan kode QRIS statis toko",
    "a photo or image file of the QRIS sticker": "foto atau berkas gambar stiker QRIS",
    "the code's text (as the 2D scanner types it)": "teks kodenya (seperti diketik pemindai 2D)",
    "show the saved code's merchant details": "tampilkan data merchant dari kode yang tersimpan",
    "a manager's name, to save (the PIN is asked for or read from stdin)": (
        "nama manajer, untuk menyimpan (PIN ditanyakan atau dibaca dari stdin)"
    ),
    "only read and check the code; save nothing": "hanya baca dan periksa kodenya; tidak menyimpan",
    "e.g. https://pos.koperasi.example": "mis. https://pos.koperasi.example",
    "the one-time enrolment code from `kkmp-pos-server admin`": (
        "kode pendaftaran sekali pakai dari `kkmp-pos-server admin`"
    ),
    "send this shop's products and members to the server (a shop that ran stand-alone)": (
        "kirim barang dan anggota toko ini ke server (toko yang tadinya berdiri sendiri)"
    ),
    "allow http:// to a server outside this machine and the private network (unsafe: sales and the "
    "token cross the internet unencrypted)": (
        "izinkan http:// ke server di luar komputer ini dan jaringan lokal (tidak aman: penjualan dan "
        "token melintasi internet tanpa enkripsi)"
    ),
    "trust only this certificate (a server with a self-signed certificate)": (
        "percayai hanya sertifikat ini (server dengan sertifikat buatan sendiri)"
    ),
    "a manager's name; the PIN is asked for (or read from KKMP_POS_PIN)": (
        "nama manajer; PIN ditanyakan (atau dibaca dari KKMP_POS_PIN)"
    ),
    "upload-catalog: queue this shop's products and members for the server, then sync once; worker: "
    "the app's background sync process (it talks to the app over stdin/stdout)": (
        "upload-catalog: antrekan barang dan anggota toko ini untuk server, lalu sinkron sekali; "
        "worker: proses sinkron latar aplikasi (berbicara dengan aplikasi lewat stdin/stdout)"
    ),
    "one push and pull, then exit": "sekali kirim dan ambil, lalu keluar",
    "only say what is waiting": "hanya katakan apa yang menunggu",
    "upload-catalog: a manager's name (the PIN is asked for)": (
        "upload-catalog: nama manajer (PIN ditanyakan)"
    ),
    "print the demo's barcodes, member cards and PINs as a PDF for training": (
        "cetak barcode, kartu anggota dan PIN toko demo sebagai PDF untuk pelatihan"
    ),
    "the PDF to write (default: kkmp-demo-sheet.pdf in the current folder)": (
        "berkas PDF yang ditulis (bawaan: kkmp-demo-sheet.pdf di folder ini)"
    ),
    "the shop's settings that are entered once (the static QRIS, the QRIS acquirer)": (
        "pengaturan toko yang diisi sekali (QRIS statis, acquirer QRIS)"
    ),
    "every screen and dialog, with DIR/manifest.json": "semua layar dan dialog, dengan DIR/manifest.json",
    "the screen --all judges against (WxH)": "ukuran layar untuk penilaian --all (LxT)",
    "the QRIS acquirer's SNAP API (payments confirm themselves); secrets never printed": (
        "API SNAP acquirer QRIS (pembayaran terkonfirmasi sendiri); rahasia tidak pernah dicetak"
    ),
    "show the saved settings (secrets as set or not)": (
        "tampilkan pengaturan tersimpan (rahasia hanya: sudah diisi atau belum)"
    ),
    "no acquirer: static QRIS and manual confirmation": "tanpa acquirer: QRIS statis dan konfirmasi manual",
    "the settings as JSON (what kkmp-pos-snap-sim prints at start)": (
        "pengaturan sebagai JSON (yang dicetak kkmp-pos-snap-sim saat mulai)"
    ),
    "the acquirer's SNAP base URL, e.g. https://sandbox.bank.co.id": (
        "URL dasar SNAP acquirer, mis. https://sandbox.bank.co.id"
    ),
    "X-CLIENT-KEY / X-PARTNER-ID given by the acquirer": "X-CLIENT-KEY / X-PARTNER-ID dari acquirer",
    "a file holding the client secret": "berkas berisi client secret",
    "the till's RSA private key (signs tokens)": "kunci privat RSA kasir ini (menandatangani token)",
    "the acquirer's RSA public key": "kunci publik RSA acquirer",
    "a manager's name (the PIN is asked for or read from stdin)": (
        "nama manajer (PIN ditanyakan atau dibaca dari stdin)"
    ),
    # books
    "the cooperative's books: trial balance, PHU, neraca, ledger, chart of accounts": (
        "pembukuan koperasi: neraca saldo, PHU, neraca, buku besar, bagan akun"
    ),
    "trial balance: balances at --to, or a period's movements": (
        "neraca saldo: saldo per --to, atau mutasi satu periode"
    ),
    "the year's income statement per business unit, member and non-member": (
        "perhitungan hasil usaha setahun per unit usaha, anggota dan non-anggota"
    ),
    "the balance sheet at a date": "neraca per tanggal",
    "one account's postings in a period (general ledger)": "mutasi satu akun dalam satu periode (buku besar)",
    "the drawer cash account's postings in a period": "buku kas: mutasi akun kas laci dalam satu periode",
    "list the chart of accounts, or add an account": "daftar bagan akun, atau tambah akun",
    "first date YYYY-MM-DD (then the period's movements)": "tanggal awal TTTT-BB-HH (lalu mutasi periodenya)",
    "last date YYYY-MM-DD": "tanggal akhir TTTT-BB-HH",
    "first date YYYY-MM-DD": "tanggal awal TTTT-BB-HH",
    "book year, e.g. 2026": "tahun buku, mis. 2026",
    "date YYYY-MM-DD": "tanggal TTTT-BB-HH",
    "account code, e.g. 111000": "kode akun, mis. 111000",
    "add an account (its type follows the code's first digit)": (
        "tambah akun (jenisnya menurut angka pertama kodenya)"
    ),
    "six digits, e.g. 611100": "enam angka, mis. 611100",
    "the account's name": "nama akun",
    "business unit the account belongs to, if any": "unit usaha akun ini, bila ada",
    "print a JSON list instead of text": "cetak daftar JSON, bukan teks",
    "post the journals of documents made before the books (once, after an upgrade)": (
        "buat jurnal dokumen yang dibuat sebelum ada pembukuan (sekali, sesudah pembaruan)"
    ),
    # members' money
    "members' savings: pay in, withdraw, monthly wajib bills (PINs on stdin)": (
        "simpanan anggota: setor, tarik, tagihan wajib bulanan (PIN lewat stdin)"
    ),
    "members' money as known to this till: one member, the capital board, opening balances": (
        "uang anggota menurut kasir ini: satu anggota, papan modal, saldo awal"
    ),
    "take simpanan pokok, wajib or sukarela from a member": "terima simpanan pokok, wajib atau sukarela",
    "pay sukarela out in cash, approved by a manager": "bayarkan simpanan sukarela tunai, disetujui manajer",
    "make a month's wajib bills (once), then list them": (
        "buat tagihan wajib sebulan (sekali), lalu tampilkan"
    ),
    "which simpanan": "simpanan apa",
    "amount in rupiah, e.g. 20000": "jumlah rupiah, mis. 20000",
    "wajib: pay this many of the oldest unpaid months": (
        "wajib: bayar sekian bulan terlama yang belum dibayar"
    ),
    "how it is paid": "cara bayar",
    "QRIS or transfer reference": "referensi QRIS atau transfer",
    "print the new document as JSON": "tampilkan dokumen baru sebagai JSON",
    "amount in rupiah, e.g. 50000": "jumlah rupiah, mis. 50000",
    "the cashier's name (PIN on the first stdin line)": "nama kasir (PIN di baris pertama stdin)",
    "another manager (PIN on the second stdin line)": "manajer lain (PIN di baris kedua stdin)",
    "the month, YYYY-MM": "bulannya, TTTT-BB",
    "a member's status, simpanan, arrears and purchases": "status, simpanan, tunggakan dan belanja anggota",
    "members, capital, arrears and bon of the cooperative": "anggota, modal, tunggakan dan bon koperasi",
    "members' opening balances at the cut-over (CSV/XLSX)": "saldo awal anggota saat peralihan (CSV/XLSX)",
    "a .csv or .xlsx file": "berkas .csv atau .xlsx",
    "apply it (without: only a preview)": "terapkan (tanpa ini: hanya pratinjau)",
    "a manager's name, to apply (PIN on stdin)": "nama manajer, untuk menerapkan (PIN lewat stdin)",
}


def shop_language(data_dir: Path | None) -> str | None:
    """The shop's UI language from its database, read-only, or None (no shop yet, unreadable)."""
    if data_dir is None:
        return None
    path = Path(data_dir) / DB_FILENAME
    if not path.is_file():
        return None
    try:
        con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=1)
        try:
            row = con.execute("SELECT value FROM setting WHERE key = 'language'").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return None
    value = str(row[0]).strip('"') if row else ""
    return value if value in ("id", "en") else None


def use_language(lang: str) -> None:
    """argparse's own words in `lang` (call before the parser is built)."""
    words: Callable[[str], str] = (lambda text: ARGPARSE_WORDS.get(text, text)) if lang == "id" else str
    argparse._ = words  # type: ignore[attr-defined]


def translate_parser(parser: argparse.ArgumentParser, lang: str) -> None:
    """Every help text and description of the parser tree in `lang` (the texts are written in English)."""
    if lang != "id":
        return
    if parser.description:
        parser.description = INDONESIAN.get(parser.description, parser.description)
    for action in parser._actions:
        if action.help and action.help != argparse.SUPPRESS:
            action.help = INDONESIAN.get(action.help, action.help)
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                if choice.help:
                    choice.help = INDONESIAN.get(choice.help, choice.help)
            for child in action.choices.values():
                translate_parser(child, lang)


def help_texts(parser: argparse.ArgumentParser) -> list[str]:
    """Every help text and description of a parser tree (for the test that each has its Indonesian)."""
    found = [parser.description] if parser.description else []
    for action in parser._actions:
        if action.help and action.help != argparse.SUPPRESS and not isinstance(action, argparse._HelpAction):
            found.append(action.help)
        if isinstance(action, argparse._SubParsersAction):
            found.extend(choice.help for choice in action._choices_actions if choice.help)
            for child in action.choices.values():
                found.extend(help_texts(child))
    return found
