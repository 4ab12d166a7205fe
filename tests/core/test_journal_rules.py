"""Each document's journal rule, one by one: the accounts it hits, the amounts, and that it balances."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kkmp_pos.core import journal_rules as r
from kkmp_pos.core.chart import DEFAULT_CHART, ROLES, SUSPENSE, valid_code


def amounts(draft: r.Draft) -> dict[str, int]:
    """account -> debit minus credit."""
    out: dict[str, int] = {}
    for p in draft.lines:
        out[p.account] = out.get(p.account, 0) + p.debit_rp - p.credit_rp
    return out


def balanced(draft: r.Draft) -> bool:
    return draft.total_debit_rp == draft.total_credit_rp


def line(unit="sembako", total=10_000, exempt=True, cost=8_000):
    return r.SaleLineFacts(unit, total, exempt, cost)


def sale(*lines, member=False, total=None, rounding=0, vat=False, payments=None):
    total = sum(ln.total_rp for ln in lines) if total is None else total
    return r.SaleFacts(
        member, total, rounding, vat, 11, tuple(lines), tuple(payments or [("cash", total + rounding)])
    )


def test_the_chart_has_valid_unique_codes_and_every_role_names_one_of_its_accounts():
    codes = [a.code for a in DEFAULT_CHART]
    assert len(codes) == len(set(codes)) and all(valid_code(c) for c in codes)
    assert set(ROLES.values()) <= set(codes)
    assert SUSPENSE in codes


def test_a_cash_sale_to_a_non_member_debits_cash_credits_non_member_revenue_and_moves_cost():
    d = r.sale_journal(sale(line(total=10_000, cost=8_000)))
    assert amounts(d) == {"111000": 10_000, "411200": -10_000, "511200": 8_000, "114100": -8_000}
    assert balanced(d) and not d.warnings


def test_a_member_sale_goes_to_member_revenue_and_member_cogs():
    d = amounts(r.sale_journal(sale(line(unit="lpg", total=20_000, cost=18_000), member=True)))
    assert d["412100"] == -20_000 and d["512100"] == 18_000 and d["114200"] == -18_000


def test_payments_split_by_method_qris_to_clearing_transfer_to_bank_bon_to_receivable():
    facts = sale(
        line(total=30_000), payments=[("cash", 5_000), ("qris", 10_000), ("transfer", 7_000), ("bon", 8_000)]
    )
    d = amounts(r.sale_journal(facts))
    assert (d["111000"], d["112100"], d["112000"], d["113000"]) == (5_000, 10_000, 7_000, 8_000)


def test_cash_rounding_up_is_credited_to_the_rounding_account():
    d = r.sale_journal(sale(line(total=10_050), rounding=-50))
    assert amounts(d)["481000"] == 50 and amounts(d)["111000"] == 10_000 and balanced(d)


def test_ppn_output_is_taken_from_taxable_lines_only_when_vat_registered():
    facts = sale(line(total=11_100, exempt=False, cost=0), line(total=5_000, exempt=True, cost=0), vat=True)
    d = amounts(r.sale_journal(facts))
    assert d["212000"] == -1_100 and d["411200"] == -(10_000 + 5_000)
    not_pkp = amounts(r.sale_journal(sale(line(total=11_100, exempt=False, cost=0))))
    assert "212000" not in not_pkp


def test_a_whole_sale_discount_is_shared_over_the_units_revenue():
    facts = sale(line("sembako", 6_000, cost=0), line("obat", 4_000, cost=0), total=9_000)
    d = amounts(r.sale_journal(facts))
    assert d["411200"] == -5_400 and d["413200"] == -3_600 and d["111000"] == 9_000


def test_an_unknown_business_unit_posts_to_suspense_with_a_warning():
    d = r.sale_journal(sale(line(unit="bengkel", total=1_000, cost=500)))
    assert amounts(d)[SUSPENSE] == -1_000 + 500 - 500 and balanced(d)
    assert any("bengkel" in w for w in d.warnings)


def test_a_return_reverses_revenue_and_cost_and_pays_back_by_its_method():
    refund = r.RefundFacts("cash", 10_000, 0)
    d = r.return_journal(r.ReturnFacts(True, False, 11, (line(total=10_000, cost=8_000),), refund))
    assert amounts(d) == {"411100": 10_000, "511100": -8_000, "114100": 8_000, "111000": -10_000}


def test_a_return_refund_rounding_is_debited_to_rounding():
    refund = r.RefundFacts("cash", 10_050, -50)
    d = amounts(r.return_journal(r.ReturnFacts(False, False, 11, (line(total=10_050, cost=0),), refund)))
    assert d["111000"] == -10_000 and d["481000"] == -50


def test_a_cancellation_mirrors_the_sale_and_clears_an_unpaid_qris():
    facts = sale(line(total=10_000, cost=8_000), payments=[("qris", 10_000)])
    d = r.cancellation_journal(facts, r.RefundFacts(None, 0, 0))
    assert amounts(d) == {"411200": 10_000, "511200": -8_000, "114100": 8_000, "112100": -10_000}
    total = {k: amounts(r.sale_journal(facts)).get(k, 0) + v for k, v in amounts(d).items()}
    assert not any(total.values())


def test_a_cash_cancellation_pays_back_in_cash():
    facts = sale(line(total=10_000, cost=0))
    d = amounts(r.cancellation_journal(facts, r.RefundFacts("cash", 10_000, 0)))
    assert d["111000"] == -10_000 and "112100" not in d


def test_a_goods_receipt_raises_inventory_per_unit_against_the_payable_and_a_reversal_undoes_it():
    d = amounts(r.goods_receipt_journal([("sembako", 100_000), ("obat", 50_000)]))
    assert d == {"114100": 100_000, "114300": 50_000, "211000": -150_000}
    back = amounts(r.goods_receipt_journal([("sembako", -100_000)]))
    assert back == {"114100": -100_000, "211000": 100_000}
    paid = amounts(r.goods_receipt_journal([("lpg", 40_000)], paid_by="cash"))
    assert paid == {"114200": 40_000, "111000": -40_000}


def test_a_write_off_is_an_expense_against_inventory():
    assert amounts(r.write_off_journal("obat", 12_000)) == {"614000": 12_000, "114300": -12_000}


def test_count_adjustments_move_inventory_against_the_count_difference_account():
    d = amounts(r.count_adjustment_journal([("sembako", 5_000), ("lpg", -8_000)]))
    assert d == {"114100": 5_000, "114200": -8_000, "615000": 3_000}


def test_cash_moves_follow_their_reason():
    assert amounts(r.cash_move_journal("in", 50_000, "uang kembalian")) == {
        "111000": 50_000,
        "111100": -50_000,
    }
    assert amounts(r.cash_move_journal("out", 20_000, "beli kantong plastik")) == {
        "613000": 20_000,
        "111000": -20_000,
    }
    assert amounts(r.cash_move_journal("out", 90_000, "bayar token listrik"))["612000"] == 90_000
    assert amounts(r.cash_move_journal("deposit", 300_000, "setoran")) == {
        "111100": 300_000,
        "111000": -300_000,
    }


def test_a_cash_out_with_an_unknown_reason_goes_to_suspense_with_a_warning():
    d = r.cash_move_journal("out", 10_000, "sumbangan 17an")
    assert amounts(d) == {SUSPENSE: 10_000, "111000": -10_000} and d.warnings


def test_simpanan_pokok_and_wajib_are_equity_sukarela_a_liability():
    assert amounts(r.simpanan_journal("simpanan_deposit", "pokok", "cash", 100_000))["311000"] == -100_000
    assert amounts(r.simpanan_journal("simpanan_deposit", "wajib", "transfer", 10_000)) == {
        "112000": 10_000,
        "312000": -10_000,
    }
    out = amounts(r.simpanan_journal("simpanan_withdrawal", "sukarela", "cash", 25_000))
    assert out == {"111000": -25_000, "213000": 25_000}


def test_bon_and_its_repayment_move_the_member_receivable():
    assert amounts(r.bon_journal("bon", "cash", 50_000)) == {"113000": 50_000, "111000": -50_000}
    assert amounts(r.bon_journal("bon_repayment", "qris", 50_000)) == {"112100": 50_000, "113000": -50_000}


def test_a_reversed_draft_swaps_every_side():
    d = r.write_off_journal("sembako", 1_000)
    assert {k: -v for k, v in amounts(d).items()} == amounts(d.reversed())


def test_split_largest_remainder_adds_up_exactly():
    assert r.split_largest_remainder(100, [1, 1, 1]) == [34, 33, 33]
    assert r.split_largest_remainder(-10, [3, 1]) == [-8, -2]
    assert r.split_largest_remainder(5, [0, 0]) == [5, 0]


units = st.sampled_from(["sembako", "lpg", "obat", "konsinyasi"])
line_st = st.builds(r.SaleLineFacts, units, st.integers(1, 500_000), st.booleans(), st.integers(0, 400_000))


@given(
    st.lists(line_st, min_size=1, max_size=6),
    st.booleans(),
    st.booleans(),
    st.integers(0, 30),
    st.sampled_from([0, 100, -100, 400]),
    st.sampled_from(["cash", "qris", "transfer", "bon"]),
)
def test_every_sale_return_and_cancellation_balances_without_suspense(
    lines, member, vat, pct, rounding, method
):
    gross = sum(ln.total_rp for ln in lines)
    total = gross - gross * pct // 100
    facts = r.SaleFacts(member, total, rounding, vat, 11, tuple(lines), ((method, total + rounding),))
    for d in (
        r.sale_journal(facts),
        r.cancellation_journal(facts, r.RefundFacts(method, total + rounding, 0)),
        r.return_journal(
            r.ReturnFacts(member, vat, 11, tuple(lines), r.RefundFacts(method, gross, rounding))
        ),
    ):
        assert balanced(d) and not d.warnings
        assert SUSPENSE not in amounts(d)
