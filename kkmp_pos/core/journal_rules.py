"""From a document to its journal: pure rules, one per document kind, that the till and the server share.

Each rule takes the document's facts (plain data, no database) and returns a `Draft`: balanced lines on
account codes, plus warnings. Accounts are asked for by role (core/chart.py ROLES); a role with no
account posts to the suspense account with a warning, so a document always posts. Every draft is
balanced by construction; a rounding residue that would unbalance it (it should never happen) also
goes to suspense with a warning rather than being lost.

| document | debit | credit |
| --- | --- | --- |
| sale | payment accounts (cash, QRIS, bank, bon); COGS | revenue per unit/segment; PPN; rounding; inventory |
| return | revenue per unit and segment; PPN keluaran; rounding; inventory | refund account; COGS |
| cancellation | the sale's revenue, PPN, rounding; inventory | refund account; unpaid QRIS clearing; COGS |
| goods receipt | inventory per unit | utang usaha (or the account it was paid from) |
| write-off | beban penghapusan | inventory |
| count adjustment | inventory (surplus) / selisih stok opname (shortage) | the other |
| cash in / out / deposit | cash / the reason's account / brankas | the other |
| simpanan deposit | payment account | pokok, wajib (equity) or sukarela (liability) |
| simpanan withdrawal | the simpanan account | payment account |
| bon | piutang anggota | cash |
| bon repayment | payment account | piutang anggota |
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from kkmp_pos.core.chart import CASH_OUT_KEYWORDS, METHOD_ROLES, ROLES, SUSPENSE
from kkmp_pos.core.money import line_total_rp
from kkmp_pos.core.tax import included_ppn_rp
from kkmp_pos.core.text import words_of


@dataclass(frozen=True)
class Posting:
    account: str
    debit_rp: int = 0
    credit_rp: int = 0


@dataclass(frozen=True)
class Draft:
    lines: tuple[Posting, ...]
    warnings: tuple[str, ...] = ()

    @property
    def total_debit_rp(self) -> int:
        return sum(p.debit_rp for p in self.lines)

    @property
    def total_credit_rp(self) -> int:
        return sum(p.credit_rp for p in self.lines)

    def reversed(self) -> Draft:
        """The same lines on the other side: how a journal is undone (never edited)."""
        return Draft(tuple(Posting(p.account, p.credit_rp, p.debit_rp) for p in self.lines), self.warnings)


@dataclass
class _Builder:
    """Signed amounts per account (+ debit, - credit), netted per account, in first-use order."""

    roles: Mapping[str, str]
    amounts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def account(self, role: str) -> str:
        code = self.roles.get(role)
        if code is None:
            if f"no_account:{role}" not in self.warnings:
                self.warnings.append(f"no_account:{role}")
            return SUSPENSE
        return code

    def debit(self, role: str, amount_rp: int) -> None:
        if amount_rp:
            code = self.account(role)
            self.amounts[code] = self.amounts.get(code, 0) + amount_rp

    def credit(self, role: str, amount_rp: int) -> None:
        self.debit(role, -amount_rp)

    def draft(self) -> Draft:
        residue = sum(self.amounts.values())
        if residue:
            self.warnings.append(f"unbalanced:{residue}")
            self.amounts[SUSPENSE] = self.amounts.get(SUSPENSE, 0) - residue
        lines = tuple(Posting(code, max(v, 0), max(-v, 0)) for code, v in self.amounts.items() if v)
        return Draft(lines, tuple(self.warnings))


def split_largest_remainder(total_rp: int, weights: Sequence[int]) -> list[int]:
    """`total_rp` cut in proportion to `weights` into whole rupiah that add up to it exactly."""
    whole = sum(weights)
    if not weights:
        return []
    if whole == 0:
        return [total_rp] + [0] * (len(weights) - 1)
    sign = -1 if total_rp < 0 else 1
    quotas = [(abs(total_rp) * w, i) for i, w in enumerate(weights)]
    parts = [q // whole for q, _ in quotas]
    left = abs(total_rp) - sum(parts)
    order = sorted(range(len(weights)), key=lambda i: (-(quotas[i][0] % whole), i))
    for i in order[:left]:
        parts[i] += 1
    return [sign * p for p in parts]


# ---- sales, returns, cancellations ------------------------------------------------------------------
@dataclass(frozen=True)
class SaleLineFacts:
    business_unit: str
    total_rp: int  # the line total as charged (after the line discount)
    ppn_exempt: bool
    cost_rp: int  # cost of goods at the moving average cost the sale's movements carry


@dataclass(frozen=True)
class SaleFacts:
    member: bool
    total_rp: int  # after the whole-sale discount, before cash rounding
    rounding_rp: int  # cash rounding: the payments add up to total + rounding
    vat_registered: bool
    ppn_percent: int
    lines: tuple[SaleLineFacts, ...]
    payments: tuple[tuple[str, int], ...]  # (method, amount_rp)


def _segment(member: bool) -> str:
    return "member" if member else "nonmember"


def _revenue_and_cost(b: _Builder, facts: SaleFacts, sign: int) -> None:
    """Revenue per unit and segment net of the whole-sale discount and of PPN, and the COGS, posted with
    `sign` (+1 for a sale: revenue credited)."""
    gross = [ln.total_rp for ln in facts.lines]
    discount = sum(gross) - facts.total_rp
    nets = [g - d for g, d in zip(gross, split_largest_remainder(discount, gross), strict=True)]
    taxable = [
        n if (facts.vat_registered and not ln.ppn_exempt) else 0
        for n, ln in zip(nets, facts.lines, strict=True)
    ]
    ppn = included_ppn_rp(sum(taxable), facts.ppn_percent) if any(taxable) else 0
    shares = split_largest_remainder(ppn, taxable)
    seg = _segment(facts.member)
    for ln, net, tax in zip(facts.lines, nets, shares, strict=True):
        b.credit(f"revenue:{ln.business_unit}:{seg}", sign * (net - tax))
        b.debit(f"cogs:{ln.business_unit}:{seg}", sign * ln.cost_rp)
        b.credit(f"inventory:{ln.business_unit}", sign * ln.cost_rp)
    b.credit("ppn_out", sign * ppn)


def sale_journal(facts: SaleFacts, roles: Mapping[str, str] = ROLES) -> Draft:
    """A committed sale (completed, or awaiting a QRIS payment: QRIS clearing holds it either way)."""
    b = _Builder(roles)
    for method, amount in facts.payments:
        b.debit(METHOD_ROLES.get(method, f"method:{method}"), amount)
    b.credit("rounding", facts.rounding_rp)
    _revenue_and_cost(b, facts, +1)
    return b.draft()


@dataclass(frozen=True)
class RefundFacts:
    method: str | None  # None when nothing was paid back
    refund_rp: int
    rounding_rp: int  # cash paid back = refund + rounding


def _refund(b: _Builder, refund: RefundFacts) -> None:
    if refund.method is not None:
        b.credit(
            METHOD_ROLES.get(refund.method, f"method:{refund.method}"), refund.refund_rp + refund.rounding_rp
        )
    b.debit("rounding", refund.rounding_rp)


def cancellation_journal(sale: SaleFacts, refund: RefundFacts, roles: Mapping[str, str] = ROLES) -> Draft:
    """A whole sale undone on the cancellation's date: its revenue, PPN, rounding and COGS reversed; what
    was paid goes back by the refund method, and a QRIS payment never received leaves QRIS clearing."""
    b = _Builder(roles)
    b.debit("rounding", sale.rounding_rp)
    _revenue_and_cost(b, sale, -1)
    _refund(b, refund)
    paid = sum(amount for _, amount in sale.payments)
    b.credit("qris_clearing", paid - refund.refund_rp)
    return b.draft()


@dataclass(frozen=True)
class ReturnFacts:
    member: bool
    vat_registered: bool
    ppn_percent: int
    lines: tuple[SaleLineFacts, ...]  # total_rp: the refund of the line; cost_rp: the cost coming back
    refund: RefundFacts


def return_journal(facts: ReturnFacts, roles: Mapping[str, str] = ROLES) -> Draft:
    b = _Builder(roles)
    as_sale = SaleFacts(
        facts.member,
        sum(ln.total_rp for ln in facts.lines),
        0,
        facts.vat_registered,
        facts.ppn_percent,
        facts.lines,
        (),
    )
    _revenue_and_cost(b, as_sale, -1)
    _refund(b, facts.refund)
    return b.draft()


# ---- stock documents --------------------------------------------------------------------------------
def goods_receipt_journal(
    lines: Sequence[tuple[str, int]], paid_by: str | None = None, roles: Mapping[str, str] = ROLES
) -> Draft:
    """Goods received: (business unit, amount) per line, against utang usaha, or the account of the method
    it was paid by. A reversal has negative amounts and so posts the other way."""
    b = _Builder(roles)
    for unit, amount in lines:
        b.debit(f"inventory:{unit}", amount)
    total = sum(amount for _, amount in lines)
    b.credit(METHOD_ROLES.get(paid_by, f"method:{paid_by}") if paid_by else "payable", total)
    return b.draft()


def write_off_journal(unit: str, value_rp: int, roles: Mapping[str, str] = ROLES) -> Draft:
    b = _Builder(roles)
    b.debit("writeoff", value_rp)
    b.credit(f"inventory:{unit}", value_rp)
    return b.draft()


def count_adjustment_journal(lines: Sequence[tuple[str, int]], roles: Mapping[str, str] = ROLES) -> Draft:
    """(business unit, signed value) per counted product: a surplus raises inventory, a shortage lowers it,
    against selisih stok opname."""
    b = _Builder(roles)
    for unit, value in lines:
        b.debit(f"inventory:{unit}", value)
        b.credit("count_difference", value)
    return b.draft()


def cash_reason_role(reason: str) -> str | None:
    """The role of the account a drawer cash-out is for, from the first keyword found in its reason."""
    found = words_of(reason)
    text = reason.lower()
    for keywords, role in CASH_OUT_KEYWORDS:
        if any((k in found) if " " not in k else (k in text) for k in keywords):
            return role
    return None


def cash_move_journal(kind: str, amount_rp: int, reason: str, roles: Mapping[str, str] = ROLES) -> Draft:
    """Cash into the drawer (from the safe), out of it (for the reason's account) or deposited to the safe."""
    b = _Builder(roles)
    if kind == "in":
        b.debit("cash", amount_rp)
        b.credit(cash_reason_role(reason) or "safe", amount_rp)
    elif kind == "deposit":
        b.debit("safe", amount_rp)
        b.credit("cash", amount_rp)
    else:
        b.debit(cash_reason_role(reason) or f"cash_reason:{reason.strip() or '-'}", amount_rp)
        b.credit("cash", amount_rp)
    return b.draft()


# ---- simpanan and bon (rules for documents kept elsewhere) -----------------------------------------
def simpanan_journal(
    doc_kind: str, simpanan_kind: str, method: str, amount_rp: int, roles: Mapping[str, str] = ROLES
) -> Draft:
    """'simpanan_deposit' or 'simpanan_withdrawal' of pokok or wajib (equity) or sukarela (a liability)."""
    b = _Builder(roles)
    sign = -1 if doc_kind == "simpanan_withdrawal" else 1
    b.debit(METHOD_ROLES.get(method, f"method:{method}"), sign * amount_rp)
    b.credit(f"simpanan:{simpanan_kind}", sign * amount_rp)
    return b.draft()


def bon_journal(doc_kind: str, method: str, amount_rp: int, roles: Mapping[str, str] = ROLES) -> Draft:
    """'bon' (credit given to a member, paid out by `method`) or 'bon_repayment' (received by `method`)."""
    b = _Builder(roles)
    sign = 1 if doc_kind == "bon" else -1
    b.debit("member_receivable", sign * amount_rp)
    b.credit(METHOD_ROLES.get(method, f"method:{method}"), sign * amount_rp)
    return b.draft()


def movement_cost_rp(movements: Sequence[tuple[int, int]]) -> int:
    """The value of (qty_milli, unit_cost_rp) movements, each rounded half-up like a line total."""
    return sum(line_total_rp(cost, abs(qty)) for qty, cost in movements)
