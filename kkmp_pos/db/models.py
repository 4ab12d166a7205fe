"""The till's peewee models: one BaseModel bound at run time to the local SQLite file.

Money columns are integers of rupiah (`*_rp`), quantities integers of milli-units (`*_milli`). Timestamps
are UTC ISO-8601 text; `business_date` is the store-local date as 'YYYY-MM-DD'. Documents that leave the
till have a UUIDv7 text id. The schema itself is created by numbered steps in `migrations.py`; a test
checks that these classes and the migrated schema agree.
"""

from __future__ import annotations

from typing import Any, ClassVar

import peewee as pw

from kkmp_pos.db.database import database


class BaseModel(pw.Model):
    class Meta:
        database = database
        legacy_table_names = False


class SettingModel(BaseModel):
    """Store- and terminal-level settings as JSON values, declared and typed in config.py."""

    key = pw.CharField(primary_key=True)
    value = pw.TextField()

    # Counts the writes made through this model in this process (every setting write goes through
    # it): with `PRAGMA data_version` (commits by other connections) it tells a cache of the settings
    # (ServiceContext) when to read them again.
    writes: ClassVar[int] = 0

    class Meta:
        table_name = "setting"

    @classmethod
    def insert(cls, *args: Any, **kwargs: Any) -> Any:
        cls._written()
        return super().insert(*args, **kwargs)

    @classmethod
    def insert_many(cls, *args: Any, **kwargs: Any) -> Any:
        cls._written()
        return super().insert_many(*args, **kwargs)

    @classmethod
    def replace(cls, *args: Any, **kwargs: Any) -> Any:
        cls._written()
        return super().replace(*args, **kwargs)

    @classmethod
    def update(cls, *args: Any, **kwargs: Any) -> Any:
        cls._written()
        return super().update(*args, **kwargs)

    @classmethod
    def delete(cls) -> Any:
        cls._written()
        return super().delete()

    @classmethod
    def _written(cls) -> None:
        SettingModel.writes += 1


class StoreModel(BaseModel):
    """The shop this till belongs to (one row)."""

    id = pw.CharField(primary_key=True)  # uuid, matches the server's once enrolled
    cooperative_id = pw.CharField()
    code = pw.CharField()  # short code used in receipt numbers, e.g. 'KMPBPN'
    name = pw.CharField()
    cooperative_name = pw.CharField()
    address = pw.TextField(default="")
    legal_number = pw.CharField(default="")  # nomor badan hukum koperasi
    npwp = pw.CharField(default="")
    region = pw.CharField(default="")  # province/regency for HET
    price_zone = pw.IntegerField(default=2)
    timezone = pw.CharField(default="Asia/Makassar")
    vat_registered = pw.BooleanField(default=False)
    is_apotek = pw.BooleanField(default=False)

    class Meta:
        table_name = "store"


class TerminalModel(BaseModel):
    """This till (one row): its identity and the counters that must never repeat."""

    id = pw.CharField(primary_key=True)  # uuid
    code = pw.CharField()  # 'T1'
    number = pw.IntegerField()  # 1..99, used in receipt codes
    next_seq = pw.IntegerField(default=1)  # outbox sequence, never reused
    enrolled = pw.BooleanField(default=False)
    server_url = pw.CharField(default="")
    token = pw.CharField(default="")
    pull_cursor = pw.CharField(default="")

    class Meta:
        table_name = "terminal"


class UserModel(BaseModel):
    id = pw.AutoField()
    name = pw.CharField(unique=True)
    role = pw.CharField()  # 'kasir' | 'manajer' | 'admin'
    pin_hash = pw.CharField()  # scrypt$n$r$p$salt$hash, never the PIN
    active = pw.BooleanField(default=True)
    failed_attempts = pw.IntegerField(default=0)
    locked_until = pw.CharField(null=True)  # UTC ISO
    created_at = pw.CharField()

    class Meta:
        table_name = "user"


class CategoryModel(BaseModel):
    id = pw.AutoField()
    name = pw.CharField(unique=True)

    class Meta:
        table_name = "category"


class SupplierModel(BaseModel):
    id = pw.AutoField()
    name = pw.CharField(unique=True)
    kind = pw.CharField(default="")  # bulog | lpg_agent | kimia_farma | local | other
    contact = pw.CharField(default="")
    phone = pw.CharField(default="")
    address = pw.TextField(default="")
    active = pw.BooleanField(default=True)

    class Meta:
        table_name = "supplier"


class ProductModel(BaseModel):
    id = pw.AutoField()
    uid = pw.CharField(unique=True)  # uuid shared with the server
    code = pw.CharField(unique=True)  # PLU / internal code
    name = pw.CharField()
    search_text = pw.CharField(index=True)  # lower-cased, accents folded; for search
    base_unit = pw.CharField(default="pcs")  # pcs | kg | L | tabung | ...
    is_weighed = pw.BooleanField(default=False)  # sold by weight: quantity may be fractional
    category = pw.ForeignKeyField(CategoryModel, null=True, on_delete="SET NULL")
    business_unit = pw.CharField(default="sembako")  # sembako | lpg | obat
    supplier = pw.ForeignKeyField(SupplierModel, null=True, on_delete="SET NULL")
    cost_rp = pw.IntegerField(default=0)  # moving average cost per base unit
    regular_price_rp = pw.IntegerField()
    member_price_rp = pw.IntegerField(null=True)
    ceiling_rp = pw.IntegerField(null=True)  # HET per base unit, None = no ceiling
    reorder_level_milli = pw.IntegerField(default=0)
    track_batches = pw.BooleanField(default=False)
    drug_class = pw.CharField(null=True)  # bebas | bebas_terbatas | keras
    requires_nik = pw.BooleanField(default=False)  # LPG 3 kg
    active = pw.BooleanField(default=True)
    on_hand_milli = pw.IntegerField(default=0)  # cache of the ledger's sum
    updated_at = pw.CharField()
    ppn_exempt = pw.BooleanField(default=False)  # step 7: no PPN in its price (core/tax.py)
    aliases = pw.TextField(default="")  # step 12: other names it is searched by, comma separated

    class Meta:
        table_name = "product"


class ProductUnitModel(BaseModel):
    """A selling unit other than the base unit (a renceng, a dus), stocked in the base unit."""

    id = pw.AutoField()
    product = pw.ForeignKeyField(ProductModel, backref="units", on_delete="CASCADE")
    name = pw.CharField()
    factor_milli = pw.IntegerField()  # base milli-units in one of this unit: dus of 40 = 40000
    regular_price_rp = pw.IntegerField()
    member_price_rp = pw.IntegerField(null=True)
    ceiling_rp = pw.IntegerField(null=True)
    active = pw.BooleanField(default=True)

    class Meta:
        table_name = "product_unit"
        indexes = ((("product", "name"), True),)


class BarcodeModel(BaseModel):
    code = pw.CharField(primary_key=True)
    product = pw.ForeignKeyField(ProductModel, backref="barcodes", on_delete="CASCADE")
    unit = pw.ForeignKeyField(ProductUnitModel, null=True, on_delete="CASCADE")

    class Meta:
        table_name = "barcode"


class BatchModel(BaseModel):
    id = pw.AutoField()
    product = pw.ForeignKeyField(ProductModel, backref="batches", on_delete="CASCADE")
    batch_no = pw.CharField()
    expiry = pw.CharField(null=True)  # 'YYYY-MM-DD'
    on_hand_milli = pw.IntegerField(default=0)  # cache of the ledger's sum for this batch

    class Meta:
        table_name = "batch"
        indexes = ((("product", "batch_no"), True),)


class MemberModel(BaseModel):
    id = pw.CharField(primary_key=True)  # uuid7
    number = pw.CharField(unique=True)  # printed on the card, e.g. 'A-000123'
    card_code = pw.CharField(unique=True)  # barcode on the card
    name = pw.CharField()
    # full NIK and KK only for the till's own members (registered here); otherwise hash + last 4 (step 11)
    nik = pw.CharField(null=True, unique=True)
    phone = pw.CharField(default="", index=True)
    address = pw.TextField(default="")
    status = pw.CharField(default="active")  # active | inactive | pending
    joined_on = pw.CharField()
    created_at = pw.CharField()
    search_text = pw.CharField(index=True)
    nik_hmac = pw.CharField(null=True, index=True)
    nik_last4 = pw.CharField(default="")
    kk = pw.CharField(null=True)
    kk_hmac = pw.CharField(null=True)
    kk_last4 = pw.CharField(default="")
    erased_at = pw.CharField(null=True)  # personal data erased on request (services/privacy/erasure.py)
    gender = pw.CharField(default="")  # 'F' | 'M' | '' (derived from the NIK at registration)
    occupation = pw.CharField(default="")
    kode_wilayah = pw.CharField(default="")  # Kemendagri region code; the shop's by default
    cutover_month = pw.CharField(null=True)  # no wajib billed before it ('YYYY-MM'; upgrade, import)

    class Meta:
        table_name = "member"


class ShiftModel(BaseModel):
    id = pw.CharField(primary_key=True)  # uuid7
    user = pw.ForeignKeyField(UserModel)
    status = pw.CharField(default="open")  # open | closed
    opened_at = pw.CharField()
    closed_at = pw.CharField(null=True)
    business_date = pw.CharField()
    opening_float_rp = pw.IntegerField(default=0)
    opening_detail = pw.TextField(default="{}")  # denomination -> count
    counted_cash_rp = pw.IntegerField(null=True)
    counted_detail = pw.TextField(default="{}")
    expected_cash_rp = pw.IntegerField(null=True)
    difference_rp = pw.IntegerField(null=True)
    approved_by = pw.ForeignKeyField(UserModel, null=True, backref="approved_shifts")

    class Meta:
        table_name = "shift"


class SaleModel(BaseModel):
    id = pw.CharField(primary_key=True)  # uuid7, fixed before anything prints
    receipt_no = pw.CharField(unique=True)  # 'KMPBPN-T1-260823-0042', for people
    receipt_code = pw.CharField(unique=True)  # 12 digits, CODE128 on the receipt
    terminal = pw.ForeignKeyField(TerminalModel)
    cashier = pw.ForeignKeyField(UserModel)
    shift = pw.ForeignKeyField(ShiftModel, null=True)
    member = pw.ForeignKeyField(MemberModel, null=True)
    status = pw.CharField()  # completed | awaiting_payment | cancelled
    subtotal_rp = pw.IntegerField()  # sum of line totals as charged, before the total discount
    discount_rp = pw.IntegerField(default=0)
    total_rp = pw.IntegerField()  # what the customer owes before cash rounding
    rounding_rp = pw.IntegerField(default=0)  # cash rounding difference
    paid_rp = pw.IntegerField(default=0)
    change_rp = pw.IntegerField(default=0)
    member_savings_rp = pw.IntegerField(default=0)
    created_at = pw.CharField()
    business_date = pw.CharField(index=True)
    # the buyer's NIK when the cart needed one (LPG 3 kg) or one was given (schema step 6): in full only
    # for the logbook's retention period, its keyed hash and last 4 digits for good (step 11)
    buyer_nik = pw.CharField(null=True)
    buyer_nik_hmac = pw.CharField(null=True)
    buyer_nik_last4 = pw.CharField(default="")
    # What the sale was printed with (schema step 8): the receipt document as JSON (None for sales made
    # before it: they are drawn from today's data), and the store's VAT status and PPN rate.
    receipt_document = pw.TextField(null=True)
    vat_registered = pw.BooleanField(default=False)
    ppn_percent = pw.IntegerField(default=11)

    class Meta:
        table_name = "sale"
        indexes = (
            (("buyer_nik_hmac", "business_date"), False),  # step 11: purchases per NIK in a period
            (("member", "business_date"), False),  # step 11: purchases per member in a period
        )


class SaleLineModel(BaseModel):
    id = pw.AutoField()
    sale = pw.ForeignKeyField(SaleModel, backref="lines", on_delete="CASCADE")
    line_no = pw.IntegerField()
    product = pw.ForeignKeyField(ProductModel)
    unit = pw.ForeignKeyField(ProductUnitModel, null=True)
    name = pw.CharField()  # as sold
    unit_label = pw.CharField()
    qty_milli = pw.IntegerField()  # in the selling unit
    base_qty_milli = pw.IntegerField()  # in the product's base unit, for stock
    unit_price_rp = pw.IntegerField()  # the price actually charged per selling unit
    regular_price_rp = pw.IntegerField()
    price_type = pw.CharField()  # regular | member | manual
    discount_rp = pw.IntegerField(default=0)
    line_total_rp = pw.IntegerField()  # after the line discount
    prescription_ref = pw.CharField(default="")  # obat keras: the prescription it was sold against
    ppn_exempt = pw.BooleanField(default=False)  # as the product was when sold (schema step 7)
    # the product's code, business unit and category name when sold (schema step 8), for reports
    product_code = pw.CharField(default="")
    business_unit = pw.CharField(default="")
    category = pw.CharField(default="")

    class Meta:
        table_name = "sale_line"
        indexes = ((("sale", "line_no"), True),)


class PaymentModel(BaseModel):
    id = pw.CharField(primary_key=True)  # uuid7
    sale = pw.ForeignKeyField(SaleModel, null=True, backref="payments", on_delete="CASCADE")
    method = pw.CharField()  # cash | qris | transfer
    amount_rp = pw.IntegerField()  # applied to the sale
    tendered_rp = pw.IntegerField(default=0)  # cash handed over
    change_rp = pw.IntegerField(default=0)
    reference = pw.CharField(default="")
    status = pw.CharField(default="confirmed")  # confirmed | pending | cancelled
    created_at = pw.CharField()

    class Meta:
        table_name = "payment"


class StockMovementModel(BaseModel):
    """The stock ledger. The on-hand caches on product and batch always equal its sums."""

    id = pw.CharField(primary_key=True)  # uuid7
    product = pw.ForeignKeyField(ProductModel, backref="movements", index=False)  # see the index below
    batch = pw.ForeignKeyField(BatchModel, null=True)
    qty_milli = pw.IntegerField()  # signed, base unit
    kind = pw.CharField()  # sale | sale_cancel | return | receipt | writeoff | count | remote | opening
    doc_id = pw.CharField(index=True)  # the document that caused it
    unit_cost_rp = pw.IntegerField(default=0)
    terminal_id = pw.CharField()
    created_at = pw.CharField()
    business_date = pw.CharField()

    class Meta:
        table_name = "stock_movement"
        indexes = ((("product", "created_at"), False),)


class OutboxEventModel(BaseModel):
    """Events waiting for (or acknowledged by) the central server, written with their document."""

    seq = pw.IntegerField(primary_key=True)  # per-terminal, never repeats
    event_id = pw.CharField(unique=True)  # uuid7
    type = pw.CharField()
    schema_version = pw.IntegerField(default=1)
    occurred_at = pw.CharField()
    business_date = pw.CharField()
    payload = pw.TextField()  # JSON
    status = pw.CharField(default="pending", index=True)  # pending | acked | rejected
    acked_at = pw.CharField(null=True)
    reject_reason = pw.TextField(null=True)

    class Meta:
        table_name = "outbox_event"


class AuditLogModel(BaseModel):
    id = pw.AutoField()
    at = pw.CharField()
    user = pw.ForeignKeyField(UserModel, null=True)
    approved_by = pw.ForeignKeyField(UserModel, null=True, backref="approvals")
    action = pw.CharField(index=True)
    doc_id = pw.CharField(null=True)
    detail = pw.TextField(default="{}")  # JSON

    class Meta:
        table_name = "audit_log"


class PrintJobModel(BaseModel):
    """A receipt (or report) waiting to print, printed, or failed with its reason."""

    id = pw.AutoField()
    kind = pw.CharField()  # receipt | member_card | report | test
    doc_id = pw.CharField(null=True, index=True)
    document = pw.TextField()  # the receipt document as JSON
    is_copy = pw.BooleanField(default=False)
    status = pw.CharField(default="pending", index=True)  # pending | printing | sent | failed
    attempts = pw.IntegerField(default=0)
    last_error = pw.TextField(null=True)
    printer_uri = pw.CharField(default="")
    created_at = pw.CharField()
    sent_at = pw.CharField(null=True)

    class Meta:
        table_name = "print_job"


ALL_MODELS: list[type[BaseModel]] = [
    SettingModel,
    StoreModel,
    TerminalModel,
    UserModel,
    CategoryModel,
    SupplierModel,
    ProductModel,
    ProductUnitModel,
    BarcodeModel,
    BatchModel,
    MemberModel,
    ShiftModel,
    SaleModel,
    SaleLineModel,
    PaymentModel,
    StockMovementModel,
    OutboxEventModel,
    AuditLogModel,
    PrintJobModel,
]


class ProductWordModel(BaseModel):
    """One row per word of a product's name (and its code), for prefix search without a scan."""

    word = pw.CharField()
    product = pw.ForeignKeyField(ProductModel, on_delete="CASCADE")

    class Meta:
        table_name = "product_word"
        primary_key = pw.CompositeKey("word", "product")
        without_rowid = True


class HeldCartModel(BaseModel):
    """A parked cart, kept across restarts until recalled."""

    id = pw.CharField(primary_key=True)
    label = pw.CharField()
    cashier = pw.ForeignKeyField(UserModel)
    created_at = pw.CharField()
    cart = pw.TextField()  # JSON of the cart's lines and member

    class Meta:
        table_name = "held_cart"


ALL_MODELS += [ProductWordModel, HeldCartModel]


# ---- shifts and cash control (schema step 4) -------------------------------------------------------
class CashMovementModel(BaseModel):
    """Cash put into or taken out of the drawer during a shift, with its reason (never edited).

    kind: 'in' (change from the safe), 'out' (plastic bags, a supplier paid in cash) or 'deposit'
    (cash taken to the safe at close; what stays is the next shift's float).
    """

    id = pw.CharField(primary_key=True)  # uuid7, leaves the till as a 'cash.moved' event
    shift = pw.ForeignKeyField(ShiftModel, backref="cash_movements")
    user = pw.ForeignKeyField(UserModel)
    approved_by = pw.ForeignKeyField(UserModel, null=True, backref="approved_cash_movements")
    kind = pw.CharField()  # in | out | deposit
    amount_rp = pw.IntegerField()  # always positive; `kind` gives the direction
    reason = pw.TextField(default="")
    detail = pw.TextField(default="{}")  # denomination -> count, when counted
    created_at = pw.CharField()
    business_date = pw.CharField()

    class Meta:
        table_name = "cash_movement"


ALL_MODELS += [CashMovementModel]
# ---- end shifts and cash control --------------------------------------------------------------------


# ------------------------------------------------------------------------------------------------
# Stock module: goods receipts, stock counts, write-offs. Schema step 3.
# ------------------------------------------------------------------------------------------------


class GoodsReceiptModel(BaseModel):
    """A posted goods receipt (penerimaan barang). Immutable: a correction is a reversal document."""

    id = pw.CharField(primary_key=True)  # uuid7
    number = pw.CharField(unique=True)  # 'GR-KMPBPN-T1-260823-001', for people
    kind = pw.CharField(default="receipt")  # receipt | reversal
    reverses = pw.ForeignKeyField("self", null=True, backref="reversals")
    supplier = pw.ForeignKeyField(SupplierModel, null=True)
    invoice_no = pw.CharField(default="")
    invoice_date = pw.CharField(null=True)  # 'YYYY-MM-DD'
    note = pw.TextField(default="")
    total_rp = pw.IntegerField(default=0)
    created_by = pw.ForeignKeyField(UserModel, backref="goods_receipts")
    created_at = pw.CharField()
    business_date = pw.CharField(index=True)

    class Meta:
        table_name = "goods_receipt"


class GoodsReceiptLineModel(BaseModel):
    id = pw.AutoField()
    receipt = pw.ForeignKeyField(GoodsReceiptModel, backref="lines", on_delete="CASCADE")
    line_no = pw.IntegerField()
    product = pw.ForeignKeyField(ProductModel)
    unit_label = pw.CharField()  # the unit it was received in, as typed (e.g. 'Dus 40')
    unit_qty_milli = pw.IntegerField()  # in that unit
    qty_milli = pw.IntegerField()  # signed, base unit (negative on a reversal)
    unit_cost_rp = pw.IntegerField()  # per base unit
    line_total_rp = pw.IntegerField()
    batch = pw.ForeignKeyField(BatchModel, null=True)
    batch_no = pw.CharField(default="")
    expiry = pw.CharField(null=True)

    class Meta:
        table_name = "goods_receipt_line"
        indexes = ((("receipt", "line_no"), True),)


class StockCountModel(BaseModel):
    """A stock count (stok opname): snapshot at the start, blind counting, approval posts adjustments."""

    id = pw.CharField(primary_key=True)  # uuid7
    number = pw.CharField(unique=True)  # 'SO-KMPBPN-260823-01'
    scope = pw.CharField(default="all")  # all | category
    category = pw.ForeignKeyField(CategoryModel, null=True)
    status = pw.CharField(default="open")  # open | approved | cancelled
    snapshot_at = pw.CharField()
    started_by = pw.ForeignKeyField(UserModel, backref="counts_started")
    approved_by = pw.ForeignKeyField(UserModel, null=True, backref="counts_approved")
    approved_at = pw.CharField(null=True)
    note = pw.TextField(default="")
    business_date = pw.CharField(index=True)

    class Meta:
        table_name = "stock_count"


class StockCountLineModel(BaseModel):
    id = pw.AutoField()
    count = pw.ForeignKeyField(StockCountModel, backref="lines", on_delete="CASCADE")
    product = pw.ForeignKeyField(ProductModel)
    expected_milli = pw.IntegerField()  # on-hand at the snapshot
    cost_rp = pw.IntegerField()  # average cost at the snapshot, for the variance in rupiah
    counted_milli = pw.IntegerField(null=True)  # None = not counted yet
    counted_at = pw.CharField(null=True)
    counted_by = pw.ForeignKeyField(UserModel, null=True)
    recounts = pw.IntegerField(default=0)
    system_milli = pw.IntegerField(null=True)  # the ledger's figure at counted_at (set at approval)
    adjustment_milli = pw.IntegerField(null=True)  # what was posted

    class Meta:
        table_name = "stock_count_line"
        indexes = ((("count", "product"), True),)


class WriteOffModel(BaseModel):
    """Stock taken out as damaged, expired or lost, with who asked and which manager approved."""

    id = pw.CharField(primary_key=True)  # uuid7
    product = pw.ForeignKeyField(ProductModel)
    batch = pw.ForeignKeyField(BatchModel, null=True)
    qty_milli = pw.IntegerField()  # positive: the amount removed
    reason = pw.CharField()  # damaged | expired | lost
    note = pw.TextField(default="")
    unit_cost_rp = pw.IntegerField()
    value_rp = pw.IntegerField()
    requested_by = pw.ForeignKeyField(UserModel, backref="write_offs")
    approved_by = pw.ForeignKeyField(UserModel, backref="write_offs_approved")
    created_at = pw.CharField()
    business_date = pw.CharField(index=True)

    class Meta:
        table_name = "write_off"


ALL_MODELS += [
    GoodsReceiptModel,
    GoodsReceiptLineModel,
    StockCountModel,
    StockCountLineModel,
    WriteOffModel,
]


# ---- simpanan payments, QRIS confirmations, cancellations, returns (schema step 5) -----------------
class MemberPaymentModel(BaseModel):
    """Simpanan (pokok/wajib/sukarela) paid at the till: a document of its own with its own receipt."""

    id = pw.CharField(primary_key=True)  # uuid7
    member = pw.ForeignKeyField(MemberModel, backref="savings_payments")
    kind = pw.CharField()  # pokok | wajib | sukarela
    amount_rp = pw.IntegerField()
    method = pw.CharField()  # cash | qris | transfer
    reference = pw.CharField(default="")
    status = pw.CharField(default="confirmed")  # confirmed | pending
    receipt_no = pw.CharField(unique=True)
    cashier = pw.ForeignKeyField(UserModel)
    shift = pw.ForeignKeyField(ShiftModel, null=True)
    created_at = pw.CharField()
    business_date = pw.CharField(index=True)
    # schema step 15: an immutable simpanan document (core.simpanan.DocType); amount_rp is signed
    doc_type = pw.CharField(default="deposit")
    reverses_id = pw.CharField(null=True)  # the document a reversal undoes
    months = pw.TextField(default="")  # wajib months paid, comma-separated 'YYYY-MM'
    rounding_rp = pw.IntegerField(default=0)  # cash rounding: the drawer moved amount + rounding
    approved_by = pw.ForeignKeyField(UserModel, null=True, backref="approved_savings")
    balance_after_rp = pw.IntegerField(default=0)  # the kind's balance with this document

    class Meta:
        table_name = "member_payment"
        indexes = ((("member", "kind"), False),)


class PaymentConfirmationModel(BaseModel):
    """The cashier's confirmation that a pending QRIS payment arrived (checked in the merchant app)."""

    id = pw.CharField(primary_key=True)  # uuid7
    sale = pw.ForeignKeyField(SaleModel, backref="confirmations")
    payment = pw.ForeignKeyField(PaymentModel)
    reference = pw.CharField()
    confirmed_by = pw.ForeignKeyField(UserModel)
    created_at = pw.CharField()
    business_date = pw.CharField()

    class Meta:
        table_name = "payment_confirmation"
        indexes = ((("payment",), True),)


class SaleCancellationModel(BaseModel):
    """A reversal of a whole sale: an abandoned QRIS payment or a manager's cancellation."""

    id = pw.CharField(primary_key=True)  # uuid7
    sale = pw.ForeignKeyField(SaleModel, backref="cancellations", unique=True)
    kind = pw.CharField()  # qris_abandoned | cancelled
    reason = pw.TextField(default="")
    refund_method = pw.CharField(null=True)  # cash | qris | transfer, None when nothing was paid
    refund_rp = pw.IntegerField(default=0)
    rounding_rp = pw.IntegerField(default=0)  # cash paid back = refund_rp + rounding_rp (step 8)
    user = pw.ForeignKeyField(UserModel)
    approved_by = pw.ForeignKeyField(UserModel, null=True, backref="approved_cancellations")
    shift = pw.ForeignKeyField(ShiftModel, null=True)
    created_at = pw.CharField()
    business_date = pw.CharField(index=True)

    class Meta:
        table_name = "sale_cancellation"


class SaleReturnModel(BaseModel):
    """Goods brought back: a document pointing at the original sale, with its refund."""

    id = pw.CharField(primary_key=True)  # uuid7
    sale = pw.ForeignKeyField(SaleModel, backref="returns")
    return_no = pw.CharField(unique=True)
    refund_method = pw.CharField()  # cash | qris | transfer
    refund_rp = pw.IntegerField()
    rounding_rp = pw.IntegerField(default=0)  # cash paid back = refund_rp + rounding_rp (step 8)
    reason = pw.TextField(default="")
    user = pw.ForeignKeyField(UserModel)
    approved_by = pw.ForeignKeyField(UserModel, backref="approved_returns")
    shift = pw.ForeignKeyField(ShiftModel, null=True)
    created_at = pw.CharField()
    business_date = pw.CharField(index=True)

    class Meta:
        table_name = "sale_return"


class SaleReturnLineModel(BaseModel):
    id = pw.AutoField()
    sale_return = pw.ForeignKeyField(SaleReturnModel, backref="lines", on_delete="CASCADE")
    sale_line = pw.ForeignKeyField(SaleLineModel, backref="returned")
    qty_milli = pw.IntegerField()  # in the selling unit of the sale line
    base_qty_milli = pw.IntegerField()
    refund_rp = pw.IntegerField()

    class Meta:
        table_name = "sale_return_line"


class ProductPopularityModel(BaseModel):
    """Base units sold in the last 30 days per product: the search's third ordering key.

    Bumped by each sale in its transaction; rebuilt from the sale lines once a day so old sales age out.
    """

    product = pw.ForeignKeyField(ProductModel, primary_key=True, on_delete="CASCADE")
    sold_30d_milli = pw.IntegerField()
    refreshed_on = pw.CharField()

    class Meta:
        table_name = "product_popularity"


ALL_MODELS += [
    ProductPopularityModel,
    MemberPaymentModel,
    PaymentConfirmationModel,
    SaleCancellationModel,
    SaleReturnModel,
    SaleReturnLineModel,
]
# ---- end simpanan payments, QRIS confirmations, cancellations, returns ------------------------------


# ---- purchase caps as data (schema step 6) ---------------------------------------------------------
class PurchaseLimitModel(BaseModel):
    """A cap on how much one buyer may take of some products in a period (core/limits.py applies it).

    `product_codes` is JSON {code: measure}: milli-units of `unit_label` one base unit counts for
    ({"MK1": 1000, "MK2": 2000, "MK05": 500} with unit 'L'); `category` caps a whole category instead.
    Never deleted: a rule that no longer applies is deactivated.
    """

    id = pw.CharField(primary_key=True)  # uuid7 (shared with the server once caps are pushed down)
    name = pw.CharField()
    product_codes = pw.TextField(default="{}")
    category = pw.CharField(null=True)
    max_milli = pw.IntegerField()
    unit_label = pw.CharField()
    period = pw.CharField()  # transaction | day | month
    per = pw.CharField()  # nik | buyer
    mode = pw.CharField()  # warn | block
    effective_from = pw.CharField(default="")  # 'YYYY-MM-DD', '' = always
    active = pw.BooleanField(default=True, index=True)
    note = pw.TextField(default="")
    updated_at = pw.CharField()

    class Meta:
        table_name = "purchase_limit"


ALL_MODELS += [PurchaseLimitModel]
# ---- end purchase caps ------------------------------------------------------------------------------


# ---- pulled changes this till could not apply (schema step 13) --------------------------------------
class PullProblemModel(BaseModel):
    """A change from the server's feed that this till could not apply, set aside with its reason so the
    cursor moves past it and the rest of the page applies (shown in 'Masalah sinkron')."""

    id = pw.AutoField()
    seen_at = pw.CharField()
    entity = pw.CharField()
    entity_key = pw.CharField()
    reason = pw.TextField()
    data = pw.TextField()  # the change as pulled, JSON (cut short if long)

    class Meta:
        table_name = "pull_problem"


ALL_MODELS += [PullProblemModel]
# ---- end pulled changes -----------------------------------------------------------------------------


# ---- QRIS through the acquirer's SNAP API (schema step 13) -----------------------------------------
class QrisAcquirerRequestModel(BaseModel):
    """The dynamic code the acquirer made for a sale's QRIS payment, and what it last said of it; the
    same code is shown again when the payment dialog reopens."""

    sale_id = pw.CharField(primary_key=True)
    payment_id = pw.CharField()
    partner_reference_no = pw.CharField()
    reference_no = pw.CharField()  # the acquirer's
    qr_content = pw.TextField()
    amount_rp = pw.IntegerField()
    status = pw.CharField()  # integrations.qris_acquirer.QrStatus
    rrn = pw.CharField(default="")
    created_at = pw.CharField()
    updated_at = pw.CharField()

    class Meta:
        table_name = "qris_acquirer_request"


class QrisNotificationModel(BaseModel):
    """A payment notification of the acquirer (qr-mpm-notify), as the server's feed brought it, and
    what the till did with it (`outcome`: confirmed, already confirmed, not pending, unknown sale...)."""

    id = pw.AutoField()
    change_key = pw.CharField(unique=True)  # the acquirer's reference + status: applied once
    sale_id = pw.CharField(null=True)
    reference_no = pw.CharField()
    status = pw.CharField()
    rrn = pw.CharField(default="")
    amount_rp = pw.IntegerField(null=True)
    received_at = pw.CharField()
    outcome = pw.CharField(default="")

    class Meta:
        table_name = "qris_notification"


ALL_MODELS += [QrisAcquirerRequestModel, QrisNotificationModel]
# ---- end QRIS acquirer ------------------------------------------------------------------------------


# ---- members' money (schema step 15) ----------------------------------------------------------------
class SimpananBillModel(BaseModel):
    """A member's simpanan wajib due for one month, made once (member, month); `paid_by` is the wajib
    document that paid it, kept in the same transaction as that document and cleared by its reversal."""

    id = pw.CharField(primary_key=True)  # uuid7
    member = pw.ForeignKeyField(MemberModel, backref="bills")
    month = pw.CharField(index=True)  # 'YYYY-MM'
    amount_rp = pw.IntegerField()
    paid_by = pw.ForeignKeyField(MemberPaymentModel, null=True)
    created_at = pw.CharField()
    business_date = pw.CharField()

    class Meta:
        table_name = "simpanan_bill"
        indexes = ((("member", "month"), True),)


class MemberStatusChangeModel(BaseModel):
    """Every change of a member's status, dated (never edited)."""

    id = pw.AutoField()
    member = pw.ForeignKeyField(MemberModel, backref="status_changes")
    status = pw.CharField()
    reason = pw.CharField()  # registered | pokok_paid | arrears | arrears_paid | upgrade | import
    changed_on = pw.CharField()  # business date
    at = pw.CharField()
    user = pw.ForeignKeyField(UserModel, null=True)

    class Meta:
        table_name = "member_status_change"


ALL_MODELS += [SimpananBillModel, MemberStatusChangeModel]
# ---- end members' money -----------------------------------------------------------------------------
