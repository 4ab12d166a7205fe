"""product.ppn_exempt: the default at creation, edits, import/export, the sync payload, the feed, step 7."""

from __future__ import annotations

import csv
import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

from kkmp_pos.core.tax import default_ppn_exempt
from kkmp_pos.db.models import ProductModel
from kkmp_pos.services.stock.products import ProductSpec, product_payload

FIXTURES = Path(__file__).parent.parent / "fixtures"


def test_default_exemption_follows_category_words_and_business_unit() -> None:
    assert default_ppn_exempt("sembako", "Beras", False)
    assert default_ppn_exempt("sembako", "Sayur & Bumbu Segar", False)
    assert default_ppn_exempt("sembako", "Gula", False)
    assert default_ppn_exempt("sembako", "TELUR", False)
    assert not default_ppn_exempt("sembako", "Minyak Goreng", False)
    assert not default_ppn_exempt("sembako", "Kebersihan", False)
    assert not default_ppn_exempt("sembako", None, False)
    assert default_ppn_exempt("lpg", "LPG", True)  # LPG 3 kg, subsidised
    assert not default_ppn_exempt("lpg", "LPG", False)  # Bright Gas, 12 kg
    assert not default_ppn_exempt("obat", "Beras Kencur", False)  # medicines are taxable


def test_create_takes_the_default_an_explicit_flag_wins_and_an_edit_without_one_keeps_it(till, manager):
    products = till.products
    rice = products.create(ProductSpec("PPN1", "Beras Lokal 5 kg", 70_000, category="Beras"), manager)
    soap = products.create(ProductSpec("PPN2", "Sabun Cuci", 5_000, category="Kebersihan"), manager)
    odd = products.create(
        ProductSpec("PPN3", "Garam Krosok", 3_000, category="Bumbu", ppn_exempt=True), manager
    )
    assert (rice.ppn_exempt, soap.ppn_exempt, odd.ppn_exempt) == (True, False, True)

    spec = products.spec_of(odd.id)
    assert spec.ppn_exempt is True
    assert products.save(odd.id, replace(spec, name="Garam Krosok 1 kg", ppn_exempt=None), manager).ppn_exempt
    assert not products.save(odd.id, replace(spec, ppn_exempt=False), manager).ppn_exempt
    assert product_payload(ProductModel.get_by_id(rice.id))["ppn_exempt"] is True
    assert product_payload(ProductModel.get_by_id(odd.id))["ppn_exempt"] is False


def test_export_writes_the_flag_and_import_sets_it_or_keeps_it_when_the_cell_is_empty(
    till, manager, tmp_path
) -> None:
    from kkmp_pos.services.stock.product_import import COLUMNS, ProductImportService

    importer = ProductImportService(till.ctx)
    out = tmp_path / "produk.csv"
    importer.export(out)
    with out.open(encoding="utf-8-sig") as fh:
        rows = {r["code"]: r for r in csv.DictReader(fh)}
    assert "ppn_exempt" in COLUMNS
    assert rows["SPHP5"]["ppn_exempt"] == "1" and rows["MK1"]["ppn_exempt"] == "0"

    rows["SLF"]["ppn_exempt"] = "ya"  # a manager's decision, whatever the category says
    rows["SPHP5"]["ppn_exempt"] = ""  # empty: keep what the product has
    rows["MK1"]["ppn_exempt"] = "0"
    new = dict(rows["MK1"], code="NEWRICE", name="Beras Baru", category="Beras", barcodes="", units="")
    new["ppn_exempt"] = ""  # a new product with an empty cell takes the default
    back = tmp_path / "kembali.csv"
    with back.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows([rows["SLF"], rows["SPHP5"], rows["MK1"], new])
    preview = importer.preview(back)
    assert preview.ok, [p.message("en") for p in preview.problems]
    importer.commit(preview, manager)
    flags = {p.code: p.ppn_exempt for p in ProductModel.select()}
    assert (flags["SLF"], flags["SPHP5"], flags["MK1"], flags["NEWRICE"]) == (True, True, False, True)


def test_the_feed_sets_the_flag_when_present_and_defaults_a_new_product_without_it(tmp_path) -> None:
    from kkmp_pos.app import open_till
    from kkmp_pos.db.database import database
    from kkmp_pos.sync.apply import apply_changes, apply_changes_by_row

    def change(data: dict) -> dict:
        return {"entity": "product", "op": "upsert", "key": "k", "data": data}

    page = [
        change({"product_id": "u1", "code": "B1", "name": "Beras Curah", "category": "Beras"}),
        change({"product_id": "u2", "code": "M1", "name": "Minyak", "category": "Minyak Goreng"}),
        change({"product_id": "u3", "code": "S1", "name": "Sabun", "ppn_exempt": True}),
    ]
    later = [change({"product_id": "u1", "code": "B1", "name": "Beras Curah", "ppn_exempt": False})]
    for name, apply in (("bulk", apply_changes), ("rows", apply_changes_by_row)):
        till = open_till(tmp_path / name)
        try:
            with database.atomic():
                apply(page, "2026-01-01T00:00:00.000Z")
            flags = {p.uid: p.ppn_exempt for p in ProductModel.select()}
            assert (flags["u1"], flags["u2"], flags["u3"]) == (True, False, True), name
            with database.atomic():
                apply(later, "2026-01-01T00:00:01.000Z")
            assert not ProductModel.get(ProductModel.uid == "u1").ppn_exempt, name
        finally:
            till.close()


def test_step_7_marks_the_staples_of_an_existing_till_and_leaves_the_rest_taxable(tmp_path) -> None:
    from kkmp_pos.db.database import open_database

    live = tmp_path / "kkmp-pos.db"
    shutil.copyfile(FIXTURES / "schema_v2.db", live)
    open_database(live).close()
    conn = sqlite3.connect(live)
    flags = dict(conn.execute('SELECT "code", "ppn_exempt" FROM "product"').fetchall())
    conn.close()
    for code in ("SPHP5", "BRM5", "GP1", "TEL", "BWM", "CBR", "LPG3"):
        assert flags[code] == 1, code
    for code in ("MK1", "TT1", "SKM", "GRM", "SLF", "PCT", "BG55", "LPG12"):
        assert flags[code] == 0, code
