"""Finding what to sell: barcode lookups, name/code search, and the catalog's word index."""

from __future__ import annotations

from collections.abc import Iterable

import peewee as pw

from kkmp_pos.core.errors import NotFoundError, ValidationError
from kkmp_pos.core.pricing import PricedItem
from kkmp_pos.core.text import words_of
from kkmp_pos.db.models import (
    BarcodeModel,
    ProductModel,
    ProductUnitModel,
    ProductWordModel,
)
from kkmp_pos.services.context import ServiceContext


def item_from(product: ProductModel, unit: ProductUnitModel | None = None) -> PricedItem:
    """The sellable view of a product in one of its units."""
    if unit is None:
        return PricedItem(
            product_id=product.id,
            unit_id=None,
            code=product.code,
            name=product.name,
            unit_label=product.base_unit,
            factor_milli=1000,
            regular_price_rp=product.regular_price_rp,
            member_price_rp=product.member_price_rp,
            ceiling_rp=product.ceiling_rp,
            business_unit=product.business_unit,
            is_weighed=product.is_weighed,
            requires_nik=product.requires_nik,
            drug_class=product.drug_class,
            track_batches=product.track_batches,
            on_hand_milli=product.on_hand_milli,
            ppn_exempt=bool(product.ppn_exempt),
        )
    ceiling = unit.ceiling_rp
    if ceiling is None and product.ceiling_rp is not None:
        # A dus of 12 × 1 L MinyaKita may not cost more than 12 × the per-litre HET.
        ceiling = product.ceiling_rp * unit.factor_milli // 1000
    return PricedItem(
        product_id=product.id,
        unit_id=unit.id,
        code=product.code,
        name=f"{product.name} ({unit.name})",
        unit_label=unit.name,
        factor_milli=unit.factor_milli,
        regular_price_rp=unit.regular_price_rp,
        member_price_rp=unit.member_price_rp,
        ceiling_rp=ceiling,
        business_unit=product.business_unit,
        is_weighed=False,
        requires_nik=product.requires_nik,
        drug_class=product.drug_class,
        track_batches=product.track_batches,
        on_hand_milli=product.on_hand_milli,
        ppn_exempt=bool(product.ppn_exempt),
    )


class CatalogService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def lookup_barcode(self, code: str) -> PricedItem:
        """The item a scanned barcode (or typed product code) stands for; one indexed query."""
        code = code.strip()
        if not code:
            raise ValidationError("barcode_unknown", code="''")
        row = (
            BarcodeModel.select(BarcodeModel, ProductModel, ProductUnitModel)
            .join(ProductModel)
            .switch(BarcodeModel)
            .join(ProductUnitModel, pw.JOIN.LEFT_OUTER)
            .where(BarcodeModel.code == code)
            .first()
        )
        if row is not None:
            product, unit = row.product, row.unit
            if unit is not None and not unit.active:
                raise ValidationError("product_inactive", name=f"{product.name} ({unit.name})")
        else:
            product = ProductModel.get_or_none(ProductModel.code == code)
            unit = None
            if product is None:
                raise NotFoundError("barcode_unknown", code=code)
        if not product.active:
            raise ValidationError("product_inactive", name=product.name)
        return item_from(product, unit)

    def item(self, product_id: int, unit_id: int | None = None) -> PricedItem:
        product = ProductModel.get_or_none(ProductModel.id == product_id)
        if product is None:
            raise NotFoundError("product_not_found")
        unit = ProductUnitModel.get_or_none(ProductUnitModel.id == unit_id) if unit_id else None
        return item_from(product, unit)

    def search(self, text: str, limit: int = 50) -> list[PricedItem]:
        """Active products with a name word starting with each typed word, or code/barcode prefix.

        Order: exact code or barcode, names that start with the text, most sold in 30 days, name.
        """
        from kkmp_pos.services.selling.search import search_products

        return search_products(text, limit)

    # -- maintenance of the word index ------------------------------------------------------------
    @staticmethod
    def index_product(product: ProductModel, extra: Iterable[str] = ()) -> None:
        """Rewrite a product's rows in the word index (call inside the product's transaction)."""
        ProductWordModel.delete().where(ProductWordModel.product == product.id).execute()
        words = words_of(product.name, product.code, *extra)
        if words:
            ProductWordModel.insert_many(
                [{"word": w, "product": product.id} for w in sorted(words)]
            ).execute()
