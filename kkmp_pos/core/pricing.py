"""Which price a line is charged: member prices for active members only, never above a ceiling."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.core.money import MILLI, format_qty, format_rp


class PriceType(StrEnum):
    REGULAR = "regular"
    MEMBER = "member"
    MANUAL = "manual"


class BusinessUnit(StrEnum):
    SEMBAKO = "sembako"
    LPG = "lpg"
    OBAT = "obat"


# Per-line limits: more than this is a typo, not a sale.
MAX_PIECES_MILLI = 9_999 * MILLI
MAX_WEIGHT_MILLI = 1_000 * MILLI


@dataclass(frozen=True)
class PricedItem:
    """What a scan or search resolves to: one product in one selling unit, with its prices."""

    product_id: int
    unit_id: int | None  # None = the product's base unit
    code: str
    name: str
    unit_label: str
    factor_milli: int  # base milli-units per 1 selling unit (base unit: 1000)
    regular_price_rp: int
    member_price_rp: int | None
    ceiling_rp: int | None
    business_unit: str = BusinessUnit.SEMBAKO
    is_weighed: bool = False
    requires_nik: bool = False
    drug_class: str | None = None
    ppn_exempt: bool = False
    track_batches: bool = False
    on_hand_milli: int = 0
    base_unit: str = ""  # the unit stock is kept in, for "9 Dus + 1 pcs"
    active: bool = True  # False only in a search of the whole catalog


@dataclass(frozen=True)
class Price:
    unit_price_rp: int
    price_type: PriceType


def price_for(item: PricedItem, member_active: bool) -> Price:
    """The unit price to charge. A member price applies only to an active member and only if lower."""
    member = item.member_price_rp
    if member_active and member is not None and member < item.regular_price_rp:
        return Price(member, PriceType.MEMBER)
    return Price(item.regular_price_rp, PriceType.REGULAR)


def check_ceiling(item: PricedItem, unit_price_rp: int) -> None:
    """Refuse (never silently lower) a price above the item's ceiling (HET)."""
    if item.ceiling_rp is not None and unit_price_rp > item.ceiling_rp:
        raise ValidationError(
            "price_above_ceiling",
            name=item.name,
            price=format_rp(unit_price_rp),
            ceiling=format_rp(item.ceiling_rp),
        )


def check_quantity(item: PricedItem, qty_milli: int) -> None:
    """Refuse zero, negative, fractional pieces and absurd quantities on one line."""
    if qty_milli <= 0:
        raise ValidationError("qty_not_positive")
    if item.is_weighed:
        if qty_milli > MAX_WEIGHT_MILLI:
            raise ValidationError("qty_too_large", limit=format_qty(MAX_WEIGHT_MILLI, "kg"))
        return
    if qty_milli % MILLI:
        raise ValidationError("qty_not_whole", name=item.name, unit=item.unit_label)
    if qty_milli > MAX_PIECES_MILLI:
        raise ValidationError("qty_too_large", limit=format_qty(MAX_PIECES_MILLI, item.unit_label))
