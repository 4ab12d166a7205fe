"""FEFO across three batches, expired batches refused at the till, obat keras only at an apotek with a
prescription, write-offs with a manager's approval."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from kkmp_pos.core.cart import Cart
from kkmp_pos.core.errors import PermissionDenied, ValidationError
from kkmp_pos.db.ledger import record_movement
from kkmp_pos.db.models import (
    AuditLogModel,
    BatchModel,
    OutboxEventModel,
    ProductModel,
    StockMovementModel,
    StoreModel,
    WriteOffModel,
)
from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod
from kkmp_pos.services.stock.module import stock_module
from kkmp_pos.services.stock.receiving import ReceiptDraft
from tests.services.stock_support import ledger_mismatches


def _days(n: int) -> str:
    return (date.today() + timedelta(days=n)).isoformat()


def _fresh_medicine(till, manager, batches: list[tuple[str, str, int]]) -> ProductModel:
    """Paracetamol with its demo stock written off and `batches` (no, expiry, qty) received."""
    sm = stock_module(till)
    product = ProductModel.get(ProductModel.code == "PCT")
    sm.writeoffs.write_off(product.id, product.on_hand_milli, "lost", "test: empty shelf", manager)
    draft = ReceiptDraft(invoice_no="KF-1")
    for batch_no, expiry, qty in batches:
        line = draft.add(sm.receiving.line_for_item(till.catalog.item(product.id)))
        line.batch_no, line.expiry, line.qty_milli = batch_no, expiry, qty
    sm.receiving.post(draft, manager)
    return ProductModel.get_by_id(product.id)


def _sell(till, cashier, product_id: int, qty_milli: int, prescription_ref: str = ""):
    cart = Cart()
    line = cart.add(till.catalog.item(product_id), qty_milli)
    line.prescription_ref = prescription_ref
    return till.sales.checkout(cart, [PaymentInput(PaymentMethod.CASH, 0, 10_000_000)], cashier)


def _batch(product_id: int, batch_no: str) -> BatchModel:
    return BatchModel.get((BatchModel.product == product_id) & (BatchModel.batch_no == batch_no))


def test_fefo_sells_across_three_batch_boundaries_earliest_expiry_first(till, manager, cashier):
    product = _fresh_medicine(
        till, manager, [("LATE", _days(300), 5_000), ("EARLY", _days(30), 3_000), ("MID", _days(120), 4_000)]
    )
    result = _sell(till, cashier, product.id, 5_000)  # all of EARLY, 2 of MID
    taken = {m.batch_id: -m.qty_milli for m in result.movements}
    assert taken == {_batch(product.id, "EARLY").id: 3_000, _batch(product.id, "MID").id: 2_000}
    result = _sell(till, cashier, product.id, 4_000)  # the rest of MID, 2 of LATE
    taken = {m.batch_id: -m.qty_milli for m in result.movements}
    assert taken == {_batch(product.id, "MID").id: 2_000, _batch(product.id, "LATE").id: 2_000}
    assert [_batch(product.id, n).on_hand_milli for n in ("EARLY", "MID", "LATE")] == [0, 0, 3_000]
    assert ledger_mismatches() == []


def _expire(product_id: int, batch_no: str, expiry: str) -> None:
    BatchModel.update(expiry=expiry).where(
        (BatchModel.product == product_id) & (BatchModel.batch_no == batch_no)
    ).execute()


def test_an_expired_batch_is_refused_at_the_till_naming_the_batch_and_its_expiry(till, manager, cashier):
    product = _fresh_medicine(till, manager, [("OLD7", _days(10), 4_000)])
    _expire(product.id, "OLD7", "2025-01-31")  # time passed: the batch is now expired
    sm = stock_module(till)
    item = till.catalog.item(product.id)
    with pytest.raises(ValidationError) as at_add:
        sm.stock.check_sellable(item, 1_000)
    assert at_add.value.code == "batch_expired"
    assert "OLD7" in at_add.value.message() and "31-01-2025" in at_add.value.message()
    sales_before = StockMovementModel.select().where(StockMovementModel.kind == "sale").count()
    with pytest.raises(ValidationError) as at_checkout:
        _sell(till, cashier, product.id, 1_000)
    assert at_checkout.value.code == "batch_expired"
    assert StockMovementModel.select().where(StockMovementModel.kind == "sale").count() == sales_before


def test_only_the_unexpired_part_may_be_sold_when_an_expired_batch_is_on_the_shelf(till, manager, cashier):
    product = _fresh_medicine(till, manager, [("OLD", _days(5), 3_000), ("NEW", _days(200), 2_000)])
    _expire(product.id, "OLD", "2025-06-30")
    item = till.catalog.item(product.id)
    sm = stock_module(till)
    sm.stock.check_sellable(item, 2_000)  # fine: NEW covers it
    with pytest.raises(ValidationError) as short:
        sm.stock.check_sellable(item, 3_000)
    assert short.value.code == "batch_expired_short"
    result = _sell(till, cashier, product.id, 2_000)
    assert {m.batch_id for m in result.movements} == {_batch(product.id, "NEW").id}


def test_obat_keras_needs_an_apotek_and_a_prescription_reference(till, cashier):
    product = ProductModel.get(ProductModel.drug_class == "keras")
    sm = stock_module(till)
    item = till.catalog.item(product.id)
    with pytest.raises(ValidationError) as not_apotek:
        _sell(till, cashier, product.id, 1_000, prescription_ref="R/123")
    assert not_apotek.value.code == "drug_keras_not_apotek"
    StoreModel.update(is_apotek=True).execute()
    till.ctx.refresh_store()
    with pytest.raises(ValidationError) as no_ref:
        sm.stock.check_sellable(item, 1_000)
    assert no_ref.value.code == "drug_keras_needs_prescription"
    with pytest.raises(ValidationError):
        _sell(till, cashier, product.id, 1_000)
    result = _sell(till, cashier, product.id, 1_000, prescription_ref="R/2026/0815 dr. Sari")
    assert result.sale_id


def test_obat_bebas_sells_in_any_shop_without_a_prescription(till, cashier):
    product = ProductModel.get(ProductModel.drug_class == "bebas_terbatas")
    assert _sell(till, cashier, product.id, 1_000).sale_id


def test_a_cashier_writes_off_only_with_a_managers_approval_which_is_audited(till, cashier, manager):
    sm = stock_module(till)
    product = ProductModel.get(ProductModel.code == "SPHP5")
    before = product.on_hand_milli
    with pytest.raises(PermissionDenied) as denied:
        sm.writeoffs.write_off(product.id, 1_000, "damaged", "karung sobek", cashier)
    assert denied.value.code == "approval_required"
    result = sm.writeoffs.write_off(product.id, 2_000, "damaged", "karung sobek", cashier, approver=manager)
    assert ProductModel.get_by_id(product.id).on_hand_milli == before - 2_000
    row = WriteOffModel.get_by_id(result.write_off_id)
    assert (row.requested_by_id, row.approved_by_id, row.reason) == (
        cashier.user_id,
        manager.user_id,
        "damaged",
    )
    assert row.value_rp == 2 * product.cost_rp
    log = AuditLogModel.get(AuditLogModel.action == "stock.written_off")
    assert log.approved_by_id == manager.user_id and log.doc_id == result.write_off_id
    event = OutboxEventModel.get(OutboxEventModel.type == "stock.written_off")
    assert json.loads(event.payload)["qty_milli"] == 2_000
    with pytest.raises(ValidationError) as too_much:
        sm.writeoffs.write_off(product.id, before, "lost", "?", manager)
    assert too_much.value.code == "writeoff_more_than_on_hand"
    with pytest.raises(ValidationError):
        sm.writeoffs.write_off(product.id, 1_000, "stolen", "?", manager)


def test_an_expired_write_off_empties_the_expired_batch_first(till, manager):
    product = _fresh_medicine(till, manager, [("A", _days(5), 2_000), ("B", _days(100), 2_000)])
    _expire(product.id, "A", "2025-02-28")
    sm = stock_module(till)
    assert [line.batch_no for line in sm.stock.expired()] == ["A"]
    sm.writeoffs.write_off(product.id, 2_000, "expired", "lewat tanggal", manager)
    assert _batch(product.id, "A").on_hand_milli == 0 and _batch(product.id, "B").on_hand_milli == 2_000
    assert sm.stock.expired() == []
    assert ledger_mismatches() == []


def test_near_expiry_lists_batches_within_the_setting_and_low_stock_lists_reorder_candidates(till, manager):
    product = _fresh_medicine(till, manager, [("SOON", _days(20), 1_000), ("LATER", _days(200), 1_000)])
    sm = stock_module(till)
    near = [(line.product_id, line.batch_no) for line in sm.stock.near_expiry()]
    assert (product.id, "SOON") in near and (product.id, "LATER") not in near
    till.ctx.set_setting("stock.near_expiry_days", 365)
    assert (product.id, "LATER") in [(line.product_id, line.batch_no) for line in sm.stock.near_expiry()]
    low = {line.product_id for line in sm.stock.low_stock()}
    assert product.id in low  # 2 strips left, reorder level 10
    record_movement(till.ctx, product_id=product.id, qty_milli=50_000, kind="opening", doc_id="t")
    assert product.id not in {line.product_id for line in sm.stock.low_stock()}
