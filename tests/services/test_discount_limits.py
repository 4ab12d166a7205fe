"""Discount limits bound everything taken off a line or cart, in however many steps and by whomever:
small steps up to the limit need no manager, the step that crosses it does (default limits: 10%, Rp10.000)."""

from __future__ import annotations

import json

import pytest

from kkmp_pos.core.cart import Cart
from kkmp_pos.core.errors import PermissionDenied
from kkmp_pos.db.models import AuditLogModel, SaleModel
from tests.services.test_sales import barcode_of, cash


def sphp_cart(till) -> Cart:
    """One SPHP 5 kg at Rp65.500: the cart the 94.7%-off report was made with."""
    cart = Cart()
    cart.add(till.catalog.lookup_barcode(barcode_of("SPHP5")))
    assert cart.totals().total_rp == 65_500
    return cart


def test_stacked_cart_discounts_need_a_manager_once_their_sum_passes_the_limit(till, cashier, manager):
    cart = sphp_cart(till)
    till.overrides.discount_total(cart, cashier, amount_rp=6_000)  # 9.2%
    till.overrides.discount_total(cart, cashier, amount_rp=500)  # 6.500 = 9.9%: still within 10%
    assert cart.markdown().markdown_rp == 6_500
    with pytest.raises(PermissionDenied) as info:
        till.overrides.discount_total(cart, cashier, amount_rp=100)  # 6.600 > 6.550
    assert info.value.code == "approval_required"
    assert cart.totals().total_rp == 59_000  # the refused step changed nothing
    till.overrides.discount_total(cart, cashier, amount_rp=100, approver=manager)
    assert cart.totals().total_rp == 58_900
    query = AuditLogModel.select().where(AuditLogModel.action == "discount.total")
    rows = list(query.order_by(AuditLogModel.id))
    assert [r.approved_by_id for r in rows] == [None, None, manager.user_id]
    assert json.loads(rows[-1].detail)["cart_markdown"] == "Rp6.600"


def test_many_small_steps_can_no_longer_take_most_of_the_cart_off(till, cashier):
    cart = sphp_cart(till)
    with pytest.raises(PermissionDenied):
        for _ in range(60):  # each 9% of what is left: today's walk-around to 94.7% off
            till.overrides.discount_total(cart, cashier, percent=9)
    assert cart.markdown().markdown_rp <= 6_550


def test_a_line_discount_after_a_cart_discount_counts_both(till, cashier, manager):
    cart = sphp_cart(till)
    line_id = cart.lines[0].line_id
    till.overrides.discount_total(cart, cashier, amount_rp=3_000)
    till.overrides.discount_line(cart, line_id, cashier, amount_rp=6_000)  # replaces: 6.000 taken off
    with pytest.raises(PermissionDenied):
        till.overrides.discount_total(cart, cashier, amount_rp=1_000)  # 7.000 > 6.550
    assert cart.totals().total_rp == 59_500


def test_a_lower_manual_price_counts_against_the_limit(till, cashier, manager):
    cart = sphp_cart(till)
    line_id = cart.lines[0].line_id
    till.overrides.set_price(cart, line_id, 60_000, cashier, manager)  # the manager took Rp5.500 off
    till.overrides.discount_total(cart, cashier, amount_rp=1_000)  # 6.500 in all: within the limit
    with pytest.raises(PermissionDenied):
        till.overrides.discount_line(cart, line_id, cashier, amount_rp=1_100)  # 6.600 off the line
    assert cart.line_markdown(line_id).markdown_rp == 6_500


def test_the_rupiah_limit_counts_every_line_of_the_cart(till, cashier, manager):
    cart = Cart()
    for code in ("SPHP5", "SPHP5", "MK1"):  # SPHP merges: 2 × 65.500 + 15.700
        cart.add(till.catalog.lookup_barcode(barcode_of(code)))
    sphp, mk = (line.line_id for line in cart.lines)
    till.overrides.discount_line(cart, sphp, cashier, amount_rp=9_000)  # 6.9% of its line
    with pytest.raises(PermissionDenied):
        till.overrides.discount_line(cart, mk, cashier, amount_rp=1_500)  # Rp10.500 off the cart
    till.overrides.discount_line(cart, mk, cashier, amount_rp=1_000)  # Rp10.000: the limit itself
    assert cart.markdown().markdown_rp == 10_000


def test_taking_less_off_never_needs_a_manager(till, cashier, manager):
    cart = sphp_cart(till)
    line_id = cart.lines[0].line_id
    till.overrides.discount_line(cart, line_id, cashier, percent=20, approver=manager)
    till.overrides.discount_line(cart, line_id, cashier, percent=15)  # less than before, still over
    assert cart.totals().total_rp == 65_500 - 9_825


def test_a_member_price_is_not_a_discount(till, cashier):
    from kkmp_pos.core.cart import MemberRef

    cart = Cart(member=MemberRef("m", "A-1", "Ani", True))
    item = next(
        till.catalog.lookup_barcode(barcode_of(code))
        for code in ("MK1", "GP1", "SPHP5")
        if till.catalog.lookup_barcode(barcode_of(code)).member_price_rp
    )
    line = cart.add(item)
    assert line.unit_price_rp < item.regular_price_rp  # a member saving, given by the catalog
    assert cart.markdown().markdown_rp == 0
    till.overrides.discount_line(cart, line.line_id, cashier, percent=10)  # the whole 10% is left


def test_a_manager_within_their_rights_and_the_sale_keeps_the_discount(till, cashier, manager):
    cart = sphp_cart(till)
    for _ in range(3):
        till.overrides.discount_total(cart, manager, amount_rp=5_000)  # a manager needs no approver
    result = till.sales.checkout(cart, cash(60_000), cashier)
    assert SaleModel.get_by_id(result.sale_id).discount_rp == 15_000


def test_fewer_pieces_keep_the_discount_within_the_share_it_was_given(till, cashier):
    cart = Cart()
    line = cart.add(till.catalog.lookup_barcode(barcode_of("MK1")), 4_000)  # 4 × Rp15.700 = Rp62.800
    till.overrides.discount_line(cart, line.line_id, cashier, amount_rp=6_000)  # 9.6%: within 10%
    cart.set_qty(line.line_id, 1_000)  # the walk-around: a within-limit discount, then one piece left
    assert line.discount_rp == 1_500 and not cart.line_markdown(line.line_id).over(10_000, 10)
    cart.set_qty(line.line_id, 3_000)  # more pieces again: the discount is not given back
    assert line.discount_rp == 1_500
