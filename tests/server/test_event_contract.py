"""The server reads pushed payloads through the event contract: version-1 payloads of today's tills
(frozen in tests/fixtures/events_v1) and version-2 sales are projected; malformed ones are quarantined
with the contract's reason."""

from __future__ import annotations

import copy
import json
import sqlite3
from pathlib import Path

from kkmp_pos.server import admin
from tests.server.support import seed

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "events_v1"


def _push(http, till, envelopes):
    response = http.post("/v1/sync/push", json={"events": envelopes}, headers=till.headers)
    assert response.status_code == 200, response.text
    return response.json()["results"]


def _frozen(name: str) -> dict:
    return json.loads((FIXTURES / f"{name}.json").read_text())


def _envelope(till, frozen: dict, version: int | None = None) -> dict:
    env = till.event(frozen["type"], copy.deepcopy(frozen["payload"]), frozen["business_date"])
    env["schema_version"] = frozen["schema_version"] if version is None else version
    return env


def test_every_frozen_v1_payload_of_todays_till_is_accepted_and_projected(http, sdb):
    till = seed(sdb)["tills"]["t1"]
    sales = {
        name: _frozen(name)
        for name in ("sale_completed", "sale_completed_qris", "sale_completed_member_qris")
    }
    confirmed = _frozen("sale_payment_confirmed")
    confirmed["payload"]["sale_id"] = sales["sale_completed_qris"]["payload"]["sale_id"]
    cancelled = _frozen("sale_cancelled_qris_abandoned")
    cancelled["payload"]["sale_id"] = sales["sale_completed_member_qris"]["payload"]["sale_id"]
    returned = _frozen("return_completed")
    returned["payload"]["sale_id"] = sales["sale_completed"]["payload"]["sale_id"]
    rest = [
        _frozen(p.stem)
        for p in sorted(FIXTURES.glob("*.json"))
        if not p.stem.startswith(("sale_", "return_"))
    ]
    envelopes = [_envelope(till, f) for f in [*sales.values(), confirmed, cancelled, returned, *rest]]
    results = _push(http, till, envelopes)
    assert [r["status"] for r in results] == ["created"] * len(envelopes), results
    counts = admin.counts(sdb, "kop1")
    assert counts["sale"] == 3 and counts["sale_return"] == 1
    assert counts["sale_line"] == sum(len(s["payload"]["lines"]) for s in sales.values())
    assert counts["sync_quarantine"] == 0


def test_a_v2_sale_and_a_v1_sale_land_in_the_same_report(http, sdb):
    till = seed(sdb)["tills"]["t1"]
    v1 = _frozen("sale_completed")
    v2 = copy.deepcopy(v1)
    v2["payload"]["sale_id"] = "01a2293d-0000-7000-8000-000000000002"
    for line in v2["payload"]["lines"]:
        line["ppn_exempt"] = False
    v2["payload"] |= {"vat_registered": True, "ppn_percent": 11}
    for mv in v2["payload"]["movements"]:
        mv["id"] += "-2"
        mv["unit_cost_rp"] = 1_000
    results = _push(http, till, [_envelope(till, v1), _envelope(till, v2, version=2)])
    assert [r["status"] for r in results] == ["created", "created"]
    [row] = admin.report(sdb, "kop1")
    assert row["sale_count"] == 2
    assert row["total_rp"] == v1["payload"]["total_rp"] + v2["payload"]["total_rp"]


def test_malformed_payloads_are_quarantined_with_the_contracts_reason(http, sdb):
    till = seed(sdb)["tills"]["t1"]
    sale = _frozen("sale_completed")
    float_money = copy.deepcopy(sale)
    float_money["payload"]["total_rp"] = 26500.0
    v2_without_exemption = copy.deepcopy(sale)
    v2_without_exemption["payload"] |= {"vat_registered": False, "ppn_percent": 11}
    bool_amount = copy.deepcopy(sale)
    bool_amount["payload"]["payments"][0]["amount_rp"] = True
    envelopes = [
        _envelope(till, float_money),
        _envelope(till, v2_without_exemption, version=2),
        _envelope(till, sale, version=7),
        _envelope(till, bool_amount),
        _envelope(till, {**_frozen("stock_received"), "payload": {"receipt_id": "g-1"}}),
        _envelope(till, _frozen("shift_opened")),
    ]
    results = _push(http, till, envelopes)
    assert [r["status"] for r in results] == ["rejected"] * 5 + ["created"]
    reasons = [r["reason"] for r in results[:5]]
    assert reasons == [
        "payload: total_rp must be an integer number of rupiah",
        "payload: lines[0].ppn_exempt is missing",
        "payload: schema_version 7 is not a version of sale.completed (known: 1, 2)",
        "payload: payments[0].amount_rp must be an integer number of rupiah",
        "payload: movements is missing",
    ]
    assert admin.counts(sdb, "kop1")["sale"] == 0
    assert admin.counts(sdb, "kop1")["sync_quarantine"] == 5


def test_events_queued_in_the_frozen_databases_are_accepted(http, sdb):
    till = seed(sdb)["tills"]["t1"]
    envelopes = []
    for db in sorted(FIXTURES.parent.glob("schema_v*.db")):
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            rows = con.execute(
                "SELECT type, schema_version, business_date, payload FROM outbox_event ORDER BY seq LIMIT 3"
            ).fetchall()
        finally:
            con.close()
        for etype, version, bdate, payload in rows:
            # the same sales sit in several frozen files: a fresh sale id keeps each one its own
            body = json.loads(payload) | {"sale_id": f"{db.stem}-{len(envelopes)}"}
            for mv in body.get("movements", []):
                mv["id"] = f"{body['sale_id']}-{mv['id'][-12:]}"
            frozen = {"type": etype, "schema_version": version, "business_date": bdate, "payload": body}
            envelopes.append(_envelope(till, frozen))
    results = _push(http, till, envelopes)
    assert len(results) == 9
    assert [r["status"] for r in results] == ["created"] * len(envelopes), results
