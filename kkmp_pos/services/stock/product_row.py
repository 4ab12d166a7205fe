"""A product as the manager's screens show it: plain values read from its row, never the row itself."""

from __future__ import annotations

from dataclasses import dataclass

from kkmp_pos.db.models import ProductModel


@dataclass(frozen=True)
class ProductRow:
    id: int
    uid: str
    code: str
    name: str
    category: str  # '' when it has none
    base_unit: str
    is_weighed: bool
    business_unit: str
    cost_rp: int
    regular_price_rp: int
    member_price_rp: int | None
    ceiling_rp: int | None
    on_hand_milli: int
    drug_class: str | None
    requires_nik: bool
    ppn_exempt: bool
    active: bool


def product_row(product: ProductModel) -> ProductRow:
    """Its category is read from the row (joined by the caller when reading many)."""
    return ProductRow(
        id=product.id,
        uid=product.uid,
        code=product.code,
        name=product.name,
        category=product.category.name if product.category_id else "",
        base_unit=product.base_unit,
        is_weighed=product.is_weighed,
        business_unit=product.business_unit,
        cost_rp=product.cost_rp,
        regular_price_rp=product.regular_price_rp,
        member_price_rp=product.member_price_rp,
        ceiling_rp=product.ceiling_rp,
        on_hand_milli=product.on_hand_milli,
        drug_class=product.drug_class,
        requires_nik=product.requires_nik,
        ppn_exempt=product.ppn_exempt,
        active=product.active,
    )
