"""The sync worker's writes come in short transactions of bounded size, so a sale never waits long
for the write lock while a backlog drains (the lock-hold times are in tests/benchmarks)."""

from __future__ import annotations

from kkmp_pos.app import open_till
from kkmp_pos.db import outbox as outbox_writer
from kkmp_pos.db.database import database
from kkmp_pos.db.models import OutboxEventModel
from kkmp_pos.sync.worker import sync_once
from tests.sync.support import new_till, seed_server, sell


def _transactions(statements: list[str]) -> list[list[str]]:
    """The statements between each BEGIN and its COMMIT."""
    found: list[list[str]] = []
    current: list[str] | None = None
    for sql in statements:
        head = sql.lstrip().split(None, 1)[0].upper()
        if head == "BEGIN":
            current = []
        elif head in ("COMMIT", "ROLLBACK") and current is not None:
            found.append(current)
            current = None
        elif current is not None:
            current.append(sql)
    return found


def test_a_pushed_backlog_is_recorded_in_transactions_of_bounded_size(tmp_path, sdb, live, monkeypatch):
    """35 queued sales, pushed as one batch, with a write chunk of 10: the enriched payloads and the
    server's answer go in transactions of at most 10 outbox rows each, and every event is acked."""
    seed_server(sdb)
    t1 = new_till(tmp_path / "t1", sdb, live.url)
    sell(t1, 35)
    monkeypatch.setattr(outbox_writer, "WRITE_CHUNK", 10, raising=False)
    till = open_till(t1)
    statements: list[str] = []
    try:
        database.connection().set_trace_callback(statements.append)
        report = sync_once(t1)
        database.connection().set_trace_callback(None)
        assert report.created == 35
        assert OutboxEventModel.select().where(OutboxEventModel.status == "pending").count() == 0
    finally:
        till.close()
    outbox_rows = [
        sum(1 for sql in tx if sql.lstrip().upper().replace('"', "").startswith("UPDATE OUTBOX_EVENT"))
        for tx in _transactions(statements)
    ]
    assert sum(outbox_rows) >= 70  # each event's payload saved once and its answer recorded once
    assert max(outbox_rows) <= 10
