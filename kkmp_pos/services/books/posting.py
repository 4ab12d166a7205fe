"""Posting: each document's facts, read inside its own commit, through its core rule to the journal writer.

Called by the services at their commit points (checkout, return, cancellation, goods receipt, write-off,
count approval, cash moved), in the same transaction, so a document and its journal commit together.
A sale is posted from what checkout holds in memory; the others read their rows just written.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from kkmp_pos.core import journal_rules as rules
from kkmp_pos.core.money import line_total_rp
from kkmp_pos.db.database import database
from kkmp_pos.db.journal import write_journal

log = logging.getLogger(__name__)


def _write(draft: rules.Draft, kind: str, doc_id: str, doc_date: str, created_at: str, memo: str = "") -> str:
    if draft.warnings:
        log.warning("journal for %s %s posted with warnings: %s", kind, doc_id, ", ".join(draft.warnings))
    return write_journal(
        draft, doc_kind=kind, doc_id=doc_id, doc_date=doc_date, created_at=created_at, memo=memo
    )


def post_sale(
    *,
    sale_id: str,
    receipt_no: str,
    member: bool,
    total_rp: int,
    rounding_rp: int,
    vat_registered: bool,
    ppn_percent: int,
    line_rows: Sequence[Mapping[str, Any]],
    line_costs: Sequence[int],
    payment_rows: Sequence[Mapping[str, Any]],
    business_date: str,
    created_at: str,
) -> str:
    """Checkout's posting, from the rows it has just inserted (no reads)."""
    lines = tuple(
        rules.SaleLineFacts(
            str(row["business_unit"]),
            int(row["line_total_rp"]),
            bool(row["ppn_exempt"]),
            cost,
        )
        for row, cost in zip(line_rows, line_costs, strict=True)
    )
    facts = rules.SaleFacts(
        member,
        total_rp,
        rounding_rp,
        vat_registered,
        ppn_percent,
        lines,
        tuple((str(p["method"]), int(p["amount_rp"])) for p in payment_rows),
    )
    return _write(rules.sale_journal(facts), "sale", sale_id, business_date, created_at, receipt_no)


def _sale_facts(sale_id: str) -> tuple[rules.SaleFacts, str]:
    """A stored sale's facts: COGS from its own movements (the cost they carried)."""
    sale = database.execute_sql(
        'SELECT "member_id", "total_rp", "rounding_rp", "vat_registered", "ppn_percent", "receipt_no" '
        'FROM "sale" WHERE "id" = ?',
        (sale_id,),
    ).fetchone()
    costs = _movement_costs(sale_id, "sale")
    lines = tuple(
        rules.SaleLineFacts(unit, total, bool(exempt), costs.pop(pid, 0))
        for pid, unit, total, exempt in database.execute_sql(
            'SELECT "product_id", "business_unit", "line_total_rp", "ppn_exempt" FROM "sale_line" '
            'WHERE "sale_id" = ? ORDER BY "line_no"',
            (sale_id,),
        )
    )
    payments = tuple(
        database.execute_sql('SELECT "method", "amount_rp" FROM "payment" WHERE "sale_id" = ?', (sale_id,))
    )
    facts = rules.SaleFacts(sale[0] is not None, sale[1], sale[2], bool(sale[3]), sale[4], lines, payments)
    return facts, sale[5]


def _movement_costs(doc_id: str, kind: str) -> dict[int, int]:
    costs: dict[int, int] = {}
    for pid, qty, cost in database.execute_sql(
        'SELECT "product_id", "qty_milli", "unit_cost_rp" FROM "stock_movement" '
        'WHERE "doc_id" = ? AND "kind" = ?',
        (doc_id, kind),
    ):
        costs[pid] = costs.get(pid, 0) + line_total_rp(cost, abs(qty))
    return costs


def post_cancellation(cancellation_id: str) -> str:
    sale_id, method, refund, rounding, bdate, created = database.execute_sql(
        'SELECT "sale_id", "refund_method", "refund_rp", "rounding_rp", "business_date", "created_at" '
        'FROM "sale_cancellation" WHERE "id" = ?',
        (cancellation_id,),
    ).fetchone()
    facts, receipt_no = _sale_facts(sale_id)
    draft = rules.cancellation_journal(facts, rules.RefundFacts(method, refund, rounding))
    return _write(draft, "cancellation", cancellation_id, bdate, created, receipt_no)


def post_return(return_id: str) -> str:
    sale_id, return_no, method, refund, rounding, bdate, created = database.execute_sql(
        'SELECT "sale_id", "return_no", "refund_method", "refund_rp", "rounding_rp", "business_date", '
        '"created_at" FROM "sale_return" WHERE "id" = ?',
        (return_id,),
    ).fetchone()
    member, vat, percent = database.execute_sql(
        'SELECT "member_id" IS NOT NULL, "vat_registered", "ppn_percent" FROM "sale" WHERE "id" = ?',
        (sale_id,),
    ).fetchone()
    costs = _movement_costs(return_id, "return")
    lines = tuple(
        rules.SaleLineFacts(unit, amount, bool(exempt), costs.pop(pid, 0))
        for pid, unit, amount, exempt in database.execute_sql(
            'SELECT l."product_id", l."business_unit", r."refund_rp", l."ppn_exempt" '
            'FROM "sale_return_line" r '
            'JOIN "sale_line" l ON l."id" = r."sale_line_id" WHERE r."sale_return_id" = ? ORDER BY r."id"',
            (return_id,),
        )
    )
    facts = rules.ReturnFacts(
        bool(member), bool(vat), percent, lines, rules.RefundFacts(method, refund, rounding)
    )
    return _write(rules.return_journal(facts), "return", return_id, bdate, created, return_no)


def post_goods_receipt(receipt_id: str) -> str:
    number, bdate, created = database.execute_sql(
        'SELECT "number", "business_date", "created_at" FROM "goods_receipt" WHERE "id" = ?', (receipt_id,)
    ).fetchone()
    lines = list(
        database.execute_sql(
            'SELECT p."business_unit", l."line_total_rp" FROM "goods_receipt_line" l '
            'JOIN "product" p ON p."id" = l."product_id" WHERE l."receipt_id" = ? ORDER BY l."line_no"',
            (receipt_id,),
        )
    )
    return _write(rules.goods_receipt_journal(lines), "goods_receipt", receipt_id, bdate, created, number)


def _movement_values(doc_id: str, kind: str) -> list[tuple[str, int]]:
    """(business unit, signed value) of a document's stock movements at the cost each carries: what the
    stock ledger says the document moved, so inventory in the books follows it to the rupiah."""
    return [
        (unit, (1 if qty > 0 else -1) * line_total_rp(cost, abs(qty)))
        for unit, qty, cost in database.execute_sql(
            'SELECT p."business_unit", m."qty_milli", m."unit_cost_rp" FROM "stock_movement" m '
            'JOIN "product" p ON p."id" = m."product_id" '
            'WHERE m."doc_id" = ? AND m."kind" = ? ORDER BY m."id"',
            (doc_id, kind),
        )
    ]


def post_write_off(write_off_id: str) -> str:
    """At its movements' value (the document's own value_rp is the same but for per-batch rounding)."""
    reason, bdate, created = database.execute_sql(
        'SELECT "reason", "business_date", "created_at" FROM "write_off" WHERE "id" = ?', (write_off_id,)
    ).fetchone()
    moved = _movement_values(write_off_id, "writeoff")  # one product: its batches, if any
    draft = rules.write_off_journal(moved[0][0], -sum(value for _, value in moved))
    return _write(draft, "write_off", write_off_id, bdate, created, reason)


def post_count(count_id: str, doc_date: str, created_at: str) -> str | None:
    """A count's approved adjustments (on the approval's date) at the value of their movements; nothing to
    post when none moved."""
    (number,) = database.execute_sql(
        'SELECT "number" FROM "stock_count" WHERE "id" = ?', (count_id,)
    ).fetchone()
    draft = rules.count_adjustment_journal(_movement_values(count_id, "count"))
    if not draft.lines:
        return None
    return _write(draft, "count", count_id, doc_date, created_at, number)


def post_cash_move(move_id: str) -> str:
    kind, amount, reason, bdate, created = database.execute_sql(
        'SELECT "kind", "amount_rp", "reason", "business_date", "created_at" FROM "cash_movement" '
        'WHERE "id" = ?',
        (move_id,),
    ).fetchone()
    return _write(
        rules.cash_move_journal(kind, amount, reason), f"cash_{kind}", move_id, bdate, created, reason
    )


def post_opening_stock(doc_id: str, doc_date: str, created_at: str) -> str | None:
    """The opening stock (movements of kind 'opening' under `doc_id`) into the books at its cost: inventory
    per business unit against Ekuitas saldo awal. Nothing when there is none."""
    from kkmp_pos.core.chart import OPENING_EQUITY

    values: dict[str, int] = {}
    for unit, qty, cost in database.execute_sql(
        'SELECT p."business_unit", m."qty_milli", m."unit_cost_rp" FROM "stock_movement" m '
        'JOIN "product" p ON p."id" = m."product_id" WHERE m."doc_id" = ? AND m."kind" = \'opening\'',
        (doc_id,),
    ):
        values[unit] = values.get(unit, 0) + line_total_rp(cost, qty)
    lines = [
        rules.Posting(code, v, 0)
        for code, v in ((rules.ROLES.get(f"inventory:{u}"), v) for u, v in values.items())
        if code and v
    ]
    total = sum(p.debit_rp for p in lines)
    if not total:
        return None
    draft = rules.Draft((*lines, rules.Posting(OPENING_EQUITY, 0, total)))
    return _write(draft, "opening", doc_id, doc_date, created_at, "Persediaan awal")


def post_sale_from_store(sale_id: str) -> str:
    """A stored sale's journal (the backfill of sales made before the books)."""
    facts, receipt_no = _sale_facts(sale_id)
    bdate, created = database.execute_sql(
        'SELECT "business_date", "created_at" FROM "sale" WHERE "id" = ?', (sale_id,)
    ).fetchone()
    return _write(rules.sale_journal(facts), "sale", sale_id, bdate, created, receipt_no)


# kind -> (table, poster): the documents the backfill looks for, in the order their effects build on
_BACKFILL = (
    ("sale", "sale", post_sale_from_store),
    ("cancellation", "sale_cancellation", post_cancellation),
    ("return", "sale_return", post_return),
    ("goods_receipt", "goods_receipt", post_goods_receipt),
    ("write_off", "write_off", post_write_off),
    ("cash", "cash_movement", post_cash_move),
)


def post_missing() -> dict[str, int]:
    """Post every document that has no journal yet (documents made before the books existed, on an
    upgraded till); returns how many of each kind. Approved counts are posted at their approval date."""
    done: dict[str, int] = {}
    for kind, table, post in _BACKFILL:
        ids = [
            row[0]
            for row in database.execute_sql(
                f'SELECT t."id" FROM "{table}" t WHERE NOT EXISTS '
                '(SELECT 1 FROM "journal" j WHERE j."doc_id" = t."id") ORDER BY t."created_at"'
            )
        ]
        for doc_id in ids:
            post(doc_id)
        done[kind] = len(ids)
    counts = list(
        database.execute_sql(
            'SELECT c."id", substr(c."approved_at", 1, 10), c."approved_at" FROM "stock_count" c '
            "WHERE c.\"status\" = 'approved' AND NOT EXISTS "
            '(SELECT 1 FROM "journal" j WHERE j."doc_id" = c."id")'
        )
    )
    for count_id, day, at in counts:
        post_count(count_id, day, at)
    done["count"] = len(counts)
    openings = list(
        database.execute_sql(
            'SELECT m."doc_id", MIN(m."business_date"), MIN(m."created_at") FROM "stock_movement" m '
            "WHERE m.\"kind\" = 'opening' AND NOT EXISTS "
            '(SELECT 1 FROM "journal" j WHERE j."doc_id" = m."doc_id") GROUP BY m."doc_id"'
        )
    )
    for doc_id, day, at in openings:
        post_opening_stock(doc_id, day, at)
    done["opening"] = len(openings)
    return done
