"""Ingest's bulk paths: COPY keeps awkward text intact, and a document id sent again under a new event
id (a restored till) keeps the first copy, is answered `duplicate`, and does not fail the batch."""

from __future__ import annotations

import json

from kkmp_pos.server import admin
from tests.server.support import seed


def test_text_with_tabs_newlines_and_backslashes_is_stored_as_sent(http, sdb):
    till = seed(sdb)["tills"]["t1"]
    events = [till.sale(10_000, lines=3) for _ in range(60)]  # enough rows for the COPY path
    odd = 'Kopi\t"Kapal"\nApi \\ 1 kg\r'
    events[7]["payload"]["lines"][0]["name"] = odd
    answer = http.post("/v1/sync/push", json={"events": events}, headers=till.headers)
    assert answer.status_code == 200
    assert {r["status"] for r in answer.json()["results"]} == {"created"}
    m = sdb.m
    with sdb.database.connection_context():
        sale_id = events[7]["payload"]["sale_id"]
        line = m.SaleLineModel.get((m.SaleLineModel.sale_id == sale_id) & (m.SaleLineModel.line_no == 1))
        stored = m.EventModel.get(m.EventModel.event_id == events[7]["event_id"])
    assert line.name == odd
    assert json.loads(stored.payload) == events[7]["payload"]
    assert admin.counts(sdb, "kop1")["stock_movement"] == 180


def test_sale_id_again_under_a_new_event_id_keeps_the_first_and_the_batch_goes_in(http, sdb):
    till = seed(sdb)["tills"]["t1"]
    first = [till.sale(10_000) for _ in range(60)]
    assert http.post("/v1/sync/push", json={"events": first}, headers=till.headers).status_code == 200
    again = till.sale(99_000)
    again["payload"]["sale_id"] = first[0]["payload"]["sale_id"]
    batch = [again] + [till.sale(1_000) for _ in range(60)]
    answer = http.post("/v1/sync/push", json={"events": batch}, headers=till.headers)
    assert answer.status_code == 200
    results = answer.json()["results"]
    assert results[0]["status"] == "duplicate"
    assert first[0]["payload"]["sale_id"] in results[0]["reason"]
    assert {r["status"] for r in results[1:]} == {"created"}
    counts = admin.counts(sdb, "kop1")
    assert counts["sale"] == 120
    m = sdb.m
    with sdb.database.connection_context():
        kept = m.SaleModel.get(m.SaleModel.sale_id == first[0]["payload"]["sale_id"])
    assert kept.total_rp == 10_000
