"""A shop three years old (`demo create --products 100000 --days 1095`: 100,000 products, 600,060 sales
over 1,095 days): is it as fast as a new one? Not in the default run: `run.py --only three_year_shop`.

The shop is built once into the work folder (cached by the generator's key), or taken from
KKMP_BENCH_3Y_DIR (a folder made by `kkmp-pos --data-dir DIR demo create --products 100000 --days
1095`); the benchmark works on a copy. It reports the file size before and after the first start-up
housekeeping (which prunes three years of acknowledged sync events and printed jobs), the time of that
first housekeeping and of the next day's, the daily backup, the best-seller refresh, scan and checkout
p95, cold start, and the longest write-lock hold of the background jobs (bar: < 50 ms).
"""

from __future__ import annotations

import fcntl
import os
import shutil
import sys
import time
from datetime import timedelta
from pathlib import Path

from kkmp_pos.config import DB_FILENAME
from tests.benchmarks.bench_foundation import (
    five_line_carts,
    launch_until_shown,
    sample_barcodes,
    warm_catalog,
)
from tests.benchmarks.harness import Bench, Figure, benchmark, copy_shop, ensure_shift, median, p95, stopwatch
from tests.benchmarks.lock_hold import LockHolds

HERE = Path(__file__).resolve().parent
PRODUCTS = 100_000
DAYS = 1_095
SALES = 548 * DAYS


def _mb(path: Path) -> float:
    return path.stat().st_size / 1e6


def three_year_shop(workdir: Path) -> Path:
    """The pristine three-year shop: KKMP_BENCH_3Y_DIR, or built once under `workdir`."""
    given = os.environ.get("KKMP_BENCH_3Y_DIR")
    if given:
        return Path(given)
    from kkmp_pos.devtools.bulkgen import generate_large_shop
    from tests.benchmarks.run import SEED, shop_key

    folder = workdir / f"shop-3y-{shop_key(PRODUCTS, SALES)}"
    with (workdir / "shop-3y.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder / DB_FILENAME).exists():
            building = workdir / f"building-3y-{os.getpid()}"
            shutil.rmtree(building, ignore_errors=True)
            print(f"building the three-year shop ({PRODUCTS:,} products, {SALES:,} sales) …", flush=True)
            generate_large_shop(building, products=PRODUCTS, past_sales=SALES, seed=SEED, days=DAYS)
            building.rename(folder)
    return folder


def _cold_start(b: Bench, folder: Path, runs: int) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env["KKMP_POS_EXIT_WHEN_SHOWN"] = "1"
    env["PYTHONPATH"] = str(HERE.parents[1])
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(b.workdir / "pycache")
    app = [sys.executable, "-m", "kkmp_pos", "--data-dir", str(folder)]
    launch_until_shown(app, env)
    return median([launch_until_shown(app, env)[0] for _ in range(runs)])


def _member_checkout(till, db_path: Path, cashier, count: int) -> Figure:  # type: ignore[no-untyped-def]
    """Checkout with the busiest member attached: the purchase caps read that member's purchases in
    their window, inside the sale's transaction."""
    from kkmp_pos.db.models import MemberModel
    from kkmp_pos.services.members.lookup import member_ref
    from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod

    (member_id, sales) = till.ctx.db.execute_sql(
        "SELECT member_id, COUNT(*) FROM sale WHERE member_id IS NOT NULL GROUP BY member_id "
        "ORDER BY 2 DESC LIMIT 1"
    ).fetchone()
    member = member_ref(MemberModel.get_by_id(member_id))
    samples: list[float] = []
    for i, cart in enumerate(five_line_carts(till, db_path, count + 5)):
        cart.set_member(member)
        payment = [PaymentInput(PaymentMethod.CASH, 0, till.sales.cash_due(cart) + 50_000)]
        if i < 5:
            till.sales.checkout(cart, payment, cashier)
            continue
        with stopwatch(samples):
            till.sales.checkout(cart, payment, cashier)
    return Figure(
        "3-year shop: checkout 5-line p95, busiest member attached",
        p95(samples),
        "ms",
        bar_max=15,
        note=f"the member has {sales:,} past sales",
    )


@benchmark("three_year_shop", issue=10, default=False)
def three_year_shop_figures(b: Bench) -> list[Figure]:
    from kkmp_pos.app import open_till
    from kkmp_pos.db.models import UserModel
    from kkmp_pos.services.selling import popularity
    from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod
    from kkmp_pos.services.setup.auth import actor_of

    pristine = three_year_shop(b.workdir)
    folder = b.shop_dir / "scratch" / "three-years"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    db_path = folder / DB_FILENAME
    copy_shop(pristine, folder)
    size_before = _mb(db_path)
    figures = [Figure("3-year shop: file size as built", size_before, "MB")]

    till = open_till(folder)
    ensure_shift(till)
    try:
        real = till.ctx.clock
        holds = LockHolds(till.ctx.db)
        with holds:
            started = time.perf_counter()
            first = till.maintenance.run_startup()
            first_s = time.perf_counter() - started
        pruned = first.pruned
        figures.append(
            Figure(
                "3-year shop: first start-up housekeeping (prunes 3 years)",
                first_s,
                "s",
                note=f"pruned {pruned.events if pruned else 0:,} events, "
                f"{pruned.print_jobs if pruned else 0:,} print jobs; backup {first.backup is not None}",
            )
        )
        first_max = holds.max_ms
        till.ctx.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        figures.append(
            Figure("3-year shop: file size after pruning", _mb(db_path), "MB", baseline=size_before)
        )

        till.ctx.clock = lambda: real() + timedelta(days=1)
        started = time.perf_counter()
        backup = till.maintenance.daily_backup()
        figures.append(
            Figure(
                "3-year shop: daily backup",
                time.perf_counter() - started,
                "s",
                note=f"{_mb(backup):,.0f} MB" if backup else "",
            )
        )
        compact = folder / "compact-copy.db"
        started = time.perf_counter()
        till.ctx.db.execute_sql("VACUUM INTO ?", (str(compact),))
        figures.append(
            Figure(
                "3-year shop: a compacted copy (VACUUM INTO) after pruning",
                time.perf_counter() - started,
                "s",
                note=f"{_mb(compact):,.0f} MB: what a backup made this way would take",
            )
        )
        compact.unlink()
        till.ctx.clock = lambda: real() + timedelta(days=2)
        daily = LockHolds(till.ctx.db)
        with daily:
            started = time.perf_counter()
            till.maintenance.run_startup()
            figures.append(
                Figure(
                    "3-year shop: start-up housekeeping, a day later",
                    time.perf_counter() - started,
                    "s",
                    note="quick_check + backup + best-seller refresh + pruning",
                )
            )
            started = time.perf_counter()
            popularity.refresh(till.ctx, till.ctx.business_date())
            figures.append(Figure("3-year shop: best-seller refresh", time.perf_counter() - started, "s"))
        figures.append(
            Figure(
                "3-year shop: background jobs' longest write-lock hold",
                max(first_max, daily.max_ms),
                "ms",
                bar_max=50,
                note=f"{len(holds.samples) + len(daily.samples)} transactions; first housekeeping "
                f"{first_max:.1f} ms, a day later {daily.max_ms:.1f} ms; longest: {holds.longest()}",
            )
        )
        till.ctx.clock = real

        codes = sample_barcodes(db_path, b.reps(2000, 600), seed=3)
        warm_catalog(db_path)
        for code in codes[:100]:
            till.catalog.lookup_barcode(code)
        scans: list[float] = []
        for code in codes:
            with stopwatch(scans):
                till.catalog.lookup_barcode(code)
        figures.append(Figure("3-year shop: scan p95", p95(scans), "ms", bar_max=5))
        cashier = actor_of(UserModel.get(UserModel.role == "kasir"))
        checkouts: list[float] = []
        for i, cart in enumerate(five_line_carts(till, db_path, b.reps(150, 60) + 10)):
            payment = [PaymentInput(PaymentMethod.CASH, 0, till.sales.cash_due(cart) + 50_000)]
            if i < 10:
                till.sales.checkout(cart, payment, cashier)
                continue
            with stopwatch(checkouts):
                till.sales.checkout(cart, payment, cashier)
        figures.append(Figure("3-year shop: checkout 5-line p95", p95(checkouts), "ms", bar_max=15))
        figures.append(_member_checkout(till, db_path, cashier, b.reps(100, 40)))
    finally:
        till.close()
    figures.append(Figure("3-year shop: cold start to login (median of 3)", _cold_start(b, folder, 3), "s"))
    return figures
