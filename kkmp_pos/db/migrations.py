"""Numbered schema steps, each atomic with its `user_version` bump, after an online backup.

Never edit a step that has shipped: add the next one. tests/fixtures holds a frozen database of every
released schema version and tests/db/test_migrations.py upgrades each of them.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path

import peewee

from kkmp_pos.core.errors import StorageError

log = logging.getLogger(__name__)

Step = Callable[[peewee.SqliteDatabase], None]


def _sql_step(statements: list[str]) -> Step:
    def run(db: peewee.SqliteDatabase) -> None:
        for statement in statements:
            db.execute_sql(statement)

    return run


# Version 1: the foundation (frozen DDL, as peewee generated it on the day it shipped).
V1 = [
    'CREATE TABLE "user" ("id" INTEGER NOT NULL PRIMARY KEY, "name" VARCHAR(255) NOT NULL, "role" VARCHAR(255) NOT NULL, "pin_hash" VARCHAR(255) NOT NULL, "active" INTEGER NOT NULL, "failed_attempts" INTEGER NOT NULL, "locked_until" VARCHAR(255), "created_at" VARCHAR(255) NOT NULL);',
    'CREATE UNIQUE INDEX "user_name" ON "user" ("name");',
    'CREATE TABLE "audit_log" ("id" INTEGER NOT NULL PRIMARY KEY, "at" VARCHAR(255) NOT NULL, "user_id" INTEGER, "approved_by_id" INTEGER, "action" VARCHAR(255) NOT NULL, "doc_id" VARCHAR(255), "detail" TEXT NOT NULL, FOREIGN KEY ("user_id") REFERENCES "user" ("id"), FOREIGN KEY ("approved_by_id") REFERENCES "user" ("id"));',
    'CREATE INDEX "audit_log_user_id" ON "audit_log" ("user_id");',
    'CREATE INDEX "audit_log_approved_by_id" ON "audit_log" ("approved_by_id");',
    'CREATE INDEX "audit_log_action" ON "audit_log" ("action");',
    'CREATE TABLE "category" ("id" INTEGER NOT NULL PRIMARY KEY, "name" VARCHAR(255) NOT NULL);',
    'CREATE UNIQUE INDEX "category_name" ON "category" ("name");',
    'CREATE TABLE "supplier" ("id" INTEGER NOT NULL PRIMARY KEY, "name" VARCHAR(255) NOT NULL, "kind" VARCHAR(255) NOT NULL, "contact" VARCHAR(255) NOT NULL, "phone" VARCHAR(255) NOT NULL, "address" TEXT NOT NULL, "active" INTEGER NOT NULL);',
    'CREATE UNIQUE INDEX "supplier_name" ON "supplier" ("name");',
    'CREATE TABLE "product" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(255) NOT NULL, "code" VARCHAR(255) NOT NULL, "name" VARCHAR(255) NOT NULL, "search_text" VARCHAR(255) NOT NULL, "base_unit" VARCHAR(255) NOT NULL, "is_weighed" INTEGER NOT NULL, "category_id" INTEGER, "business_unit" VARCHAR(255) NOT NULL, "supplier_id" INTEGER, "cost_rp" INTEGER NOT NULL, "regular_price_rp" INTEGER NOT NULL, "member_price_rp" INTEGER, "ceiling_rp" INTEGER, "reorder_level_milli" INTEGER NOT NULL, "track_batches" INTEGER NOT NULL, "drug_class" VARCHAR(255), "requires_nik" INTEGER NOT NULL, "active" INTEGER NOT NULL, "on_hand_milli" INTEGER NOT NULL, "updated_at" VARCHAR(255) NOT NULL, FOREIGN KEY ("category_id") REFERENCES "category" ("id") ON DELETE SET NULL, FOREIGN KEY ("supplier_id") REFERENCES "supplier" ("id") ON DELETE SET NULL);',
    'CREATE UNIQUE INDEX "product_uid" ON "product" ("uid");',
    'CREATE UNIQUE INDEX "product_code" ON "product" ("code");',
    'CREATE INDEX "product_search_text" ON "product" ("search_text");',
    'CREATE INDEX "product_category_id" ON "product" ("category_id");',
    'CREATE INDEX "product_supplier_id" ON "product" ("supplier_id");',
    'CREATE TABLE "product_unit" ("id" INTEGER NOT NULL PRIMARY KEY, "product_id" INTEGER NOT NULL, "name" VARCHAR(255) NOT NULL, "factor_milli" INTEGER NOT NULL, "regular_price_rp" INTEGER NOT NULL, "member_price_rp" INTEGER, "ceiling_rp" INTEGER, "active" INTEGER NOT NULL, FOREIGN KEY ("product_id") REFERENCES "product" ("id") ON DELETE CASCADE);',
    'CREATE INDEX "product_unit_product_id" ON "product_unit" ("product_id");',
    'CREATE UNIQUE INDEX "product_unit_product_id_name" ON "product_unit" ("product_id", "name");',
    'CREATE TABLE "barcode" ("code" VARCHAR(255) NOT NULL PRIMARY KEY, "product_id" INTEGER NOT NULL, "unit_id" INTEGER, FOREIGN KEY ("product_id") REFERENCES "product" ("id") ON DELETE CASCADE, FOREIGN KEY ("unit_id") REFERENCES "product_unit" ("id") ON DELETE CASCADE);',
    'CREATE INDEX "barcode_product_id" ON "barcode" ("product_id");',
    'CREATE INDEX "barcode_unit_id" ON "barcode" ("unit_id");',
    'CREATE TABLE "batch" ("id" INTEGER NOT NULL PRIMARY KEY, "product_id" INTEGER NOT NULL, "batch_no" VARCHAR(255) NOT NULL, "expiry" VARCHAR(255), "on_hand_milli" INTEGER NOT NULL, FOREIGN KEY ("product_id") REFERENCES "product" ("id") ON DELETE CASCADE);',
    'CREATE INDEX "batch_product_id" ON "batch" ("product_id");',
    'CREATE UNIQUE INDEX "batch_product_id_batch_no" ON "batch" ("product_id", "batch_no");',
    'CREATE TABLE "member" ("id" VARCHAR(255) NOT NULL PRIMARY KEY, "number" VARCHAR(255) NOT NULL, "card_code" VARCHAR(255) NOT NULL, "name" VARCHAR(255) NOT NULL, "nik" VARCHAR(255), "phone" VARCHAR(255) NOT NULL, "address" TEXT NOT NULL, "status" VARCHAR(255) NOT NULL, "joined_on" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "search_text" VARCHAR(255) NOT NULL);',
    'CREATE UNIQUE INDEX "member_number" ON "member" ("number");',
    'CREATE UNIQUE INDEX "member_card_code" ON "member" ("card_code");',
    'CREATE UNIQUE INDEX "member_nik" ON "member" ("nik");',
    'CREATE INDEX "member_phone" ON "member" ("phone");',
    'CREATE INDEX "member_search_text" ON "member" ("search_text");',
    'CREATE TABLE "outbox_event" ("seq" INTEGER NOT NULL PRIMARY KEY, "event_id" VARCHAR(255) NOT NULL, "type" VARCHAR(255) NOT NULL, "schema_version" INTEGER NOT NULL, "occurred_at" VARCHAR(255) NOT NULL, "business_date" VARCHAR(255) NOT NULL, "payload" TEXT NOT NULL, "status" VARCHAR(255) NOT NULL, "acked_at" VARCHAR(255), "reject_reason" TEXT);',
    'CREATE UNIQUE INDEX "outbox_event_event_id" ON "outbox_event" ("event_id");',
    'CREATE INDEX "outbox_event_status" ON "outbox_event" ("status");',
    'CREATE TABLE "terminal" ("id" VARCHAR(255) NOT NULL PRIMARY KEY, "code" VARCHAR(255) NOT NULL, "number" INTEGER NOT NULL, "next_seq" INTEGER NOT NULL, "enrolled" INTEGER NOT NULL, "server_url" VARCHAR(255) NOT NULL, "token" VARCHAR(255) NOT NULL, "pull_cursor" VARCHAR(255) NOT NULL);',
    'CREATE TABLE "shift" ("id" VARCHAR(255) NOT NULL PRIMARY KEY, "user_id" INTEGER NOT NULL, "status" VARCHAR(255) NOT NULL, "opened_at" VARCHAR(255) NOT NULL, "closed_at" VARCHAR(255), "business_date" VARCHAR(255) NOT NULL, "opening_float_rp" INTEGER NOT NULL, "opening_detail" TEXT NOT NULL, "counted_cash_rp" INTEGER, "counted_detail" TEXT NOT NULL, "expected_cash_rp" INTEGER, "difference_rp" INTEGER, "approved_by_id" INTEGER, FOREIGN KEY ("user_id") REFERENCES "user" ("id"), FOREIGN KEY ("approved_by_id") REFERENCES "user" ("id"));',
    'CREATE INDEX "shift_user_id" ON "shift" ("user_id");',
    'CREATE INDEX "shift_approved_by_id" ON "shift" ("approved_by_id");',
    'CREATE TABLE "sale" ("id" VARCHAR(255) NOT NULL PRIMARY KEY, "receipt_no" VARCHAR(255) NOT NULL, "receipt_code" VARCHAR(255) NOT NULL, "terminal_id" VARCHAR(255) NOT NULL, "cashier_id" INTEGER NOT NULL, "shift_id" VARCHAR(255), "member_id" VARCHAR(255), "status" VARCHAR(255) NOT NULL, "subtotal_rp" INTEGER NOT NULL, "discount_rp" INTEGER NOT NULL, "total_rp" INTEGER NOT NULL, "rounding_rp" INTEGER NOT NULL, "paid_rp" INTEGER NOT NULL, "change_rp" INTEGER NOT NULL, "member_savings_rp" INTEGER NOT NULL, "created_at" VARCHAR(255) NOT NULL, "business_date" VARCHAR(255) NOT NULL, FOREIGN KEY ("terminal_id") REFERENCES "terminal" ("id"), FOREIGN KEY ("cashier_id") REFERENCES "user" ("id"), FOREIGN KEY ("shift_id") REFERENCES "shift" ("id"), FOREIGN KEY ("member_id") REFERENCES "member" ("id"));',
    'CREATE UNIQUE INDEX "sale_receipt_no" ON "sale" ("receipt_no");',
    'CREATE UNIQUE INDEX "sale_receipt_code" ON "sale" ("receipt_code");',
    'CREATE INDEX "sale_terminal_id" ON "sale" ("terminal_id");',
    'CREATE INDEX "sale_cashier_id" ON "sale" ("cashier_id");',
    'CREATE INDEX "sale_shift_id" ON "sale" ("shift_id");',
    'CREATE INDEX "sale_member_id" ON "sale" ("member_id");',
    'CREATE INDEX "sale_business_date" ON "sale" ("business_date");',
    'CREATE TABLE "payment" ("id" VARCHAR(255) NOT NULL PRIMARY KEY, "sale_id" VARCHAR(255), "method" VARCHAR(255) NOT NULL, "amount_rp" INTEGER NOT NULL, "tendered_rp" INTEGER NOT NULL, "change_rp" INTEGER NOT NULL, "reference" VARCHAR(255) NOT NULL, "status" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, FOREIGN KEY ("sale_id") REFERENCES "sale" ("id") ON DELETE CASCADE);',
    'CREATE INDEX "payment_sale_id" ON "payment" ("sale_id");',
    'CREATE TABLE "print_job" ("id" INTEGER NOT NULL PRIMARY KEY, "kind" VARCHAR(255) NOT NULL, "doc_id" VARCHAR(255), "document" TEXT NOT NULL, "is_copy" INTEGER NOT NULL, "status" VARCHAR(255) NOT NULL, "attempts" INTEGER NOT NULL, "last_error" TEXT, "printer_uri" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "sent_at" VARCHAR(255));',
    'CREATE INDEX "print_job_doc_id" ON "print_job" ("doc_id");',
    'CREATE INDEX "print_job_status" ON "print_job" ("status");',
    'CREATE TABLE "sale_line" ("id" INTEGER NOT NULL PRIMARY KEY, "sale_id" VARCHAR(255) NOT NULL, "line_no" INTEGER NOT NULL, "product_id" INTEGER NOT NULL, "unit_id" INTEGER, "name" VARCHAR(255) NOT NULL, "unit_label" VARCHAR(255) NOT NULL, "qty_milli" INTEGER NOT NULL, "base_qty_milli" INTEGER NOT NULL, "unit_price_rp" INTEGER NOT NULL, "regular_price_rp" INTEGER NOT NULL, "price_type" VARCHAR(255) NOT NULL, "discount_rp" INTEGER NOT NULL, "line_total_rp" INTEGER NOT NULL, FOREIGN KEY ("sale_id") REFERENCES "sale" ("id") ON DELETE CASCADE, FOREIGN KEY ("product_id") REFERENCES "product" ("id"), FOREIGN KEY ("unit_id") REFERENCES "product_unit" ("id"));',
    'CREATE INDEX "sale_line_sale_id" ON "sale_line" ("sale_id");',
    'CREATE INDEX "sale_line_product_id" ON "sale_line" ("product_id");',
    'CREATE INDEX "sale_line_unit_id" ON "sale_line" ("unit_id");',
    'CREATE UNIQUE INDEX "sale_line_sale_id_line_no" ON "sale_line" ("sale_id", "line_no");',
    'CREATE TABLE "setting" ("key" VARCHAR(255) NOT NULL PRIMARY KEY, "value" TEXT NOT NULL);',
    'CREATE TABLE "stock_movement" ("id" VARCHAR(255) NOT NULL PRIMARY KEY, "product_id" INTEGER NOT NULL, "batch_id" INTEGER, "qty_milli" INTEGER NOT NULL, "kind" VARCHAR(255) NOT NULL, "doc_id" VARCHAR(255) NOT NULL, "unit_cost_rp" INTEGER NOT NULL, "terminal_id" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "business_date" VARCHAR(255) NOT NULL, FOREIGN KEY ("product_id") REFERENCES "product" ("id"), FOREIGN KEY ("batch_id") REFERENCES "batch" ("id"));',
    'CREATE INDEX "stock_movement_product_id" ON "stock_movement" ("product_id");',
    'CREATE INDEX "stock_movement_batch_id" ON "stock_movement" ("batch_id");',
    'CREATE INDEX "stock_movement_doc_id" ON "stock_movement" ("doc_id");',
    'CREATE INDEX "stock_movement_product_id_created_at" ON "stock_movement" ("product_id", "created_at");',
    'CREATE TABLE "store" ("id" VARCHAR(255) NOT NULL PRIMARY KEY, "cooperative_id" VARCHAR(255) NOT NULL, "code" VARCHAR(255) NOT NULL, "name" VARCHAR(255) NOT NULL, "cooperative_name" VARCHAR(255) NOT NULL, "address" TEXT NOT NULL, "legal_number" VARCHAR(255) NOT NULL, "npwp" VARCHAR(255) NOT NULL, "region" VARCHAR(255) NOT NULL, "price_zone" INTEGER NOT NULL, "timezone" VARCHAR(255) NOT NULL, "vat_registered" INTEGER NOT NULL, "is_apotek" INTEGER NOT NULL);',
]

# Version 2: word-prefix search index for products, and parked (held) carts.
V2 = [
    'CREATE TABLE "product_word" ("word" VARCHAR(255) NOT NULL, "product_id" INTEGER NOT NULL, '
    'PRIMARY KEY ("word", "product_id"), '
    'FOREIGN KEY ("product_id") REFERENCES "product" ("id") ON DELETE CASCADE) WITHOUT ROWID',
    'CREATE INDEX "product_word_product_id" ON "product_word" ("product_id")',
    'CREATE TABLE "held_cart" ("id" VARCHAR(255) NOT NULL PRIMARY KEY, '
    '"label" VARCHAR(255) NOT NULL, "cashier_id" INTEGER NOT NULL, '
    '"created_at" VARCHAR(255) NOT NULL, "cart" TEXT NOT NULL, '
    'FOREIGN KEY ("cashier_id") REFERENCES "user" ("id"))',
    'CREATE INDEX "held_cart_cashier_id" ON "held_cart" ("cashier_id")',
]


def _v2(db: peewee.SqliteDatabase) -> None:
    """Create the word index and fill it for the products a v1 till already has."""
    import re
    import unicodedata

    _sql_step(V2)(db)
    word = re.compile(r"[0-9a-z]+")

    def words(text: str) -> set[str]:
        normal = unicodedata.normalize("NFKD", text)
        return set(word.findall("".join(c for c in normal if not unicodedata.combining(c)).lower()))

    rows = []
    barcodes: dict[int, list[str]] = {}
    for code, product_id in db.execute_sql(
        'SELECT "code", "product_id" FROM "barcode" WHERE "unit_id" IS NULL'
    ):
        barcodes.setdefault(product_id, []).append(code)
    for product_id, name, code in db.execute_sql('SELECT "id", "name", "code" FROM "product"'):
        found = words(name) | words(code)
        for barcode in barcodes.get(product_id, []):
            found |= words(barcode)
        rows.extend((w, product_id) for w in found)
    db.cursor().executemany('INSERT INTO "product_word" ("word", "product_id") VALUES (?, ?)', rows)


# Version 3 (stock): goods receipts, stock counts and write-offs.
V3 = [
    'CREATE TABLE "goods_receipt" ("id" VARCHAR(255) NOT NULL PRIMARY KEY, "number" VARCHAR(255) NOT NULL, "kind" VARCHAR(255) NOT NULL, "reverses_id" VARCHAR(255), "supplier_id" INTEGER, "invoice_no" VARCHAR(255) NOT NULL, "invoice_date" VARCHAR(255), "note" TEXT NOT NULL, "total_rp" INTEGER NOT NULL, "created_by_id" INTEGER NOT NULL, "created_at" VARCHAR(255) NOT NULL, "business_date" VARCHAR(255) NOT NULL, FOREIGN KEY ("reverses_id") REFERENCES "goods_receipt" ("id"), FOREIGN KEY ("supplier_id") REFERENCES "supplier" ("id"), FOREIGN KEY ("created_by_id") REFERENCES "user" ("id"))',
    'CREATE UNIQUE INDEX "goods_receipt_number" ON "goods_receipt" ("number")',
    'CREATE INDEX "goods_receipt_reverses_id" ON "goods_receipt" ("reverses_id")',
    'CREATE INDEX "goods_receipt_supplier_id" ON "goods_receipt" ("supplier_id")',
    'CREATE INDEX "goods_receipt_created_by_id" ON "goods_receipt" ("created_by_id")',
    'CREATE INDEX "goods_receipt_business_date" ON "goods_receipt" ("business_date")',
    'CREATE TABLE "goods_receipt_line" ("id" INTEGER NOT NULL PRIMARY KEY, "receipt_id" VARCHAR(255) NOT NULL, "line_no" INTEGER NOT NULL, "product_id" INTEGER NOT NULL, "unit_label" VARCHAR(255) NOT NULL, "unit_qty_milli" INTEGER NOT NULL, "qty_milli" INTEGER NOT NULL, "unit_cost_rp" INTEGER NOT NULL, "line_total_rp" INTEGER NOT NULL, "batch_id" INTEGER, "batch_no" VARCHAR(255) NOT NULL, "expiry" VARCHAR(255), FOREIGN KEY ("receipt_id") REFERENCES "goods_receipt" ("id") ON DELETE CASCADE, FOREIGN KEY ("product_id") REFERENCES "product" ("id"), FOREIGN KEY ("batch_id") REFERENCES "batch" ("id"))',
    'CREATE INDEX "goods_receipt_line_receipt_id" ON "goods_receipt_line" ("receipt_id")',
    'CREATE INDEX "goods_receipt_line_product_id" ON "goods_receipt_line" ("product_id")',
    'CREATE INDEX "goods_receipt_line_batch_id" ON "goods_receipt_line" ("batch_id")',
    'CREATE UNIQUE INDEX "goods_receipt_line_receipt_id_line_no" ON "goods_receipt_line" ("receipt_id", "line_no")',
    'CREATE TABLE "stock_count" ("id" VARCHAR(255) NOT NULL PRIMARY KEY, "number" VARCHAR(255) NOT NULL, "scope" VARCHAR(255) NOT NULL, "category_id" INTEGER, "status" VARCHAR(255) NOT NULL, "snapshot_at" VARCHAR(255) NOT NULL, "started_by_id" INTEGER NOT NULL, "approved_by_id" INTEGER, "approved_at" VARCHAR(255), "note" TEXT NOT NULL, "business_date" VARCHAR(255) NOT NULL, FOREIGN KEY ("category_id") REFERENCES "category" ("id"), FOREIGN KEY ("started_by_id") REFERENCES "user" ("id"), FOREIGN KEY ("approved_by_id") REFERENCES "user" ("id"))',
    'CREATE UNIQUE INDEX "stock_count_number" ON "stock_count" ("number")',
    'CREATE INDEX "stock_count_category_id" ON "stock_count" ("category_id")',
    'CREATE INDEX "stock_count_started_by_id" ON "stock_count" ("started_by_id")',
    'CREATE INDEX "stock_count_approved_by_id" ON "stock_count" ("approved_by_id")',
    'CREATE INDEX "stock_count_business_date" ON "stock_count" ("business_date")',
    'CREATE TABLE "stock_count_line" ("id" INTEGER NOT NULL PRIMARY KEY, "count_id" VARCHAR(255) NOT NULL, "product_id" INTEGER NOT NULL, "expected_milli" INTEGER NOT NULL, "cost_rp" INTEGER NOT NULL, "counted_milli" INTEGER, "counted_at" VARCHAR(255), "counted_by_id" INTEGER, "recounts" INTEGER NOT NULL, "system_milli" INTEGER, "adjustment_milli" INTEGER, FOREIGN KEY ("count_id") REFERENCES "stock_count" ("id") ON DELETE CASCADE, FOREIGN KEY ("product_id") REFERENCES "product" ("id"), FOREIGN KEY ("counted_by_id") REFERENCES "user" ("id"))',
    'CREATE INDEX "stock_count_line_count_id" ON "stock_count_line" ("count_id")',
    'CREATE INDEX "stock_count_line_product_id" ON "stock_count_line" ("product_id")',
    'CREATE INDEX "stock_count_line_counted_by_id" ON "stock_count_line" ("counted_by_id")',
    'CREATE UNIQUE INDEX "stock_count_line_count_id_product_id" ON "stock_count_line" ("count_id", "product_id")',
    'CREATE TABLE "write_off" ("id" VARCHAR(255) NOT NULL PRIMARY KEY, "product_id" INTEGER NOT NULL, "batch_id" INTEGER, "qty_milli" INTEGER NOT NULL, "reason" VARCHAR(255) NOT NULL, "note" TEXT NOT NULL, "unit_cost_rp" INTEGER NOT NULL, "value_rp" INTEGER NOT NULL, "requested_by_id" INTEGER NOT NULL, "approved_by_id" INTEGER NOT NULL, "created_at" VARCHAR(255) NOT NULL, "business_date" VARCHAR(255) NOT NULL, FOREIGN KEY ("product_id") REFERENCES "product" ("id"), FOREIGN KEY ("batch_id") REFERENCES "batch" ("id"), FOREIGN KEY ("requested_by_id") REFERENCES "user" ("id"), FOREIGN KEY ("approved_by_id") REFERENCES "user" ("id"))',
    'CREATE INDEX "write_off_product_id" ON "write_off" ("product_id")',
    'CREATE INDEX "write_off_batch_id" ON "write_off" ("batch_id")',
    'CREATE INDEX "write_off_requested_by_id" ON "write_off" ("requested_by_id")',
    'CREATE INDEX "write_off_approved_by_id" ON "write_off" ("approved_by_id")',
    'CREATE INDEX "write_off_business_date" ON "write_off" ("business_date")',
]


# Version 4 (shifts and cash control): cash moved in or out of the drawer during a shift.
V4 = [
    'CREATE TABLE "cash_movement" ("id" VARCHAR(255) NOT NULL PRIMARY KEY, "shift_id" VARCHAR(255) NOT NULL, "user_id" INTEGER NOT NULL, "approved_by_id" INTEGER, "kind" VARCHAR(255) NOT NULL, "amount_rp" INTEGER NOT NULL, "reason" TEXT NOT NULL, "detail" TEXT NOT NULL, "created_at" VARCHAR(255) NOT NULL, "business_date" VARCHAR(255) NOT NULL, FOREIGN KEY ("shift_id") REFERENCES "shift" ("id"), FOREIGN KEY ("user_id") REFERENCES "user" ("id"), FOREIGN KEY ("approved_by_id") REFERENCES "user" ("id"))',
    'CREATE INDEX "cash_movement_shift_id" ON "cash_movement" ("shift_id")',
    'CREATE INDEX "cash_movement_user_id" ON "cash_movement" ("user_id")',
    'CREATE INDEX "cash_movement_approved_by_id" ON "cash_movement" ("approved_by_id")',
]


# Version 5: simpanan payments, QRIS confirmations, cancellations, returns.
V5 = [
    'CREATE TABLE "member_payment" ("id" VARCHAR(255) NOT NULL PRIMARY KEY, "member_id" VARCHAR(255) NOT NULL, "kind" VARCHAR(255) NOT NULL, "amount_rp" INTEGER NOT NULL, "method" VARCHAR(255) NOT NULL, "reference" VARCHAR(255) NOT NULL, "status" VARCHAR(255) NOT NULL, "receipt_no" VARCHAR(255) NOT NULL, "cashier_id" INTEGER NOT NULL, "shift_id" VARCHAR(255), "created_at" VARCHAR(255) NOT NULL, "business_date" VARCHAR(255) NOT NULL, FOREIGN KEY ("member_id") REFERENCES "member" ("id"), FOREIGN KEY ("cashier_id") REFERENCES "user" ("id"), FOREIGN KEY ("shift_id") REFERENCES "shift" ("id"))',
    'CREATE INDEX "member_payment_member_id" ON "member_payment" ("member_id")',
    'CREATE UNIQUE INDEX "member_payment_receipt_no" ON "member_payment" ("receipt_no")',
    'CREATE INDEX "member_payment_cashier_id" ON "member_payment" ("cashier_id")',
    'CREATE INDEX "member_payment_shift_id" ON "member_payment" ("shift_id")',
    'CREATE INDEX "member_payment_business_date" ON "member_payment" ("business_date")',
    'CREATE TABLE "payment_confirmation" ("id" VARCHAR(255) NOT NULL PRIMARY KEY, "sale_id" VARCHAR(255) NOT NULL, "payment_id" VARCHAR(255) NOT NULL, "reference" VARCHAR(255) NOT NULL, "confirmed_by_id" INTEGER NOT NULL, "created_at" VARCHAR(255) NOT NULL, "business_date" VARCHAR(255) NOT NULL, FOREIGN KEY ("sale_id") REFERENCES "sale" ("id"), FOREIGN KEY ("payment_id") REFERENCES "payment" ("id"), FOREIGN KEY ("confirmed_by_id") REFERENCES "user" ("id"))',
    'CREATE INDEX "payment_confirmation_sale_id" ON "payment_confirmation" ("sale_id")',
    'CREATE INDEX "payment_confirmation_payment_id" ON "payment_confirmation" ("payment_id")',
    'CREATE INDEX "payment_confirmation_confirmed_by_id" ON "payment_confirmation" ("confirmed_by_id")',
    'CREATE TABLE "sale_cancellation" ("id" VARCHAR(255) NOT NULL PRIMARY KEY, "sale_id" VARCHAR(255) NOT NULL, "kind" VARCHAR(255) NOT NULL, "reason" TEXT NOT NULL, "refund_method" VARCHAR(255), "refund_rp" INTEGER NOT NULL, "user_id" INTEGER NOT NULL, "approved_by_id" INTEGER, "shift_id" VARCHAR(255), "created_at" VARCHAR(255) NOT NULL, "business_date" VARCHAR(255) NOT NULL, FOREIGN KEY ("sale_id") REFERENCES "sale" ("id"), FOREIGN KEY ("user_id") REFERENCES "user" ("id"), FOREIGN KEY ("approved_by_id") REFERENCES "user" ("id"), FOREIGN KEY ("shift_id") REFERENCES "shift" ("id"))',
    'CREATE UNIQUE INDEX "sale_cancellation_sale_id" ON "sale_cancellation" ("sale_id")',
    'CREATE INDEX "sale_cancellation_user_id" ON "sale_cancellation" ("user_id")',
    'CREATE INDEX "sale_cancellation_approved_by_id" ON "sale_cancellation" ("approved_by_id")',
    'CREATE INDEX "sale_cancellation_shift_id" ON "sale_cancellation" ("shift_id")',
    'CREATE INDEX "sale_cancellation_business_date" ON "sale_cancellation" ("business_date")',
    'CREATE TABLE "sale_return" ("id" VARCHAR(255) NOT NULL PRIMARY KEY, "sale_id" VARCHAR(255) NOT NULL, "return_no" VARCHAR(255) NOT NULL, "refund_method" VARCHAR(255) NOT NULL, "refund_rp" INTEGER NOT NULL, "reason" TEXT NOT NULL, "user_id" INTEGER NOT NULL, "approved_by_id" INTEGER NOT NULL, "shift_id" VARCHAR(255), "created_at" VARCHAR(255) NOT NULL, "business_date" VARCHAR(255) NOT NULL, FOREIGN KEY ("sale_id") REFERENCES "sale" ("id"), FOREIGN KEY ("user_id") REFERENCES "user" ("id"), FOREIGN KEY ("approved_by_id") REFERENCES "user" ("id"), FOREIGN KEY ("shift_id") REFERENCES "shift" ("id"))',
    'CREATE INDEX "sale_return_sale_id" ON "sale_return" ("sale_id")',
    'CREATE UNIQUE INDEX "sale_return_return_no" ON "sale_return" ("return_no")',
    'CREATE INDEX "sale_return_user_id" ON "sale_return" ("user_id")',
    'CREATE INDEX "sale_return_approved_by_id" ON "sale_return" ("approved_by_id")',
    'CREATE INDEX "sale_return_shift_id" ON "sale_return" ("shift_id")',
    'CREATE INDEX "sale_return_business_date" ON "sale_return" ("business_date")',
    'CREATE TABLE "sale_return_line" ("id" INTEGER NOT NULL PRIMARY KEY, "sale_return_id" VARCHAR(255) NOT NULL, "sale_line_id" INTEGER NOT NULL, "qty_milli" INTEGER NOT NULL, "base_qty_milli" INTEGER NOT NULL, "refund_rp" INTEGER NOT NULL, FOREIGN KEY ("sale_return_id") REFERENCES "sale_return" ("id") ON DELETE CASCADE, FOREIGN KEY ("sale_line_id") REFERENCES "sale_line" ("id"))',
    'CREATE INDEX "sale_return_line_sale_return_id" ON "sale_return_line" ("sale_return_id")',
    'CREATE INDEX "sale_return_line_sale_line_id" ON "sale_return_line" ("sale_line_id")',
    'CREATE TABLE "product_popularity" ("product_id" INTEGER NOT NULL PRIMARY KEY, "sold_30d_milli" INTEGER NOT NULL, "refreshed_on" VARCHAR(255) NOT NULL, FOREIGN KEY ("product_id") REFERENCES "product" ("id") ON DELETE CASCADE)',
    'ALTER TABLE "sale_line" ADD COLUMN "prescription_ref" VARCHAR(255) NOT NULL DEFAULT \'\'',
    # (product_id, created_at) already serves every lookup by product: one index less to write per sale.
    'DROP INDEX "stock_movement_product_id"',
]


# Version 6 (purchase caps): the buyer's NIK on a sale (LPG 3 kg logbook, purchase caps) and the caps
# themselves as data. Existing tills whose catalog has the demo's regulated codes get the default caps
# (frozen copy of services.selling.limits.DEFAULT_RULES as it was when step 6 shipped).
V6 = [
    'ALTER TABLE "sale" ADD COLUMN "buyer_nik" VARCHAR(255)',
    'CREATE INDEX "sale_buyer_nik_business_date" ON "sale" ("buyer_nik", "business_date")',
    'CREATE TABLE "purchase_limit" ("id" VARCHAR(255) NOT NULL PRIMARY KEY, "name" VARCHAR(255) NOT NULL, "product_codes" TEXT NOT NULL, "category" VARCHAR(255), "max_milli" INTEGER NOT NULL, "unit_label" VARCHAR(255) NOT NULL, "period" VARCHAR(255) NOT NULL, "per" VARCHAR(255) NOT NULL, "mode" VARCHAR(255) NOT NULL, "effective_from" VARCHAR(255) NOT NULL, "active" INTEGER NOT NULL, "note" TEXT NOT NULL, "updated_at" VARCHAR(255) NOT NULL)',
    'CREATE INDEX "purchase_limit_active" ON "purchase_limit" ("active")',
]
_V6_DEFAULTS = [
    # (id, name, product_codes JSON, max_milli, unit, period, per, mode, note, code that must exist)
    ("0190a6c0-0000-7000-8000-000000000001", "Beras SPHP", '{"SPHP5": 1000}', 2000, "pak",
     "transaction", "buyer", "block", "Bulog: paling banyak 2 pak (10 kg) per pembeli", "SPHP5"),
    ("0190a6c0-0000-7000-8000-000000000002", "MinyaKita", '{"MK1": 1000, "MK2": 2000, "MK05": 500}',
     2000, "L", "day", "buyer", "block", "Surat edaran 2023: paling banyak 2 L per orang per hari", "MK1"),
    ("0190a6c0-0000-7000-8000-000000000003", "LPG 3 kg", '{"LPG3": 1000, "LPGT": 1000}', 1000,
     "tabung", "day", "nik", "warn", "Belum ada batas nasional: peringatan saja", "LPG3"),
]  # fmt: skip


def _v6(db: peewee.SqliteDatabase) -> None:
    """Add sale.buyer_nik and the purchase_limit table; default caps for the regulated codes present."""
    _sql_step(V6)(db)
    for rule_id, name, codes, max_milli, unit, period, per, mode, note, needs in _V6_DEFAULTS:
        db.execute_sql(
            'INSERT INTO "purchase_limit" ("id", "name", "product_codes", "category", "max_milli", '
            '"unit_label", "period", "per", "mode", "effective_from", "active", "note", "updated_at") '
            "SELECT ?, ?, ?, NULL, ?, ?, ?, ?, ?, '', 1, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
            'WHERE EXISTS (SELECT 1 FROM "product" WHERE "code" = ?)',
            (rule_id, name, codes, max_milli, unit, period, per, mode, note, needs),
        )


# Version 7 (PPN): products exempt from PPN; existing staples and subsidised LPG marked as exempt.
V7 = [
    'ALTER TABLE "product" ADD COLUMN "ppn_exempt" INTEGER NOT NULL DEFAULT 0',
    # A sale line keeps the flag it was sold under: a later catalog edit never changes a past receipt.
    'ALTER TABLE "sale_line" ADD COLUMN "ppn_exempt" INTEGER NOT NULL DEFAULT 0',
]
# Frozen copy of core.tax.STAPLE_WORDS as it was when step 7 shipped.
_V7_STAPLE_WORDS = frozenset(
    ("beras", "gabah", "jagung", "sagu", "kedelai", "garam", "daging", "telur", "buah", "sayur",
     "sayuran", "ubi", "gula")
)  # fmt: skip


def _v7(db: peewee.SqliteDatabase) -> None:
    """Add product.ppn_exempt; set it for LPG 3 kg (NIK) and for sembako in a staple category."""
    import re
    import unicodedata

    _sql_step(V7)(db)
    word = re.compile(r"[0-9a-z]+")

    def words(text: str) -> set[str]:
        normal = unicodedata.normalize("NFKD", text)
        return set(word.findall("".join(c for c in normal if not unicodedata.combining(c)).lower()))

    staples = [
        cid
        for cid, name in db.execute_sql('SELECT "id", "name" FROM "category"')
        if words(name) & _V7_STAPLE_WORDS
    ]
    db.execute_sql(
        'UPDATE "product" SET "ppn_exempt" = 1 WHERE "business_unit" = \'lpg\' AND "requires_nik" = 1'
    )
    for cid in staples:
        db.execute_sql(
            'UPDATE "product" SET "ppn_exempt" = 1 '
            "WHERE \"category_id\" = ? AND \"business_unit\" NOT IN ('lpg', 'obat')",
            (cid,),
        )
    db.execute_sql(
        'UPDATE "sale_line" SET "ppn_exempt" = '
        '(SELECT "ppn_exempt" FROM "product" WHERE "product"."id" = "sale_line"."product_id")'
    )


# Version 8 (documents that never change): what a sale was printed with, and cash refund rounding.
V8 = [
    # The receipt document as printed at commit (JSON); reprints render it, never today's settings.
    'ALTER TABLE "sale" ADD COLUMN "receipt_document" TEXT',
    # The store's VAT status and PPN rate at commit: past reports and receipts read these.
    'ALTER TABLE "sale" ADD COLUMN "vat_registered" INTEGER NOT NULL DEFAULT 0',
    'ALTER TABLE "sale" ADD COLUMN "ppn_percent" INTEGER NOT NULL DEFAULT 11',
    # Cash paid back is rounded like cash taken in; the difference is kept like a sale's rounding.
    'ALTER TABLE "sale_return" ADD COLUMN "rounding_rp" INTEGER NOT NULL DEFAULT 0',
    'ALTER TABLE "sale_cancellation" ADD COLUMN "rounding_rp" INTEGER NOT NULL DEFAULT 0',
    # What a product was called and filed under when sold: reports group past sales by these.
    'ALTER TABLE "sale_line" ADD COLUMN "product_code" VARCHAR(255) NOT NULL DEFAULT \'\'',
    'ALTER TABLE "sale_line" ADD COLUMN "business_unit" VARCHAR(255) NOT NULL DEFAULT \'\'',
    'ALTER TABLE "sale_line" ADD COLUMN "category" VARCHAR(255) NOT NULL DEFAULT \'\'',
]


def _v8(db: peewee.SqliteDatabase) -> None:
    """Add the stored receipt and VAT facts to sales; earlier sales take the store's status of today
    (the best that is known), and from then on keep it."""
    _sql_step(V8)(db)
    db.execute_sql(
        'UPDATE "sale" SET "vat_registered" = COALESCE((SELECT MAX("vat_registered") FROM "store"), 0)'
    )
    row = db.execute_sql('SELECT "value" FROM "setting" WHERE "key" = \'tax.ppn_percent\'').fetchone()
    if row is not None and str(row[0]).isdigit():
        db.execute_sql('UPDATE "sale" SET "ppn_percent" = ?', (int(row[0]),))
    product = 'FROM "product" p WHERE p."id" = "sale_line"."product_id"'
    db.execute_sql(
        f'UPDATE "sale_line" SET "product_code" = COALESCE((SELECT p."code" {product}), \'\'), '
        f'"business_unit" = COALESCE((SELECT p."business_unit" {product}), \'\'), '
        '"category" = COALESCE((SELECT c."name" FROM "product" p JOIN "category" c ON c."id" = p."category_id" '
        'WHERE p."id" = "sale_line"."product_id"), \'\')'
    )


# Version 9: pulled changes a till could not apply, kept aside with their reason (sync problems).
V9 = [
    'CREATE TABLE "pull_problem" ("id" INTEGER NOT NULL PRIMARY KEY, "seen_at" VARCHAR(255) NOT NULL, "entity" VARCHAR(255) NOT NULL, "entity_key" VARCHAR(255) NOT NULL, "reason" TEXT NOT NULL, "data" TEXT NOT NULL)',
]


# Version 10 (an old shop as fast as a new one): a member's purchases in a period by one index range.
# The purchase caps read them inside every member's sale; through sale(member_id) alone that walked all
# of the member's sales ever made (11,000 on the three-year benchmark shop).
V10 = ['CREATE INDEX "sale_member_id_business_date" ON "sale" ("member_id", "business_date")']


# Version 11 (personal data, issue 12; docs/PRIVACY.md): NIK and KK as keyed hash + last 4 digits beside
# the full number, which a till keeps only for its own members and, for a walk-in LPG buyer, only for the
# logbook's retention period. Purchase caps read the hash. The hashes of rows already stored are filled
# by the start-up housekeeping (services/privacy/retention.py): the key lives in a file, not here.
V11 = [
    'ALTER TABLE "member" ADD COLUMN "nik_hmac" VARCHAR(255)',
    'ALTER TABLE "member" ADD COLUMN "nik_last4" VARCHAR(255) NOT NULL DEFAULT \'\'',
    'ALTER TABLE "member" ADD COLUMN "kk" VARCHAR(255)',
    'ALTER TABLE "member" ADD COLUMN "kk_hmac" VARCHAR(255)',
    'ALTER TABLE "member" ADD COLUMN "kk_last4" VARCHAR(255) NOT NULL DEFAULT \'\'',
    'ALTER TABLE "member" ADD COLUMN "erased_at" VARCHAR(255)',
    'CREATE INDEX "member_nik_hmac" ON "member" ("nik_hmac")',
    'ALTER TABLE "sale" ADD COLUMN "buyer_nik_hmac" VARCHAR(255)',
    'ALTER TABLE "sale" ADD COLUMN "buyer_nik_last4" VARCHAR(255) NOT NULL DEFAULT \'\'',
    'DROP INDEX IF EXISTS "sale_buyer_nik_business_date"',
    'CREATE INDEX "sale_buyer_nik_hmac_business_date" ON "sale" ("buyer_nik_hmac", "business_date")',
]


# Version 13: QRIS confirmed by the acquirer (SNAP QRIS MPM): the code it made per sale and the
# notifications the server's feed brought.
V13 = [
    'CREATE TABLE "qris_acquirer_request" ("sale_id" VARCHAR(255) NOT NULL PRIMARY KEY, "payment_id" VARCHAR(255) NOT NULL, "partner_reference_no" VARCHAR(255) NOT NULL, "reference_no" VARCHAR(255) NOT NULL, "qr_content" TEXT NOT NULL, "amount_rp" INTEGER NOT NULL, "status" VARCHAR(255) NOT NULL, "rrn" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "updated_at" VARCHAR(255) NOT NULL)',
    'CREATE TABLE "qris_notification" ("id" INTEGER NOT NULL PRIMARY KEY, "change_key" VARCHAR(255) NOT NULL, "sale_id" VARCHAR(255), "reference_no" VARCHAR(255) NOT NULL, "status" VARCHAR(255) NOT NULL, "rrn" VARCHAR(255) NOT NULL, "amount_rp" INTEGER, "received_at" VARCHAR(255) NOT NULL, "outcome" VARCHAR(255) NOT NULL)',
    'CREATE UNIQUE INDEX "qris_notification_change_key" ON "qris_notification" ("change_key")',
]


def _v12(db: peewee.SqliteDatabase) -> None:
    """Add product.aliases and rebuild the word index in its new form (core.text.index_words)."""
    from kkmp_pos.core.text import index_words

    db.execute_sql('ALTER TABLE "product" ADD COLUMN "aliases" TEXT NOT NULL DEFAULT \'\'')
    texts: dict[int, list[str]] = {}
    for product_id, name, code in db.execute_sql('SELECT "id", "name", "code" FROM "product"'):
        texts[product_id] = [name, code]
    for code, product_id in db.execute_sql(
        'SELECT "code", "product_id" FROM "barcode" WHERE "unit_id" IS NULL'
    ):
        texts.setdefault(product_id, []).append(code)
    rows = sorted((w, pid) for pid, found in texts.items() for w in index_words(*found))
    db.execute_sql('DELETE FROM "product_word"')
    db.cursor().executemany('INSERT INTO "product_word" ("word", "product_id") VALUES (?, ?)', rows)
    # The old default footer refused exchanges, which UU 8/1999 art. 18 forbids: a shop that kept it
    # gets the new default; a footer the shop wrote itself stays.
    old = ["Terima kasih atas kunjungan Anda", "Barang yang sudah dibeli tidak dapat ditukar"]
    new = [old[0], "Simpan struk ini. Barang dapat ditukar/diretur sesuai kebijakan toko"]
    db.execute_sql(
        'UPDATE "setting" SET "value" = ? WHERE "key" = \'receipt.footer\' AND "value" = ?',
        (json.dumps(new), json.dumps(old)),
    )


# Version 14 (the books): chart of accounts, journals and their lines, closed periods; the chart the till
# ships (core/chart.py) is seeded here. Journals are posted from documents from this version on.
V14 = [
    'CREATE TABLE "account" ("code" VARCHAR(255) NOT NULL PRIMARY KEY, "name" VARCHAR(255) NOT NULL, "type" VARCHAR(255) NOT NULL, "unit" VARCHAR(255) NOT NULL, "segment" VARCHAR(255) NOT NULL, "active" INTEGER NOT NULL, "shipped" INTEGER NOT NULL)',
    'CREATE TABLE "journal" ("id" VARCHAR(255) NOT NULL PRIMARY KEY, "doc_kind" VARCHAR(255) NOT NULL, "doc_id" VARCHAR(255) NOT NULL, "doc_date" VARCHAR(255) NOT NULL, "posting_date" VARCHAR(255) NOT NULL, "memo" TEXT NOT NULL, "status" VARCHAR(255) NOT NULL, "warnings" TEXT NOT NULL, "reverses" VARCHAR(255), "created_by_id" INTEGER, "approved_by_id" INTEGER, "created_at" VARCHAR(255) NOT NULL, FOREIGN KEY ("created_by_id") REFERENCES "user" ("id"), FOREIGN KEY ("approved_by_id") REFERENCES "user" ("id"))',
    'CREATE INDEX "journal_doc_id" ON "journal" ("doc_id")',
    'CREATE INDEX "journal_posting_date" ON "journal" ("posting_date")',
    'CREATE INDEX "journal_created_by_id" ON "journal" ("created_by_id")',
    'CREATE INDEX "journal_approved_by_id" ON "journal" ("approved_by_id")',
    'CREATE TABLE "journal_line" ("id" INTEGER NOT NULL PRIMARY KEY, "journal_id" VARCHAR(255) NOT NULL, "line_no" INTEGER NOT NULL, "account" VARCHAR(255) NOT NULL, "debit_rp" INTEGER NOT NULL, "credit_rp" INTEGER NOT NULL, FOREIGN KEY ("journal_id") REFERENCES "journal" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "journal_line_journal_id" ON "journal_line" ("journal_id")',
    'CREATE INDEX "journal_line_account" ON "journal_line" ("account")',
    'CREATE TABLE "books_period" ("month" VARCHAR(255) NOT NULL PRIMARY KEY, "closed_at" VARCHAR(255) NOT NULL, "closed_by_id" INTEGER, FOREIGN KEY ("closed_by_id") REFERENCES "user" ("id"))',
    'CREATE INDEX "books_period_closed_by_id" ON "books_period" ("closed_by_id")',
]


# Version 15: members' money. A member_payment row is an immutable simpanan document (deposit,
# withdrawal, reversal or opening balance; amount_rp carries its sign), monthly wajib bills, and every
# change of a member's status kept with its date.
V15 = [
    'ALTER TABLE "member" ADD COLUMN "gender" VARCHAR(255) NOT NULL DEFAULT \'\'',
    'ALTER TABLE "member" ADD COLUMN "occupation" VARCHAR(255) NOT NULL DEFAULT \'\'',
    'ALTER TABLE "member" ADD COLUMN "kode_wilayah" VARCHAR(255) NOT NULL DEFAULT \'\'',
    'ALTER TABLE "member" ADD COLUMN "cutover_month" VARCHAR(255)',
    'ALTER TABLE "member_payment" ADD COLUMN "doc_type" VARCHAR(255) NOT NULL DEFAULT \'deposit\'',
    'ALTER TABLE "member_payment" ADD COLUMN "reverses_id" VARCHAR(255)',
    'ALTER TABLE "member_payment" ADD COLUMN "months" TEXT NOT NULL DEFAULT \'\'',
    'ALTER TABLE "member_payment" ADD COLUMN "rounding_rp" INTEGER NOT NULL DEFAULT 0',
    'ALTER TABLE "member_payment" ADD COLUMN "approved_by_id" INTEGER REFERENCES "user" ("id")',
    'ALTER TABLE "member_payment" ADD COLUMN "balance_after_rp" INTEGER NOT NULL DEFAULT 0',
    'CREATE INDEX "member_payment_approved_by_id" ON "member_payment" ("approved_by_id")',
    'CREATE INDEX "member_payment_member_id_kind" ON "member_payment" ("member_id", "kind")',
    'CREATE TABLE "simpanan_bill" ("id" VARCHAR(255) NOT NULL PRIMARY KEY, "member_id" VARCHAR(255) NOT NULL, "month" VARCHAR(255) NOT NULL, "amount_rp" INTEGER NOT NULL, "paid_by_id" VARCHAR(255), "created_at" VARCHAR(255) NOT NULL, "business_date" VARCHAR(255) NOT NULL, FOREIGN KEY ("member_id") REFERENCES "member" ("id"), FOREIGN KEY ("paid_by_id") REFERENCES "member_payment" ("id"))',
    'CREATE UNIQUE INDEX "simpanan_bill_member_id_month" ON "simpanan_bill" ("member_id", "month")',
    'CREATE INDEX "simpanan_bill_member_id" ON "simpanan_bill" ("member_id")',
    'CREATE INDEX "simpanan_bill_month" ON "simpanan_bill" ("month")',
    'CREATE INDEX "simpanan_bill_paid_by_id" ON "simpanan_bill" ("paid_by_id")',
    'CREATE TABLE "member_status_change" ("id" INTEGER NOT NULL PRIMARY KEY, "member_id" VARCHAR(255) NOT NULL, "status" VARCHAR(255) NOT NULL, "reason" VARCHAR(255) NOT NULL, "changed_on" VARCHAR(255) NOT NULL, "at" VARCHAR(255) NOT NULL, "user_id" INTEGER, FOREIGN KEY ("member_id") REFERENCES "member" ("id"), FOREIGN KEY ("user_id") REFERENCES "user" ("id"))',
    'CREATE INDEX "member_status_change_member_id" ON "member_status_change" ("member_id")',
    'CREATE INDEX "member_status_change_user_id" ON "member_status_change" ("user_id")',
]


def _v14(db: peewee.SqliteDatabase) -> None:
    """Create the books' tables and seed the shipped chart of accounts."""
    from kkmp_pos.core.chart import DEFAULT_CHART

    _sql_step(V14)(db)
    db.cursor().executemany(
        'INSERT INTO "account" ("code", "name", "type", "unit", "segment", "active", "shipped") '
        "VALUES (?, ?, ?, ?, ?, 1, 1)",
        [(a.code, a.name, a.type, a.unit, a.segment) for a in DEFAULT_CHART],
    )


def _v15(db: peewee.SqliteDatabase) -> None:
    """Members' money. Members already on the till are billed wajib from the month after the upgrade,
    in the store's own calendar (never this month: the upgrade puts nobody into arrears), keep their
    status, and get it on record; gender is read from the NIKs the till holds."""
    from datetime import UTC, datetime

    from kkmp_pos.core.simpanan import add_months, gender_from_nik
    from kkmp_pos.core.timeutil import DEFAULT_TZ, business_date

    _sql_step(V15)(db)
    row = db.execute_sql('SELECT "timezone" FROM "store" LIMIT 1').fetchone()
    today = business_date(datetime.now(UTC), row[0] if row and row[0] else DEFAULT_TZ).isoformat()
    newest = db.execute_sql('SELECT MAX("business_date") FROM "sale"').fetchone()[0]
    today = max(today, newest or today)  # a clock behind the newest sale does not move the books back
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    db.execute_sql('UPDATE "member" SET "cutover_month" = ?', (add_months(today[:7], 1),))
    db.execute_sql(
        'INSERT INTO "member_status_change" ("member_id", "status", "reason", "changed_on", "at") '
        'SELECT "id", "status", \'upgrade\', ?, ? FROM "member"',
        (today, now),
    )
    for member_id, nik in list(db.execute_sql('SELECT "id", "nik" FROM "member" WHERE "nik" IS NOT NULL')):
        db.execute_sql('UPDATE "member" SET "gender" = ? WHERE "id" = ?', (gender_from_nik(nik), member_id))


STEPS: list[tuple[int, Step]] = [
    (1, _sql_step(V1)),
    (2, _v2),
    (3, _sql_step(V3)),  # stock: receipts, counts, write-offs
    (4, _sql_step(V4)),  # shifts: cash moved in or out of the drawer
    (5, _sql_step(V5)),  # simpanan payments, QRIS confirmations, cancellations, returns
    (6, _v6),  # purchase caps: sale.buyer_nik, purchase_limit
    (7, _v7),  # PPN: product.ppn_exempt
    (8, _v8),  # sale.receipt_document, VAT status and rate; refund rounding
    (9, _sql_step(V9)),  # sync: pull_problem
    (10, _sql_step(V10)),  # sale(member_id, business_date): purchase caps read only their window
    (11, _sql_step(V11)),  # personal data: NIK/KK hash + last 4, buyer NIK reduced after retention
    (12, _v12),  # product.aliases; the word index with joined words and consonant skeletons
    (13, _sql_step(V13)),  # QRIS by the acquirer: qris_acquirer_request, qris_notification
    (14, _v14),  # the books: account (seeded chart), journal, journal_line, books_period
    (15, _v15),  # members' money: simpanan documents, bills, status history; member gender, region
]

LATEST = STEPS[-1][0]


def schema_version(db: peewee.SqliteDatabase) -> int:
    return int(db.execute_sql("PRAGMA user_version").fetchone()[0])


def migrate(db: peewee.SqliteDatabase, path: Path | str | None = None) -> int:
    """Bring the database to LATEST, one atomic step per version (`open_database` backs the file up
    first when it already holds data)."""
    current = schema_version(db)
    if current > LATEST:
        raise StorageError("db_too_new", path=str(path or ""), found=current, known=LATEST)
    if current == LATEST:
        return current
    for number, step in STEPS:
        if number <= current:
            continue
        with db.atomic():
            step(db)
            db.execute_sql(f"PRAGMA user_version = {number}")
        log.info("database schema migrated to v%s", number)
    return LATEST
