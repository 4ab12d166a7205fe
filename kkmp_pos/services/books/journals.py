"""The manager's side of the books: extending the chart, manual and opening journals, closing months.

A manual journal (rent, wages, electricity, a grant, a loan) or the opening journal (the neraca awal at the
cut-over date) is entered as a draft by one manager and posted when a second person approves it. A
posted journal is never edited: `reverse` posts its mirror image, pointing at it.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass

from kkmp_pos.core.chart import OPENING_EQUITY, type_of_code, valid_code
from kkmp_pos.core.errors import NotFoundError, StateError, ValidationError
from kkmp_pos.core.ids import uuid7
from kkmp_pos.core.journal_rules import Draft, Posting
from kkmp_pos.db.books_models import AccountModel, BooksPeriodModel, JournalLineModel, JournalModel
from kkmp_pos.db.journal import approve_journal, write_journal
from kkmp_pos.services.audit import audit
from kkmp_pos.services.context import Actor, ServiceContext
from kkmp_pos.services.setup.auth import require

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


@dataclass(frozen=True)
class AccountInfo:
    code: str
    name: str
    type: str
    unit: str
    segment: str
    active: bool


def _check_date(text: str) -> str:
    if not _DATE.match(text or ""):
        raise ValidationError("date_invalid", text=text)
    return text


class BooksService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # -- chart ---------------------------------------------------------------------------------------
    def accounts(self) -> list[AccountInfo]:
        return [
            AccountInfo(a.code, a.name, a.type, a.unit, a.segment, a.active)
            for a in AccountModel.select().order_by(AccountModel.code)
        ]

    def add_account(self, actor: Actor | None, code: str, name: str, unit: str = "") -> AccountInfo:
        """A sub-account the cooperative needs (e.g. 611100 Sewa gudang); its type follows its group.
        `actor` None only for the command line (someone with the data folder)."""
        if actor is not None:
            require(actor, "books")
        code, name = code.strip(), name.strip()
        if not valid_code(code):
            raise ValidationError("account_code_invalid", code=code)
        if not name:
            raise ValidationError("account_name_missing")
        with self.ctx.db.atomic():
            if AccountModel.get_or_none(AccountModel.code == code) is not None:
                raise ValidationError("account_exists", code=code)
            AccountModel.create(code=code, name=name, type=type_of_code(code), unit=unit.strip())
            audit(self.ctx, "books.account_added", actor, code=code, name=name)
        return AccountInfo(code, name, type_of_code(code), unit.strip(), "", True)

    def _known(self, codes: Sequence[str]) -> None:
        found = {
            a.code for a in AccountModel.select(AccountModel.code).where(AccountModel.code.in_(list(codes)))
        }
        for code in codes:
            if code not in found:
                raise NotFoundError("account_not_found", code=code)

    # -- manual and opening journals -----------------------------------------------------------------
    def draft_journal(
        self,
        actor: Actor,
        date: str,
        lines: Sequence[tuple[str, int, int]],
        memo: str,
        *,
        kind: str = "manual",
    ) -> str:
        """A manual (or opening) journal waiting for a second approver: (account, debit, credit) lines."""
        require(actor, "books")
        _check_date(date)
        if not memo.strip():
            raise ValidationError("reason_missing")
        postings = tuple(Posting(a, d, c) for a, d, c in lines)
        if any(p.debit_rp < 0 or p.credit_rp < 0 or (p.debit_rp and p.credit_rp) for p in postings):
            raise ValidationError("journal_line_invalid")
        draft = Draft(tuple(p for p in postings if p.debit_rp or p.credit_rp))
        self._known([p.account for p in draft.lines])
        with self.ctx.db.atomic():
            jid = uuid7()
            write_journal(
                draft,
                doc_kind=kind,
                doc_id=jid,
                doc_date=date,
                created_at=self.ctx.now_iso(),
                memo=memo.strip(),
                status="draft",
                created_by=actor.user_id,
                journal_id=jid,
            )
            audit(self.ctx, f"books.{kind}_drafted", actor, doc_id=jid, memo=memo.strip())
        return jid

    def draft_opening(
        self, actor: Actor, date: str, balances: Sequence[tuple[str, int]], memo: str = ""
    ) -> str:
        """The neraca awal: (account, balance on its normal side) per account; the difference that makes it
        balance goes to Ekuitas saldo awal."""
        types = {a.code: a.type for a in AccountModel.select()}
        lines: list[tuple[str, int, int]] = []
        net = 0
        for code, amount in balances:
            if code not in types:
                raise NotFoundError("account_not_found", code=code)
            signed = amount if types[code] in ("asset", "expense") else -amount
            net += signed
            lines.append((code, max(signed, 0), max(-signed, 0)))
        if net:
            lines.append((OPENING_EQUITY, max(-net, 0), max(net, 0)))
        return self.draft_journal(actor, date, lines, memo or "Neraca awal", kind="opening")

    @staticmethod
    def parse_opening_csv(text: str) -> list[tuple[str, int]]:
        """`account,amount` rows (a header row is skipped) as typed in a spreadsheet."""
        rows = []
        for row in csv.reader(io.StringIO(text)):
            if len(row) < 2 or not row[0].strip().isdigit():
                continue
            amount = row[1].strip().replace(".", "").replace(",", "")
            if not amount.lstrip("-").isdigit():
                raise ValidationError("amount_invalid", text=row[1])
            rows.append((row[0].strip(), int(amount)))
        return rows

    def approve(self, approver: Actor, journal_id: str) -> None:
        """A second person posts a draft journal; its author cannot."""
        require(approver, "books")
        with self.ctx.db.atomic():
            journal = JournalModel.get_or_none(JournalModel.id == journal_id)
            if journal is None:
                raise NotFoundError("journal_not_found", id=journal_id)
            if journal.status != "draft":
                raise StateError("journal_not_draft", id=journal_id)
            if journal.created_by_id == approver.user_id:
                raise StateError("journal_needs_second_person")
            approve_journal(journal_id, approver.user_id, journal.doc_date)
            audit(self.ctx, "books.journal_approved", approver, doc_id=journal_id)

    def reverse(self, actor: Actor, journal_id: str, date: str, memo: str) -> str:
        """Undo a posted journal with its mirror image on `date` (the original stays as it was)."""
        require(actor, "books")
        _check_date(date)
        with self.ctx.db.atomic():
            journal = JournalModel.get_or_none(JournalModel.id == journal_id)
            if journal is None:
                raise NotFoundError("journal_not_found", id=journal_id)
            if journal.status != "posted":
                raise StateError("journal_not_posted", id=journal_id)
            if JournalModel.get_or_none(JournalModel.reverses == journal_id) is not None:
                raise StateError("journal_already_reversed", id=journal_id)
            lines = (
                JournalLineModel.select()
                .where(JournalLineModel.journal == journal_id)
                .order_by(JournalLineModel.line_no)
            )
            draft = Draft(tuple(Posting(ln.account, ln.debit_rp, ln.credit_rp) for ln in lines)).reversed()
            rid = write_journal(
                draft,
                doc_kind="reversal",
                doc_id=journal.doc_id,
                doc_date=date,
                created_at=self.ctx.now_iso(),
                memo=memo.strip() or f"Pembalik {journal.memo}",
                created_by=actor.user_id,
                approved_by=actor.user_id,
                reverses=journal_id,
            )
            audit(self.ctx, "books.journal_reversed", actor, doc_id=rid, reverses=journal_id)
        return rid

    def backfill(self, actor: Actor | None) -> dict[str, int]:
        """Post the journals of documents made before the books (an upgraded till), in one transaction.
        `actor` None only for the command line."""
        if actor is not None:
            require(actor, "books")
        from kkmp_pos.services.books.posting import post_missing

        with self.ctx.db.atomic():
            done = post_missing()
            audit(self.ctx, "books.backfilled", actor, **{k: str(v) for k, v in done.items()})
        return done

    # -- periods -------------------------------------------------------------------------------------
    def close_month(self, actor: Actor, month: str) -> None:
        """Close a month ('YYYY-MM') and every month before it: later postings of their documents land in
        the first open month, with their own date shown."""
        require(actor, "books")
        if not _MONTH.match(month):
            raise ValidationError("month_invalid", month=month)
        with self.ctx.db.atomic():
            if BooksPeriodModel.get_or_none(BooksPeriodModel.month >= month) is not None:
                raise StateError("month_already_closed", month=month)
            BooksPeriodModel.create(month=month, closed_at=self.ctx.now_iso(), closed_by=actor.user_id)
            audit(self.ctx, "books.month_closed", actor, month=month)

    def closed_through(self) -> str | None:
        from kkmp_pos.db.journal import closed_through

        return closed_through()
