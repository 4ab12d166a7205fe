"""The rows and titles of the shift X/Z and period reports: what the thermal slips and the PDFs print."""

from __future__ import annotations

from kkmp_pos.core.money import format_rp
from kkmp_pos.core.receipt import PAYMENT_LABELS
from kkmp_pos.core.reports import PeriodReport, ShiftReport
from kkmp_pos.core.timeutil import from_iso, local

BUSINESS_UNITS = {"sembako": "Sembako", "lpg": "LPG", "obat": "Obat"}


def payment_label(method: str) -> str:
    return PAYMENT_LABELS.get(method, method)


def local_text(timezone: str, iso: str | None) -> str:
    """A stored UTC time as the store's local date and time ('-' when there is none)."""
    if not iso:
        return "-"
    return local(from_iso(iso), timezone).strftime("%d-%m-%Y %H:%M")


# -- shift reports (X / Z) ---------------------------------------------------------------------------
def shift_report_rows(r: ShiftReport, timezone: str) -> list[str | tuple[str, str]]:
    """The rows of an X/Z slip (also the PDF's body)."""
    f = r.facts
    rows: list[str | tuple[str, str]] = [
        ("Kasir", r.cashier),
        ("Tanggal usaha", r.business_date),
        ("Buka", local_text(timezone, r.opened_at)),
        ("Tutup", local_text(timezone, r.closed_at)),
        ("Cetak", local_text(timezone, r.printed_at)),
        "---",
        ("Jumlah transaksi", str(f.completed.sale_count)),
        ("Total penjualan", format_rp(f.completed.total_rp)),
    ]
    for method, amount in sorted(f.by_payment.items()):
        rows.append((f"  {payment_label(method)}", format_rp(amount)))
    if f.completed.rounding_rp:
        rows.append(("  Pembulatan", format_rp(f.completed.rounding_rp)))
    if f.qris_pending[0]:
        rows.append((f"QRIS menunggu ({f.qris_pending[0]})", format_rp(f.qris_pending[1])))
    if f.cancelled.sale_count:
        rows.append((f"Batal ({f.cancelled.sale_count})", format_rp(f.cancelled.total_rp)))
    if f.cancelled_later.sale_count:
        later = f.cancelled_later
        rows.append((f"Batal hari lalu ({later.sale_count})", format_rp(-later.total_rp)))
    rows += [
        "---",
        ("Modal awal", format_rp(r.opening_float_rp)),
        ("Penjualan tunai", format_rp(r.cash_sales_rp)),
        ("Simpanan tunai", format_rp(r.savings_cash_rp)),
        ("Kas masuk", format_rp(r.cash_in_rp)),
        ("Kas keluar", format_rp(-r.cash_out_rp)),
    ]
    if r.cash_refunds_rp:
        rows.append(("Batal/retur tunai", format_rp(-r.cash_refunds_rp)))
    for kind, amount, reason, _at, _who in r.moves:
        if kind in ("in", "out"):
            sign = 1 if kind == "in" else -1
            rows.append((f"  {reason}", format_rp(sign * amount)))
    rows.append(("KAS SEHARUSNYA", format_rp(r.expected_rp)))
    if r.counted_rp is not None:
        rows.append(("Kas dihitung", format_rp(r.counted_rp)))
        rows.append(("SELISIH", format_rp(r.difference_rp or 0)))
        rows.append(("Disetujui", r.approved_by or "-"))
    if r.final and r.left_rp is not None:
        rows.append(("Setoran", format_rp(r.deposit_rp)))
        rows.append(("Sisa di laci", format_rp(r.left_rp)))
    return rows


def shift_report_title(r: ShiftReport) -> str:
    return "LAPORAN Z (TUTUP SHIFT)" if r.final else "LAPORAN X (SEMENTARA)"


# -- end of day and ranges -----------------------------------------------------------------------------
def period_title(r: PeriodReport) -> str:
    if r.kind == "eod":
        return f"LAPORAN HARIAN {r.date_from}"
    return f"LAPORAN {r.date_from} s/d {r.date_to}"


def period_rows(r: PeriodReport) -> list[str | tuple[str, str]]:
    """The short thermal version: totals, payment methods, business units, voids, QRIS, shifts."""
    f = r.facts
    rows: list[str | tuple[str, str]] = [
        ("Jumlah transaksi", str(f.completed.sale_count)),
        ("TOTAL PENJUALAN", format_rp(f.completed.total_rp)),
    ]
    if f.completed.rounding_rp:
        rows.append(("Pembulatan tunai", format_rp(f.completed.rounding_rp)))
    rows += ["---", "Per cara bayar"]
    rows += [(f"  {payment_label(m)}", format_rp(v)) for m, v in sorted(f.by_payment.items())]
    rows += ["Per unit usaha"]
    rows += [(f"  {BUSINESS_UNITS.get(k, k)}", format_rp(v)) for k, v in r.by_business_unit.items()]
    rows += [
        "---",
        (f"Anggota ({f.member.sale_count})", format_rp(f.member.total_rp)),
        (f"Bukan anggota ({f.non_member.sale_count})", format_rp(f.non_member.total_rp)),
        ("Diskon", format_rp(f.completed.discount_rp)),
        ("Hemat anggota", format_rp(f.completed.member_savings_rp)),
        (f"Batal ({f.cancelled.sale_count})", format_rp(f.cancelled.total_rp)),
        (f"Retur ({f.returns.sale_count})", format_rp(f.returns.total_rp)),
        *(
            [(f"Batal hari lalu ({f.cancelled_later.sale_count})", format_rp(f.cancelled_later.total_rp))]
            if f.cancelled_later.sale_count
            else []
        ),
        (f"QRIS diterima ({f.qris_confirmed[0]})", format_rp(f.qris_confirmed[1])),
        (f"QRIS menunggu ({f.qris_pending[0]})", format_rp(f.qris_pending[1])),
    ]
    if r.ppn is not None:
        rows += ["---", *r.ppn_rows()]
    if r.shifts:
        rows += ["---", "Selisih kas per shift"]
        for s in r.shifts:
            diff = "terbuka" if s["difference_rp"] is None else format_rp(s["difference_rp"])
            rows.append((f"  {s['cashier']}", diff))
    return rows
