"""The background checkpointer copies committed sales into the database file between sales."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from kkmp_pos.config import DB_FILENAME
from kkmp_pos.core.cart import Cart
from kkmp_pos.db.checkpoint import WalCheckpointer
from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod


def sell(till, cashier, count: int) -> None:  # type: ignore[no-untyped-def]
    item = till.catalog.lookup_barcode(till.catalog.search("beras")[0].code)
    for _ in range(count):
        cart = Cart()
        cart.add(item)
        till.sales.checkout(cart, [PaymentInput(PaymentMethod.CASH, 0, 1_000_000)], cashier)


def sales_in_file(path: Path) -> int:
    """Sales in the database file itself, ignoring the WAL (immutable=1 reads only the main file)."""
    con = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
    try:
        return con.execute("SELECT COUNT(*) FROM sale").fetchone()[0]
    finally:
        con.close()


def _settled_count(path: Path) -> int:
    """`sales_in_file` while a checkpoint may be copying pages: an immutable read can catch the file
    half copied ("malformed"), which only says the copy is not finished yet."""
    try:
        return sales_in_file(path)
    except sqlite3.DatabaseError:
        return -1


def test_sales_reach_the_database_file_without_a_checkpoint_in_any_commit(
    till, cashier, tmp_path: Path
) -> None:
    path = tmp_path / DB_FILENAME
    till.checkpointer.stop()  # the till's own one: this test watches a fresh one with a low threshold
    till.ctx.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    before = sales_in_file(path)
    sell(till, cashier, 5)  # far below the 1000 pages of SQLite's own automatic checkpoint
    assert sales_in_file(path) == before  # still only in the WAL
    checkpointer = WalCheckpointer(path, threshold_pages=1, interval_s=0.01)
    checkpointer.start()
    try:
        deadline = time.monotonic() + 5
        while _settled_count(path) < before + 5 and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        checkpointer.stop()
    assert checkpointer.runs >= 1
    assert sales_in_file(path) == before + 5


def test_closing_the_till_stops_its_checkpointer(till) -> None:
    thread = till.checkpointer._thread
    assert thread is not None and thread.is_alive()
    till.close()
    assert not thread.is_alive()
