"""The sellable view of a product (a core PricedItem) read from its catalog rows."""

from __future__ import annotations

from kkmp_pos.core.pricing import PricedItem
from kkmp_pos.db.models import ProductModel, ProductUnitModel


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
            base_unit=product.base_unit,
            active=bool(product.active),
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
        base_unit=product.base_unit,
        active=bool(product.active and unit.active),
    )
