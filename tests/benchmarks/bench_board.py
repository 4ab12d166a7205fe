"""The board's pages at scale (issue 18): PostgreSQL holding 1,000 cooperatives × 2 stores × 1 year of
daily rollups (the whole store and three business units a day: ~2.9 million rows, written by COPY),
then the Today-and-this-month page of one cooperative and the regional page of a Dinas with ten
cooperatives, each asked 100 times over HTTP; bar: p95 < 300 ms. `--quick`: 100 cooperatives.

    python -m tests.benchmarks.bench_board [--quick]      (KKMP_TEST_POSTGRES_URL must be set)
"""

from __future__ import annotations

import datetime as dt
import io
import os
import sys
import time

import httpx

from tests.benchmarks.harness import Bench, Figure, benchmark, median, p95

UNITS = ("", "sembako", "lpg", "apotek")
ASKS = 100


def _seed(sdb, coops: int, days: int) -> None:
    from kkmp_pos.server.auth import utc_now

    now = utc_now()
    first = dt.date(2026, 1, 1)
    cursor = sdb.database.cursor()
    coop_rows = io.StringIO()
    store_rows = io.StringIO()
    for c in range(coops):
        coop = f"k{c:04d}"
        coop_rows.write(f"{coop}\tKoperasi {c}\t{now}\t73{c // 10:04d}\n")
        for s in (1, 2):
            store_rows.write(f"{coop}\ts{s}\tToko {s}\tAsia/Makassar\t{now}\n")
    cursor.copy_expert(
        'COPY "cooperative" ("cooperative_id", "name", "created_at", "region_code") FROM STDIN',
        io.StringIO(coop_rows.getvalue()),
    )
    cursor.copy_expert(
        'COPY "store" ("cooperative_id", "store_id", "name", "timezone", "created_at") FROM STDIN',
        io.StringIO(store_rows.getvalue()),
    )
    columns = (
        '"cooperative_id", "business_date", "store_id", "business_unit", "sale_count", "sales_rp", '
        '"member_sale_count", "member_sales_rp", "cash_rp", "qris_rp", "other_pay_rp", "refund_rp", '
        '"cancelled_count"'
    )
    for start in range(0, coops, 50):
        out = io.StringIO()
        for c in range(start, min(coops, start + 50)):
            for d in range(days):
                day = (first + dt.timedelta(days=d)).isoformat()
                for s in (1, 2):
                    n = 40 + (c + d + s) % 30
                    for unit in UNITS:
                        if unit:
                            out.write(f"k{c:04d}\t{day}\ts{s}\t{unit}\t0\t{n * 6000}\t0\t0\t0\t0\t0\t0\t0\n")
                        else:
                            rp = n * 18000
                            out.write(
                                f"k{c:04d}\t{day}\ts{s}\t\t{n}\t{rp}\t{n // 2}\t{rp // 2}\t{rp * 4 // 5}\t"
                                f"{rp // 5}\t0\t{3000}\t1\n"
                            )
        out.seek(0)
        cursor.copy_expert(f'COPY "daily_rollup" ({columns}) FROM STDIN', out)
    sdb.database.commit()
    sdb.database.execute_sql("ANALYZE daily_rollup")


def _timed(client: httpx.Client, path: str) -> list[float]:
    samples = []
    for _ in range(ASKS):
        began = time.perf_counter()
        answer = client.get(path)
        samples.append((time.perf_counter() - began) * 1000)
        assert answer.status_code == 200, (path, answer.status_code)
    return samples


def run(pg_url: str, quick: bool) -> list[Figure]:
    from kkmp_pos.server import schema
    from kkmp_pos.server.app import build_app
    from kkmp_pos.server.db import drop_schema, open_server_db
    from kkmp_pos.server.live import start_server
    from kkmp_pos.server.web import users
    from tests.server.support import unique_schema_url
    from tests.server.web import board

    coops = 100 if quick else 1000
    url = unique_schema_url(pg_url)
    sdb = open_server_db(url)
    try:
        schema.migrate(sdb)
        began = time.perf_counter()
        with sdb.database.connection_context():
            _seed(sdb, coops, 365)
        seeded_s = time.perf_counter() - began
        users.create_user(sdb, "k0007", "ketua", board.PASSWORD, "pengurus")
        users.create_user(sdb, "", "dinas", board.PASSWORD, "dinas", region="730000")
        server = start_server(build_app(sdb))
        try:
            figures = []
            for coop, name, path in (
                ("k0007", "ketua", "/web/k/k0007/?day=2026-12-15"),
                ("", "dinas", "/web/wilayah?day=2026-12-15"),
            ):
                with httpx.Client(base_url=server.url, timeout=60) as client:
                    board.log_in(client, coop, name)
                    client.get(path)  # warm
                    samples = _timed(client, path)
                page = "today" if coop else "region (10 cooperatives)"
                figures.append(Figure(f"{page} page p95", p95(samples), "ms", bar_max=300))
                figures.append(Figure(f"{page} page median", median(samples), "ms"))
            figures.append(Figure(f"seeding {coops} cooperatives' rollups (COPY)", seeded_s, "s"))
            return figures
        finally:
            server.stop()
    finally:
        sdb.close()
        drop_schema(url)


@benchmark("board_pages", issue=18, default=False)
def board_pages(b: Bench) -> list[Figure]:
    pg_url = os.environ.get("KKMP_TEST_POSTGRES_URL")
    if not pg_url:
        return [Figure("board pages (needs KKMP_TEST_POSTGRES_URL)", 0, "skipped")]
    return run(pg_url, b.quick)


if __name__ == "__main__":
    for figure in run(os.environ["KKMP_TEST_POSTGRES_URL"], "--quick" in sys.argv):
        print(
            f"{figure.name}: {figure.value:.1f} {figure.unit}"
            + (f" (bar {figure.bar_max})" if figure.bar_max else "")
        )
