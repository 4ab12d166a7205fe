"""Editing products: units, barcodes, ceilings, drug classes, deactivation, events when enrolled."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from kkmp_pos.core.errors import NotFoundError, PermissionDenied, ValidationError
from kkmp_pos.db.models import (
    BarcodeModel,
    OutboxEventModel,
    ProductModel,
    ProductUnitModel,
    SupplierModel,
    TerminalModel,
)
from kkmp_pos.services.stock.module import stock_module
from kkmp_pos.services.stock.products import ProductSpec, UnitSpec
from kkmp_pos.services.stock.suppliers import SupplierSpec


def _spec(**kw) -> ProductSpec:
    base = dict(
        code="MKT1",
        name="MinyaKita 1 L",
        regular_price_rp=15_700,
        member_price_rp=15_500,
        ceiling_rp=15_700,
        base_unit="btl",
        category="Minyak Goreng",
        supplier="Perum Bulog",
        cost_rp=14_000,
        barcodes=["8990000000017"],
        units=[UnitSpec("Dus 12", 12_000, 186_000, 184_000, barcodes=["8990000000024"])],
    )
    base.update(kw)
    return ProductSpec(**base)


def test_create_edit_units_and_barcodes_then_the_till_sells_the_new_unit(till, manager):
    sm = stock_module(till)
    product = sm.products.create(_spec(), manager)
    spec = sm.products.spec_of(product.id)
    spec.barcodes = ["8990000000031", "8990000000048"]  # one replaced, one added
    spec.units = [UnitSpec("Renceng 6", 6_000, 93_000, barcodes=["8990000000055"])]  # dus dropped
    sm.products.save(product.id, spec, manager)
    assert {b.code for b in BarcodeModel.select().where(BarcodeModel.product == product.id)} == {
        "8990000000031",
        "8990000000048",
        "8990000000055",
    }
    units = {
        u.name: u.active for u in ProductUnitModel.select().where(ProductUnitModel.product == product.id)
    }
    assert units == {"Dus 12": False, "Renceng 6": True}  # the dus is kept for old sales, not sold
    item = till.catalog.lookup_barcode("8990000000055")
    assert (item.unit_label, item.factor_milli, item.regular_price_rp) == ("Renceng 6", 6_000, 93_000)
    with pytest.raises(NotFoundError):
        till.catalog.lookup_barcode("8990000000017")


def test_prices_above_the_ceiling_are_refused_for_the_product_and_its_units(till, manager):
    sm = stock_module(till)
    with pytest.raises(ValidationError) as base:
        sm.products.create(_spec(regular_price_rp=16_000), manager)
    assert base.value.code == "price_above_ceiling"
    with pytest.raises(ValidationError) as dus:  # 12 × Rp15.700 = Rp188.400 is the dus's ceiling
        sm.products.create(_spec(units=[UnitSpec("Dus 12", 12_000, 190_000)]), manager)
    assert dus.value.code == "price_above_ceiling"
    product = sm.products.create(_spec(), manager)
    with pytest.raises(ValidationError):
        sm.products.save(
            product.id, replace(sm.products.spec_of(product.id), member_price_rp=15_800), manager
        )
    assert ProductModel.get_by_id(product.id).member_price_rp == 15_500


def test_drug_class_business_unit_duplicates_and_permissions_are_checked(till, manager, cashier):
    sm = stock_module(till)
    with pytest.raises(ValidationError) as drug:
        sm.products.create(_spec(drug_class="narkotika", business_unit="obat"), manager)
    assert drug.value.code == "drug_class_invalid"
    with pytest.raises(ValidationError) as unit:
        sm.products.create(_spec(business_unit="elektronik"), manager)
    assert unit.value.code == "business_unit_invalid"
    taken = BarcodeModel.select().first()
    with pytest.raises(ValidationError) as dup:
        sm.products.create(_spec(barcodes=[taken.code]), manager)
    assert dup.value.code == "barcode_taken"
    with pytest.raises(ValidationError) as code:
        sm.products.create(_spec(code="SPHP5", barcodes=[]), manager)
    assert code.value.code == "product_code_taken"
    with pytest.raises(PermissionDenied):
        sm.products.create(_spec(), cashier)
    keras = sm.products.create(
        _spec(
            code="AMX2",
            name="Amoxicillin",
            drug_class="Keras",
            barcodes=[],
            units=[],
            business_unit="obat",
            ceiling_rp=None,
        ),
        manager,
    )
    assert keras.drug_class == "keras"


def test_deactivated_products_are_kept_but_refused_at_the_till(till, manager):
    sm = stock_module(till)
    product = ProductModel.get(ProductModel.code == "BRM5")
    code = BarcodeModel.get(BarcodeModel.product == product.id).code
    sm.products.deactivate(product.id, manager)
    assert ProductModel.get_by_id(product.id).active is False
    with pytest.raises(ValidationError) as refused:
        till.catalog.lookup_barcode(code)
    assert refused.value.code == "product_inactive"
    assert product.id not in {p.id for p in sm.products.browse("beras")}
    assert product.id in {p.id for p in sm.products.browse("beras", include_inactive=True)}
    sm.products.set_active(product.id, True, manager)
    assert till.catalog.lookup_barcode(code).product_id == product.id


def test_edits_travel_up_as_product_changed_events_only_once_enrolled(till, manager):
    sm = stock_module(till)
    product = sm.products.create(_spec(), manager)
    assert OutboxEventModel.select().where(OutboxEventModel.type == "product.changed").count() == 0
    TerminalModel.update(enrolled=True).execute()
    spec = sm.products.spec_of(product.id)
    spec.regular_price_rp = 15_600
    sm.products.save(product.id, spec, manager)
    event = OutboxEventModel.get(OutboxEventModel.type == "product.changed")
    payload = json.loads(event.payload)
    assert (payload["uid"], payload["regular_price_rp"]) == (product.uid, 15_600)
    assert payload["units"][0]["name"] == "Dus 12"


def test_suppliers_are_created_edited_and_deactivated(till, manager, cashier):
    sm = stock_module(till)
    kf = sm.suppliers.save(SupplierSpec("Kimia Farma Balikpapan", "kimia_farma", "Rina", "0542-123"), manager)
    sm.suppliers.save(
        SupplierSpec("Kimia Farma Balikpapan", "kimia_farma", "Rina", "0542-999"), manager, kf.id
    )
    assert SupplierModel.get_by_id(kf.id).phone == "0542-999"
    with pytest.raises(ValidationError):
        sm.suppliers.save(SupplierSpec("Perum Bulog"), manager)
    with pytest.raises(PermissionDenied):
        sm.suppliers.save(SupplierSpec("Toko Baru"), cashier)
    sm.suppliers.deactivate(kf.id, manager)
    assert kf.id not in {s.id for s in sm.suppliers.all()}
