"""Importing products from CSV or XLSX: preview every row's problems first, then all or nothing. The
columns are those of the export (product_export.py), so an export imports back."""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kkmp_pos.core.errors import KkmpError, ValidationError
from kkmp_pos.core.money import parse_qty, parse_rp
from kkmp_pos.core.reasons import foreign_reason, os_error_reason
from kkmp_pos.core.spreadsheet import unquote_cell
from kkmp_pos.core.text_rules import TextError
from kkmp_pos.db.models import BarcodeModel, ProductModel
from kkmp_pos.services.audit import audit
from kkmp_pos.services.context import Actor, ServiceContext
from kkmp_pos.services.setup.auth import require
from kkmp_pos.services.stock import product_export
from kkmp_pos.services.stock.product_export import COLUMNS, MONEY
from kkmp_pos.services.stock.products import ProductSpec, UnitSpec, validate_spec

log = logging.getLogger(__name__)
__all__ = ["COLUMNS", "ImportPreview", "ProductImportService", "RowProblem", "read_rows"]

REQUIRED = ("code", "name", "regular_price_rp")
_YES = {"1", "y", "ya", "yes", "true", "benar"}
_NO = {"", "0", "n", "t", "tidak", "no", "false", "salah"}
# Which column a rule from validate_spec is about, so the preview can point at the cell.
_CODE_COLUMN = {
    "product_code_required": "code",
    "product_name_required": "name",
    "business_unit_invalid": "business_unit",
    "drug_class_invalid": "drug_class",
    "cost_negative": "cost_rp",
    "price_not_positive": "regular_price_rp",
    "price_above_ceiling": "ceiling_rp",
    "member_price_above_regular": "member_price_rp",
    "unit_factor_invalid": "units",
    "unit_name_taken": "units",
    "barcode_taken": "barcodes",
}


@dataclass(frozen=True)
class RowProblem:
    """One problem in one cell: spreadsheet row number (the header is row 1) and column name."""

    row: int
    column: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str = "id") -> str:
        from kkmp_pos.core.messages import render

        return render(self.code, self.params, lang)


@dataclass
class ImportRow:
    row: int
    spec: ProductSpec
    existing_id: int | None  # None: a new product


@dataclass
class ImportPreview:
    path: str
    rows: list[ImportRow]
    problems: list[RowProblem]

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def bad_rows(self) -> list[int]:
        return sorted({p.row for p in self.problems})

    @property
    def new_count(self) -> int:
        return sum(1 for r in self.rows if r.existing_id is None)

    @property
    def update_count(self) -> int:
        return sum(1 for r in self.rows if r.existing_id is not None)


# -- reading files ----------------------------------------------------------------------------------
def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _imported(text: str) -> str:
    """A cell's text as it was before an export quoted it against formula injection."""
    return unquote_cell(text.strip()).strip()


def read_rows(path: Path) -> Iterator[dict[str, str]]:
    """Rows as {lower-case header: text}, from .csv (comma or semicolon) or .xlsx (first sheet)."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            text = path.read_bytes().decode("utf-8-sig")
            first = text.split("\n", 1)[0]
            delimiter = ";" if first.count(";") > first.count(",") else ","
            reader = csv.reader(io.StringIO(text), delimiter=delimiter)
            header = [h.strip().lower() for h in next(reader, [])]
            for values in reader:
                yield {h: _imported(values[i]) if i < len(values) else "" for i, h in enumerate(header)}
        elif suffix == ".xlsx":
            from openpyxl import load_workbook

            book = load_workbook(path, read_only=True, data_only=True)
            try:
                sheet = book.worksheets[0]
                rows = sheet.iter_rows(values_only=True)
                header = [_cell_text(h).lower() for h in next(rows, ())]
                for values in rows:
                    yield {
                        h: _imported(_cell_text(values[i])) if i < len(values) else ""
                        for i, h in enumerate(header)
                    }
            finally:
                book.close()
        else:
            raise ValidationError("import_format_unknown", path=str(path))
    except (OSError, UnicodeDecodeError, csv.Error, KeyError, ValueError) as exc:
        if isinstance(exc, KkmpError):
            raise
        raise _unreadable(path, exc) from exc
    except Exception as exc:  # openpyxl raises its own types for damaged workbooks
        if isinstance(exc, KkmpError):
            raise
        raise _unreadable(path, exc) from exc


def _unreadable(path: Path, exc: Exception) -> ValidationError:
    """'import_file_unreadable' with the reason in both languages."""
    if isinstance(exc, UnicodeDecodeError):
        reason_id = "isinya bukan teks UTF-8 (simpan ulang sebagai CSV UTF-8)"
        reason_en = "the content is not UTF-8 text (save it again as CSV UTF-8)"
    elif isinstance(exc, OSError):
        reason_id, reason_en = os_error_reason(exc)
    else:
        reason_id, reason_en = foreign_reason(str(exc) or type(exc).__name__)
    return ValidationError("import_file_unreadable", path=str(path), reason=reason_id, reason_en=reason_en)


# -- parsing one row --------------------------------------------------------------------------------
class _RowParser:
    def __init__(self, row_no: int, values: dict[str, str]) -> None:
        self.row = row_no
        self.values = values
        self.problems: list[RowProblem] = []

    def problem(self, column: str, message_code: str, /, **params: Any) -> None:
        self.problems.append(RowProblem(self.row, column, message_code, params))

    def text(self, column: str, *, required: bool = False) -> str:
        value = self.values.get(column, "").strip()
        if required and not value:
            self.problem(column, "import_value_required")
        return value

    def money(self, column: str, *, required: bool = False) -> int | None:
        value = self.text(column, required=required)
        if not value:
            return None
        try:
            return parse_rp(value)
        except ValidationError:
            self.problem(column, "import_not_integer", value=value)
            return None

    def flag(self, column: str, default: bool = False) -> bool:
        value = self.values.get(column, "").strip().lower()
        if column not in self.values or value == "":
            return default
        if value in _YES:
            return True
        if value not in _NO:
            self.problem(column, "import_not_yes_no", value=value)
        return False

    def optional_flag(self, column: str) -> bool | None:
        """None for a missing column or an empty cell (the product's default or current flag)."""
        if not self.values.get(column, "").strip():
            return None
        return self.flag(column)

    def qty(self, column: str) -> int:
        value = self.text(column)
        if not value:
            return 0
        try:
            return parse_qty(value)
        except ValidationError:
            self.problem(column, "import_not_integer", value=value)
            return 0

    def units(self) -> list[UnitSpec]:
        value = self.text("units")
        units = []
        for part in filter(None, (p.strip() for p in value.split(";"))):
            pieces = [p.strip() for p in part.split("|")]
            try:
                name, factor, price = pieces[0], int(pieces[1]), int(pieces[2])
                member = int(pieces[3]) if len(pieces) > 3 and pieces[3] else None
                codes = pieces[4].split() if len(pieces) > 4 else []
            except (IndexError, ValueError):
                self.problem("units", "import_units_invalid", value=part)
                continue
            units.append(UnitSpec(name, factor, price, member, barcodes=codes))
        return units

    def spec(self) -> ProductSpec | None:
        code = self.text("code", required=True)
        name = self.text("name", required=True)
        regular = self.money("regular_price_rp", required=True)
        money = {c: self.money(c) for c in MONEY[1:]}
        spec = ProductSpec(
            code=code,
            name=name,
            regular_price_rp=regular or 0,
            member_price_rp=money["member_price_rp"],
            ceiling_rp=money["ceiling_rp"],
            base_unit=self.text("base_unit") or "pcs",
            is_weighed=self.flag("is_weighed"),
            category=self.text("category") or None,
            business_unit=(self.text("business_unit") or "sembako").lower(),
            supplier=self.text("supplier") or None,
            cost_rp=money["cost_rp"] or 0,
            reorder_level_milli=self.qty("reorder_level"),
            track_batches=self.flag("track_batches"),
            drug_class=self.text("drug_class") or None,
            requires_nik=self.flag("requires_nik"),
            ppn_exempt=self.optional_flag("ppn_exempt"),
            aliases=self.text("aliases") if "aliases" in self.values else None,
            barcodes=self.text("barcodes").replace(";", " ").split(),
            units=self.units(),
            active=self.flag("active", default=True),
        )
        if self.problems:
            return None
        try:
            return validate_spec(spec)
        except ValidationError as exc:
            column = exc.field if isinstance(exc, TextError) else _CODE_COLUMN.get(exc.code, "name")
            if column == "price":
                column = "regular_price_rp"
            self.problem(column, exc.code, **exc.params)
            return None


# -- the service ------------------------------------------------------------------------------------
class ProductImportService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def preview(self, path: Path | str) -> ImportPreview:
        """Read and check the whole file; nothing is written. Every problem names its row and column."""
        path = Path(path)
        rows: list[ImportRow] = []
        problems: list[RowProblem] = []
        existing_codes = dict(ProductModel.select(ProductModel.code, ProductModel.id).tuples())
        barcode_owner = dict(BarcodeModel.select(BarcodeModel.code, BarcodeModel.product).tuples())
        names = dict(ProductModel.select(ProductModel.id, ProductModel.name).tuples())
        seen_codes: dict[str, int] = {}
        seen_barcodes: dict[str, int] = {}
        header_checked = False
        for row_no, values in enumerate(read_rows(path), start=2):
            if not header_checked:
                missing = [c for c in REQUIRED if c not in values]
                if missing:
                    raise ValidationError("import_missing_columns", columns=", ".join(missing))
                header_checked = True
            if not any(values.values()):
                continue  # blank lines at the end of a sheet
            parser = _RowParser(row_no, values)
            spec = parser.spec()
            if spec is not None:
                if spec.code in seen_codes:
                    parser.problem(
                        "code", "import_duplicate_in_file", value=spec.code, other=seen_codes[spec.code]
                    )
                seen_codes.setdefault(spec.code, row_no)
                existing = existing_codes.get(spec.code)
                for code in [*spec.barcodes, *(c for u in spec.units for c in u.barcodes)]:
                    if code in seen_barcodes:
                        parser.problem(
                            "barcodes", "import_duplicate_in_file", value=code, other=seen_barcodes[code]
                        )
                    seen_barcodes.setdefault(code, row_no)
                    owner = barcode_owner.get(code)
                    if owner is not None and owner != existing:
                        parser.problem("barcodes", "barcode_taken", code=code, name=names.get(owner, "?"))
                if not parser.problems:
                    rows.append(ImportRow(row_no, spec, existing))
            problems.extend(parser.problems)
        if not header_checked:
            raise ValidationError("import_missing_columns", columns=", ".join(REQUIRED))
        return ImportPreview(str(path), rows, problems)

    def commit(self, preview: ImportPreview, actor: Actor) -> int:
        """Write every row of a clean preview in one transaction (all or nothing); returns the count."""
        require(actor, "manage_products")
        if not preview.ok:
            raise ValidationError(
                "import_has_problems", count=len(preview.problems), rows=len(preview.bad_rows)
            )
        from kkmp_pos.services.stock.product_bulk import write_specs

        with self.ctx.db.atomic():
            write_specs(self.ctx, [(row.spec, row.existing_id) for row in preview.rows])
            audit(
                self.ctx,
                "product.imported",
                actor,
                path=preview.path,
                created=preview.new_count,
                updated=preview.update_count,
            )
        log.info("imported %s products from %s", len(preview.rows), preview.path)
        return len(preview.rows)

    # -- export (product_export.py) -------------------------------------------------------------------
    def export_rows(self) -> list[list[str]]:
        """Every product (inactive too) in the import columns, so an export can be imported back."""
        return product_export.export_rows(self.ctx)

    def export(self, path: Path | str) -> int:
        """Write all products to .csv (UTF-8 with BOM, for Excel) or .xlsx; returns the row count."""
        return product_export.export(self.ctx, path)
