"""The till refuses, at the edge, text the server would refuse (NUL, lone surrogates, over-long
strings): on import, in the product, member, supplier and user services the forms call."""

from __future__ import annotations

import csv
import random

import pytest

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.core.nik import make_demo_nik
from kkmp_pos.db.models import MemberModel, ProductModel, SupplierModel, UserModel
from kkmp_pos.services.stock.module import stock_module
from kkmp_pos.services.stock.product_import import COLUMNS
from kkmp_pos.services.stock.suppliers import SupplierSpec

BAD_TEXT = [
    ("Gula\x00Pasir", "text_has_nul"),
    ("Gula \ud83d", "text_not_unicode"),
    ("G" * 201, "text_too_long"),
]


def _row(code: str, name: str) -> dict[str, str]:
    row = dict.fromkeys(COLUMNS, "")
    row.update(code=code, name=name, regular_price_rp="15000", base_unit="pcs", active="1")
    return row


def test_a_nul_in_a_product_name_from_csv_is_a_row_problem_and_nothing_is_written(till, tmp_path):
    path = tmp_path / "produk.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerow(_row("NUL1", "Gula\x00Pasir 1 kg"))
        writer.writerow(_row("OK1", "Gula Pasir 1 kg"))
        writer.writerow(_row("LONG1", "Beras " * 40))
    preview = stock_module(till).importer.preview(path)
    problems = {(p.row, p.column, p.code) for p in preview.problems}
    assert problems == {(2, "name", "text_has_nul"), (4, "name", "text_too_long")}
    assert "nama" in preview.problems[0].message("id") and "name" in preview.problems[0].message("en")
    assert [r.spec.code for r in preview.rows] == ["OK1"]
    assert not any("\x00" in name for (name,) in ProductModel.select(ProductModel.name).tuples())


@pytest.mark.parametrize(("value", "code"), BAD_TEXT)
def test_the_product_form_refuses_bad_text(till, manager, value, code):
    sm = stock_module(till)
    product = ProductModel.get(ProductModel.code == "LPG3")
    spec = sm.products.spec_of(product.id)
    spec.name = value
    with pytest.raises(ValidationError) as refused:
        sm.products.save(product.id, spec, manager)
    assert refused.value.code == code
    assert ProductModel.get_by_id(product.id).name == product.name


def test_a_unit_factor_past_the_event_range_is_refused(till, manager):
    sm = stock_module(till)
    product = ProductModel.get(ProductModel.code == "LPG3")
    spec = sm.products.spec_of(product.id)
    from kkmp_pos.services.stock.products import UnitSpec

    spec.units = [UnitSpec("Dus", 10**30, 20_000)]
    with pytest.raises(ValidationError) as refused:
        sm.products.save(product.id, spec, manager)
    assert refused.value.code == "number_out_of_range"


@pytest.mark.parametrize(("value", "code"), BAD_TEXT)
def test_member_registration_refuses_bad_text(till, cashier, value, code):
    before = MemberModel.select().count()
    with pytest.raises(ValidationError) as refused:
        till.registration.register(
            name=value,
            nik=make_demo_nik(random.Random(7)),
            phone="",
            address="",
            method="cash",
            tendered_rp=100_000,
            cashier=cashier,
        )
    assert refused.value.code == code
    with pytest.raises(ValidationError):
        till.registration.register(
            name="Siti Aminah",
            nik=make_demo_nik(random.Random(8)),
            phone="",
            address=value if code != "text_too_long" else "A" * 2001,
            method="cash",
            tendered_rp=100_000,
            cashier=cashier,
        )
    assert MemberModel.select().count() == before


def test_supplier_and_user_forms_refuse_a_nul(till, manager):
    sm = stock_module(till)
    with pytest.raises(ValidationError) as refused:
        sm.suppliers.save(SupplierSpec(name="CV Maju\x00"), manager)
    assert refused.value.code == "text_has_nul"
    assert not SupplierModel.select().where(SupplierModel.name.startswith("CV Maju")).exists()
    with pytest.raises(ValidationError):
        till.auth.create_user("Zaki\x00", "kasir", "4321", manager)
    assert not UserModel.select().where(UserModel.name.startswith("Zaki")).exists()
