"""Push endpoint: every event stored exactly once, bad events quarantined, bad requests refused."""

from __future__ import annotations

import json

import pytest

from kkmp_pos.server import admin
from kkmp_pos.sync.wire import MAX_EVENTS_PER_PUSH
from tests.server.support import seed


@pytest.fixture
def world(sdb):
    return seed(sdb, "kop1", ("s1", "s2"), (("s1", "t1"), ("s1", "t2"), ("s2", "t3")))


def _push(http, till, events):
    return http.post("/v1/sync/push", json={"events": events}, headers=till.headers)


def test_same_batch_twice_creates_each_sale_once(http, sdb, world):
    till = world["tills"]["t1"]
    batch = [till.sale(10_000) for _ in range(5)]
    first = _push(http, till, batch)
    second = _push(http, till, batch)
    assert first.status_code == second.status_code == 200
    assert [r["status"] for r in first.json()["results"]] == ["created"] * 5
    assert [r["status"] for r in second.json()["results"]] == ["duplicate"] * 5
    assert second.json()["acked_through_seq"] == 5
    counts = admin.counts(sdb, "kop1")
    assert counts["sync_event"] == 5 and counts["sale"] == 5 and counts["sale_line"] == 10
    assert admin.report(sdb, "kop1")[0]["total_rp"] == 50_000


def test_one_invalid_event_is_quarantined_and_the_rest_are_created(http, sdb, world):
    till = world["tills"]["t1"]
    good1 = till.sale()
    bad = till.sale()
    bad["payload"]["totals"] = {"total_rp": "lima ribu"}
    unknown = till.event("sale.teleported", {"sale_id": "x"})
    good2 = till.sale()
    body = _push(http, till, [good1, bad, unknown, good2]).json()
    statuses = [r["status"] for r in body["results"]]
    assert statuses == ["created", "rejected", "rejected", "created"]
    assert "total_rp" in body["results"][1]["reason"]
    assert "unknown event type" in body["results"][2]["reason"]
    assert body["acked_through_seq"] == good2["seq"]
    listed = admin.quarantined(sdb, "kop1")
    assert {q["event_id"] for q in listed} == {bad["event_id"], unknown["event_id"]}
    # sent again after a lost answer: same verdict, no second quarantine row
    again = _push(http, till, [bad]).json()["results"][0]
    assert again["status"] == "rejected"
    assert admin.counts(sdb, "kop1")["sync_quarantine"] == 2


def test_same_event_id_with_other_content_is_a_conflict_kept_aside(http, sdb, world):
    till = world["tills"]["t1"]
    sale = till.sale(10_000)
    _push(http, till, [sale])
    forged = json.loads(json.dumps(sale))
    forged["payload"]["totals"]["total_rp"] = 1
    result = _push(http, till, [forged]).json()["results"][0]
    assert result["status"] == "rejected" and "conflict" in result["reason"]
    counts = admin.counts(sdb, "kop1")
    assert counts["sync_conflict"] == 1 and counts["sale"] == 1
    assert admin.report(sdb, "kop1")[0]["total_rp"] == 10_000


def test_terminal_cannot_push_into_another_cooperative(http, sdb, world):
    other = seed(sdb, "kop2", ("x1",), (("x1", "tx"),))["tills"]["tx"]
    till = world["tills"]["t1"]
    event = other.sale()
    response = _push(http, till, [till.sale(), event])
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "sync_wrong_cooperative"
    assert admin.counts(sdb, "kop1")["sync_event"] == 0
    assert admin.counts(sdb, "kop2")["sync_event"] == 0


def test_terminal_cannot_push_in_another_terminals_name(http, sdb, world):
    t1, t2 = world["tills"]["t1"], world["tills"]["t2"]
    response = _push(http, t1, [t2.sale()])
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "sync_wrong_terminal"


@pytest.mark.parametrize(
    ("authorization", "code"),
    [
        (None, "sync_auth_missing"),
        ("Basic dXNlcjpwYXNz", "sync_auth_missing"),
        ("Bearer kkt1.kop1.t1.wrongsecret", "sync_auth_invalid"),
        ("Bearer not-a-token", "sync_auth_invalid"),
    ],
)
def test_missing_or_wrong_token_gets_401(http, sdb, world, authorization, code):
    till = world["tills"]["t1"]
    headers = {"Authorization": authorization} if authorization else {}
    response = http.post("/v1/sync/push", json={"events": [till.sale()]}, headers=headers)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == code
    assert admin.counts(sdb, "kop1")["sync_event"] == 0


def test_revoked_terminal_gets_403(http, sdb, world):
    till = world["tills"]["t1"]
    admin.revoke_terminal(sdb, "kop1", "t1")
    response = _push(http, till, [till.sale()])
    # told it was revoked (403), not to enrol again (401): the token is known, the till is not allowed
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "sync_terminal_revoked"
    assert "revoked" in response.json()["error"]["message"]
    assert http.get("/v1/sync/pull", headers=till.headers).status_code == 403
    assert admin.counts(sdb, "kop1")["sync_event"] == 0


def test_bad_requests_get_clear_4xx_and_store_nothing(http, sdb, world):
    till = world["tills"]["t1"]
    h = till.headers | {"Content-Type": "application/json"}
    cases = [
        (b'{"events": [', 400, "sync_malformed_json"),
        (b"[1, 2]", 400, "sync_wire_invalid"),
        (b'{"events": "lots"}', 400, "sync_wire_invalid"),
        (b'{"events": []}', 400, "sync_wire_invalid"),
        (b'{"events": [], "extra": 1}', 400, "sync_wire_invalid"),
        (b"\xff\xfe", 400, "sync_malformed_json"),
    ]
    for body, status, code in cases:
        response = http.post("/v1/sync/push", content=body, headers=h)
        assert response.status_code == status, body
        assert response.json()["error"]["code"] == code, body
        assert response.json()["error"]["message"]
    assert admin.counts(sdb, "kop1")["sync_event"] == 0
    assert http.get("/v1/health").json()["status"] == "ok"


def test_too_many_events_or_bytes_get_413(http, sdb, world):
    till = world["tills"]["t1"]
    many = [till.sale() for _ in range(MAX_EVENTS_PER_PUSH + 1)]
    response = _push(http, till, many)
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "sync_too_large"
    huge = till.sale()
    huge["payload"]["note"] = "x" * (2 * 1024 * 1024)
    response = _push(http, till, [huge])
    assert response.status_code == 413
    # a chunked body without Content-Length is counted while it streams
    chunks = iter([b'{"events": [', b" " * (2 * 1024 * 1024), b"]}"])
    response = http.post("/v1/sync/push", content=chunks, headers=till.headers)
    assert response.status_code == 413
    assert admin.counts(sdb, "kop1")["sync_event"] == 0
    assert _push(http, till, [till.sale()]).status_code == 200


def test_full_batch_of_500_is_accepted(http, sdb, world):
    till = world["tills"]["t1"]
    response = _push(http, till, [till.sale() for _ in range(MAX_EVENTS_PER_PUSH)])
    assert response.status_code == 200
    assert response.json()["acked_through_seq"] == MAX_EVENTS_PER_PUSH
    assert admin.counts(sdb, "kop1")["sale"] == MAX_EVENTS_PER_PUSH


def test_report_is_net_of_returns_and_cancellations(http, sdb, world):
    t1, t3 = world["tills"]["t1"], world["tills"]["t3"]
    s1 = t1.sale(20_000, business_date="2026-08-23")
    s2 = t1.sale(5_000, business_date="2026-08-23")
    qris = t1.sale(7_000, business_date="2026-08-23", status="awaiting_payment")
    unpaid = t1.sale(9_000, business_date="2026-08-23", status="awaiting_payment")
    events = [s1, s2, qris, unpaid]
    events.append(
        t1.event(
            "sale.payment_confirmed",
            {"sale_id": qris["payload"]["sale_id"], "payments": [{"method": "qris", "amount_rp": 7000}]},
        )
    )
    events.append(
        t1.event(
            "sale.cancelled",
            {
                "sale_id": s2["payload"]["sale_id"],
                "movements": [{"product_id": "P0", "qty_milli": 1000, "kind": "cancel"}],
            },
        )
    )
    events.append(
        t1.event(
            "return.completed",
            {
                "return_id": "r1",
                "sale_id": s1["payload"]["sale_id"],
                "refund_rp": 3_000,
                "movements": [{"product_id": "P0", "qty_milli": 1000}],
            },
            business_date="2026-08-24",
        )
    )
    events.append(t1.event("shift.opened", {"float_rp": 100_000}))
    events.append(t3.sale(4_000))
    body = _push(http, t1, events[:-1]).json()
    assert all(r["status"] == "created" for r in body["results"]), body
    assert _push(http, t3, events[-1:]).status_code == 200
    rows = {(r["store"], r["business_date"]): r for r in admin.report(sdb, "kop1")}
    assert rows[("s1", "2026-08-23")]["sale_count"] == 2
    assert rows[("s1", "2026-08-23")]["total_rp"] == 27_000
    assert rows[("s1", "2026-08-24")]["total_rp"] == -3_000
    assert rows[("s2", "2026-08-23")]["total_rp"] == 4_000


def test_confirmation_of_an_unknown_sale_is_quarantined(http, sdb, world):
    till = world["tills"]["t1"]
    event = till.event("sale.payment_confirmed", {"sale_id": "nope"})
    result = _push(http, till, [event, till.sale()]).json()["results"]
    assert result[0]["status"] == "rejected" and "unknown" in result[0]["reason"]
    assert result[1]["status"] == "created"
    assert admin.counts(sdb, "kop1")["sync_event"] == 1
