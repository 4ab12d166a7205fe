"""Goods receipts: stock and average cost, GS1 DataMatrix lines, batch rules, reversal by a new document."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from kkmp_pos.core.errors import StateError, ValidationError
from kkmp_pos.db.models import (
    BarcodeModel,
    BatchModel,
    GoodsReceiptLineModel,
    GoodsReceiptModel,
    OutboxEventModel,
    ProductModel,
    StockMovementModel,
    SupplierModel,
)
from kkmp_pos.services.stock.module import stock_module
from kkmp_pos.services.stock.receiving import ReceiptDraft
from tests.services.stock_support import ledger_mismatches


def _plain_product() -> ProductModel:
    return ProductModel.get(ProductModel.code == "SPHP5")


def test_posting_adds_stock_updates_average_cost_and_queues_one_event(till, manager):
    sm = stock_module(till)
    product = _plain_product()
    before_on_hand, before_cost = product.on_hand_milli, product.cost_rp
    supplier = SupplierModel.get(SupplierModel.name == "Perum Bulog")
    draft = ReceiptDraft(supplier_id=supplier.id, invoice_no="INV-77", invoice_date="2026-01-05")
    line = draft.add(sm.receiving.line_for_scan(BarcodeModel.get(BarcodeModel.product == product.id).code))
    line.qty_milli = 20_000
    line.unit_cost_rp = 62_000
    receipt = sm.receiving.post(draft, manager)

    product = ProductModel.get_by_id(product.id)
    assert product.on_hand_milli == before_on_hand + 20_000
    expected_cost = round((before_on_hand * before_cost + 20_000 * 62_000) / (before_on_hand + 20_000))
    assert product.cost_rp == expected_cost
    assert receipt.total_rp == 20 * 62_000
    assert receipt.number.startswith("GR-KMPBPN-T1-")
    event = OutboxEventModel.get(OutboxEventModel.type == "stock.received")
    payload = json.loads(event.payload)
    assert payload["receipt_id"] == receipt.id and payload["lines"][0]["qty_milli"] == 20_000
    assert ledger_mismatches() == []


def test_receiving_a_dus_stocks_its_pieces_at_the_per_piece_cost(till, manager):
    sm = stock_module(till)
    unit_barcode = BarcodeModel.select().where(BarcodeModel.unit.is_null(False)).first()
    item = till.catalog.lookup_barcode(unit_barcode.code)
    before = ProductModel.get_by_id(item.product_id).on_hand_milli
    draft = ReceiptDraft()
    line = draft.add(sm.receiving.line_for_scan(unit_barcode.code))
    line.unit_cost_rp = item.factor_milli // 1000 * 3_000
    if line.track_batches:
        line.batch_no, line.expiry = "B1", (date.today() + timedelta(days=400)).isoformat()
    sm.receiving.post(draft, manager)
    row = GoodsReceiptLineModel.get()
    assert row.qty_milli == item.factor_milli and row.unit_cost_rp == 3_000
    assert ProductModel.get_by_id(item.product_id).on_hand_milli == before + item.factor_milli


def test_a_gs1_datamatrix_fills_batch_and_expiry_and_creates_the_batch(till, manager):
    sm = stock_module(till)
    product = ProductModel.get(ProductModel.code == "PCT")
    ean = BarcodeModel.get((BarcodeModel.product == product.id) & BarcodeModel.unit.is_null()).code
    scan = f"]d201{'0' + ean}17291231\x1d10LOT42"
    line = sm.receiving.line_for_scan(scan)
    assert (line.batch_no, line.expiry, line.product_id) == ("LOT42", "2029-12-31", product.id)
    draft = ReceiptDraft()
    draft.add(line).qty_milli = 30_000
    sm.receiving.post(draft, manager)
    batch = BatchModel.get((BatchModel.product == product.id) & (BatchModel.batch_no == "LOT42"))
    assert batch.expiry == "2029-12-31" and batch.on_hand_milli == 30_000
    assert ledger_mismatches() == []


def test_batch_tracked_lines_need_batch_and_expiry_and_refuse_expired_goods(till, manager):
    sm = stock_module(till)
    product = ProductModel.get(ProductModel.code == "PCT")
    item = till.catalog.item(product.id)
    draft = ReceiptDraft()
    line = draft.add(sm.receiving.line_for_item(item))
    with pytest.raises(ValidationError) as missing:
        sm.receiving.post(draft, manager)
    assert missing.value.code == "receipt_batch_required"
    line.batch_no, line.expiry = "OLD1", "2020-01-31"
    with pytest.raises(ValidationError) as expired:
        sm.receiving.post(draft, manager)
    assert expired.value.code == "receipt_batch_expired"
    assert GoodsReceiptModel.select().count() == 0


def test_a_cashier_cannot_receive_goods(till, cashier):
    sm = stock_module(till)
    draft = ReceiptDraft()
    draft.add(sm.receiving.line_for_item(till.catalog.item(_plain_product().id)))
    with pytest.raises(Exception) as denied:
        sm.receiving.post(draft, cashier)
    assert denied.value.code == "permission_denied"


def test_a_posted_receipt_is_corrected_only_by_a_reversing_document(till, manager):
    sm = stock_module(till)
    product = _plain_product()
    before_on_hand, before_cost = product.on_hand_milli, product.cost_rp
    draft = ReceiptDraft(invoice_no="X1")
    line = draft.add(sm.receiving.line_for_item(till.catalog.item(product.id)))
    line.qty_milli, line.unit_cost_rp = 10_000, 70_000
    original = sm.receiving.post(draft, manager)
    reversal = sm.receiving.reverse(original.id, manager, note="salah faktur")

    assert reversal.kind == "reversal" and reversal.reverses_id == original.id
    assert reversal.total_rp == -original.total_rp
    after = ProductModel.get_by_id(product.id)
    assert after.on_hand_milli == before_on_hand
    assert abs(after.cost_rp - before_cost) <= 1  # the average is unwound (to the rupiah)
    assert GoodsReceiptModel.get_by_id(original.id).total_rp == original.total_rp  # untouched
    kinds = [m.qty_milli for m in StockMovementModel.select().where(StockMovementModel.doc_id == reversal.id)]
    assert kinds == [-10_000]
    with pytest.raises(StateError) as again:
        sm.receiving.reverse(original.id, manager)
    assert again.value.code == "goods_receipt_already_reversed"
    with pytest.raises(StateError):
        sm.receiving.reverse(reversal.id, manager)
    assert ledger_mismatches() == []
