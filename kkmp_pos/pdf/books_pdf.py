"""The books' reports as A4 PDFs: trial balance, PHU and neraca, drawn from the plain data the books
reports return (services/books/reports.py), through the stock PDFs' table layout."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kkmp_pos.core.money import format_rp
from kkmp_pos.pdf.stock_pdf import Column, TableDoc, render

_TYPES = {
    "asset": "Aset",
    "liability": "Kewajiban",
    "equity": "Ekuitas",
    "revenue": "Pendapatan",
    "expense": "Beban",
}


def _rp(value: int) -> str:
    return format_rp(value) if value else "-"


def trial_balance_pdf(data: dict[str, Any], shop: str, path: Path) -> Path:
    period = f"{data['from']} s.d. {data['to']}" if data.get("from") else f"Saldo per {data['to']}"
    doc = TableDoc(
        title="Neraca saldo",
        header_lines=[shop, period],
        columns=[
            Column("Akun", 20),
            Column("Nama", 80),
            Column("Jenis", 22),
            Column("Debit", 32, "RIGHT"),
            Column("Kredit", 32, "RIGHT"),
        ],
        rows=[
            [
                r["account"],
                r["name"],
                _TYPES.get(r["type"], r["type"]),
                _rp(r["debit_rp"]),
                _rp(r["credit_rp"]),
            ]
            for r in data["rows"]
        ],
        totals=["", "Jumlah", "", format_rp(data["total_debit_rp"]), format_rp(data["total_credit_rp"])],
    )
    return render(doc, path)


def phu_pdf(data: dict[str, Any], shop: str, path: Path) -> Path:
    rows: list[list[str]] = []
    for unit in data["units"]:
        for seg, label in (("member", "anggota"), ("nonmember", "non-anggota")):
            figures = unit[seg]
            if figures["revenue_rp"] or figures["cogs_rp"]:
                rows.append(
                    [
                        f"{unit['unit']} - {label}",
                        format_rp(figures["revenue_rp"]),
                        format_rp(figures["cogs_rp"]),
                        format_rp(figures["gross_profit_rp"]),
                    ]
                )
    for item in data["other_revenue"]:
        rows.append(
            [
                f"{item['account']} {item['name']}",
                format_rp(item["amount_rp"]),
                "",
                format_rp(item["amount_rp"]),
            ]
        )
    for item in data["expenses"]:
        rows.append(
            [
                f"{item['account']} {item['name']}",
                "",
                format_rp(item["amount_rp"]),
                format_rp(-item["amount_rp"]),
            ]
        )
    doc = TableDoc(
        title=f"Perhitungan hasil usaha {data['year']}",
        header_lines=[shop, "Per unit usaha, anggota dan non-anggota"],
        columns=[
            Column("Pos", 76),
            Column("Pendapatan", 34, "RIGHT"),
            Column("HPP / beban", 34, "RIGHT"),
            Column("Hasil", 34, "RIGHT"),
        ],
        rows=rows,
        totals=[
            "SHU",
            format_rp(data["total_revenue_rp"]),
            format_rp(data["total_expense_rp"]),
            format_rp(data["shu_rp"]),
        ],
    )
    return render(doc, path)


def neraca_pdf(data: dict[str, Any], shop: str, path: Path) -> Path:
    rows: list[list[str]] = []
    for key, label, total in (
        ("aset", "ASET", "total_aset_rp"),
        ("kewajiban", "KEWAJIBAN", "total_kewajiban_rp"),
        ("ekuitas", "EKUITAS", "total_ekuitas_rp"),
    ):
        rows.append([label, "", ""])
        rows += [[r["account"], r["name"], format_rp(r["amount_rp"])] for r in data[key]]
        rows.append(["", f"Jumlah {label.lower()}", format_rp(data[total])])
    doc = TableDoc(
        title=f"Neraca per {data['date']}",
        header_lines=[shop],
        columns=[Column("Akun", 22), Column("Nama", 110), Column("Jumlah", 40, "RIGHT")],
        rows=rows,
        totals=["", "Kewajiban + ekuitas", format_rp(data["total_kewajiban_rp"] + data["total_ekuitas_rp"])],
        signatures=["Ketua", "Bendahara", "Pengawas"],
    )
    return render(doc, path)
