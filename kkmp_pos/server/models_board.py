"""Server schema step 8: the board's tables (issue 18): daily rollups, the LPG logbook, web users and
sessions. Tenant tables like the rest of server.models (listed in its ALL_MODELS)."""

from __future__ import annotations

import peewee as pw

from kkmp_pos.server.model_base import TenantModel as _Base


class DailyRollupModel(_Base):
    """Schema step 8: sales per cooperative, store, business unit and business date, kept on ingest in
    the push's transaction (server.rollups). business_unit '' holds the whole store's figures (sales,
    members, payments by method, refunds); a named unit holds its lines' totals only."""

    business_date = pw.CharField(max_length=10)
    store_id = pw.CharField(max_length=64)
    business_unit = pw.CharField(max_length=16, default="")
    sale_count = pw.BigIntegerField(default=0)
    sales_rp = pw.BigIntegerField(default=0)
    member_sale_count = pw.BigIntegerField(default=0)
    member_sales_rp = pw.BigIntegerField(default=0)
    cash_rp = pw.BigIntegerField(default=0)
    qris_rp = pw.BigIntegerField(default=0)
    other_pay_rp = pw.BigIntegerField(default=0)
    refund_rp = pw.BigIntegerField(default=0)
    cancelled_count = pw.BigIntegerField(default=0)

    class Meta:
        table_name = "daily_rollup"
        primary_key = pw.CompositeKey("cooperative_id", "business_date", "store_id", "business_unit")


class RegulatedSaleModel(_Base):
    """Schema step 8: the regulated-goods logbook (LPG 3 kg): a sale line bought with a NIK, kept as
    its keyed hash and last 4 digits only."""

    business_date = pw.CharField(max_length=10)
    sale_id = pw.CharField(max_length=64)
    line_no = pw.IntegerField()
    store_id = pw.CharField(max_length=64)
    nik_hmac = pw.CharField(max_length=64, default="")
    nik_last4 = pw.CharField(max_length=4, default="")
    product_code = pw.CharField(max_length=64, default="")
    name = pw.CharField(max_length=200, default="")
    qty_milli = pw.BigIntegerField()
    occurred_at = pw.CharField(max_length=40)

    class Meta:
        table_name = "regulated_sale"
        primary_key = pw.CompositeKey("cooperative_id", "business_date", "sale_id", "line_no")


class WebUserModel(_Base):
    """Schema step 8: a person who signs in to the board's web pages. cooperative_id '' with role
    dinas: a regional operator, who sees the cooperatives whose region code starts with `region`."""

    username = pw.CharField(max_length=64)
    password_hash = pw.CharField(max_length=200)
    role = pw.CharField(max_length=16)  # pengurus | pengawas | manajer | dinas
    store_ids = pw.CharField(max_length=400, default="")  # manajer: comma-separated
    region = pw.CharField(max_length=16, default="")  # dinas: kode wilayah prefix
    created_at = pw.CharField(max_length=40)
    created_by = pw.CharField(max_length=64, default="")

    class Meta:
        table_name = "web_user"
        primary_key = pw.CompositeKey("cooperative_id", "username")


class WebSessionModel(_Base):
    """Schema step 8: a signed-in web session (the cookie holds `<cooperative>.<secret>`; the table
    its hash), with the CSRF token of its forms."""

    session_hash = pw.CharField(max_length=64)
    username = pw.CharField(max_length=64)
    csrf = pw.CharField(max_length=64)
    created_at = pw.CharField(max_length=40)
    expires_at = pw.CharField(max_length=40)

    class Meta:
        table_name = "web_session"
        primary_key = pw.CompositeKey("cooperative_id", "session_hash")
