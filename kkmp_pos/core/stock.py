"""Pure stock arithmetic: moving average cost, running balances, count variances, expiry checks."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from kkmp_pos.core.money import line_total_rp, round_half_up


def moving_average_cost(on_hand_milli: int, cost_rp: int, qty_milli: int, unit_cost_rp: int) -> int:
    """The average cost per base unit after `qty_milli` arrive at `unit_cost_rp` (or leave, if < 0).

    With nothing (or less than nothing) on hand the new cost is simply the receipt's cost: negative stock
    has no meaningful value to average with. A reversal that would empty the stock keeps the old cost.
    """
    after = on_hand_milli + qty_milli
    if qty_milli > 0 and on_hand_milli <= 0:
        return unit_cost_rp
    if after <= 0:
        return cost_rp
    value = Fraction(on_hand_milli * cost_rp + qty_milli * unit_cost_rp, after)
    if value < 0:
        return cost_rp
    return round_half_up(value)


@dataclass(frozen=True)
class CardRow:
    """One stock-card row: the movement and the balance right after it."""

    created_at: str
    kind: str
    doc_id: str
    qty_milli: int
    balance_milli: int
    batch_id: int | None
    key: tuple[str, int]  # (created_at, rowid): the paging cursor


def balances_backwards(
    rows: Iterable[tuple[str, int, str, str, int, int | None]], balance_after_newest: int
) -> list[CardRow]:
    """Newest-first movements (created_at, rowid, kind, doc, qty, batch) → rows with running balances.

    The newest row's balance is the on-hand figure; each older row's is the newer one minus the newer
    movement. No sum over the whole history is needed, so a page costs the same at any depth.
    """
    out: list[CardRow] = []
    balance = balance_after_newest
    for created_at, rowid, kind, doc_id, qty, batch_id in rows:
        out.append(CardRow(created_at, kind, doc_id, qty, balance, batch_id, (created_at, rowid)))
        balance -= qty
    return out


@dataclass(frozen=True)
class Variance:
    """A counted line against the system's figure at the moment it was counted."""

    product_id: int
    expected_milli: int  # snapshot at the start of the count
    moved_milli: int  # movements between the snapshot and the count (sales during the count)
    system_milli: int  # expected + moved: what the ledger said when the line was counted
    counted_milli: int
    cost_rp: int

    @property
    def diff_milli(self) -> int:
        return self.counted_milli - self.system_milli

    @property
    def diff_rp(self) -> int:
        return value_rp(self.cost_rp, self.diff_milli)


def variance_of(
    product_id: int,
    *,
    on_hand_now: int,
    after_count_milli: int,
    expected_milli: int,
    counted_milli: int,
    cost_rp: int,
) -> Variance:
    """The system figure at count time is today's on-hand minus what moved after the line was counted.

    That stays right when a sale from another till arrives late (its time is before the count, so it
    is part of the system figure), and it never depends on the snapshot being exact.
    """
    system = on_hand_now - after_count_milli
    return Variance(
        product_id=product_id,
        expected_milli=expected_milli,
        moved_milli=system - expected_milli,
        system_milli=system,
        counted_milli=counted_milli,
        cost_rp=cost_rp,
    )


def split_fefo(
    batches: Sequence[tuple[int, str | None, int]], qty_milli: int
) -> list[tuple[int | None, int]]:
    """Take `qty_milli` from (batch id, expiry, on hand) in the order given; the rest is unbatched."""
    parts: list[tuple[int | None, int]] = []
    left = qty_milli
    for batch_id, _expiry, on_hand in batches:
        if left <= 0:
            break
        if on_hand <= 0:
            continue
        take = min(left, on_hand)
        parts.append((batch_id, take))
        left -= take
    if left > 0:
        parts.append((None, left))
    return parts


def value_rp(cost_rp: int, qty_milli: int) -> int:
    """Stock value at cost, signed, rounded half-up on the magnitude."""
    sign = -1 if qty_milli < 0 else 1
    return sign * line_total_rp(cost_rp, abs(qty_milli))
