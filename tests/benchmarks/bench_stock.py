"""Stock benchmarks: the stock card of a product with 1,000,000 movements, importing 10,000
products, and the variance of a 5,000-product stock count."""

from __future__ import annotations

import csv
import sqlite3
from datetime import timedelta
from pathlib import Path

from kkmp_pos.config import DB_FILENAME
from kkmp_pos.core.barcodes import make_ean13
from kkmp_pos.core.ids import uuid7
from kkmp_pos.core.timeutil import to_iso, utc_now
from kkmp_pos.db.database import PRAGMAS
from kkmp_pos.db.models import UserModel
from kkmp_pos.services.setup.auth import actor_of
from kkmp_pos.services.stock.product_import import COLUMNS
from tests.benchmarks.harness import Bench, Figure, benchmark, median, p95, stopwatch

MOVEMENTS = 1_000_000


def _connect(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(path, isolation_level=None)
    for key, value in PRAGMAS.items():
        con.execute(f"PRAGMA {key}={value}")
    return con


def _add_movements(path: Path, count: int) -> int:
    """Give one product `count` movements (one a minute, going back in time) and a matching cache."""
    con = _connect(path)
    try:
        (product_id,) = con.execute(
            "SELECT id FROM product WHERE is_weighed = 0 ORDER BY id LIMIT 1"
        ).fetchone()
        (terminal,) = con.execute("SELECT id FROM terminal").fetchone()
        start = utc_now() - timedelta(minutes=count + 10)
        con.execute("BEGIN IMMEDIATE")
        batch, total = [], 0
        for i in range(count):
            qty = 5000 if i % 4 == 0 else -1000
            total += qty
            moment = start + timedelta(minutes=i)
            batch.append(
                (
                    uuid7(),
                    product_id,
                    qty,
                    "sale" if qty < 0 else "receipt",
                    f"bench-{i // 3}",
                    terminal,
                    to_iso(moment),
                    moment.date().isoformat(),
                )
            )
            if len(batch) == 50_000:
                con.executemany(_INSERT, batch)
                batch.clear()
        con.executemany(_INSERT, batch)
        con.execute("UPDATE product SET on_hand_milli = on_hand_milli + ? WHERE id = ?", (total, product_id))
        con.execute("COMMIT")
        return product_id
    finally:
        con.close()


_INSERT = (
    "INSERT INTO stock_movement (id, product_id, batch_id, qty_milli, kind, doc_id, unit_cost_rp, "
    "terminal_id, created_at, business_date) VALUES (?, ?, NULL, ?, ?, ?, 0, ?, ?, ?)"
)


@benchmark("stock_card_1m_movements", issue=4)
def stock_card_1m_movements(b: Bench) -> list[Figure]:
    from kkmp_pos.app import open_till
    from kkmp_pos.services.stock.figures import StockService

    folder = b.scratch_copy("stock_card")
    product_id = _add_movements(folder / DB_FILENAME, MOVEMENTS)
    till = open_till(folder)
    try:
        stock = StockService(till.ctx)
        first, deep = [], []
        page = stock.stock_card(product_id)  # warm the page cache once, as a screen would
        for _ in range(b.reps(full=50, quick=10)):
            with stopwatch(first):
                page = stock.stock_card(product_id, limit=200)
        assert len(page.rows) == 200 and page.rows[0].balance_milli == stock.on_hand(product_id)
        # Half a million rows back costs the same: the balance comes with the cursor.
        con = _connect(folder / DB_FILENAME)
        (created_at, rowid) = con.execute(
            "SELECT created_at, rowid FROM stock_movement WHERE product_id = ? "
            "ORDER BY created_at DESC, rowid DESC LIMIT 1 OFFSET 500000",
            (product_id,),
        ).fetchone()
        (newer,) = con.execute(
            "SELECT COALESCE(SUM(qty_milli), 0) FROM stock_movement WHERE product_id = ? AND "
            "(created_at, rowid) > (?, ?)",
            (product_id, created_at, rowid),
        ).fetchone()
        con.close()
        deep_cursor = (created_at, rowid + 1, stock.on_hand(product_id) - newer)
        for _ in range(b.reps(full=50, quick=10)):
            with stopwatch(deep):
                stock.stock_card(product_id, limit=200, cursor=deep_cursor)
    finally:
        till.close()
    return [
        Figure("stock card, newest 200 rows of 1,000,000 (p95)", p95(first), "ms", bar_max=100),
        Figure("stock card, 200 rows 500,000 back (p95)", p95(deep), "ms", bar_max=100),
    ]


def _import_file(path: Path, count: int) -> None:
    """10,000 rows by column name, so a column added to the import format later cannot shift them."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, restval="")
        writer.writeheader()
        for i in range(count):
            writer.writerow(
                {
                    "code": f"BIMP{i:06d}",
                    "name": f"Barang Impor Benchmark {i}",
                    "business_unit": "sembako",
                    "category": f"Impor {i % 20}",
                    "base_unit": "pcs",
                    "is_weighed": "0",
                    "regular_price_rp": str(5000 + i),
                    "member_price_rp": str(4900 + i),
                    "cost_rp": str(4000 + i),
                    "supplier": "Perum Bulog",
                    "requires_nik": "0",
                    "track_batches": "0",
                    "reorder_level": "5",
                    "barcodes": make_ean13(f"897{i:09d}"),
                    "units": f"Dus 12|12000|{60000 + i}|" if i % 4 == 0 else "",
                    "active": "1",
                }
            )


@benchmark("import_10k_products", issue=4)
def import_10k_products(b: Bench) -> list[Figure]:
    from kkmp_pos.app import open_till
    from kkmp_pos.services.stock.product_import import ProductImportService

    folder = b.scratch_copy("import")
    path = folder / "produk.csv"
    _import_file(path, 10_000)
    till = open_till(folder)
    try:
        manager = actor_of(UserModel.get(UserModel.role == "manajer"))
        importer = ProductImportService(till.ctx)
        samples: list[float] = []
        with stopwatch(samples, scale=1.0):
            preview = importer.preview(path)
            assert preview.ok, preview.problems[:3]
            importer.commit(preview, manager)
    finally:
        till.close()
    return [Figure("import 10,000 products (preview + write)", samples[0], "s", bar_max=10)]


@benchmark("count_variance_5k", issue=4)
def count_variance_5k(b: Bench) -> list[Figure]:
    from kkmp_pos.app import open_till
    from kkmp_pos.services.stock.counts import StockCountService

    folder = b.scratch_copy("count")
    con = _connect(folder / DB_FILENAME)
    con.execute("INSERT INTO category (name) VALUES ('Bench 5000')")
    (category_id,) = con.execute("SELECT id FROM category WHERE name = 'Bench 5000'").fetchone()
    con.execute(
        "UPDATE product SET category_id = ? "
        "WHERE id IN (SELECT id FROM product WHERE active ORDER BY id LIMIT 5000)",
        (category_id,),
    )
    con.close()
    till = open_till(folder)
    try:
        manager = actor_of(UserModel.get(UserModel.role == "manajer"))
        counts = StockCountService(till.ctx)
        count = counts.start(manager, category="Bench 5000")
        # Everything counted (as if typed in), with three movements after counting for every 10th product.
        now = till.ctx.now_iso()
        till.ctx.db.execute_sql(
            "UPDATE stock_count_line SET counted_milli = expected_milli + (product_id % 7 - 3) * 1000, "
            "counted_at = ?, counted_by_id = ? WHERE count_id = ?",
            (now, manager.user_id, count.id),
        )
        later = to_iso(utc_now() + timedelta(seconds=5))
        rows = [
            (uuid7(), pid, -1000, "sale", "bench", till.ctx.terminal.id, later, later[:10])
            for (pid,) in till.ctx.db.execute_sql(
                "SELECT product_id FROM stock_count_line WHERE count_id = ? AND product_id % 10 = 0",
                (count.id,),
            ).fetchall()
            for _ in range(3)
        ]
        with till.ctx.db.atomic():
            till.ctx.db.cursor().executemany(_INSERT, rows)
        samples: list[float] = []
        for _ in range(b.reps(full=10, quick=3)):
            with stopwatch(samples):
                report = counts.variances(count.id, manager)
        assert len(report.lines) == 5000 and len(report.counted) == 5000
        approve: list[float] = []
        with stopwatch(approve):
            counts.approve(count.id, manager)
    finally:
        till.close()
    return [
        Figure("variance of a 5,000-product count (median)", median(samples), "ms", bar_max=1000),
        Figure("approving it (posting the adjustments)", approve[0], "ms"),
    ]
