"""Every table of the board as CSV or XLSX, formula-safe (core.spreadsheet)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Any

from openpyxl import Workbook

from kkmp_pos.core.spreadsheet import safe_row


@dataclass
class Table:
    """A table as the page shows it and the export writes it: (key, heading, kind) columns."""

    key: str
    title: str
    columns: list[tuple[str, str, str]]  # kind: text | rp | int | pct
    rows: list[dict[str, Any]] = field(default_factory=list)
    footnote: str = ""

    def values(self) -> list[list[Any]]:
        return [[row.get(key, "") for key, _, _ in self.columns] for row in self.rows]


def to_csv(table: Table) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(safe_row(h for _, h, _ in table.columns))
    for values in table.values():
        writer.writerow(safe_row(values))
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # the BOM: Excel reads it as UTF-8


def to_xlsx(table: Table) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(table.key[:31])
    sheet.append(safe_row(h for _, h, _ in table.columns))
    for values in table.values():
        sheet.append(safe_row(values))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
