"""The compliance and audit pages' tables, the regional view, and the users table.

The LPG logbook shows a NIK masked (its last 4 digits); a regional operator's view holds only
aggregates per cooperative, never a person's name or number.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from kkmp_pos.server import rollups
from kkmp_pos.server.db import ServerDb
from kkmp_pos.server.web.data import Scope, Tr, _pct, last_synced, store_names
from kkmp_pos.server.web.exports import Table
from kkmp_pos.server.web.users import WebUser


def masked(last4: str) -> str:
    return "*" * 12 + (last4 or "????")


def _in_stores(model: Any, scope: Scope) -> Any:
    where = (
        (model.cooperative_id == scope.coop)
        & (model.business_date >= scope.month_first)
        & (model.business_date <= scope.month_last)
    )
    if scope.stores is not None:
        where &= model.store_id.in_(list(scope.stores) or [""])
    return where


def compliance(sdb: ServerDb, scope: Scope, t: Tr, audit: bool) -> dict[str, Table]:
    m = sdb.m
    names = store_names(sdb, scope)
    Reg = m.RegulatedSaleModel
    log = list(
        Reg.select().where(_in_stores(Reg, scope)).order_by(Reg.occurred_at, Reg.sale_id, Reg.line_no).dicts()
    )
    per_nik: dict[str, dict[str, Any]] = defaultdict(lambda: {"sales": set(), "qty": 0.0})
    per_day: dict[str, dict[str, Any]] = defaultdict(lambda: {"sales": set(), "niks": set(), "qty": 0.0})
    for r in log:
        who = r["nik_hmac"] or r["nik_last4"]
        per_nik[who]["sales"].add(r["sale_id"])
        per_nik[who]["qty"] += r["qty_milli"] / 1000
        per_nik[who]["last4"] = r["nik_last4"]
        per_day[r["business_date"]]["sales"].add(r["sale_id"])
        per_day[r["business_date"]]["niks"].add(who)
        per_day[r["business_date"]]["qty"] += r["qty_milli"] / 1000
    tables = {
        "lpg": Table(
            "lpg",
            t("Buku catatan LPG 3 kg"),
            [
                ("date", t("Tanggal"), "text"),
                ("time", t("Jam (UTC)"), "text"),
                ("store", t("Toko"), "text"),
                ("nik", t("NIK (disamarkan)"), "text"),
                ("code", t("Kode barang"), "text"),
                ("name", t("Barang"), "text"),
                ("qty", t("Jumlah"), "num"),
            ],
            [
                {
                    "date": r["business_date"],
                    "time": r["occurred_at"][11:16],
                    "store": names.get(r["store_id"], r["store_id"]),
                    "nik": masked(r["nik_last4"]),
                    "code": r["product_code"],
                    "name": r["name"],
                    "qty": r["qty_milli"] / 1000,
                }
                for r in log
            ],
        ),
        "lpg_nik": Table(
            "lpg_nik",
            t("LPG per NIK"),
            [
                ("nik", t("NIK (disamarkan)"), "text"),
                ("sales", t("Pembelian"), "int"),
                ("qty", t("Jumlah"), "num"),
            ],
            sorted(
                (
                    {"nik": masked(v["last4"]), "sales": len(v["sales"]), "qty": v["qty"]}
                    for v in per_nik.values()
                ),
                key=lambda r: (-r["sales"], r["nik"]),
            ),
        ),
        "lpg_hari": Table(
            "lpg_hari",
            t("LPG per hari"),
            [
                ("date", t("Tanggal"), "text"),
                ("sales", t("Pembelian"), "int"),
                ("niks", t("NIK berbeda"), "int"),
                ("qty", t("Jumlah"), "num"),
            ],
            [
                {"date": d, "sales": len(v["sales"]), "niks": len(v["niks"]), "qty": v["qty"]}
                for d, v in sorted(per_day.items())
            ],
        ),
        "het": above_ceiling(sdb, scope, t, names),
    }
    if audit:
        tables.update(overrides(sdb, scope, t, names))
    return tables


def above_ceiling(sdb: ServerDb, scope: Scope, t: Tr, names: dict[str, str]) -> Table:
    """Sale lines priced above the ceiling (HET) of their product: there must be none."""
    m = sdb.m
    Ceil, Line, Sale = m.CeilingModel, m.SaleLineModel, m.SaleModel
    ceilings: dict[str, int] = {}
    query = Ceil.select(Ceil.cooperative_id, Ceil.product_code, Ceil.ceiling_rp).where(
        Ceil.cooperative_id.in_(["", scope.coop])
    )
    for _coop, code, rp in sorted(query.tuples()):  # the cooperative's own after the national one
        ceilings[code] = rp
    rows = []
    if ceilings:
        lines = Line.select(
            Line.business_date, Line.sale_id, Line.product_code, Line.name, Line.unit_price_rp
        ).where(
            (Line.cooperative_id == scope.coop)
            & (Line.business_date >= scope.month_first)
            & (Line.business_date <= scope.month_last)
            & Line.product_code.in_(sorted(ceilings))
        )
        over = [r for r in lines.dicts() if r["unit_price_rp"] > ceilings[r["product_code"]]]
        sales = {}
        if over:
            sales = dict(
                Sale.select(Sale.sale_id, Sale.store_id)
                .where((Sale.cooperative_id == scope.coop) & Sale.sale_id.in_([r["sale_id"] for r in over]))
                .tuples()
            )
        for r in over:
            store = sales.get(r["sale_id"], "")
            if scope.stores is None or store in scope.stores:
                rows.append(
                    {
                        "date": r["business_date"],
                        "store": names.get(store, store),
                        "code": r["product_code"],
                        "name": r["name"],
                        "price_rp": r["unit_price_rp"],
                        "ceiling_rp": ceilings[r["product_code"]],
                    }
                )
    return Table(
        "het",
        t("Penjualan di atas HET (harus kosong)"),
        [
            ("date", t("Tanggal"), "text"),
            ("store", t("Toko"), "text"),
            ("code", t("Kode barang"), "text"),
            ("name", t("Barang"), "text"),
            ("price_rp", t("Harga"), "rp"),
            ("ceiling_rp", t("HET"), "rp"),
        ],
        rows,
    )


def overrides(sdb: ServerDb, scope: Scope, t: Tr, names: dict[str, str]) -> dict[str, Table]:
    """The audit view: cancelled sales and returns (what the server has of managers' overrides)."""
    m = sdb.m
    Sale, Ret = m.SaleModel, m.ReturnModel
    cancelled = (
        Sale.select().where(_in_stores(Sale, scope) & (Sale.status == "cancelled")).order_by(Sale.occurred_at)
    )
    returns = Ret.select().where(_in_stores(Ret, scope)).order_by(Ret.occurred_at)
    note = t("Diskon, pembatalan baris dan ubah harga belum dikirim kasir ke server.")
    return {
        "batal": Table(
            "batal",
            t("Transaksi dibatalkan"),
            [
                ("date", t("Tanggal"), "text"),
                ("store", t("Toko"), "text"),
                ("receipt", t("No. struk"), "text"),
                ("total_rp", t("Total"), "rp"),
                ("cashier", t("Kasir"), "text"),
            ],
            [
                {
                    "date": s.business_date,
                    "store": names.get(s.store_id, s.store_id),
                    "receipt": s.receipt_no,
                    "total_rp": s.total_rp,
                    "cashier": s.cashier,
                }
                for s in cancelled
            ],
            note,
        ),
        "retur": Table(
            "retur",
            t("Retur"),
            [
                ("date", t("Tanggal"), "text"),
                ("store", t("Toko"), "text"),
                ("refund_rp", t("Dikembalikan"), "rp"),
            ],
            [
                {
                    "date": r.business_date,
                    "store": names.get(r.store_id, r.store_id),
                    "refund_rp": r.refund_rp,
                }
                for r in returns
            ],
        ),
    }


def region(sdb: ServerDb, region_code: str, day: str, t: Tr) -> tuple[Table, str | None]:
    """A regional operator's view: each cooperative of the region, aggregates only."""
    Coop = sdb.m.CooperativeModel
    coops = (
        Coop.select(Coop.cooperative_id, Coop.name, Coop.region_code)
        .where(Coop.region_code.startswith(region_code))
        .order_by(Coop.cooperative_id)
    )
    rows, synced = [], []
    for coop, name, code in coops.tuples():
        sums = rollups.totals(sdb, coop, day[:7] + "-01", day[:7] + "-31")
        seen = last_synced(sdb, coop)
        synced += [seen] if seen else []
        rows.append(
            {
                "coop": coop,
                "name": name,
                "region": code,
                "sale_count": sums["sale_count"],
                "net_rp": sums["sales_rp"] - sums["refund_rp"],
                "member_pct": _pct(sums["member_sale_count"], sums["sale_count"]),
                "qris_pct": _pct(sums["qris_rp"], sums["cash_rp"] + sums["qris_rp"] + sums["other_pay_rp"]),
                "basket_rp": sums["sales_rp"] // sums["sale_count"] if sums["sale_count"] else 0,
                "synced": (seen or "")[:16].replace("T", " "),
            }
        )
    table = Table(
        "koperasi",
        t("Koperasi di wilayah ini, bulan ini"),
        [
            ("coop", t("Kode koperasi"), "text"),
            ("name", t("Koperasi"), "text"),
            ("region", t("Kode wilayah"), "text"),
            ("sale_count", t("Transaksi"), "int"),
            ("net_rp", t("Bersih"), "rp"),
            ("member_pct", t("Bagian anggota (%)"), "pct"),
            ("qris_pct", t("Bagian QRIS (%)"), "pct"),
            ("basket_rp", t("Rata-rata belanja"), "rp"),
            ("synced", t("Terakhir sinkron (UTC)"), "text"),
        ],
        rows,
    )
    return table, max(synced) if synced else None


def users_table(users: list[WebUser], t: Tr) -> Table:
    return Table(
        "pengguna",
        t("Pengguna web"),
        [
            ("username", t("Nama pengguna"), "text"),
            ("role", t("Peran"), "text"),
            ("stores", t("Toko"), "text"),
        ],
        [{"username": u.username, "role": t(u.role), "stores": ", ".join(u.stores)} for u in users],
    )
