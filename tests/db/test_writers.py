"""The two db writers in bulk: the ledger's rows move each cache by their net sum, on peewee's connection
or a plain sqlite3 one; the outbox's events get consecutive sequence numbers and the sequence moves on."""

from __future__ import annotations

import json
import sqlite3

from kkmp_pos.config import DB_FILENAME
from kkmp_pos.db.ledger import MovementRow, record_movements
from kkmp_pos.db.models import (
    BatchModel,
    OutboxEventModel,
    ProductModel,
    StockMovementModel,
    TerminalModel,
)
from kkmp_pos.db.outbox import NewEvent, append_event, append_events
from tests.services.stock_support import ledger_mismatches

NOW = "2026-01-05T02:00:00.000Z"


def _row(n: int, product_id: int, qty: int, batch_id: int | None = None) -> MovementRow:
    return MovementRow(f"mv-{n}", product_id, batch_id, qty, "remote", "doc", 0, "T2", NOW, "2026-01-05")


def test_the_bulk_ledger_rows_name_every_column_of_the_ledger():
    assert set(MovementRow._fields) == set(StockMovementModel._meta.columns)


def test_bulk_movements_move_product_and_batch_caches_by_their_net_sum(till):
    product = ProductModel.get(ProductModel.code == "SPHP5")
    batch = BatchModel.create(product=product.id, batch_no="W1", expiry=None, on_hand_milli=0)
    with till.ctx.db.atomic():
        record_movements(
            [
                _row(1, product.id, 5_000, batch.id),
                _row(2, product.id, -2_000, batch.id),
                _row(3, product.id, 1_000),
                _row(4, product.id, -1_000),  # nets to nothing with the one before
            ]
        )
    assert ProductModel.get_by_id(product.id).on_hand_milli == product.on_hand_milli + 3_000
    assert BatchModel.get_by_id(batch.id).on_hand_milli == 3_000
    assert StockMovementModel.select().where(StockMovementModel.id.startswith("mv-")).count() == 4
    assert ledger_mismatches() == []


def test_bulk_movements_run_on_a_plain_sqlite_connection(till):
    product = ProductModel.get(ProductModel.code == "SPHP5")
    con = sqlite3.connect(till.ctx.data_dir / DB_FILENAME, isolation_level=None)
    try:
        con.execute("BEGIN IMMEDIATE")
        record_movements([_row(1, product.id, 7_000), _row(2, product.id, 1_000)], con)
        con.execute("COMMIT")
    finally:
        con.close()
    assert ProductModel.get_by_id(product.id).on_hand_milli == product.on_hand_milli + 8_000
    assert ledger_mismatches() == []


def test_bulk_events_take_consecutive_numbers_after_the_single_writer(till):
    with till.ctx.db.atomic():
        single = append_event("x.single", {"n": 0}, occurred_at=NOW, business_date="2026-01-05")
        first = append_events(
            [
                NewEvent("e-1", "x.bulk", NOW, "2026-01-05", {"n": 1}),
                NewEvent("e-2", "x.bulk", NOW, "2026-01-05", '{"n":2}', acked_at=NOW),
            ]
        )
        after = append_event("x.single", {"n": 3}, occurred_at=NOW, business_date="2026-01-05")
    assert (first, after.seq) == (single.seq + 1, single.seq + 3)
    rows = {
        e.event_id: e for e in OutboxEventModel.select().where(OutboxEventModel.event_id.startswith("e-"))
    }
    assert (rows["e-1"].seq, rows["e-1"].status, json.loads(rows["e-1"].payload)) == (
        first,
        "pending",
        {"n": 1},
    )
    assert (rows["e-2"].seq, rows["e-2"].status, rows["e-2"].acked_at) == (first + 1, "acked", NOW)
    assert TerminalModel.get().next_seq == single.seq + 4
