"""A terminal writes only for its own store: another store's sale cannot be cancelled, confirmed or
returned from it, nor another store's prices set; the cooperative's members and catalog are shared."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kkmp_pos.server import admin
from tests.server.support import seed

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "events_v1"


@pytest.fixture
def world(sdb):
    # s1: t1 and t2; s2: t3 (same cooperative)
    return seed(sdb, "kop1", ("s1", "s2"), (("s1", "t1"), ("s1", "t2"), ("s2", "t3")))


def _push(http, till, events):
    response = http.post("/v1/sync/push", json={"events": events}, headers=till.headers)
    assert response.status_code == 200, response.text
    return response.json()["results"]


def _sale_status(sdb, sale_id):
    with sdb.database.connection_context():
        return sdb.m.SaleModel.get(sdb.m.SaleModel.sale_id == sale_id).status


def test_terminal_of_another_store_cannot_cancel_a_sale(http, sdb, world):
    t1, t3 = world["tills"]["t1"], world["tills"]["t3"]
    sale = t1.sale(20_000)
    assert _push(http, t1, [sale])[0]["status"] == "created"
    sale_id = sale["payload"]["sale_id"]
    cancel = t3.event("sale.cancelled", {"sale_id": sale_id, "movements": []})
    result = _push(http, t3, [cancel, t3.sale(4_000)])
    assert result[0]["status"] == "rejected"
    assert "belongs to store s1, not to this terminal's store s2" in result[0]["reason"]
    assert result[1]["status"] == "created"  # the events behind it still go through
    assert _sale_status(sdb, sale_id) == "completed"
    report = {(r["store"], r["business_date"]): r["total_rp"] for r in admin.report(sdb, "kop1")}
    assert report[("s1", "2026-08-23")] == 20_000
    quarantined = admin.quarantined(sdb, "kop1")
    assert [q["terminal"] for q in quarantined] == ["t3"]
    assert "store s1" in quarantined[0]["reason"]


def test_terminal_of_another_store_cannot_confirm_a_payment_or_take_a_return(http, sdb, world):
    t1, t3 = world["tills"]["t1"], world["tills"]["t3"]
    unpaid = t1.sale(7_000, status="awaiting_payment")
    paid = t1.sale(9_000)
    _push(http, t1, [unpaid, paid])
    confirm = t3.event(
        "sale.payment_confirmed",
        {"sale_id": unpaid["payload"]["sale_id"], "payments": [{"method": "qris", "amount_rp": 7000}]},
    )
    refund = t3.event(
        "return.completed",
        {"return_id": "r1", "sale_id": paid["payload"]["sale_id"], "refund_rp": 9_000, "movements": []},
    )
    result = _push(http, t3, [confirm, refund])
    assert [r["status"] for r in result] == ["rejected", "rejected"]
    assert all("belongs to store s1" in r["reason"] for r in result)
    assert _sale_status(sdb, unpaid["payload"]["sale_id"]) == "awaiting_payment"
    assert admin.counts(sdb, "kop1")["sale_return"] == 0


def test_another_terminal_of_the_same_store_may_cancel(http, sdb, world):
    t1, t2 = world["tills"]["t1"], world["tills"]["t2"]
    sale = t1.sale(20_000)
    _push(http, t1, [sale])
    cancel = t2.event("sale.cancelled", {"sale_id": sale["payload"]["sale_id"], "movements": []})
    assert _push(http, t2, [cancel])[0]["status"] == "created"
    assert _sale_status(sdb, sale["payload"]["sale_id"]) == "cancelled"


def test_an_event_in_another_stores_name_is_refused(http, sdb, world):
    t3 = world["tills"]["t3"]
    sale = t3.sale(5_000)
    sale["store_id"] = "s1"
    result = _push(http, t3, [sale])
    assert result[0]["status"] == "rejected" and "not this terminal's store" in result[0]["reason"]
    assert admin.counts(sdb, "kop1")["sale"] == 0


def _fixture_payload(name):
    return json.loads((FIXTURES / f"{name}.json").read_text())["payload"]


def test_members_and_the_catalog_are_cooperative_wide_but_store_prices_are_not(http, sdb, world):
    t3 = world["tills"]["t3"]
    member = t3.event("member.registered", _fixture_payload("member_registered"))
    product = _fixture_payload("product_changed")
    shared = t3.event("product.changed", product | {"prices": [{"price_type": "regular", "price_rp": 16000}]})
    other_store = dict(product, code="MKT2", uid="01a24620-a6e7-70a0-997c-4c1eb3b46100")
    other_store["prices"] = [{"price_type": "regular", "price_rp": 1, "store_id": "s1"}]
    own_store = dict(product, code="MKT3", uid="01a24620-a6e7-70a0-997c-4c1eb3b46101")
    own_store["prices"] = [{"price_type": "regular", "price_rp": 16500, "store_id": "s2"}]
    result = _push(
        http,
        t3,
        [member, shared, t3.event("product.changed", other_store), t3.event("product.changed", own_store)],
    )
    assert [r["status"] for r in result] == ["created", "created", "rejected", "created"], result
    assert "store s1 is not this terminal's store s2" in result[2]["reason"]
    with sdb.database.connection_context():
        prices = {
            (p.store_id, p.price_rp)
            for p in sdb.m.PriceModel.select().where(sdb.m.PriceModel.price_type == "regular")
        }
        codes = {p.code for p in sdb.m.ProductModel.select()}
    assert ("s1", 1) not in prices and ("s2", 16500) in prices and ("", 16000) in prices
    assert "MKT2" not in codes  # the refused event left nothing behind
    assert admin.counts(sdb, "kop1")["member"] == 1
