"""What the board's pages show, as tables (the page and its exports read the same `Table`).

Every query names its cooperative (the tenant-key rule); a manager's pages name their stores too.
Sales figures come from the daily rollups (server.rollups), never from the sale tables.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from peewee import fn

from kkmp_pos.server import rollups
from kkmp_pos.server.db import ServerDb
from kkmp_pos.server.web.exports import Table
from kkmp_pos.server.web.svg import bars

Tr = Callable[[str], str]


@dataclass(frozen=True)
class Scope:
    coop: str
    stores: tuple[str, ...] | None  # None: every store of the cooperative
    day: str  # YYYY-MM-DD

    @property
    def month_first(self) -> str:
        return self.day[:7] + "-01"

    @property
    def month_last(self) -> str:
        return self.day[:7] + "-31"

    def store_list(self) -> list[str] | None:
        return list(self.stores) if self.stores is not None else None


# the tills' business-unit codes in words (a code this version does not know is shown as it is)
UNIT_WORDS = {
    "sembako": "Sembako",
    "lpg": "LPG 3 kg",
    "obat": "Obat",
    "konsinyasi": "Konsinyasi",
    "lainnya": "Lainnya",
}


def unit_label(code: str, t: Callable[[str], str]) -> str:
    words = UNIT_WORDS.get(code)
    return t(words) if words else code


def store_names(sdb: ServerDb, scope: Scope) -> dict[str, str]:
    Store = sdb.m.StoreModel
    query = Store.select(Store.store_id, Store.name).where(Store.cooperative_id == scope.coop)
    names = dict(query.tuples())
    return {s: n for s, n in names.items() if scope.stores is None or s in scope.stores}


def last_synced(sdb: ServerDb, coop: str, stores: tuple[str, ...] | None = None) -> str | None:
    """When a till of the cooperative (of these stores) last pushed: the data's freshness."""
    Term = sdb.m.TerminalModel
    query = Term.select(Term.last_push_at).where(
        (Term.cooperative_id == coop) & Term.last_push_at.is_null(False)
    )
    if stores is not None:
        query = query.where(Term.store_id.in_(list(stores) or [""]))
    found = [at for (at,) in query.tuples()]
    return max(found) if found else None


def sales(sdb: ServerDb, scope: Scope, t: Tr) -> tuple[dict[str, Table], str, dict[str, Any]]:
    """The Today and this month page: per store, per business unit, per day, and the mix."""
    rows = rollups.read(sdb, scope.coop, scope.month_first, scope.month_last, scope.store_list())
    names = store_names(sdb, scope)
    whole = [r for r in rows if r["business_unit"] == rollups.WHOLE]
    per_store: dict[str, dict[str, int]] = {s: defaultdict(int) for s in names}
    per_day: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    month: dict[str, int] = defaultdict(int)
    for r in whole:
        store = per_store.setdefault(r["store_id"], defaultdict(int))
        net = r["sales_rp"] - r["refund_rp"]
        if r["business_date"] == scope.day:
            store["today_count"] += r["sale_count"]
            store["today_net"] += net
        store["month_count"] += r["sale_count"]
        store["month_net"] += net
        day = per_day[r["business_date"]]
        for name in rollups.COUNTERS:
            day[name] += r[name]
            month[name] += r[name]
    units: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in rows:
        if r["business_unit"] != rollups.WHOLE:
            units[r["business_unit"]]["month_rp"] += r["sales_rp"]
            if r["business_date"] == scope.day:
                units[r["business_unit"]]["today_rp"] += r["sales_rp"]
    tables = {
        "toko": Table(
            "toko",
            t("Penjualan per toko"),
            [
                ("store", t("Toko"), "text"),
                ("today_count", t("Transaksi hari ini"), "int"),
                ("today_net", t("Bersih hari ini"), "rp"),
                ("month_count", t("Transaksi bulan ini"), "int"),
                ("month_net", t("Bersih bulan ini"), "rp"),
            ],
            [
                {"store": names.get(s, s)}
                | {k: v[k] for k in ("today_count", "today_net", "month_count", "month_net")}
                for s, v in sorted(per_store.items())
            ],
        ),
        "unit": Table(
            "unit",
            t("Penjualan per unit usaha"),
            [
                ("unit", t("Unit usaha"), "text"),
                ("today_rp", t("Hari ini"), "rp"),
                ("month_rp", t("Bulan ini"), "rp"),
            ],
            [
                {"unit": unit_label(u, t), "today_rp": v["today_rp"], "month_rp": v["month_rp"]}
                for u, v in sorted(units.items())
            ],
        ),
        "hari": Table(
            "hari",
            t("Penjualan per hari"),
            [
                ("date", t("Tanggal"), "text"),
                ("sale_count", t("Transaksi"), "int"),
                ("sales_rp", t("Penjualan"), "rp"),
                ("refund_rp", t("Retur"), "rp"),
                ("net_rp", t("Bersih"), "rp"),
            ],
            [
                {"date": d, "net_rp": v["sales_rp"] - v["refund_rp"]} | dict(v)
                for d, v in sorted(per_day.items())
            ],
        ),
        "campuran": _mix(month, t),
    }
    chart = bars(
        [(d[8:], v["sales_rp"] - v["refund_rp"]) for d, v in sorted(per_day.items())], t("Bersih per hari")
    )
    return tables, chart, dict(month)


def _pct(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def _mix(month: dict[str, int], t: Tr) -> Table:
    paid = month["cash_rp"] + month["qris_rp"] + month["other_pay_rp"]
    rows = [
        ("member_count", t("Transaksi anggota"), month["member_sale_count"], "int"),
        (
            "member_count_pct",
            t("Bagian anggota (transaksi, %)"),
            _pct(month["member_sale_count"], month["sale_count"]),
            "pct",
        ),
        (
            "member_rp_pct",
            t("Bagian anggota (rupiah, %)"),
            _pct(month["member_sales_rp"], month["sales_rp"]),
            "pct",
        ),
        ("cash_rp", t("Tunai"), month["cash_rp"], "rp"),
        ("qris_rp", t("QRIS"), month["qris_rp"], "rp"),
        ("other_rp", t("Lainnya"), month["other_pay_rp"], "rp"),
        ("qris_pct", t("Bagian QRIS (%)"), _pct(month["qris_rp"], paid), "pct"),
        (
            "basket_rp",
            t("Rata-rata belanja"),
            month["sales_rp"] // month["sale_count"] if month["sale_count"] else 0,
            "rp",
        ),
        ("cancelled", t("Transaksi dibatalkan"), month["cancelled_count"], "int"),
    ]
    return Table(
        "campuran",
        t("Anggota, cara bayar dan rata-rata belanja bulan ini"),
        [("metric", t("Ukuran"), "text"), ("value", t("Nilai"), "num")],
        [{"key": k, "metric": label, "value": value, "kind": kind} for k, label, value, kind in rows],
    )


def tills(sdb: ServerDb, scope: Scope, t: Tr, now: dt.datetime) -> Table:
    """Each till's last contact, how long ago, and its sync problems (quarantined, conflicting)."""
    m = sdb.m
    Term, Quar, Conf = m.TerminalModel, m.QuarantineModel, m.ConflictModel
    query = Term.select().where(Term.cooperative_id == scope.coop)
    if scope.stores is not None:
        query = query.where(Term.store_id.in_(list(scope.stores) or [""]))
    problems: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for model, name in ((Quar, "quarantined"), (Conf, "conflicts")):
        counted = (
            model.select(model.terminal_id, fn.COUNT(model.terminal_id))
            .where(model.cooperative_id == scope.coop)
            .group_by(model.terminal_id)
        )
        for terminal, count in counted.tuples():
            problems[terminal][name] = int(count)
    names = store_names(sdb, scope)
    rows = []
    for term in query.order_by(Term.store_id, Term.terminal_id):
        hours = None
        if term.last_push_at:
            hours = int((now - dt.datetime.fromisoformat(term.last_push_at)).total_seconds() // 3600)
        state = (
            t("dicabut") if term.revoked_at else (t("aktif") if term.enrolled_at else t("belum terdaftar"))
        )
        rows.append(
            {
                "terminal": term.terminal_id,
                "store": names.get(term.store_id, term.store_id),
                "state": state,
                "last_contact": (term.last_push_at or "")[:16].replace("T", " "),
                "hours": hours if hours is not None else "",
                "offline": hours is None or hours >= 24,
                "last_seq": term.last_seq,
                "quarantined": problems[term.terminal_id]["quarantined"],
                "conflicts": problems[term.terminal_id]["conflicts"],
            }
        )
    rows.sort(key=lambda r: (not r["offline"], r["store"], r["terminal"]))
    return Table(
        "kasir",
        t("Mesin kasir"),
        [
            ("terminal", t("Kasir"), "text"),
            ("store", t("Toko"), "text"),
            ("state", t("Status"), "text"),
            ("last_contact", t("Kontak terakhir (UTC)"), "text"),
            ("hours", t("Jam sejak kontak"), "int"),
            ("last_seq", t("Nomor kejadian terakhir"), "int"),
            ("quarantined", t("Ditolak (karantina)"), "int"),
            ("conflicts", t("Konflik"), "int"),
        ],
        rows,
        t("Kasir yang lebih dari 24 jam tidak mengirim data ditandai dan tampil paling atas."),
    )
