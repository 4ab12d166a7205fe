"""Reports as A4 PDFs with reportlab (imported when this module is, i.e. only when a PDF is made)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from kkmp_pos.core.money import format_number, format_qty, format_rp
from kkmp_pos.core.report_rows import (
    BUSINESS_UNITS,
    payment_label,
    period_title,
    shift_report_rows,
    shift_report_title,
)
from kkmp_pos.core.reports import MemberReport, PeriodReport, ShiftReport

_STYLES = getSampleStyleSheet()
_GRID = TableStyle(
    [
        ("FONT", (0, 0), (-1, -1), "Helvetica", 9),
        ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 9),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
)


def _table(
    header: list[str], rows: list[list[Any]], widths: list[float] | None = None, right_from: int = 1
) -> Table:
    """A grid with a header row; columns from `right_from` on hold numbers and align right."""
    table = Table([header, *rows], colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(_GRID)
    table.setStyle(TableStyle([("ALIGN", (right_from, 1), (-1, -1), "RIGHT")]))
    return table


def _heading(text: str) -> Paragraph:
    return Paragraph(text, _STYLES["Heading3"])


def _doc(path: Path, title: str) -> SimpleDocTemplate:
    path.parent.mkdir(parents=True, exist_ok=True)
    return SimpleDocTemplate(
        str(path),
        pagesize=A4,
        title=title,
        author="KKMP POS",
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
    )


def _bar_chart(values: list[tuple[str, int]], title: str) -> Drawing:
    """A bar chart of rupiah per label (hours of the day, or days of a range)."""
    width, height = 170 * mm, 65 * mm
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 40, 25
    chart.width, chart.height = width - 55, height - 45
    data = [v for _, v in values] or [0]
    chart.data = [data]
    chart.categoryAxis.categoryNames = [label for label, _ in values] or [""]
    chart.categoryAxis.labels.fontSize = 6
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontSize = 6
    chart.valueAxis.labelTextFormat = lambda v: format_number(int(v) // 1000) + "rb"
    chart.bars[0].fillColor = colors.HexColor("#c62828")
    drawing.add(chart)
    drawing.add(String(40, height - 12, title, fontName="Helvetica-Bold", fontSize=9))
    return drawing


def _pairs_table(pairs: list[tuple[str, str]]) -> Table:
    table = Table(pairs, colWidths=[80 * mm, 50 * mm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), "Helvetica", 9),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey),
            ]
        )
    )
    return table


def period_pdf(r: PeriodReport, path: Path) -> None:
    f = r.facts
    story: list[Any] = [
        Paragraph(r.cooperative_name, _STYLES["Heading2"]),
        Paragraph(r.store_name, _STYLES["Normal"]),
        Paragraph(period_title(r), _STYLES["Title"]),
        _pairs_table(
            [
                ("Jumlah transaksi", str(f.completed.sale_count)),
                ("Total penjualan (bersih)", format_rp(f.completed.total_rp)),
                ("Pembulatan tunai", format_rp(f.completed.rounding_rp)),
                ("Diskon", format_rp(f.completed.discount_rp)),
                ("Hemat anggota", format_rp(f.completed.member_savings_rp)),
            ]
        ),
        _heading("Per cara bayar"),
        _table(
            ["Cara bayar", "Jumlah"],
            [[payment_label(m), format_rp(v)] for m, v in sorted(f.by_payment.items())],
            [80 * mm, 50 * mm],
        ),
        _heading("Per unit usaha"),
        _table(
            ["Unit usaha", "Jumlah"],
            [[BUSINESS_UNITS.get(k, k), format_rp(v)] for k, v in r.by_business_unit.items()],
            [80 * mm, 50 * mm],
        ),
        _heading("Anggota dan bukan anggota"),
        _table(
            ["", "Transaksi", "Jumlah"],
            [
                ["Anggota", str(f.member.sale_count), format_rp(f.member.total_rp)],
                ["Bukan anggota", str(f.non_member.sale_count), format_rp(f.non_member.total_rp)],
            ],
            [60 * mm, 30 * mm, 40 * mm],
        ),
    ]
    if r.kind == "eod":
        first, last = min([6, *f.by_hour]), max([22, *f.by_hour])
        hours = [(f"{h:02d}", f.by_hour.get(h, 0)) for h in range(first, last + 1)]
        story += [Spacer(1, 4 * mm), _bar_chart(hours, "Penjualan per jam")]
    else:
        days = sorted(f.by_day.items())
        story += [Spacer(1, 4 * mm), _bar_chart([(d[8:], v) for d, v in days], "Penjualan per hari")]
        story += [
            _heading("Per hari"),
            _table(["Tanggal", "Jumlah"], [[d, format_rp(v)] for d, v in days], [60 * mm, 50 * mm]),
        ]
    story += [
        _heading("Per kategori"),
        _table(
            ["Kategori", "Jumlah"],
            [[k, format_rp(v)] for k, v in r.by_category.items()],
            [80 * mm, 50 * mm],
        ),
        _heading(f"{len(r.top_products)} barang terlaris"),
        _table(
            ["Kode", "Barang", "Qty", "Jumlah"],
            [
                [p.code, p.name[:40], format_qty(p.base_qty_milli, p.base_unit), format_rp(p.total_rp)]
                for p in r.top_products
            ],
            [20 * mm, 80 * mm, 30 * mm, 35 * mm],
            right_from=2,
        ),
        _heading("Batal, retur dan QRIS"),
        _table(
            ["", "Jumlah", "Nilai"],
            [
                ["Penjualan batal", str(f.cancelled.sale_count), format_rp(f.cancelled.total_rp)],
                ["Retur", str(f.returns.sale_count), format_rp(f.returns.total_rp)],
                [
                    "Batal dari hari sebelumnya",
                    str(f.cancelled_later.sale_count),
                    format_rp(f.cancelled_later.total_rp),
                ],
                ["QRIS diterima", str(f.qris_confirmed[0]), format_rp(f.qris_confirmed[1])],
                ["QRIS menunggu", str(f.qris_pending[0]), format_rp(f.qris_pending[1])],
            ],
            [60 * mm, 30 * mm, 40 * mm],
        ),
    ]
    if r.ppn is not None:
        story += [
            _heading("PPN"),
            _pairs_table(r.ppn_rows()),
        ]
    story += [
        _heading("Rekonsiliasi kas per shift"),
        _table(
            ["Kasir", "Tanggal", "Modal", "Seharusnya", "Dihitung", "Selisih", "Disetujui"],
            [
                [
                    s["cashier"],
                    s["business_date"],
                    format_rp(s["opening_float_rp"]),
                    _rp(s["expected_cash_rp"]),
                    _rp(s["counted_cash_rp"]),
                    _rp(s["difference_rp"]),
                    s["approved_by"] or "-",
                ]
                for s in r.shifts
            ]
            or [["-", "", "", "", "", "", ""]],
            right_from=2,
        ),
    ]
    _doc(path, period_title(r)).build(story)


def _rp(value: int | None) -> str:
    return "-" if value is None else format_rp(value)


def shift_pdf(r: ShiftReport, path: Path, *, cooperative_name: str, timezone: str) -> None:
    rows = shift_report_rows(r, timezone)
    pairs = [row if isinstance(row, tuple) else (row if row != "---" else "", "") for row in rows]
    story = [
        Paragraph(cooperative_name, _STYLES["Heading2"]),
        Paragraph(shift_report_title(r), _STYLES["Title"]),
        _pairs_table(pairs),
    ]
    _doc(path, shift_report_title(r)).build(story)


def members_pdf(r: MemberReport, path: Path) -> None:
    title = f"Belanja anggota {r.date_from} s/d {r.date_to}"
    story = [
        Paragraph(r.cooperative_name, _STYLES["Heading2"]),
        Paragraph(title, _STYLES["Title"]),
        Paragraph("Dasar perhitungan SHU (belanja bersih anggota).", _STYLES["Normal"]),
        Spacer(1, 3 * mm),
        _table(
            ["No. anggota", "Nama", "Transaksi", "Belanja bersih", "Hemat"],
            [
                [
                    m["number"],
                    m["name"],
                    str(m["sale_count"]),
                    format_rp(m["total_rp"]),
                    format_rp(m["savings_rp"]),
                ]
                for m in r.rows
            ]
            + [["", "TOTAL", str(sum(m["sale_count"] for m in r.rows)), format_rp(r.total_rp), ""]],
            [28 * mm, 60 * mm, 22 * mm, 35 * mm, 30 * mm],
            right_from=2,
        ),
    ]
    _doc(path, title).build(story)


def audit_pdf(title: str, rows: list[list[str]], path: Path) -> None:
    """The audit log (or a filtered part of it) as a table."""
    story = [
        Paragraph(title, _STYLES["Title"]),
        _table(
            ["Waktu", "Pengguna", "Tindakan", "Disetujui", "Rincian"],
            [
                # Action words and details wrap inside their columns.
                [Paragraph(escape(c), _STYLES["BodyText"]) if i in (2, 4) else c for i, c in enumerate(r)]
                for r in rows
            ]
            or [["-", "", "", "", ""]],
            [30 * mm, 30 * mm, 30 * mm, 25 * mm, 65 * mm],
            right_from=5,
        ),
    ]
    _doc(path, title).build(story)
