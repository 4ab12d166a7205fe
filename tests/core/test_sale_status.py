"""A sale's legal moves: QRIS confirmed or abandoned, a cancellation; every other move is refused."""

from __future__ import annotations

import pytest

from kkmp_pos.core.errors import StateError
from kkmp_pos.core.sale_status import (
    SaleMove,
    SaleStatus,
    is_returnable,
    next_status,
    status_at_commit,
)

LEGAL = {
    (SaleStatus.AWAITING_PAYMENT, SaleMove.CONFIRM_PAYMENT): SaleStatus.COMPLETED,
    (SaleStatus.AWAITING_PAYMENT, SaleMove.ABANDON_PAYMENT): SaleStatus.CANCELLED,
    (SaleStatus.AWAITING_PAYMENT, SaleMove.CANCEL): SaleStatus.CANCELLED,
    (SaleStatus.COMPLETED, SaleMove.CANCEL): SaleStatus.CANCELLED,
}


def test_a_sale_commits_completed_or_awaiting_its_qris_money():
    assert status_at_commit(payment_pending=False) is SaleStatus.COMPLETED
    assert status_at_commit(payment_pending=True) is SaleStatus.AWAITING_PAYMENT


@pytest.mark.parametrize(("status", "move"), list(LEGAL))
def test_each_legal_move_lands_where_the_table_says(status, move):
    assert next_status(status, move) is LEGAL[(status, move)]
    assert next_status(str(status), str(move)) is LEGAL[(status, move)]  # as stored in the database


@pytest.mark.parametrize("status", list(SaleStatus))
@pytest.mark.parametrize("move", list(SaleMove))
def test_every_other_move_is_refused_with_the_state_and_the_move(status, move):
    if (status, move) in LEGAL:
        return
    with pytest.raises(StateError) as refused:
        next_status(status, move)
    assert refused.value.code == "sale_state_invalid"
    assert refused.value.params == {"status": str(status), "move": str(move)}


def test_a_cancelled_sale_is_final():
    for move in SaleMove:
        with pytest.raises(StateError):
            next_status("cancelled", move)


def test_an_unknown_move_is_refused():
    with pytest.raises(StateError):
        next_status("completed", "refund_twice")


def test_only_a_completed_sale_takes_returns():
    assert [s for s in SaleStatus if is_returnable(s)] == [SaleStatus.COMPLETED]
