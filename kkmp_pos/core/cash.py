"""Cash drawer arithmetic: counting by denomination, expected cash, and the shift state machine (pure)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from kkmp_pos.core.errors import StateError, ValidationError

# Rupiah notes and coins a drawer holds, largest first (Rp100 … Rp100.000). Rp1.000 exists as both a
# coin and a note; it is counted once, by value.
DENOMINATIONS: tuple[int, ...] = (100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100)
MAX_PIECES = 100_000  # per denomination: a typo guard, not a business rule

Counts = dict[int, int]  # denomination (rupiah) -> number of pieces


def normalise_counts(counts: Mapping[int | str, int]) -> Counts:
    """Validated counts with int keys, every denomination present (zero when not given)."""
    result: Counts = dict.fromkeys(DENOMINATIONS, 0)
    for key, pieces in counts.items():
        try:
            value = int(key)
        except (TypeError, ValueError):
            raise ValidationError("denomination_invalid", value=key) from None
        if value not in result:
            raise ValidationError("denomination_invalid", value=key)
        if not isinstance(pieces, int) or isinstance(pieces, bool) or pieces < 0:
            raise ValidationError("count_invalid", value=pieces)
        if pieces > MAX_PIECES:
            raise ValidationError("count_invalid", value=pieces)
        result[value] = pieces
    return result


def total_rp(counts: Mapping[int | str, int]) -> int:
    """The cash in a count: Σ denomination × pieces."""
    return sum(value * pieces for value, pieces in normalise_counts(counts).items())


def counts_to_json(counts: Mapping[int | str, int]) -> str:
    """Stored form: only non-zero denominations, keys as text, largest first."""
    clean = normalise_counts(counts)
    return json.dumps({str(v): clean[v] for v in DENOMINATIONS if clean[v]})


def counts_from_json(text: str) -> Counts:
    return normalise_counts(json.loads(text or "{}"))


def breakdown(amount_rp: int) -> Counts:
    """A count that makes up `amount_rp` with the largest pieces first (a default to edit).

    Amounts not a multiple of Rp100 cannot be made; the remainder is dropped.
    """
    if amount_rp < 0:
        raise ValidationError("amount_negative", text=str(amount_rp))
    counts: Counts = {}
    left = amount_rp
    for value in DENOMINATIONS:
        counts[value], left = divmod(left, value)
    return counts


@dataclass(frozen=True)
class CashFigures:
    """What should be in the drawer: float + cash taken + cash in + simpanan − cash out − refunds.

    `cash_sales_rp` is net of change (payments record the cash applied to each sale).
    """

    opening_float_rp: int
    cash_sales_rp: int
    cash_in_rp: int
    cash_out_rp: int
    cash_refunds_rp: int = 0
    savings_cash_rp: int = 0  # simpanan paid by members in cash

    @property
    def expected_rp(self) -> int:
        return (
            self.opening_float_rp
            + self.cash_sales_rp
            + self.savings_cash_rp
            + self.cash_in_rp
            - self.cash_out_rp
            - self.cash_refunds_rp
        )


def needs_approval(difference_rp: int, limit_rp: int) -> bool:
    """A shortage or overage beyond the limit needs a manager; exactly the limit does not."""
    return abs(difference_rp) > limit_rp


class ShiftStatus(StrEnum):
    OPEN = "open"  # selling ← open_shift()
    COUNTED = "counted"  # blind count submitted, waiting for a manager's approval ← submit_count()
    CLOSED = "closed"  # final; the Z report exists ← finish_close()


_MOVES: dict[tuple[ShiftStatus, str], ShiftStatus] = {
    (ShiftStatus.OPEN, "submit_count"): ShiftStatus.COUNTED,
    (ShiftStatus.COUNTED, "finish_close"): ShiftStatus.CLOSED,
}


def next_status(current: str, move: str) -> ShiftStatus:
    """The status after `move`, or StateError when the shift's state does not allow it."""
    status = ShiftStatus(current)
    target = _MOVES.get((status, move))
    if target is None:
        raise StateError("shift_state_invalid", status=str(status), move=move)
    return target


def accepts_cash_moves(status: str) -> bool:
    """Cash in/out and sales only while the shift is open (not after the blind count)."""
    return ShiftStatus(status) is ShiftStatus.OPEN
