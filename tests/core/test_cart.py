"""Cart pricing rules: member prices for active members only, ceilings refused, quantity limits."""

import pytest

from kkmp_pos.core.cart import Cart, MemberRef
from kkmp_pos.core.errors import NotFoundError, ValidationError
from kkmp_pos.core.pricing import PricedItem, PriceType

RICE = PricedItem(1, None, "SPHP5", "Beras SPHP 5 kg", "pak", 1000, 65500, 64500, 65500)
OIL = PricedItem(2, None, "MK1", "MinyaKita 1 L", "btl", 1000, 15700, 15200, 15700)
CURAH = PricedItem(3, None, "BRCM", "Beras Curah", "kg", 1000, 13900, 13500, 14000, is_weighed=True)
NO_MEMBER_PRICE = PricedItem(4, None, "X", "Korek api", "pcs", 1000, 1000, None, None)
ACTIVE = MemberRef("m1", "A-000001", "Siti", True)
LAPSED = MemberRef("m2", "A-000002", "Joko", False)


def test_member_prices_apply_and_come_back_off():
    cart = Cart()
    cart.add(RICE, 2000)
    cart.add(OIL)
    assert cart.totals().total_rp == 2 * 65500 + 15700
    cart.set_member(ACTIVE)
    assert [line.price_type for line in cart.lines] == [PriceType.MEMBER, PriceType.MEMBER]
    assert cart.totals().total_rp == 2 * 64500 + 15200
    assert cart.totals().member_savings_rp == 2 * 1000 + 500
    cart.set_member(None)
    assert cart.totals().total_rp == 2 * 65500 + 15700
    assert cart.totals().member_savings_rp == 0


def test_inactive_member_gets_regular_prices():
    cart = Cart()
    cart.add(RICE)
    cart.set_member(LAPSED)
    assert cart.lines[0].price_type is PriceType.REGULAR
    assert cart.totals().total_rp == 65500


def test_non_member_sees_what_membership_would_save():
    cart = Cart()
    cart.add(RICE, 2000)
    cart.add(NO_MEMBER_PRICE)
    assert cart.totals().potential_member_savings_rp == 2000


def test_price_above_ceiling_is_refused_not_lowered():
    bad = PricedItem(5, None, "LPG3", "LPG 3 kg", "tabung", 1000, 21000, None, 19000)
    cart = Cart()
    with pytest.raises(ValidationError) as info:
        cart.add(bad)
    assert info.value.code == "price_above_ceiling"
    assert "Rp19.000" in info.value.message()
    assert cart.lines == []


def test_scanning_again_adds_to_the_line_but_weighed_goods_get_new_lines():
    cart = Cart()
    cart.add(OIL)
    cart.add(OIL)
    assert len(cart.lines) == 1 and cart.lines[0].qty_milli == 2000
    cart.add(CURAH, 1250)
    cart.add(CURAH, 500)
    assert len(cart.lines) == 3
    assert cart.lines[1].total_rp == 17375


@pytest.mark.parametrize(
    ("item", "qty", "code"),
    [
        (OIL, 0, "qty_not_positive"),
        (OIL, -1000, "qty_not_positive"),
        (OIL, 1500, "qty_not_whole"),
        (OIL, 10_000_000, "qty_too_large"),
        (CURAH, 1_000_001, "qty_too_large"),
    ],
)
def test_bad_quantities_are_refused_and_change_nothing(item, qty, code):
    cart = Cart()
    cart.add(OIL)
    with pytest.raises(ValidationError) as info:
        cart.set_qty(cart.lines[0].line_id, qty) if item is OIL else cart.add(item, qty)
    assert info.value.code == code
    assert [(line.item.code, line.qty_milli) for line in cart.lines] == [("MK1", 1000)]


def test_limits_allow_the_maximum_itself():
    cart = Cart()
    cart.add(OIL, 9_999_000)
    cart.add(CURAH, 1_000_000)
    assert cart.totals().line_count == 2


def test_remove_and_unknown_line():
    cart = Cart()
    line = cart.add(OIL)
    cart.remove(line.line_id)
    assert cart.lines == []
    with pytest.raises(NotFoundError):
        cart.remove(line.line_id)
