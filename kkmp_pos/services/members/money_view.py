"""What the till knows of members' money: one member's figures, the capital board's figures and the
arrears list with its WhatsApp reminders. Every figure is "as known to this till"."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kkmp_pos.core.simpanan import arrears_reminder, month_of
from kkmp_pos.services.context import ServiceContext
from kkmp_pos.services.members import simpanan_ledger as ledger
from kkmp_pos.services.members.simpanan import SimpananService, find_member


@dataclass(frozen=True)
class ArrearsRow:
    number: str
    name: str
    months: list[str]
    amount_rp: int
    last_payment: str | None  # business date of the last wajib payment
    message: str
    link: str


def _as_of(ctx: ServiceContext) -> dict[str, Any]:
    # acknowledgements are cumulative: the newest acknowledged event is the last push that went through
    row = ctx.db.execute_sql(
        'SELECT "acked_at" FROM "outbox_event" WHERE "status" = ? ORDER BY "seq" DESC LIMIT 1', ("acked",)
    ).fetchone()
    return {"till": ctx.now_iso(), "synced": row[0] if row else None}


def purchases_ytd(ctx: ServiceContext, member_id: str) -> int:
    """The member's purchases this year, net of returns: the basis of their SHU share."""
    year_start = ctx.business_date()[:4] + "-01-01"
    sold, returned = ctx.db.execute_sql(
        'SELECT COALESCE(SUM(s."total_rp"), 0), COALESCE(SUM((SELECT SUM(r."refund_rp") FROM "sale_return" r '
        'WHERE r."sale_id" = s."id")), 0) FROM "sale" s '
        'WHERE s."member_id" = ? AND s."business_date" >= ? AND s."status" = ?',
        (member_id, year_start, "completed"),
    ).fetchone()
    return int(sold) - int(returned)


def member_money(ctx: ServiceContext, query: str) -> dict[str, Any]:
    """`members show NUMBER --json`: status, balances, arrears, bon and purchases of one member."""
    member = find_member(query)
    this_month = ledger.current_month(ctx)
    bills = ledger.member_bills(ctx, member.id)
    simpanan = SimpananService(ctx)
    if simpanan.unbilled(member, this_month, {b.month for b in bills}):  # months not billed yet
        simpanan.catch_up(member)
        bills = ledger.member_bills(ctx, member.id)
    figures = ledger.balances(ctx, member.id)
    unpaid = [b for b in bills if b.paid_by is None and b.month <= this_month]
    return {
        "number": member.number,
        "name": member.name,
        "status": member.status,
        "pokok_rp": figures["pokok"],
        "wajib_rp": figures["wajib"],
        "sukarela_rp": figures["sukarela"],
        "arrears_months": len(unpaid),
        "arrears_rp": sum(b.amount_rp for b in unpaid),
        "bon_outstanding_rp": 0,  # member credit is not offered yet
        "purchases_ytd_rp": purchases_ytd(ctx, member.id),
        "as_of": _as_of(ctx),
    }


def capital(ctx: ServiceContext) -> dict[str, Any]:
    """`members capital --json`: members by status and joined, capital per kind, arrears, bon."""
    today = ctx.business_date()
    counts = dict.fromkeys(("active", "inactive", "pending"), 0)
    for status, count in ctx.db.execute_sql('SELECT "status", COUNT(*) FROM "member" GROUP BY 1'):
        counts[status] = int(count)
    joined_month = ctx.db.execute_sql(
        'SELECT COUNT(*) FROM "member" WHERE "joined_on" >= ?', (month_of(today) + "-01",)
    ).fetchone()[0]
    joined_year = ctx.db.execute_sql(
        'SELECT COUNT(*) FROM "member" WHERE "joined_on" >= ?', (today[:4] + "-01-01",)
    ).fetchone()[0]
    kinds = {"pokok": 0, "wajib": 0, "sukarela": 0}
    sql = 'SELECT "kind", SUM("amount_rp") FROM "member_payment" WHERE "status" = ? GROUP BY 1'
    for kind, total in ctx.db.execute_sql(sql, ("confirmed",)):
        kinds[kind] = int(total)
    members, amount = ctx.db.execute_sql(
        'SELECT COUNT(DISTINCT "member_id"), COALESCE(SUM("amount_rp"), 0) FROM "simpanan_bill" '
        'WHERE "paid_by_id" IS NULL AND "month" <= ?',
        (month_of(today),),
    ).fetchone()
    return {
        "as_of": _as_of(ctx),
        "members": {**counts, "joined_month": int(joined_month), "joined_year": int(joined_year)},
        "capital": {f"{k}_rp": v for k, v in kinds.items()},
        "arrears": {"members": int(members), "amount_rp": int(amount)},
        "bon_outstanding_rp": 0,
    }


def arrears(ctx: ServiceContext) -> list[ArrearsRow]:
    """Members with unpaid wajib up to this month: months, amount, last payment and a reminder."""
    this_month = month_of(ctx.business_date())
    sql = (
        'SELECT m."id", m."number", m."name", m."phone", b."month", b."amount_rp" FROM "simpanan_bill" b '
        'JOIN "member" m ON m."id" = b."member_id" WHERE b."paid_by_id" IS NULL AND b."month" <= ? '
        'ORDER BY m."number", b."month"'
    )
    grouped: dict[str, tuple[str, str, str, list[str], int]] = {}
    for mid, number, name, phone, month, amount in ctx.db.execute_sql(sql, (this_month,)):
        n, nm, ph, months, total = grouped.get(mid, (number, name, phone, [], 0))
        months.append(month)
        grouped[mid] = (n, nm, ph, months, total + amount)
    last = dict(
        ctx.db.execute_sql(
            'SELECT "member_id", MAX("business_date") FROM "member_payment" '
            'WHERE "kind" = ? AND "amount_rp" > 0 GROUP BY 1',
            ("wajib",),
        ).fetchall()
    )
    cooperative = ctx.store.cooperative_name
    rows = []
    for mid, (number, name, phone, months, total) in grouped.items():
        reminder = arrears_reminder(name, number, months, total, cooperative, phone)
        rows.append(ArrearsRow(number, name, months, total, last.get(mid), reminder.message, reminder.link))
    return rows
