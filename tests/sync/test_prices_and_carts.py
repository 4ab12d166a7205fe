"""New prices reach new carts only: a cart being rung up and the sale made from it keep their prices."""

from __future__ import annotations

from kkmp_pos.app import open_till
from kkmp_pos.core.cart import Cart
from kkmp_pos.server import catalog as server_catalog
from kkmp_pos.server.admin_api import apply_rows
from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod
from kkmp_pos.services.setup.auth import actor_of
from kkmp_pos.sync.worker import sync_once
from tests.sync.support import PRODUCTS, new_till, seed_server


def test_price_change_pulled_mid_cart_leaves_the_cart_and_its_sale_at_the_old_price(tmp_path, sdb, live):
    from kkmp_pos.db.models import SaleLineModel, UserModel

    seed_server(sdb)
    folder = new_till(tmp_path / "t1", sdb, live.url)
    product = PRODUCTS[4]
    old, new = product["price_rp"], product["price_rp"] + 500
    till = open_till(folder)
    try:
        cart = Cart()
        line = cart.add(till.catalog.lookup_barcode(product["barcode"]), 2000)
        assert line.unit_price_rp == old
        apply_rows(
            sdb,
            "kop1",
            [{"code": product["code"], "price_type": "regular", "price_rp": new}],
            server_catalog.set_price,
        )
        assert sync_once(folder).applied.prices == 1
        assert cart.lines[0].unit_price_rp == old and cart.totals().total_rp == 2 * old
        fresh = Cart()
        fresh.add(till.catalog.lookup_barcode(product["barcode"]))
        assert fresh.lines[0].unit_price_rp == new
        cashier = actor_of(UserModel.get(UserModel.name == "Ani"))
        sold = till.sales.checkout(cart, [PaymentInput(PaymentMethod.CASH, 0, 100_000)], cashier)
        assert sold.total_rp == 2 * old
        assert SaleLineModel.get(SaleLineModel.sale == sold.sale_id).unit_price_rp == old
        sync_once(folder)
    finally:
        till.close()
    m = sdb.m
    with sdb.database.connection_context():
        stored = m.SaleLineModel.get(m.SaleLineModel.sale_id == sold.sale_id)
    assert stored.unit_price_rp == old  # the server keeps the price it was sold at
