<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CartModel</name>
    <message>
        <location filename="../../kkmp_pos/gui/cart_model.py" line="25"/>
        <source>Barang</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/cart_model.py" line="26"/>
        <source>Jumlah</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/cart_model.py" line="27"/>
        <source>Harga</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/cart_model.py" line="28"/>
        <source>Jenis harga</source>
        <translation>Price type</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/cart_model.py" line="29"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/cart_model.py" line="31"/>
        <source>Anggota</source>
        <translation>Member</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/cart_model.py" line="32"/>
        <source>Harga anggota (normal {price})</source>
        <translation>Member price (regular {price})</translation>
    </message>
</context>
<context>
    <name>CashierScreen</name>
    <message>
        <location filename="../../kkmp_pos/gui/cashier_screen.py" line="81"/>
        <source>Keluar</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/cashier_screen.py" line="98"/>
        <source>Pindai barcode atau ketik nama barang…</source>
        <translation>Scan a barcode or type an item name…</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/cashier_screen.py" line="103"/>
        <source>Siap. Pindai barang pertama.</source>
        <translation>Ready. Scan the first item.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/cashier_screen.py" line="128"/>
        <source>Cari</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/cashier_screen.py" line="129"/>
        <source>Jumlah</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/cashier_screen.py" line="130"/>
        <source>Hapus baris</source>
        <translation>Remove line</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/cashier_screen.py" line="131"/>
        <source>Kosongkan</source>
        <translation>Clear cart</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/cashier_screen.py" line="148"/>
        <source>BAYAR</source>
        <translation>PAY</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/cashier_screen.py" line="180"/>
        <source>Kasir: {name}</source>
        <translation>Cashier: {name}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/cashier_screen.py" line="185"/>
        <source>Selesaikan atau kosongkan keranjang sebelum keluar.</source>
        <translation>Finish or clear the cart before logging out.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/cashier_screen.py" line="254"/>
        <source>{name}: {qty} × {price}</source>
        <translation>{name}: {qty} × {price}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/cashier_screen.py" line="267"/>
        <source>Cari: ketik nama atau kode barang, pilih dengan ↑ ↓ lalu Enter.</source>
        <translation>Search: type an item name or code, pick with ↑ ↓ then Enter.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/cashier_screen.py" line="280"/>
        <source>{name}   {price}   stok {stock}</source>
        <translation>{name}   {price}   stock {stock}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/cashier_screen.py" line="362"/>
        <source>Baris dihapus: {name}</source>
        <translation>Line removed: {name}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/cashier_screen.py" line="370"/>
        <source>Keranjang dikosongkan.</source>
        <translation>Cart cleared.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/cashier_screen.py" line="390"/>
        <source>Anggota {name} ({number}): harga anggota berlaku.</source>
        <translation>Member {name} ({number}): member prices apply.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/cashier_screen.py" line="396"/>
        <source>Anggota {number} tidak aktif: harga biasa.</source>
        <translation>Member {number} is not active: regular prices.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/cashier_screen.py" line="407"/>
        <source>Anggota dilepas: harga biasa.</source>
        <translation>Member removed: regular prices.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/cashier_screen.py" line="452"/>
        <source>Tersimpan {number}. Kembali {change}.</source>
        <translation>Saved {number}. Change {change}.</translation>
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
    <name>LastSalePanel</name>
    <message>
        <location filename="../../kkmp_pos/gui/cashier_panels.py" line="115"/>
        <source>Transaksi terakhir</source>
        <translation>Last sale</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/cashier_panels.py" line="123"/>
        <source>Struk terakhir</source>
        <translation>Last receipt</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/cashier_panels.py" line="124"/>
        <source>Cetak ulang</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/cashier_panels.py" line="129"/>
        <source>Belum ada transaksi</source>
        <translation>No sale yet</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/cashier_panels.py" line="132"/>
        <source>Kembali {amount}</source>
        <translation>Change {amount}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/cashier_panels.py" line="134"/>
        <source>Mencetak struk…</source>
        <translation>Printing the receipt…</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../kkmp_pos/gui/login_screen.py" line="66"/>
        <source>Pilih nama Anda</source>
        <translation>Choose your name</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/login_screen.py" line="73"/>
        <source>Toko demo: PIN contoh tertulis di bawah setiap nama.</source>
        <translation>Demo shop: each name shows its sample PIN.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/login_screen.py" line="85"/>
        <source>Pilih nama di kiri</source>
        <translation>Choose a name on the left</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/login_screen.py" line="88"/>
        <location filename="../../kkmp_pos/gui/login_screen.py" line="184"/>
        <source>PIN (4–6 angka)</source>
        <translation>PIN (4–6 digits)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/login_screen.py" line="97"/>
        <source>Masuk [Enter]</source>
        <translation>Log in [Enter]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/login_screen.py" line="122"/>
        <source>PIN demo: {pin}</source>
        <translation>demo PIN: {pin}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/login_screen.py" line="136"/>
        <source>Kasir</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/login_screen.py" line="136"/>
        <source>Manajer</source>
        <translation>Manager</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/login_screen.py" line="136"/>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/login_screen.py" line="175"/>
        <source>Belum ada pengguna. Buat admin pertama toko ini.</source>
        <translation>No users yet. Create this shop&apos;s first admin.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/login_screen.py" line="183"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/login_screen.py" line="185"/>
        <source>Ulangi PIN</source>
        <translation>Repeat PIN</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/login_screen.py" line="191"/>
        <source>Buat admin</source>
        <translation>Create admin</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/login_screen.py" line="204"/>
        <source>Isi nama admin.</source>
        <translation>Enter the admin&apos;s name.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/login_screen.py" line="207"/>
        <source>Kedua PIN tidak sama.</source>
        <translation>The two PINs differ.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kkmp_pos/gui/app.py" line="36"/>
        <source>KKMP POS — Kasir Koperasi</source>
        <translation>KKMP POS — Cooperative Till</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/app.py" line="51"/>
        <source>TOKO DEMO</source>
        <translation>DEMO SHOP</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../../kkmp_pos/gui/member_dialog.py" line="33"/>
        <source>Anggota</source>
        <translation>Member</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/member_dialog.py" line="39"/>
        <source>Pindai kartu anggota, atau ketik nomor anggota, nomor HP, NIK atau nama:</source>
        <translation>Scan the member card, or type the member number, phone, NIK or name:</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/member_dialog.py" line="54"/>
        <source>Pilih [Enter]</source>
        <translation>Choose [Enter]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/member_dialog.py" line="58"/>
        <source>Batal [Esc]</source>
        <translation>Cancel [Esc]</translation>
    </message>
</context>
<context>
    <name>MemberPanel</name>
    <message>
        <location filename="../../kkmp_pos/gui/cashier_panels.py" line="36"/>
        <location filename="../../kkmp_pos/gui/cashier_panels.py" line="44"/>
        <source>Anggota</source>
        <translation>Member</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/cashier_panels.py" line="45"/>
        <source>Lepas anggota</source>
        <translation>Remove member</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/cashier_panels.py" line="53"/>
        <source>Bukan anggota</source>
        <translation>Not a member</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/cashier_panels.py" line="54"/>
        <source>Pindai kartu anggota atau tekan F6</source>
        <translation>Scan a member card or press F6</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/cashier_panels.py" line="59"/>
        <source>No. {number} · NIK {nik}</source>
        <translation>No. {number} · NIK {nik}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/cashier_panels.py" line="63"/>
        <source>TIDAK AKTIF</source>
        <translation>NOT ACTIVE</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/cashier_panels.py" line="65"/>
        <source>Hemat anggota: {amount}</source>
        <translation>Member saves: {amount}</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../kkmp_pos/gui/payment_dialog.py" line="41"/>
        <source>Pembayaran tunai</source>
        <translation>Cash payment</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/payment_dialog.py" line="49"/>
        <source>Harus dibayar</source>
        <translation>To pay</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/payment_dialog.py" line="59"/>
        <source>Total {total}, pembulatan {diff}</source>
        <translation>Total {total}, rounding {diff}</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/payment_dialog.py" line="67"/>
        <source>Uang pas</source>
        <translation>Exact cash</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/payment_dialog.py" line="83"/>
        <source>Uang diterima</source>
        <translation>Cash received</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/payment_dialog.py" line="85"/>
        <source>ketik jumlah uang, mis. 100000</source>
        <translation>type the amount, e.g. 100000</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/payment_dialog.py" line="91"/>
        <location filename="../../kkmp_pos/gui/payment_dialog.py" line="133"/>
        <location filename="../../kkmp_pos/gui/payment_dialog.py" line="140"/>
        <source>Kembali</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/payment_dialog.py" line="105"/>
        <source>Bayar [Enter]</source>
        <translation>Pay [Enter]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/payment_dialog.py" line="108"/>
        <source>Batal [Esc]</source>
        <translation>Cancel [Esc]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/payment_dialog.py" line="137"/>
        <source>Kurang</source>
        <translation>Short</translation>
    </message>
</context>
<context>
    <name>QtyDialog</name>
    <message>
        <location filename="../../kkmp_pos/gui/qty_dialog.py" line="21"/>
        <source>Ubah jumlah</source>
        <translation>Change quantity</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/qty_dialog.py" line="28"/>
        <source>Jumlah ({unit})</source>
        <translation>Quantity ({unit})</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/qty_dialog.py" line="38"/>
        <source>Simpan [Enter]</source>
        <translation>Save [Enter]</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/qty_dialog.py" line="41"/>
        <source>Batal [Esc]</source>
        <translation>Cancel [Esc]</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <location filename="../../kkmp_pos/gui/receipt_dialog.py" line="18"/>
        <source>Struk terakhir</source>
        <translation>Last receipt</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/receipt_dialog.py" line="30"/>
        <source>Cetak salinan</source>
        <translation>Print a copy</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/receipt_dialog.py" line="35"/>
        <source>Tutup [Esc]</source>
        <translation>Close [Esc]</translation>
    </message>
</context>
<context>
    <name>ReceiptPrinting</name>
    <message>
        <location filename="../../kkmp_pos/gui/receipt_printing.py" line="50"/>
        <source>Struk dicetak.</source>
        <translation>Receipt printed.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/receipt_printing.py" line="52"/>
        <source>Printer gagal.</source>
        <translation>Printer failed.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/receipt_printing.py" line="53"/>
        <source>Struk belum tercetak.</source>
        <translation>Receipt not printed yet.</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/receipt_printing.py" line="59"/>
        <source>Cetak ulang</source>
        <translation>Reprint</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../kkmp_pos/gui/app.py" line="134"/>
        <source>Aplikasi ditutup. Perbaiki atau pulihkan database (kkmp-pos db restore), lalu buka lagi.</source>
        <translation>The app will close. Repair or restore the database (kkmp-pos db restore), then open it again.</translation>
    </message>
</context>
<context>
    <name>TotalsPanel</name>
    <message>
        <location filename="../../kkmp_pos/gui/cashier_panels.py" line="77"/>
        <source>Hemat anggota</source>
        <translation>Member saves</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/cashier_panels.py" line="86"/>
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/cashier_panels.py" line="92"/>
        <source>Subtotal ({n} baris)</source>
        <translation>Subtotal ({n} lines)</translation>
    </message>
    <message>
        <location filename="../../kkmp_pos/gui/cashier_panels.py" line="101"/>
        <source>Jadi anggota koperasi, hemat {amount} untuk belanja ini</source>
        <translation>Join the cooperative and save {amount} on this purchase</translation>
    </message>
</context>
</TS>
