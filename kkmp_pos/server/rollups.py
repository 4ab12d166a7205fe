"""Daily rollups per cooperative, store, business unit and business date (issue 18).

Kept on ingest, in the push's transaction: a projection adds its deltas to the push's `Rows`, and
`write_deltas` adds them to `daily_rollup` with one INSERT … ON CONFLICT DO UPDATE, so a rolled-back
push leaves no trace and the rollups never drift from the sales. `recompute` builds the same figures
from the sale tables (the test compares them; schema step 8 fills the table with it).

What a row holds (business_unit '' is the whole store):
- sale_count, sales_rp, member_sale_count, member_sales_rp: completed sales on their business date;
- cash_rp, qris_rp, other_pay_rp: the payments of those sales, by method;
- refund_rp: returns on their own business date; cancelled_count: sales cancelled;
- a named business unit: sales_rp, the line totals of completed sales of that unit.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from peewee import EXCLUDED, fn

from kkmp_pos.core import events
from kkmp_pos.server.db import ServerDb
from kkmp_pos.sync.wire import EventEnvelope

WHOLE = ""  # the whole store's row
NO_UNIT = "lainnya"  # lines whose product names no business unit
COUNTERS = (
    "sale_count",
    "sales_rp",
    "member_sale_count",
    "member_sales_rp",
    "cash_rp",
    "qris_rp",
    "other_pay_rp",
    "refund_rp",
    "cancelled_count",
)
Key = tuple[str, str, str, str]  # cooperative, business date, store, unit


def pay_column(method: str) -> str:
    if method == "cash":
        return "cash_rp"
    return "qris_rp" if method.startswith("qris") else "other_pay_rp"


def delta(coop: str, day: str, store: str, unit: str = WHOLE, **counts: int) -> dict[str, Any]:
    return {"key": (coop, day, store, unit), **counts}


def sale_deltas(
    coop: str,
    day: str,
    store: str,
    total_rp: int,
    member: bool,
    lines: list[tuple[str, int]],
    payments: list[tuple[str, int]],
    sign: int = 1,
) -> list[dict[str, Any]]:
    """What one completed sale adds (sign 1) or, cancelled, takes away (sign -1)."""
    whole: dict[str, int] = {"sale_count": sign, "sales_rp": sign * total_rp}
    if member:
        whole |= {"member_sale_count": sign, "member_sales_rp": sign * total_rp}
    for method, amount in payments:
        column = pay_column(method)
        whole[column] = whole.get(column, 0) + sign * amount
    out = [delta(coop, day, store, WHOLE, **whole)]
    for unit, amount in lines:
        out.append(delta(coop, day, store, unit or NO_UNIT, sales_rp=sign * amount))
    return out


def write_deltas(sdb: ServerDb, deltas: list[dict[str, Any]]) -> None:
    """Add the deltas to the rollups (summed per key first: one row per key in the statement)."""
    if not deltas:
        return
    summed: dict[Key, dict[str, int]] = defaultdict(lambda: dict.fromkeys(COUNTERS, 0))
    for d in deltas:
        row = summed[d["key"]]
        for name in COUNTERS:
            row[name] += d.get(name, 0)
    Rollup = sdb.m.DailyRollupModel
    rows = [
        {"cooperative_id": k[0], "business_date": k[1], "store_id": k[2], "business_unit": k[3]} | v
        for k, v in sorted(summed.items())
    ]
    for coop in sorted({r["cooperative_id"] for r in rows}):
        Rollup.insert_many([r for r in rows if r["cooperative_id"] == coop]).on_conflict(
            conflict_target=[
                Rollup.cooperative_id,
                Rollup.business_date,
                Rollup.store_id,
                Rollup.business_unit,
            ],
            update={getattr(Rollup, n): getattr(Rollup, n) + getattr(EXCLUDED, n) for n in COUNTERS},
        ).execute()


def recompute(sdb: ServerDb, coop: str) -> dict[Key, dict[str, int]]:
    """The rollups of one cooperative computed afresh from its sales, payments and returns."""
    m = sdb.m
    out: dict[Key, dict[str, int]] = defaultdict(lambda: dict.fromkeys(COUNTERS, 0))
    Sale, Line, Pay, Ret = m.SaleModel, m.SaleLineModel, m.SalePaymentModel, m.ReturnModel
    done = (Sale.cooperative_id == coop) & (Sale.status == "completed")
    for day, store, member, total in (
        Sale.select(Sale.business_date, Sale.store_id, Sale.member_id, Sale.total_rp).where(done).tuples()
    ):
        row = out[(coop, day, store, WHOLE)]
        row["sale_count"] += 1
        row["sales_rp"] += total
        if member:
            row["member_sale_count"] += 1
            row["member_sales_rp"] += total
    for day, store in (
        Sale.select(Sale.business_date, Sale.store_id)
        .where((Sale.cooperative_id == coop) & (Sale.status == "cancelled"))
        .tuples()
    ):
        out[(coop, day, store, WHOLE)]["cancelled_count"] += 1
    stores = {
        (d, s): st
        for d, s, st in Sale.select(Sale.business_date, Sale.sale_id, Sale.store_id).where(done).tuples()
    }
    for day, sale_id, unit, amount in (
        Line.select(Line.business_date, Line.sale_id, Line.business_unit, Line.line_total_rp)
        .where(Line.cooperative_id == coop)
        .tuples()
    ):
        if (day, sale_id) in stores:
            out[(coop, day, stores[(day, sale_id)], unit or NO_UNIT)]["sales_rp"] += amount
    for day, sale_id, method, amount in (
        Pay.select(Pay.business_date, Pay.sale_id, Pay.method, Pay.amount_rp)
        .where(Pay.cooperative_id == coop)
        .tuples()
    ):
        if (day, sale_id) in stores:
            out[(coop, day, stores[(day, sale_id)], WHOLE)][pay_column(method)] += amount
    for day, store, refund in (
        Ret.select(Ret.business_date, Ret.store_id, Ret.refund_rp).where(Ret.cooperative_id == coop).tuples()
    ):
        out[(coop, day, store, WHOLE)]["refund_rp"] += refund
    return dict(out)


def stored(sdb: ServerDb, coop: str) -> dict[Key, dict[str, int]]:
    """The rollup rows of one cooperative as kept (rows of zeros left out, as recompute has none)."""
    Rollup = sdb.m.DailyRollupModel
    out = {}
    for row in Rollup.select().where(Rollup.cooperative_id == coop).dicts():
        counts = {n: int(row[n]) for n in COUNTERS}
        if any(counts.values()):
            out[(coop, row["business_date"], row["store_id"], row["business_unit"])] = counts
    return out


def rebuild(sdb: ServerDb, coop: str) -> None:
    """Replace one cooperative's rollups with a recomputation (call inside a transaction)."""
    Rollup = sdb.m.DailyRollupModel
    Rollup.delete().where(Rollup.cooperative_id == coop).execute()
    write_deltas(sdb, [{"key": k, **v} for k, v in recompute(sdb, coop).items()])


def rebuild_all(sdb: ServerDb) -> None:
    Coop = sdb.m.CooperativeModel
    for (coop,) in Coop.select(Coop.cooperative_id).tuples():
        rebuild(sdb, coop)


def read(
    sdb: ServerDb, coop: str, first: str, last: str, stores: list[str] | None = None
) -> list[dict[str, Any]]:
    """Rollup rows of one cooperative between two business dates (inclusive), optionally some stores."""
    Rollup = sdb.m.DailyRollupModel
    where = (Rollup.cooperative_id == coop) & (Rollup.business_date >= first) & (Rollup.business_date <= last)
    if stores is not None:
        where &= Rollup.store_id.in_(stores or [""])
    query = Rollup.select().where(where).order_by(Rollup.business_date, Rollup.store_id, Rollup.business_unit)
    return list(query.dicts())


def totals(sdb: ServerDb, coop: str, first: str, last: str) -> dict[str, int]:
    """One cooperative's whole-store figures summed over a date range (the regional view)."""
    Rollup = sdb.m.DailyRollupModel
    sums = [fn.COALESCE(fn.SUM(getattr(Rollup, n)), 0) for n in COUNTERS]
    row = (
        Rollup.select(*sums)
        .where(
            (Rollup.cooperative_id == coop)
            & (Rollup.business_unit == WHOLE)
            & (Rollup.business_date >= first)
            & (Rollup.business_date <= last)
        )
        .tuples()
        .first()
    )
    return {n: int(v or 0) for n, v in zip(COUNTERS, row or (), strict=False)} or dict.fromkeys(COUNTERS, 0)


def line_units(env: EventEnvelope, count: int) -> list[str]:
    """Each line's business unit as the till sent it (the typed event does not carry it)."""
    raw = env.payload.get("lines")
    units = []
    for i in range(count):
        line = raw[i] if isinstance(raw, list) and i < len(raw) and isinstance(raw[i], dict) else {}
        unit = line.get("business_unit")
        units.append(unit[:16] if isinstance(unit, str) else "")
    return units


def sale_rollup(env: EventEnvelope, event: events.SaleCompleted, units: list[str], rows: Any) -> None:
    """A completed sale's deltas, and its logbook lines when it was bought with a NIK."""
    coop, day, store = env.cooperative_id, env.business_date, env.store_id
    if event.status == "completed":
        rows.rollup += sale_deltas(
            coop,
            day,
            store,
            event.total_rp,
            event.member is not None,
            [(u, ln.line_total_rp) for u, ln in zip(units, event.lines, strict=True)],
            [(p.method, p.amount_rp) for p in event.payments],
        )
    elif event.status == "cancelled":
        rows.rollup.append(delta(coop, day, store, cancelled_count=1))
    if not (event.buyer_nik_hmac or event.buyer_nik):
        return
    last4 = event.buyer_nik_last4 or (event.buyer_nik or "")[-4:]
    for no, line in enumerate(event.lines, start=1):
        rows.regulated.append(
            {
                "cooperative_id": coop,
                "business_date": day,
                "sale_id": event.sale_id,
                "line_no": no,
                "store_id": store,
                "nik_hmac": (event.buyer_nik_hmac or "")[:64],
                "nik_last4": last4[:4],
                "product_code": line.product_code[:64],
                "name": line.name[:200],
                "qty_milli": line.qty_milli,
                "occurred_at": env.occurred_at,
            }
        )


def status_rollup(sdb: ServerDb, sale: Any, new_status: str, event: events.Event, rows: Any) -> None:
    """The rollup deltas of a pending sale paid, or of a sale cancelled (read before its new payments
    are written)."""
    m = sdb.m
    coop, day, store = sale.cooperative_id, sale.business_date, sale.store_id
    new_payments = [(p.method, p.amount_rp) for p in getattr(event, "payments", ())]
    if sale.status == "completed" and new_status == "completed":
        rows.rollup += [
            delta(coop, day, store, **{pay_column(meth): amount}) for meth, amount in new_payments
        ]
        return
    if new_status == "cancelled":
        rows.rollup.append(delta(coop, day, store, cancelled_count=1))
        if sale.status != "completed":
            return
    Line, Pay = m.SaleLineModel, m.SalePaymentModel
    lines = list(
        Line.select(Line.business_unit, Line.line_total_rp)
        .where((Line.cooperative_id == coop) & (Line.business_date == day) & (Line.sale_id == sale.sale_id))
        .tuples()
    )
    payments = list(
        Pay.select(Pay.method, Pay.amount_rp)
        .where((Pay.cooperative_id == coop) & (Pay.business_date == day) & (Pay.sale_id == sale.sale_id))
        .tuples()
    )
    sign = 1 if new_status == "completed" else -1
    if sign == 1:
        payments += new_payments
    rows.rollup += sale_deltas(
        coop, day, store, sale.total_rp, sale.member_id is not None, lines, payments, sign
    )
