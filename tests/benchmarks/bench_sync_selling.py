"""Selling while the sync worker drains a week's queue, and the sync benchmarks in the runner.

`sell_while_draining`: scan-to-line (catalog.lookup_barcode + Cart.add) on the benchmark shop, a sale
checked out every 10 scans, first idle, then while a SyncWorker thread in the same process drains
10,000 queued sales into a local server on 127.0.0.1 (its own process, as on a real network). Bar: p95
under 50 ms and at most the idle p95 + 10 ms.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from kkmp_pos.core.cart import Cart
from tests.benchmarks.bench_foundation import sample_barcodes, warm_catalog
from tests.benchmarks.harness import Bench, Figure, benchmark, ensure_shift, p95

ROOT = Path(__file__).resolve().parents[2]
SCANS_PER_SALE = 10


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_server(folder: Path) -> tuple[subprocess.Popen, str, str]:
    """A SQLite server in its own process with kop1/s1 and an enrolment code for t1."""
    from kkmp_pos.server import admin, schema
    from kkmp_pos.server.db import open_server_db

    url = f"sqlite:///{folder / 'server.db'}"
    sdb = open_server_db(url)
    schema.migrate(sdb)
    admin.create_cooperative(sdb, "kop1", "Koperasi 1")
    admin.create_store(sdb, "kop1", "s1", "Toko 1")
    code = admin.enrol_terminal(sdb, "kop1", "s1", "t1")
    sdb.close()
    port = _free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-m", "kkmp_pos.server.cli", "--database", url, "serve", "--port", str(port),
         "--log-level", "warning"],
        env=env,
        cwd=ROOT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return proc, base, code
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("server did not start")


def _queue_sales(count: int) -> None:
    """`count` sale events (3 lines each) in the outbox, as a till offline for a week has them."""
    from kkmp_pos.db import outbox
    from kkmp_pos.db.database import database
    from kkmp_pos.db.models import OutboxEventModel
    from tests.server.support import Till

    OutboxEventModel.update(status="acked").where(OutboxEventModel.status == "pending").execute()
    shape = Till("kop1", "s1", "t1", "")
    with database.atomic():
        for _ in range(count):
            env = shape.sale(15_000, lines=3)
            outbox.append_event(
                env["type"],
                env["payload"],
                occurred_at=env["occurred_at"],
                business_date=env["business_date"],
            )


def _ring_up(till, codes: list[str], cashier, samples: list[float], checkout_ms: list[float]) -> None:
    from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod

    cart = Cart()
    for i, code in enumerate(codes, start=1):
        started = time.perf_counter()
        cart.add(till.catalog.lookup_barcode(code))
        samples.append((time.perf_counter() - started) * 1000)
        if i % SCANS_PER_SALE == 0:
            started = time.perf_counter()
            payment = [PaymentInput(PaymentMethod.CASH, 0, till.sales.cash_due(cart) + 100_000)]
            till.sales.checkout(cart, payment, cashier)
            checkout_ms.append((time.perf_counter() - started) * 1000)
            cart = Cart()


@benchmark("sell_while_draining", issue=6)
def sell_while_draining(b: Bench) -> list[Figure]:
    from kkmp_pos.app import open_till
    from kkmp_pos.db.models import OutboxEventModel, UserModel
    from kkmp_pos.services.setup.auth import actor_of
    from kkmp_pos.sync.worker import SyncWorker, enrol_terminal

    folder = b.scratch_copy("sell-while-draining")
    proc, base, code = _start_server(folder)
    till = open_till(folder)
    ensure_shift(till)
    worker = None
    try:
        enrol_terminal(base, code)
        queued = b.reps(10_000, 10_000)
        _queue_sales(queued)
        cashier = actor_of(UserModel.get(UserModel.role == "kasir"))
        codes = sample_barcodes(folder / "kkmp-pos.db", 4000, seed=6)
        warm_catalog(folder / "kkmp-pos.db")
        for c in codes[:200]:
            till.catalog.lookup_barcode(c)
        idle: list[float] = []
        idle_checkout: list[float] = []
        _ring_up(till, codes[:1000], cashier, idle, idle_checkout)
        worker = SyncWorker(folder, debounce_s=0)
        worker.start()
        worker.sync_now()
        busy: list[float] = []
        busy_checkout: list[float] = []
        started = time.perf_counter()
        rest = codes[1000:]
        while rest and worker.status().last_success_at is None:
            _ring_up(till, rest[:SCANS_PER_SALE], cashier, busy, busy_checkout)
            rest = rest[SCANS_PER_SALE:]
        while worker.status().last_success_at is None and time.perf_counter() - started < 120:
            time.sleep(0.1)
        drain_s = time.perf_counter() - started
        left = OutboxEventModel.select().where(OutboxEventModel.status == "pending").count()
    finally:
        if worker is not None:
            worker.stop()
        till.close()
        proc.terminate()
        proc.wait(10)
    idle_p95 = p95(idle)
    return [
        Figure("scan-to-line p95, idle", idle_p95, "ms", bar_max=50),
        Figure(
            "scan-to-line p95, while draining",
            p95(busy),
            "ms",
            baseline=idle_p95,
            bar_max=min(50.0, idle_p95 + 10),
            note=f"{len(busy)} scans during the drain",
        ),
        Figure("checkout p95 while draining", p95(busy_checkout), "ms", baseline=p95(idle_checkout)),
        Figure(f"drain of {queued:,} sales while selling", drain_s, "s", note=f"{left} left"),
    ]


@benchmark("sync_http_ingest_pg", issue=6)
def sync_http_ingest_pg(b: Bench) -> list[Figure]:
    """HTTP push on PostgreSQL, batches of 500, per 1,000 sales (2,000 sales/s = 500 ms), beside the
    same rows inserted by plain psycopg2 execute_values."""
    from tests.benchmarks.bench_sync import bench_http_ingest

    url = os.environ.get("KKMP_TEST_POSTGRES_URL")
    if not url:
        return [Figure("HTTP ingest (PostgreSQL): KKMP_TEST_POSTGRES_URL not set", float("nan"), "ms")]
    r = bench_http_ingest(url, b.reps(20_000, 10_000))
    return [
        Figure(
            "HTTP ingest per 1,000 sales (PostgreSQL, 500/batch)",
            1_000_000 / r["http_sales_per_s"],
            "ms",
            baseline=1_000_000 / r["direct_sql_sales_per_s"],
            bar_max=500,
            note=f"{r['http_sales_per_s']} sales/s; plain SQL {r['direct_sql_sales_per_s']} sales/s",
        )
    ]


@benchmark("sync_drain_week", issue=6)
def sync_drain_week(b: Bench) -> list[Figure]:
    """A till offline for a week: 10,000 queued sales drained by one sync round (SQLite server, and
    PostgreSQL when KKMP_TEST_POSTGRES_URL is set)."""
    from tests.benchmarks.bench_sync import bench_drain

    figures = []
    url = os.environ.get("KKMP_TEST_POSTGRES_URL")
    for server_url in [None, url] if url else [None]:
        r = bench_drain(10_000, server_url)
        figures.append(
            Figure(f"drain 10,000 sales ({r['server']} server)", r["drain_s"], "s", bar_max=15,
                   note=f"stored {r['stored']}, waiting {r['waiting_after']}")
        )  # fmt: skip
    return figures
