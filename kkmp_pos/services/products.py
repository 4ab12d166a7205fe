"""Creating and changing products, their selling units and barcodes (the catalog's write side)."""

from __future__ import annotations

from dataclasses import dataclass, field

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.core.ids import uuid7
from kkmp_pos.core.money import format_rp
from kkmp_pos.db.models import (
    BarcodeModel,
    CategoryModel,
    ProductModel,
    ProductUnitModel,
    SupplierModel,
)
from kkmp_pos.services.catalog import CatalogService, fold
from kkmp_pos.services.context import ServiceContext


@dataclass
class UnitSpec:
    name: str
    factor_milli: int
    regular_price_rp: int
    member_price_rp: int | None = None
    ceiling_rp: int | None = None
    barcodes: list[str] = field(default_factory=list)


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


class ProductService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def category(self, name: str | None) -> int | None:
        if not name:
            return None
        return CategoryModel.get_or_create(name=name)[0].id

    def supplier(self, name: str | None) -> int | None:
        if not name:
            return None
        return SupplierModel.get_or_create(name=name)[0].id

    def create(self, spec: ProductSpec) -> ProductModel:
        """Create a product with its barcodes and units (inside the caller's transaction or its own)."""
        check_prices(spec.name, spec.regular_price_rp, spec.member_price_rp, spec.ceiling_rp)
        with self.ctx.db.atomic():
            product = ProductModel.create(
                uid=uuid7(),
                code=spec.code,
                name=spec.name,
                search_text=fold(spec.name),
                base_unit=spec.base_unit,
                is_weighed=spec.is_weighed,
                category=self.category(spec.category),
                business_unit=spec.business_unit,
                supplier=self.supplier(spec.supplier),
                cost_rp=spec.cost_rp,
                regular_price_rp=spec.regular_price_rp,
                member_price_rp=spec.member_price_rp,
                ceiling_rp=spec.ceiling_rp,
                reorder_level_milli=spec.reorder_level_milli,
                track_batches=spec.track_batches,
                drug_class=spec.drug_class,
                requires_nik=spec.requires_nik,
                updated_at=self.ctx.now_iso(),
            )
            for code in spec.barcodes:
                BarcodeModel.create(code=code, product=product, unit=None)
            for unit in spec.units:
                unit_ceiling = unit.ceiling_rp
                if unit_ceiling is None and spec.ceiling_rp is not None:
                    unit_ceiling = spec.ceiling_rp * unit.factor_milli // 1000
                check_prices(
                    f"{spec.name} ({unit.name})",
                    unit.regular_price_rp,
                    unit.member_price_rp,
                    unit_ceiling,
                )
                row = ProductUnitModel.create(
                    product=product,
                    name=unit.name,
                    factor_milli=unit.factor_milli,
                    regular_price_rp=unit.regular_price_rp,
                    member_price_rp=unit.member_price_rp,
                    ceiling_rp=unit.ceiling_rp,
                )
                for code in unit.barcodes:
                    BarcodeModel.create(code=code, product=product, unit=row)
            CatalogService.index_product(product, spec.barcodes)
        return product
