"""What a stock count shows: its header, the counters' lines and the variance report, as plain values
(never the rows themselves)."""

from __future__ import annotations

from dataclasses import dataclass

from kkmp_pos.core.stock import Variance
from kkmp_pos.db.models import StockCountModel


@dataclass(frozen=True)
class CountSummary:
    id: str
    number: str  # 'SO-KMPBPN-260823-01'
    scope: str  # all | category
    category: str  # the counted category's name; '' for a count of every product
    status: str  # open | approved | cancelled
    snapshot_at: str
    business_date: str
    note: str
    approved_by: str  # the approving manager's name; '' until approved
    approved_at: str | None


def count_summary(count: StockCountModel) -> CountSummary:
    return CountSummary(
        id=count.id,
        number=count.number,
        scope=count.scope,
        category=count.category.name if count.category_id else "",
        status=count.status,
        snapshot_at=count.snapshot_at,
        business_date=count.business_date,
        note=count.note,
        approved_by=count.approved_by.name if count.approved_by_id else "",
        approved_at=count.approved_at,
    )


@dataclass(frozen=True)
class CountEntry:
    """What a counter sees of a line: never the expected figure (blind counting)."""

    product_id: int
    code: str
    name: str
    unit: str
    counted_milli: int | None
    recounts: int


@dataclass(frozen=True)
class SheetRow:
    """A count-sheet row for paper counting (no expected figure either)."""

    product_id: int
    code: str
    name: str
    unit: str
    category: str
    barcode: str


@dataclass(frozen=True)
class VarianceLine:
    product_id: int
    code: str
    name: str
    unit: str
    variance: Variance | None  # None: not counted
    expected_milli: int
    cost_rp: int
    recounts: int

    @property
    def diff_milli(self) -> int:
        return self.variance.diff_milli if self.variance else 0

    @property
    def diff_rp(self) -> int:
        return self.variance.diff_rp if self.variance else 0


@dataclass(frozen=True)
class VarianceReport:
    count_id: str
    number: str
    status: str
    lines: list[VarianceLine]

    @property
    def counted(self) -> list[VarianceLine]:
        return [line for line in self.lines if line.variance is not None]

    @property
    def uncounted(self) -> list[VarianceLine]:
        return [line for line in self.lines if line.variance is None]

    @property
    def differing(self) -> list[VarianceLine]:
        return [line for line in self.counted if line.diff_milli != 0]

    @property
    def total_diff_rp(self) -> int:
        return sum(line.diff_rp for line in self.counted)
