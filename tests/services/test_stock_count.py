"""Stock counts: blind counting, sales during the count, variance in quantity and rupiah, recount,
approval posting 'count' movements that leave on-hand equal to what was counted."""

from __future__ import annotations

import json
from dataclasses import fields

import pytest

from kkmp_pos.core.cart import Cart
from kkmp_pos.core.errors import PermissionDenied, StateError, ValidationError
from kkmp_pos.db.models import (
    BarcodeModel,
    OutboxEventModel,
    ProductModel,
    StockCountLineModel,
    StockCountModel,
    StockMovementModel,
)
from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod
from kkmp_pos.services.stock.count_summary import CountEntry
from kkmp_pos.services.stock.module import stock_module
from tests.services.stock_support import TickingClock, ledger_mismatches


@pytest.fixture
def sm(till):
    till.ctx.clock = TickingClock()
    return stock_module(till)


def _sell(till, cashier, product: ProductModel, qty_milli: int) -> None:
    cart = Cart()
    cart.add(till.catalog.item(product.id), qty_milli)
    till.sales.checkout(cart, [PaymentInput(PaymentMethod.CASH, 0, 10_000_000)], cashier)


def _product(code: str = "SPHP5") -> ProductModel:
    return ProductModel.get(ProductModel.code == code)


@pytest.mark.usefixtures("without_purchase_caps")  # sells 3 packs of Beras SPHP / 3 L MinyaKita
def test_a_count_with_sales_during_it_leaves_on_hand_equal_to_the_counted_quantity(
    till, sm, manager, cashier
):
    product = _product()
    count = sm.counts.start(manager)
    _sell(till, cashier, product, 3_000)  # sold after the snapshot, before the shelf was counted
    system_at_count = ProductModel.get_by_id(product.id).on_hand_milli
    counted = system_at_count - 2_000  # two packs missing on the shelf
    sm.counts.enter(count.id, product.id, counted, manager)
    report = sm.counts.variances(count.id, manager)
    line = next(line for line in report.lines if line.product_id == product.id)
    assert line.variance.moved_milli == -3_000  # the sale is taken into account ...
    assert line.diff_milli == -2_000  # ... so the variance is only what is really missing
    assert line.diff_rp == -2 * product.cost_rp
    sm.counts.approve(count.id, manager)
    assert ProductModel.get_by_id(product.id).on_hand_milli == counted
    assert ledger_mismatches() == []


def test_sales_after_a_line_was_counted_stay_sold_after_approval(till, sm, manager, cashier):
    product = _product()
    count = sm.counts.start(manager)
    _sell(till, cashier, product, 1_000)
    counted = ProductModel.get_by_id(product.id).on_hand_milli + 4_000  # 4 found in the back room
    sm.counts.enter(count.id, product.id, counted, manager)
    _sell(till, cashier, product, 2_000)  # sold after counting
    _sell(till, cashier, product, 1_000)
    report = sm.counts.approve(count.id, manager)
    assert ProductModel.get_by_id(product.id).on_hand_milli == counted - 3_000
    line = next(line for line in report.lines if line.product_id == product.id)
    assert line.diff_milli == 4_000
    posted = StockMovementModel.get(
        (StockMovementModel.doc_id == count.id) & (StockMovementModel.kind == "count")
    )
    assert posted.qty_milli == 4_000
    assert ledger_mismatches() == []


def test_a_paper_sheet_time_counts_sales_between_filling_it_in_and_typing_it(till, sm, manager, cashier):
    product = _product()
    count = sm.counts.start(manager)
    sheet_time = till.ctx.now_iso()
    physical = ProductModel.get_by_id(product.id).on_hand_milli  # exact on paper
    _sell(till, cashier, product, 2_000)  # sold before the sheet is typed in
    sm.counts.enter(count.id, product.id, physical, manager, counted_at=sheet_time)
    sm.counts.approve(count.id, manager)
    assert ProductModel.get_by_id(product.id).on_hand_milli == physical - 2_000
    with pytest.raises(StateError):
        sm.counts.enter(count.id, product.id, 1, manager)


def test_counting_is_blind_the_counter_api_never_returns_expected_figures(till, sm, manager):
    count = sm.counts.start(manager)
    names = {f.name for f in fields(CountEntry)}
    assert not names & {"expected_milli", "system_milli", "on_hand_milli", "diff_milli"}
    code = BarcodeModel.select().where(BarcodeModel.unit.is_null()).first().code
    entry = sm.counts.scan(count.id, code, manager)
    entry = sm.counts.scan(count.id, code, manager)
    assert entry.counted_milli == 2_000
    assert all(not hasattr(row, "expected_milli") for row in sm.counts.sheet(count.id))


def test_scanning_a_dus_barcode_counts_its_pieces(till, sm, manager):
    count = sm.counts.start(manager)
    dus = BarcodeModel.select().where(BarcodeModel.unit.is_null(False)).first()
    entry = sm.counts.scan(count.id, dus.code, manager)
    assert entry.counted_milli == dus.unit.factor_milli


def test_a_recount_clears_the_line_and_the_new_figure_is_posted(till, sm, manager):
    product = _product("BRM5")
    count = sm.counts.start(manager)
    sm.counts.enter(count.id, product.id, 1_000, manager)
    entry = sm.counts.recount(count.id, product.id, manager)
    assert entry.counted_milli is None and entry.recounts == 1
    sm.counts.enter(count.id, product.id, 7_000, manager)
    sm.counts.approve(count.id, manager)
    assert ProductModel.get_by_id(product.id).on_hand_milli == 7_000


def test_variance_review_and_approval_are_for_managers_and_uncounted_lines_are_skipped(
    till, sm, manager, cashier
):
    count = sm.counts.start(manager, category="Beras")
    lines = StockCountLineModel.select().where(StockCountLineModel.count == count.id).count()
    assert (
        lines
        == ProductModel.select()
        .join_from(ProductModel, ProductModel.category.rel_model)
        .where(ProductModel.category.rel_model.name == "Beras")
        .count()
    )
    with pytest.raises(PermissionDenied):
        sm.counts.variances(count.id, cashier)
    with pytest.raises(ValidationError) as nothing:
        sm.counts.approve(count.id, manager)
    assert nothing.value.code == "count_nothing_counted"
    product = _product()
    untouched = _product("BRP5").on_hand_milli
    sm.counts.enter(count.id, product.id, 5_000, manager)
    with pytest.raises(ValidationError) as outside:
        sm.counts.enter(count.id, _product("PCT").id, 1_000, manager)
    assert outside.value.code == "count_product_not_in_scope"
    report = sm.counts.approve(count.id, manager)
    assert _product("BRP5").on_hand_milli == untouched
    assert StockCountModel.get_by_id(count.id).status == "approved"
    assert len(report.uncounted) == lines - 1
    event = json.loads(OutboxEventModel.get(OutboxEventModel.type == "stock.count_adjusted").payload)
    assert [line["product_code"] for line in event["lines"]] == ["SPHP5"]
    with pytest.raises(StateError):
        sm.counts.approve(count.id, manager)


def test_only_one_count_is_open_at_a_time_and_a_cancelled_count_posts_nothing(till, sm, manager):
    count = sm.counts.start(manager)
    with pytest.raises(StateError) as busy:
        sm.counts.start(manager)
    assert busy.value.code == "count_already_open"
    sm.counts.enter(count.id, _product().id, 0, manager)
    sm.counts.cancel(count.id, manager)
    assert StockMovementModel.select().where(StockMovementModel.kind == "count").count() == 0
    assert sm.counts.start(manager).id != count.id


@pytest.mark.usefixtures("without_purchase_caps")  # sells 3 packs of Beras SPHP / 3 L MinyaKita
def test_the_approved_report_is_kept_with_the_posted_figures(till, sm, manager, cashier):
    product = _product()
    count = sm.counts.start(manager)
    system = ProductModel.get_by_id(product.id).on_hand_milli
    sm.counts.enter(count.id, product.id, system - 1_000, manager)
    sm.counts.approve(count.id, manager)
    _sell(till, cashier, product, 5_000)  # later sales do not change the kept report
    kept = sm.counts.variances(count.id, manager)
    line = next(line for line in kept.lines if line.product_id == product.id)
    assert (line.variance.system_milli, line.diff_milli) == (system, -1_000)
