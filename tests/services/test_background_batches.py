"""Background jobs write in short transactions of bounded size and read only their window of history,
so a checkout never waits long for the write lock (the lock-hold times are in tests/benchmarks)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kkmp_pos.db.models import ProductModel, ProductPopularityModel
from kkmp_pos.services.selling import popularity
from tests.write_trace import traced_transactions, writes_to


def _naive_totals(till, today: str) -> dict[int, int]:
    """The 30-day figures as a plain join over every line computes them (the reference)."""
    since = (date.fromisoformat(today) - timedelta(days=popularity.WINDOW_DAYS)).isoformat()
    rows = till.ctx.db.execute_sql(
        "SELECT l.product_id, SUM(l.base_qty_milli) FROM sale_line l JOIN sale s ON s.id = l.sale_id "
        "WHERE s.business_date > ? AND s.status != 'cancelled' GROUP BY l.product_id",
        (since,),
    ).fetchall()
    return dict(rows)


@pytest.mark.usefixtures("without_purchase_caps")
def test_best_seller_refresh_reads_outside_and_writes_in_small_batches(till, monkeypatch):
    """With a batch of 3 rows, every refresh transaction writes at most 3 rows, none reads the sale
    history, and the figures equal the plain join's; a product that no longer sells loses its row."""
    today = till.ctx.business_date()
    expected = _naive_totals(till, today)
    assert len(expected) > 3
    stale = next(p.id for p in ProductModel.select(ProductModel.id) if p.id not in expected)
    ProductPopularityModel.insert(
        product=stale, sold_30d_milli=7000, refreshed_on="2000-01-01"
    ).on_conflict_replace().execute()
    monkeypatch.setattr(popularity, "WRITE_BATCH", 3, raising=False)

    with traced_transactions(till.ctx.db.connection()) as transactions:
        popularity.refresh(till.ctx, today)

    assert transactions
    assert max(writes_to(tx, "product_popularity") for tx in transactions) <= 3
    assert not any("sale_line" in sql for tx in transactions for sql in tx)
    stored = dict(
        ProductPopularityModel.select(
            ProductPopularityModel.product, ProductPopularityModel.sold_30d_milli
        ).tuples()
    )
    assert stored == expected
    assert not popularity.is_stale(till.ctx)


def test_best_seller_window_starts_from_the_sale_date_index(till):
    """The window is read from sale.business_date, never by walking every sale line ever sold."""
    plan = till.ctx.db.execute_sql("EXPLAIN QUERY PLAN " + popularity._WINDOW_SQL, ("2000-01-01",)).fetchall()
    steps = [row[-1] for row in plan]
    first_table = next(s for s in steps if s.startswith(("SCAN", "SEARCH")))
    assert first_table.startswith("SEARCH s USING INDEX sale_business_date"), steps
    assert not any(s.startswith("SCAN l") for s in steps), steps


def test_a_members_purchases_are_read_for_the_caps_window_only(till):
    """The purchase caps read a member's purchases inside every member's sale: by one index range
    on (member, business date), never by walking every sale the member ever made."""
    from kkmp_pos.db.models import MemberModel

    member = MemberModel.select().where(MemberModel.status == "active").first()
    statements: list[str] = []
    connection = till.ctx.db.connection()
    connection.set_trace_callback(statements.append)
    try:
        till.limits.prior_milli(till.limits.rules(), None, member.id, till.ctx.business_date())
    finally:
        connection.set_trace_callback(None)
    query = next(sql for sql in statements if "s.member_id" in sql)
    plan = [row[-1] for row in till.ctx.db.execute_sql("EXPLAIN QUERY PLAN " + query).fetchall()]
    assert any("sale_member_id_business_date" in step and "business_date>" in step for step in plan), plan
