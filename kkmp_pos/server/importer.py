"""Read catalog, price, ceiling and member rows from CSV or XLSX files for the admin import."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Any

from kkmp_pos.core.errors import ValidationError

# Column names people actually type (Indonesian or English) mapped to the API's field names.
ALIASES = {
    "kode": "code",
    "kode_barang": "code",
    "sku": "code",
    "nama": "name",
    "nama_barang": "name",
    "satuan": "unit",
    "kategori": "category",
    "aktif": "active",
    "harga": "price_rp",
    "harga_rp": "price_rp",
    "harga_anggota": "member_price_rp",
    "harga_anggota_rp": "member_price_rp",
    "jenis_harga": "price_type",
    "toko": "store_id",
    "het": "ceiling_rp",
    "het_rp": "ceiling_rp",
    "no_anggota": "member_no",
    "nomor_anggota": "member_no",
    "telepon": "phone",
    "hp": "phone",
    "alamat": "address",
}


def _key(header: object) -> str:
    text = str(header or "").strip().lower().replace(" ", "_").replace("-", "_")
    return ALIASES.get(text, text)


def read_rows(path: str | Path) -> list[dict[str, Any]]:
    """Rows as dicts keyed by normalised header; .xlsx (first sheet) or .csv (UTF-8, ',' or ';')."""
    path = Path(path)
    if not path.exists():
        raise ValidationError("file_not_found", path=str(path))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix in (".csv", ".txt"):
        return _read_csv(path)
    raise ValidationError("server_import_invalid", path=str(path), reason="use .csv or .xlsx")


def _read_csv(path: Path) -> list[dict[str, Any]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        reason = f"not UTF-8 text (byte {exc.start}); save it as CSV UTF-8"
        raise ValidationError("server_import_invalid", path=str(path), reason=reason) from None
    try:
        dialect: Any = csv.Sniffer().sniff(text.splitlines()[0] if text else ",", delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(text.splitlines(), dialect)
    rows = list(reader)
    if not rows:
        return []
    headers = [_key(h) for h in rows[0]]
    return [
        {h: (v.strip() if isinstance(v, str) else v) for h, v in zip(headers, row, strict=False) if h}
        for row in rows[1:]
        if any(cell.strip() for cell in row)
    ]


def _read_xlsx(path: Path) -> list[dict[str, Any]]:
    from openpyxl import load_workbook  # heavy: only when importing

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise ValidationError("server_import_invalid", path=str(path), reason=str(exc)) from None
    sheet = book.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    book.close()
    if not rows:
        return []
    headers = [_key(h) for h in rows[0]]
    out = []
    for row in rows[1:]:
        if all(cell in (None, "") for cell in row):
            continue
        out.append({h: _cell(v) for h, v in zip(headers, row, strict=False) if h and v is not None})
    return out


def _cell(value: Any) -> Any:
    """A spreadsheet cell as JSON would carry it: a date or time becomes its ISO text."""
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return value
