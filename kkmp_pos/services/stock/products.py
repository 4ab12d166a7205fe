"""Creating and changing products, their selling units and barcodes (the catalog's write side).

Products are never deleted (sales and the stock ledger point at them): they are deactivated. Once the
till is enrolled, every change is queued as a 'product.changed' event in the same transaction; the
server's version comes back through the feed and wins (SYNC.md).
"""

from __future__ import annotations

import peewee as pw

from kkmp_pos.core.errors import NotFoundError, ValidationError
from kkmp_pos.core.events import ProductChanged
from kkmp_pos.core.ids import uuid7
from kkmp_pos.core.text import MAX_SEARCH_TEXT, fold
from kkmp_pos.db.models import (
    BarcodeModel,
    CategoryModel,
    ProductModel,
    ProductUnitModel,
    SupplierModel,
)
from kkmp_pos.db.outbox import append_event
from kkmp_pos.services.audit import audit
from kkmp_pos.services.context import Actor, ServiceContext
from kkmp_pos.services.selling.catalog import CatalogService
from kkmp_pos.services.setup.auth import require
from kkmp_pos.services.stock.product_row import ProductRow, product_row
from kkmp_pos.services.stock.product_spec import (
    ProductSpec,
    UnitSpec,
    check_prices,
    spec_ppn_default,
    unit_ceiling,
    validate_spec,
)

__all__ = [
    "ProductService",
    "ProductSpec",
    "UnitSpec",
    "check_prices",
    "product_payload",
    "spec_ppn_default",
    "unit_ceiling",
    "validate_spec",
]


def product_payload(product: ProductModel) -> dict[str, object]:
    """The 'product.changed' event body: the whole product as the till now has it."""
    units = list(ProductUnitModel.select().where(ProductUnitModel.product == product.id))
    barcodes = list(BarcodeModel.select().where(BarcodeModel.product == product.id))
    return {
        "uid": product.uid,
        "code": product.code,
        "name": product.name,
        "base_unit": product.base_unit,
        "is_weighed": product.is_weighed,
        "category": product.category.name if product.category_id else None,
        "business_unit": product.business_unit,
        "supplier": product.supplier.name if product.supplier_id else None,
        "cost_rp": product.cost_rp,
        "regular_price_rp": product.regular_price_rp,
        "member_price_rp": product.member_price_rp,
        "ceiling_rp": product.ceiling_rp,
        "reorder_level_milli": product.reorder_level_milli,
        "track_batches": product.track_batches,
        "drug_class": product.drug_class,
        "requires_nik": product.requires_nik,
        "ppn_exempt": product.ppn_exempt,
        "aliases": product.aliases,
        "active": product.active,
        "barcodes": [b.code for b in barcodes if b.unit_id is None],
        "units": [
            {
                "name": u.name,
                "factor_milli": u.factor_milli,
                "regular_price_rp": u.regular_price_rp,
                "member_price_rp": u.member_price_rp,
                "ceiling_rp": u.ceiling_rp,
                "active": u.active,
                "barcodes": [b.code for b in barcodes if b.unit_id == u.id],
            }
            for u in units
        ],
        "updated_at": product.updated_at,
    }


class ProductService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # -- look-ups ---------------------------------------------------------------------------------
    def category(self, name: str | None) -> int | None:
        if not name:
            return None
        return CategoryModel.get_or_create(name=name)[0].id

    def supplier(self, name: str | None) -> int | None:
        if not name:
            return None
        return SupplierModel.get_or_create(name=name)[0].id

    def categories(self) -> list[str]:
        return [c.name for c in CategoryModel.select().order_by(CategoryModel.name)]

    def get(self, product_id: int) -> ProductRow:
        return product_row(self._model(product_id))

    def _model(self, product_id: int) -> ProductModel:
        product = ProductModel.get_or_none(ProductModel.id == product_id)
        if product is None:
            raise NotFoundError("product_not_found")
        return product

    def browse(self, text: str = "", *, include_inactive: bool = False, limit: int = 500) -> list[ProductRow]:
        """Products for the manager's list: by code, barcode or name words; inactive ones on request."""
        query = (
            ProductModel.select(ProductModel, CategoryModel)
            .join(CategoryModel, pw.JOIN.LEFT_OUTER)
            .order_by(ProductModel.name)
            .limit(limit)
        )
        if not include_inactive:
            query = query.where(ProductModel.active == True)  # noqa: E712
        text = text[:MAX_SEARCH_TEXT]  # LIKE refuses patterns over 50,000 characters
        for word in fold(text).split():
            by_barcode = BarcodeModel.select(BarcodeModel.product).where(BarcodeModel.code == word)
            query = query.where(
                ProductModel.search_text.contains(word)
                | (ProductModel.code == text.strip())
                | ProductModel.id.in_(by_barcode)
            )
        return [product_row(product) for product in query]

    def spec_of(self, product_id: int) -> ProductSpec:
        """The editable form of a product (what the edit dialog and the export show)."""
        p = self._model(product_id)
        barcodes = list(BarcodeModel.select().where(BarcodeModel.product == p.id).order_by(BarcodeModel.code))
        units = (
            ProductUnitModel.select().where(ProductUnitModel.product == p.id).order_by(ProductUnitModel.id)
        )
        return ProductSpec(
            code=p.code,
            name=p.name,
            regular_price_rp=p.regular_price_rp,
            member_price_rp=p.member_price_rp,
            ceiling_rp=p.ceiling_rp,
            base_unit=p.base_unit,
            is_weighed=p.is_weighed,
            category=p.category.name if p.category_id else None,
            business_unit=p.business_unit,
            supplier=p.supplier.name if p.supplier_id else None,
            cost_rp=p.cost_rp,
            reorder_level_milli=p.reorder_level_milli,
            track_batches=p.track_batches,
            drug_class=p.drug_class,
            requires_nik=p.requires_nik,
            ppn_exempt=p.ppn_exempt,
            aliases=p.aliases,
            barcodes=[b.code for b in barcodes if b.unit_id is None],
            units=[
                UnitSpec(
                    name=u.name,
                    factor_milli=u.factor_milli,
                    regular_price_rp=u.regular_price_rp,
                    member_price_rp=u.member_price_rp,
                    ceiling_rp=u.ceiling_rp,
                    barcodes=[b.code for b in barcodes if b.unit_id == u.id],
                    active=u.active,
                )
                for u in units
            ],
            active=p.active,
        )

    # -- writing ----------------------------------------------------------------------------------
    def create(self, spec: ProductSpec, actor: Actor | None = None) -> ProductRow:
        """Create a product with its barcodes and units (inside the caller's transaction or its own).

        `actor` is None only for set-up code (demo shop, bulk generators); the GUI always passes one.
        """
        if actor is not None:
            require(actor, "manage_products")
        spec = validate_spec(spec)
        with self.ctx.db.atomic():
            self._check_unique(spec, None)
            product = self._write(spec, None)
            if actor is not None:
                audit(self.ctx, "product.created", actor, doc_id=product.uid, code=spec.code)
        return product_row(product)

    def save(self, product_id: int, spec: ProductSpec, actor: Actor) -> ProductRow:
        """Replace a product's details, units and barcodes with `spec`. Stock and cost stay as they are."""
        require(actor, "manage_products")
        spec = validate_spec(spec)
        with self.ctx.db.atomic():
            existing = self._model(product_id)
            self._check_unique(spec, product_id)
            product = self._write(spec, existing)
            audit(self.ctx, "product.changed", actor, doc_id=product.uid, code=spec.code)
        return product_row(product)

    def set_active(self, product_id: int, active: bool, actor: Actor) -> ProductRow:
        """Deactivate (never delete) or reactivate a product; the till then refuses or sells it."""
        require(actor, "manage_products")
        with self.ctx.db.atomic():
            self._model(product_id)
            ProductModel.update(active=active, updated_at=self.ctx.now_iso()).where(
                ProductModel.id == product_id
            ).execute()
            product = self._model(product_id)
            audit(
                self.ctx, "product.activated" if active else "product.deactivated", actor, doc_id=product.uid
            )
            self.queue_changed(product)
        return product_row(product)

    def deactivate(self, product_id: int, actor: Actor) -> ProductRow:
        return self.set_active(product_id, False, actor)

    def queue_changed(self, product: ProductModel) -> None:
        """Queue 'product.changed' if the server owns the catalog (enrolled); call inside the txn."""
        if not self.ctx.terminal.enrolled:
            return
        changed = ProductChanged(product_payload(product), product.code, product.name)
        append_event(
            changed.TYPE,
            changed.to_payload(),
            occurred_at=self.ctx.now_iso(),
            business_date=self.ctx.business_date(),
        )

    def _check_unique(self, spec: ProductSpec, product_id: int | None) -> None:
        other = ProductModel.get_or_none(ProductModel.code == spec.code)
        if other is not None and other.id != product_id:
            raise ValidationError("product_code_taken", code=spec.code, name=other.name)
        codes = [*spec.barcodes, *(c for u in spec.units for c in u.barcodes)]
        if not codes:
            return
        taken = (
            BarcodeModel.select(BarcodeModel.code, ProductModel.name)
            .join(ProductModel)
            .where(BarcodeModel.code.in_(codes))
        )
        if product_id is not None:
            taken = taken.where(BarcodeModel.product != product_id)
        for row in taken:
            raise ValidationError("barcode_taken", code=row.code, name=row.product.name)

    def _write(self, spec: ProductSpec, existing: ProductModel | None) -> ProductModel:
        """Write a validated spec (no checks here: the import validates thousands of rows in bulk)."""
        fields = {
            "code": spec.code,
            "name": spec.name,
            "search_text": fold(spec.name),
            "base_unit": spec.base_unit,
            "is_weighed": spec.is_weighed,
            "category": self.category(spec.category),
            "business_unit": spec.business_unit,
            "supplier": self.supplier(spec.supplier),
            "regular_price_rp": spec.regular_price_rp,
            "member_price_rp": spec.member_price_rp,
            "ceiling_rp": spec.ceiling_rp,
            "reorder_level_milli": spec.reorder_level_milli,
            "track_batches": spec.track_batches,
            "drug_class": spec.drug_class,
            "requires_nik": spec.requires_nik,
            "active": spec.active,
            "updated_at": self.ctx.now_iso(),
        }
        if spec.aliases is not None:
            fields["aliases"] = spec.aliases
        if spec.ppn_exempt is not None:
            fields["ppn_exempt"] = spec.ppn_exempt
        elif existing is None:
            fields["ppn_exempt"] = spec_ppn_default(spec)
        if existing is None:
            product = ProductModel.create(uid=uuid7(), cost_rp=spec.cost_rp, **fields)
        else:
            # The average cost belongs to receiving; an edit sets it only when there is no stock yet.
            if existing.on_hand_milli <= 0:
                fields["cost_rp"] = spec.cost_rp
            ProductModel.update(**fields).where(ProductModel.id == existing.id).execute()
            product = ProductModel.get_by_id(existing.id)
            BarcodeModel.delete().where(BarcodeModel.product == product.id).execute()
        barcode_rows = [{"code": c, "product": product.id, "unit": None} for c in spec.barcodes]
        old_units = {
            fold(u.name): u for u in ProductUnitModel.select().where(ProductUnitModel.product == product.id)
        }
        kept: set[int] = set()
        for unit in spec.units:
            values = {
                "name": unit.name.strip(),
                "factor_milli": unit.factor_milli,
                "regular_price_rp": unit.regular_price_rp,
                "member_price_rp": unit.member_price_rp,
                "ceiling_rp": unit.ceiling_rp,
                "active": unit.active,
            }
            row = old_units.get(fold(unit.name))
            if row is None:
                row = ProductUnitModel.create(product=product.id, **values)
            else:
                ProductUnitModel.update(**values).where(ProductUnitModel.id == row.id).execute()
            kept.add(row.id)
            barcode_rows.extend({"code": c, "product": product.id, "unit": row.id} for c in unit.barcodes)
        dropped = [u.id for u in old_units.values() if u.id not in kept]
        if dropped:  # sale lines point at them: deactivate, never delete
            ProductUnitModel.update(active=False).where(ProductUnitModel.id.in_(dropped)).execute()
        if barcode_rows:
            BarcodeModel.insert_many(barcode_rows).execute()
        CatalogService.index_product(product, spec.barcodes)
        self.queue_changed(product)
        return product
