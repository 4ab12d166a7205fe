"""Settling a total: rounding on the cash part only, splits, QRIS pending, transfer references."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.core.payments import PaymentInput, PaymentMethod, settle

CASH, QRIS, TRANSFER = PaymentMethod.CASH, PaymentMethod.QRIS, PaymentMethod.TRANSFER


def test_cash_only_is_rounded_and_change_given():
    s = settle(17_375, [PaymentInput(CASH, 0, 20_000)], 100)
    assert (s.cash_due_rp, s.rounding_rp, s.change_rp, s.pending) == (17_400, 25, 2_600, False)


def test_rounding_applies_to_the_cash_part_of_a_split_only():
    s = settle(65_550, [PaymentInput(QRIS, 50_000), PaymentInput(CASH, 0, 20_000)], 500)
    assert (s.non_cash_rp, s.cash_due_rp, s.rounding_rp, s.change_rp) == (50_000, 15_500, -50, 4_500)
    assert s.pending


def test_exact_non_cash_needs_no_cash():
    s = settle(31_400, [PaymentInput(TRANSFER, 31_400, reference="BCA-123")], 100)
    assert (s.cash_due_rp, s.change_rp, s.rounding_rp, s.pending) == (0, 0, 0, False)


@pytest.mark.parametrize(
    ("payments", "code"),
    [
        ([PaymentInput(CASH, 0, 10_000)], "cash_short"),
        ([PaymentInput(QRIS, 5_000)], "cash_short"),
        ([PaymentInput(TRANSFER, 20_000)], "transfer_reference_missing"),
        ([PaymentInput(QRIS, 0), PaymentInput(CASH, 0, 20_000)], "payment_not_positive"),
        ([PaymentInput(QRIS, 25_000)], "payment_exceeds_total"),
    ],
)
def test_bad_payments_are_refused_with_a_reason(payments, code):
    with pytest.raises(ValidationError) as info:
        settle(20_000, payments, 100)
    assert info.value.code == code
    assert info.value.message() != info.value.message("en")


@given(
    total=st.integers(min_value=1, max_value=10**9),
    non_cash=st.integers(min_value=0, max_value=10**9),
    step=st.sampled_from([0, 100, 500, 1000]),
    extra=st.integers(min_value=0, max_value=10**6),
)
def test_change_is_never_negative_and_everything_adds_up(total, non_cash, step, extra):
    non_cash = min(non_cash, total)
    payments = [PaymentInput(QRIS, non_cash)] if non_cash else []
    remaining = total - non_cash
    from kkmp_pos.core.money import round_cash

    payments.append(PaymentInput(CASH, 0, round_cash(remaining, step) + extra))
    s = settle(total, payments, step)
    assert s.change_rp == extra >= 0
    assert s.non_cash_rp + s.cash_due_rp == total + s.rounding_rp
    assert abs(s.rounding_rp) * 2 <= max(step, 1)
