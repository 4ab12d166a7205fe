"""What sells: base units sold per product over the last 30 days, for ordering search results."""

from __future__ import annotations

from datetime import date, timedelta

from peewee import EXCLUDED, fn

from kkmp_pos.db.models import ProductPopularityModel, SaleLineModel, SaleModel
from kkmp_pos.services.context import ServiceContext

WINDOW_DAYS = 30


def bump(ctx: ServiceContext, sold: dict[int, int], business_date: str) -> None:
    """Add a sale's quantities (inside the sale's transaction): one upsert statement for all products."""
    if not sold:
        return
    rows = [
        {"product": product_id, "sold_30d_milli": qty, "refreshed_on": business_date}
        for product_id, qty in sold.items()
    ]
    ProductPopularityModel.insert_many(rows).on_conflict(
        conflict_target=[ProductPopularityModel.product],
        update={
            ProductPopularityModel.sold_30d_milli: ProductPopularityModel.sold_30d_milli
            + EXCLUDED.sold_30d_milli
        },
    ).execute()


def refresh(ctx: ServiceContext, today: str | None = None) -> int:
    """Rebuild the figures from the last 30 days of sales (a background job, daily)."""
    today = today or ctx.business_date()
    since = (date.fromisoformat(today) - timedelta(days=WINDOW_DAYS)).isoformat()
    with ctx.db.atomic():
        ProductPopularityModel.delete().execute()
        query = (
            SaleLineModel.select(SaleLineModel.product, fn.SUM(SaleLineModel.base_qty_milli))
            .join(SaleModel)
            .where((SaleModel.business_date > since) & (SaleModel.status != "cancelled"))
            .group_by(SaleLineModel.product)
            .tuples()
        )
        rows = [{"product": p, "sold_30d_milli": q, "refreshed_on": today} for p, q in query]
        for start in range(0, len(rows), 500):
            ProductPopularityModel.insert_many(rows[start : start + 500]).execute()
    return len(rows)


def is_stale(ctx: ServiceContext) -> bool:
    row = (
        ProductPopularityModel.select(ProductPopularityModel.refreshed_on)
        .order_by(ProductPopularityModel.refreshed_on)
        .first()
    )
    return row is None or row.refreshed_on < ctx.business_date()
