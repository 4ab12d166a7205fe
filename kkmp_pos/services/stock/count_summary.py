"""A stock count's header as the screens and documents show it: plain values, never the row itself."""

from __future__ import annotations

from dataclasses import dataclass

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
