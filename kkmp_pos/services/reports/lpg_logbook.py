"""The LPG 3 kg logbook Pertamina asks a pangkalan for: every subsidised sale with the buyer's NIK.

One row per sold line of a product that needs the buyer's NIK (net of returns; cancelled sales left
out), with totals per day. The NIK is masked unless a manager asks for the full number (an export for
Pertamina); that is personal data under UU 27/2022, so such an export is written to the audit log.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.core.money import format_qty, format_rp
from kkmp_pos.core.personal import mask
from kkmp_pos.core.spreadsheet import safe_row
from kkmp_pos.core.timeutil import from_iso, local
from kkmp_pos.services.audit import audit
from kkmp_pos.services.context import Actor, ServiceContext
from kkmp_pos.services.setup.auth import require

MAX_DAYS = 400
CSV_HEADER = ["tanggal", "jam", "no_struk", "nik", "barang", "jumlah", "satuan", "harga_rp", "total_rp"]


@dataclass(frozen=True)
class LpgEntry:
    business_date: str
    time: str  # store-local HH:MM
    receipt_no: str
    nik: str  # masked unless the logbook was made with full NIKs; '' when none was recorded
    product: str
    qty_milli: int
    unit_label: str
    unit_price_rp: int
    total_rp: int


@dataclass
class LpgLogbook:
    date_from: str
    date_to: str
    full_nik: bool
    entries: list[LpgEntry] = field(default_factory=list)

    def days(self) -> list[dict[str, Any]]:
        """Totals per business date: sales, quantity, rupiah."""
        found: dict[str, dict[str, Any]] = {}
        for e in self.entries:
            day = found.setdefault(
                e.business_date, {"date": e.business_date, "sales": 0, "qty_milli": 0, "total_rp": 0}
            )
            day["sales"] += 1
            day["qty_milli"] += e.qty_milli
            day["total_rp"] += e.total_rp
        return [found[k] for k in sorted(found)]

    @property
    def total_qty_milli(self) -> int:
        return sum(e.qty_milli for e in self.entries)

    @property
    def total_rp(self) -> int:
        return sum(e.total_rp for e in self.entries)

    def to_json(self) -> dict[str, Any]:
        return {
            "date_from": self.date_from,
            "date_to": self.date_to,
            "nik": "full" if self.full_nik else "masked",
            "entries": [e.__dict__ for e in self.entries],
            "days": self.days(),
            "total_qty_milli": self.total_qty_milli,
            "total_rp": self.total_rp,
        }

    def csv_text(self) -> str:
        """One row per sale line, then one 'TOTAL <date>' row per day (quantities as at the till: '1')."""
        out = io.StringIO()
        writer = csv.writer(out)

        def write(values: list[Any]) -> None:  # product names and receipt texts are typed by people
            writer.writerow(safe_row(values))

        write(CSV_HEADER)
        for e in self.entries:
            write(
                [
                    e.business_date,
                    e.time,
                    e.receipt_no,
                    e.nik,
                    e.product,
                    format_qty(e.qty_milli),
                    e.unit_label,
                    e.unit_price_rp,
                    e.total_rp,
                ]
            )
        for day in self.days():
            write(
                [day["date"], "", f"TOTAL {day['sales']} penjualan", "", "", format_qty(day["qty_milli"]), "",
                 "", day["total_rp"]]
            )  # fmt: skip
        return out.getvalue()

    def text_lines(self) -> list[str]:
        """A plain preview for the report screen and the command line."""
        lines = [f"Buku LPG 3 kg {self.date_from} s.d. {self.date_to}"]
        for e in self.entries:
            lines.append(
                f"{e.business_date} {e.time}  {e.receipt_no}  {e.nik or '-':<16}  "
                f"{format_qty(e.qty_milli, e.unit_label):>10}  {format_rp(e.total_rp):>10}"
            )
        for day in self.days():
            lines.append(
                f"TOTAL {day['date']}: {day['sales']} penjualan, {format_qty(day['qty_milli'])}, "
                f"{format_rp(day['total_rp'])}"
            )
        lines.append(f"TOTAL: {format_qty(self.total_qty_milli)}, {format_rp(self.total_rp)}")
        return lines


def _parse_day(text: str) -> str:
    try:
        return date.fromisoformat(text.strip()).isoformat()
    except (ValueError, AttributeError):
        raise ValidationError("report_date_invalid", text=text) from None


class LpgLogbookService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def logbook(
        self, actor: Actor | None, date_from: str, date_to: str, *, full_nik: bool = False
    ) -> LpgLogbook:
        """The logbook for business dates `date_from`..`date_to`. `actor` None only for the command line
        (someone with the data folder); in the app the full NIK needs a manager ('reports')."""
        if actor is not None:
            require(actor, "reports")
        start, end = _parse_day(date_from), _parse_day(date_to)
        days = (date.fromisoformat(end) - date.fromisoformat(start)).days + 1
        if days < 1 or days > MAX_DAYS:
            raise ValidationError("report_range_invalid", start=start, end=end, days=MAX_DAYS)
        rows = self.ctx.db.execute_sql(
            "SELECT s.business_date, s.created_at, s.receipt_no, s.buyer_nik, s.buyer_nik_last4, sl.name, "
            "sl.unit_label, "
            "sl.unit_price_rp, sl.qty_milli, sl.line_total_rp, "
            "COALESCE((SELECT SUM(rl.qty_milli) FROM sale_return_line rl WHERE rl.sale_line_id = sl.id), 0), "
            "COALESCE((SELECT SUM(rl.refund_rp) FROM sale_return_line rl WHERE rl.sale_line_id = sl.id), 0) "
            "FROM sale s JOIN sale_line sl ON sl.sale_id = s.id JOIN product p ON p.id = sl.product_id "
            "WHERE s.business_date BETWEEN ? AND ? AND s.status != 'cancelled' AND p.requires_nik = 1 "
            "ORDER BY s.created_at, s.receipt_no, sl.line_no",
            (start, end),
        )
        tz = self.ctx.store.timezone
        book = LpgLogbook(start, end, full_nik)
        for bdate, created, receipt, nik, tail, name, unit, price, qty, total, ret_qty, ret_rp in rows:
            if qty - ret_qty <= 0:
                continue  # brought back in full: not a sale any more
            book.entries.append(
                LpgEntry(
                    business_date=bdate,
                    time=local(from_iso(created), tz).strftime("%H:%M"),
                    receipt_no=receipt,
                    # in full only within the retention period (docs/PRIVACY.md); then its last 4
                    nik=(nik if full_nik and nik else mask(nik, tail)),
                    product=name,
                    qty_milli=qty - ret_qty,
                    unit_label=unit,
                    unit_price_rp=price,
                    total_rp=total - ret_rp,
                )
            )
        if full_nik:
            with self.ctx.db.atomic():
                audit(
                    self.ctx,
                    "lpg_logbook.full_nik",
                    actor,
                    date_from=start,
                    date_to=end,
                    entries=len(book.entries),
                )
        return book

    def write_csv(self, book: LpgLogbook, path: Path | str) -> Path:
        target = Path(path)
        target.write_text(book.csv_text(), encoding="utf-8", newline="")
        return target
