"""Product import: a preview lists every bad row by row and column and writes nothing; a clean file is
written all at once; export → import round-trips."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kkmp_pos.core.barcodes import make_ean13
from kkmp_pos.core.errors import ValidationError
from kkmp_pos.db.models import BarcodeModel, ProductModel
from kkmp_pos.services.stock.module import stock_module
from kkmp_pos.services.stock.product_import import COLUMNS


def good_row(i: int) -> dict[str, str]:
    return {
        "code": f"IMP{i:05d}",
        "name": f"Barang Impor {i}",
        "business_unit": "sembako",
        "category": f"Kategori {i % 7}",
        "base_unit": "pcs",
        "is_weighed": "0",
        "regular_price_rp": str(5_000 + i),
        "member_price_rp": str(4_900 + i),
        "ceiling_rp": "",
        "cost_rp": str(4_000 + i),
        "supplier": "Perum Bulog",
        "drug_class": "",
        "requires_nik": "0",
        "ppn_exempt": "",  # empty: the default by category (core/tax.py)
        "track_batches": "0",
        "reorder_level": "5",
        "barcodes": make_ean13(f"898{i:09d}"),
        "units": f"Dus 10|10000|{50_000 + i * 10}|{49_000 + i * 10}" if i % 5 == 0 else "",
        "active": "1",
    }


# Ten different mistakes: (index in the file, column the preview must name, change)
BAD = [
    (17, "regular_price_rp", {"regular_price_rp": "lima ribu"}),
    (101, "name", {"name": ""}),
    (230, "member_price_rp", {"member_price_rp": "9999999"}),
    (311, "ceiling_rp", {"ceiling_rp": "5000", "regular_price_rp": "6000", "member_price_rp": ""}),
    (402, "drug_class", {"drug_class": "narkotika"}),
    (499, "business_unit", {"business_unit": "elektronik"}),
    (588, "is_weighed", {"is_weighed": "mungkin"}),
    (650, "units", {"units": "Dus|abc|1"}),
    (777, "code", {"code": "IMP00003"}),  # the same code as row index 3
    (901, "barcodes", {"barcodes": "__EXISTING__"}),  # already used by a demo product
]


def write_csv(path: Path, rows: list[dict[str, str]], delimiter: str = ",") -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)


def thousand_rows_with_ten_bad() -> tuple[list[dict[str, str]], dict[int, str]]:
    rows = [good_row(i) for i in range(1000)]
    existing = BarcodeModel.select().first().code
    expected = {}
    for index, column, change in BAD:
        change = {k: (existing if v == "__EXISTING__" else v) for k, v in change.items()}
        rows[index].update(change)
        expected[index + 2] = column  # spreadsheet row: the header is row 1
    return rows, expected


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_ten_bad_rows_among_a_thousand_are_reported_exactly_and_nothing_is_written(
    till, manager, tmp_path, fmt
):
    rows, expected = thousand_rows_with_ten_bad()
    path = tmp_path / f"produk.{fmt}"
    if fmt == "csv":
        write_csv(path, rows, delimiter=";")  # Indonesian Excel writes semicolons
    else:
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        sheet.append(COLUMNS)
        for row in rows:
            sheet.append([row.get(c, "") for c in COLUMNS])
        book.save(path)
    before = ProductModel.select().count()
    sm = stock_module(till)
    preview = sm.importer.preview(path)
    assert {p.row: p.column for p in preview.problems} == expected
    assert len(preview.problems) == 10
    assert all(p.message("id") and p.message("en") for p in preview.problems)
    assert len(preview.rows) == 990
    with pytest.raises(ValidationError) as refused:
        sm.importer.commit(preview, manager)
    assert refused.value.code == "import_has_problems"
    assert ProductModel.select().count() == before


def test_a_clean_file_is_imported_at_once_and_existing_codes_are_updated(till, manager, tmp_path):
    rows = [good_row(i) for i in range(50)]
    path = tmp_path / "bersih.csv"
    write_csv(path, rows)
    sm = stock_module(till)
    before = ProductModel.select().count()
    preview = sm.importer.preview(path)
    assert preview.ok and preview.new_count == 50
    assert sm.importer.commit(preview, manager) == 50
    assert ProductModel.select().count() == before + 50
    item = till.catalog.lookup_barcode(rows[10]["barcodes"])
    assert item.regular_price_rp == 5_010 and item.code == "IMP00010"
    assert till.catalog.lookup_barcode(make_ean13("898000000010")).product_id == item.product_id
    rows[10]["regular_price_rp"] = "6000"
    write_csv(path, rows)
    again = sm.importer.preview(path)
    assert again.ok and again.update_count == 50 and again.new_count == 0
    sm.importer.commit(again, manager)
    assert ProductModel.get(ProductModel.code == "IMP00010").regular_price_rp == 6_000
    assert ProductModel.select().count() == before + 50


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_export_imports_back_unchanged(till, manager, tmp_path, fmt):
    sm = stock_module(till)
    path = tmp_path / f"ekspor.{fmt}"
    count = sm.importer.export(path)
    assert count == ProductModel.select().count()
    preview = sm.importer.preview(path)
    assert preview.ok, [(p.row, p.column, p.message()) for p in preview.problems[:5]]
    assert preview.update_count == count
    before = {p.code: sm.products.spec_of(p.id) for p in ProductModel.select()}
    sm.importer.commit(preview, manager)
    after = {p.code: sm.products.spec_of(p.id) for p in ProductModel.select()}
    assert after == before


def test_a_file_without_the_required_columns_is_refused(till, tmp_path):
    path = tmp_path / "salah.csv"
    path.write_text("kode,nama\nA,B\n", encoding="utf-8")
    with pytest.raises(ValidationError) as refused:
        stock_module(till).importer.preview(path)
    assert refused.value.code == "import_missing_columns"


def test_the_benchmark_import_file_stays_valid_for_the_importer(till, tmp_path):
    """The 10,000-product benchmark writes its file by column name; a new import column must not break it."""
    from kkmp_pos.services.stock.product_import import ProductImportService
    from tests.benchmarks.bench_stock import _import_file

    path = tmp_path / "bench.csv"
    _import_file(path, 40)
    preview = ProductImportService(till.ctx).preview(path)
    assert preview.ok, preview.problems[:3]
