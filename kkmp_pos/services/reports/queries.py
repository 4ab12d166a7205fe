"""Every query the shift and end-of-day reports read, in one place (so returns slot in here only).

What counts as a sale: `sale.status == 'completed'` (paid in full). `awaiting_payment` sales (QRIS not yet
confirmed) are reported apart as pending. A sale cancelled on its own business date (in a shift report:
in its own shift) is a void, reported apart and never counted. A cancellation made later is a correction
of the day it is made, like a return: the sale stays counted on its own day, and the cancellation is
subtracted on the cancellation's business date (in its shift). Returns (`sale_return` documents) are
subtracted on their own business date, from the totals, the refund method, member/non-member, hour, day
and products. A refund paid in cash is rounded like cash taken in; its `rounding_rp` is kept with it.

Sums are over the sale's `business_date` (store-local). `total_rp` is what the goods cost after line
discounts (Σ line totals); money taken is `total_rp + rounding_rp` (cash rounding), which is what the
payments add up to.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import peewee

from kkmp_pos.core.cash import CashFigures
from kkmp_pos.core.reports import ProductFacts, SalesFacts, SalesTotals
from kkmp_pos.services.reports.scopes import (
    IN_SHIFT,
    late_cancellation_scope,
    return_scope,
    sale_scope,
    sale_status,
)

COMPLETED = "completed"
PENDING = "awaiting_payment"
CANCELLED = "cancelled"


def _add(t: SalesTotals, row: tuple[Any, ...]) -> None:
    t.sale_count += row[0]
    t.total_rp += row[1] or 0
    t.subtotal_rp += row[2] or 0
    t.discount_rp += row[3] or 0
    t.rounding_rp += row[4] or 0
    t.member_savings_rp += row[5] or 0


def sales_facts(
    db: peewee.Database,
    date_from: str = "",
    date_to: str = "",
    *,
    shift_id: str | None = None,
    utc_offset_hours: int = 8,
) -> SalesFacts:
    """Totals by status, member/non-member, local hour, day and payment method, in three queries."""
    where, params = sale_scope(date_from, date_to, shift_id)
    facts = SalesFacts()
    sql = (
        'SELECT COUNT(*), SUM(s."total_rp"), SUM(s."subtotal_rp"), SUM(s."discount_rp"), '
        f'SUM(s."rounding_rp"), SUM(s."member_savings_rp"), {sale_status(shift_id)}, s."member_id" IS NULL, '
        'substr(s."created_at", 12, 2), s."business_date" '
        f'FROM "sale" s WHERE {where} GROUP BY 7, 8, 9, 10'
    )
    for row in db.execute_sql(sql, params):
        status, non_member, utc_hour, bdate = row[6], row[7], row[8], row[9]
        target = {COMPLETED: facts.completed, PENDING: facts.pending, CANCELLED: facts.cancelled}
        if status not in target:
            continue
        _add(target[status], row)
        if status != COMPLETED:
            continue
        _add(facts.non_member if non_member else facts.member, row)
        hour = (int(utc_hour) + utc_offset_hours) % 24
        facts.by_hour[hour] = facts.by_hour.get(hour, 0) + (row[1] or 0)
        facts.by_day[bdate] = facts.by_day.get(bdate, 0) + (row[1] or 0)
    sql = (
        f'SELECT {sale_status(shift_id)}, p."method", p."status", COUNT(*), SUM(p."amount_rp") '
        'FROM "payment" p JOIN "sale" s ON s."id" = p."sale_id" '
        f"WHERE {where} GROUP BY 1, 2, 3"
    )
    for state, method, pay_status, count, amount in db.execute_sql(sql, params):
        # A confirmed QRIS payment keeps its row; the sale turning 'completed' is what confirms it.
        if state == COMPLETED and pay_status != "cancelled":
            facts.by_payment[method] = facts.by_payment.get(method, 0) + amount
            if method == "qris":
                c, a = facts.qris_confirmed
                facts.qris_confirmed = (c + count, a + amount)
        elif state == PENDING and method == "qris" and pay_status == "pending":
            c, a = facts.qris_pending
            facts.qris_pending = (c + count, a + amount)
    _subtract_returns(db, facts, date_from, date_to, shift_id, utc_offset_hours)
    _subtract_later_cancellations(db, facts, date_from, date_to, shift_id, utc_offset_hours)
    facts.taxable_rp, facts.exempt_rp = ppn_bases(db, date_from, date_to, shift_id=shift_id)
    facts.vat_registered, facts.ppn_percent = vatstatus(db, date_from, date_to, shift_id=shift_id)
    return facts


def ppn_bases(
    db: peewee.Database, date_from: str = "", date_to: str = "", *, shift_id: str | None = None
) -> tuple[int, int]:
    """(taxable, exempt) rupiah of the sales made while the store was VAT-registered: completed sales'
    line totals after discounts, less their returns and later cancellations.

    Exempt means the line was sold as `ppn_exempt` (basic staples, LPG 3 kg: core/tax.py); the flag and
    the store's VAT status are kept on the sale, so a later catalog or VAT change never changes a past
    report.
    """
    where, params = sale_scope(date_from, date_to, shift_id)
    sums = {0: 0, 1: 0}
    sql = (
        'SELECT l."ppn_exempt", SUM(l."line_total_rp") FROM "sale_line" l '
        'JOIN "sale" s ON s."id" = l."sale_id" '
        f'WHERE {where} AND s."vat_registered" AND {sale_status(shift_id)} = ? GROUP BY 1'
    )
    for exempt, total in db.execute_sql(sql, [*params, COMPLETED]):
        sums[1 if exempt else 0] += total or 0
    where_r, params_r = return_scope(date_from, date_to, shift_id)
    sql = (
        'SELECT l."ppn_exempt", SUM(rl."refund_rp") FROM "sale_return_line" rl '
        'JOIN "sale_return" r ON r."id" = rl."sale_return_id" '
        'JOIN "sale_line" l ON l."id" = rl."sale_line_id" JOIN "sale" s ON s."id" = l."sale_id" '
        f'WHERE {where_r} AND s."vat_registered" GROUP BY 1'
    )
    for exempt, refund in db.execute_sql(sql, params_r):
        sums[1 if exempt else 0] -= refund or 0
    where_c, params_c = late_cancellation_scope(date_from, date_to, shift_id)
    sql = (
        'SELECT l."ppn_exempt", SUM(l."line_total_rp") FROM "sale_cancellation" c '
        'JOIN "sale" s ON s."id" = c."sale_id" JOIN "sale_line" l ON l."sale_id" = s."id" '
        f'WHERE {where_c} AND s."vat_registered" GROUP BY 1'
    )
    for exempt, total in db.execute_sql(sql, params_c):
        sums[1 if exempt else 0] -= total or 0
    return sums[0], sums[1]


def vatstatus(
    db: peewee.Database, date_from: str = "", date_to: str = "", *, shift_id: str | None = None
) -> tuple[bool, int | None]:
    """Whether any sale of the period (or corrected in it) was made while the store was VAT-registered,
    and the PPN rate it was made at (the highest, should the rate have changed within the period)."""
    where, params = sale_scope(date_from, date_to, shift_id)
    where_r, params_r = return_scope(date_from, date_to, shift_id)
    where_c, params_c = late_cancellation_scope(date_from, date_to, shift_id)
    rates = [
        db.execute_sql(
            f'SELECT MAX(s."ppn_percent") FROM {source} WHERE {w} AND s."vat_registered"', p
        ).fetchone()[0]
        for source, w, p in (
            ('"sale" s', where, params),
            ('"sale_return" r JOIN "sale" s ON s."id" = r."sale_id"', where_r, params_r),
            ('"sale_cancellation" c JOIN "sale" s ON s."id" = c."sale_id"', where_c, params_c),
        )
    ]
    known = [rate for rate in rates if rate is not None]
    percent = max(known) if known else None
    return percent is not None, percent


def _subtract_later_cancellations(
    db: peewee.Database,
    facts: SalesFacts,
    date_from: str,
    date_to: str,
    shift_id: str | None,
    utc_offset_hours: int,
) -> None:
    """A sale cancelled after its own period: its goods value leaves the completed totals, and what was
    paid back leaves its refund method, on the day and in the shift the cancellation was made."""
    where, params = late_cancellation_scope(date_from, date_to, shift_id)
    sql = (
        'SELECT s."total_rp", c."refund_rp" + c."rounding_rp", c."refund_method", s."member_id" IS NULL, '
        'substr(c."created_at", 12, 2), c."business_date" '
        f'FROM "sale_cancellation" c JOIN "sale" s ON s."id" = c."sale_id" WHERE {where}'
    )
    for total, paid_back, method, non_member, utc_hour, bdate in db.execute_sql(sql, params):
        facts.cancelled_later.sale_count += 1
        facts.cancelled_later.total_rp += total
        hour = (int(utc_hour) + utc_offset_hours) % 24
        _take_out(facts, total, paid_back, method, non_member, hour, bdate)


def _subtract_returns(
    db: peewee.Database,
    facts: SalesFacts,
    date_from: str,
    date_to: str,
    shift_id: str | None,
    utc_offset_hours: int,
) -> None:
    """Returns reduce the completed totals, their refund method, member/non-member, hour and day."""
    where, params = return_scope(date_from, date_to, shift_id)
    sql = (
        'SELECT r."refund_rp", r."refund_method", s."member_id" IS NULL, substr(r."created_at", 12, 2), '
        'r."business_date", r."rounding_rp" FROM "sale_return" r JOIN "sale" s ON s."id" = r."sale_id" '
        f"WHERE {where}"
    )
    for refund, method, non_member, utc_hour, bdate, rounding in db.execute_sql(sql, params):
        facts.returns.sale_count += 1
        facts.returns.total_rp += refund
        hour = (int(utc_hour) + utc_offset_hours) % 24
        _take_out(facts, refund, refund + rounding, method, non_member, hour, bdate)


def _take_out(
    facts: SalesFacts,
    goods_rp: int,
    paid_back_rp: int,
    method: str | None,
    non_member: bool,
    hour: int,
    bdate: str,
) -> None:
    """Goods worth `goods_rp` leave the period's sales: its totals, member/non-member share, hour and
    day; the cash step's rounding of what was paid back (`paid_back_rp`) leaves the rounding, and all
    of it leaves the refund method (a cancellation with nothing paid back names none)."""
    facts.completed.total_rp -= goods_rp
    facts.completed.rounding_rp -= paid_back_rp - goods_rp
    group = facts.non_member if non_member else facts.member
    group.total_rp -= goods_rp
    if method:
        facts.by_payment[method] = facts.by_payment.get(method, 0) - paid_back_rp
    facts.by_hour[hour] = facts.by_hour.get(hour, 0) - goods_rp
    facts.by_day[bdate] = facts.by_day.get(bdate, 0) - goods_rp


# What a product was called and filed under when it was sold, from the sale line (schema step 8).
_AS_SOLD = 'MAX(l."product_code"), MAX(l."name"), MAX(l."business_unit"), MAX(l."category")'


def product_facts(
    db: peewee.Database, date_from: str = "", date_to: str = "", *, shift_id: str | None = None
) -> list[ProductFacts]:
    """Completed sales per product (quantity in base units, rupiah after line discounts), named and
    grouped as the products were when sold: a later catalog edit never changes a past report."""
    where, params = sale_scope(date_from, date_to, shift_id)
    sql = (
        f'SELECT l."product_id", SUM(l."base_qty_milli"), SUM(l."line_total_rp"), {_AS_SOLD} '
        'FROM "sale_line" l JOIN "sale" s ON s."id" = l."sale_id" '
        f"WHERE {where} AND {sale_status(shift_id)} = ? GROUP BY 1"
    )
    sums: dict[int, tuple[int, int]] = {}
    facts: dict[int, tuple[str, str, str, str]] = {}
    for pid, qty, total, *as_sold in db.execute_sql(sql, [*params, COMPLETED]):
        sums[pid] = (qty, total)
        facts[pid] = tuple(as_sold)  # type: ignore[assignment]
    where_r, params_r = return_scope(date_from, date_to, shift_id)
    sql = (
        f'SELECT l."product_id", SUM(rl."base_qty_milli"), SUM(rl."refund_rp"), {_AS_SOLD} '
        'FROM "sale_return_line" rl JOIN "sale_return" r ON r."id" = rl."sale_return_id" '
        'JOIN "sale_line" l ON l."id" = rl."sale_line_id" '
        f"WHERE {where_r} GROUP BY 1"
    )
    where_c, params_c = late_cancellation_scope(date_from, date_to, shift_id)
    sql_c = (
        f'SELECT l."product_id", SUM(l."base_qty_milli"), SUM(l."line_total_rp"), {_AS_SOLD} '
        'FROM "sale_cancellation" c JOIN "sale" s ON s."id" = c."sale_id" '
        'JOIN "sale_line" l ON l."sale_id" = s."id" '
        f"WHERE {where_c} GROUP BY 1"
    )
    corrections = [*db.execute_sql(sql, params_r), *db.execute_sql(sql_c, params_c)]
    for pid, qty, refund, *as_sold in corrections:
        sold_qty, sold_total = sums.get(pid, (0, 0))
        sums[pid] = (sold_qty - qty, sold_total - refund)
        facts.setdefault(pid, tuple(as_sold))  # type: ignore[arg-type]
    if not sums:
        return []
    # the base unit, and what a line written without the as-sold columns (bulk-generated shops) lacks
    marks = ", ".join("?" for _ in sums)
    sql = (
        'SELECT p."id", p."base_unit", p."code", p."name", p."business_unit", COALESCE(c."name", \'\') '
        'FROM "product" p LEFT JOIN "category" c ON c."id" = p."category_id" '
        f'WHERE p."id" IN ({marks})'
    )
    catalog = {row[0]: row[1:] for row in db.execute_sql(sql, list(sums))}
    result = []
    for pid, (qty, total) in sums.items():
        unit, *today = catalog.get(pid, ("", "?", "?", "sembako", ""))
        code, name, business_unit, category = (
            sold or now for sold, now in zip(facts[pid], today, strict=True)
        )
        result.append(ProductFacts(pid, code, name, unit, business_unit, category, qty, total))
    return result


def cash_movements(db: peewee.Database, shift_id: str) -> list[tuple[str, int, str, str, str]]:
    """(kind, amount_rp, reason, created_at, user name) of a shift's cash moves, oldest first."""
    sql = (
        'SELECT m."kind", m."amount_rp", m."reason", m."created_at", u."name" FROM "cash_movement" m '
        'JOIN "user" u ON u."id" = m."user_id" WHERE m."shift_id" = ? ORDER BY m."created_at", m."id"'
    )
    return [tuple(row) for row in db.execute_sql(sql, [shift_id])]  # type: ignore[misc]


def shift_cash_figures(db: peewee.Database, shift_id: str, opening_float_rp: int) -> CashFigures:
    """What the drawer of a shift should hold at its count (deposits come after the count).

    Cash taken = cash applied to every sale of the shift, whatever became of it; a cancellation or a
    return paid back in cash during the shift is a refund. Simpanan paid in cash is cash too.
    """
    sql = (
        'SELECT COALESCE(SUM(p."amount_rp"), 0) FROM "payment" p JOIN "sale" s ON s."id" = p."sale_id" '
        'WHERE s."shift_id" = ? AND p."method" = ?'
    )
    cash_sales = db.execute_sql(sql, [shift_id, "cash"]).fetchone()[0]
    moves: dict[str, int] = defaultdict(int)
    sql = 'SELECT "kind", SUM("amount_rp") FROM "cash_movement" WHERE "shift_id" = ? GROUP BY 1'
    for kind, amount in db.execute_sql(sql, [shift_id]):
        moves[kind] = amount
    sql = (
        'SELECT COALESCE(SUM(t."amount_rp" + t."rounding_rp"), 0) FROM "member_payment" t '
        f'WHERE t."method" = ? AND t."status" = ? AND ({IN_SHIFT.format(t="t")})'
    )
    savings = db.execute_sql(sql, ["cash", "confirmed", shift_id, shift_id, shift_id]).fetchone()[0]
    return CashFigures(
        opening_float_rp=opening_float_rp,
        cash_sales_rp=int(cash_sales),
        cash_in_rp=moves["in"],
        cash_out_rp=moves["out"],
        cash_refunds_rp=_cash_refunds(db, shift_id),
        savings_cash_rp=int(savings),
    )


def _cash_refunds(db: peewee.Database, shift_id: str) -> int:
    """Cash paid back during the shift for cancellations and returns."""
    total = 0
    for table in ("sale_cancellation", "sale_return"):
        sql = (
            f'SELECT COALESCE(SUM(t."refund_rp" + t."rounding_rp"), 0) FROM "{table}" t '
            f'WHERE t."refund_method" = ? AND ({IN_SHIFT.format(t="t")})'
        )
        total += int(db.execute_sql(sql, ["cash", shift_id, shift_id, shift_id]).fetchone()[0])
    return total


def shifts_in_range(db: peewee.Database, date_from: str, date_to: str) -> list[dict[str, Any]]:
    """Shifts opened on the business dates in range, with their count and approval, oldest first."""
    sql = (
        'SELECT sh."id", u."name", sh."status", sh."opened_at", sh."closed_at", sh."business_date", '
        'sh."opening_float_rp", sh."counted_cash_rp", sh."expected_cash_rp", sh."difference_rp", '
        'a."name" FROM "shift" sh JOIN "user" u ON u."id" = sh."user_id" '
        'LEFT JOIN "user" a ON a."id" = sh."approved_by_id" '
        'WHERE sh."business_date" BETWEEN ? AND ? ORDER BY sh."opened_at"'
    )
    keys = (
        "id", "cashier", "status", "opened_at", "closed_at", "business_date", "opening_float_rp",
        "counted_cash_rp", "expected_cash_rp", "difference_rp", "approved_by",
    )  # fmt: skip
    return [dict(zip(keys, row, strict=True)) for row in db.execute_sql(sql, [date_from, date_to])]


def member_purchases(db: peewee.Database, date_from: str, date_to: str) -> list[dict[str, Any]]:
    """Net purchases per member in the period (completed sales, net of returns and of later
    cancellations on the day they were made): the basis of SHU."""
    sql = (
        'SELECT m."id", m."number", m."name", COUNT(s."id"), SUM(s."total_rp"), SUM(s."member_savings_rp") '
        'FROM "sale" s JOIN "member" m ON m."id" = s."member_id" '
        f'WHERE s."business_date" BETWEEN ? AND ? AND {sale_status(None)} = ? '
        'GROUP BY m."id" ORDER BY m."number"'
    )
    returned: dict[str, int] = defaultdict(int)
    sql_returns = (
        'SELECT s."member_id", SUM(r."refund_rp") FROM "sale_return" r JOIN "sale" s ON s."id" = r."sale_id" '
        'WHERE r."business_date" BETWEEN ? AND ? AND s."member_id" IS NOT NULL GROUP BY 1'
    )
    for mid, refund in db.execute_sql(sql_returns, [date_from, date_to]):
        returned[mid] = refund
    where_c, params_c = late_cancellation_scope(date_from, date_to, None)
    sql_cancelled = (
        'SELECT s."member_id", SUM(s."total_rp") FROM "sale_cancellation" c '
        f'JOIN "sale" s ON s."id" = c."sale_id" WHERE {where_c} AND s."member_id" IS NOT NULL GROUP BY 1'
    )
    for mid, total in db.execute_sql(sql_cancelled, params_c):
        returned[mid] += total
    rows = [
        {
            "member_id": mid,
            "number": number,
            "name": name,
            "sale_count": count,
            "total_rp": (total or 0) - returned.get(mid, 0),
            "savings_rp": savings or 0,
        }
        for mid, number, name, count, total, savings in db.execute_sql(sql, [date_from, date_to, COMPLETED])
    ]
    return rows
