"""Pure stock rules: moving average cost, backwards running balances, count variances, FEFO splits,
and the obat keras rule."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kkmp_pos.core.drugs import DrugClass, check_drug_sale, parse_drug_class
from kkmp_pos.core.errors import ValidationError
from kkmp_pos.core.stock import balances_backwards, moving_average_cost, split_fefo, value_rp, variance_of


def test_moving_average_cost_weights_old_and_new_stock():
    assert moving_average_cost(10_000, 3_000, 30_000, 3_400) == 3_300
    assert moving_average_cost(3_000, 1_000, 1_000, 1_001) == 1_000  # 1000.25 rounds half-up to 1000
    assert moving_average_cost(1_000, 1_000, 1_000, 1_001) == 1_001  # 1000.5 rounds up


def test_with_no_or_negative_stock_the_receipts_cost_is_taken():
    assert moving_average_cost(0, 5_000, 10_000, 4_200) == 4_200
    assert moving_average_cost(-2_000, 5_000, 10_000, 4_200) == 4_200


def test_a_reversal_unwinds_the_average_and_an_emptying_one_keeps_the_cost():
    after = moving_average_cost(10_000, 3_000, 30_000, 3_400)
    assert moving_average_cost(40_000, after, -30_000, 3_400) == 3_000
    assert moving_average_cost(30_000, 3_400, -30_000, 3_400) == 3_400


def test_balances_are_computed_backwards_from_on_hand():
    rows = [
        ("t3", 3, "sale", "s2", -2_000, None),
        ("t2", 2, "receipt", "g1", 10_000, 7),
        ("t1", 1, "sale", "s1", -1_000, None),
    ]
    card = balances_backwards(rows, 7_000)
    assert [r.balance_milli for r in card] == [7_000, 9_000, -1_000]
    assert card[1].batch_id == 7 and card[0].key == ("t3", 3)


@given(st.lists(st.integers(-50_000, 50_000), min_size=1, max_size=60))
def test_backwards_balances_equal_forward_running_sums(moves):
    forward, total = [], 0
    for qty in moves:
        total += qty
        forward.append(total)
    newest_first = [(f"t{i:03d}", i, "x", "d", q, None) for i, q in reversed(list(enumerate(moves)))]
    assert [r.balance_milli for r in balances_backwards(newest_first, total)] == forward[::-1]


def test_variance_takes_movements_after_counting_out_of_todays_on_hand():
    # snapshot 50, sold 5 before counting, 3 after; counted 43 → 2 missing.
    v = variance_of(
        1,
        on_hand_now=42_000,
        after_count_milli=-3_000,
        expected_milli=50_000,
        counted_milli=43_000,
        cost_rp=2_500,
    )
    assert (v.system_milli, v.moved_milli, v.diff_milli, v.diff_rp) == (45_000, -5_000, -2_000, -5_000)


def test_value_rounds_half_up_on_the_magnitude():
    assert value_rp(1_001, 500) == 501 and value_rp(1_001, -500) == -501


def test_fefo_split_takes_batches_in_order_and_leaves_the_rest_unbatched():
    batches = [(1, "2026-01-01", 3_000), (2, "2026-02-01", 0), (3, "2026-03-01", 4_000)]
    assert split_fefo(batches, 5_000) == [(1, 3_000), (3, 2_000)]
    assert split_fefo(batches, 9_000) == [(1, 3_000), (3, 4_000), (None, 2_000)]


def test_obat_keras_needs_an_apotek_and_a_prescription():
    check_drug_sale("OBH", "bebas_terbatas", is_apotek=False, prescription_ref="")
    check_drug_sale("Vitamin", None, is_apotek=False, prescription_ref="")
    with pytest.raises(ValidationError) as shop:
        check_drug_sale("Amoxicillin", "keras", is_apotek=False, prescription_ref="R/1")
    assert shop.value.code == "drug_keras_not_apotek"
    with pytest.raises(ValidationError) as ref:
        check_drug_sale("Amoxicillin", "keras", is_apotek=True, prescription_ref="  ")
    assert ref.value.code == "drug_keras_needs_prescription"
    check_drug_sale("Amoxicillin", "keras", is_apotek=True, prescription_ref="R/1")


def test_drug_classes_are_parsed_leniently_and_unknown_ones_refused():
    assert parse_drug_class(" Bebas Terbatas ") is DrugClass.BEBAS_TERBATAS
    assert parse_drug_class("") is None and parse_drug_class(None) is None
    with pytest.raises(ValidationError):
        parse_drug_class("psikotropika")
