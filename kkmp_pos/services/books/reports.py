"""The books' reports as plain data: trial balance, general ledger and cash book, PHU, neraca.

Only posted journals count, by their posting date (a late document in a closed month counts in the open
month it was posted to). Every figure is summed in SQL from the journal lines; the shapes are what the
CLI prints as JSON and what kkmp_pos/pdf/books_pdf.py draws.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kkmp_pos.core.chart import BUSINESS_UNITS, ROLES, normal_side_is_debit, type_of_code
from kkmp_pos.core.errors import ValidationError
from kkmp_pos.db.books_models import AccountModel
from kkmp_pos.services.context import Actor, ServiceContext
from kkmp_pos.services.setup.auth import require

_SUMS = (
    'SELECT l."account", SUM(l."debit_rp"), SUM(l."credit_rp") FROM "journal_line" l '
    'JOIN "journal" j ON j."id" = l."journal_id" '
    'WHERE j."status" = \'posted\' AND j."posting_date" >= ? AND j."posting_date" <= ? '
    'GROUP BY l."account"'
)
_BEGINNING = "0000-00-00"


@dataclass(frozen=True)
class _Acct:
    code: str
    name: str
    type: str
    unit: str
    segment: str


class BooksReports:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _chart(self) -> dict[str, _Acct]:
        return {a.code: _Acct(a.code, a.name, a.type, a.unit, a.segment) for a in AccountModel.select()}

    def _sums(self, first: str, last: str) -> dict[str, tuple[int, int]]:
        return {
            code: (int(d or 0), int(c or 0)) for code, d, c in self.ctx.db.execute_sql(_SUMS, (first, last))
        }

    @staticmethod
    def _acct(chart: dict[str, _Acct], code: str) -> _Acct:
        return chart.get(code) or _Acct(code, "?", type_of_code(code), "", "")

    # -- trial balance -------------------------------------------------------------------------------
    def trial_balance(self, actor: Actor | None, to: str, first: str | None = None) -> dict[str, Any]:
        """Closing balances at `to` on their net side; with `first`, the period's debits and credits."""
        _allow(actor)
        _dates(first, to)
        chart = self._chart()
        rows = []
        for code, (debit, credit) in sorted(self._sums(first or _BEGINNING, to).items()):
            acct = self._acct(chart, code)
            if first is None:
                net = debit - credit
                debit, credit = max(net, 0), max(-net, 0)
            if debit or credit:
                rows.append(
                    {
                        "account": code,
                        "name": acct.name,
                        "type": acct.type,
                        "debit_rp": debit,
                        "credit_rp": credit,
                    }
                )
        return {
            "from": first,
            "to": to,
            "rows": rows,
            "total_debit_rp": sum(r["debit_rp"] for r in rows),
            "total_credit_rp": sum(r["credit_rp"] for r in rows),
        }

    # -- general ledger and cash book ----------------------------------------------------------------
    def ledger(self, actor: Actor | None, account: str, first: str, to: str) -> dict[str, Any]:
        """One account's postings in a period with the running balance on its normal side."""
        _allow(actor)
        _dates(first, to)
        acct = self._acct(self._chart(), account)
        sign = 1 if normal_side_is_debit(acct.type) else -1
        debit, credit = self._sums(_BEGINNING, _day_before(first)).get(account, (0, 0))
        balance = sign * (debit - credit)
        opening = balance
        lines = []
        for date, doc_date, kind, memo, d, c in self.ctx.db.execute_sql(
            'SELECT j."posting_date", j."doc_date", j."doc_kind", j."memo", l."debit_rp", l."credit_rp" '
            'FROM "journal_line" l JOIN "journal" j ON j."id" = l."journal_id" '
            'WHERE j."status" = \'posted\' AND l."account" = ? AND j."posting_date" >= ? '
            'AND j."posting_date" <= ? ORDER BY j."posting_date", j."created_at", l."id"',
            (account, first, to),
        ):
            balance += sign * (d - c)
            lines.append(
                {
                    "date": date,
                    "doc_date": doc_date,
                    "kind": kind,
                    "memo": memo,
                    "debit_rp": d,
                    "credit_rp": c,
                    "balance_rp": balance,
                }
            )
        return {
            "account": account,
            "name": acct.name,
            "from": first,
            "to": to,
            "opening_rp": opening,
            "lines": lines,
            "closing_rp": balance,
        }

    def cash_book(self, actor: Actor | None, first: str, to: str) -> dict[str, Any]:
        """The drawer's cash account's ledger (buku kas)."""
        return self.ledger(actor, ROLES["cash"], first, to)

    # -- PHU -----------------------------------------------------------------------------------------
    def phu(self, actor: Actor | None, year: int) -> dict[str, Any]:
        """The year's income statement per business unit, member and non-member apart."""
        _allow(actor)
        chart = self._chart()
        sums = self._sums(f"{year:04d}-01-01", f"{year:04d}-12-31")
        units: dict[str, dict[str, dict[str, int]]] = {
            u: {s: {"revenue_rp": 0, "cogs_rp": 0} for s in ("member", "nonmember")} for u in BUSINESS_UNITS
        }
        other_revenue, expenses = [], []
        total_revenue = total_expense = 0
        for code, (debit, credit) in sorted(sums.items()):
            acct = self._acct(chart, code)
            if acct.type == "revenue":
                amount = credit - debit
                total_revenue += amount
                if acct.unit and acct.segment:
                    units.setdefault(
                        acct.unit, {s: {"revenue_rp": 0, "cogs_rp": 0} for s in ("member", "nonmember")}
                    )
                    units[acct.unit][acct.segment]["revenue_rp"] += amount
                elif amount:
                    other_revenue.append({"account": code, "name": acct.name, "amount_rp": amount})
            elif acct.type == "expense":
                amount = debit - credit
                total_expense += amount
                if acct.unit and acct.segment:
                    units.setdefault(
                        acct.unit, {s: {"revenue_rp": 0, "cogs_rp": 0} for s in ("member", "nonmember")}
                    )
                    units[acct.unit][acct.segment]["cogs_rp"] += amount
                elif amount:
                    expenses.append({"account": code, "name": acct.name, "amount_rp": amount})
        unit_rows = []
        for unit, segs in units.items():
            row: dict[str, Any] = {"unit": unit}
            for seg, figures in segs.items():
                row[seg] = {**figures, "gross_profit_rp": figures["revenue_rp"] - figures["cogs_rp"]}
            unit_rows.append(row)
        return {
            "year": year,
            "units": unit_rows,
            "member_gross_profit_rp": sum(r["member"]["gross_profit_rp"] for r in unit_rows),
            "nonmember_gross_profit_rp": sum(r["nonmember"]["gross_profit_rp"] for r in unit_rows),
            "other_revenue": other_revenue,
            "expenses": expenses,
            "total_revenue_rp": total_revenue,
            "total_expense_rp": total_expense,
            "shu_rp": total_revenue - total_expense,
        }

    # -- neraca --------------------------------------------------------------------------------------
    def neraca(self, actor: Actor | None, date: str) -> dict[str, Any]:
        """The balance sheet at `date`; equity includes the year's result to date and any earlier result
        not yet closed into the reserve or the SHU."""
        _allow(actor)
        _dates(None, date)
        chart = self._chart()
        year_start = f"{date[:4]}-01-01"
        sections: dict[str, list[dict[str, Any]]] = {"asset": [], "liability": [], "equity": []}
        earlier = this_year = 0
        for code, (debit, credit) in sorted(self._sums(_BEGINNING, date).items()):
            acct = self._acct(chart, code)
            if acct.type in sections:
                amount = debit - credit if acct.type == "asset" else credit - debit
                if amount:
                    sections[acct.type].append({"account": code, "name": acct.name, "amount_rp": amount})
        for code, (debit, credit) in self._sums(_BEGINNING, _day_before(year_start)).items():
            if self._acct(chart, code).type in ("revenue", "expense"):
                earlier += credit - debit
        for code, (debit, credit) in self._sums(year_start, date).items():
            if self._acct(chart, code).type in ("revenue", "expense"):
                this_year += credit - debit
        if earlier:
            sections["equity"].append(
                {"account": "", "name": "SHU tahun lalu belum ditutup", "amount_rp": earlier}
            )
        sections["equity"].append({"account": "", "name": "SHU tahun berjalan", "amount_rp": this_year})
        totals = {k: sum(r["amount_rp"] for r in rows) for k, rows in sections.items()}
        return {
            "date": date,
            "aset": sections["asset"],
            "kewajiban": sections["liability"],
            "ekuitas": sections["equity"],
            "total_aset_rp": totals["asset"],
            "total_kewajiban_rp": totals["liability"],
            "total_ekuitas_rp": totals["equity"],
            "shu_tahun_berjalan_rp": this_year,
            "balanced": totals["asset"] == totals["liability"] + totals["equity"],
        }

    def warnings(self, actor: Actor | None, limit: int = 50) -> list[dict[str, str]]:
        """Journals posted to suspense for want of an account: what the manager's screen lists."""
        _allow(actor)
        return [
            {"journal": jid, "kind": kind, "date": date, "memo": memo, "warnings": warnings}
            for jid, kind, date, memo, warnings in self.ctx.db.execute_sql(
                'SELECT "id", "doc_kind", "doc_date", "memo", "warnings" FROM "journal" '
                'WHERE "warnings" != \'\' ORDER BY "created_at" DESC LIMIT ?',
                (limit,),
            )
        ]


def _allow(actor: Actor | None) -> None:
    """`actor` None only for the command line (someone with the data folder)."""
    if actor is not None:
        require(actor, "reports")


def _dates(first: str | None, to: str) -> None:
    import re

    for value in (first, to):
        if value is not None and not re.match(r"^\d{4}-\d{2}-\d{2}$", value):
            raise ValidationError("date_invalid", text=value)


def _day_before(date: str) -> str:
    from datetime import date as _date
    from datetime import timedelta

    return (_date.fromisoformat(date) - timedelta(days=1)).isoformat()
