"""A sale's states and the legal moves between them, as pure functions that refuse illegal moves.

`sale.status` is a cache of what the sale's documents say (a payment confirmation, a cancellation),
so each move here matches one document; `services/selling/sale_state.move_sale` writes it.
"""

from __future__ import annotations

from enum import StrEnum

from kkmp_pos.core.errors import StateError


class SaleStatus(StrEnum):
    COMPLETED = "completed"  # paid in full ← commit() / QrisPaymentService.confirm()
    AWAITING_PAYMENT = "awaiting_payment"  # a QRIS payment waits for the cashier ← commit()
    CANCELLED = "cancelled"  # reversed by a cancellation document ← QrisPaymentService.abandon() / cancel()


class SaleMove(StrEnum):
    CONFIRM_PAYMENT = "confirm_payment"  # the QRIS money arrived: a payment confirmation
    ABANDON_PAYMENT = "abandon_payment"  # the QRIS money never came: a cancellation
    CANCEL = "cancel"  # a manager reverses the whole sale: a cancellation


_MOVES: dict[tuple[SaleStatus, str], SaleStatus] = {
    (SaleStatus.AWAITING_PAYMENT, SaleMove.CONFIRM_PAYMENT): SaleStatus.COMPLETED,
    (SaleStatus.AWAITING_PAYMENT, SaleMove.ABANDON_PAYMENT): SaleStatus.CANCELLED,
    (SaleStatus.AWAITING_PAYMENT, SaleMove.CANCEL): SaleStatus.CANCELLED,
    (SaleStatus.COMPLETED, SaleMove.CANCEL): SaleStatus.CANCELLED,
}


def status_at_commit(payment_pending: bool) -> SaleStatus:
    """A sale commits completed, or awaiting payment while a QRIS part waits for its money."""
    return SaleStatus.AWAITING_PAYMENT if payment_pending else SaleStatus.COMPLETED


def next_status(current: str, move: str) -> SaleStatus:
    """The status after `move`, or StateError when the sale's state does not allow it."""
    status = SaleStatus(current)
    target = _MOVES.get((status, move))  # a StrEnum move and its plain text are the same key
    if target is None:
        raise StateError("sale_state_invalid", status=str(status), move=str(move))
    return target


def is_returnable(status: str) -> bool:
    """Goods come back only from a sale that is paid and not cancelled (a return moves no status)."""
    return SaleStatus(status) is SaleStatus.COMPLETED
