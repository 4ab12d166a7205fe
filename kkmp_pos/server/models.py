"""Peewee models of the central server (PostgreSQL or SQLite); unbound, see server.db.ServerDb.

Rules that keep the data shardable by cooperative (Citus) and sales partitionable by date:
- every table carries `cooperative_id` and every primary or unique key includes it;
- no foreign keys (distributed tables cannot always have them; the projection code keeps them true);
- the dedup key of events lives in the unpartitioned `sync_event` table, and that of sales and returns
  in `sync_document`, so the sale tables can be partitioned by `business_date`, which is part of
  their primary keys;
- national data (price ceilings set by the government) uses cooperative_id '' (a reference table).
"""

from __future__ import annotations

import peewee as pw

from kkmp_pos.server.model_base import TenantModel
from kkmp_pos.server.models_board import (
    DailyRollupModel,
    RegulatedSaleModel,
    WebSessionModel,
    WebUserModel,
)

NATIONAL = ""


_Base = TenantModel


class CooperativeModel(_Base):
    name = pw.CharField(max_length=200)
    created_at = pw.CharField(max_length=40)
    # step 8: kode wilayah (Kemendagri); a database default too, for writers that do not name it
    region_code = pw.CharField(max_length=16, default="", constraints=[pw.SQL("DEFAULT ''")])

    class Meta:
        table_name = "cooperative"
        primary_key = pw.CompositeKey("cooperative_id")


class StoreModel(_Base):
    store_id = pw.CharField(max_length=64)
    name = pw.CharField(max_length=200)
    timezone = pw.CharField(max_length=64, default="Asia/Makassar")
    created_at = pw.CharField(max_length=40)

    class Meta:
        table_name = "store"
        primary_key = pw.CompositeKey("cooperative_id", "store_id")


class TerminalModel(_Base):
    terminal_id = pw.CharField(max_length=64)
    store_id = pw.CharField(max_length=64)
    name = pw.CharField(max_length=200, default="")
    token_hash = pw.CharField(max_length=64, null=True)
    enrol_code_hash = pw.CharField(max_length=64, null=True, index=True)
    enrol_expires_at = pw.CharField(max_length=40, null=True)
    # the till that claimed the code (hash of its device key): it may claim again until it confirms
    enrol_device_hash = pw.CharField(max_length=64, null=True)
    enrolled_at = pw.CharField(max_length=40, null=True)
    revoked_at = pw.CharField(max_length=40, null=True)
    last_push_at = pw.CharField(max_length=40, null=True)
    last_seq = pw.BigIntegerField(default=0)
    created_at = pw.CharField(max_length=40)

    class Meta:
        table_name = "terminal"
        primary_key = pw.CompositeKey("cooperative_id", "terminal_id")


class AdminTokenModel(_Base):
    """Bearer tokens for the cooperative's admin JSON API (stored hashed)."""

    token_id = pw.CharField(max_length=64)
    token_hash = pw.CharField(max_length=64)
    label = pw.CharField(max_length=200, default="")  # the token's name
    created_at = pw.CharField(max_length=40)
    revoked_at = pw.CharField(max_length=40, null=True)
    expires_at = pw.CharField(max_length=40, null=True)  # None: until revoked

    class Meta:
        table_name = "admin_token"
        primary_key = pw.CompositeKey("cooperative_id", "token_id")


class EventModel(_Base):
    """Every accepted event once, raw: the dedup key (cooperative_id, event_id)."""

    event_id = pw.CharField(max_length=36)
    store_id = pw.CharField(max_length=64)
    terminal_id = pw.CharField(max_length=64)
    seq = pw.BigIntegerField()
    type = pw.CharField(max_length=64)
    schema_version = pw.IntegerField()
    occurred_at = pw.CharField(max_length=40)
    business_date = pw.CharField(max_length=10)
    payload = pw.TextField()
    content_hash = pw.CharField(max_length=64)
    received_at = pw.CharField(max_length=40)

    class Meta:
        table_name = "sync_event"
        primary_key = pw.CompositeKey("cooperative_id", "event_id")
        indexes = ((("cooperative_id", "terminal_id", "seq"), False),)


class ConflictModel(_Base):
    """An event id seen again with different content: kept aside, never applied."""

    conflict_id = pw.CharField(max_length=36)
    event_id = pw.CharField(max_length=36)
    terminal_id = pw.CharField(max_length=64)
    seq = pw.BigIntegerField()
    existing_hash = pw.CharField(max_length=64)
    received_hash = pw.CharField(max_length=64)
    received = pw.TextField()
    received_at = pw.CharField(max_length=40)

    class Meta:
        table_name = "sync_conflict"
        primary_key = pw.CompositeKey("cooperative_id", "conflict_id")


class QuarantineModel(_Base):
    """A rejected event with the reason; it never blocks the events behind it."""

    quarantine_id = pw.CharField(max_length=36)
    event_id = pw.CharField(max_length=64, null=True)
    terminal_id = pw.CharField(max_length=64)
    seq = pw.BigIntegerField(null=True)
    type = pw.CharField(max_length=64, null=True)
    reason = pw.TextField()
    raw = pw.TextField()
    received_at = pw.CharField(max_length=40)

    class Meta:
        table_name = "sync_quarantine"
        primary_key = pw.CompositeKey("cooperative_id", "quarantine_id")
        indexes = ((("cooperative_id", "event_id"), False),)


class DocumentModel(_Base):
    """Each sale and return once per cooperative, whatever business date its events claim: the
    document key, unpartitioned like `sync_event`, while the document tables are partitioned by date."""

    doc_type = pw.CharField(max_length=16)  # 'sale' | 'return'
    doc_id = pw.CharField(max_length=64)
    business_date = pw.CharField(max_length=10)
    event_id = pw.CharField(max_length=36)

    class Meta:
        table_name = "sync_document"
        primary_key = pw.CompositeKey("cooperative_id", "doc_type", "doc_id")


class SaleModel(_Base):
    business_date = pw.CharField(max_length=10)
    sale_id = pw.CharField(max_length=64)
    store_id = pw.CharField(max_length=64)
    terminal_id = pw.CharField(max_length=64)
    event_id = pw.CharField(max_length=36)
    receipt_no = pw.CharField(max_length=64, default="")
    status = pw.CharField(max_length=32)
    total_rp = pw.BigIntegerField()
    cashier = pw.CharField(max_length=200, default="")
    member_id = pw.CharField(max_length=64, null=True)
    occurred_at = pw.CharField(max_length=40)

    class Meta:
        table_name = "sale"
        primary_key = pw.CompositeKey("cooperative_id", "business_date", "sale_id")
        indexes = (
            (("cooperative_id", "sale_id"), False),
            (("cooperative_id", "store_id", "business_date"), False),
        )


class SaleLineModel(_Base):
    business_date = pw.CharField(max_length=10)
    sale_id = pw.CharField(max_length=64)
    line_no = pw.IntegerField()
    product_id = pw.CharField(max_length=64)
    product_code = pw.CharField(max_length=64, default="")
    name = pw.CharField(max_length=200, default="")
    qty_milli = pw.BigIntegerField()
    unit_price_rp = pw.BigIntegerField()
    line_total_rp = pw.BigIntegerField()
    price_type = pw.CharField(max_length=32, default="")
    business_unit = pw.CharField(max_length=16, default="", constraints=[pw.SQL("DEFAULT ''")])  # step 8

    class Meta:
        table_name = "sale_line"
        primary_key = pw.CompositeKey("cooperative_id", "business_date", "sale_id", "line_no")


class SalePaymentModel(_Base):
    business_date = pw.CharField(max_length=10)
    sale_id = pw.CharField(max_length=64)
    payment_no = pw.IntegerField()
    method = pw.CharField(max_length=32)
    amount_rp = pw.BigIntegerField()
    event_id = pw.CharField(max_length=36)

    class Meta:
        table_name = "sale_payment"
        primary_key = pw.CompositeKey("cooperative_id", "business_date", "sale_id", "payment_no")


class ReturnModel(_Base):
    business_date = pw.CharField(max_length=10)
    return_id = pw.CharField(max_length=64)
    sale_id = pw.CharField(max_length=64, null=True)
    store_id = pw.CharField(max_length=64)
    terminal_id = pw.CharField(max_length=64)
    event_id = pw.CharField(max_length=36)
    refund_rp = pw.BigIntegerField()
    occurred_at = pw.CharField(max_length=40)

    class Meta:
        table_name = "sale_return"
        primary_key = pw.CompositeKey("cooperative_id", "business_date", "return_id")


class StockMovementModel(_Base):
    business_date = pw.CharField(max_length=10)
    movement_id = pw.CharField(max_length=64)
    store_id = pw.CharField(max_length=64)
    terminal_id = pw.CharField(max_length=64)
    product_id = pw.CharField(max_length=64)
    qty_milli = pw.BigIntegerField()
    kind = pw.CharField(max_length=32)
    event_id = pw.CharField(max_length=36)
    # the product as every till knows it (the till enriches its events at push time; schema step 2)
    product_uid = pw.CharField(max_length=64, default="")
    product_code = pw.CharField(max_length=64, default="")

    class Meta:
        table_name = "stock_movement"
        primary_key = pw.CompositeKey("cooperative_id", "business_date", "movement_id")
        indexes = ((("cooperative_id", "store_id", "product_id"), False),)


class ProductModel(_Base):
    product_id = pw.CharField(max_length=64)
    code = pw.CharField(max_length=64)
    data = pw.TextField()  # canonical JSON of the product as the feed sends it
    updated_at = pw.CharField(max_length=40)

    class Meta:
        table_name = "product"
        primary_key = pw.CompositeKey("cooperative_id", "product_id")
        indexes = ((("cooperative_id", "code"), True),)


class PriceModel(_Base):
    product_id = pw.CharField(max_length=64)
    price_type = pw.CharField(max_length=32)
    store_id = pw.CharField(max_length=64, default="")  # '' = every store of the cooperative
    price_rp = pw.BigIntegerField()
    updated_at = pw.CharField(max_length=40)

    class Meta:
        table_name = "price"
        primary_key = pw.CompositeKey("cooperative_id", "product_id", "price_type", "store_id")


class CeilingModel(_Base):
    """Price ceilings (HET) by product code; cooperative_id '' holds the national ones."""

    product_code = pw.CharField(max_length=64)
    ceiling_rp = pw.BigIntegerField()
    updated_at = pw.CharField(max_length=40)

    class Meta:
        table_name = "price_ceiling"
        primary_key = pw.CompositeKey("cooperative_id", "product_code")


class MemberModel(_Base):
    member_id = pw.CharField(max_length=64)
    member_no = pw.CharField(max_length=64)
    data = pw.TextField()  # as the feed sends it: no full NIK or KK (their hash and last 4 digits)
    updated_at = pw.CharField(max_length=40)
    # schema step 5: NIK and KK encrypted with the cooperative's key (server.keys), and their keyed hash
    nik_enc = pw.TextField(null=True)
    nik_hmac = pw.CharField(max_length=64, null=True)
    kk_enc = pw.TextField(null=True)
    kk_hmac = pw.CharField(max_length=64, null=True)

    class Meta:
        table_name = "member"
        primary_key = pw.CompositeKey("cooperative_id", "member_id")
        # schema step 5 adds the index (cooperative_id, nik_hmac)
        indexes = ((("cooperative_id", "member_no"), True),)


class PrivacyAuditModel(_Base):
    """Schema step 5: who read personal numbers in full, and which members were erased."""

    audit_id = pw.CharField(max_length=36)
    action = pw.CharField(max_length=64)  # members.full_export | member.erased
    detail = pw.TextField(default="{}")  # never a full number
    actor = pw.CharField(max_length=200, default="")
    at = pw.CharField(max_length=40)

    class Meta:
        table_name = "privacy_audit"
        primary_key = pw.CompositeKey("cooperative_id", "audit_id")


class ChangeModel(_Base):
    """The ordered change feed. Within a scope, commit order equals change_id order because writers
    take the scope's advisory lock before allocating ids (server.feed)."""

    change_id = pw.BigIntegerField()
    scope = pw.CharField(max_length=16)
    scope_id = pw.CharField(max_length=64)
    entity = pw.CharField(max_length=32)
    entity_key = pw.CharField(max_length=128)
    op = pw.CharField(max_length=8)
    data = pw.TextField()
    origin_terminal_id = pw.CharField(max_length=64, default="")
    created_at = pw.CharField(max_length=40)

    class Meta:
        table_name = "change_log"
        primary_key = pw.CompositeKey("cooperative_id", "change_id")
        indexes = ((("scope", "scope_id", "change_id"), False),)


class FeedHorizonModel(_Base):
    """The highest change id pruned per scope: a cursor behind it gets 410 and a snapshot."""

    scope = pw.CharField(max_length=16)
    scope_id = pw.CharField(max_length=64)
    pruned_through = pw.BigIntegerField()

    class Meta:
        table_name = "feed_horizon"
        primary_key = pw.CompositeKey("cooperative_id", "scope", "scope_id")


class QrisAcquirerKeyModel(_Base):
    """The acquirer's public key for a store's QRIS notifications (qr-mpm-notify), set by an admin."""

    store_id = pw.CharField(max_length=64)
    public_key_pem = pw.TextField()
    updated_at = pw.CharField(max_length=40)

    class Meta:
        table_name = "qris_acquirer_key"
        primary_key = pw.CompositeKey("cooperative_id", "store_id")


class QrisNotificationModel(_Base):
    """A verified qr-mpm-notify, once per (acquirer reference, status), with the till it went to."""

    reference_no = pw.CharField(max_length=64)
    status = pw.CharField(max_length=16)  # pending | paid | expired | failed
    store_id = pw.CharField(max_length=64)
    partner_reference_no = pw.CharField(max_length=64, default="")
    sale_id = pw.CharField(max_length=64, null=True)
    terminal_id = pw.CharField(max_length=64, default="")  # '' when the sale is not known yet
    rrn = pw.CharField(max_length=64, default="")
    amount_rp = pw.BigIntegerField(null=True)
    body = pw.TextField()
    received_at = pw.CharField(max_length=40)

    class Meta:
        table_name = "qris_notification"
        primary_key = pw.CompositeKey("cooperative_id", "reference_no", "status")


class SchemaVersionModel(pw.Model):
    """One row: the server schema version (a server-wide table, not cooperative data)."""

    id = pw.IntegerField(primary_key=True)
    version = pw.IntegerField()

    class Meta:
        table_name = "server_schema_version"


class RateLimitFailureModel(pw.Model):
    """One failed enrolment or sign-in from a source (a server-wide table, not cooperative data): the
    failure limiter counts these rows, so every worker process sees the same counts."""

    id = pw.BigAutoField()
    kind = pw.CharField(max_length=16)  # enrol | sign_in | web_login | web_account
    source = pw.CharField(max_length=64)  # the client address
    failed_at = pw.DoubleField()  # Unix time, seconds

    class Meta:
        table_name = "rate_limit_failure"
        indexes = ((("kind", "source", "failed_at"), False), (("failed_at",), False))


ALL_MODELS: list[type[pw.Model]] = [
    CooperativeModel,
    StoreModel,
    TerminalModel,
    AdminTokenModel,
    EventModel,
    ConflictModel,
    QuarantineModel,
    DocumentModel,
    SaleModel,
    SaleLineModel,
    SalePaymentModel,
    ReturnModel,
    StockMovementModel,
    ProductModel,
    PriceModel,
    CeilingModel,
    MemberModel,
    PrivacyAuditModel,
    ChangeModel,
    FeedHorizonModel,
    QrisAcquirerKeyModel,
    QrisNotificationModel,
    DailyRollupModel,
    RegulatedSaleModel,
    WebUserModel,
    WebSessionModel,
    SchemaVersionModel,
    RateLimitFailureModel,
]
