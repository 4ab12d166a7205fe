"""Money and quantity arithmetic, rounding and Indonesian display."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.core.money import (
    format_qty,
    format_rp,
    line_total_rp,
    parse_qty,
    parse_rp,
    percent_of_rp,
    round_cash,
    round_half_up,
)


def test_format_rp_uses_dots_and_no_decimals():
    assert format_rp(15000) == "Rp15.000"
    assert format_rp(1250500) == "Rp1.250.500"
    assert format_rp(0) == "Rp0"
    assert format_rp(-2500) == "-Rp2.500"


def test_format_qty_uses_decimal_comma():
    assert format_qty(1250, "kg") == "1,25 kg"
    assert format_qty(3000, "pcs") == "3 pcs"
    assert format_qty(500) == "0,5"
    assert format_qty(1_000_000, "kg") == "1.000 kg"


def test_half_up_rounding_is_exact():
    assert round_half_up(Fraction(5, 2)) == 3
    assert round_half_up(Decimal("2.49")) == 2
    assert round_half_up(Fraction(-5, 2)) == -3


def test_line_total_rounds_half_up_to_whole_rupiah():
    assert line_total_rp(13900, 1250) == 17375
    assert line_total_rp(15700, 333) == 5228  # 5228.1
    assert line_total_rp(3, 500) == 2  # 1.5 → 2


def test_cash_rounding_steps():
    assert round_cash(17375, 100) == 17400
    assert round_cash(17349, 100) == 17300
    assert round_cash(17250, 500) == 17500
    assert round_cash(17375, 0) == 17375
    assert round_cash(17499, 1000) == 17000


def test_percent_of_rounds_half_up():
    assert percent_of_rp(15000, 10) == 1500
    assert percent_of_rp(600_000, "0.3") == 1800
    assert percent_of_rp(1234, 5) == 62  # 61.7


@pytest.mark.parametrize(
    ("text", "milli"),
    [("2", 2000), ("1,25", 1250), ("1.25", 1250), ("0,5", 500), ("1.000,5", 1_000_500), ("-1", -1000)],
)
def test_parse_qty_accepts_comma_and_dot(text, milli):
    assert parse_qty(text) == milli


@pytest.mark.parametrize("text", ["", "abc", "1,2345", "1,,2", "."])
def test_parse_qty_refuses_garbage(text):
    with pytest.raises(ValidationError):
        parse_qty(text)


def test_parse_rp():
    assert parse_rp("Rp 15.000") == 15000
    assert parse_rp("50000") == 50000
    with pytest.raises(ValidationError):
        parse_rp("12,5")
    with pytest.raises(ValidationError):
        parse_rp("-100")


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=10**7))
def test_line_total_matches_decimal_arithmetic(price, qty):
    expected = int((Decimal(price) * Decimal(qty) / 1000).quantize(Decimal(1), rounding="ROUND_HALF_UP"))
    assert line_total_rp(price, qty) == expected


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_format_rp_round_trips_through_parse(amount):
    if amount >= 0:
        assert parse_rp(format_rp(amount)) == amount
