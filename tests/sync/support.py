"""Tills for sync tests: fresh till folders enrolled with a live server, selling its catalog."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kkmp_pos.app import open_till
from kkmp_pos.core.cart import Cart
from kkmp_pos.server import admin
from kkmp_pos.server import catalog as server_catalog
from kkmp_pos.server.admin_api import apply_rows
from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod
from kkmp_pos.services.setup.auth import actor_of
from kkmp_pos.sync.client import SyncClient
from kkmp_pos.sync.worker import enrol_terminal, sync_once

ROOT = Path(__file__).resolve().parents[2]
PRODUCTS = [
    {"code": f"B{i:03d}", "name": f"Barang {i}", "barcode": f"8990000{i:06d}", "price_rp": 1000 + i}
    for i in range(20)
]


def seed_server(sdb, coop: str = "kop1", stores=("s1",)) -> str:
    token = admin.create_cooperative(sdb, coop, f"Koperasi {coop}")
    for store in stores:
        admin.create_store(sdb, coop, store, f"Toko {store}")
    apply_rows(sdb, coop, PRODUCTS, server_catalog.upsert_product)
    return token


def new_till(
    folder: Path, sdb, server_url: str, coop: str = "kop1", store: str = "s1", terminal: str = "t1"
) -> Path:
    """A fresh till folder, enrolled and holding the server's catalog, with a cashier."""
    code = admin.enrol_terminal(sdb, coop, store, terminal)
    till = open_till(folder)
    try:
        enrol_terminal(server_url, code)
        ani = till.auth.create_user("Ani", "kasir", "1234")
        till.shifts.open(actor_of(ani), {100_000: 3})  # cash needs an open shift
        sync_once(folder)
    finally:
        till.close()
    return folder


def sell(folder: Path, count: int, client: SyncClient | None = None) -> list[str]:
    """Ring up `count` cash sales of two lines each; returns the sale ids."""
    from kkmp_pos.db.models import UserModel

    till = open_till(folder)
    ids = []
    try:
        cashier = actor_of(UserModel.get(UserModel.name == "Ani"))
        for i in range(count):
            cart = Cart()
            cart.add(till.catalog.lookup_barcode(PRODUCTS[i % 20]["barcode"]))
            cart.add(till.catalog.lookup_barcode(PRODUCTS[(i + 7) % 20]["barcode"]), 2000)
            result = till.sales.checkout(cart, [PaymentInput(PaymentMethod.CASH, 0, 100_000)], cashier)
            ids.append(result.sale_id)
    finally:
        till.close()
    return ids


def run_cli(
    folder: Path, *args: str, timeout: float = 120, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), **(env or {}))
    return subprocess.run(
        [sys.executable, "-m", "kkmp_pos", "--data-dir", str(folder), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        cwd=ROOT,
    )


def popen_cli(folder: Path, *args: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, "-m", "kkmp_pos", "--data-dir", str(folder), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )


def queue(folder: Path) -> dict[str, int]:
    """Outbox rows by status, apart from the shift `new_till` opened (its event went up at set-up)."""
    from kkmp_pos.db.models import OutboxEventModel

    till = open_till(folder)
    try:
        out: dict[str, int] = {}
        rows = OutboxEventModel.select(OutboxEventModel.status)
        for row in rows.where(OutboxEventModel.type != "shift.opened"):
            out[row.status] = out.get(row.status, 0) + 1
        return out
    finally:
        till.close()


def server_sales(sdb, coop: str = "kop1") -> list[str]:
    """Sale ids on the server (a list: duplicates would show)."""
    m = sdb.m
    with sdb.database.connection_context():
        return [r.sale_id for r in m.SaleModel.select().where(m.SaleModel.cooperative_id == coop)]
