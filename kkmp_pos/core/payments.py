"""Payments against a total: cash with rounding on the cash part only, QRIS, transfer, any split.

Pure arithmetic, checked before anything is written (the sale service commits what this accepts).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.core.money import format_rp, round_cash


class PaymentMethod(StrEnum):
    CASH = "cash"
    QRIS = "qris"
    TRANSFER = "transfer"


@dataclass(frozen=True)
class PaymentInput:
    method: PaymentMethod
    amount_rp: int  # for cash: ignored, the cash due is computed; tendered_rp is what was handed
    tendered_rp: int = 0
    reference: str = ""


@dataclass(frozen=True)
class Settlement:
    """How the payments cover the total: the pure arithmetic, before anything is written."""

    total_rp: int
    non_cash_rp: int
    cash_due_rp: int  # after rounding
    rounding_rp: int
    tendered_rp: int
    change_rp: int
    pending: bool  # some QRIS payment awaits confirmation


def settle(total_rp: int, payments: list[PaymentInput], rounding_step_rp: int) -> Settlement:
    """Check payments against the total. Rounding applies to the cash part only."""
    non_cash = sum(p.amount_rp for p in payments if p.method is not PaymentMethod.CASH)
    for p in payments:
        if p.method is not PaymentMethod.CASH and p.amount_rp <= 0:
            raise ValidationError("payment_not_positive", method=str(p.method))
        if p.method is PaymentMethod.TRANSFER and not p.reference.strip():
            raise ValidationError("transfer_reference_missing")
    if non_cash > total_rp:
        raise ValidationError("payment_exceeds_total", paid=format_rp(non_cash), total=format_rp(total_rp))
    cash_payments = [p for p in payments if p.method is PaymentMethod.CASH]
    remaining = total_rp - non_cash
    cash_due = round_cash(remaining, rounding_step_rp) if cash_payments else remaining
    tendered = sum(p.tendered_rp for p in cash_payments)
    if remaining > 0 and not cash_payments:
        raise ValidationError(
            "cash_short", short=format_rp(remaining), due=format_rp(total_rp), tendered=format_rp(0)
        )
    if tendered < cash_due:
        raise ValidationError(
            "cash_short",
            short=format_rp(cash_due - tendered),
            due=format_rp(cash_due),
            tendered=format_rp(tendered),
        )
    return Settlement(
        total_rp=total_rp,
        non_cash_rp=non_cash,
        cash_due_rp=cash_due,
        rounding_rp=cash_due - remaining,
        tendered_rp=tendered,
        change_rp=tendered - cash_due,
        pending=any(p.method is PaymentMethod.QRIS for p in payments),
    )
