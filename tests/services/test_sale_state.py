"""move_sale writes a sale's status only by a legal move; an illegal one changes nothing."""

from __future__ import annotations

import pytest

from kkmp_pos.core.cart import Cart
from kkmp_pos.core.errors import StateError
from kkmp_pos.core.sale_status import SaleMove, SaleStatus
from kkmp_pos.db.models import ProductModel, SaleModel
from kkmp_pos.services.selling.sale_state import move_sale
from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod


def _completed_sale(till, cashier) -> SaleModel:
    cart = Cart()
    cart.add(till.catalog.item(ProductModel.get(ProductModel.code == "SPHP5").id), 1_000)
    result = till.sales.checkout(cart, [PaymentInput(PaymentMethod.CASH, 0, 10**7)], cashier)
    return SaleModel.get_by_id(result.sale_id)


def test_a_legal_move_writes_the_new_status(till, cashier):
    sale = _completed_sale(till, cashier)
    with till.ctx.db.atomic():
        assert move_sale(sale, SaleMove.CANCEL) is SaleStatus.CANCELLED
    assert SaleModel.get_by_id(sale.id).status == "cancelled"


def test_an_illegal_move_is_refused_and_the_status_stays(till, cashier):
    sale = _completed_sale(till, cashier)
    with pytest.raises(StateError) as refused, till.ctx.db.atomic():
        move_sale(sale, SaleMove.CONFIRM_PAYMENT)
    assert refused.value.code == "sale_state_invalid"
    assert SaleModel.get_by_id(sale.id).status == "completed"
