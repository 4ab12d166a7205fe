"""Members' money travels like sales: simpanan documents, bills and status changes are pushed, stored
once by the server (SQLite and PostgreSQL) and never quarantined; a member registered pending at one
till stays pending there when the server's member comes back through the feed."""

from __future__ import annotations

import random

from kkmp_pos.app import open_till
from kkmp_pos.core.nik import make_demo_nik
from kkmp_pos.core.simpanan import add_months, month_of
from kkmp_pos.services.setup.auth import actor_of
from kkmp_pos.sync.worker import sync_once
from tests.sync.support import new_till, seed_server


def test_simpanan_events_reach_the_server_and_pending_survives_the_feed(tmp_path, sdb, live):
    from kkmp_pos.db.models import MemberModel, UserModel

    seed_server(sdb)
    t1 = new_till(tmp_path / "t1", sdb, live.url)
    till = open_till(t1)
    try:
        till.auth.create_user("Budi", "manajer", "9999")
        till.ctx.set_setting("member.pokok_instalments", 2)
        cashier = actor_of(UserModel.get(UserModel.name == "Ani"))
        manager = actor_of(UserModel.get(UserModel.name == "Budi"))
        reg = till.registration.register(
            name="Wahyuni Lestari", nik=make_demo_nik(random.Random(3)), phone="", address="", method="cash",
            tendered_rp=50_000, cashier=cashier, pokok_paid_rp=50_000,
        )  # fmt: skip
        number = reg.member.number
        till.simpanan.pay(number, "wajib", cashier=cashier, months=2)
        till.simpanan.pay(number, "sukarela", cashier=cashier, amount_rp=30_000)
        till.simpanan.withdraw(number, 10_000, cashier=cashier, approver=manager)
        till.simpanan.generate_bills(add_months(month_of(till.ctx.business_date()), 3))
        report = sync_once(t1)
        assert report.rejected == 0 and report.waiting == 0
        assert MemberModel.get_by_id(reg.member.id).status == "pending"
    finally:
        till.close()
    with sdb.database.connection_context():
        stored = [e.type for e in sdb.m.EventModel.select()]
    assert stored.count("simpanan.recorded") == 3 and stored.count("simpanan.billed") >= 1
    till = open_till(t1)
    try:
        assert MemberModel.get_by_id(reg.member.id).status == "pending"  # the feed said "not active"
    finally:
        till.close()
