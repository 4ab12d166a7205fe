"""The till's real events reach the server and other tills: returns, cancellations, QRIS confirmations,
members registered at the counter, stock movements named by product identity."""

from __future__ import annotations

import random

from kkmp_pos.app import open_till
from kkmp_pos.core.cart import Cart
from kkmp_pos.core.nik import make_demo_nik
from kkmp_pos.server import admin
from kkmp_pos.server import catalog as server_catalog
from kkmp_pos.server.admin_api import apply_rows
from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod
from kkmp_pos.services.setup.auth import actor_of
from kkmp_pos.sync.worker import sync_once
from tests.sync.support import PRODUCTS, new_till, queue, seed_server


def _sync(folder):
    till = open_till(folder)
    try:
        return sync_once(folder)
    finally:
        till.close()


def _on_hand(folder) -> dict[str, int]:
    from kkmp_pos.db.models import ProductModel

    till = open_till(folder)
    try:
        return {p.code: p.on_hand_milli for p in ProductModel.select() if p.code.startswith("B")}
    finally:
        till.close()


def test_returns_cancellations_and_members_reach_the_server_and_the_other_till(tmp_path, sdb, live):
    from kkmp_pos.db.models import MemberModel, OutboxEventModel, UserModel

    seed_server(sdb)
    t1 = new_till(tmp_path / "t1", sdb, live.url)
    t2 = new_till(tmp_path / "t2", sdb, live.url, terminal="t2")
    till = open_till(t1)
    try:
        till.auth.create_user("Budi", "manajer", "9999")
        cashier = actor_of(UserModel.get(UserModel.name == "Ani"))
        manager = actor_of(UserModel.get(UserModel.name == "Budi"))
        cash = [PaymentInput(PaymentMethod.CASH, 0, 100_000)]
        cart = Cart()
        cart.add(till.catalog.lookup_barcode(PRODUCTS[0]["barcode"]))
        cart.add(till.catalog.lookup_barcode(PRODUCTS[7]["barcode"]), 2000)
        kept = till.sales.checkout(cart, cash, cashier)
        cart = Cart()
        cart.add(till.catalog.lookup_barcode(PRODUCTS[3]["barcode"]), 3000)
        voided = till.sales.checkout(cart, cash, cashier)
        line = next(r for r in till.reversals.returnable(kept.sale_id) if r.name == PRODUCTS[0]["name"])
        till.reversals.create_return(kept.sale_id, {line.sale_line_id: 1000}, cashier, manager)
        till.reversals.cancel(voided.sale_id, cashier, manager, reason="salah input")
        reg = till.registration.register(
            name="Wahyuni Lestari",
            nik=make_demo_nik(random.Random(7)),
            phone="0812 3456 7890",
            address="RT 05",
            method="cash",
            tendered_rp=100_000,
            cashier=cashier,
        )
        card = MemberModel.get_by_id(reg.member.id).card_code
        report = sync_once(t1)
        assert report.rejected == 0 and report.waiting == 0
        types = {e.type for e in OutboxEventModel.select()}
        assert {"sale.completed", "return.completed", "sale.cancelled", "member.registered"} <= types
    finally:
        till.close()
    assert queue(t1) == {"acked": queue(t1)["acked"]}

    # the board's report: the cancelled sale counts nowhere, the return reduces the day's total
    refund = PRODUCTS[0]["price_rp"]
    rows = admin.report(sdb, "kop1")
    assert [(r["sale_count"], r["total_rp"]) for r in rows] == [(1, kept.total_rp - refund)]

    # the server knows each movement's product; the other till applies them to the same products
    with sdb.database.connection_context():
        codes = {mv.product_code for mv in sdb.m.StockMovementModel.select()}
    assert codes == {PRODUCTS[0]["code"], PRODUCTS[7]["code"], PRODUCTS[3]["code"]}
    assert _sync(t2).applied.movements == 5  # 2 + 1 sale lines, 1 cancel, 1 return
    mine, theirs = _on_hand(t1), _on_hand(t2)
    assert theirs == mine
    assert mine[PRODUCTS[0]["code"]] == 0 and mine[PRODUCTS[7]["code"]] == -2000

    # the member registered at t1 is on t2 with its card; the server's later edit wins on t1
    till = open_till(t2)
    try:
        there = MemberModel.get_by_id(reg.member.id)
        assert (there.number, there.card_code, there.name) == (
            reg.member.number,
            card,
            "Wahyuni Lestari",
        )
    finally:
        till.close()
    apply_rows(
        sdb,
        "kop1",
        [{"member_id": reg.member.id, "member_no": reg.member.number, "name": "Wahyuni L."}],
        server_catalog.upsert_member,
    )
    _sync(t1)
    till = open_till(t1)
    try:
        assert MemberModel.get_by_id(reg.member.id).name == "Wahyuni L."
    finally:
        till.close()


def test_a_retried_push_sends_the_enriched_event_unchanged(tmp_path, sdb, live):
    """Identity is added once and saved: a batch sent again after a lost answer is a duplicate, not
    a conflict, even if the product's code changed meanwhile."""
    import json

    from kkmp_pos.db.models import OutboxEventModel, ProductModel
    from kkmp_pos.sync import outbox
    from tests.sync.support import sell

    seed_server(sdb)
    t1 = new_till(tmp_path / "t1", sdb, live.url)
    sell(t1, 1)
    till = open_till(t1)
    try:
        first = outbox.pending_events()
        ProductModel.update(code="LAIN").where(ProductModel.code == PRODUCTS[0]["code"]).execute()
        again = outbox.pending_events()
        assert first == again
        movements = first[0]["payload"]["movements"]
        assert {mv["product_code"] for mv in movements} == {PRODUCTS[0]["code"], PRODUCTS[7]["code"]}
        assert all(mv["product_uid"] for mv in movements)
        stored = json.loads(OutboxEventModel.get(OutboxEventModel.type == "sale.completed").payload)
        assert stored["movements"] == movements
    finally:
        till.close()
