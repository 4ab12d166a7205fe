"""The stock page: each store's level per product as the tills' movements add up, against the
product's reorder level. Expiry is not on the server yet (the tills send no batch snapshots)."""

from __future__ import annotations

import json
from collections import defaultdict

from peewee import fn

from kkmp_pos.server.db import ServerDb
from kkmp_pos.server.web.data import Scope, Tr, store_names
from kkmp_pos.server.web.exports import Table


def stock(sdb: ServerDb, scope: Scope, t: Tr) -> Table:
    m = sdb.m
    Mv, Product = m.StockMovementModel, m.ProductModel
    names = store_names(sdb, scope)
    products: dict[str, tuple[str, str, int]] = {}
    by_code: dict[str, str] = {}
    for pid, code, data in (
        Product.select(Product.product_id, Product.code, Product.data)
        .where(Product.cooperative_id == scope.coop)
        .tuples()
    ):
        fields = json.loads(data or "{}")
        products[pid] = (code, str(fields.get("name", "")), int(fields.get("reorder_level_milli") or 0))
        by_code[code] = pid
    query = Mv.select(
        Mv.store_id, Mv.product_uid, Mv.product_code, Mv.product_id, fn.SUM(Mv.qty_milli)
    ).where(Mv.cooperative_id == scope.coop)
    if scope.stores is not None:
        query = query.where(Mv.store_id.in_(list(scope.stores) or [""]))
    query = query.group_by(Mv.store_id, Mv.product_uid, Mv.product_code, Mv.product_id)
    levels: dict[tuple[str, str], int] = defaultdict(int)
    for store, uid, code, local_id, qty in query.tuples():
        key = uid if uid in products else by_code.get(code) or code or f"#{local_id}"
        levels[(store, key)] += int(qty or 0)
    rows = []
    for (store, key), level in levels.items():
        code, name, reorder = products.get(key, (key, "", 0))
        low = level <= 0 or (reorder > 0 and level <= reorder)
        state = t("habis") if level <= 0 else (t("menipis") if low else t("cukup"))
        rows.append(
            {
                "store": names.get(store, store),
                "code": code,
                "name": name,
                "level": level / 1000,
                "reorder": reorder / 1000,
                "state": state,
                "warn": low,
            }
        )
    rows.sort(key=lambda r: (not r["warn"], r["store"], r["code"]))
    return Table(
        "stok",
        t("Stok per toko"),
        [
            ("store", t("Toko"), "text"),
            ("code", t("Kode barang"), "text"),
            ("name", t("Barang"), "text"),
            ("level", t("Stok"), "num"),
            ("reorder", t("Batas pesan ulang"), "num"),
            ("state", t("Status"), "text"),
        ],
        rows,
        t("Stok menurut pergerakan yang dikirim kasir; tanggal kedaluwarsa belum dikirim ke server."),
    )
