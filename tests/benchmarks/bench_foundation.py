"""Benchmarks of the basics: scan to cart line, committing a 5-line cash sale, and cold start to the login."""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from kkmp_pos.core.cart import Cart
from kkmp_pos.core.ids import uuid7
from kkmp_pos.core.timeutil import to_iso, utc_now
from kkmp_pos.db.database import PRAGMAS
from kkmp_pos.db.models import UserModel
from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod
from kkmp_pos.services.setup.auth import actor_of
from tests.benchmarks.harness import Bench, Figure, benchmark, median, p95, stopwatch

HERE = Path(__file__).parent


def bare_connection(path: Path) -> sqlite3.Connection:
    """sqlite3 with the production pragmas, autocommit (we issue BEGIN IMMEDIATE ourselves)."""
    con = sqlite3.connect(path, isolation_level=None)
    for key, value in PRAGMAS.items():
        con.execute(f"PRAGMA {key}={value}")
    return con


def sample_barcodes(path: Path, count: int, seed: int) -> list[str]:
    """Barcodes of active generated products, spread over the whole catalog."""
    con = sqlite3.connect(path)
    try:
        codes = [
            c
            for (c,) in con.execute(
                "SELECT b.code FROM barcode b JOIN product p ON p.id = b.product_id "
                "WHERE p.active AND p.code LIKE 'G%' AND b.unit_id IS NULL"
            )
        ]
    finally:
        con.close()
    return random.Random(seed).sample(codes, count)


def warm_catalog(path: Path) -> None:
    """Read the catalog tables once, so the OS caches them as it does on a till that has been selling.

    The working copy was just written; on this shared box other jobs may have pushed it out of the page
    cache, and a scan figure should measure our code, not a disk read.
    """
    con = sqlite3.connect(path)
    try:
        con.execute("SELECT COUNT(*), SUM(length(product_id)) FROM barcode").fetchone()
        con.execute("SELECT SUM(on_hand_milli), SUM(length(name)) FROM product").fetchone()
        con.execute("SELECT COUNT(*) FROM product_unit").fetchone()
    finally:
        con.close()


BARE_LOOKUP = (
    "SELECT p.id, p.code, p.name, p.base_unit, p.regular_price_rp, p.member_price_rp, p.ceiling_rp, "
    "p.business_unit, p.is_weighed, p.requires_nik, p.drug_class, p.track_batches, p.on_hand_milli, "
    "p.active, "
    "u.id, u.name, u.factor_milli, u.regular_price_rp, u.member_price_rp, u.ceiling_rp, u.active "
    "FROM barcode b JOIN product p ON p.id = b.product_id LEFT JOIN product_unit u ON u.id = b.unit_id "
    "WHERE b.code = ?"
)


@benchmark("scan_to_cart", issue=2)
def scan_to_cart(b: Bench) -> list[Figure]:
    """A barcode scan through catalog.lookup_barcode + Cart.add, beside the bare sqlite3 lookup."""
    till = b.till()
    codes = sample_barcodes(b.db_path, b.reps(3000, 1000), seed=2)
    warm_catalog(b.db_path)
    for code in codes[:100]:
        till.catalog.lookup_barcode(code)
    service: list[float] = []
    cart = Cart()
    for code in codes:
        if len(cart.lines) >= 30:
            cart = Cart()
        with stopwatch(service):
            cart.add(till.catalog.lookup_barcode(code))
    con = bare_connection(b.db_path)
    bare: list[float] = []
    lines: list[tuple[object, ...]] = []
    for code in codes:
        if len(lines) >= 30:
            lines = []
        with stopwatch(bare):
            lines.append(con.execute(BARE_LOOKUP, (code,)).fetchone())
    con.close()
    return [
        Figure("scan → cart line p95 (service layer)", p95(service), "ms", baseline=p95(bare), bar_max=5),
        Figure("scan → cart line median (service layer)", median(service), "ms", baseline=median(bare)),
    ]


def five_line_carts(till: object, path: Path, count: int) -> list[Cart]:
    codes = sample_barcodes(path, count * 5, seed=5)
    carts = []
    for i in range(count):
        cart = Cart()
        for code in codes[i * 5 : i * 5 + 5]:
            cart.add(till.catalog.lookup_barcode(code))  # type: ignore[attr-defined]
        carts.append(cart)
    return carts


@benchmark("checkout_5_lines", issue=2)
def checkout_5_lines(b: Bench) -> list[Figure]:
    """SaleService.checkout of a 5-line cash sale, beside the same rows written with bare sqlite3."""
    till = b.till()
    cashier = actor_of(UserModel.get(UserModel.role == "kasir"))
    count = b.reps(300, 100)
    carts = five_line_carts(till, b.db_path, count + 10)
    service: list[float] = []
    for i, cart in enumerate(carts):
        payment = [PaymentInput(PaymentMethod.CASH, 0, till.sales.cash_due(cart) + 50_000)]
        if i < 10:  # warm-up
            till.sales.checkout(cart, payment, cashier)
            continue
        with stopwatch(service):
            till.sales.checkout(cart, payment, cashier)
    bare = bare_checkouts(b.db_path, carts[10:], cashier.user_id)
    return [
        Figure("checkout 5-line cash sale p95", p95(service), "ms", baseline=p95(bare), bar_max=15),
        Figure(
            "checkout 5-line cash sale median vs bare SQL",
            median(service),
            "ms",
            baseline=median(bare),
            ratio_max=4,
            note="baseline: the same rows written by hand with sqlite3 in the same run (issue 10: ≤ 4×)",
        ),
    ]


def bare_checkouts(path: Path, carts: list[Cart], cashier_id: int) -> list[float]:
    """The rows checkout writes (sale, lines, movements + caches, payment, outbox, print job, best-seller
    figures), by hand."""
    con = bare_connection(path)
    store_code, terminal_id, terminal_code, number = con.execute(
        "SELECT s.code, t.id, t.code, t.number FROM store s, terminal t"
    ).fetchone()
    samples: list[float] = []
    for cart in carts:
        with stopwatch(samples):
            now = utc_now()
            now_iso, bdate = to_iso(now), now.date().isoformat()
            ymd = bdate[2:4] + bdate[5:7] + bdate[8:10]
            prefix = f"{number:02d}{ymd}"
            sale_id = uuid7()
            con.execute("BEGIN IMMEDIATE")
            row = con.execute(
                "SELECT receipt_code FROM sale WHERE receipt_code BETWEEN ? AND ? ORDER BY receipt_code DESC "
                "LIMIT 1",
                (prefix + "0000", prefix + "9999"),
            ).fetchone()
            seq_no = int(row[0][-4:]) + 1 if row else 1
            receipt_no = f"{store_code}-{terminal_code}-{ymd}-{seq_no:04d}"
            total = sum(line.total_rp for line in cart.lines)
            con.execute(
                "INSERT INTO sale (id, receipt_no, receipt_code, terminal_id, cashier_id, shift_id, "
                "member_id, status, subtotal_rp, discount_rp, total_rp, rounding_rp, paid_rp, change_rp, "
                "member_savings_rp, created_at, business_date) "
                "VALUES (?, ?, ?, ?, ?, NULL, NULL, 'completed', ?, 0, ?, 0, ?, 0, 0, ?, ?)",
                (sale_id, receipt_no, f"{prefix}{seq_no:04d}", terminal_id, cashier_id, total, total, total,
                 now_iso, bdate),
            )  # fmt: skip
            lines = [
                (sale_id, n, ln.item.product_id, ln.item.name, ln.item.unit_label, ln.qty_milli,
                 ln.base_qty_milli, ln.unit_price_rp, ln.item.regular_price_rp, str(ln.price_type),
                 ln.total_rp)
                for n, ln in enumerate(cart.lines, start=1)
            ]  # fmt: skip
            con.executemany(
                "INSERT INTO sale_line (sale_id, line_no, product_id, unit_id, name, unit_label, qty_milli, "
                "base_qty_milli, unit_price_rp, regular_price_rp, price_type, discount_rp, line_total_rp) "
                "VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
                lines,
            )
            moves = [(uuid7(), ln.item.product_id, -ln.base_qty_milli) for ln in cart.lines]
            for move_id, product_id, qty in moves:
                con.execute(
                    "INSERT INTO stock_movement (id, product_id, batch_id, qty_milli, kind, doc_id, "
                    "unit_cost_rp, terminal_id, created_at, business_date) "
                    "VALUES (?, ?, NULL, ?, 'sale', ?, 0, ?, ?, ?)",
                    (move_id, product_id, qty, sale_id, terminal_id, now_iso, bdate),
                )
                con.execute(
                    "UPDATE product SET on_hand_milli = on_hand_milli + ? WHERE id = ?", (qty, product_id)
                )
            con.execute(
                "INSERT INTO payment (id, sale_id, method, amount_rp, tendered_rp, change_rp, reference, "
                "status, created_at) VALUES (?, ?, 'cash', ?, ?, 0, '', 'confirmed', ?)",
                (uuid7(), sale_id, total, total, now_iso),
            )
            (seq,) = con.execute("SELECT next_seq FROM terminal WHERE id = ?", (terminal_id,)).fetchone()
            con.execute("UPDATE terminal SET next_seq = next_seq + 1 WHERE id = ?", (terminal_id,))
            payload = json.dumps(
                {"sale_id": sale_id, "lines": lines, "movements": moves}, separators=(",", ":")
            )
            con.execute(
                "INSERT INTO outbox_event (seq, event_id, type, schema_version, occurred_at, business_date, "
                "payload, status) VALUES (?, ?, 'sale.completed', 1, ?, ?, ?, 'pending')",
                (seq, uuid7(), now_iso, bdate, payload),
            )
            con.execute(
                "INSERT INTO print_job (kind, doc_id, document, is_copy, status, attempts, printer_uri, "
                "created_at) VALUES ('receipt', ?, '{}', 0, 'pending', 0, 'dummy://', ?)",
                (sale_id, now_iso),
            )
            con.executemany(  # the 30-day best-seller figures search ranks by
                "INSERT INTO product_popularity (product_id, sold_30d_milli, refreshed_on) VALUES (?, ?, ?) "
                "ON CONFLICT (product_id) DO UPDATE "
                "SET sold_30d_milli = sold_30d_milli + excluded.sold_30d_milli",
                [(product_id, -qty, bdate) for _id, product_id, qty in moves],
            )
            con.execute("COMMIT")
    con.close()
    return samples


def launch_until_shown(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    """Wall seconds from spawning the process until it prints SHOWN (its window was painted)."""
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("SHOWN"):
            elapsed = time.perf_counter() - started
            proc.wait(timeout=60)
            return elapsed, line.split()[1]
    proc.wait(timeout=60)
    raise RuntimeError(
        f"{command[1:3]} never showed its window: {proc.stderr.read()[-2000:] if proc.stderr else ''}"
    )


@benchmark("cold_start", issue=2)
def cold_start(b: Bench) -> list[Figure]:
    """A fresh process on the benchmark shop until the login window is painted, beside a bare window."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env["KKMP_POS_EXIT_WHEN_SHOWN"] = "1"
    env["PYTHONPATH"] = str(HERE.parents[1])
    # An installed till runs from compiled bytecode (pip and PyInstaller compile it); with
    # PYTHONDONTWRITEBYTECODE set, as on our CI boxes, every start would compile the package again.
    # The untimed first launches write the bytecode to a cache outside the checkout.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(b.workdir / "pycache")
    app = [sys.executable, "-m", "kkmp_pos", "--data-dir", str(b.shop_dir)]
    bare = [sys.executable, str(HERE / "bare_window.py")]
    launch_until_shown(app, env)  # once untimed each: the OS caches the libraries, as after any boot
    launch_until_shown(bare, env)
    app_times, bare_times, reported = [], [], []
    for _ in range(5):  # median of 5 also in --quick: it is the bar's definition
        seconds, own = launch_until_shown(app, env)
        app_times.append(seconds)
        reported.append(own)
        bare_times.append(launch_until_shown(bare, env)[0])
    return [
        Figure(
            "cold start to login window (median of 5)",
            median(app_times),
            "s",
            baseline=median(bare_times),
            ratio_max=3,
            note=f"process-reported SHOWN: {', '.join(reported)} s; baseline = bare PySide6 QWidget",
        )
    ]
