"""Search-as-you-type over the product catalog through the word-prefix index."""

from __future__ import annotations

from peewee import JOIN, fn

from kkmp_pos.core.pricing import PricedItem
from kkmp_pos.db.models import BarcodeModel, ProductModel, ProductPopularityModel, ProductWordModel
from kkmp_pos.services.catalog import fold, item_from, words_of


def _upper_bound(prefix: str) -> str:
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def search_products(text: str, limit: int = 50) -> list[PricedItem]:
    query = fold(text).strip()
    words = sorted(words_of(query), key=len, reverse=True)
    if not words:
        return []
    found: list[ProductModel] = []
    seen: set[int] = set()

    def take(rows: list[ProductModel]) -> None:
        for product in rows:
            if product.id not in seen and product.active and len(found) < limit:
                seen.add(product.id)
                found.append(product)

    compact = query.replace(" ", "")
    # 1. exact product code or barcode
    exact = ProductModel.select().where(ProductModel.code == text.strip())
    take(list(exact))
    barcode = BarcodeModel.get_or_none(BarcodeModel.code == compact)
    if barcode is not None:
        take([barcode.product])
    # 2. every typed word is a prefix of some word of the name (or the code)
    condition = None
    for word in words:
        sub = ProductWordModel.select(ProductWordModel.product).where(
            (ProductWordModel.word >= word) & (ProductWordModel.word < _upper_bound(word))
        )
        clause = ProductModel.id.in_(sub)
        condition = clause if condition is None else condition & clause
    starts = ProductModel.search_text.startswith(query)
    sold = fn.COALESCE(ProductPopularityModel.sold_30d_milli, 0)
    rows = (
        ProductModel.select()
        .join(ProductPopularityModel, JOIN.LEFT_OUTER, on=(ProductPopularityModel.product == ProductModel.id))
        .where(condition & (ProductModel.active == True))  # noqa: E712
        .order_by(starts.desc(), sold.desc(), ProductModel.search_text)
        .limit(limit)
    )
    take(list(rows))
    # 3. barcode prefixes for digits typed by hand
    if compact.isdigit() and len(found) < limit and len(compact) >= 3:
        by_barcode = (
            ProductModel.select()
            .join(BarcodeModel)
            .where((BarcodeModel.code >= compact) & (BarcodeModel.code < _upper_bound(compact)))
            .limit(limit)
        )
        take(list(by_barcode))
    return [item_from(p) for p in found]
