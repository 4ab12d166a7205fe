<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../../kkmp_pos/gui/main_menu.py" line="39"/>
        <source>Hanya manajer</source>
        <translation>Managers only</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/main_menu.py" line="42"/>
        <source>Shift &amp;&amp; kas</source>
        <translation>Shift &amp;&amp; cash</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/main_menu.py" line="43"/>
        <source>Buka shift</source>
        <translation>Open shift</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/main_menu.py" line="44"/>
        <source>Kas masuk / keluar</source>
        <translation>Cash in / out</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/main_menu.py" line="45"/>
        <source>Tutup shift (hitung kas)</source>
        <translation>Close shift (count cash)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/main_menu.py" line="46"/>
        <source>Laporan</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/main_menu.py" line="47"/>
        <source>Laporan X (tengah shift)</source>
        <translation>X report (mid-shift)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/main_menu.py" line="48"/>
        <source>Laporan akhir hari</source>
        <translation>End-of-day report</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/main_menu.py" line="49"/>
        <source>Laporan periode</source>
        <translation>Period report</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/main_menu.py" line="52"/>
        <source>Belanja anggota (SHU)</source>
        <translation>Member spending (SHU)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/main_menu.py" line="56"/>
        <source>Stok &amp;&amp; barang</source>
        <translation>Stock &amp;&amp; products</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/main_menu.py" line="57"/>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/main_menu.py" line="58"/>
        <source>Pengaturan toko…</source>
        <translation>Shop settings…</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/main_menu.py" line="61"/>
        <source>Printer &amp;&amp; antrean cetak</source>
        <translation>Printer &amp;&amp; print queue</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/main_menu.py" line="65"/>
        <source>Pengguna</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/main_menu.py" line="66"/>
        <source>Log audit</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/main_menu.py" line="67"/>
        <source>Jam &amp;&amp; cadangan</source>
        <translation>Clock &amp;&amp; backups</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/main_menu.py" line="68"/>
        <source>QRIS toko</source>
        <translation>Shop QRIS</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/main_menu.py" line="73"/>
        <source>Sinkronisasi server</source>
        <translation>Server sync</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/main_menu.py" line="77"/>
        <source>Masalah sinkronisasi</source>
        <translation>Sync problems</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setting_editors.py" line="25"/>
        <source>Baris atas struk (satu baris per baris)</source>
        <translation>Receipt header (one line per line)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setting_editors.py" line="26"/>
        <source>Baris bawah struk</source>
        <translation>Receipt footer</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setting_editors.py" line="27"/>
        <source>Pembulatan tunai</source>
        <translation>Cash rounding</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setting_editors.py" line="28"/>
        <source>Tombol uang pas (rupiah, pisahkan dengan koma)</source>
        <translation>Quick-cash buttons (rupiah, comma-separated)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setting_editors.py" line="29"/>
        <source>Tarif PPN efektif (%) untuk toko PKP</source>
        <translation>Effective VAT rate (%) for a VAT-registered shop</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setting_editors.py" line="30"/>
        <source>Diskon kasir tanpa persetujuan, paling besar (%)</source>
        <translation>Largest cashier discount without approval (%)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setting_editors.py" line="31"/>
        <source>Diskon kasir tanpa persetujuan, paling besar (Rp)</source>
        <translation>Largest cashier discount without approval (Rp)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setting_editors.py" line="32"/>
        <source>Hapus baris/keranjang di atas (Rp) perlu PIN manajer (0 = tidak)</source>
        <translation>Voiding lines/carts above (Rp) needs a manager&apos;s PIN (0 = never)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setting_editors.py" line="33"/>
        <source>Simpanan pokok anggota baru (Rp)</source>
        <translation>New member&apos;s simpanan pokok (Rp)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setting_editors.py" line="34"/>
        <source>Simpanan pokok boleh dicicil paling banyak (kali)</source>
        <translation>Simpanan pokok may be paid in at most (instalments)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setting_editors.py" line="35"/>
        <source>Simpanan wajib per bulan, mulai bulan (JSON: {&quot;2025-01&quot;: 10000})</source>
        <translation>Simpanan wajib per month, from the month (JSON: {&quot;2025-01&quot;: 10000})</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setting_editors.py" line="36"/>
        <source>Tidak aktif setelah tunggakan wajib (bulan, 0 = tidak pernah)</source>
        <translation>Inactive after unpaid wajib (months, 0 = never)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setting_editors.py" line="37"/>
        <source>Peringatan kedaluwarsa (hari sebelumnya)</source>
        <translation>Expiry warning (days before)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setting_editors.py" line="38"/>
        <source>PIN salah sebelum pengguna dikunci</source>
        <translation>Wrong PINs before a user is locked</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setting_editors.py" line="39"/>
        <source>Lama kunci (menit)</source>
        <translation>Lock time (minutes)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setting_editors.py" line="40"/>
        <source>Jumlah barang terlaris di laporan</source>
        <translation>Top products shown in reports</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setting_editors.py" line="41"/>
        <source>Format barcode timbangan (JSON)</source>
        <translation>Scale barcode layout (JSON)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setting_editors.py" line="42"/>
        <source>Selisih kas di atas (Rp) perlu manajer</source>
        <translation>Cash differences above (Rp) need a manager</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setting_editors.py" line="43"/>
        <source>QRIS dan transfer juga perlu shift terbuka</source>
        <translation>QRIS and transfer also need an open shift</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setting_editors.py" line="44"/>
        <source>Simpan antrean sinkron dan cetak terkirim (hari)</source>
        <translation>Keep sent sync and print jobs (days)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setting_editors.py" line="45"/>
        <source>Simpan NIK lengkap pembeli LPG (hari)</source>
        <translation>Keep LPG buyers&apos; full NIK (days)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setting_editors.py" line="47"/>
        <source>Izinkan http:// tanpa enkripsi ke server di luar jaringan toko (tidak aman)</source>
        <translation>Allow unencrypted http:// to a server outside the shop network (unsafe)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setting_editors.py" line="49"/>
        <source>Berkas sertifikat server (PEM) yang dipercaya</source>
        <translation>Trusted server certificate file (PEM)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setting_editors.py" line="50"/>
        <source>Bahasa tampilan</source>
        <translation>Display language</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setting_editors.py" line="59"/>
        <source>Tanpa pembulatan</source>
        <translation>No rounding</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="25"/>
        <source>Bantuan: tombol di layar ini</source>
        <translation>Help: the keys of this screen</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="26"/>
        <source>Cari</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="27"/>
        <location filename="../../kkmp_pos/gui/keymap.py" line="103"/>
        <source>Daftar struk</source>
        <translation>Receipts list</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="28"/>
        <source>Jumlah atau nominal</source>
        <translation>Quantity or amount</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="29"/>
        <source>Pilihan pertama di layar ini</source>
        <translation>First choice on this screen</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="30"/>
        <source>Pilihan kedua di layar ini</source>
        <translation>Second choice on this screen</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="31"/>
        <source>Pilihan ketiga di layar ini</source>
        <translation>Third choice on this screen</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="32"/>
        <source>Buang yang belum tersimpan (keranjang, QRIS belum dibayar)</source>
        <translation>Drop what is not saved (a cart, an unpaid QRIS)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="33"/>
        <source>Lanjutkan yang menunggu</source>
        <translation>Resume what is waiting</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="34"/>
        <source>Lihat struk</source>
        <translation>Show receipt</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="35"/>
        <location filename="../../kkmp_pos/gui/keymap.py" line="120"/>
        <source>Cetak salinan</source>
        <translation>Print a copy</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="36"/>
        <source>Selesai / bayar</source>
        <translation>Finish / pay</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="37"/>
        <source>Batalkan struk tersimpan (dengan alasan)</source>
        <translation>Cancel a saved receipt (with a reason)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="38"/>
        <source>Hapus baris atau item terpilih</source>
        <translation>Remove the selected line or item</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="39"/>
        <source>Lanjut / simpan</source>
        <translation>Continue / save</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="40"/>
        <source>Kembali / tutup</source>
        <translation>Back / close</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="101"/>
        <source>Daftar tombol ini</source>
        <translation>This list of keys</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="102"/>
        <source>Cari barang</source>
        <translation>Search goods</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="104"/>
        <source>Ubah jumlah baris</source>
        <translation>Change the line&apos;s quantity</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="105"/>
        <source>Tahan keranjang</source>
        <translation>Hold the cart</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="106"/>
        <source>Anggota</source>
        <translation>Member</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="107"/>
        <source>Lepas anggota</source>
        <translation>Remove member</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="108"/>
        <source>Kosongkan keranjang</source>
        <translation>Empty the cart</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="109"/>
        <source>Panggil keranjang ditahan</source>
        <translation>Recall a held cart</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="110"/>
        <source>Struk terakhir</source>
        <translation>Last receipt</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="111"/>
        <source>Cetak ulang struk terakhir</source>
        <translation>Reprint the last receipt</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="112"/>
        <source>Bayar</source>
        <translation>Pay</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="113"/>
        <source>Diskon / ubah harga</source>
        <translation>Discount / change price</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="114"/>
        <source>Retur barang</source>
        <translation>Return goods</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="115"/>
        <source>Daftarkan anggota baru</source>
        <translation>Register a new member</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="116"/>
        <source>Layar pelanggan</source>
        <translation>Customer display</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="117"/>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="118"/>
        <source>Retur dari struk ini</source>
        <translation>Return from this receipt</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="119"/>
        <source>Selesaikan QRIS</source>
        <translation>Finish QRIS</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="121"/>
        <source>Batalkan struk</source>
        <translation>Cancel receipt</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="122"/>
        <source>Uang pas</source>
        <translation>Exact cash</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="123"/>
        <source>QRIS = sisa</source>
        <translation>QRIS = rest</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="124"/>
        <source>Transfer = sisa</source>
        <translation>Transfer = rest</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="125"/>
        <source>Rupiah / persen</source>
        <translation>Rupiah / percent</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="126"/>
        <source>Diskon baris</source>
        <translation>Line discount</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="127"/>
        <source>Diskon total</source>
        <translation>Total discount</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="128"/>
        <source>Ubah harga</source>
        <translation>Change price</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="129"/>
        <source>Semua barang</source>
        <translation>All items</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="130"/>
        <source>Simpan retur</source>
        <translation>Save the return</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="131"/>
        <source>Batalkan QRIS</source>
        <translation>Cancel QRIS</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="132"/>
        <source>Tunai</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="133"/>
        <source>QRIS</source>
        <translation>QRIS</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="134"/>
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="135"/>
        <source>Hapus baris terpilih (kolom pindai kosong)</source>
        <translation>Remove the selected line (scan field empty)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="136"/>
        <source>Bayar (kolom pindai kosong)</source>
        <translation>Pay (scan field empty)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="137"/>
        <source>Barang tombol cepat 1…9</source>
        <translation>Quick-button goods 1…9</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/keymap.py" line="138"/>
        <source>Buang keranjang ditahan</source>
        <translation>Drop the held cart</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setup_wizard_pages.py" line="101"/>
        <source>Admin pertama mengatur toko dan membuat akun kasir dan manajer.</source>
        <translation>The first admin sets up the shop and creates the cashier and manager accounts.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setup_wizard_pages.py" line="111"/>
        <source>Nama admin</source>
        <translation>Admin name</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setup_wizard_pages.py" line="112"/>
        <source>PIN (4–6 angka)</source>
        <translation>PIN (4–6 digits)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setup_wizard_pages.py" line="113"/>
        <source>Ulangi PIN</source>
        <translation>Repeat PIN</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setup_wizard_pages.py" line="117"/>
        <source>Toko ini sudah punya pengguna: langkah ini dilewati.</source>
        <translation>This shop already has users: this step is skipped.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setup_wizard_pages.py" line="136"/>
        <source>Isi nama admin.</source>
        <translation>Enter the admin&apos;s name.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setup_wizard_pages.py" line="139"/>
        <source>Kedua PIN tidak sama.</source>
        <translation>The two PINs differ.</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../kkmp_pos/gui/approval_dialog.py" line="42"/>
        <source>Persetujuan manajer</source>
        <translation>Manager approval</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/approval_dialog.py" line="51"/>
        <source>Perlu persetujuan manajer</source>
        <translation>A manager&apos;s approval is needed</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/approval_dialog.py" line="62"/>
        <source>Siapa yang menyetujui?</source>
        <translation>Who approves?</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/approval_dialog.py" line="81"/>
        <source>Tidak ada manajer terdaftar di kasir ini.</source>
        <translation>No manager is registered on this till.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/approval_dialog.py" line="84"/>
        <source>↑/↓ ganti nama</source>
        <translation>↑/↓ change name</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/approval_dialog.py" line="94"/>
        <source>Pilih nama</source>
        <translation>Choose a name</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/approval_dialog.py" line="97"/>
        <source>PIN (4–6 angka)</source>
        <translation>PIN (4–6 digits)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/approval_dialog.py" line="109"/>
        <source>Setujui [Enter]</source>
        <translation>Approve [Enter]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/approval_dialog.py" line="116"/>
        <source>Batal [Esc]</source>
        <translation>Cancel [Esc]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/approval_dialog.py" line="138"/>
        <source>Kasir</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/approval_dialog.py" line="138"/>
        <source>Manajer</source>
        <translation>Manager</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/approval_dialog.py" line="138"/>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/approval_dialog.py" line="158"/>
        <source>Pilih dulu nama yang menyetujui.</source>
        <translation>First choose who approves.</translation>
    </message>
</context>
<context>
    <name>AuditScreen</name>
    <message>
        <location filename="../../kkmp_pos/gui/reports/audit_screen.py" line="37"/>
        <source>Log audit</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/reports/audit_screen.py" line="46"/>
        <source>Tampilkan</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/reports/audit_screen.py" line="47"/>
        <location filename="../../kkmp_pos/gui/reports/audit_screen.py" line="100"/>
        <source>Simpan PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/reports/audit_screen.py" line="55"/>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/reports/audit_screen.py" line="56"/>
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/reports/audit_screen.py" line="57"/>
        <source>Tindakan</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/reports/audit_screen.py" line="58"/>
        <source>Disetujui</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/reports/audit_screen.py" line="59"/>
        <source>Rincian</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/reports/audit_screen.py" line="69"/>
        <source>(semua)</source>
        <translation>(all)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/reports/audit_screen.py" line="97"/>
        <source>{0} baris</source>
        <translation>{0} rows</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/reports/audit_screen.py" line="109"/>
        <source>PDF disimpan: {0}</source>
        <translation>PDF saved: {0}</translation>
    </message>
</context>
<context>
    <name>BuyerNikDialog</name>
    <message>
        <location filename="../../kkmp_pos/gui/selling/buyer_nik_dialog.py" line="25"/>
        <source>NIK pembeli</source>
        <translation>Buyer&apos;s NIK</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/buyer_nik_dialog.py" line="28"/>
        <source>NIK pembeli wajib dicatat</source>
        <translation>The buyer&apos;s NIK must be recorded</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/buyer_nik_dialog.py" line="32"/>
        <source>{products}: ketik atau pindai NIK dari KTP pembeli (16 angka).</source>
        <translation>{products}: type or scan the NIK from the buyer&apos;s KTP (16 digits).</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/buyer_nik_dialog.py" line="55"/>
        <source>Lanjut bayar [Enter]</source>
        <translation>Go on to payment [Enter]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/buyer_nik_dialog.py" line="58"/>
        <source>NIK adalah data pribadi: struk dan layar hanya menampilkan sebagian.</source>
        <translation>The NIK is personal data: receipts and screens show only part of it.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/buyer_nik_dialog.py" line="62"/>
        <source>Kembali ke keranjang [Esc]</source>
        <translation>Back to the cart [Esc]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/buyer_nik_dialog.py" line="77"/>
        <source>{count} dari {total} angka</source>
        <translation>{count} of {total} digits</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/buyer_nik_dialog.py" line="81"/>
        <source>NIK {nik} sah</source>
        <translation>NIK {nik} is valid</translation>
    </message>
</context>
<context>
    <name>CartModel</name>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cart_model.py" line="36"/>
        <source>Barang</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cart_model.py" line="37"/>
        <source>Jumlah</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cart_model.py" line="38"/>
        <source>Harga</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cart_model.py" line="39"/>
        <source>Hemat</source>
        <translation>Saving</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cart_model.py" line="40"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cart_model.py" line="42"/>
        <source>Harga anggota (normal {price})</source>
        <translation>Member price (normal {price})</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cart_model.py" line="43"/>
        <source>Harga diubah manual (disetujui manajer)</source>
        <translation>Price changed by hand (manager approved)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cart_model.py" line="44"/>
        <source>diskon {amount}</source>
        <translation>discount {amount}</translation>
    </message>
</context>
<context>
    <name>CashMoveDialog</name>
    <message>
        <location filename="../../kkmp_pos/gui/shifts/cash_move_dialog.py" line="27"/>
        <source>Kas masuk / keluar</source>
        <translation>Cash in / out</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/shifts/cash_move_dialog.py" line="30"/>
        <source>Kas keluar</source>
        <translation>Cash out</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/shifts/cash_move_dialog.py" line="31"/>
        <source>Kas masuk</source>
        <translation>Cash in</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/shifts/cash_move_dialog.py" line="35"/>
        <source>mis. beli kantong plastik</source>
        <translation>e.g. bought plastic bags</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/shifts/cash_move_dialog.py" line="37"/>
        <source>Simpan [Enter]</source>
        <translation>Save [Enter]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/shifts/cash_move_dialog.py" line="40"/>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/shifts/cash_move_dialog.py" line="41"/>
        <source>Jumlah</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/shifts/cash_move_dialog.py" line="42"/>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>CashierScreen</name>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_layout.py" line="76"/>
        <source>Keluar</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_layout.py" line="73"/>
        <source>Layar pelanggan</source>
        <translation>Customer display</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_layout.py" line="79"/>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_layout.py" line="124"/>
        <source>Cari</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_layout.py" line="127"/>
        <source>Jumlah</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_layout.py" line="130"/>
        <source>Hapus baris</source>
        <translation>Remove line</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_layout.py" line="133"/>
        <source>Kosongkan</source>
        <translation>Clear cart</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_layout.py" line="136"/>
        <source>Diskon/harga</source>
        <translation>Discount/price</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_layout.py" line="139"/>
        <source>Tahan</source>
        <translation>Hold</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_layout.py" line="142"/>
        <source>Panggil</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_layout.py" line="145"/>
        <source>Struk</source>
        <translation>Receipts</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_layout.py" line="148"/>
        <source>Retur</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_layout.py" line="179"/>
        <source>BAYAR</source>
        <translation>PAY</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_screen.py" line="190"/>
        <source>Selesaikan, tahan atau kosongkan keranjang sebelum keluar.</source>
        <translation>Finish, hold or clear the cart before logging out.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_screen.py" line="248"/>
        <source>{name}: {qty} × {price} = {total}</source>
        <translation>{name}: {qty} × {price} = {total}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_screen.py" line="317"/>
        <source>Baris dihapus: {name}</source>
        <translation>Line removed: {name}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_screen.py" line="325"/>
        <source>Keranjang dikosongkan.</source>
        <translation>Cart cleared.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_screen.py" line="344"/>
        <source>Anggota {name} ({number}): harga anggota berlaku.</source>
        <translation>Member {name} ({number}): member prices apply.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_screen.py" line="350"/>
        <source>Anggota {number} tidak aktif: harga biasa.</source>
        <translation>Member {number} is not active: regular prices.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_screen.py" line="359"/>
        <source>Anggota dilepas: harga biasa.</source>
        <translation>Member removed: regular prices.</translation>
    </message>
</context>
<context>
    <name>CashierTools</name>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_tools.py" line="91"/>
        <source>Keranjang ditahan: {label}. Panggil lagi dengan F9.</source>
        <translation>Cart held: {label}. Recall it with F9.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_tools.py" line="102"/>
        <source>Tahan (F5) atau selesaikan keranjang ini dulu, lalu panggil yang lain.</source>
        <translation>Hold (F5) or finish this cart first, then recall another.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_tools.py" line="115"/>
        <source>Sebagian keranjang tidak bisa dipanggil: {list}</source>
        <translation>Part of the cart could not be recalled: {list}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_tools.py" line="122"/>
        <source>Keranjang dipanggil: {n} baris, {total}.</source>
        <translation>Cart recalled: {n} lines, {total}.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_tools.py" line="145"/>
        <source>Diskon diterapkan. Total {total}.</source>
        <translation>Discount applied. Total {total}.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_tools.py" line="164"/>
        <source>Retur [Ctrl+R]</source>
        <translation>Return [Ctrl+R]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_tools.py" line="166"/>
        <source>Struk</source>
        <translation>Receipts</translation>
    </message>
</context>
<context>
    <name>CheckoutFlow</name>
    <message>
        <location filename="../../kkmp_pos/gui/selling/checkout_flow.py" line="68"/>
        <source>Belum ada shift: pembayaran tidak dicatat, keranjang tetap utuh.</source>
        <translation>No shift open: the payment was not recorded; the cart is kept.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/checkout_flow.py" line="72"/>
        <source>Buka shift dulu: hitung modal awal di laci.</source>
        <translation>Open a shift first: count the opening float in the drawer.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/checkout_flow.py" line="77"/>
        <source>Shift dibuka. Lanjutkan pembayaran.</source>
        <translation>Shift opened. Carry on with the payment.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/checkout_flow.py" line="152"/>
        <source>Tersimpan {number}, menunggu pembayaran QRIS.</source>
        <translation>Saved {number}, waiting for the QRIS payment.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/checkout_flow.py" line="157"/>
        <source>Tersimpan {number}. Kembali {change}.</source>
        <translation>Saved {number}. Change {change}.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/checkout_flow.py" line="186"/>
        <source>QRIS diterima. {number} lunas. Kembali {change}.</source>
        <translation>QRIS received. {number} paid. Change {change}.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/checkout_flow.py" line="193"/>
        <source>QRIS dibatalkan: {number} batal, stok dikembalikan.</source>
        <translation>QRIS cancelled: {number} cancelled, stock put back.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/checkout_flow.py" line="198"/>
        <source>Pembayaran dibatalkan</source>
        <translation>Payment cancelled</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/checkout_flow.py" line="201"/>
        <source>{number} menunggu pembayaran QRIS: selesaikan dari daftar struk (F3).</source>
        <translation>{number} is waiting for the QRIS payment: finish it from the receipts list (F3).</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/checkout_flow.py" line="206"/>
        <source>Menunggu pembayaran QRIS</source>
        <translation>Waiting for the QRIS payment</translation>
    </message>
</context>
<context>
    <name>CloseShiftDialog</name>
    <message>
        <location filename="../../kkmp_pos/gui/shifts/shift_dialog.py" line="126"/>
        <location filename="../../kkmp_pos/gui/shifts/shift_dialog.py" line="162"/>
        <source>Tutup shift</source>
        <translation>Close shift</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/shifts/shift_dialog.py" line="130"/>
        <source>Hitung semua uang di laci per pecahan. Jumlah seharusnya baru tampil setelah dikirim.</source>
        <translation>Count all the money in the drawer by denomination. The expected amount is shown only after you submit.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/shifts/shift_dialog.py" line="136"/>
        <source>Kirim hasil hitung</source>
        <translation>Submit count</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/shifts/shift_dialog.py" line="153"/>
        <source>Manajer</source>
        <translation>Manager</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/shifts/shift_dialog.py" line="154"/>
        <source>PIN manajer</source>
        <translation>Manager PIN</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/shifts/shift_dialog.py" line="159"/>
        <source>kosong = semua tetap di laci</source>
        <translation>empty = leave everything in the drawer</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/shifts/shift_dialog.py" line="160"/>
        <source>Ditinggal di laci (modal berikutnya)</source>
        <translation>Left in drawer (next float)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/shifts/shift_dialog.py" line="204"/>
        <source>lebih</source>
        <translation>over</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/shifts/shift_dialog.py" line="204"/>
        <source>kurang</source>
        <translation>short</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/shifts/shift_dialog.py" line="204"/>
        <source>pas</source>
        <translation>exact</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/shifts/shift_dialog.py" line="205"/>
        <source>Dihitung {0}. Seharusnya {1}. Selisih {2} ({3}).</source>
        <translation>Counted {0}. Expected {1}. Difference {2} ({3}).</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/shifts/shift_dialog.py" line="209"/>
        <source>Selisih melebihi batas {0}: perlu persetujuan manajer.</source>
        <translation>Difference is over the {0} limit: needs manager approval.</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <location filename="../../kkmp_pos/gui/selling/customer_display.py" line="60"/>
        <source>Layar pelanggan — {store}</source>
        <translation>Customer display — {store}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/customer_display.py" line="95"/>
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/customer_display.py" line="106"/>
        <source>Pindai kode QRIS di layar ini untuk membayar.</source>
        <translation>Scan the QRIS code on this screen to pay.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/customer_display.py" line="111"/>
        <location filename="../../kkmp_pos/gui/selling/customer_display.py" line="148"/>
        <source>Terima kasih!</source>
        <translation>Thank you!</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/customer_display.py" line="123"/>
        <source>Anggota: {name}</source>
        <translation>Member: {name}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/customer_display.py" line="126"/>
        <source>Anda hemat {amount}</source>
        <translation>You save {amount}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/customer_display.py" line="131"/>
        <source>Jadi anggota koperasi, hemat {amount} untuk belanja ini. Tanya kasir!</source>
        <translation>Join the cooperative and save {amount} on this purchase. Ask the cashier!</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/customer_display.py" line="150"/>
        <source>Kembali {amount}</source>
        <translation>Change {amount}</translation>
    </message>
</context>
<context>
    <name>DenominationCount</name>
    <message>
        <location filename="../../kkmp_pos/gui/shifts/shift_dialog.py" line="76"/>
        <source>Jumlah dihitung: {0}</source>
        <translation>Counted total: {0}</translation>
    </message>
</context>
<context>
    <name>DiscountDialog</name>
    <message>
        <location filename="../../kkmp_pos/gui/selling/discount_dialog.py" line="47"/>
        <source>Diskon / ubah harga</source>
        <translation>Discount / change price</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/discount_dialog.py" line="56"/>
        <source>Baris: {name} ({total})</source>
        <translation>Line: {name} ({total})</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/discount_dialog.py" line="63"/>
        <source>Total belanja: {total}</source>
        <translation>Purchase total: {total}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/discount_dialog.py" line="72"/>
        <source>Diskon baris [F5]</source>
        <translation>Line discount [F5]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/discount_dialog.py" line="73"/>
        <source>Diskon total [F6]</source>
        <translation>Total discount [F6]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/discount_dialog.py" line="74"/>
        <source>Ubah harga [F7]</source>
        <translation>Change price [F7]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/discount_dialog.py" line="90"/>
        <source>Rupiah [F4]</source>
        <translation>Rupiah [F4]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/discount_dialog.py" line="91"/>
        <source>Persen % [F4]</source>
        <translation>Percent % [F4]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/discount_dialog.py" line="110"/>
        <source>Terapkan [Enter]</source>
        <translation>Apply [Enter]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/discount_dialog.py" line="110"/>
        <source>Batal [Esc]</source>
        <translation>Cancel [Esc]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/discount_dialog.py" line="132"/>
        <source>Harga satuan baru (Rp)</source>
        <translation>New unit price (Rp)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/discount_dialog.py" line="132"/>
        <source>Besar diskon (Rp atau %)</source>
        <translation>Discount (Rp or %)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/discount_dialog.py" line="197"/>
        <source>Ubah harga satuan menjadi {value}</source>
        <translation>Change the unit price to {value}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/discount_dialog.py" line="198"/>
        <source>Diskon baris {value} (di atas batas kasir)</source>
        <translation>Line discount {value} (above the cashier&apos;s limit)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/discount_dialog.py" line="199"/>
        <source>Diskon total {value} (di atas batas kasir)</source>
        <translation>Total discount {value} (above the cashier&apos;s limit)</translation>
    </message>
</context>
<context>
    <name>EraseMember</name>
    <message>
        <location filename="../../kkmp_pos/gui/members/erase_member.py" line="24"/>
        <source>Hapus data pribadi {name} ({number})? Nama, NIK, KK, HP dan alamat dihapus untuk selamanya; transaksi, simpanan dan SHU tetap tercatat tanpa nama.</source>
        <translation>Erase the personal data of {name} ({number})? Name, NIK, KK, phone and address are erased for good; sales, savings and SHU stay recorded without a name.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/members/erase_member.py" line="37"/>
        <source>Data pribadi {number} dihapus; kini tercatat sebagai {name}.</source>
        <translation>Personal data of {number} erased; now recorded as {name}.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../kkmp_pos/gui/i18n.py" line="45"/>
        <source>Terjadi kesalahan tak terduga. Rinciannya ada di berkas log.</source>
        <translation>Something unexpected went wrong. The details are in the log file.</translation>
    </message>
</context>
<context>
    <name>HeldCartsDialog</name>
    <message>
        <location filename="../../kkmp_pos/gui/selling/held_carts_dialog.py" line="38"/>
        <source>Keranjang ditahan</source>
        <translation>Held carts</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/held_carts_dialog.py" line="42"/>
        <source>Pilih keranjang yang ditahan, lalu Enter</source>
        <translation>Pick a held cart, then Enter</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/held_carts_dialog.py" line="54"/>
        <source>Panggil [Enter]</source>
        <translation>Recall [Enter]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/held_carts_dialog.py" line="58"/>
        <source>Buang [Del]</source>
        <translation>Discard [Del]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/held_carts_dialog.py" line="61"/>
        <source>Tutup [Esc]</source>
        <translation>Close [Esc]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/held_carts_dialog.py" line="75"/>
        <source>{label} · {n} baris · {total} · {cashier} {time}</source>
        <translation>{label} · {n} lines · {total} · {cashier} {time}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/held_carts_dialog.py" line="88"/>
        <source>Tidak ada keranjang yang ditahan.</source>
        <translation>No held carts.</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_products_screen.py" line="36"/>
        <source>Pratinjau impor</source>
        <translation>Import preview</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_products_screen.py" line="39"/>
        <source>{new} barang baru, {upd} diubah, {bad} baris bermasalah.</source>
        <translation>{new} new products, {upd} changed, {bad} rows with problems.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_products_screen.py" line="43"/>
        <source>Baris</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_products_screen.py" line="43"/>
        <source>Kolom</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_products_screen.py" line="43"/>
        <source>Masalah</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_products_screen.py" line="48"/>
        <source>Batal [Esc]</source>
        <translation>Cancel [Esc]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_products_screen.py" line="49"/>
        <source>Simpan semua</source>
        <translation>Save all</translation>
    </message>
</context>
<context>
    <name>KeyHelpDialog</name>
    <message>
        <location filename="../../kkmp_pos/gui/key_help_dialog.py" line="23"/>
        <source>Tombol keyboard</source>
        <translation>Keyboard keys</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/key_help_dialog.py" line="25"/>
        <source>Tombol di layar ini</source>
        <translation>Keys on this screen</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/key_help_dialog.py" line="30"/>
        <source>Tombol</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/key_help_dialog.py" line="30"/>
        <source>Di sini</source>
        <translation>Here</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/key_help_dialog.py" line="30"/>
        <source>Di semua layar</source>
        <translation>On every screen</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/key_help_dialog.py" line="40"/>
        <source>Tutup [Esc]</source>
        <translation>Close [Esc]</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../kkmp_pos/gui/labels.py" line="15"/>
        <source>Kasir</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/labels.py" line="16"/>
        <source>Manajer</source>
        <translation>Manager</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/labels.py" line="17"/>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/labels.py" line="20"/>
        <source>Sembako</source>
        <translation>Basic groceries</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/labels.py" line="21"/>
        <source>LPG</source>
        <translation>LPG</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/labels.py" line="22"/>
        <source>Obat</source>
        <translation>Medicines</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/labels.py" line="25"/>
        <source>Bukan obat</source>
        <translation>Not a medicine</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/labels.py" line="26"/>
        <source>Obat bebas</source>
        <translation>OTC medicine</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/labels.py" line="27"/>
        <source>Obat bebas terbatas</source>
        <translation>Limited OTC medicine</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/labels.py" line="28"/>
        <source>Obat keras</source>
        <translation>Prescription medicine</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/labels.py" line="32"/>
        <source>Struk</source>
        <translation>Receipts</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/labels.py" line="33"/>
        <source>Kartu anggota</source>
        <translation>Member card</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/labels.py" line="34"/>
        <source>Laporan</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/labels.py" line="35"/>
        <source>Tes cetak</source>
        <translation>Test print</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/labels.py" line="36"/>
        <source>Buka laci</source>
        <translation>Open drawer</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/labels.py" line="37"/>
        <source>Setoran</source>
        <translation>Deposit</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/labels.py" line="38"/>
        <source>Bukti simpanan</source>
        <translation>Savings slip</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/labels.py" line="39"/>
        <source>Nota retur</source>
        <translation>Return slip</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/labels.py" line="42"/>
        <source>Menunggu</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/labels.py" line="43"/>
        <source>Mencetak</source>
        <translation>Printing</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/labels.py" line="44"/>
        <source>Tercetak</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/labels.py" line="45"/>
        <source>Gagal</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/labels.py" line="48"/>
        <source>Bulog</source>
        <translation>Bulog</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/labels.py" line="49"/>
        <source>Agen LPG</source>
        <translation>LPG agent</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/labels.py" line="50"/>
        <source>Kimia Farma</source>
        <translation>Kimia Farma</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/labels.py" line="51"/>
        <source>Pemasok lokal</source>
        <translation>Local supplier</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/labels.py" line="52"/>
        <source>Lainnya</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>LastSalePanel</name>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_panels.py" line="139"/>
        <source>Transaksi terakhir</source>
        <translation>Last sale</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_panels.py" line="147"/>
        <source>Struk terakhir</source>
        <translation>Last receipt</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_panels.py" line="148"/>
        <source>Cetak ulang</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_panels.py" line="153"/>
        <location filename="../../kkmp_pos/gui/selling/cashier_panels.py" line="157"/>
        <source>Belum ada transaksi</source>
        <translation>No sale yet</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_panels.py" line="163"/>
        <source>Kembali {amount}</source>
        <translation>Change {amount}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_panels.py" line="165"/>
        <source>Mencetak struk…</source>
        <translation>Printing the receipt…</translation>
    </message>
</context>
<context>
    <name>LimitsScreen</name>
    <message>
        <location filename="../../kkmp_pos/gui/stock/limits_screen.py" line="39"/>
        <source>Batas pembelian barang bersubsidi (Beras SPHP, MinyaKita, LPG 3 kg). &apos;Blokir&apos; perlu PIN manajer untuk melewati; &apos;Peringatan&apos; hanya dicatat.</source>
        <translation>Purchase limits on subsidised goods (Beras SPHP, MinyaKita, LPG 3 kg). &apos;Block&apos; needs a manager&apos;s PIN to go past; &apos;Warning&apos; is only recorded.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/limits_screen.py" line="47"/>
        <source>Aturan</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/limits_screen.py" line="48"/>
        <source>Barang / kategori</source>
        <translation>Products / category</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/limits_screen.py" line="49"/>
        <location filename="../../kkmp_pos/gui/stock/limits_screen.py" line="88"/>
        <source>Batas</source>
        <translation>Limit</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/limits_screen.py" line="50"/>
        <location filename="../../kkmp_pos/gui/stock/limits_screen.py" line="90"/>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/limits_screen.py" line="51"/>
        <location filename="../../kkmp_pos/gui/stock/limits_screen.py" line="92"/>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/limits_screen.py" line="52"/>
        <location filename="../../kkmp_pos/gui/stock/limits_screen.py" line="93"/>
        <source>Berlaku mulai</source>
        <translation>Effective from</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/limits_screen.py" line="53"/>
        <location filename="../../kkmp_pos/gui/stock/limits_screen.py" line="83"/>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/limits_screen.py" line="54"/>
        <location filename="../../kkmp_pos/gui/stock/limits_screen.py" line="95"/>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/limits_screen.py" line="70"/>
        <source>per transaksi</source>
        <translation>per transaction</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/limits_screen.py" line="71"/>
        <source>per hari</source>
        <translation>per day</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/limits_screen.py" line="72"/>
        <source>per bulan</source>
        <translation>per month</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/limits_screen.py" line="76"/>
        <source>per pembeli (NIK atau kartu anggota)</source>
        <translation>per buyer (NIK or member card)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/limits_screen.py" line="77"/>
        <source>per NIK</source>
        <translation>per NIK</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/limits_screen.py" line="79"/>
        <source>Peringatan</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/limits_screen.py" line="80"/>
        <source>Blokir</source>
        <translation>Block</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/limits_screen.py" line="82"/>
        <source>TTTT-BB-HH</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/limits_screen.py" line="85"/>
        <source>Nama aturan</source>
        <translation>Rule name</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/limits_screen.py" line="86"/>
        <source>Kode barang (=takaran)</source>
        <translation>Product codes (=measure)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/limits_screen.py" line="87"/>
        <source>atau kategori</source>
        <translation>or category</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/limits_screen.py" line="89"/>
        <source>Satuan</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/limits_screen.py" line="91"/>
        <source>Dihitung</source>
        <translation>Counted</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/limits_screen.py" line="105"/>
        <source>Aturan baru</source>
        <translation>New rule</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/limits_screen.py" line="106"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/limits_screen.py" line="107"/>
        <source>Nonaktifkan</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/limits_screen.py" line="130"/>
        <source>ya</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/limits_screen.py" line="130"/>
        <source>tidak</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/limits_screen.py" line="191"/>
        <source>Aturan {name} disimpan.</source>
        <translation>Rule {name} saved.</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../kkmp_pos/gui/setup/login_screen.py" line="71"/>
        <source>Pilih nama Anda</source>
        <translation>Choose your name</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/login_screen.py" line="72"/>
        <source>Ketik huruf awal nama atau tekan ↑/↓, lalu PIN dan Enter</source>
        <translation>Type the first letters of your name or press ↑/↓, then the PIN and Enter</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/login_screen.py" line="79"/>
        <source>Toko demo: PIN contoh tertulis di bawah setiap nama.</source>
        <translation>Demo shop: each name shows its sample PIN.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/login_screen.py" line="91"/>
        <source>Pilih nama di kiri</source>
        <translation>Choose a name on the left</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/login_screen.py" line="94"/>
        <location filename="../../kkmp_pos/gui/setup/login_screen.py" line="223"/>
        <source>PIN (4–6 angka)</source>
        <translation>PIN (4–6 digits)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/login_screen.py" line="105"/>
        <source>Masuk [Enter]</source>
        <translation>Log in [Enter]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/login_screen.py" line="131"/>
        <source>PIN demo: {pin}</source>
        <translation>demo PIN: {pin}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/login_screen.py" line="146"/>
        <source>Kasir</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/login_screen.py" line="146"/>
        <source>Manajer</source>
        <translation>Manager</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/login_screen.py" line="146"/>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/login_screen.py" line="214"/>
        <source>Belum ada pengguna. Buat admin pertama toko ini.</source>
        <translation>No users yet. Create this shop&apos;s first admin.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/login_screen.py" line="222"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/login_screen.py" line="224"/>
        <source>Ulangi PIN</source>
        <translation>Repeat PIN</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/login_screen.py" line="230"/>
        <source>Buat admin</source>
        <translation>Create admin</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/login_screen.py" line="243"/>
        <source>Isi nama admin.</source>
        <translation>Enter the admin&apos;s name.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/login_screen.py" line="246"/>
        <source>Kedua PIN tidak sama.</source>
        <translation>The two PINs differ.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kkmp_pos/gui/app.py" line="39"/>
        <source>KKMP POS — Kasir Koperasi</source>
        <translation>KKMP POS — Cooperative Till</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/app.py" line="62"/>
        <source>TOKO DEMO</source>
        <translation>DEMO SHOP</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/app.py" line="155"/>
        <source>Belum ada shift terbuka: hitung modal awal laci sebelum menerima uang tunai.</source>
        <translation>No shift is open: count the opening float in the drawer before taking cash.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/app.py" line="157"/>
        <source>Buka shift</source>
        <translation>Open shift</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/app.py" line="166"/>
        <source>Shift {name} sejak {when} belum ditutup. Tutup dengan hitung kas sebelum shift baru.</source>
        <translation>{name}&apos;s shift since {when} was not closed. Close it with a cash count before a new shift.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/app.py" line="169"/>
        <source>Tutup shift</source>
        <translation>Close shift</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../../kkmp_pos/gui/members/member_dialog.py" line="38"/>
        <source>Anggota</source>
        <translation>Member</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/members/member_dialog.py" line="44"/>
        <source>Pindai kartu anggota, atau ketik nomor anggota, nomor HP, NIK atau nama:</source>
        <translation>Scan the member card, or type the member number, phone, NIK or name:</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/members/member_dialog.py" line="59"/>
        <source>Pilih [Enter]</source>
        <translation>Choose [Enter]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/members/member_dialog.py" line="63"/>
        <source>Batal [Esc]</source>
        <translation>Cancel [Esc]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/members/member_dialog.py" line="68"/>
        <source>Hapus data pribadi… (manajer)</source>
        <translation>Erase personal data… (manager)</translation>
    </message>
</context>
<context>
    <name>MemberPanel</name>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_panels.py" line="36"/>
        <location filename="../../kkmp_pos/gui/selling/cashier_panels.py" line="46"/>
        <source>Anggota</source>
        <translation>Member</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_panels.py" line="47"/>
        <source>Lepas</source>
        <translation>Detach</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_panels.py" line="48"/>
        <source>Daftar anggota</source>
        <translation>Register member</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_panels.py" line="57"/>
        <source>Bukan anggota</source>
        <translation>Not a member</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_panels.py" line="58"/>
        <source>Pindai kartu anggota atau tekan F6</source>
        <translation>Scan a member card or press F6</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_panels.py" line="66"/>
        <source>No. {number} · NIK {nik}</source>
        <translation>No. {number} · NIK {nik}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_panels.py" line="70"/>
        <source>POKOK BELUM LUNAS</source>
        <translation>POKOK NOT PAID IN FULL</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_panels.py" line="72"/>
        <source>TIDAK AKTIF</source>
        <translation>NOT ACTIVE</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_panels.py" line="74"/>
        <source>Sukarela {amount}</source>
        <translation>Voluntary savings {amount}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_panels.py" line="76"/>
        <source>Wajib belum dibayar {months} bln ({amount})</source>
        <translation>Wajib unpaid {months} mo. ({amount})</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_panels.py" line="81"/>
        <source>Hemat anggota: {amount}</source>
        <translation>Member saves: {amount}</translation>
    </message>
</context>
<context>
    <name>OpenShiftDialog</name>
    <message>
        <location filename="../../kkmp_pos/gui/shifts/shift_dialog.py" line="86"/>
        <location filename="../../kkmp_pos/gui/shifts/shift_dialog.py" line="94"/>
        <source>Buka shift</source>
        <translation>Open shift</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/shifts/shift_dialog.py" line="88"/>
        <source>Hitung modal awal di laci per pecahan.</source>
        <translation>Count the opening float in the drawer by denomination.</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../kkmp_pos/gui/selling/payment_dialog.py" line="52"/>
        <source>Pembayaran</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/payment_dialog.py" line="66"/>
        <source>Total belanja</source>
        <translation>Purchase total</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/payment_dialog.py" line="77"/>
        <location filename="../../kkmp_pos/gui/selling/payment_dialog.py" line="84"/>
        <source>0</source>
        <translation>0</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/payment_dialog.py" line="79"/>
        <source>QRIS = sisa [F5]</source>
        <translation>QRIS = rest [F5]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/payment_dialog.py" line="81"/>
        <source>QRIS</source>
        <translation>QRIS</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/payment_dialog.py" line="86"/>
        <source>Transfer = sisa [F6]</source>
        <translation>Transfer = rest [F6]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/payment_dialog.py" line="88"/>
        <source>Transfer bank</source>
        <translation>Bank transfer</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/payment_dialog.py" line="91"/>
        <source>nomor referensi transfer</source>
        <translation>transfer reference number</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/payment_dialog.py" line="92"/>
        <source>Referensi</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/payment_dialog.py" line="98"/>
        <source>Tunai harus dibayar</source>
        <translation>Cash due</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/payment_dialog.py" line="111"/>
        <source>Uang pas [F4]</source>
        <translation>Exact cash [F4]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/payment_dialog.py" line="127"/>
        <source>Uang tunai diterima</source>
        <translation>Cash received</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/payment_dialog.py" line="128"/>
        <source>ketik jumlah uang, mis. 100000</source>
        <translation>type the amount, e.g. 100000</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/payment_dialog.py" line="132"/>
        <location filename="../../kkmp_pos/gui/selling/payment_dialog.py" line="237"/>
        <location filename="../../kkmp_pos/gui/selling/payment_dialog.py" line="251"/>
        <location filename="../../kkmp_pos/gui/selling/payment_dialog.py" line="259"/>
        <source>Kembali</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/payment_dialog.py" line="146"/>
        <source>Bayar [Enter]</source>
        <translation>Pay [Enter]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/payment_dialog.py" line="150"/>
        <source>Batal [Esc]</source>
        <translation>Cancel [Esc]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/payment_dialog.py" line="244"/>
        <source>Sisa {rest}, pembulatan tunai {diff}</source>
        <translation>Rest {rest}, cash rounding {diff}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/payment_dialog.py" line="256"/>
        <source>Kurang</source>
        <translation>Short</translation>
    </message>
</context>
<context>
    <name>PokokPaymentPanel</name>
    <message>
        <location filename="../../kkmp_pos/gui/members/register_member_payment.py" line="45"/>
        <source>Simpanan pokok</source>
        <translation>Joining savings (pokok)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/members/register_member_payment.py" line="55"/>
        <source>Tunai [F5]</source>
        <translation>Cash [F5]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/members/register_member_payment.py" line="56"/>
        <source>QRIS [F6]</source>
        <translation>QRIS [F6]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/members/register_member_payment.py" line="57"/>
        <source>Transfer [F7]</source>
        <translation>Transfer [F7]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/members/register_member_payment.py" line="83"/>
        <source>Uang diterima</source>
        <translation>Cash received</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/members/register_member_payment.py" line="86"/>
        <source>mis. 100000</source>
        <translation>e.g. 100000</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/members/register_member_payment.py" line="88"/>
        <source>Uang pas</source>
        <translation>Exact amount</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/members/register_member_payment.py" line="116"/>
        <source>nomor referensi dari aplikasi / bank</source>
        <translation>reference number from the app / bank</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/members/register_member_payment.py" line="131"/>
        <source>Referensi QRIS (setelah uang masuk)</source>
        <translation>QRIS reference (once the money arrived)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/members/register_member_payment.py" line="133"/>
        <source>Referensi transfer bank</source>
        <translation>Bank transfer reference</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/members/register_member_payment.py" line="165"/>
        <source>Kurang {amount}</source>
        <translation>Short {amount}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/members/register_member_payment.py" line="169"/>
        <source>Kembali {amount}</source>
        <translation>Change {amount}</translation>
    </message>
</context>
<context>
    <name>PrinterFinder</name>
    <message>
        <location filename="../../kkmp_pos/gui/setup/printer_finder.py" line="50"/>
        <source>mis. 192.168.1.0/24 atau 192.168.1.10-60</source>
        <translation>e.g. 192.168.1.0/24 or 192.168.1.10-60</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/printer_finder.py" line="51"/>
        <source>Cari di jaringan</source>
        <translation>Search the network</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/printer_finder.py" line="52"/>
        <source>Hentikan</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/printer_finder.py" line="56"/>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/printer_finder.py" line="73"/>
        <source>Mencari printer yang terpasang…</source>
        <translation>Looking for installed printers…</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/printer_finder.py" line="79"/>
        <source>{0} printer/port ditemukan di komputer ini.</source>
        <translation>{0} printers/ports found on this PC.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/printer_finder.py" line="81"/>
        <source>Tidak ada printer terpasang. Cari di jaringan atau tulis alamatnya.</source>
        <translation>No printer installed. Search the network or type its address.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/printer_finder.py" line="98"/>
        <source>Mencari di {0} alamat…</source>
        <translation>Searching {0} addresses…</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/printer_finder.py" line="116"/>
        <source>Mencari… {0} dari {1} alamat</source>
        <translation>Searching… {0} of {1} addresses</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/printer_finder.py" line="122"/>
        <source>Dihentikan setelah {0} dari {1} alamat.</source>
        <translation>Stopped after {0} of {1} addresses.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/printer_finder.py" line="124"/>
        <source>Waktu habis setelah {0} dari {1} alamat.</source>
        <translation>Time ran out after {0} of {1} addresses.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/printer_finder.py" line="126"/>
        <source>Selesai: {0} alamat diperiksa.</source>
        <translation>Done: {0} addresses checked.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/printer_finder.py" line="127"/>
        <source>{0} printer jaringan ditemukan.</source>
        <translation>{0} network printers found.</translation>
    </message>
</context>
<context>
    <name>PrinterPage</name>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setup_wizard_pages.py" line="158"/>
        <source>Pilih printer struk dari daftar, cari di jaringan, atau tulis alamatnya. Printer disimpan hanya setelah tes cetak berhasil.</source>
        <translation>Pick the receipt printer from the list, search the network, or type its address. The printer is saved only after a successful test print.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setup_wizard_pages.py" line="177"/>
        <source>Alamat printer</source>
        <translation>Printer address</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setup_wizard_pages.py" line="178"/>
        <source>Kertas</source>
        <translation>Paper</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setup_wizard_pages.py" line="180"/>
        <source>Tes cetak</source>
        <translation>Test print</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setup_wizard_pages.py" line="189"/>
        <source>Contoh halaman tes tampil di sini.</source>
        <translation>The test page is shown here.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setup_wizard_pages.py" line="224"/>
        <source>Mengirim tes cetak…</source>
        <translation>Sending a test print…</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setup_wizard_pages.py" line="229"/>
        <source>Tes cetak berhasil. Cocokkan kertasnya dengan contoh di samping.</source>
        <translation>Test print sent. Compare the paper with the page shown beside.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setup_wizard_pages.py" line="232"/>
        <source>Tes cetak gagal: {0}</source>
        <translation>Test print failed: {0}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setup_wizard_pages.py" line="237"/>
        <source>Pilih atau tulis alamat printer, atau lewati langkah ini.</source>
        <translation>Pick or type a printer address, or skip this step.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setup_wizard_pages.py" line="240"/>
        <source>Lakukan tes cetak yang berhasil dulu, atau lewati langkah ini.</source>
        <translation>Make a successful test print first, or skip this step.</translation>
    </message>
</context>
<context>
    <name>PrinterScreen</name>
    <message>
        <location filename="../../kkmp_pos/gui/printing/printer_screen.py" line="59"/>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/printing/printer_screen.py" line="86"/>
        <source>Potong kertas</source>
        <translation>Cut paper</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/printing/printer_screen.py" line="88"/>
        <source>Buka laci untuk tunai</source>
        <translation>Open drawer for cash</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/printing/printer_screen.py" line="90"/>
        <source>Cari…</source>
        <translation>Search…</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/printing/printer_screen.py" line="95"/>
        <source>Sambungan</source>
        <translation>Connection</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/printing/printer_screen.py" line="96"/>
        <source>Kertas</source>
        <translation>Paper</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/printing/printer_screen.py" line="97"/>
        <source>Profil</source>
        <translation>Profile</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/printing/printer_screen.py" line="98"/>
        <source>Halaman kode</source>
        <translation>Code page</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/printing/printer_screen.py" line="99"/>
        <source>Logo (berkas gambar)</source>
        <translation>Logo (image file)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/printing/printer_screen.py" line="100"/>
        <source>Baris atas</source>
        <translation>Header lines</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/printing/printer_screen.py" line="101"/>
        <source>Baris bawah</source>
        <translation>Footer lines</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/printing/printer_screen.py" line="106"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/printing/printer_screen.py" line="107"/>
        <source>Tes cetak</source>
        <translation>Test print</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/printing/printer_screen.py" line="119"/>
        <source>Antrean cetak yang gagal</source>
        <translation>Failed print jobs</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/printing/printer_screen.py" line="122"/>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/printing/printer_screen.py" line="122"/>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/printing/printer_screen.py" line="122"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/printing/printer_screen.py" line="122"/>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/printing/printer_screen.py" line="126"/>
        <source>Cetak ulang yang dipilih</source>
        <translation>Reprint selected</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/printing/printer_screen.py" line="193"/>
        <source>Printer belum dites</source>
        <translation>Printer not tested</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/printing/printer_screen.py" line="195"/>
        <source>Printer {0} belum mencetak halaman tes. Simpan juga? Struk berikutnya akan dikirim ke sana.</source>
        <translation>Printer {0} has not printed a test page. Save it anyway? The next receipts will go there.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/printing/printer_screen.py" line="201"/>
        <source>Simpan tanpa tes</source>
        <translation>Save without a test</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/printing/printer_screen.py" line="206"/>
        <source>Belum disimpan: printer ini belum dites.</source>
        <translation>Not saved: this printer has not been tested.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/printing/printer_screen.py" line="215"/>
        <source>Pengaturan printer disimpan.</source>
        <translation>Printer settings saved.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/printing/printer_screen.py" line="225"/>
        <source>Mengirim tes cetak (belum disimpan)…</source>
        <translation>Sending a test print (nothing saved)…</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/printing/printer_screen.py" line="230"/>
        <source>Mencetak #{0}…</source>
        <translation>Printing #{0}…</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/printing/printer_screen.py" line="240"/>
        <source>mencetak…</source>
        <translation>printing…</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/printing/printer_screen.py" line="244"/>
        <source>Tercetak (#{0}).</source>
        <translation>Printed (#{0}).</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/printing/printer_screen.py" line="247"/>
        <source>Gagal mencetak #{0}: {1}</source>
        <translation>Could not print #{0}: {1}</translation>
    </message>
</context>
<context>
    <name>PrinterSearchDialog</name>
    <message>
        <location filename="../../kkmp_pos/gui/printing/printer_search_dialog.py" line="18"/>
        <source>Cari printer</source>
        <translation>Find a printer</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/printing/printer_search_dialog.py" line="25"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ProductEditDialog</name>
    <message>
        <location filename="../../kkmp_pos/gui/stock/product_edit_dialog.py" line="90"/>
        <source>Ubah barang</source>
        <translation>Edit product</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/product_edit_dialog.py" line="90"/>
        <source>Barang baru</source>
        <translation>New product</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/product_edit_dialog.py" line="98"/>
        <source>mis. minyak kita, migor</source>
        <translation>e.g. minyak kita, migor</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/product_edit_dialog.py" line="99"/>
        <source>Nama lain yang diketik pembeli atau kasir, pisahkan dengan koma</source>
        <translation>Other names buyers or cashiers type, separated by commas</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/product_edit_dialog.py" line="118"/>
        <source>Dijual per berat (kg)</source>
        <translation>Sold by weight (kg)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/product_edit_dialog.py" line="120"/>
        <source>Lacak batch dan tanggal kedaluwarsa</source>
        <translation>Track batch and expiry date</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/product_edit_dialog.py" line="122"/>
        <source>Wajib NIK pembeli (LPG 3 kg)</source>
        <translation>Buyer&apos;s NIK required (LPG 3 kg)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/product_edit_dialog.py" line="128"/>
        <source>Bebas PPN (bahan pokok, LPG 3 kg)</source>
        <translation>VAT-exempt (staples, LPG 3 kg)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/product_edit_dialog.py" line="130"/>
        <source>Hanya berlaku bila koperasi terdaftar sebagai PKP: barang ini tidak dihitung PPN.</source>
        <translation>Applies only when the cooperative is VAT-registered (PKP): no VAT is counted on this item.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/product_edit_dialog.py" line="144"/>
        <source>Nama | isi | harga | harga anggota | barcode</source>
        <translation>Name | contents | price | member price | barcode</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/product_edit_dialog.py" line="148"/>
        <source>Kode (PLU)</source>
        <translation>Code (PLU)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/product_edit_dialog.py" line="149"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/product_edit_dialog.py" line="150"/>
        <source>Nama lain (alias)</source>
        <translation>Other names (aliases)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/product_edit_dialog.py" line="151"/>
        <source>Satuan dasar</source>
        <translation>Base unit</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/product_edit_dialog.py" line="152"/>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/product_edit_dialog.py" line="153"/>
        <source>Unit usaha</source>
        <translation>Business unit</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/product_edit_dialog.py" line="154"/>
        <source>Pemasok</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/product_edit_dialog.py" line="155"/>
        <source>Harga pokok (Rp)</source>
        <translation>Cost price (Rp)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/product_edit_dialog.py" line="156"/>
        <source>Harga jual (Rp)</source>
        <translation>Selling price (Rp)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/product_edit_dialog.py" line="157"/>
        <source>Harga anggota (Rp)</source>
        <translation>Member price (Rp)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/product_edit_dialog.py" line="158"/>
        <source>HET / harga tertinggi (Rp)</source>
        <translation>HET / max. retail price (Rp)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/product_edit_dialog.py" line="159"/>
        <source>Batas pesan ulang</source>
        <translation>Reorder level</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/product_edit_dialog.py" line="164"/>
        <source>Golongan obat</source>
        <translation>Drug class</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/product_edit_dialog.py" line="165"/>
        <source>Barcode (pisahkan spasi)</source>
        <translation>Barcodes (space-separated)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/product_edit_dialog.py" line="166"/>
        <source>Satuan jual lain</source>
        <translation>Other sales units</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/product_edit_dialog.py" line="178"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/product_edit_dialog.py" line="179"/>
        <source>Batal [Esc]</source>
        <translation>Cancel [Esc]</translation>
    </message>
</context>
<context>
    <name>QrisDialog</name>
    <message>
        <location filename="../../kkmp_pos/gui/selling/qris_dialog.py" line="56"/>
        <source>Pembayaran QRIS</source>
        <translation>QRIS payment</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/qris_dialog.py" line="74"/>
        <source>Struk {number}</source>
        <translation>Receipt {number}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/qris_dialog.py" line="77"/>
        <source>QRIS {amount}</source>
        <translation>QRIS {amount}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/qris_dialog.py" line="103"/>
        <source>Menyiapkan kode QRIS…</source>
        <translation>Preparing the QRIS code…</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/qris_dialog.py" line="133"/>
        <source>Menunggu pembayaran…</source>
        <translation>Waiting for payment…</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/qris_dialog.py" line="135"/>
        <source>Pembayaran terkonfirmasi otomatis. Konfirmasi manual tetap bisa dengan RRN.</source>
        <translation>The payment is confirmed automatically. Manual confirmation with the RRN still works.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/qris_dialog.py" line="140"/>
        <source>Acquirer tidak menjawab: cek uang masuk di aplikasi merchant, lalu konfirmasi.</source>
        <translation>The acquirer does not answer: check the money arrived in the merchant app, then confirm.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/qris_dialog.py" line="170"/>
        <source>Lunas · RRN {rrn}</source>
        <translation>Paid · RRN {rrn}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/qris_dialog.py" line="182"/>
        <source>Kode QRIS kedaluwarsa.</source>
        <translation>The QRIS code expired.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/qris_dialog.py" line="184"/>
        <source>Pembayaran QRIS gagal.</source>
        <translation>The QRIS payment failed.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/qris_dialog.py" line="187"/>
        <source>Untuk kode baru: Nanti, lalu buka lagi dari daftar struk. Atau batalkan QRIS.</source>
        <translation>For a new code: Later, then open it again from the receipts list. Or cancel the QRIS payment.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/qris_dialog.py" line="209"/>
        <source>Cek uang masuk di aplikasi merchant, lalu konfirmasi.</source>
        <translation>Check the money arrived in the merchant app, then confirm.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/qris_dialog.py" line="212"/>
        <source>Sudah dibayar [Enter]</source>
        <translation>Paid [Enter]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/qris_dialog.py" line="214"/>
        <source>Batalkan QRIS [F8]</source>
        <translation>Cancel QRIS [F8]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/qris_dialog.py" line="216"/>
        <source>Nanti [Esc]</source>
        <translation>Later [Esc]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/qris_dialog.py" line="229"/>
        <source>Nomor referensi (RRN) dari rincian transaksi di aplikasi merchant: 12 angka/huruf.</source>
        <translation>Reference (RRN) from the transaction details in the merchant app: 12 digits/letters.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/qris_dialog.py" line="234"/>
        <source>mis. 412345678901</source>
        <translation>e.g. 412345678901</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/qris_dialog.py" line="238"/>
        <source>Konfirmasi [Enter]</source>
        <translation>Confirm [Enter]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/qris_dialog.py" line="240"/>
        <source>Kembali [Esc]</source>
        <translation>Back [Esc]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/qris_dialog.py" line="251"/>
        <source>Batalkan pembayaran QRIS? Penjualan dibatalkan dan stok dikembalikan.</source>
        <translation>Cancel the QRIS payment? The sale is cancelled and the stock goes back.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/qris_dialog.py" line="255"/>
        <source>Ya, batalkan [Enter]</source>
        <translation>Yes, cancel [Enter]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/qris_dialog.py" line="257"/>
        <source>Tidak [Esc]</source>
        <translation>No [Esc]</translation>
    </message>
</context>
<context>
    <name>QrisPage</name>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setup_wizard_pages.py" line="260"/>
        <source>QRIS statis toko dipakai untuk semua pembayaran QRIS. Boleh dilewati.</source>
        <translation>The shop&apos;s static QRIS is used for every QRIS payment. May be skipped.</translation>
    </message>
</context>
<context>
    <name>QrisSettingsScreen</name>
    <message>
        <location filename="../../kkmp_pos/gui/setup/qris_screen.py" line="43"/>
        <source>QRIS toko</source>
        <translation>Shop QRIS</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/qris_screen.py" line="45"/>
        <source>QRIS statis toko</source>
        <translation>The shop&apos;s static QRIS</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/qris_screen.py" line="53"/>
        <source>Pindai stiker QRIS toko dengan scanner 2D ke kolom ini, tempel kodenya, atau pilih foto stiker. Semua pembayaran QRIS memakai kode ini.</source>
        <translation>Scan the shop&apos;s QRIS sticker with the 2D scanner into this field, paste its code, or pick a photo of the sticker. Every QRIS payment uses this code.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/qris_screen.py" line="63"/>
        <source>00020101021126… (kode QRIS statis)</source>
        <translation>00020101021126… (static QRIS code)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/qris_screen.py" line="66"/>
        <source>Periksa [Enter]</source>
        <translation>Check [Enter]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/qris_screen.py" line="67"/>
        <source>Pilih foto / gambar…</source>
        <translation>Pick a photo / image…</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/qris_screen.py" line="85"/>
        <source>Cocokkan dengan stiker QRIS toko:</source>
        <translation>Compare with the shop&apos;s QRIS sticker:</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/qris_screen.py" line="98"/>
        <source>Nama merchant</source>
        <translation>Merchant name</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/qris_screen.py" line="99"/>
        <source>Kota</source>
        <translation>City</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/qris_screen.py" line="100"/>
        <source>NMID</source>
        <translation>NMID</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/qris_screen.py" line="101"/>
        <source>Acquirer</source>
        <translation>Acquirer</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/qris_screen.py" line="104"/>
        <source>Benar, simpan QRIS ini</source>
        <translation>Correct, save this QRIS</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/qris_screen.py" line="105"/>
        <source>Bukan, batal</source>
        <translation>No, cancel</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/qris_screen.py" line="138"/>
        <source>Belum ada QRIS toko: pembayaran QRIS belum bisa dipakai.</source>
        <translation>No shop QRIS yet: QRIS payments cannot be taken.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/qris_screen.py" line="141"/>
        <source>Tersimpan: {name}, {city} — NMID {nmid}.</source>
        <translation>Saved: {name}, {city} — NMID {nmid}.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/qris_screen.py" line="159"/>
        <source>Foto stiker QRIS</source>
        <translation>Photo of the QRIS sticker</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/qris_screen.py" line="159"/>
        <source>Gambar ({0})</source>
        <translation>Images ({0})</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/qris_screen.py" line="169"/>
        <source>Membaca gambar…</source>
        <translation>Reading the image…</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/qris_screen.py" line="227"/>
        <source>QRIS toko disimpan: {name}.</source>
        <translation>Shop QRIS saved: {name}.</translation>
    </message>
</context>
<context>
    <name>QrisWidget</name>
    <message>
        <location filename="../../kkmp_pos/gui/selling/qris_widget.py" line="88"/>
        <source>Pindai dengan aplikasi pembayaran (QRIS)</source>
        <translation>Scan with a payment app (QRIS)</translation>
    </message>
</context>
<context>
    <name>QtyDialog</name>
    <message>
        <location filename="../../kkmp_pos/gui/selling/qty_dialog.py" line="21"/>
        <source>Ubah jumlah</source>
        <translation>Change quantity</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/qty_dialog.py" line="28"/>
        <source>Jumlah ({unit})</source>
        <translation>Quantity ({unit})</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/qty_dialog.py" line="35"/>
        <source>Simpan [Enter]</source>
        <translation>Save [Enter]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/qty_dialog.py" line="35"/>
        <source>Batal [Esc]</source>
        <translation>Cancel [Esc]</translation>
    </message>
</context>
<context>
    <name>ReceiptCancelForm</name>
    <message>
        <location filename="../../kkmp_pos/gui/selling/receipts_cancel_form.py" line="34"/>
        <source>Alasan pembatalan</source>
        <translation>Reason for cancelling</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/receipts_cancel_form.py" line="36"/>
        <source>mis. salah input, pelanggan batal</source>
        <translation>e.g. wrong entry, customer changed their mind</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/receipts_cancel_form.py" line="39"/>
        <source>Uang dikembalikan dengan</source>
        <translation>Refund by</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/receipts_cancel_form.py" line="53"/>
        <source>Kembali [Esc]</source>
        <translation>Back [Esc]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/receipts_cancel_form.py" line="55"/>
        <source>Batalkan struk ini [Enter]</source>
        <translation>Cancel this receipt [Enter]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/receipts_cancel_form.py" line="63"/>
        <source>Tunai</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/receipts_cancel_form.py" line="63"/>
        <source>QRIS</source>
        <translation>QRIS</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/receipts_cancel_form.py" line="63"/>
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <location filename="../../kkmp_pos/gui/selling/receipt_dialog.py" line="23"/>
        <source>Struk terakhir</source>
        <translation>Last receipt</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/receipt_dialog.py" line="35"/>
        <source>Cetak salinan</source>
        <translation>Print a copy</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/receipt_dialog.py" line="48"/>
        <source>Tutup [Esc]</source>
        <translation>Close [Esc]</translation>
    </message>
</context>
<context>
    <name>ReceiptPrinting</name>
    <message>
        <location filename="../../kkmp_pos/gui/printing/receipt_printing.py" line="50"/>
        <source>Struk dicetak.</source>
        <translation>Receipt printed.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/printing/receipt_printing.py" line="52"/>
        <source>Printer gagal.</source>
        <translation>Printer failed.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/printing/receipt_printing.py" line="53"/>
        <source>Struk belum tercetak.</source>
        <translation>Receipt not printed yet.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/printing/receipt_printing.py" line="59"/>
        <source>Cetak ulang</source>
        <translation>Reprint</translation>
    </message>
</context>
<context>
    <name>ReceiptsDialog</name>
    <message>
        <location filename="../../kkmp_pos/gui/selling/receipts_dialog.py" line="53"/>
        <source>Struk hari ini</source>
        <translation>Today&apos;s receipts</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/receipts_dialog.py" line="64"/>
        <source>cari nomor struk, atau pindai kode struk</source>
        <translation>search a receipt number, or scan the receipt code</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/receipts_dialog.py" line="76"/>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/receipts_dialog.py" line="76"/>
        <source>Jam</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/receipts_dialog.py" line="76"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/receipts_dialog.py" line="76"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/receipts_dialog.py" line="142"/>
        <source>Retur [F6]</source>
        <translation>Return [F6]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/receipts_dialog.py" line="141"/>
        <source>Cetak salinan [F11]</source>
        <translation>Print copy [F11]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/receipts_dialog.py" line="143"/>
        <source>Batalkan struk [Ctrl+B]</source>
        <translation>Cancel receipt [Ctrl+B]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/receipts_dialog.py" line="144"/>
        <source>Selesaikan QRIS [F9]</source>
        <translation>Finish QRIS [F9]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/receipts_dialog.py" line="145"/>
        <source>Tutup [Esc]</source>
        <translation>Close [Esc]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/receipts_dialog.py" line="158"/>
        <source>Selesai</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/receipts_dialog.py" line="159"/>
        <source>Menunggu QRIS</source>
        <translation>Awaiting QRIS</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/receipts_dialog.py" line="160"/>
        <source>Dibatalkan</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/receipts_dialog.py" line="168"/>
        <source>{n} menunggu QRIS</source>
        <translation>{n} awaiting QRIS</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/receipts_dialog.py" line="278"/>
        <source>Mencetak salinan {number}…</source>
        <translation>Printing a copy of {number}…</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/receipts_dialog.py" line="290"/>
        <source>Salinan struk tercetak.</source>
        <translation>Receipt copy printed.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/receipts_dialog.py" line="293"/>
        <source>Salinan belum tercetak: {reason}</source>
        <translation>Copy not printed: {reason}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/receipts_dialog.py" line="334"/>
        <source>Batalkan {number} ({total})? Stok kembali, uang dikembalikan.</source>
        <translation>Cancel {number} ({total})? The stock goes back and the money is refunded.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/receipts_dialog.py" line="356"/>
        <source>Isi alasan pembatalan.</source>
        <translation>Enter the reason for cancelling.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/receipts_dialog.py" line="375"/>
        <source>Batalkan struk {number} ({total})</source>
        <translation>Cancel receipt {number} ({total})</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/receipts_dialog.py" line="404"/>
        <source>Struk {number} dibatalkan; kembalikan {total} ({method}).</source>
        <translation>Receipt {number} cancelled; refund {total} ({method}).</translation>
    </message>
</context>
<context>
    <name>RegisterMemberDialog</name>
    <message>
        <location filename="../../kkmp_pos/gui/members/register_member_dialog.py" line="62"/>
        <source>Daftar anggota baru</source>
        <translation>Register a new member</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/members/register_member_dialog.py" line="94"/>
        <source>Anggota baru</source>
        <translation>New member</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/members/register_member_dialog.py" line="100"/>
        <source>nama lengkap sesuai KTP</source>
        <translation>full name as on the ID card</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/members/register_member_dialog.py" line="102"/>
        <source>16 angka</source>
        <translation>16 digits</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/members/register_member_dialog.py" line="109"/>
        <source>mis. 0812 3456 7890 (boleh kosong)</source>
        <translation>e.g. 0812 3456 7890 (optional)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/members/register_member_dialog.py" line="111"/>
        <source>No. Kartu Keluarga, 16 angka (boleh kosong)</source>
        <translation>Family card number, 16 digits (optional)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/members/register_member_dialog.py" line="114"/>
        <source>RT/RW, kelurahan (boleh kosong)</source>
        <translation>RT/RW, kelurahan (optional)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/members/register_member_dialog.py" line="116"/>
        <source>mis. petani, pedagang (boleh kosong)</source>
        <translation>e.g. farmer, trader (optional)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/members/register_member_dialog.py" line="117"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/members/register_member_dialog.py" line="118"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/members/register_member_dialog.py" line="120"/>
        <source>No. HP</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/members/register_member_dialog.py" line="121"/>
        <source>No. KK</source>
        <translation>Family card (KK)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/members/register_member_dialog.py" line="122"/>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/members/register_member_dialog.py" line="123"/>
        <source>Pekerjaan</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/members/register_member_dialog.py" line="130"/>
        <source>Daftarkan [Enter]</source>
        <translation>Register [Enter]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/members/register_member_dialog.py" line="134"/>
        <source>Batal [Esc]</source>
        <translation>Cancel [Esc]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/members/register_member_dialog.py" line="167"/>
        <source>Anggota terdaftar</source>
        <translation>Member registered</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/members/register_member_dialog.py" line="178"/>
        <location filename="../../kkmp_pos/gui/members/register_member_dialog.py" line="340"/>
        <source>Mencetak bukti setoran dan kartu anggota…</source>
        <translation>Printing the savings receipt and the member card…</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/members/register_member_dialog.py" line="182"/>
        <source>Cetak ulang</source>
        <translation>Print again</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/members/register_member_dialog.py" line="188"/>
        <source>Selesai [Enter]</source>
        <translation>Done [Enter]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/members/register_member_dialog.py" line="205"/>
        <source>{n}/16 angka</source>
        <translation>{n}/16 digits</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/members/register_member_dialog.py" line="212"/>
        <source>NIK sah ✓</source>
        <translation>NIK valid ✓</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/members/register_member_dialog.py" line="237"/>
        <source>NIK sah ✓ (Hapus untuk mengubah)</source>
        <translation>NIK valid ✓ (Backspace to change)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/members/register_member_dialog.py" line="328"/>
        <source>Kembali {amount}</source>
        <translation>Change {amount}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/members/register_member_dialog.py" line="323"/>
        <source>No. anggota {number} · NIK {nik} · aktif, harga anggota berlaku</source>
        <translation>Member no. {number} · NIK {nik} · active, member prices apply</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/members/register_member_dialog.py" line="357"/>
        <source>Bukti setoran dan kartu anggota tercetak.</source>
        <translation>Savings receipt and member card printed.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/members/register_member_dialog.py" line="364"/>
        <source>Belum tercetak: {reason} Anggota tetap terdaftar.</source>
        <translation>Not printed: {reason} The member stays registered.</translation>
    </message>
</context>
<context>
    <name>ReportScreen</name>
    <message>
        <location filename="../../kkmp_pos/gui/reports/report_screen.py" line="57"/>
        <source>Laporan</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/reports/report_screen.py" line="64"/>
        <source>Harian</source>
        <translation>Daily</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/reports/report_screen.py" line="65"/>
        <source>Rentang tanggal</source>
        <translation>Date range</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/reports/report_screen.py" line="66"/>
        <source>Belanja anggota</source>
        <translation>Member spending</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/reports/report_screen.py" line="67"/>
        <source>Laporan X</source>
        <translation>X report</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/reports/report_screen.py" line="68"/>
        <source>Buku LPG 3 kg</source>
        <translation>LPG 3 kg logbook</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/reports/report_screen.py" line="79"/>
        <source>Tampilkan</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/reports/report_screen.py" line="80"/>
        <source>Cetak</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/reports/report_screen.py" line="81"/>
        <location filename="../../kkmp_pos/gui/reports/report_screen.py" line="199"/>
        <source>Simpan PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/reports/report_screen.py" line="82"/>
        <location filename="../../kkmp_pos/gui/reports/report_screen.py" line="216"/>
        <source>Simpan CSV</source>
        <translation>Save CSV</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/reports/report_screen.py" line="136"/>
        <source>Menyusun laporan…</source>
        <translation>Preparing report…</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/reports/report_screen.py" line="142"/>
        <source>Menyusun laporan… {0}</source>
        <translation>Preparing report… {0}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/reports/report_screen.py" line="152"/>
        <source>Selesai.</source>
        <translation>Done.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/reports/report_screen.py" line="194"/>
        <source>Dicetak.</source>
        <translation>Printed.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/reports/report_screen.py" line="206"/>
        <source>Menyimpan PDF…</source>
        <translation>Saving PDF…</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/reports/report_screen.py" line="210"/>
        <source>PDF disimpan: {0}</source>
        <translation>PDF saved: {0}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/reports/report_screen.py" line="225"/>
        <source>CSV disimpan: {0}</source>
        <translation>CSV saved: {0}</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../kkmp_pos/gui/selling/return_dialog.py" line="53"/>
        <source>Retur barang</source>
        <translation>Return goods</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/return_dialog.py" line="68"/>
        <source>Struk</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/return_dialog.py" line="70"/>
        <source>pindai kode struk atau ketik nomor struk</source>
        <translation>scan the receipt code or type the receipt number</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/return_dialog.py" line="73"/>
        <source>Cari [Enter]</source>
        <translation>Find [Enter]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/return_dialog.py" line="78"/>
        <source>Belum ada struk dipilih.</source>
        <translation>No receipt chosen yet.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/return_dialog.py" line="106"/>
        <source>Tunai</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/return_dialog.py" line="106"/>
        <source>QRIS</source>
        <translation>QRIS</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/return_dialog.py" line="106"/>
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/return_dialog.py" line="119"/>
        <source>Semua barang [F4]</source>
        <translation>All items [F4]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/return_dialog.py" line="124"/>
        <source>Uang dikembalikan dengan</source>
        <translation>Refund by</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/return_dialog.py" line="141"/>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/return_dialog.py" line="143"/>
        <source>mis. kemasan rusak</source>
        <translation>e.g. damaged packaging</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/return_dialog.py" line="151"/>
        <source>Lanjut [Enter]</source>
        <translation>Next [Enter]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/return_dialog.py" line="159"/>
        <source>Retur [F12]</source>
        <translation>Return [F12]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/return_dialog.py" line="163"/>
        <source>Batal [Esc]</source>
        <translation>Cancel [Esc]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/return_dialog.py" line="187"/>
        <source>Cetak ulang nota retur</source>
        <translation>Print the return slip again</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/return_dialog.py" line="193"/>
        <source>Selesai [Enter]</source>
        <translation>Done [Enter]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/return_dialog.py" line="218"/>
        <source>{number} · {when} · total {total}</source>
        <translation>{number} · {when} · total {total}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/return_dialog.py" line="234"/>
        <source>Struk ini tidak bisa diretur (status: {status}).</source>
        <translation>This receipt cannot be returned (status: {status}).</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/return_dialog.py" line="240"/>
        <source>Semua barang di struk ini sudah diretur.</source>
        <translation>Every item on this receipt was returned already.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/return_dialog.py" line="276"/>
        <source>{name}: paling banyak {qty}.</source>
        <translation>{name}: at most {qty}.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/return_dialog.py" line="283"/>
        <source>Uang kembali ± {amount}</source>
        <translation>Refund ≈ {amount}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/return_dialog.py" line="297"/>
        <source>Isi jumlah barang yang dikembalikan.</source>
        <translation>Enter the quantity being returned.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/return_dialog.py" line="315"/>
        <source>Retur {count} barang dari struk {number}</source>
        <translation>Return {count} item(s) from receipt {number}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/return_dialog.py" line="356"/>
        <source>Retur tersimpan: {number}</source>
        <translation>Return saved: {number}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/return_dialog.py" line="358"/>
        <source>Uang kembali {amount} ({method})</source>
        <translation>Refund {amount} ({method})</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/return_dialog.py" line="381"/>
        <source>Mencetak nota retur…</source>
        <translation>Printing the return slip…</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/return_dialog.py" line="394"/>
        <source>Nota retur tercetak.</source>
        <translation>Return slip printed.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/return_dialog.py" line="403"/>
        <source>Nota retur belum tercetak: {reason} Retur tetap tersimpan.</source>
        <translation>Return slip not printed: {reason} The return stays saved.</translation>
    </message>
</context>
<context>
    <name>ReturnLinesTable</name>
    <message>
        <location filename="../../kkmp_pos/gui/selling/return_lines.py" line="36"/>
        <source>Barang</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/return_lines.py" line="36"/>
        <source>Dibeli</source>
        <translation>Bought</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/return_lines.py" line="36"/>
        <source>Sudah diretur</source>
        <translation>Returned before</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/return_lines.py" line="36"/>
        <source>Retur</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/return_lines.py" line="64"/>
        <source>Maks. {qty}</source>
        <translation>Max. {qty}</translation>
    </message>
</context>
<context>
    <name>SafetyScreen</name>
    <message>
        <location filename="../../kkmp_pos/gui/setup/safety_screen.py" line="35"/>
        <source>Jam komputer berbeda {0} menit dari jam server. Betulkan jam komputer.</source>
        <translation>The PC clock is {0} minutes off the server&apos;s clock. Set the PC clock right.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/safety_screen.py" line="46"/>
        <source>Jam &amp;&amp; cadangan</source>
        <translation>Clock &amp;&amp; backups</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/safety_screen.py" line="50"/>
        <source>Jam sudah benar (konfirmasi manajer)</source>
        <translation>The clock is right (manager confirms)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/safety_screen.py" line="59"/>
        <source>Tidak ada</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/safety_screen.py" line="60"/>
        <source>Flashdisk / disk lepas</source>
        <translation>USB stick / removable drive</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/safety_screen.py" line="61"/>
        <source>Server koperasi</source>
        <translation>Cooperative server</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/safety_screen.py" line="69"/>
        <source>Salinan ke</source>
        <translation>Copy to</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/safety_screen.py" line="70"/>
        <source>Folder flashdisk</source>
        <translation>Drive folder</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/safety_screen.py" line="71"/>
        <source>Kata sandi salinan</source>
        <translation>Copy passphrase</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/safety_screen.py" line="75"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/safety_screen.py" line="76"/>
        <source>Uji pemulihan salinan terbaru</source>
        <translation>Test-restore the newest copy</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/safety_screen.py" line="94"/>
        <source>Jam komputer: {0}.</source>
        <translation>PC clock: {0}.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/safety_screen.py" line="101"/>
        <source>Dikonfirmasi manajer.</source>
        <translation>Confirmed by a manager.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/safety_screen.py" line="110"/>
        <source>tersimpan — ketik kata sandi baru untuk menggantinya</source>
        <translation>kept — type a new passphrase to replace it</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/safety_screen.py" line="112"/>
        <source>minimal 8 karakter; simpan juga di tempat aman</source>
        <translation>at least 8 characters; also keep it somewhere safe</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/safety_screen.py" line="115"/>
        <source>Kata sandi: tersimpan (hanya kuncinya, di komputer ini).</source>
        <translation>Passphrase: kept (only its key, on this computer).</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/safety_screen.py" line="117"/>
        <source>Kata sandi: belum ada.</source>
        <translation>Passphrase: none yet.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/safety_screen.py" line="125"/>
        <source>Salinan terbaru di luar komputer: {0} jam lalu.</source>
        <translation>Newest copy off this computer: {0} hours ago.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/safety_screen.py" line="133"/>
        <source>Jam dikonfirmasi. Penjualan bisa dilanjutkan.</source>
        <translation>Clock confirmed. Selling can go on.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/safety_screen.py" line="147"/>
        <source>Pengaturan salinan disimpan.</source>
        <translation>Copy settings saved.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/safety_screen.py" line="154"/>
        <source>Menguji salinan terbaru…</source>
        <translation>Testing the newest copy…</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/safety_screen.py" line="162"/>
        <source>Berhasil: salinan {0} terbuka dan lolos pemeriksaan ({1} penjualan).</source>
        <translation>Passed: copy {0} opens and passes the integrity check ({1} sales).</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/safety_screen.py" line="168"/>
        <source>Gagal: salinan {0} rusak ({1}).</source>
        <translation>Failed: copy {0} is damaged ({1}).</translation>
    </message>
</context>
<context>
    <name>ScanBox</name>
    <message>
        <location filename="../../kkmp_pos/gui/selling/scan_box.py" line="49"/>
        <source>{name}   {price} / {unit}   stok {stock}</source>
        <translation>{name}   {price} / {unit}   stock {stock}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/scan_box.py" line="50"/>
        <source>(nonaktif, tidak dijual)</source>
        <translation>(inactive, not for sale)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/scan_box.py" line="96"/>
        <source>Pindai barcode atau ketik nama barang…</source>
        <translation>Scan a barcode or type an item name…</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/scan_box.py" line="101"/>
        <source>Siap. Pindai barang pertama.</source>
        <translation>Ready. Scan the first item.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/scan_box.py" line="118"/>
        <source>Cari di seluruh katalog (termasuk nonaktif)</source>
        <translation>Search the whole catalog (inactive included)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/scan_box.py" line="144"/>
        <source>Cari: ketik nama atau kode barang, pilih dengan ↑ ↓ lalu Enter.</source>
        <translation>Search: type an item name or code, pick with ↑ ↓ then Enter.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/scan_box.py" line="198"/>
        <source>Tidak ada barang &apos;{text}&apos; di seluruh katalog.</source>
        <translation>No product &apos;{text}&apos; in the whole catalog.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/scan_box.py" line="200"/>
        <source>Tidak ada barang aktif yang cocok dengan &apos;{text}&apos;.</source>
        <translation>No active product matches &apos;{text}&apos;.</translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setup_wizard_pages.py" line="278"/>
        <source>Daftarkan kasir ini ke server koperasi dengan kode pendaftaran dari pengurus. Tanpa server, toko tetap berjalan sendiri; daftarkan nanti lewat Menu → Pengaturan.</source>
        <translation>Enrol this till with the cooperative&apos;s server using the enrolment code from the board. Without a server the shop runs on its own; enrol later from Menu → Settings.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setup_wizard_pages.py" line="283"/>
        <source>Daftarkan ke server koperasi…</source>
        <translation>Enrol with the cooperative&apos;s server…</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setup_wizard_pages.py" line="298"/>
        <source>Sinkronisasi belum tersedia di jendela ini.</source>
        <translation>Sync is not available in this window.</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../kkmp_pos/gui/setup/settings_screen.py" line="37"/>
        <source>Pengaturan toko</source>
        <translation>Shop settings</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/settings_screen.py" line="44"/>
        <source>Toko</source>
        <translation>Shop</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/settings_screen.py" line="45"/>
        <source>Struk</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/settings_screen.py" line="46"/>
        <source>Kas &amp;&amp; PPN</source>
        <translation>Cash &amp;&amp; VAT</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/settings_screen.py" line="47"/>
        <source>QRIS</source>
        <translation>QRIS</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/settings_screen.py" line="48"/>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/settings_screen.py" line="49"/>
        <source>Batas</source>
        <translation>Limits</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/settings_screen.py" line="50"/>
        <source>Shift</source>
        <translation>Shift</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/settings_screen.py" line="51"/>
        <source>Data &amp;&amp; server</source>
        <translation>Data &amp;&amp; server</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/settings_screen.py" line="52"/>
        <source>Jam &amp;&amp; cadangan</source>
        <translation>Clock &amp;&amp; backups</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/settings_screen.py" line="53"/>
        <source>Bahasa</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/settings_screen.py" line="73"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/settings_screen.py" line="105"/>
        <source>Bahasa baru dipakai setelah aplikasi dibuka ulang.</source>
        <translation>A new language applies after the app is restarted.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/settings_screen.py" line="174"/>
        <source>{0} pengaturan disimpan.</source>
        <translation>{0} settings saved.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/settings_screen.py" line="176"/>
        <source>Tidak ada yang berubah.</source>
        <translation>Nothing changed.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/settings_screen.py" line="188"/>
        <source>Identitas toko disimpan.</source>
        <translation>Shop identity saved.</translation>
    </message>
</context>
<context>
    <name>SetupWizardScreen</name>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setup_wizard_screen.py" line="44"/>
        <source>Penyiapan toko baru</source>
        <translation>New shop setup</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setup_wizard_screen.py" line="46"/>
        <source>Koperasi dan toko</source>
        <translation>Cooperative and shop</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setup_wizard_screen.py" line="47"/>
        <source>Admin pertama</source>
        <translation>First admin</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setup_wizard_screen.py" line="48"/>
        <source>Printer struk</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setup_wizard_screen.py" line="49"/>
        <source>QRIS toko</source>
        <translation>Shop QRIS</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setup_wizard_screen.py" line="50"/>
        <source>Server koperasi (pilihan)</source>
        <translation>Cooperative server (optional)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setup_wizard_screen.py" line="80"/>
        <source>Kembali</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setup_wizard_screen.py" line="81"/>
        <source>Lewati, isi nanti</source>
        <translation>Skip, fill in later</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setup_wizard_screen.py" line="82"/>
        <location filename="../../kkmp_pos/gui/setup/setup_wizard_screen.py" line="117"/>
        <source>Lanjut [Enter]</source>
        <translation>Next [Enter]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setup_wizard_screen.py" line="111"/>
        <source>Penyiapan toko baru — {0}</source>
        <translation>New shop setup — {0}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setup_wizard_screen.py" line="112"/>
        <source>Langkah {0} dari {1}</source>
        <translation>Step {0} of {1}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setup_wizard_screen.py" line="117"/>
        <source>Selesai [Enter]</source>
        <translation>Finish [Enter]</translation>
    </message>
</context>
<context>
    <name>ShiftPrompt</name>
    <message>
        <location filename="../../kkmp_pos/gui/shifts/shift_prompt.py" line="73"/>
        <source>Belum ada shift: buka shift dulu, hitung modal awal di laci.</source>
        <translation>No shift open: open one first, count the float in the drawer.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/shifts/shift_prompt.py" line="83"/>
        <source>Belum ada shift: tidak ada yang dicatat. Isian tetap utuh.</source>
        <translation>No shift open: nothing was recorded. What you typed is kept.</translation>
    </message>
</context>
<context>
    <name>ShopForm</name>
    <message>
        <location filename="../../kkmp_pos/gui/setup/shop_form.py" line="32"/>
        <source>mis. Koperasi Desa Merah Putih Sukamaju</source>
        <translation>e.g. Koperasi Desa Merah Putih Sukamaju</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/shop_form.py" line="34"/>
        <source>mis. Gerai Sembako KDMP Sukamaju</source>
        <translation>e.g. Gerai Sembako KDMP Sukamaju</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/shop_form.py" line="40"/>
        <source>mis. AHU-0001234.AH.01.29.TAHUN 2025</source>
        <translation>e.g. AHU-0001234.AH.01.29.TAHUN 2025</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/shop_form.py" line="46"/>
        <source>boleh kosong</source>
        <translation>may be empty</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/shop_form.py" line="50"/>
        <source>Toko PKP: memungut PPN</source>
        <translation>VAT-registered shop (PKP): charges VAT</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/shop_form.py" line="53"/>
        <source>Nama koperasi</source>
        <translation>Cooperative name</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/shop_form.py" line="54"/>
        <source>Nama toko</source>
        <translation>Shop name</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/shop_form.py" line="55"/>
        <source>Kode toko (di nomor struk)</source>
        <translation>Shop code (in receipt numbers)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/shop_form.py" line="56"/>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/shop_form.py" line="57"/>
        <source>Nomor badan hukum</source>
        <translation>Legal entity number</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/shop_form.py" line="58"/>
        <source>Kode wilayah kelurahan/desa</source>
        <translation>Kelurahan/desa region code</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/shop_form.py" line="59"/>
        <source>Nomor SIMKOPDES</source>
        <translation>SIMKOPDES reference</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/shop_form.py" line="64"/>
        <source>Zona waktu</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/shop_form.py" line="65"/>
        <source>NPWP</source>
        <translation>NPWP (tax number)</translation>
    </message>
</context>
<context>
    <name>ShopPage</name>
    <message>
        <location filename="../../kkmp_pos/gui/setup/setup_wizard_pages.py" line="64"/>
        <source>Data koperasi dan toko untuk struk dan laporan. Yang belum diketahui bisa dilengkapi nanti di Pengaturan.</source>
        <translation>The cooperative&apos;s and shop&apos;s details for receipts and reports. Anything not known yet can be filled in later in Settings.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../kkmp_pos/gui/app.py" line="261"/>
        <source>Aplikasi ditutup. Perbaiki atau pulihkan database (kkmp-pos db restore), lalu buka lagi.</source>
        <translation>The app will close. Repair or restore the database (kkmp-pos db restore), then open it again.</translation>
    </message>
</context>
<context>
    <name>StockCardScreen</name>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_card_screen.py" line="21"/>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_card_screen.py" line="22"/>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_card_screen.py" line="23"/>
        <source>Dokumen</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_card_screen.py" line="24"/>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_card_screen.py" line="25"/>
        <source>Masuk</source>
        <translation>In</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_card_screen.py" line="26"/>
        <source>Keluar</source>
        <translation>Out</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_card_screen.py" line="27"/>
        <source>Saldo</source>
        <translation>Balance</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_card_screen.py" line="39"/>
        <source>Pindai atau ketik kode barang, lalu Enter</source>
        <translation>Scan or type a product code, then Enter</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_card_screen.py" line="41"/>
        <source>Lebih lama</source>
        <translation>Older</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_card_screen.py" line="42"/>
        <source>Cetak PDF</source>
        <translation>Print PDF</translation>
    </message>
</context>
<context>
    <name>StockCountScreen</name>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_count_screen.py" line="30"/>
        <location filename="../../kkmp_pos/gui/stock/stock_count_screen.py" line="37"/>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_count_screen.py" line="31"/>
        <location filename="../../kkmp_pos/gui/stock/stock_count_screen.py" line="38"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_count_screen.py" line="32"/>
        <source>Satuan</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_count_screen.py" line="33"/>
        <location filename="../../kkmp_pos/gui/stock/stock_count_screen.py" line="42"/>
        <source>Dihitung</source>
        <translation>Counted</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_count_screen.py" line="34"/>
        <source>Hitung ulang</source>
        <translation>Recount</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_count_screen.py" line="39"/>
        <source>Awal</source>
        <translation>At start</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_count_screen.py" line="40"/>
        <source>Bergerak</source>
        <translation>Moved</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_count_screen.py" line="41"/>
        <source>Sistem</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_count_screen.py" line="43"/>
        <source>Selisih</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_count_screen.py" line="44"/>
        <source>Selisih (Rp)</source>
        <translation>Difference (Rp)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_count_screen.py" line="55"/>
        <source>Semua barang</source>
        <translation>All products</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_count_screen.py" line="58"/>
        <source>Mulai stok opname</source>
        <translation>Start stock count</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_count_screen.py" line="59"/>
        <source>Cetak lembar hitung</source>
        <translation>Print count sheet</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_count_screen.py" line="72"/>
        <source>Pindai tiap barang (tambah 1)</source>
        <translation>Scan each item (adds 1)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_count_screen.py" line="75"/>
        <source>Kode / barcode</source>
        <translation>Code / barcode</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_count_screen.py" line="77"/>
        <source>Jumlah</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_count_screen.py" line="88"/>
        <source>Tinjau selisih (manajer)</source>
        <translation>Review differences (manager)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_count_screen.py" line="89"/>
        <source>Hitung ulang baris</source>
        <translation>Recount line</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_count_screen.py" line="90"/>
        <source>Setujui dan sesuaikan stok</source>
        <translation>Approve and adjust stock</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_count_screen.py" line="91"/>
        <source>Cetak laporan selisih</source>
        <translation>Print difference report</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_count_screen.py" line="92"/>
        <source>Batalkan stok opname</source>
        <translation>Cancel stock count</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_count_screen.py" line="116"/>
        <source>Tidak ada stok opname berjalan.</source>
        <translation>No stock count in progress.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_count_screen.py" line="119"/>
        <source>berjalan</source>
        <translation>in progress</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_count_screen.py" line="120"/>
        <source>disetujui</source>
        <translation>approved</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_count_screen.py" line="121"/>
        <source>dibatalkan</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_count_screen.py" line="124"/>
        <source>Stok opname {number}: {status}</source>
        <translation>Stock count {number}: {status}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_count_screen.py" line="211"/>
        <source>belum</source>
        <translation>not yet</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_count_screen.py" line="229"/>
        <source>{n} barang berselisih, total {total}; {u} belum dihitung</source>
        <translation>{n} products differ, total {total}; {u} not counted yet</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_count_screen.py" line="269"/>
        <source>Setujui stok opname</source>
        <translation>Approve stock count</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_count_screen.py" line="279"/>
        <source>Stok opname disetujui; stok disesuaikan.</source>
        <translation>Stock count approved; stock adjusted.</translation>
    </message>
</context>
<context>
    <name>StockListsScreen</name>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_lists_screen.py" line="66"/>
        <source>Stok menipis</source>
        <translation>Low stock</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_lists_screen.py" line="66"/>
        <source>Hampir kedaluwarsa</source>
        <translation>Expiring soon</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_lists_screen.py" line="66"/>
        <source>Sudah kedaluwarsa</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_lists_screen.py" line="71"/>
        <source>Cetak PDF</source>
        <translation>Print PDF</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_lists_screen.py" line="72"/>
        <source>Hapus stok (rusak/kedaluwarsa/hilang)…</source>
        <translation>Write off stock (damaged/expired/lost)…</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_lists_screen.py" line="95"/>
        <location filename="../../kkmp_pos/gui/stock/stock_lists_screen.py" line="113"/>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_lists_screen.py" line="96"/>
        <location filename="../../kkmp_pos/gui/stock/stock_lists_screen.py" line="114"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_lists_screen.py" line="97"/>
        <source>Stok</source>
        <translation>Stock</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_lists_screen.py" line="98"/>
        <source>Batas pesan</source>
        <translation>Reorder level</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_lists_screen.py" line="99"/>
        <location filename="../../kkmp_pos/gui/stock/stock_lists_screen.py" line="119"/>
        <source>Nilai</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_lists_screen.py" line="115"/>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_lists_screen.py" line="116"/>
        <source>Kedaluwarsa</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_lists_screen.py" line="117"/>
        <source>Hari</source>
        <translation>Days</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_lists_screen.py" line="118"/>
        <source>Jumlah</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_lists_screen.py" line="181"/>
        <source>Stok dihapus, nilai {v}.</source>
        <translation>Stock written off, value {v}.</translation>
    </message>
</context>
<context>
    <name>StockModuleScreen</name>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_module_screen.py" line="37"/>
        <source>Stok dan Barang — {name}</source>
        <translation>Stock and Products — {name}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_module_screen.py" line="49"/>
        <source>Produk</source>
        <translation>Products</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_module_screen.py" line="50"/>
        <source>Penerimaan barang</source>
        <translation>Goods receiving</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_module_screen.py" line="51"/>
        <source>Kartu stok</source>
        <translation>Stock card</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_module_screen.py" line="52"/>
        <source>Stok opname</source>
        <translation>Stock count</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_module_screen.py" line="53"/>
        <source>Daftar stok</source>
        <translation>Stock lists</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_module_screen.py" line="55"/>
        <source>Batas pembelian</source>
        <translation>Purchase limits</translation>
    </message>
</context>
<context>
    <name>StockProductsScreen</name>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_products_screen.py" line="58"/>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_products_screen.py" line="59"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_products_screen.py" line="60"/>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_products_screen.py" line="61"/>
        <source>Harga</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_products_screen.py" line="62"/>
        <source>Harga anggota</source>
        <translation>Member price</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_products_screen.py" line="63"/>
        <source>HET</source>
        <translation>HET</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_products_screen.py" line="64"/>
        <source>Stok</source>
        <translation>Stock</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_products_screen.py" line="65"/>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_products_screen.py" line="74"/>
        <source>Cari nama, kode atau barcode</source>
        <translation>Search name, code or barcode</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_products_screen.py" line="77"/>
        <source>Tampilkan yang nonaktif</source>
        <translation>Show inactive</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_products_screen.py" line="86"/>
        <source>Barang baru</source>
        <translation>New product</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_products_screen.py" line="87"/>
        <source>Ubah</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_products_screen.py" line="88"/>
        <source>Aktifkan / nonaktifkan</source>
        <translation>Activate / deactivate</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_products_screen.py" line="89"/>
        <source>Impor CSV/XLSX…</source>
        <translation>Import CSV/XLSX…</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_products_screen.py" line="90"/>
        <source>Ekspor…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_products_screen.py" line="91"/>
        <source>Pemasok…</source>
        <translation>Suppliers…</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_products_screen.py" line="123"/>
        <source>ya</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_products_screen.py" line="123"/>
        <source>tidak</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_products_screen.py" line="166"/>
        <source>Impor barang</source>
        <translation>Import products</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_products_screen.py" line="178"/>
        <source>{n} barang diimpor.</source>
        <translation>{n} products imported.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_products_screen.py" line="187"/>
        <source>Ekspor barang</source>
        <translation>Export products</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_products_screen.py" line="192"/>
        <source>{n} barang diekspor ke {path}.</source>
        <translation>{n} products exported to {path}.</translation>
    </message>
</context>
<context>
    <name>StockReceivingScreen</name>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_receiving_screen.py" line="49"/>
        <source>(tanpa pemasok)</source>
        <translation>(no supplier)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_receiving_screen.py" line="55"/>
        <source>Pemasok</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_receiving_screen.py" line="56"/>
        <source>Nomor faktur</source>
        <translation>Invoice number</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_receiving_screen.py" line="57"/>
        <source>Tanggal faktur</source>
        <translation>Invoice date</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_receiving_screen.py" line="61"/>
        <source>Pindai barcode / DataMatrix, atau ketik nama lalu Enter</source>
        <translation>Scan barcode / DataMatrix, or type a name then Enter</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_receiving_screen.py" line="69"/>
        <source>Hapus baris</source>
        <translation>Remove line</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_receiving_screen.py" line="70"/>
        <source>Simpan penerimaan</source>
        <translation>Save goods receipt</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_receiving_screen.py" line="71"/>
        <source>Batalkan penerimaan…</source>
        <translation>Cancel goods receipt…</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_receiving_screen.py" line="100"/>
        <source>Pilih barang</source>
        <translation>Choose product</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_receiving_screen.py" line="33"/>
        <location filename="../../kkmp_pos/gui/stock/stock_receiving_screen.py" line="100"/>
        <source>Barang</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_receiving_screen.py" line="34"/>
        <source>Satuan</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_receiving_screen.py" line="35"/>
        <source>Jumlah</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_receiving_screen.py" line="36"/>
        <source>Harga pokok/satuan</source>
        <translation>Unit cost</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_receiving_screen.py" line="37"/>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_receiving_screen.py" line="38"/>
        <source>Kedaluwarsa</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_receiving_screen.py" line="39"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_receiving_screen.py" line="54"/>
        <source>TTTT-BB-HH</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_receiving_screen.py" line="134"/>
        <source>Total: {total}</source>
        <translation>Total: {total}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_receiving_screen.py" line="172"/>
        <source>Penerimaan {number} disimpan ({total}).</source>
        <translation>Goods receipt {number} saved ({total}).</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_receiving_screen.py" line="184"/>
        <source>Batalkan penerimaan</source>
        <translation>Cancel goods receipt</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_receiving_screen.py" line="184"/>
        <source>Nomor penerimaan (GR-…)</source>
        <translation>Goods receipt number (GR-…)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_receiving_screen.py" line="196"/>
        <source>Dibatalkan dengan {number}.</source>
        <translation>Cancelled by {number}.</translation>
    </message>
</context>
<context>
    <name>StockTab</name>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_tab.py" line="45"/>
        <source>PDF disimpan: {path}</source>
        <translation>PDF saved: {path}</translation>
    </message>
</context>
<context>
    <name>SupplierDialog</name>
    <message>
        <location filename="../../kkmp_pos/gui/stock/supplier_dialog.py" line="34"/>
        <source>Pemasok</source>
        <translation>Suppliers</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/supplier_dialog.py" line="37"/>
        <location filename="../../kkmp_pos/gui/stock/supplier_dialog.py" line="49"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/supplier_dialog.py" line="37"/>
        <location filename="../../kkmp_pos/gui/stock/supplier_dialog.py" line="50"/>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/supplier_dialog.py" line="37"/>
        <location filename="../../kkmp_pos/gui/stock/supplier_dialog.py" line="51"/>
        <source>Kontak</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/supplier_dialog.py" line="37"/>
        <location filename="../../kkmp_pos/gui/stock/supplier_dialog.py" line="52"/>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/supplier_dialog.py" line="53"/>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/supplier_dialog.py" line="58"/>
        <source>Baru</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/supplier_dialog.py" line="59"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/supplier_dialog.py" line="60"/>
        <source>Nonaktifkan</source>
        <translation>Deactivate</translation>
    </message>
</context>
<context>
    <name>SyncProblemsDialog</name>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_problems_dialog.py" line="25"/>
        <source>Penjualan</source>
        <translation>Sale</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_problems_dialog.py" line="26"/>
        <source>Pembatalan</source>
        <translation>Cancellation</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_problems_dialog.py" line="27"/>
        <source>Konfirmasi QRIS</source>
        <translation>QRIS confirmation</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_problems_dialog.py" line="28"/>
        <source>Retur</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_problems_dialog.py" line="29"/>
        <source>Anggota baru</source>
        <translation>New member</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_problems_dialog.py" line="30"/>
        <source>Perubahan produk</source>
        <translation>Product change</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_problems_dialog.py" line="33"/>
        <source>Dari server: produk</source>
        <translation>From the server: product</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_problems_dialog.py" line="34"/>
        <source>Dari server: harga</source>
        <translation>From the server: price</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_problems_dialog.py" line="35"/>
        <source>Dari server: HET</source>
        <translation>From the server: price ceiling</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_problems_dialog.py" line="36"/>
        <source>Dari server: anggota</source>
        <translation>From the server: member</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_problems_dialog.py" line="37"/>
        <source>Dari server: mutasi stok</source>
        <translation>From the server: stock movement</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_problems_dialog.py" line="51"/>
        <source>Masalah sinkron</source>
        <translation>Sync problems</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_problems_dialog.py" line="53"/>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_problems_dialog.py" line="57"/>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_problems_dialog.py" line="57"/>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_problems_dialog.py" line="57"/>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_problems_dialog.py" line="57"/>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_problems_dialog.py" line="80"/>
        <source>Ditahan di kasir (tidak dikirim): %1</source>
        <translation>Held back at the till (not sent): %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kkmp_pos/gui/sync/sync_problems_dialog.py" line="91"/>
        <source>%n peristiwa atau data tidak tersinkron. Yang lain tetap terkirim dan diterima; catat alasannya dan hubungi admin koperasi.</source>
        <translation>
            <numerusform>%n event or change did not sync. Everything else was still sent and received; note the reason and contact the cooperative&apos;s admin.</numerusform>
            <numerusform>%n events or changes did not sync. Everything else was still sent and received; note the reasons and contact the cooperative&apos;s admin.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_problems_dialog.py" line="61"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_problems_dialog.py" line="98"/>
        <source>Tidak ada masalah: server menerima semua peristiwa.</source>
        <translation>No problems: the server accepted every event.</translation>
    </message>
</context>
<context>
    <name>SyncSettingsDialog</name>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_settings_dialog.py" line="38"/>
        <source>Sinkronisasi dengan server koperasi</source>
        <translation>Sync with the cooperative&apos;s server</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_settings_dialog.py" line="44"/>
        <source>Kirim katalog dan anggota toko ini ke server</source>
        <translation>Send this shop&apos;s catalog and members to the server</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_settings_dialog.py" line="48"/>
        <source>Daftarkan kasir ini</source>
        <translation>Enrol this till</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_settings_dialog.py" line="49"/>
        <source>Sinkronkan sekarang</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_settings_dialog.py" line="50"/>
        <source>Masalah sinkron…</source>
        <translation>Sync problems…</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_settings_dialog.py" line="51"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_settings_dialog.py" line="53"/>
        <source>Alamat server</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_settings_dialog.py" line="54"/>
        <source>Kode pendaftaran</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_settings_dialog.py" line="76"/>
        <source>Kasir ini terdaftar di %1.</source>
        <translation>This till is enrolled at %1.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_settings_dialog.py" line="78"/>
        <source>Kasir ini belum terdaftar di server koperasi.</source>
        <translation>This till is not enrolled with the cooperative&apos;s server yet.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_settings_dialog.py" line="85"/>
        <source>Isi alamat server dan kode pendaftaran.</source>
        <translation>Fill in the server address and enrolment code.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_settings_dialog.py" line="89"/>
        <source>Mendaftarkan…</source>
        <translation>Enrolling…</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_settings_dialog.py" line="107"/>
        <source>%1 produk dan %2 anggota akan dikirim ke server.</source>
        <translation>%1 products and %2 members will be sent to the server.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_settings_dialog.py" line="120"/>
        <source>Sinkronisasi dimulai.</source>
        <translation>Sync started.</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_status.py" line="32"/>
        <source>%1 dtk</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_status.py" line="34"/>
        <source>%1 mnt</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_status.py" line="36"/>
        <source>%1 jam</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_status.py" line="39"/>
        <source>%1 hari</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_status.py" line="85"/>
        <source>Sinkron: belum terhubung ke server</source>
        <translation>Sync: not connected to a server</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_status.py" line="89"/>
        <source>Sinkron berhenti: kasir ini dicabut di server koperasi</source>
        <translation>Sync stopped: this till was revoked on the cooperative&apos;s server</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_status.py" line="92"/>
        <source>Sinkron berhenti: server menolak kasir ini</source>
        <translation>Sync stopped: the server refused this till</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_status.py" line="95"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_status.py" line="98"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_status.py" line="101"/>
        <source>Menghubungi server…</source>
        <translation>Contacting server…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kkmp_pos/gui/sync/sync_status.py" line="103"/>
        <source>%n menunggu</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_status.py" line="105"/>
        <source>(tertua %1)</source>
        <translation>(oldest %1)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_status.py" line="108"/>
        <source>semua terkirim</source>
        <translation>all sent</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/sync/sync_status.py" line="110"/>
        <source>terakhir %1</source>
        <translation>last %1</translation>
    </message>
</context>
<context>
    <name>TotalsPanel</name>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_panels.py" line="94"/>
        <source>Hemat anggota</source>
        <translation>Member saves</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_panels.py" line="96"/>
        <source>Diskon</source>
        <translation>Discount</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_panels.py" line="107"/>
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_panels.py" line="113"/>
        <source>Subtotal ({n} baris)</source>
        <translation>Subtotal ({n} lines)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/cashier_panels.py" line="125"/>
        <source>Jadi anggota koperasi, hemat {amount} untuk belanja ini (daftar: Ctrl+N)</source>
        <translation>Join the cooperative and save {amount} on this purchase (register: Ctrl+N)</translation>
    </message>
</context>
<context>
    <name>UsersScreen</name>
    <message>
        <location filename="../../kkmp_pos/gui/setup/users_screen.py" line="35"/>
        <source>Pengguna</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/users_screen.py" line="38"/>
        <location filename="../../kkmp_pos/gui/setup/users_screen.py" line="57"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/users_screen.py" line="38"/>
        <location filename="../../kkmp_pos/gui/setup/users_screen.py" line="58"/>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/users_screen.py" line="38"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/users_screen.py" line="59"/>
        <source>PIN (4-6 angka)</source>
        <translation>PIN (4-6 digits)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/users_screen.py" line="63"/>
        <source>Tambah pengguna</source>
        <translation>Add user</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/users_screen.py" line="64"/>
        <source>Simpan nama/peran</source>
        <translation>Save name/role</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/users_screen.py" line="65"/>
        <source>Atur ulang PIN</source>
        <translation>Reset PIN</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/users_screen.py" line="66"/>
        <source>Nonaktifkan / aktifkan</source>
        <translation>Deactivate / activate</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/users_screen.py" line="93"/>
        <source>aktif</source>
        <translation>active</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/users_screen.py" line="93"/>
        <source>nonaktif</source>
        <translation>inactive</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/users_screen.py" line="95"/>
        <source>terkunci</source>
        <translation>locked</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/users_screen.py" line="129"/>
        <source>Pengguna ditambahkan.</source>
        <translation>User added.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/users_screen.py" line="139"/>
        <source>Perubahan disimpan.</source>
        <translation>Changes saved.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/users_screen.py" line="147"/>
        <source>PIN diatur ulang.</source>
        <translation>PIN reset.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/setup/users_screen.py" line="156"/>
        <source>Status diubah.</source>
        <translation>Status changed.</translation>
    </message>
</context>
<context>
    <name>WeightDialog</name>
    <message>
        <location filename="../../kkmp_pos/gui/selling/weight_dialog.py" line="28"/>
        <source>Timbang</source>
        <translation>Weigh</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/weight_dialog.py" line="38"/>
        <source>{price} per {unit}</source>
        <translation>{price} per {unit}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/weight_dialog.py" line="42"/>
        <source>Berat ({unit}), mis. 1,25</source>
        <translation>Weight ({unit}), e.g. 1.25</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/weight_dialog.py" line="48"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/weight_dialog.py" line="57"/>
        <source>Tambah [Enter]</source>
        <translation>Add [Enter]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/selling/weight_dialog.py" line="57"/>
        <source>Batal [Esc]</source>
        <translation>Cancel [Esc]</translation>
    </message>
</context>
<context>
    <name>WriteOffDialog</name>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_lists_screen.py" line="33"/>
        <source>Hapus stok: {name}</source>
        <translation>Write off stock: {name}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_lists_screen.py" line="41"/>
        <source>Keterangan (wajib)</source>
        <translation>Note (required)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_lists_screen.py" line="42"/>
        <source>Jumlah</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_lists_screen.py" line="43"/>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_lists_screen.py" line="44"/>
        <source>Keterangan</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_lists_screen.py" line="48"/>
        <source>Hapus dari stok [Enter]</source>
        <translation>Take out of stock [Enter]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/stock/stock_lists_screen.py" line="49"/>
        <source>Batal [Esc]</source>
        <translation>Cancel [Esc]</translation>
    </message>
</context>
</TS>
