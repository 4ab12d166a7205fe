"""Members' money at the counter: simpanan paid in (pokok, wajib, sukarela), sukarela paid out with a
manager's approval, a document reversed, and the monthly wajib bills.

Cash goes through the open shift like a sale's (`booking_shift`), with the cash rounding, and the slip
opens the drawer. Every movement is a document written by `simpanan_ledger.record_document`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from kkmp_pos.core.errors import NotFoundError, PermissionDenied, StateError, ValidationError
from kkmp_pos.core.money import format_rp, round_cash
from kkmp_pos.core.simpanan import (
    DocType,
    add_months,
    check_month,
    first_billed_month,
    months_between,
    wajib_for,
)
from kkmp_pos.db.models import MemberModel, MemberPaymentModel, PrintJobModel
from kkmp_pos.services.audit import audit
from kkmp_pos.services.context import Actor, ServiceContext
from kkmp_pos.services.members import simpanan_ledger as ledger
from kkmp_pos.services.members.simpanan_slip import simpanan_slip
from kkmp_pos.services.setup.auth import require
from kkmp_pos.services.shifts.guard import booking_shift

METHODS = ("cash", "qris", "transfer")


@dataclass(frozen=True)
class SimpananDocument:
    """What a movement made, as the CLI prints it with --json."""

    id: str
    number: str
    kind: str
    doc_type: str
    amount_rp: int
    cash_rp: int  # what the drawer took in (+) or paid out (-); 0 for QRIS and transfer
    rounding_rp: int
    months: list[str]
    balance_after_rp: int
    print_job_id: int | None = None

    def as_json(self) -> dict[str, object]:
        out = dataclasses.asdict(self)
        del out["print_job_id"], out["doc_type"]
        return out


def find_member(query: str) -> MemberModel:
    """A member by number (A-000123), card code or id."""
    text = query.strip()
    member = (
        MemberModel.get_or_none(MemberModel.number == text.upper())
        or MemberModel.get_or_none(MemberModel.card_code == text)
        or MemberModel.get_or_none(MemberModel.id == text)
    )
    if member is None:
        raise NotFoundError("member_not_found", query=query)
    return member


class SimpananService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # -- bills ------------------------------------------------------------------------------------
    def generate_bills(self, month: str) -> int:
        """Bill every member due wajib in `month`, once (a second call makes none); members past the
        arrears limit become inactive. Offline: it needs only the till's own data."""
        check_month(month)
        with self.ctx.db.atomic():
            made = ledger.add_bills(self.ctx, month, ledger.bill_rows(self.ctx, month))
            self._inactivate_over_limit()
        return made

    def _inactivate_over_limit(self) -> None:
        limit = self.ctx.settings.member_inactive_after_months
        if not limit:
            return
        sql = (
            'SELECT b."member_id" FROM "simpanan_bill" b JOIN "member" m ON m."id" = b."member_id" '
            'WHERE b."paid_by_id" IS NULL AND b."month" <= ? AND m."status" = ? '
            'GROUP BY b."member_id" HAVING COUNT(*) >= ?'
        )
        due = ledger.current_month(self.ctx)
        for (member_id,) in list(self.ctx.db.execute_sql(sql, (due, "active", limit))):
            ledger.set_status(self.ctx, MemberModel.get_by_id(member_id), "inactive", "arrears")

    def bills(self, month: str) -> list[dict[str, object]]:
        check_month(month)
        sql = (
            'SELECT m."number", b."amount_rp", b."paid_by_id" FROM "simpanan_bill" b '
            'JOIN "member" m ON m."id" = b."member_id" WHERE b."month" = ? ORDER BY m."number"'
        )
        return [
            {"number": n, "amount_rp": a, "status": "UNPAID" if p is None else "PAID"}
            for n, a, p in self.ctx.db.execute_sql(sql, (month,))
        ]

    def catch_up(self, member: MemberModel) -> None:
        """Bill the member's months up to this one that were not billed yet (a lookup shows them).
        Read first: a member with nothing to bill (nearly always) costs no write transaction."""
        last = ledger.current_month(self.ctx)
        if self.unbilled(member, last):
            with self.ctx.db.atomic():
                self._bill_member_until(member, last)
                ledger.refresh_status(self.ctx, member)

    def unbilled(self, member: MemberModel, last: str, billed: set[str] | None = None) -> list[str]:
        """The member's months up to `last` that are due but not billed yet."""
        if member.erased_at:
            return []
        if billed is None:
            billed = {b.month for b in ledger.member_bills(self.ctx, member.id)}
        first = first_billed_month(member.joined_on, member.cutover_month)
        return [month for month in months_between(first, last) if month not in billed]

    def _bill_member_until(self, member: MemberModel, last: str) -> None:
        """The member's bills up to `last` (a payment or a lookup catches up months not yet billed)."""
        schedule = self.ctx.settings.member_wajib_schedule
        for month in self.unbilled(member, last):
            ledger.add_bills(self.ctx, month, [(member.id, wajib_for(schedule, month))])

    # -- money in ---------------------------------------------------------------------------------
    def pay(
        self,
        query: str,
        kind: str,
        *,
        cashier: Actor,
        amount_rp: int | None = None,
        months: int | None = None,
        method: str = "cash",
        reference: str = "",
        shift_id: str | None = None,
    ) -> SimpananDocument:
        """Take simpanan for a member: wajib for the oldest unpaid months, a pokok instalment, or a
        sukarela deposit. Cash is rounded like a sale's and books into the open shift."""
        require(cashier, "take_simpanan")
        if method not in METHODS:
            raise ValidationError("simpanan_method_invalid", method=method)
        if amount_rp is not None and amount_rp <= 0:
            raise ValidationError("simpanan_amount_invalid", amount=format_rp(amount_rp))
        with self.ctx.db.atomic():
            shift = booking_shift(self.ctx, [method], shift_id)
            member = find_member(query)
            bill_ids: list[str] = []
            paid_months: tuple[str, ...] = ()
            if kind == "wajib":
                amount, bill_ids, paid_months = self._wajib(member, amount_rp, months)
            elif kind == "pokok":
                amount = self._pokok(member, amount_rp)
            elif kind == "sukarela":
                if amount_rp is None:
                    raise ValidationError("simpanan_amount_required")
                amount = amount_rp
            else:
                raise ValidationError("simpanan_kind_invalid", kind=kind)
            rounding = (
                round_cash(amount, self.ctx.settings.cash_rounding_rp) - amount if method == "cash" else 0
            )
            doc = ledger.record_document(
                self.ctx, member, kind=kind, doc_type=DocType.DEPOSIT, amount_rp=amount, method=method,
                cashier=cashier, shift_id=shift, reference=reference.strip(), rounding_rp=rounding,
                months=paid_months,
            )  # fmt: skip
            ledger.mark_bills_paid(self.ctx, bill_ids, doc.id)
            ledger.refresh_status(self.ctx, member, cashier)
            job = self._slip(member, doc, cashier, approver=None)
        return self._result(doc, job)

    def _wajib(
        self, member: MemberModel, amount_rp: int | None, months: int | None
    ) -> tuple[int, list[str], tuple[str, ...]]:
        this_month = ledger.current_month(self.ctx)
        self._bill_member_until(member, this_month)
        unpaid = ledger.member_bills(self.ctx, member.id, unpaid_only=True)
        if months is not None:
            if months <= 0:
                raise ValidationError("simpanan_months_invalid", months=months)
            if months > len(unpaid):
                # paying ahead: bill the months after the last one billed, by the rules of each month
                billed = ledger.member_bills(self.ctx, member.id)
                start = (
                    add_months(billed[-1].month, 1)
                    if billed
                    else first_billed_month(member.joined_on, member.cutover_month)
                )
                for month in (add_months(start, i) for i in range(months - len(unpaid))):
                    ledger.add_bills(self.ctx, month, ledger.bill_rows(self.ctx, month, member.id))
                unpaid = ledger.member_bills(self.ctx, member.id, unpaid_only=True)
            chosen = unpaid[:months]
            if len(chosen) < months:
                raise ValidationError("simpanan_months_invalid", months=months)
            total = sum(b.amount_rp for b in chosen)
            if amount_rp is not None and amount_rp != total:
                raise ValidationError(
                    "wajib_amount_mismatch", amount=format_rp(amount_rp), due=format_rp(total), months=months
                )
        elif amount_rp is not None:
            total, chosen = 0, []
            for bill in unpaid:
                if total >= amount_rp:
                    break
                total += bill.amount_rp
                chosen.append(bill)
            if total != amount_rp or not chosen:
                raise ValidationError("wajib_amount_not_whole_months", amount=format_rp(amount_rp))
        else:
            raise ValidationError("simpanan_amount_required")
        return total, [b.id for b in chosen], tuple(b.month for b in chosen)

    def _pokok(self, member: MemberModel, amount_rp: int | None) -> int:
        pokok_rp = self.ctx.settings.member_pokok_rp
        remaining = pokok_rp - ledger.balances(self.ctx, member.id)["pokok"]
        if remaining <= 0:
            raise StateError("pokok_already_paid", number=member.number)
        amount = remaining if amount_rp is None else amount_rp
        if amount > remaining:
            raise ValidationError(
                "pokok_over_remaining", amount=format_rp(amount), remaining=format_rp(remaining)
            )
        allowed = self.ctx.settings.member_pokok_instalments
        if amount < remaining and ledger.pokok_instalments(self.ctx, member.id) + 1 >= allowed:
            raise ValidationError(
                "pokok_instalments_exceeded", instalments=allowed, remaining=format_rp(remaining)
            )
        return amount

    # -- money out --------------------------------------------------------------------------------
    def withdraw(
        self, query: str, amount_rp: int, *, cashier: Actor, approver: Actor, shift_id: str | None = None
    ) -> SimpananDocument:
        """Pay sukarela out in cash through the open shift, approved by a manager other than the cashier."""
        require(cashier, "take_simpanan")
        require(approver, "approve")
        if approver.user_id == cashier.user_id:
            raise PermissionDenied("approver_same_user", name=approver.name)
        step = self.ctx.settings.cash_rounding_rp
        if amount_rp <= 0 or (step > 1 and amount_rp % step):
            raise ValidationError(
                "withdrawal_not_cash_step", amount=format_rp(amount_rp), step=format_rp(max(step, 1))
            )
        with self.ctx.db.atomic():
            shift = booking_shift(self.ctx, ["cash"], shift_id)
            member = find_member(query)
            balance = ledger.balances(self.ctx, member.id)["sukarela"]
            if amount_rp > balance:
                raise ValidationError(
                    "withdrawal_over_balance", amount=format_rp(amount_rp), balance=format_rp(balance)
                )
            doc = ledger.record_document(
                self.ctx, member, kind="sukarela", doc_type=DocType.WITHDRAWAL, amount_rp=-amount_rp,
                method="cash", cashier=cashier, shift_id=shift, approver=approver,
            )  # fmt: skip
            audit(
                self.ctx,
                "simpanan.withdrawn",
                cashier,
                doc_id=doc.id,
                approved_by=approver,
                amount_rp=amount_rp,
            )
            job = self._slip(member, doc, cashier, approver)
        return self._result(doc, job)

    def reverse(self, document_id: str, *, manager: Actor, reason: str) -> SimpananDocument:
        """Undo a document with a reversal document (the original is never changed); cash goes back
        through the open shift the way it came."""
        require(manager, "reverse_simpanan")
        if len(reason.strip()) < 3:
            raise ValidationError("simpanan_reason_required")
        with self.ctx.db.atomic():
            original = MemberPaymentModel.get_or_none(
                (MemberPaymentModel.id == document_id) | (MemberPaymentModel.receipt_no == document_id)
            )
            if original is None:
                raise NotFoundError("simpanan_document_not_found", document=document_id)
            done = MemberPaymentModel.select().where(MemberPaymentModel.reverses_id == original.id).exists()
            if original.doc_type in (DocType.REVERSAL, DocType.OPENING) or done:
                raise StateError("simpanan_not_reversible", document=original.receipt_no)
            member = original.member
            balance = ledger.balances(self.ctx, member.id)[original.kind]
            if balance - original.amount_rp < 0:
                raise StateError(
                    "simpanan_reversal_overdraws", document=original.receipt_no, balance=format_rp(balance)
                )
            shift = booking_shift(self.ctx, [original.method])
            doc = ledger.record_document(
                self.ctx, member, kind=original.kind, doc_type=DocType.REVERSAL,
                amount_rp=-original.amount_rp, method=original.method, cashier=manager, shift_id=shift,
                rounding_rp=-original.rounding_rp,
                months=tuple(m for m in original.months.split(",") if m), reverses_id=original.id,
                reference=reason.strip(),
            )  # fmt: skip
            paid = [b.id for b in ledger.member_bills(self.ctx, member.id) if b.paid_by == original.id]
            ledger.mark_bills_paid(self.ctx, paid, None)
            ledger.refresh_status(self.ctx, member, manager)
            audit(
                self.ctx,
                "simpanan.reversed",
                manager,
                doc_id=doc.id,
                original=original.receipt_no,
                reason=reason,
            )
            job = self._slip(member, doc, manager, approver=None)
        return self._result(doc, job)

    # -- slips ------------------------------------------------------------------------------------
    def _slip(
        self, member: MemberModel, doc: MemberPaymentModel, cashier: Actor, approver: Actor | None
    ) -> int:
        from kkmp_pos.core.receipt import width_for_paper

        width = width_for_paper(self.ctx.settings.printer_paper_mm)
        slip = simpanan_slip(member, doc, self.ctx.store.cooperative_name, cashier.name, width, approver)
        slip = dataclasses.replace(slip, kick_drawer=doc.method == "cash")
        job = PrintJobModel.create(
            kind="savings",
            doc_id=doc.id,
            document=slip.to_json(),
            printer_uri=self.ctx.settings.printer_uri,
            created_at=doc.created_at,
        )
        return int(job.id)

    @staticmethod
    def _result(doc: MemberPaymentModel, job: int | None) -> SimpananDocument:
        cash = doc.amount_rp + doc.rounding_rp if doc.method == "cash" else 0
        return SimpananDocument(
            id=doc.id,
            number=doc.receipt_no,
            kind=doc.kind,
            doc_type=doc.doc_type,
            amount_rp=doc.amount_rp,
            cash_rp=cash,
            rounding_rp=doc.rounding_rp,
            months=[m for m in doc.months.split(",") if m],
            balance_after_rp=doc.balance_after_rp,
            print_job_id=job,
        )
