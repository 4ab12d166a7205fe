"""A fresh till pulls a large catalog: 100,000 product changes through the real feed over HTTP.

The figure moved here from tests/sync/test_pull_large.py (issue 10: no time in the functional suite).
Bar: the whole pull under 20 s. Baseline: the same 100,000 rows written into the till's product table
by plain sqlite3 `executemany` in one transaction, so the ratio shows what paging, HTTP, JSON and the
till's apply cost on top of the bare writes.
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
from pathlib import Path

from tests.benchmarks.harness import Bench, Figure, benchmark

N = 100_000


def _bare_insert(folder: Path, rows: list[tuple[str, str, str]]) -> float:
    """The bare baseline: the same rows into the till's product table (same DDL, same pragmas) in a
    file of its own, by plain sqlite3 `executemany` in one transaction."""
    from kkmp_pos.config import DB_FILENAME

    source = sqlite3.connect(folder / DB_FILENAME)
    ddl = source.execute("SELECT sql FROM sqlite_master WHERE name = 'product'").fetchone()[0]
    source.close()
    bare = sqlite3.connect(folder / "bare.db")
    bare.execute("PRAGMA journal_mode=WAL")
    bare.execute("PRAGMA synchronous=FULL")
    bare.execute(ddl)
    sql = (
        "INSERT INTO product (uid, code, name, search_text, base_unit, is_weighed, business_unit,"
        " cost_rp, regular_price_rp, reorder_level_milli, track_batches, requires_nik, active,"
        " on_hand_milli, updated_at) VALUES (?, ?, ?, ?, 'pcs', 0, 'sembako', 0, 0, 0, 0, 0, 1, 0, ?)"
    )
    now = "2026-01-01T00:00:00+00:00"
    started = time.perf_counter()
    with bare:
        bare.executemany(sql, [(uid, code, name, name.lower(), now) for uid, code, name in rows])
    seconds = time.perf_counter() - started
    bare.close()
    return seconds


@benchmark("pull_100k_catalog", issue=10)
def pull_100k_catalog(b: Bench) -> list[Figure]:
    from kkmp_pos.server.app import create_app
    from kkmp_pos.server.live import start_server
    from kkmp_pos.sync.worker import sync_once
    from tests.sync.support import new_till, seed_server
    from tests.sync.test_pull_large import _bulk_catalog

    n = N if not b.quick else N // 2
    folder = Path(tempfile.mkdtemp(prefix="kkmp-pull-", dir=b.workdir))
    app = create_app(f"sqlite:///{folder / 'server.db'}")
    sdb = app.state.sdb
    server = start_server(app)
    try:
        seed_server(sdb)
        till_dir = new_till(folder / "till", sdb, server.url)
        _bulk_catalog(sdb, n)
        started = time.perf_counter()
        sync_once(till_dir)
        seconds = time.perf_counter() - started
        bare = _bare_insert(till_dir, [(f"p{i:06d}", f"K{i:06d}", f"Produk {i}") for i in range(n)])
    finally:
        server.stop()
        sdb.close()
    note = f"{n:,} changes; {n / seconds:,.0f} changes/s"
    return [Figure("pull catalog changes", seconds, "s", baseline=bare, bar_max=20.0, note=note)]
