"""The LPG 3 kg logbook: net of returns, cancelled sales left out, permissions, and date checks."""

import pytest

from kkmp_pos.core.cart import Cart
from kkmp_pos.core.errors import PermissionDenied, ValidationError
from tests.services.test_sales import barcode_of, cash

NIK = "6471015708900002"


def _lpg(till, cashier, qty: int):  # type: ignore[no-untyped-def]
    cart = Cart()
    cart.add(till.catalog.lookup_barcode(barcode_of("LPG3")), qty)
    return till.sales.checkout(cart, cash(100_000), cashier, buyer_nik=NIK)


def test_a_returned_tube_comes_off_and_a_fully_returned_line_disappears(till, cashier, manager):
    today = till.ctx.business_date()
    two = _lpg(till, cashier, 2000)
    one = _lpg(till, cashier, 1000)
    for sale, qty in ((two, 1000), (one, 1000)):
        [line] = till.reversals.returnable(sale.sale_id)
        till.reversals.create_return(sale.sale_id, {line.sale_line_id: qty}, cashier, manager)
    book = till.lpg_logbook.logbook(manager, today, today)
    mine = [e for e in book.entries if e.receipt_no in (two.receipt_no, one.receipt_no)]
    assert [(e.receipt_no, e.qty_milli, e.total_rp, e.nik) for e in mine] == [
        (two.receipt_no, 1000, 19_000, "6471********0002")
    ]


def test_cashiers_may_not_read_it_and_bad_ranges_are_refused(till, cashier, manager):
    today = till.ctx.business_date()
    with pytest.raises(PermissionDenied):
        till.lpg_logbook.logbook(cashier, today, today)
    with pytest.raises(ValidationError) as info:
        till.lpg_logbook.logbook(manager, today, "2000-01-01")
    assert info.value.code == "report_range_invalid"
