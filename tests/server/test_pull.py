"""Pull endpoint: ordered pages, per-terminal scopes, other terminals' stock, 410 with a snapshot."""

from __future__ import annotations

import pytest

from kkmp_pos.server import feed
from tests.server.support import seed


@pytest.fixture
def world(sdb):
    return seed(sdb, "kop1", ("s1", "s2"), (("s1", "t1"), ("s1", "t2"), ("s2", "t3")))


def _admin(world):
    return {"Authorization": f"Bearer {world['admin_token']}"}


def _pull_all(http, till, cursor="", limit=1000):
    changes = []
    while True:
        body = http.get(
            "/v1/sync/pull", params={"cursor": cursor, "limit": limit}, headers=till.headers
        ).json()
        changes += body["changes"]
        cursor = body["next_cursor"]
        if not body["has_more"]:
            return changes, cursor


def test_catalog_pages_arrive_in_order_and_resume_from_the_cursor(http, world):
    rows = [{"code": f"C{i:04d}", "name": f"Barang {i}", "price_rp": 1000 + i} for i in range(250)]
    assert http.post("/v1/admin/products", json={"rows": rows}, headers=_admin(world)).status_code == 200
    till = world["tills"]["t1"]
    changes, cursor = _pull_all(http, till, limit=37)
    assert len(changes) == 500
    ids = [c["id"] for c in changes]
    assert ids == sorted(ids) and len(set(ids)) == 500
    assert {c["entity"] for c in changes} == {"product", "price"}
    # nothing new: the cursor stays and the page is empty
    again, same = _pull_all(http, till, cursor)
    assert again == [] and same == cursor
    http.post("/v1/admin/prices", json={"rows": [{"code": "C0001", "price_rp": 1}]}, headers=_admin(world))
    later, _ = _pull_all(http, till, cursor)
    assert [(c["entity"], c["data"]["price_rp"]) for c in later] == [("price", 1)]


def test_stock_movements_reach_the_other_tills_of_the_store_only(http, world):
    t1, t2, t3 = (world["tills"][t] for t in ("t1", "t2", "t3"))
    sale = t1.sale(lines=3)
    http.post("/v1/sync/push", json={"events": [sale]}, headers=t1.headers)
    mine, _ = _pull_all(http, t1)
    theirs, _ = _pull_all(http, t2)
    other_store, _ = _pull_all(http, t3)
    assert mine == [] and other_store == []
    assert [c["entity"] for c in theirs] == ["stock_movement"] * 3
    assert {c["key"] for c in theirs} == {m["movement_id"] for m in sale["payload"]["movements"]}
    assert all(c["data"]["qty_milli"] == -1000 for c in theirs)


def test_feed_never_shows_another_cooperatives_changes(http, sdb, world):
    other = seed(sdb, "kop2", ("x1",), (("x1", "tx"),))
    headers = {"Authorization": f"Bearer {other['admin_token']}"}
    http.post("/v1/admin/members", json={"rows": [{"member_no": "A1", "name": "Budi"}]}, headers=headers)
    mine, _ = _pull_all(http, world["tills"]["t1"])
    theirs, _ = _pull_all(http, other["tills"]["tx"])
    assert mine == [] and [c["data"]["name"] for c in theirs] == ["Budi"]


def test_member_registered_at_a_till_comes_back_as_the_servers_version(http, world):
    t1, t2 = world["tills"]["t1"], world["tills"]["t2"]
    event = t1.event(
        "member.registered",
        {"member": {"member_id": "m-1", "member_no": "0001", "name": "Siti", "nik": "6471010101010001"}},
    )
    assert (
        http.post("/v1/sync/push", json={"events": [event]}, headers=t1.headers).json()["results"][0][
            "status"
        ]
        == "created"
    )
    for till in (t1, t2):
        changes, _ = _pull_all(http, till)
        assert [(c["entity"], c["key"], c["data"]["name"]) for c in changes] == [("member", "m-1", "Siti")]


def test_too_old_cursor_gets_410_and_a_snapshot_to_start_from(http, sdb, world):
    rows = [{"code": f"C{i}", "name": f"B{i}", "price_rp": 500} for i in range(5)]
    http.post("/v1/admin/products", json={"rows": rows}, headers=_admin(world))
    http.post("/v1/admin/ceilings", json={"rows": [{"code": "C1", "ceiling_rp": 600}]}, headers=_admin(world))
    till = world["tills"]["t1"]
    _, cursor = _pull_all(http, till)
    http.post("/v1/admin/prices", json={"rows": [{"code": "C2", "price_rp": 550}]}, headers=_admin(world))
    feed.prune(sdb, 10**9)
    response = http.get("/v1/sync/pull", params={"cursor": cursor}, headers=till.headers)
    assert response.status_code == 410
    body = response.json()
    assert body["error"]["code"] == "sync_cursor_expired"
    snap = body["snapshot"]
    prices = {
        c["data"]["product_id"]: c["data"]["price_rp"] for c in snap["changes"] if c["entity"] == "price"
    }
    assert len(prices) == 5 and 550 in prices.values()
    assert any(c["entity"] == "ceiling" for c in snap["changes"])
    # the snapshot's cursor works and sees only what comes after it
    http.post("/v1/admin/prices", json={"rows": [{"code": "C3", "price_rp": 560}]}, headers=_admin(world))
    after, _ = _pull_all(http, till, snap["cursor"])
    assert [c["data"]["price_rp"] for c in after] == [560]


@pytest.mark.parametrize("cursor", ["garbage", "v1.n0.c0.s0", "v1.nX.c0.s0.t0", "v2.n0.c0.s0.t0"])
def test_foreign_cursor_gets_400(http, world, cursor):
    response = http.get("/v1/sync/pull", params={"cursor": cursor}, headers=world["tills"]["t1"].headers)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "sync_wire_invalid"


def test_limit_out_of_range_gets_400(http, world):
    till = world["tills"]["t1"]
    for limit in (0, 100_000, "x"):
        response = http.get("/v1/sync/pull", params={"limit": limit}, headers=till.headers)
        assert response.status_code == 400


def test_a_products_aliases_reach_the_tills_in_the_feed(http, world):
    rows = [
        {"code": "MK1", "name": "MinyaKita 1 L", "aliases": "minyak goreng rakyat, migor", "price_rp": 15700}
    ]
    assert http.post("/v1/admin/products", json={"rows": rows}, headers=_admin(world)).status_code == 200
    changes, _ = _pull_all(http, world["tills"]["t1"])
    products = [c["data"] for c in changes if c["entity"] == "product"]
    assert [p["aliases"] for p in products] == ["minyak goreng rakyat, migor"]
