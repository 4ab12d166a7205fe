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


# One statement per scan, its text built once: peewee's query builder was most of a scan's time.
_COLUMNS = (
    "p.id, p.code, p.name, p.base_unit, p.regular_price_rp, p.member_price_rp, p.ceiling_rp, "
    "p.business_unit, p.is_weighed, p.requires_nik, p.drug_class, p.track_batches, p.on_hand_milli, "
    "p.ppn_exempt, p.active"
)
BY_BARCODE_SQL = (
    f"SELECT {_COLUMNS}, u.id, u.name, u.factor_milli, u.regular_price_rp, u.member_price_rp, "
    "u.ceiling_rp, u.active FROM barcode b JOIN product p ON p.id = b.product_id "
    "LEFT JOIN product_unit u ON u.id = b.unit_id WHERE b.code = ?"
)
BY_CODE_SQL = f"SELECT {_COLUMNS}, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM product p WHERE p.code = ?"


def item_from_row(row: tuple) -> tuple[PricedItem, bool, bool]:
    """(the item, product active, unit active) from a row of BY_BARCODE_SQL or BY_CODE_SQL; the same
    item `item_from` builds from the models."""
    (pid, code, name, base_unit, regular, member, ceiling, business_unit, weighed, nik, drug_class,
     batches, on_hand, ppn_exempt, active, unit_id, unit_name, factor, u_regular, u_member, u_ceiling,
     u_active) = row  # fmt: skip
    common = dict(
        product_id=pid,
        code=code,
        business_unit=business_unit,
        requires_nik=bool(nik),
        drug_class=drug_class,
        track_batches=bool(batches),
        on_hand_milli=on_hand,
        ppn_exempt=bool(ppn_exempt),
        base_unit=base_unit,
    )
    if unit_id is None:
        item = PricedItem(
            unit_id=None, name=name, unit_label=base_unit, factor_milli=1000, regular_price_rp=regular,
            member_price_rp=member, ceiling_rp=ceiling, is_weighed=bool(weighed), active=bool(active),
            **common,
        )  # fmt: skip
        return item, bool(active), True
    if u_ceiling is None and ceiling is not None:
        u_ceiling = ceiling * factor // 1000
    item = PricedItem(
        unit_id=unit_id, name=f"{name} ({unit_name})", unit_label=unit_name, factor_milli=factor,
        regular_price_rp=u_regular, member_price_rp=u_member, ceiling_rp=u_ceiling, is_weighed=False,
        active=bool(active and u_active), **common,
    )  # fmt: skip
    return item, bool(active), bool(u_active)
