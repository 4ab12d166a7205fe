"""The buyer's NIK (LPG 3 kg) travels in the sale event as keyed hash + last 4 (issue 12): the server
accepts the sale and never holds the full NIK."""

from __future__ import annotations

import json

from kkmp_pos.app import open_till
from kkmp_pos.core.cart import Cart
from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod
from kkmp_pos.services.setup.auth import actor_of
from kkmp_pos.sync.worker import sync_once
from tests.sync.support import PRODUCTS, new_till, queue, seed_server, server_sales

NIK = "6471015708900002"


def test_a_sale_with_a_buyer_nik_is_accepted_and_its_nik_kept_only_as_hash_and_last_4(tmp_path, sdb, live):
    from kkmp_pos.db.models import UserModel

    seed_server(sdb)
    folder = new_till(tmp_path / "t1", sdb, live.url)
    till = open_till(folder)
    try:
        cart = Cart()
        cart.add(till.catalog.lookup_barcode(PRODUCTS[0]["barcode"]))
        cashier = actor_of(UserModel.get(UserModel.name == "Ani"))
        sale = till.sales.checkout(
            cart, [PaymentInput(PaymentMethod.CASH, 0, 10_000)], cashier, buyer_nik=NIK
        )
    finally:
        till.close()
    sync_once(folder)
    assert queue(folder).get("pending", 0) == 0 and "rejected" not in queue(folder)
    assert sale.sale_id in server_sales(sdb)
    m = sdb.m
    with sdb.database.connection_context():
        row = m.EventModel.get((m.EventModel.type == "sale.completed") & (m.EventModel.seq == sale.event_seq))
    payload = json.loads(row.payload)
    assert payload["buyer_nik"] is None and payload["buyer_nik_last4"] == "0002"
    assert len(payload["buyer_nik_hmac"]) == 64 and NIK not in row.payload
