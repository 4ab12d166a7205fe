"""One shift rule: cash (in or out) needs an open shift on this till; QRIS and transfer follow a setting;
a closed or counted shift takes nothing more. Each refusal writes nothing."""

from __future__ import annotations

import pytest

from kkmp_pos.core.cart import Cart
from kkmp_pos.core.cash import breakdown
from kkmp_pos.core.errors import StateError
from kkmp_pos.core.messages import MESSAGES
from kkmp_pos.db.models import (
    MemberModel,
    OutboxEventModel,
    SaleCancellationModel,
    SaleModel,
    SaleReturnModel,
)
from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod
from tests.conftest import open_test_shift


def cart_of(till) -> Cart:
    cart = Cart()
    cart.add(till.catalog.search("beras")[0], 1000)
    return cart


def pay_cash(till, cashier, **kw):
    cart = cart_of(till)
    due = till.sales.cash_due(cart)
    return till.sales.checkout(cart, [PaymentInput(PaymentMethod.CASH, 0, due + 10_000)], cashier, **kw)


def pay_transfer(till, cashier):
    cart = cart_of(till)
    payment = PaymentInput(PaymentMethod.TRANSFER, cart.totals().total_rp, reference="TRF-1234")
    return till.sales.checkout(cart, [payment], cashier)


def written() -> tuple[int, ...]:
    return (
        SaleModel.select().count(),
        OutboxEventModel.select().count(),
        SaleReturnModel.select().count(),
        SaleCancellationModel.select().count(),
        MemberModel.select().count(),
    )


def test_a_cash_sale_with_no_shift_open_is_refused_in_words_and_writes_nothing(no_shift, cashier):
    till = no_shift
    before = written()
    with pytest.raises(StateError) as err:
        pay_cash(till, cashier)
    assert err.value.code == "shift_needed_for_cash"
    assert "Buka shift" in err.value.message("id") and "modal awal" in err.value.message("id")
    assert written() == before


def test_qris_and_transfer_need_a_shift_by_default_and_the_setting_lets_them_through(no_shift, cashier):
    till = no_shift
    assert till.ctx.settings.shift_required_for_noncash is True
    with pytest.raises(StateError) as err:
        pay_transfer(till, cashier)
    assert err.value.code == "shift_needed"
    till.ctx.set_setting("shift.required_for_noncash", False)
    result = pay_transfer(till, cashier)
    assert SaleModel.get_by_id(result.sale_id).shift_id is None  # in no shift: none was open
    with pytest.raises(StateError):  # cash never goes without one
        pay_cash(till, cashier)


def test_a_sale_books_into_the_open_shift(till, cashier):
    [shift] = till.shifts.unclosed()
    result = pay_cash(till, cashier)
    assert SaleModel.get_by_id(result.sale_id).shift_id == shift.id


def test_a_counted_or_closed_shift_takes_no_more_sales(till, cashier, manager):
    [shift] = till.shifts.unclosed()
    pay_cash(till, cashier)
    expected = till.shifts.figures(shift.id).expected_rp
    till.shifts.submit_count(cashier, breakdown(expected), shift.id)
    before = written()
    with pytest.raises(StateError) as err:  # counted: the drawer is being closed
        pay_cash(till, cashier)
    assert err.value.code == "shift_needed_for_cash"
    assert written() == before
    till.shifts.finish_close(cashier, shift.id)
    before = written()
    with pytest.raises(StateError) as err:  # naming the closed shift does not get in either
        pay_cash(till, cashier, shift_id=shift.id)
    assert err.value.code == "shift_closed"
    assert written() == before
    assert till.shifts.figures(shift.id).expected_rp == expected


def test_cash_refunds_need_an_open_shift_and_land_in_it(till, cashier, manager):
    first, second = pay_cash(till, cashier), pay_cash(till, cashier)
    line = till.reversals.returnable(first.sale_id)[0]
    from tests.conftest import close_test_shift

    close_test_shift(till)
    before = written()
    with pytest.raises(StateError) as err:
        till.reversals.create_return(first.sale_id, {line.sale_line_id: 1000}, cashier, manager)
    assert err.value.code == "shift_needed_for_cash"
    with pytest.raises(StateError) as err:
        till.reversals.cancel(second.sale_id, cashier, manager, "salah input")
    assert err.value.code == "shift_needed_for_cash"
    assert written() == before
    shift_id = open_test_shift(till)
    doc = till.reversals.create_return(first.sale_id, {line.sale_line_id: 1000}, cashier, manager)
    assert SaleReturnModel.get_by_id(doc).shift_id == shift_id
    doc = till.reversals.cancel(second.sale_id, cashier, manager, "salah input")
    assert SaleCancellationModel.get_by_id(doc).shift_id == shift_id


def test_simpanan_paid_in_cash_needs_an_open_shift(no_shift, cashier):
    till = no_shift
    before = written()
    with pytest.raises(StateError) as err:
        till.registration.register(
            name="Sri Wahyuni",
            nik="6471054107900001",
            phone="081234567890",
            address="Jl. Mulawarman 1",
            method="cash",
            cashier=cashier,
            tendered_rp=100_000,
        )
    assert err.value.code == "shift_needed_for_cash"
    assert written() == before


def test_cash_in_and_out_need_an_open_shift(no_shift, cashier):
    with pytest.raises(StateError):
        no_shift.shifts.cash_move(cashier, "in", 10_000, "uang kecil")


def test_every_new_code_has_both_languages():
    for code in ("shift_needed_for_cash", "shift_needed", "shift_closed"):
        indonesian, english = MESSAGES[code]
        assert indonesian and english and indonesian != english
