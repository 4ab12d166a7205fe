"""The stock card (kartu stok): newest first, running balances from the on-hand figure, paging back."""

from __future__ import annotations

from kkmp_pos.db.ledger import record_movement
from kkmp_pos.db.models import ProductModel, StockMovementModel
from kkmp_pos.services.stock.module import stock_module
from tests.services.stock_support import TickingClock


def test_balances_run_backwards_from_on_hand_and_pages_join_up(till):
    till.ctx.clock = TickingClock()
    product = ProductModel.get(ProductModel.code == "BRM5")
    for i in range(1, 26):
        record_movement(
            till.ctx, product_id=product.id, qty_milli=(-1) ** i * i * 1000, kind="opening", doc_id="t"
        )
    sm = stock_module(till)
    on_hand = ProductModel.get_by_id(product.id).on_hand_milli
    rows, cursor = [], None
    while True:
        page = sm.stock.stock_card(product.id, limit=7, cursor=cursor)
        rows.extend(page.rows)
        cursor = page.next_cursor
        if cursor is None:
            break
    history = list(
        StockMovementModel.select()
        .where(StockMovementModel.product == product.id)
        .order_by(StockMovementModel.created_at, StockMovementModel.id)
    )
    assert len(rows) == len(history)
    assert rows[0].balance_milli == on_hand
    running, expected = 0, []
    for movement in history:
        running += movement.qty_milli
        expected.append(running)
    assert [r.balance_milli for r in reversed(rows)] == expected  # same balances as summing forwards
    assert rows[-1].balance_milli - rows[-1].qty_milli == 0  # the card starts from nothing


def test_sale_rows_name_their_receipt_number(till):
    sale_line = StockMovementModel.select().where(StockMovementModel.kind == "sale").first()
    page = stock_module(till).stock.stock_card(sale_line.product_id)
    refs = {row.doc_id: page.refs.get(row.doc_id) for row in page.rows if row.kind == "sale"}
    assert refs and all(ref and ref.startswith("KMPBPN-T1-") for ref in refs.values())


def test_the_stock_card_uses_the_product_and_time_index(till):
    plan = till.ctx.db.execute_sql(
        'EXPLAIN QUERY PLAN SELECT "created_at", rowid FROM "stock_movement" WHERE "product_id" = ? '
        'AND ("created_at", rowid) < (?, ?) ORDER BY "created_at" DESC, rowid DESC LIMIT 201',
        (1, "9999", 0),
    ).fetchall()
    text = " ".join(str(row[-1]) for row in plan)
    assert "stock_movement_product_id_created_at" in text and "TEMP B-TREE" not in text, text
