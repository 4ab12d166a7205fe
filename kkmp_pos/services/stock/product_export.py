"""Exporting products to CSV or XLSX in the columns the import reads, so an export imports back.

Every cell goes through `core.spreadsheet.safe_row` (a name like `=HYPERLINK(...)` is written as text);
amounts are number cells in XLSX.
"""

from __future__ import annotations

import csv
from pathlib import Path

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.core.money import format_qty
from kkmp_pos.core.spreadsheet import safe_row
from kkmp_pos.db.models import ProductModel
from kkmp_pos.services.context import ServiceContext
from kkmp_pos.services.stock.products import ProductService

COLUMNS = [
    "code",
    "name",
    "business_unit",
    "category",
    "base_unit",
    "is_weighed",
    "regular_price_rp",
    "member_price_rp",
    "ceiling_rp",
    "cost_rp",
    "supplier",
    "drug_class",
    "requires_nik",
    "ppn_exempt",
    "track_batches",
    "reorder_level",
    "barcodes",
    "units",
    "active",
    "aliases",
]
MONEY = ("regular_price_rp", "member_price_rp", "ceiling_rp", "cost_rp")


def export_rows(ctx: ServiceContext) -> list[list[str]]:
    """Every product (inactive too) in the import columns, so an export can be imported back."""
    products = ProductService(ctx)
    out = []
    for (pid,) in ProductModel.select(ProductModel.id).order_by(ProductModel.code).tuples():
        s = products.spec_of(pid)
        units = ";".join(
            "|".join(
                [
                    u.name,
                    str(u.factor_milli),
                    str(u.regular_price_rp),
                    _opt(u.member_price_rp),
                    " ".join(u.barcodes),
                ]
            )
            for u in s.units
            if u.active
        )
        out.append(
            [
                s.code,
                s.name,
                s.business_unit,
                s.category or "",
                s.base_unit,
                _flag(s.is_weighed),
                str(s.regular_price_rp),
                _opt(s.member_price_rp),
                _opt(s.ceiling_rp),
                str(s.cost_rp),
                s.supplier or "",
                s.drug_class or "",
                _flag(s.requires_nik),
                _flag(bool(s.ppn_exempt)),
                _flag(s.track_batches),
                format_qty(s.reorder_level_milli).replace(".", "") if s.reorder_level_milli else "",
                " ".join(s.barcodes),
                units,
                _flag(s.active),
                s.aliases or "",
            ]
        )
    return out


def export(ctx: ServiceContext, path: Path | str) -> int:
    """Write all products to .csv (UTF-8 with BOM, for Excel) or .xlsx; returns the row count."""
    path = Path(path)
    rows = export_rows(ctx)
    if path.suffix.lower() == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(COLUMNS)
            writer.writerows(safe_row(row) for row in rows)
    elif path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet("produk")
        sheet.append(COLUMNS)
        money = [COLUMNS.index(c) for c in MONEY]
        for row in rows:
            cells: list[object] = safe_row(row)  # text cells: barcodes keep their leading zeros
            for i in money:
                cells[i] = int(row[i]) if row[i] else None  # amounts as number cells
            sheet.append(cells)
        book.save(path)
    else:
        raise ValidationError("import_format_unknown", path=str(path))
    return len(rows)


def _opt(value: int | None) -> str:
    return "" if value is None else str(value)


def _flag(value: bool) -> str:
    return "1" if value else "0"
