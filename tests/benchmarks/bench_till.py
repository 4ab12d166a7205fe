"""Cashier-screen benchmarks on the 100,000-product shop, measured through the real widgets:
search-as-you-type to the list updated, scan to the line visible, and the 60th line against the first."""

from __future__ import annotations

import os
import random
import sqlite3
import time

from tests.benchmarks.bench_foundation import sample_barcodes
from tests.benchmarks.harness import Bench, Figure, benchmark, median, p95


def _screen(b: Bench):  # type: ignore[no-untyped-def]
    """The real cashier screen, shown offscreen at 1366×768, logged in as the first cashier."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kkmp_pos.db.models import UserModel
    from kkmp_pos.gui.app import make_app
    from kkmp_pos.gui.selling.cashier_screen import CashierScreen
    from kkmp_pos.services.setup.auth import actor_of

    app = make_app()
    till = b.till()
    screen = CashierScreen(till)
    screen.resize(1366, 768)
    screen.show()
    app.processEvents()
    screen.start(actor_of(UserModel.select().where(UserModel.role == "kasir").order_by(UserModel.id).get()))
    return app, screen


def _close(app, screen) -> None:  # type: ignore[no-untyped-def]
    screen.close()
    screen.deleteLater()
    app.processEvents()


def word_prefixes(path, count: int, seed: int) -> list[str]:  # type: ignore[no-untyped-def]
    """2–5 letter prefixes of words that occur in product names (as a cashier would start typing)."""
    con = sqlite3.connect(path)
    try:
        words = [
            w for (w,) in con.execute("SELECT DISTINCT word FROM product_word") if w.isalpha() and len(w) >= 2
        ]
    finally:
        con.close()
    rng = random.Random(seed)
    prefixes = []
    for _ in range(count):
        word = rng.choice(words)
        prefixes.append(word[: rng.randint(2, min(5, len(word)))])
    return prefixes


@benchmark("search_as_you_type_widget", issue=3)
def search_as_you_type(b: Bench) -> list[Figure]:
    """From the last keystroke of a 2–5 letter prefix to the result list updated (events processed)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    app, screen = _screen(b)
    field = screen.scan_field
    prefixes = word_prefixes(b.db_path, b.reps(400, 100), seed=3)
    for prefix in prefixes[:20]:  # warm the page cache as a running till has it
        field.setText(prefix)
    samples: list[float] = []
    shown = 0
    for prefix in prefixes:
        screen.scan_box.reset()
        field.setText(prefix[:-1])  # the keys before the last one (not timed)
        app.processEvents()
        key = Qt.Key(ord(prefix[-1].upper()))
        t0 = time.perf_counter()
        QTest.keyClick(field, key, Qt.KeyboardModifier.NoModifier)
        app.processEvents()  # layout and paint of the list
        samples.append((time.perf_counter() - t0) * 1000)
        shown += screen.scan_box.model.rowCount() > 0
        assert field.text() == prefix.lower() or field.text() == prefix
    _close(app, screen)
    return [
        Figure("search keystroke → list (p95)", p95(samples), "ms", bar_max=30),
        Figure(
            "search keystroke → list (median)",
            median(samples),
            "ms",
            note=f"{shown}/{len(prefixes)} with results",
        ),
    ]


@benchmark("scan_to_visible_line", issue=3)
def scan_to_visible_line(b: Bench) -> list[Figure]:
    """A scanner's digits + Enter into the scan field until the new line is visible in the cart table."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    app, screen = _screen(b)
    field = screen.scan_field
    codes = sample_barcodes(b.db_path, b.reps(1500, 400), seed=5)
    for code in codes[:50]:
        b.till().catalog.lookup_barcode(code)
    samples: list[float] = []
    for code in codes:
        if len(screen.cart.lines) >= 30:
            screen.new_cart()
        field.setText(code)  # the digits arrive before Enter; only Enter starts the work
        t0 = time.perf_counter()
        QTest.keyClick(field, Qt.Key.Key_Return)
        app.processEvents()
        samples.append((time.perf_counter() - t0) * 1000)
        row = len(screen.cart.lines) - 1
        rect = screen.table.visualRect(screen.model.index(row, 1))
        assert screen.table.viewport().rect().intersects(rect), "the new line is not on screen"
    _close(app, screen)
    return [
        Figure("scan → line visible (p95)", p95(samples), "ms", bar_max=50),
        Figure("scan → line visible (median)", median(samples), "ms"),
    ]


@benchmark("sixtieth_line", issue=3)
def sixtieth_line(b: Bench) -> list[Figure]:
    """Time to add (scan → visible) the 1st and the 60th line of a cart, over many carts."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    app, screen = _screen(b)
    field = screen.scan_field
    carts = b.reps(40, 12)
    codes = sample_barcodes(b.db_path, carts * 60, seed=7)
    first: list[float] = []
    sixtieth: list[float] = []
    for c in range(carts):
        screen.new_cart()
        app.processEvents()
        for i, code in enumerate(codes[c * 60 : (c + 1) * 60]):
            field.setText(code)
            t0 = time.perf_counter()
            QTest.keyClick(field, Qt.Key.Key_Return)
            app.processEvents()
            took = (time.perf_counter() - t0) * 1000
            if i == 0:
                first.append(took)
            elif i == 59:
                sixtieth.append(took)
        assert len(screen.cart.lines) == 60
    _close(app, screen)
    base, last = median(first), median(sixtieth)
    within = last <= 1.2 * base or last - base <= 5
    return [
        Figure("cart line 1 (median)", base, "ms"),
        Figure(
            "cart line 60 (median) vs line 1",
            last,
            "ms",
            baseline=base,
            note=f"bar: ≤ 1.2× or ≤ +5 ms → {'PASS' if within else 'FAIL'} (+{last - base:.2f} ms)",
            ratio_max=None if last > 1.2 * base else 1.2,
            bar_max=base + 5 if last > 1.2 * base else None,
        ),
    ]
