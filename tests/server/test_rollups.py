"""The daily rollups kept on ingest equal a full recomputation from the sale tables (issue 18)."""

from __future__ import annotations

from kkmp_pos.server import admin, rollups
from tests.server import board_world


def test_rollups_kept_on_ingest_equal_a_full_recomputation(http, sdb):
    board_world.build(http, sdb, "kop1")
    board_world.build(http, sdb, "kop2", region="7372")
    with sdb.database.connection_context():
        for coop in ("kop1", "kop2"):
            kept, fresh = rollups.stored(sdb, coop), rollups.recompute(sdb, coop)
            assert kept == fresh
            whole = [v for k, v in kept.items() if k[3] == rollups.WHOLE]
            # the world has everything the rollups count: members, QRIS, cancellations, refunds, units
            for name in ("member_sale_count", "qris_rp", "cancelled_count", "refund_rp", "cash_rp"):
                assert sum(v[name] for v in whole) > 0, name
            assert {k[3] for k in kept} >= {"sembako", "lpg", "apotek", rollups.NO_UNIT}
            # the whole-store rows agree with the admin report (net of refunds) per store and day
            report = {(r["store"], r["business_date"]): r for r in admin.report(sdb, coop)}
            for (_, day, store, unit), v in kept.items():
                if unit == rollups.WHOLE:
                    assert report[(store, day)]["sale_count"] == v["sale_count"]
                    assert report[(store, day)]["total_rp"] == v["sales_rp"] - v["refund_rp"]


def test_a_rebuild_gives_back_what_ingest_kept(http, sdb):
    board_world.build(http, sdb, "kop1")
    with sdb.database.connection_context():
        before = rollups.stored(sdb, "kop1")
        with sdb.atomic():
            rollups.rebuild(sdb, "kop1")
        assert rollups.stored(sdb, "kop1") == before


def test_rollups_stay_exact_when_a_batch_is_replayed_event_by_event(http, sdb):
    world = board_world.build(http, sdb, "kop1")
    till = world["tills"]["kop1-t1"]
    first = till.sale(40_000, business_date=board_world.DAYS[0])
    board_world.push(http, till, [first])
    again = till.sale(40_000, business_date=board_world.DAYS[1])
    again["payload"]["sale_id"] = first["payload"]["sale_id"]  # the same sale under a new event id
    bad = till.sale(1_000)
    bad["payload"]["lines"] = "not a list"
    nul = till.sale(9_000, business_date=board_world.DAYS[2])  # a NUL is refused before it is projected
    nul["payload"]["lines"][0]["name"] = "Gula\x00pasir"
    fine = [till.sale(12_000 + i, business_date=board_world.DAYS[2]) for i in range(3)]
    batch = [fine[0], again, bad, nul, *fine[1:]]
    answer = http.post("/v1/sync/push", json={"events": batch}, headers=till.headers)
    statuses = [r["status"] for r in answer.json()["results"]]
    assert statuses == ["created", "duplicate", "rejected", "rejected", "created", "created"]
    with sdb.database.connection_context():
        assert rollups.stored(sdb, "kop1") == rollups.recompute(sdb, "kop1")
