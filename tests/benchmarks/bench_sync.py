"""Sync benchmarks (issue 6): HTTP ingest on PostgreSQL vs direct SQL, and a week's queue draining.

Entry point for the benchmark runner: `run_sync_benchmarks(pg_url=None, sales=20_000,
queued=10_000) -> dict` (pg_url defaults to KKMP_TEST_POSTGRES_URL). Also `python -m
tests.benchmarks.bench_sync` prints the figures as JSON.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from kkmp_pos.server import auth, schema
from kkmp_pos.server.app import create_app
from kkmp_pos.server.db import drop_schema, open_server_db
from kkmp_pos.server.live import start_server
from kkmp_pos.server.projections import Rows, project
from kkmp_pos.sync.wire import validate_envelope
from tests.server.support import Till, seed, unique_schema_url


def _events(till: Till, count: int) -> list[dict[str, Any]]:
    return [till.sale(15_000 + i % 1000, lines=3) for i in range(count)]


def bench_http_ingest(pg_url: str, sales: int = 20_000, batch: int = 500) -> dict[str, Any]:
    """Sales/s through POST /v1/sync/push (batches of `batch`), and the same rows inserted directly."""
    url = unique_schema_url(pg_url)
    app = create_app(url)
    server = start_server(app)
    try:
        world = seed(app.state.sdb)
        till = world["tills"]["t1"]
        events = _events(till, sales)
        with httpx.Client(base_url=server.url, timeout=120, headers=till.headers) as client:
            started = time.perf_counter()
            for i in range(0, sales, batch):
                r = client.post("/v1/sync/push", json={"events": events[i : i + batch]})
                r.raise_for_status()
            http_s = time.perf_counter() - started
    finally:
        server.stop()
        app.state.sdb.close()
        drop_schema(url)
    direct_s = _direct_insert(pg_url, events, batch)
    http_rate = sales / http_s
    direct_rate = sales / direct_s
    return {
        "sales": sales,
        "batch": batch,
        "http_sales_per_s": round(http_rate),
        "direct_sql_sales_per_s": round(direct_rate),
        "http_to_direct_ratio": round(http_rate / direct_rate, 2),
        "bar_sales_per_s": 2000,
        "ok": http_rate >= 2000,
    }


def _direct_insert(pg_url: str, events: list[dict[str, Any]], batch: int) -> float:
    """The same event, sale, line, payment, movement and feed rows by plain multi-row INSERTs."""
    url = unique_schema_url(pg_url)
    sdb = open_server_db(url)
    schema.migrate(sdb)
    m = sdb.m
    try:
        envs = [validate_envelope(e) for e in events]
        started = time.perf_counter()
        with sdb.database.connection_context():
            for i in range(0, len(envs), batch):
                chunk = envs[i : i + batch]
                rows = Rows()
                with sdb.atomic():
                    m.EventModel.insert_many(
                        [
                            {
                                "cooperative_id": e.cooperative_id,
                                "event_id": e.event_id,
                                "store_id": e.store_id,
                                "terminal_id": e.terminal_id,
                                "seq": e.seq,
                                "type": e.type,
                                "schema_version": 1,
                                "occurred_at": e.occurred_at,
                                "business_date": e.business_date,
                                "payload": json.dumps(e.payload),
                                "content_hash": "",
                                "received_at": e.occurred_at,
                            }
                            for e in chunk
                        ]
                    ).execute()
                    for e in chunk:
                        project(sdb, e, rows)
                    rows.flush(sdb)
                    change_rows = [
                        {
                            "cooperative_id": c.cooperative_id,
                            "change_id": i * 10_000 + n,
                            "scope": c.scope,
                            "scope_id": c.scope_id,
                            "entity": c.entity,
                            "entity_key": c.key,
                            "op": c.op,
                            "data": json.dumps(c.data),
                            "origin_terminal_id": c.origin_terminal_id,
                            "created_at": "",
                        }
                        for n, c in enumerate(rows.changes)
                    ]
                    for j in range(0, len(change_rows), 500):
                        m.ChangeModel.insert_many(change_rows[j : j + 500]).execute()
        return time.perf_counter() - started
    finally:
        sdb.close()
        drop_schema(url)


def bench_drain(queued: int = 10_000, pg_url: str | None = None) -> dict[str, Any]:
    """A till offline for a week: `queued` sales in its outbox, drained by one sync round."""
    from kkmp_pos.services.till import open_till
    from kkmp_pos.sync import outbox
    from kkmp_pos.sync.worker import enrol_terminal, sync_once

    folder = Path(tempfile.mkdtemp(prefix="kkmp-drain-"))
    url = unique_schema_url(pg_url) if pg_url else f"sqlite:///{folder / 'server.db'}"
    app = create_app(url)
    server = start_server(app)
    sdb = app.state.sdb
    try:
        world = seed(sdb, terminals=())
        del world
        from kkmp_pos.server import admin

        code = admin.enrol_terminal(sdb, "kop1", "s1", "t1")
        till = open_till(folder / "till")
        try:
            enrol_terminal(server.url, code)
            shape = Till("kop1", "s1", "t1", "")
            from kkmp_pos.db.database import database

            with database.atomic():
                for _ in range(queued):
                    env = shape.sale(15_000, lines=3)
                    outbox.append_event(
                        env["type"],
                        env["payload"],
                        occurred_at=env["occurred_at"],
                        business_date=env["business_date"],
                    )
            started = time.perf_counter()
            report = sync_once(folder / "till")
            seconds = time.perf_counter() - started
        finally:
            till.close()
        with sdb.database.connection_context():
            stored = sdb.m.SaleModel.select().count()
        return {
            "queued": queued,
            "server": "postgresql" if pg_url else "sqlite",
            "drain_s": round(seconds, 2),
            "created": report.created,
            "stored": stored,
            "waiting_after": report.waiting,
            "bar_s": 15,
            "ok": seconds < 15 and stored == queued and report.waiting == 0,
        }
    finally:
        server.stop()
        sdb.close()
        if pg_url:
            drop_schema(url)


def run_sync_benchmarks(
    pg_url: str | None = None, sales: int = 20_000, queued: int = 10_000
) -> dict[str, Any]:
    """All sync figures as one dict (for the benchmark runner); PostgreSQL parts need pg_url."""
    pg_url = pg_url or os.environ.get("KKMP_TEST_POSTGRES_URL") or None
    out: dict[str, Any] = {}
    if pg_url:
        out["http_ingest_pg"] = bench_http_ingest(pg_url, sales)
    out["drain_sqlite_server"] = bench_drain(queued)
    if pg_url:
        out["drain_pg_server"] = bench_drain(queued, pg_url)
    return out


__all__ = ["auth", "bench_drain", "bench_http_ingest", "run_sync_benchmarks"]

if __name__ == "__main__":
    print(json.dumps(run_sync_benchmarks(), indent=2))
