"""Helpers for the stock-module tests: a ticking clock, the ledger check, a batch-tracked medicine."""

from __future__ import annotations

from datetime import datetime, timedelta

from peewee import fn

from kkmp_pos.core.timeutil import utc_now
from kkmp_pos.db.models import BatchModel, ProductModel, StockMovementModel


class TickingClock:
    """Real time that moves 2 ms on every read, so 'before' and 'after' are never the same instant."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or utc_now()

    def __call__(self) -> datetime:
        self.now += timedelta(milliseconds=2)
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


def ledger_mismatches() -> list[str]:
    """Every product and batch whose cached on-hand differs from the sum of its movements."""
    problems = []
    sums = dict(
        StockMovementModel.select(StockMovementModel.product, fn.SUM(StockMovementModel.qty_milli))
        .group_by(StockMovementModel.product)
        .tuples()
    )
    for pid, on_hand in ProductModel.select(ProductModel.id, ProductModel.on_hand_milli).tuples():
        if sums.get(pid, 0) != on_hand:
            problems.append(f"product {pid}: cache {on_hand} ledger {sums.get(pid, 0)}")
    batch_sums = dict(
        StockMovementModel.select(StockMovementModel.batch, fn.SUM(StockMovementModel.qty_milli))
        .where(StockMovementModel.batch.is_null(False))
        .group_by(StockMovementModel.batch)
        .tuples()
    )
    for bid, on_hand in BatchModel.select(BatchModel.id, BatchModel.on_hand_milli).tuples():
        if batch_sums.get(bid, 0) != on_hand:
            problems.append(f"batch {bid}: cache {on_hand} ledger {batch_sums.get(bid, 0)}")
    return problems
