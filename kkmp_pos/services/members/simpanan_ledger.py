"""The simpanan ledger: the one writer of simpanan documents, wajib bills and member status changes.

A balance is the sum of its documents (`member_payment.amount_rp`, signed) and nothing else: there is
no balance cache to drift. A bill's `paid_by` is set by the document that pays it and cleared by that
document's reversal, in the same transaction. Every write here runs inside the caller's transaction
and queues its event in the outbox there.
"""

from __future__ import annotations

from dataclasses import dataclass

from kkmp_pos.core.event_fields import Person
from kkmp_pos.core.events import BilledMember, MemberStatusChanged, SimpananBilled, SimpananRecorded
from kkmp_pos.core.ids import uuid7
from kkmp_pos.core.simpanan import KINDS, first_billed_month, month_of, status_for, wajib_for
from kkmp_pos.db.models import MemberModel, MemberPaymentModel, MemberStatusChangeModel
from kkmp_pos.db.outbox import append_event
from kkmp_pos.services.context import Actor, ServiceContext

BILLS_PER_EVENT = 1000  # a month's bills travel in batches, each well under the push size limit


@dataclass(frozen=True)
class Bill:
    id: str
    month: str
    amount_rp: int
    paid_by: str | None


def balances(ctx: ServiceContext, member_id: str) -> dict[str, int]:
    """Each kind's balance: the sum of the member's confirmed documents of that kind."""
    out = dict.fromkeys(KINDS, 0)
    sql = (
        'SELECT "kind", SUM("amount_rp") FROM "member_payment" '
        'WHERE "member_id" = ? AND "status" = ? GROUP BY "kind"'
    )
    for kind, total in ctx.db.execute_sql(sql, (member_id, "confirmed")):
        out[kind] = int(total)
    return out


def member_bills(ctx: ServiceContext, member_id: str, *, unpaid_only: bool = False) -> list[Bill]:
    sql = 'SELECT "id", "month", "amount_rp", "paid_by_id" FROM "simpanan_bill" WHERE "member_id" = ?'
    if unpaid_only:
        sql += ' AND "paid_by_id" IS NULL'
    rows = ctx.db.execute_sql(sql + ' ORDER BY "month"', (member_id,))
    return [Bill(*row) for row in rows]


def pokok_instalments(ctx: ServiceContext, member_id: str) -> int:
    """Pokok deposits that still stand (not reversed)."""
    sql = (
        'SELECT COUNT(*) FROM "member_payment" d WHERE d."member_id" = ? AND d."kind" = ? '
        'AND d."doc_type" = ? '
        'AND NOT EXISTS (SELECT 1 FROM "member_payment" r WHERE r."reverses_id" = d."id")'
    )
    return int(ctx.db.execute_sql(sql, (member_id, "pokok", "deposit")).fetchone()[0])


def next_number(ctx: ServiceContext) -> str:
    """The next simpanan document number of this till, e.g. 'KKMP-T1-SP-000042'."""
    prefix = f"{ctx.store.code}-{ctx.terminal.code}-SP-"
    row = ctx.db.execute_sql(
        'SELECT MAX("receipt_no") FROM "member_payment" WHERE "receipt_no" LIKE ?', (prefix + "%",)
    ).fetchone()
    last = int(row[0][len(prefix) :]) if row and row[0] else 0
    return f"{prefix}{last + 1:06d}"


def record_document(
    ctx: ServiceContext,
    member: MemberModel,
    *,
    kind: str,
    doc_type: str,
    amount_rp: int,
    method: str,
    cashier: Actor | None,
    shift_id: str | None,
    reference: str = "",
    rounding_rp: int = 0,
    months: tuple[str, ...] = (),
    reverses_id: str | None = None,
    approver: Actor | None = None,
) -> MemberPaymentModel:
    """Write one immutable simpanan document and its event; `amount_rp` is its signed effect."""
    now, bdate = ctx.now_iso(), ctx.business_date()
    balance_after = balances(ctx, member.id)[kind] + amount_rp
    doc = MemberPaymentModel.create(
        id=uuid7(),
        member=member.id,
        kind=kind,
        amount_rp=amount_rp,
        method=method,
        reference=reference,
        status="confirmed",
        receipt_no=next_number(ctx),
        cashier=cashier.user_id if cashier else _any_user(ctx),
        shift=shift_id,
        created_at=now,
        business_date=bdate,
        doc_type=doc_type,
        reverses_id=reverses_id,
        months=",".join(months),
        rounding_rp=rounding_rp,
        approved_by=approver.user_id if approver else None,
        balance_after_rp=balance_after,
    )
    event = SimpananRecorded(
        id=doc.id,
        number=doc.receipt_no,
        member_id=member.id,
        member_number=member.number,
        kind=kind,
        doc_type=doc_type,
        amount_rp=amount_rp,
        method=method,
        reference=reference,
        rounding_rp=rounding_rp,
        months=months,
        reverses_id=reverses_id,
        balance_after_rp=balance_after,
        shift_id=shift_id,
        cashier=Person(cashier.user_id, cashier.name) if cashier else None,
        approved_by=Person(approver.user_id, approver.name) if approver else None,
    )
    append_event(event.TYPE, event.to_payload(), occurred_at=now, business_date=bdate)
    return doc


def _any_user(ctx: ServiceContext) -> int:
    """The till's first user, for documents no person made (an import run by the admin)."""
    return int(ctx.db.execute_sql('SELECT MIN("id") FROM "user"').fetchone()[0])


def mark_bills_paid(ctx: ServiceContext, bill_ids: list[str], doc_id: str | None) -> None:
    """Set (a payment) or clear (its reversal) the document that paid these bills."""
    for bill_id in bill_ids:
        ctx.db.execute_sql('UPDATE "simpanan_bill" SET "paid_by_id" = ? WHERE "id" = ?', (doc_id, bill_id))


def add_bills(ctx: ServiceContext, month: str, rows: list[tuple[str, int]]) -> int:
    """Bill `month` for (member id, amount) rows, skipping members already billed that month."""
    if not rows:
        return 0
    now, bdate = ctx.now_iso(), ctx.business_date()
    sql, params = 'SELECT "member_id" FROM "simpanan_bill" WHERE "month" = ?', [month]
    if len(rows) == 1:  # one member catching up: look at their bill only
        sql, params = sql + ' AND "member_id" = ?', [month, rows[0][0]]
    billed = {mid for (mid,) in ctx.db.execute_sql(sql, params)}
    new = [
        (uuid7(), mid, month, amount, now, bdate) for mid, amount in rows if mid not in billed and amount > 0
    ]
    ctx.db.cursor().executemany(
        'INSERT INTO "simpanan_bill" ("id", "member_id", "month", "amount_rp", "created_at", '
        '"business_date") VALUES (?, ?, ?, ?, ?, ?)',
        new,
    )
    for start in range(0, len(new), BILLS_PER_EVENT):
        chunk = new[start : start + BILLS_PER_EVENT]
        event = SimpananBilled(month, tuple(BilledMember(b[0], b[1], b[3]) for b in chunk))
        append_event(event.TYPE, event.to_payload(), occurred_at=now, business_date=bdate)
    return len(new)


def bill_rows(ctx: ServiceContext, month: str, member_id: str | None = None) -> list[tuple[str, int]]:
    """(member id, amount) of every member due wajib in `month` by the rules in force that month."""
    amount = wajib_for(ctx.settings.member_wajib_schedule, month)
    sql = 'SELECT "id", "joined_on", "cutover_month" FROM "member" WHERE "erased_at" IS NULL'
    params: tuple[str, ...] = ()
    if member_id is not None:
        sql, params = sql + ' AND "id" = ?', (member_id,)
    rows = ctx.db.execute_sql(sql, params)
    return [(mid, amount) for mid, joined, cutover in rows if first_billed_month(joined, cutover) <= month]


def set_status(
    ctx: ServiceContext, member: MemberModel, status: str, reason: str, actor: Actor | None = None
) -> bool:
    """Change a member's status, dated and kept, with its event; False when it was already so."""
    if member.status == status:
        return False
    now, bdate = ctx.now_iso(), ctx.business_date()
    MemberModel.update(status=status).where(MemberModel.id == member.id).execute()
    member.status = status
    MemberStatusChangeModel.insert(
        member=member.id,
        status=status,
        reason=reason,
        changed_on=bdate,
        at=now,
        user=actor.user_id if actor else None,
    ).execute()
    event = MemberStatusChanged(member.id, member.number, status, reason, bdate)
    append_event(event.TYPE, event.to_payload(), occurred_at=now, business_date=bdate)
    return True


def refresh_status(ctx: ServiceContext, member: MemberModel, actor: Actor | None = None) -> str:
    """Bring the member's status in line with the rules (pokok paid, wajib arrears)."""
    pokok = balances(ctx, member.id)["pokok"]
    has_pokok = ctx.db.execute_sql(
        'SELECT 1 FROM "member_payment" WHERE "member_id" = ? AND "kind" = ? LIMIT 1', (member.id, "pokok")
    ).fetchone()
    # pokok is judged only where this till holds its documents: a member brought over at the cut-over,
    # or registered at another till, paid it where this till cannot see
    required = ctx.settings.member_pokok_rp if has_pokok else 0
    due = current_month(ctx)
    unpaid = sum(1 for b in member_bills(ctx, member.id, unpaid_only=True) if b.month <= due)
    status = status_for(member.status, pokok, required, unpaid, ctx.settings.member_inactive_after_months)
    if member.status == "inactive" and status != "inactive" and _last_reason(ctx, member.id) != "arrears":
        return (
            member.status
        )  # made inactive for another reason (by the shop or the server): paying ends only arrears
    reason = {"pending": "pokok_unpaid", "inactive": "arrears", "active": "paid"}[str(status)]
    set_status(ctx, member, str(status), reason, actor)
    return str(status)


def _last_reason(ctx: ServiceContext, member_id: str) -> str | None:
    row = ctx.db.execute_sql(
        'SELECT "reason" FROM "member_status_change" WHERE "member_id" = ? ORDER BY "id" DESC LIMIT 1',
        (member_id,),
    ).fetchone()
    return row[0] if row else None


def current_month(ctx: ServiceContext) -> str:
    return month_of(ctx.business_date())
