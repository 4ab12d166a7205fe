"""Report benchmarks: the Z report of a shift with 2,000 sales (< 1 s) and a month report of about
60,000 sales (< 5 s), both through the progress callback the GUI shows, plus their PDFs."""

from __future__ import annotations

import sqlite3
import time
from datetime import date, timedelta

from kkmp_pos.config import DB_FILENAME
from kkmp_pos.core.ids import uuid7
from kkmp_pos.db.database import PRAGMAS
from tests.benchmarks.harness import Bench, Figure, benchmark, median

Z_SALES = 2_000
MONTH_DAYS = 30


def _shift_of_busiest_day(con: sqlite3.Connection) -> tuple[str, int]:
    """Put 2,000 completed sales of the busiest day into one closed shift; returns (shift id, sales)."""
    bdate, _count = con.execute(
        "SELECT business_date, COUNT(*) FROM sale WHERE status = 'completed' "
        "GROUP BY 1 ORDER BY 2 DESC LIMIT 1"
    ).fetchone()
    rows = con.execute(
        "SELECT id, created_at FROM sale WHERE business_date = ? AND status = 'completed' "
        "ORDER BY created_at LIMIT ?",
        (bdate, Z_SALES),
    ).fetchall()
    (user_id,) = con.execute("SELECT id FROM user WHERE role = 'kasir' ORDER BY id LIMIT 1").fetchone()
    shift_id = uuid7()
    con.execute("BEGIN IMMEDIATE")
    con.execute(
        "INSERT INTO shift (id, user_id, status, opened_at, closed_at, business_date, opening_float_rp, "
        "opening_detail, counted_cash_rp, counted_detail, expected_cash_rp, difference_rp) "
        "VALUES (?, ?, 'closed', ?, ?, ?, 200000, '{}', NULL, '{}', NULL, NULL)",
        (shift_id, user_id, rows[0][1], rows[-1][1], bdate),
    )
    con.executemany("UPDATE sale SET shift_id = ? WHERE id = ?", [(shift_id, r[0]) for r in rows])
    con.execute("COMMIT")
    return shift_id, len(rows)


def _busiest_month(con: sqlite3.Connection) -> tuple[str, str, int]:
    per_day = dict(con.execute("SELECT business_date, COUNT(*) FROM sale GROUP BY 1").fetchall())
    days = sorted(per_day)
    best = (days[0], days[0], 0)
    for first in days:
        last = (date.fromisoformat(first) + timedelta(days=MONTH_DAYS - 1)).isoformat()
        count = sum(n for d, n in per_day.items() if first <= d <= last)
        if count > best[2]:
            best = (first, last, count)
    return best


@benchmark("reports", issue=5)
def reports(b: Bench) -> list[Figure]:
    from kkmp_pos.app import open_till
    from kkmp_pos.services.reports.service import (
        build_period_report,
        period_document,
        shift_report,
        shift_report_document,
    )

    folder = b.scratch_copy("reports")
    con = sqlite3.connect(folder / DB_FILENAME, isolation_level=None)
    for key, value in PRAGMAS.items():
        con.execute(f"PRAGMA {key}={value}")
    shift_id, z_sales = _shift_of_busiest_day(con)
    first, last, month_sales = _busiest_month(con)
    con.close()
    till = open_till(folder)
    try:
        z_times, z_pdf_times, month_times, month_pdf_times = [], [], [], []
        z_progress: list[int] = []
        month_progress: list[int] = []
        for _ in range(b.reps(full=5, quick=2)):
            start = time.perf_counter()
            report = shift_report(
                till.ctx, shift_id, final=True, progress=lambda d, t, s: z_progress.append(d)
            )
            shift_report_document(till.ctx, report)
            z_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            till.reports.save_pdf(report, b.workdir / "z.pdf")
            z_pdf_times.append(time.perf_counter() - start)
        assert report.facts.completed.sale_count == z_sales
        for _ in range(b.reps(full=3, quick=1)):
            start = time.perf_counter()
            month = build_period_report(
                till.ctx, first, last, kind="range", progress=lambda d, t, s: month_progress.append(d)
            )
            period_document(till.ctx, month)
            month_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            till.reports.save_pdf(month, b.workdir / "month.pdf")
            month_pdf_times.append(time.perf_counter() - start)
    finally:
        till.close()
    return [
        Figure(f"Z report, {z_sales} sales (data + slip, progress {len(set(z_progress))} steps)",
               median(z_times), "s", bar_max=1.0),
        Figure("Z report PDF", median(z_pdf_times), "s", bar_max=1.0),
        Figure(f"month report, {month.facts.completed.sale_count} sales in {first}..{last} "
               f"(progress {len(set(month_progress))} steps)", median(month_times), "s", bar_max=5.0),
        Figure("month report PDF", median(month_pdf_times), "s", bar_max=5.0),
        Figure("sales in the month window", month_sales, "sales"),
    ]  # fmt: skip
