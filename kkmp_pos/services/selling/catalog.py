"""Finding what to sell: barcode lookups, name/code search, and the catalog's word index."""

from __future__ import annotations

from collections.abc import Iterable

from kkmp_pos.core.errors import NotFoundError, ValidationError
from kkmp_pos.core.pricing import PricedItem
from kkmp_pos.core.text import alias_list, index_words
from kkmp_pos.db.database import database
from kkmp_pos.db.models import (
    ProductModel,
    ProductUnitModel,
    ProductWordModel,
)
from kkmp_pos.services.context import ServiceContext
from kkmp_pos.services.selling.priced_items import BY_BARCODE_SQL, BY_CODE_SQL, item_from, item_from_row


class CatalogService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def lookup_barcode(self, code: str) -> PricedItem:
        """The item a scanned barcode (or typed product code) stands for; one indexed query."""
        code = code.strip()
        if not code:
            raise ValidationError("barcode_unknown", code="''")
        cursor = database.cursor()
        row = cursor.execute(BY_BARCODE_SQL, (code,)).fetchone()
        if row is None:
            row = cursor.execute(BY_CODE_SQL, (code,)).fetchone()
            if row is None:
                raise NotFoundError("barcode_unknown", code=code)
        item, product_active, unit_active = item_from_row(row)
        if not unit_active:
            raise ValidationError("product_inactive", name=item.name)
        if not product_active:
            raise ValidationError("product_inactive", name=item.name if item.unit_id is None else row[2])
        return item

    def item(self, product_id: int, unit_id: int | None = None) -> PricedItem:
        product = ProductModel.get_or_none(ProductModel.id == product_id)
        if product is None:
            raise NotFoundError("product_not_found")
        unit = ProductUnitModel.get_or_none(ProductUnitModel.id == unit_id) if unit_id else None
        return item_from(product, unit)

    def search(self, text: str, limit: int = 50, *, include_inactive: bool = False) -> list[PricedItem]:
        """Active products (all with `include_inactive`) with a name word starting with each typed word,
        or a code/barcode prefix.

        Order: exact code or barcode, names that start with the text, most sold in 30 days, name.
        """
        from kkmp_pos.services.selling.search import search_products

        return search_products(text, limit, include_inactive)

    # -- maintenance of the word index ------------------------------------------------------------
    @staticmethod
    def index_product(product: ProductModel, extra: Iterable[str] = ()) -> None:
        """Rewrite a product's rows in the word index (call inside the product's transaction)."""
        ProductWordModel.delete().where(ProductWordModel.product == product.id).execute()
        words = index_words(product.name, product.code, *alias_list(product.aliases), *extra)
        if words:
            ProductWordModel.insert_many(
                [{"word": w, "product": product.id} for w in sorted(words)]
            ).execute()
