"""The sync worker's writes come in short transactions of bounded size, so a sale never waits long
for the write lock while a backlog drains (the lock-hold times are in tests/benchmarks)."""

from __future__ import annotations

from kkmp_pos.app import open_till
from kkmp_pos.db import outbox as outbox_writer
from kkmp_pos.db.database import database
from kkmp_pos.db.models import OutboxEventModel
from kkmp_pos.sync.worker import sync_once
from tests.sync.support import new_till, seed_server, sell
from tests.write_trace import traced_transactions, writes_to


def test_a_pushed_backlog_is_recorded_in_transactions_of_bounded_size(tmp_path, sdb, live, monkeypatch):
    """35 queued sales, pushed as one batch, with a write chunk of 10: the enriched payloads and the
    server's answer go in transactions of at most 10 outbox rows each, and every event is acked."""
    seed_server(sdb)
    t1 = new_till(tmp_path / "t1", sdb, live.url)
    sell(t1, 35)
    monkeypatch.setattr(outbox_writer, "WRITE_CHUNK", 10, raising=False)
    till = open_till(t1)
    try:
        with traced_transactions(database.connection()) as transactions:
            report = sync_once(t1)
        assert report.created == 35
        assert OutboxEventModel.select().where(OutboxEventModel.status == "pending").count() == 0
    finally:
        till.close()
    outbox_rows = [writes_to(tx, "outbox_event") for tx in transactions]
    assert sum(outbox_rows) >= 70  # each event's payload saved once and its answer recorded once
    assert max(outbox_rows) <= 10
