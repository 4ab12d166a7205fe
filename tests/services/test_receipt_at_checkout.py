"""Checkout stores the original receipt from the rows it has just written (nothing read back): what it
stores is exactly what the committed sale reads as, for members and non-members, with VAT and PPN-exempt
lines, discounts, cash and QRIS."""

from __future__ import annotations

import pytest

from kkmp_pos.core.cart import Cart
from kkmp_pos.core.receipt import WIDTH_58MM, build_sale_receipt
from kkmp_pos.db.models import MemberModel, ProductModel, SaleModel, StoreModel
from kkmp_pos.services.members.lookup import member_ref
from kkmp_pos.services.selling.priced_items import item_from
from kkmp_pos.services.selling.receipts import ReceiptService
from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod


def _products(count: int) -> list[ProductModel]:
    return list(
        ProductModel.select()
        .where(ProductModel.active == True)  # noqa: E712
        .order_by(ProductModel.member_price_rp.is_null(), ProductModel.id)
        .limit(count)
    )


def _as_read_back(till, sale_id: str) -> str:
    return build_sale_receipt(ReceiptService(till.ctx).data(sale_id), WIDTH_58MM).to_json()


@pytest.mark.parametrize("member", [True, False])
@pytest.mark.parametrize("method", [PaymentMethod.CASH, PaymentMethod.QRIS])
def test_the_stored_original_is_the_committed_sale_as_it_reads(till, cashier, member, method):
    store = StoreModel.get()
    store.vat_registered = True
    store.save()
    till.ctx.refresh_store()
    products = _products(4)
    ProductModel.update(ppn_exempt=True).where(ProductModel.id == products[1].id).execute()
    cart = Cart()
    if member:
        cart.set_member(member_ref(MemberModel.get(MemberModel.status == "active")))
    for product in products:
        cart.add(item_from(ProductModel.get_by_id(product.id)), 2000)
    cart.set_line_discount(cart.lines[0].line_id, 500)
    total = cart.totals().total_rp
    if method is PaymentMethod.CASH:
        payment = PaymentInput(PaymentMethod.CASH, 0, till.sales.cash_due(cart) + 7_000)
    else:
        payment = PaymentInput(method, total, reference="")
    result = till.sales.checkout(cart, [payment], cashier)
    stored = SaleModel.get_by_id(result.sale_id).receipt_document
    assert stored and stored == _as_read_back(till, result.sale_id)
    document = ReceiptService(till.ctx).document(result.sale_id)
    assert document.to_json() == stored
