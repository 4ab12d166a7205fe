"""The scan lookup's prepared SQL gives exactly the item the models give, for every barcode and code."""

from __future__ import annotations

import pytest

from kkmp_pos.core.errors import NotFoundError, ValidationError
from kkmp_pos.db.models import BarcodeModel, ProductModel, ProductUnitModel
from kkmp_pos.services.selling.priced_items import item_from


def test_every_barcode_and_code_resolves_as_the_models_say(till) -> None:
    barcodes = list(BarcodeModel.select())
    assert any(b.unit_id for b in barcodes), "the demo shop has a barcode on a selling unit (a dus)"
    for barcode in barcodes:
        product = ProductModel.get_by_id(barcode.product_id)
        unit = ProductUnitModel.get_by_id(barcode.unit_id) if barcode.unit_id else None
        assert till.catalog.lookup_barcode(f" {barcode.code} ") == item_from(product, unit)
    for product in ProductModel.select().where(ProductModel.active):
        assert till.catalog.lookup_barcode(product.code) == item_from(product)


def test_unknown_and_inactive_are_refused_by_name(till) -> None:
    with pytest.raises(NotFoundError) as unknown:
        till.catalog.lookup_barcode("0000000000000")
    assert unknown.value.code == "barcode_unknown"
    on_unit = BarcodeModel.select().where(BarcodeModel.unit.is_null(False)).first()
    ProductUnitModel.update(active=False).where(ProductUnitModel.id == on_unit.unit_id).execute()
    with pytest.raises(ValidationError) as unit_off:
        till.catalog.lookup_barcode(on_unit.code)
    unit = ProductUnitModel.get_by_id(on_unit.unit_id)
    assert unit_off.value.code == "product_inactive" and unit_off.value.params["name"].endswith(
        f"({unit.name})"
    )
    ProductUnitModel.update(active=True).where(ProductUnitModel.id == on_unit.unit_id).execute()
    ProductModel.update(active=False).where(ProductModel.id == on_unit.product_id).execute()
    with pytest.raises(ValidationError) as product_off:
        till.catalog.lookup_barcode(on_unit.code)
    assert product_off.value.params["name"] == ProductModel.get_by_id(on_unit.product_id).name
