"""Pull at scale: 100,000 catalog changes reach a fresh till, resumably after a kill mid-way."""

from __future__ import annotations

import sqlite3
import time

import pytest

from kkmp_pos.config import DB_FILENAME
from kkmp_pos.server.auth import utc_now
from kkmp_pos.server.feed import PendingChange, append_changes
from kkmp_pos.sync.wire import canonical_json
from tests.sync.support import new_till, popen_cli, run_cli, seed_server

N = 100_000


def _bulk_catalog(sdb, n: int) -> None:
    """n products straight into the server tables and feed (the import path is tested elsewhere)."""
    now = utc_now()
    products, changes = [], []
    for i in range(n):
        data = {
            "product_id": f"p{i:06d}",
            "code": f"K{i:06d}",
            "name": f"Produk {i}",
            "unit": "pcs",
            "barcode": "",
            "category": "",
            "active": True,
        }
        products.append(
            {
                "cooperative_id": "kop1",
                "product_id": data["product_id"],
                "code": data["code"],
                "data": canonical_json(data),
                "updated_at": now,
            }
        )
        changes.append(PendingChange("kop1", "cooperative", "kop1", "product", data["product_id"], data))
    with sdb.database.connection_context(), sdb.atomic():
        sdb.insert_rows(sdb.m.ProductModel, products)
        append_changes(sdb, changes)


def _wait_for_some_pages(folder, proc) -> None:
    """Until at least one page (but not the whole feed) is committed, read through a second
    connection, as another process would see it."""
    db = folder / DB_FILENAME
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
                count = conn.execute("SELECT count(*) FROM product WHERE uid LIKE 'p%'").fetchone()[0]
        except sqlite3.OperationalError:
            count = 0
        if count >= 2000:
            return
        time.sleep(0.05)


def _catalog(folder):
    from kkmp_pos.app import open_till
    from kkmp_pos.db.models import ProductModel

    till = open_till(folder)
    try:
        return {
            (p.uid, p.code, p.name) for p in ProductModel.select().where(ProductModel.uid.startswith("p"))
        }
    finally:
        till.close()


@pytest.mark.slow
def test_100k_changes_resume_after_a_kill_and_match_the_server(tmp_path, sdb, live):
    seed_server(sdb)
    folder = new_till(tmp_path / "t1", sdb, live.url)
    _bulk_catalog(sdb, N)
    proc = popen_cli(folder, "sync", "--once")
    _wait_for_some_pages(folder, proc)  # some pages applied, most not
    proc.kill()
    proc.wait()
    partial = len(_catalog(folder))
    assert partial < N
    result = run_cli(folder, "sync", "--once", timeout=600)
    assert result.returncode == 0, result.stderr
    local = _catalog(folder)
    expected = {(f"p{i:06d}", f"K{i:06d}", f"Produk {i}") for i in range(N)}
    assert local == expected
