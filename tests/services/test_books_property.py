"""Property: after any mix of sales (cash, QRIS, transfer), returns, cancellations, goods receipts and
their reversals, write-offs, count adjustments and cash moves, every journal balances, each document has
exactly one journal, the trial balance's totals are equal, the neraca balances, and inventory in the books
moves exactly as the stock ledger valued at the cost each movement carries."""

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
from tests.services.stock_support import TickingClock

CODES = ["SPHP5", "LPG12", "12345", "PCT"]  # a plain pack, LPG, a weighed good, a batch-tracked medicine

op = st.one_of(
    st.tuples(
        st.just("sale"),
        st.sampled_from(CODES),
        st.integers(1, 4),
        st.sampled_from(["cash", "qris", "transfer"]),
    ),
    st.tuples(st.just("return"), st.sampled_from(CODES), st.integers(1, 2), st.just("")),
    st.tuples(st.just("receipt"), st.sampled_from(CODES), st.integers(1, 30), st.just("")),
    st.tuples(st.just("reverse"), st.sampled_from(CODES), st.integers(0, 3), st.just("")),
    st.tuples(st.just("writeoff"), st.sampled_from(CODES), st.integers(1, 20), st.just("")),
    st.tuples(st.just("count"), st.sampled_from(CODES), st.integers(0, 40), st.just("")),
    st.tuples(st.just("cancel"), st.sampled_from(CODES), st.integers(0, 3), st.just("")),
    st.tuples(st.just("cash"), st.sampled_from(["in", "out", "deposit"]), st.integers(1, 50), st.just("")),
)


def inventory_gap(till) -> int:
    """Inventory in the books minus the stock ledger valued at the cost each movement carries."""
    from kkmp_pos.core.money import line_total_rp

    db = till.ctx.db
    books = db.execute_sql(
        'SELECT COALESCE(SUM("debit_rp" - "credit_rp"), 0) FROM "journal_line" l JOIN "journal" j '
        'ON j."id" = l."journal_id" WHERE j."status" = \'posted\' AND l."account" LIKE \'114%\''
    ).fetchone()[0]
    ledger = sum(
        (1 if qty > 0 else -1) * line_total_rp(cost, abs(qty))
        for qty, cost in db.execute_sql('SELECT "qty_milli", "unit_cost_rp" FROM "stock_movement"')
    )
    return books - ledger


def books_check(till, manager) -> None:
    db = till.ctx.db
    unbalanced = db.execute_sql(
        'SELECT "journal_id" FROM "journal_line" GROUP BY "journal_id" '
        'HAVING SUM("debit_rp") != SUM("credit_rp")'
    ).fetchall()
    assert unbalanced == []
    doubled = db.execute_sql(
        'SELECT "doc_id" FROM "journal" WHERE "doc_kind" != \'reversal\' '
        'GROUP BY "doc_id" HAVING COUNT(*) > 1'
    ).fetchall()
    assert doubled == []
    day = till.ctx.business_date()
    tb = till.books_reports.trial_balance(manager, day)
    assert tb["total_debit_rp"] == tb["total_credit_rp"]
    moves = till.books_reports.trial_balance(manager, day, "2000-01-01")
    assert moves["total_debit_rp"] == moves["total_credit_rp"]
    neraca = till.books_reports.neraca(manager, day)
    assert neraca["balanced"], neraca
    assert neraca["total_aset_rp"] == neraca["total_kewajiban_rp"] + neraca["total_ekuitas_rp"]


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(ops=st.lists(op, min_size=1, max_size=10))
@pytest.mark.usefixtures("without_purchase_caps")
def test_the_books_balance_after_any_documents(till, manager, cashier, ops):
    till.ctx.clock = TickingClock()
    sm = stock_module(till)
    reversals = ReversalService(till.ctx)
    products = {code: ProductModel.get(ProductModel.code == code) for code in CODES}
    sales: list[str] = []
    receipts: list[str] = []
    with till.ctx.db.atomic() as txn:  # each example starts from the same demo shop
        gap = inventory_gap(till)
        for n, (kind, code, amount, method) in enumerate(ops):
            try:
                if kind == "sale":
                    cart = Cart()
                    cart.add(till.catalog.item(products[code].id), amount * 1000)
                    due = cart.totals().total_rp
                    pay = (
                        PaymentInput(PaymentMethod.CASH, 0, 10**7)
                        if method == "cash"
                        else PaymentInput(PaymentMethod(method), due, reference="ref")
                    )
                    sales.append(till.sales.checkout(cart, [pay], cashier).sale_id)
                elif kind == "return" and sales:
                    line = SaleLineModel.get(SaleLineModel.sale == sales[-1])
                    reversals.create_return(
                        sales[-1], {line.id: min(amount * 1000, line.qty_milli)}, manager, manager, reason="t"
                    )
                elif kind == "receipt":
                    draft = ReceiptDraft(invoice_no=f"P{n}")
                    line = draft.add(sm.receiving.line_for_item(till.catalog.item(products[code].id)))
                    line.qty_milli, line.unit_cost_rp = amount * 1000, 1000 + amount
                    if line.track_batches:
                        line.batch_no = f"B{amount % 3}"
                        line.expiry = (date.today() + timedelta(days=30 * (1 + amount % 3))).isoformat()
                    receipts.append(sm.receiving.post(draft, manager).id)
                elif kind == "reverse" and receipts:
                    sm.receiving.reverse(receipts[min(amount, len(receipts) - 1)], manager)
                elif kind == "cancel" and sales:
                    reversals.cancel(sales[min(amount, len(sales) - 1)], manager, manager, "salah input")
                elif kind == "writeoff":
                    sm.writeoffs.write_off(products[code].id, amount * 500, "damaged", "t", manager)
                elif kind == "count":
                    count = sm.counts.start(manager)
                    sm.counts.enter(count.id, products[code].id, amount * 1000, manager)
                    sm.counts.approve(count.id, manager)
                elif kind == "cash":
                    till.shifts.cash_move(
                        cashier, code, amount * 1000, "beli kantong plastik", approver=manager
                    )
            except KkmpError as refused:  # a refused document leaves no journal either
                assert refused.code in {
                    "writeoff_more_than_on_hand",
                    "goods_receipt_already_reversed",
                    "goods_receipt_is_reversal",
                    "return_exceeds_sold",
                    "sale_not_returnable",
                    "sale_already_cancelled",
                    "sale_has_returns",
                    "cash_move_kind_invalid",
                    "cash_move_exceeds_drawer",
                    "insufficient_cash",
                }, refused.code
            books_check(till, manager)
            assert inventory_gap(till) == gap, (n, kind, code, amount)
        txn.rollback()
