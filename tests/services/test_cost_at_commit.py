"""Cost at commit: sale, return and cancellation movements keep the moving-average cost of the sale, so
the cost of goods of a past sale rebuilds from its movements after later receipts move the average."""

from __future__ import annotations

import json

from kkmp_pos.core.cart import Cart
from kkmp_pos.core.money import line_total_rp
from kkmp_pos.db.models import OutboxEventModel, ProductModel, SaleLineModel, StockMovementModel
from kkmp_pos.services.selling.reversals import ReversalService
from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod
from kkmp_pos.services.stock.module import stock_module
from kkmp_pos.services.stock.receiving import ReceiptDraft


def _product() -> ProductModel:
    return ProductModel.get(ProductModel.code == "SPHP5")  # a plain pack, no batches


def _sell(till, cashier, product_id: int, qty_milli: int) -> str:
    cart = Cart()
    cart.add(till.catalog.item(product_id), qty_milli)
    return till.sales.checkout(cart, [PaymentInput(PaymentMethod.CASH, 0, 10**7)], cashier).sale_id


def _receive(till, manager, product_id: int, qty_milli: int, unit_cost_rp: int) -> None:
    sm = stock_module(till)
    draft = ReceiptDraft(invoice_no="INV-COST")
    line = draft.add(sm.receiving.line_for_item(till.catalog.item(product_id)))
    line.qty_milli, line.unit_cost_rp = qty_milli, unit_cost_rp
    sm.receiving.post(draft, manager)


def _cost_of_goods(doc_ids: list[str]) -> int:
    """What the documents took out of stock at cost (returns and cancellations count negative)."""
    rows = StockMovementModel.select().where(StockMovementModel.doc_id.in_(doc_ids))
    return sum(line_total_rp(m.unit_cost_rp, -m.qty_milli) for m in rows)


def _event_of(doc_id: str, key: str = "sale_id") -> dict:
    newest = OutboxEventModel.select().order_by(OutboxEventModel.seq.desc()).limit(5)
    return next(p for p in (json.loads(e.payload) for e in newest) if p.get(key) == doc_id)


def test_a_sale_movement_records_the_average_cost_at_commit(till, cashier):
    product = _product()
    sale_id = _sell(till, cashier, product.id, 2_000)

    movement = StockMovementModel.get(StockMovementModel.doc_id == sale_id)
    assert product.cost_rp > 0
    assert movement.unit_cost_rp == product.cost_rp
    assert _event_of(sale_id)["movements"][0]["unit_cost_rp"] == product.cost_rp


def test_cost_of_a_past_sale_rebuilds_after_receipts_move_the_average(till, cashier, manager):
    product = _product()
    cost_then = product.cost_rp
    sale_id = _sell(till, cashier, product.id, 2_000)

    _receive(till, manager, product.id, 50_000, cost_then * 3)
    assert ProductModel.get_by_id(product.id).cost_rp != cost_then  # the average moved

    assert _cost_of_goods([sale_id]) == 2 * cost_then


def test_a_return_puts_goods_back_at_the_cost_the_sale_took_them_out_at(till, cashier, manager):
    product = _product()
    cost_then = product.cost_rp
    sale_id = _sell(till, cashier, product.id, 2_000)
    _receive(till, manager, product.id, 50_000, cost_then * 3)
    line = SaleLineModel.get(SaleLineModel.sale == sale_id)

    return_id = ReversalService(till.ctx).create_return(sale_id, {line.id: 1_000}, manager, manager)

    back = StockMovementModel.get(StockMovementModel.doc_id == return_id)
    assert (back.kind, back.qty_milli, back.unit_cost_rp) == ("return", 1_000, cost_then)
    assert _cost_of_goods([sale_id, return_id]) == cost_then
    assert _event_of(return_id, "return_id")["movements"][0]["unit_cost_rp"] == cost_then


def test_a_cancellation_reverses_the_sale_at_its_own_cost(till, cashier, manager):
    product = _product()
    sale_id = _sell(till, cashier, product.id, 2_000)
    _receive(till, manager, product.id, 50_000, product.cost_rp * 3)

    cancel_id = ReversalService(till.ctx).cancel(sale_id, manager, manager, "salah input")

    assert _cost_of_goods([sale_id, cancel_id]) == 0
    back = StockMovementModel.get(StockMovementModel.doc_id == cancel_id)
    assert back.unit_cost_rp == product.cost_rp
