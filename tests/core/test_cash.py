"""core.cash: denomination counts, expected cash, the approval limit and the shift state machine."""

from __future__ import annotations

import pytest

from kkmp_pos.core.cash import (
    DENOMINATIONS,
    CashFigures,
    breakdown,
    counts_from_json,
    counts_to_json,
    needs_approval,
    next_status,
    total_rp,
)
from kkmp_pos.core.errors import StateError, ValidationError


def test_denominations_run_from_rp100_to_rp100000() -> None:
    assert DENOMINATIONS[0] == 100_000 and DENOMINATIONS[-1] == 100
    assert list(DENOMINATIONS) == sorted(DENOMINATIONS, reverse=True)


def test_total_of_a_count_is_value_times_pieces() -> None:
    assert total_rp({100_000: 2, 5_000: 3, 500: 4, "100": 7}) == 200_000 + 15_000 + 2_000 + 700


@pytest.mark.parametrize("counts", [{300: 1}, {"abc": 1}, {1000: -1}, {1000: 1.5}, {1000: True}])
def test_unknown_denominations_and_bad_counts_are_refused(counts: dict) -> None:
    with pytest.raises(ValidationError):
        total_rp(counts)


def test_counts_survive_json_with_zeros_left_out() -> None:
    counts = {50_000: 1, 200: 3}
    text = counts_to_json(counts)
    assert text == '{"50000": 1, "200": 3}'
    assert total_rp(counts_from_json(text)) == 50_600


def test_breakdown_uses_largest_pieces_first() -> None:
    assert breakdown(187_300) == {
        100_000: 1, 50_000: 1, 20_000: 1, 10_000: 1, 5_000: 1, 2_000: 1, 1_000: 0, 500: 0, 200: 1, 100: 1
    }  # fmt: skip


def test_expected_cash_adds_float_sales_and_in_and_subtracts_out_and_refunds() -> None:
    figures = CashFigures(opening_float_rp=200_000, cash_sales_rp=1_000_000, cash_in_rp=50_000,
                          cash_out_rp=30_000, cash_refunds_rp=20_000)  # fmt: skip
    assert figures.expected_rp == 1_200_000


def test_difference_over_the_limit_needs_approval_but_exactly_the_limit_does_not() -> None:
    assert not needs_approval(-10_000, 10_000)
    assert needs_approval(-10_001, 10_000)
    assert needs_approval(10_100, 10_000)


def test_shift_moves_open_to_counted_to_closed_and_refuses_anything_else() -> None:
    assert next_status("open", "submit_count") == "counted"
    assert next_status("counted", "finish_close") == "closed"
    for status, move in [("open", "finish_close"), ("counted", "submit_count"), ("closed", "submit_count")]:
        with pytest.raises(StateError):
            next_status(status, move)
