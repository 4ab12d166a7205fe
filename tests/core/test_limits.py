"""Purchase caps: measures add up across products, the period decides what counts before, modes kept."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.core.limits import (
    LimitRule,
    Purchase,
    check_rule,
    evaluate,
    format_product_codes,
    parse_product_codes,
    window,
)

TODAY = "2026-08-23"
SPHP = LimitRule("r1", "Beras SPHP", 2000, "pak", "transaction", "buyer", "block", {"SPHP5": 1000})
OIL = LimitRule(
    "r2", "MinyaKita", 2000, "L", "day", "buyer", "block", {"MK1": 1000, "MK2": 2000, "MK05": 500}
)
LPG = LimitRule("r3", "LPG 3 kg", 1000, "tabung", "day", "nik", "warn", {"LPG3": 1000})


def buy(code: str, qty_milli: int, category: str | None = None) -> Purchase:
    return Purchase(code, category, code, qty_milli)


def test_two_packs_pass_and_three_are_blocked_in_one_transaction():
    assert evaluate([SPHP], [buy("SPHP5", 2000)], {}, TODAY) == []
    [v] = evaluate([SPHP], [buy("SPHP5", 3000)], {"r1": 5000}, TODAY)
    assert v.blocks and v.cart_milli == 3000
    assert v.prior_milli == 0  # a per-transaction cap ignores what was bought before


def test_minyakita_counts_litres_across_pack_sizes():
    # 1 L + 500 ml = 1,5 L: fine; another 1 L makes 2,5 L
    assert evaluate([OIL], [buy("MK1", 1000), buy("MK05", 1000)], {}, TODAY) == []
    [v] = evaluate([OIL], [buy("MK1", 2000), buy("MK05", 1000)], {}, TODAY)
    assert v.cart_milli == 2500 and v.params()["cart"] == "2,5 L"
    # a 2 L pouch today after 1 L this morning
    [v] = evaluate([OIL], [buy("MK2", 1000)], {"r2": 1000}, TODAY)
    assert (v.prior_milli, v.cart_milli, v.total_milli) == (1000, 2000, 3000)
    assert "Sudah dibeli 1 L" in v.error().message()
    assert "Already bought 1 L" in v.error().message("en")


def test_a_rule_not_touched_by_the_cart_never_fires_whatever_was_bought_before():
    assert evaluate([OIL, LPG], [buy("GP1", 1000)], {"r2": 9000, "r3": 5000}, TODAY) == []


def test_warn_rules_are_warnings_and_say_per_nik():
    [v] = evaluate([LPG], [buy("LPG3", 1000)], {"r3": 1000}, TODAY)
    assert not v.blocks and v.mode == "warn"
    assert "per NIK per hari" in v.warning().message()
    assert "per NIK per day" in v.warning().message("en")


def test_inactive_and_not_yet_effective_rules_do_not_apply():
    later = LimitRule("r4", "x", 1000, "pak", effective_from="2026-09-01", product_codes={"A": 1000})
    off = LimitRule("r5", "y", 1000, "pak", active=False, product_codes={"A": 1000})
    assert evaluate([later, off], [buy("A", 5000)], {}, TODAY) == []
    assert evaluate([later], [buy("A", 5000)], {}, "2026-09-01")


def test_a_category_rule_counts_each_base_unit_once_and_ignores_case():
    rule = LimitRule("r6", "Gula", 3000, "kg", "transaction", category="Gula Pasir")
    assert evaluate([rule], [buy("GP1", 3000, "gula pasir"), buy("X", 9000, "Beras")], {}, TODAY) == []
    assert evaluate([rule], [buy("GP1", 3001, "GULA PASIR")], {}, TODAY)


def test_windows_of_the_periods():
    assert window("transaction", TODAY) is None
    assert window("day", TODAY) == (TODAY, TODAY)
    assert window("month", TODAY) == ("2026-08-01", TODAY)
    with pytest.raises(ValidationError):
        window("year", TODAY)


def test_product_codes_are_written_like_quantities_at_the_till():
    codes = parse_product_codes("MK1, MK2=2; MK05=0,5")
    assert codes == {"MK1": 1000, "MK2": 2000, "MK05": 500}
    assert format_product_codes(codes) == "MK1; MK2=2; MK05=0,5"
    assert parse_product_codes(format_product_codes(codes)) == codes
    with pytest.raises(ValidationError):
        parse_product_codes("=2")


@pytest.mark.parametrize(
    "bad",
    [
        LimitRule("x", "", 1000, "pak", product_codes={"A": 1000}),
        LimitRule("x", "n", 1000, "pak"),
        LimitRule("x", "n", 0, "pak", product_codes={"A": 1000}),
        LimitRule("x", "n", 1000, "pak", period="week", product_codes={"A": 1000}),
        LimitRule("x", "n", 1000, "pak", effective_from="23-08-2026", product_codes={"A": 1000}),
    ],
)
def test_rules_that_could_not_work_are_refused(bad):
    with pytest.raises(ValidationError) as info:
        check_rule(bad)
    assert info.value.code == "limit_rule_invalid"


@given(
    cap=st.integers(1, 10_000),
    prior=st.integers(0, 10_000),
    qtys=st.lists(st.tuples(st.sampled_from(["MK1", "MK2", "GP1"]), st.integers(1, 5_000)), max_size=5),
    period=st.sampled_from(["transaction", "day", "month"]),
)
def test_a_violation_exactly_when_the_cart_goes_over_the_cap(cap, prior, qtys, period):
    rule = LimitRule("r", "n", cap, "L", period, "buyer", "block", {"MK1": 1000, "MK2": 2000})
    litres = {"MK1": 1, "MK2": 2, "GP1": 0}
    in_cart = sum(q * litres[code] for code, q in qtys)
    before = 0 if period == "transaction" else prior
    found = evaluate([rule], [buy(code, q) for code, q in qtys], {"r": prior}, TODAY)
    assert bool(found) == (in_cart > 0 and in_cart + before > cap)
    for v in found:
        assert (v.cart_milli, v.prior_milli) == (in_cart, before)
