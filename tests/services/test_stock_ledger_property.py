"""Property: after any mix of sales, returns, cancellations, receipts (and their reversals), write-offs,
count adjustments and pulled changes (other terminals' movements, in bulk or change by change, some
arriving twice), every on-hand cache (product and batch) equals the sum of its ledger movements."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kkmp_pos.core.cart import Cart
from kkmp_pos.core.errors import KkmpError
from kkmp_pos.db.models import ProductModel, SaleLineModel
from kkmp_pos.services.selling.reversals import ReversalService
from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod
from kkmp_pos.services.stock.module import stock_module
from kkmp_pos.services.stock.receiving import ReceiptDraft
from kkmp_pos.sync.apply import apply_changes, apply_changes_by_row
from tests.services.stock_support import TickingClock, ledger_mismatches

CODES = ["SPHP5", "PCT", "12345"]  # a plain pack, a batch-tracked medicine, a weighed good

op = st.one_of(
    st.tuples(st.just("sale"), st.sampled_from(CODES), st.integers(1, 4)),
    st.tuples(st.just("return"), st.sampled_from(CODES), st.integers(1, 2)),
    st.tuples(st.just("receipt"), st.sampled_from(CODES), st.integers(1, 30)),
    st.tuples(st.just("reverse"), st.sampled_from(CODES), st.integers(0, 3)),
    st.tuples(st.just("writeoff"), st.sampled_from(CODES), st.integers(1, 20)),
    st.tuples(st.just("count"), st.sampled_from(CODES), st.integers(0, 40)),
    st.tuples(st.just("cancel"), st.sampled_from(CODES), st.integers(0, 3)),
    st.tuples(st.just("pull"), st.sampled_from(CODES), st.integers(-6, 6)),
)


def _pull(product: ProductModel, amount: int, pulled: list[str], n: int) -> None:
    """Another terminal's movement from the feed; an odd amount also sends the previous one again
    (a page applied twice counts once), and the sign picks the bulk or the change-by-change path."""
    ids = [f"remote-{n}"] + pulled[-1:] * (amount % 2)
    pulled.append(ids[0])
    changes = [
        {
            "entity": "stock_movement",
            "op": "upsert",
            "key": mid,
            "data": {
                "movement_id": mid,
                "product_uid": product.uid,
                "product_code": product.code,
                "qty_milli": amount * 1000,
                "terminal_id": "T2",
                "business_date": "2026-01-05",
            },
        }
        for mid in ids
    ]
    apply = apply_changes if amount >= 0 else apply_changes_by_row
    apply(changes, "2026-01-05T02:00:00.000Z")


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(ops=st.lists(op, min_size=1, max_size=12))
@pytest.mark.usefixtures("without_purchase_caps")  # sells 3 packs of Beras SPHP / 3 L MinyaKita
def test_on_hand_caches_equal_the_ledger_after_any_operations(till, manager, cashier, ops):
    till.ctx.clock = TickingClock()
    sm = stock_module(till)
    reversals = ReversalService(till.ctx)
    products = {code: ProductModel.get(ProductModel.code == code) for code in CODES}
    sales: list[str] = []
    receipts: list[str] = []
    pulled: list[str] = []
    with till.ctx.db.atomic() as txn:  # each example starts from the same demo shop
        for n, (kind, code, amount) in enumerate(ops):
            product = products[code]
            try:
                if kind == "sale":
                    cart = Cart()
                    cart.add(till.catalog.item(product.id), amount * 1000)
                    result = till.sales.checkout(cart, [PaymentInput(PaymentMethod.CASH, 0, 10**7)], cashier)
                    sales.append(result.sale_id)
                elif kind == "return" and sales:
                    line = SaleLineModel.get(SaleLineModel.sale == sales[-1])
                    reversals.create_return(
                        sales[-1], {line.id: min(amount * 1000, line.qty_milli)}, manager, manager, reason="t"
                    )
                elif kind == "receipt":
                    draft = ReceiptDraft(invoice_no=f"P{n}")
                    line = draft.add(sm.receiving.line_for_item(till.catalog.item(product.id)))
                    line.qty_milli, line.unit_cost_rp = amount * 1000, 1000 + amount
                    if line.track_batches:
                        line.batch_no = f"B{amount % 3}"
                        line.expiry = (date.today() + timedelta(days=30 * (1 + amount % 3))).isoformat()
                    receipts.append(sm.receiving.post(draft, manager).id)
                elif kind == "reverse" and receipts:
                    sm.receiving.reverse(receipts[min(amount, len(receipts) - 1)], manager)
                elif kind == "cancel" and sales:
                    sale_id = sales[min(amount, len(sales) - 1)]
                    reversals.cancel(sale_id, manager, manager, "salah input")
                elif kind == "pull":
                    _pull(product, amount, pulled, n)
                elif kind == "writeoff":
                    sm.writeoffs.write_off(product.id, amount * 500, "damaged", "t", manager)
                elif kind == "count":
                    count = sm.counts.start(manager)
                    cart = Cart()
                    cart.add(till.catalog.item(product.id), 1000)
                    till.sales.checkout(cart, [PaymentInput(PaymentMethod.CASH, 0, 10**7)], cashier)
                    sm.counts.enter(count.id, product.id, amount * 1000, manager)
                    counted_at_on_hand = ProductModel.get_by_id(product.id).on_hand_milli
                    sm.counts.approve(count.id, manager)
                    assert ProductModel.get_by_id(product.id).on_hand_milli == amount * 1000
                    assert counted_at_on_hand is not None
            except KkmpError as refused:  # a refused operation must leave no trace either
                assert refused.code in {
                    "writeoff_more_than_on_hand",
                    "goods_receipt_already_reversed",
                    "goods_receipt_is_reversal",
                    "return_exceeds_sold",
                    "sale_not_returnable",
                    "return_qty_exceeds",
                    "sale_already_cancelled",
                    "sale_has_returns",
                }, refused.code
            assert ledger_mismatches() == [], (n, kind, code, amount)
        txn.rollback()
