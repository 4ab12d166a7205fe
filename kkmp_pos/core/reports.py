"""The figures of the shift, end-of-day, period and member reports as plain data, before any formatting.

The report service fills them from the database; slips, screens and PDFs only read them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from kkmp_pos.core.money import format_rp
from kkmp_pos.core.tax import PPN_PERCENT, dpp_and_ppn


@dataclass
class SalesTotals:
    sale_count: int = 0
    total_rp: int = 0
    subtotal_rp: int = 0
    discount_rp: int = 0
    rounding_rp: int = 0
    member_savings_rp: int = 0


@dataclass
class SalesFacts:
    """Aggregates of the sales in a date range (or one shift), before any formatting."""

    completed: SalesTotals = field(default_factory=SalesTotals)
    pending: SalesTotals = field(default_factory=SalesTotals)  # QRIS awaiting payment
    cancelled: SalesTotals = field(default_factory=SalesTotals)  # voids
    member: SalesTotals = field(default_factory=SalesTotals)
    non_member: SalesTotals = field(default_factory=SalesTotals)
    by_hour: dict[int, int] = field(default_factory=dict)  # local hour -> total_rp (completed)
    by_day: dict[str, int] = field(default_factory=dict)  # business date -> total_rp (completed)
    by_payment: dict[str, int] = field(default_factory=dict)  # method -> confirmed rupiah, completed
    qris_confirmed: tuple[int, int] = (0, 0)  # (payments, rupiah)
    qris_pending: tuple[int, int] = (0, 0)
    returns: SalesTotals = field(default_factory=SalesTotals)  # goods value refunded
    # sales of an earlier period cancelled in this one (goods value), subtracted like returns
    cancelled_later: SalesTotals = field(default_factory=SalesTotals)
    # completed line totals (after discounts) net of returns of the sales made while the store was
    # VAT-registered, split by the line's ppn_exempt; their VAT status and rate are the sales' own
    taxable_rp: int = 0
    exempt_rp: int = 0
    vat_registered: bool = False
    ppn_percent: int | None = None


@dataclass(frozen=True)
class ProductFacts:
    product_id: int
    code: str
    name: str
    base_unit: str
    business_unit: str
    category: str
    base_qty_milli: int
    total_rp: int


def group_products(facts: list[ProductFacts], key: str) -> dict[str, int]:
    """Rupiah per business unit or category, largest first."""
    sums: dict[str, int] = defaultdict(int)
    for f in facts:
        sums[getattr(f, key) or "-"] += f.total_rp
    return dict(sorted(sums.items(), key=lambda kv: (-kv[1], kv[0])))


@dataclass
class ShiftReport:
    shift_id: str
    final: bool  # Z (closed) or X (mid-shift)
    cashier: str
    status: str
    business_date: str
    opened_at: str
    closed_at: str | None
    printed_at: str
    opening_float_rp: int
    cash_sales_rp: int
    cash_in_rp: int
    cash_out_rp: int
    cash_refunds_rp: int
    savings_cash_rp: int
    expected_rp: int
    counted_rp: int | None
    difference_rp: int | None
    approved_by: str | None
    deposit_rp: int
    facts: SalesFacts
    moves: list[tuple[str, int, str, str, str]] = field(default_factory=list)

    @property
    def left_rp(self) -> int | None:
        return None if self.counted_rp is None else self.counted_rp - self.deposit_rp


@dataclass
class PeriodReport:
    kind: str  # 'eod' | 'range'
    date_from: str
    date_to: str
    store_name: str
    cooperative_name: str
    vat_registered: bool
    generated_at: str
    facts: SalesFacts
    products: list[ProductFacts]
    shifts: list[dict[str, Any]]
    top_n: int = 10
    ppn_percent: int = PPN_PERCENT

    @property
    def by_business_unit(self) -> dict[str, int]:
        return group_products(self.products, "business_unit")

    @property
    def by_category(self) -> dict[str, int]:
        return group_products(self.products, "category")

    @property
    def top_products(self) -> list[ProductFacts]:
        return sorted(self.products, key=lambda p: (-p.total_rp, p.name))[: self.top_n]

    @property
    def ppn(self) -> tuple[int, int] | None:
        """(DPP, PPN) included in the taxable sales net of returns, only for a VAT-registered store.

        PPN is taken once from the period's net taxable sum (prices include it); exempt goods
        (`product.ppn_exempt`) add nothing.
        """
        if not self.vat_registered:
            return None
        return dpp_and_ppn(self.facts.taxable_rp, self.ppn_percent)

    def ppn_rows(self) -> list[tuple[str, str]]:
        """The PPN block of the slip and the PDF (empty for a store not registered for VAT)."""
        if self.ppn is None:
            return []
        dpp, ppn = self.ppn
        return [
            ("Penjualan kena PPN", format_rp(self.facts.taxable_rp)),
            ("Penjualan bebas PPN", format_rp(self.facts.exempt_rp)),
            ("DPP", format_rp(dpp)),
            (f"PPN {self.ppn_percent}% (termasuk)", format_rp(ppn)),
        ]

    def to_json(self) -> dict[str, Any]:
        """Machine-readable: completed sales net of returns and cancellations."""
        f = self.facts
        data: dict[str, Any] = {}
        if self.kind == "eod":
            data["business_date"] = self.date_from
        data.update(
            {
                "date_from": self.date_from,
                "date_to": self.date_to,
                "sale_count": f.completed.sale_count,
                "total_rp": f.completed.total_rp,
                "rounding_rp": f.completed.rounding_rp,
                "discount_rp": f.completed.discount_rp,
                "member_savings_rp": f.completed.member_savings_rp,
                "by_payment": dict(sorted(f.by_payment.items())),
                "by_business_unit": self.by_business_unit,
                "by_category": self.by_category,
                "member": {"sale_count": f.member.sale_count, "total_rp": f.member.total_rp},
                "non_member": {"sale_count": f.non_member.sale_count, "total_rp": f.non_member.total_rp},
                "by_hour": {f"{h:02d}": v for h, v in sorted(f.by_hour.items())},
                "by_day": dict(sorted(f.by_day.items())),
                "voids": {"sale_count": f.cancelled.sale_count, "total_rp": f.cancelled.total_rp},
                "cancelled_later": {
                    "count": f.cancelled_later.sale_count,
                    "total_rp": f.cancelled_later.total_rp,
                },
                "returns": {"count": f.returns.sale_count, "total_rp": f.returns.total_rp},
                "qris_pending": {"count": f.qris_pending[0], "amount_rp": f.qris_pending[1]},
                "qris_confirmed": {"count": f.qris_confirmed[0], "amount_rp": f.qris_confirmed[1]},
                "top_products": [
                    {"code": p.code, "name": p.name, "qty_milli": p.base_qty_milli, "total_rp": p.total_rp}
                    for p in self.top_products
                ],
                "shifts": [
                    {
                        k: s[k]
                        for k in (
                            "id",
                            "cashier",
                            "status",
                            "opening_float_rp",
                            "expected_cash_rp",
                            "counted_cash_rp",
                            "difference_rp",
                            "approved_by",
                        )
                    }
                    for s in self.shifts
                ],
            }
        )
        if self.ppn is not None:
            data["ppn"] = {
                "percent": self.ppn_percent,
                "taxable_rp": self.facts.taxable_rp,
                "exempt_rp": self.facts.exempt_rp,
                "dpp_rp": self.ppn[0],
                "ppn_rp": self.ppn[1],
            }
        return data


@dataclass
class MemberReport:
    date_from: str
    date_to: str
    cooperative_name: str
    generated_at: str
    rows: list[dict[str, Any]]

    @property
    def total_rp(self) -> int:
        return sum(r["total_rp"] for r in self.rows)

    def to_json(self) -> dict[str, Any]:
        return {
            "date_from": self.date_from,
            "date_to": self.date_to,
            "member_count": len(self.rows),
            "total_rp": self.total_rp,
            "members": self.rows,
        }
