"""What a product is made of before it is stored (`ProductSpec`, `UnitSpec`) and every rule about it
that needs no database: required fields, text the server accepts, prices and ceilings, units.

The form, the CSV/XLSX import and the service all check a spec here.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from kkmp_pos.core.drugs import parse_drug_class
from kkmp_pos.core.errors import ValidationError
from kkmp_pos.core.money import format_rp
from kkmp_pos.core.pricing import BusinessUnit
from kkmp_pos.core.tax import default_ppn_exempt
from kkmp_pos.core.text import alias_list, fold
from kkmp_pos.core.text_rules import MAX_CODE, MAX_NAME, check_int, check_optional_text, check_text


@dataclass
class UnitSpec:
    name: str
    factor_milli: int
    regular_price_rp: int
    member_price_rp: int | None = None
    ceiling_rp: int | None = None
    barcodes: list[str] = field(default_factory=list)
    active: bool = True


@dataclass
class ProductSpec:
    code: str
    name: str
    regular_price_rp: int
    member_price_rp: int | None = None
    ceiling_rp: int | None = None
    base_unit: str = "pcs"
    is_weighed: bool = False
    category: str | None = None
    business_unit: str = "sembako"
    supplier: str | None = None
    cost_rp: int = 0
    reorder_level_milli: int = 0
    track_batches: bool = False
    drug_class: str | None = None
    requires_nik: bool = False
    barcodes: list[str] = field(default_factory=list)
    units: list[UnitSpec] = field(default_factory=list)
    active: bool = True
    # None: a new product takes core.tax.default_ppn_exempt, an existing one keeps its flag
    ppn_exempt: bool | None = None
    # other names it is found by, comma separated; None (an import without the column) keeps them
    aliases: str | None = None


def check_prices(name: str, regular: int, member: int | None, ceiling: int | None) -> None:
    """Prices are positive whole rupiah; none above the ceiling; a member price is not above regular."""
    if regular <= 0 or (member is not None and member <= 0):
        raise ValidationError("price_not_positive", name=name)
    for price in (regular, member):
        if ceiling is not None and price is not None and price > ceiling:
            raise ValidationError(
                "price_above_ceiling", name=name, price=format_rp(price), ceiling=format_rp(ceiling)
            )
    if member is not None and member > regular:
        raise ValidationError("member_price_above_regular", name=name)


def unit_ceiling(spec: ProductSpec, unit: UnitSpec) -> int | None:
    """A unit's own ceiling, or the base ceiling scaled (a dus of 12 L ≤ 12 × the per-litre HET)."""
    if unit.ceiling_rp is not None:
        return unit.ceiling_rp
    if spec.ceiling_rp is None:
        return None
    return spec.ceiling_rp * unit.factor_milli // 1000


def check_spec_text(spec: ProductSpec) -> None:
    """The text rules the server holds the product to (no NUL, valid Unicode, column lengths) and
    amounts that fit; a form, an import and the API all pass here, so nothing the till stores can
    block its queue later."""
    check_text(spec.code, "code", MAX_CODE)
    check_text(spec.name, "name", MAX_NAME)
    check_text(spec.base_unit, "base_unit", MAX_CODE)
    check_optional_text(spec.category, "category", MAX_NAME)
    check_optional_text(spec.supplier, "supplier", MAX_NAME)
    check_optional_text(spec.drug_class, "drug_class", MAX_CODE)
    check_optional_text(spec.aliases, "aliases", MAX_NAME)
    for code in spec.barcodes:
        check_text(code, "barcodes", MAX_CODE)
    for amount in (spec.regular_price_rp, spec.member_price_rp, spec.ceiling_rp, spec.cost_rp):
        if amount is not None:
            check_int(amount, "price")
    check_int(spec.reorder_level_milli, "reorder_level")
    for unit in spec.units:
        check_text(unit.name, "units", MAX_CODE)
        check_int(unit.factor_milli, "units")
        for amount in (unit.regular_price_rp, unit.member_price_rp, unit.ceiling_rp):
            if amount is not None:
                check_int(amount, "price")
        for code in unit.barcodes:
            check_text(code, "barcodes", MAX_CODE)


def validate_spec(spec: ProductSpec) -> ProductSpec:
    """Every rule that needs no database: required fields, classes, prices and ceilings, units."""
    spec = replace(spec, code=spec.code.strip(), name=spec.name.strip())
    if spec.aliases is not None:
        spec.aliases = ", ".join(alias_list(spec.aliases))
    check_spec_text(spec)
    if not spec.code:
        raise ValidationError("product_code_required")
    if not spec.name:
        raise ValidationError("product_name_required")
    if spec.business_unit not in {b.value for b in BusinessUnit}:
        raise ValidationError("business_unit_invalid", value=spec.business_unit)
    drug = parse_drug_class(spec.drug_class)
    spec.drug_class = drug.value if drug else None
    if spec.cost_rp < 0:
        raise ValidationError("cost_negative")
    check_prices(spec.name, spec.regular_price_rp, spec.member_price_rp, spec.ceiling_rp)
    names: set[str] = set()
    for unit in spec.units:
        label = f"{spec.name} ({unit.name})"
        if not unit.name.strip():
            raise ValidationError("unit_factor_invalid", name=label)
        if unit.factor_milli <= 0:
            raise ValidationError("unit_factor_invalid", name=label)
        if fold(unit.name) in names:
            raise ValidationError("unit_name_taken", name=unit.name)
        names.add(fold(unit.name))
        check_prices(label, unit.regular_price_rp, unit.member_price_rp, unit_ceiling(spec, unit))
    seen: set[str] = set()
    for code in [*spec.barcodes, *(c for u in spec.units for c in u.barcodes)]:
        if code in seen:
            raise ValidationError("barcode_taken", code=code, name=spec.name)
        seen.add(code)
    return spec


def spec_ppn_default(spec: ProductSpec) -> bool:
    """A new product's PPN exemption when the spec does not say (staples, LPG 3 kg: core.tax)."""
    return default_ppn_exempt(spec.business_unit, spec.category, spec.requires_nik)
