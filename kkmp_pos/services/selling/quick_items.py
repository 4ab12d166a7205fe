"""What the cashier screen offers besides scanning: quick buttons for goods without a barcode, and units."""

from __future__ import annotations

from peewee import JOIN, fn

from kkmp_pos.core.pricing import PricedItem
from kkmp_pos.db.models import BarcodeModel, ProductModel, ProductPopularityModel, ProductUnitModel
from kkmp_pos.services.context import ServiceContext
from kkmp_pos.services.selling.priced_items import item_from


class QuickItemService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def quick_items(self, limit: int = 16) -> list[PricedItem]:
        """Active weighed goods and products without a barcode, the most sold first (curah rice, sugar…)."""
        with_barcode = BarcodeModel.select(BarcodeModel.product)
        sold = fn.COALESCE(ProductPopularityModel.sold_30d_milli, 0)
        rows = (
            ProductModel.select()
            .join(
                ProductPopularityModel,
                JOIN.LEFT_OUTER,
                on=(ProductPopularityModel.product == ProductModel.id),
            )
            .where(
                (ProductModel.active == True)  # noqa: E712
                & ((ProductModel.is_weighed == True) | ProductModel.id.not_in(with_barcode))  # noqa: E712
            )
            .order_by(ProductModel.is_weighed.desc(), sold.desc(), ProductModel.name)
            .limit(limit)
        )
        return [item_from(p) for p in rows]

    def with_units(self, items: list[PricedItem], limit: int = 50) -> list[PricedItem]:
        """Each base item followed by its other active selling units (a renceng, a dus), one query."""
        ids = [i.product_id for i in items if i.unit_id is None]
        if not ids:
            return items[:limit]
        units: dict[int, list[ProductUnitModel]] = {}
        query = (
            ProductUnitModel.select(ProductUnitModel, ProductModel)
            .join(ProductModel)
            .where(ProductUnitModel.product.in_(ids) & (ProductUnitModel.active == True))  # noqa: E712
            .order_by(ProductUnitModel.factor_milli)
        )
        for unit in query:
            units.setdefault(unit.product_id, []).append(unit)
        out: list[PricedItem] = []
        for item in items:
            out.append(item)
            if item.unit_id is None:
                out.extend(item_from(u.product, u) for u in units.get(item.product_id, []))
            if len(out) >= limit:
                break
        return out[:limit]
