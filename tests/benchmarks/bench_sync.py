"""Sync benchmarks: HTTP ingest on PostgreSQL vs direct SQL, and a week's queue draining.

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
        # the tills encode their batches: only the server's side is timed
        bodies = [json.dumps({"events": events[i : i + batch]}).encode() for i in range(0, sales, batch)]
        headers = dict(till.headers, **{"Content-Type": "application/json"})
        with httpx.Client(base_url=server.url, timeout=120, headers=headers) as client:
            started = time.perf_counter()
            for body in bodies:
                r = client.post("/v1/sync/push", content=body)
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
        "direct_sql_sales_per_s": round(direct_rate),  # plain psycopg2 execute_values, same rows
        "http_to_direct_ratio": round(http_rate / direct_rate, 2),
        "bar_sales_per_s": 2000,
        "ok": http_rate >= 2000,
    }


def _plain_rows(events: list[dict[str, Any]], first_change_id: int) -> dict[str, list[tuple[Any, ...]]]:
    """The rows the server stores for these sales, built in plain Python (no server code)."""
    out: dict[str, list[tuple[Any, ...]]] = {t: [] for t in _PLAIN_COLUMNS}
    for e in events:
        p = e["payload"]
        coop, day, sale_id = e["cooperative_id"], e["business_date"], p["sale_id"]
        out["sync_event"].append(
            (
                coop,
                e["event_id"],
                e["store_id"],
                e["terminal_id"],
                e["seq"],
                e["type"],
                1,
                e["occurred_at"],
                day,
                json.dumps(p),
                "",
                e["occurred_at"],
            )
        )
        out["sale"].append(
            (
                coop,
                day,
                sale_id,
                e["store_id"],
                e["terminal_id"],
                e["event_id"],
                p["receipt_no"],
                "completed",
                p["totals"]["total_rp"],
                "Ani",
                None,
                e["occurred_at"],
            )
        )
        for no, ln in enumerate(p["lines"], start=1):
            out["sale_line"].append(
                (
                    coop,
                    day,
                    sale_id,
                    no,
                    ln["product_id"],
                    ln["product_code"],
                    ln["name"],
                    ln["qty_milli"],
                    ln["unit_price_rp"],
                    ln["line_total_rp"],
                    ln["price_type"],
                )
            )
        for no, pay in enumerate(p["payments"], start=1):
            out["sale_payment"].append(
                (coop, day, sale_id, no, pay["method"], pay["amount_rp"], e["event_id"])
            )
        for mv in p["movements"]:
            out["stock_movement"].append(
                (
                    coop,
                    day,
                    mv["movement_id"],
                    e["store_id"],
                    e["terminal_id"],
                    mv["product_id"],
                    mv["qty_milli"],
                    "sale",
                    e["event_id"],
                    "",
                    "",
                )
            )
        ref = json.dumps({"business_date": day, "movement_ids": [mv["movement_id"] for mv in p["movements"]]})
        out["change_log"].append(
            (
                coop,
                first_change_id + len(out["change_log"]),
                "store",
                e["store_id"],
                "stock_movement",
                e["event_id"],
                "ref",
                ref,
                e["terminal_id"],
                e["occurred_at"],
            )
        )
    return out


_PLAIN_COLUMNS = {
    "sync_event": "cooperative_id, event_id, store_id, terminal_id, seq, type, schema_version, occurred_at, "
    "business_date, payload, content_hash, received_at",
    "sale": "cooperative_id, business_date, sale_id, store_id, terminal_id, event_id, receipt_no, status, "
    "total_rp, cashier, member_id, occurred_at",
    "sale_line": "cooperative_id, business_date, sale_id, line_no, product_id, product_code, name, "
    "qty_milli, unit_price_rp, line_total_rp, price_type",
    "sale_payment": "cooperative_id, business_date, sale_id, payment_no, method, amount_rp, event_id",
    "stock_movement": "cooperative_id, business_date, movement_id, store_id, terminal_id, product_id, "
    "qty_milli, kind, event_id, product_uid, product_code",
    "change_log": "cooperative_id, change_id, scope, scope_id, entity, entity_key, op, data, "
    "origin_terminal_id, created_at",
}


def _direct_insert(pg_url: str, events: list[dict[str, Any]], batch: int) -> float:
    """Baseline: the same rows (event, sale, lines, payment, movements, feed entry) inserted by plain
    psycopg2 `execute_values` (page_size 1000), one transaction per batch, on the same schema."""
    import psycopg2
    from psycopg2.extras import execute_values

    url = unique_schema_url(pg_url)
    sdb = open_server_db(url)
    schema.migrate(sdb)  # the same tables and indexes as the server's
    sdb.close()
    name = url.split("schema=")[1]
    conn = psycopg2.connect(pg_url, options=f"-c search_path={name}")
    try:
        batches = [_plain_rows(events[i : i + batch], i + 1) for i in range(0, len(events), batch)]
        started = time.perf_counter()
        with conn.cursor() as cur:
            for rows in batches:
                for table, columns in _PLAIN_COLUMNS.items():
                    sql = f"INSERT INTO {table} ({columns}) VALUES %s"
                    execute_values(cur, sql, rows[table], page_size=1000)
                conn.commit()
        return time.perf_counter() - started
    finally:
        conn.close()
        drop_schema(url)


def bench_drain(queued: int = 10_000, pg_url: str | None = None) -> dict[str, Any]:
    """A till offline for a week: `queued` sales in its outbox, drained by one sync round."""
    from kkmp_pos.app import open_till
    from kkmp_pos.db import outbox
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
